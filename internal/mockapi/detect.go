package mockapi

import (
	"regexp"
	"strings"
)

var (
	numberRe   = regexp.MustCompile(`^[0-9A-Za-z_-]{5,}$`)
	upsRe      = regexp.MustCompile(`^1Z[0-9A-Z]{16}$`)
	s10Re      = regexp.MustCompile(`^[A-Z]{2}[0-9]{9}([A-Z]{2})$`)
	ePacketRe  = regexp.MustCompile(`^[EL][A-Z][0-9]{9}CN$`)
	uspsRe     = regexp.MustCompile(`^(?:420[0-9]{5}(?:[0-9]{4})?)?9[0-9]{19,21}$`)
	fedexRe    = regexp.MustCompile(`^(?:[0-9]{12}|[0-9]{15})$`)
	dhlRe      = regexp.MustCompile(`^[0-9]{10}$`)
	fourPXRe   = regexp.MustCompile(`^4PX[0-9A-Z]+$`)
	sfRe       = regexp.MustCompile(`^SF[0-9]{12,13}$`)
	jtRe       = regexp.MustCompile(`^JT[0-9]{13}$`)
	airWaybill = regexp.MustCompile(`^[0-9]{3}[ -]?[0-9]{7,8}$`)
)

// carrierRef is a detection candidate.
type carrierRef struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

// detect returns the candidate carriers of a number by its format, most
// likely first; nil when the format is unknown.
func detect(number string) []carrierRef {
	n := strings.ToUpper(strings.TrimSpace(number))
	var codes []string
	switch {
	case upsRe.MatchString(n):
		codes = []string{"ups"}
	case s10Re.MatchString(n):
		cc := s10Re.FindStringSubmatch(n)[1]
		if p, ok := postOf[cc]; ok {
			codes = []string{p}
			// China ships EMS (E…CN) and ePacket (L…CN) items with its EMS
			// arm, as TrackingMore's own examples pair them.
			if ePacketRe.MatchString(n) {
				codes = []string{"china-ems", p}
			}
		}
	case uspsRe.MatchString(n):
		codes = []string{"usps"}
	case fedexRe.MatchString(n):
		codes = []string{"fedex"}
	case dhlRe.MatchString(n):
		codes = []string{"dhl"}
	case fourPXRe.MatchString(n):
		codes = []string{"4px"}
	case sfRe.MatchString(n):
		codes = []string{"sf-express"}
	case jtRe.MatchString(n):
		codes = []string{"jtexpress"}
	}
	refs := make([]carrierRef, 0, len(codes))
	for _, c := range codes {
		refs = append(refs, carrierRef{Name: carrierByCode[c].Name, Code: c})
	}
	if len(refs) == 0 {
		return nil
	}
	return refs
}

// originOf is the origin country of a shipment: the country suffix of UPU
// S10 numbers, else the carrier's home.
func originOf(c *carrier, number string) string {
	if m := s10Re.FindStringSubmatch(strings.ToUpper(number)); m != nil {
		if _, ok := countries[m[1]]; ok {
			return m[1]
		}
	}
	return c.country
}
