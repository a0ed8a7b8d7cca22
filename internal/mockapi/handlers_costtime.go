package mockapi

import (
	"regexp"
	"strings"
)

var countryCodeRe = regexp.MustCompile(`^[A-Za-z]{2}$`)

// costTime answers transit-time statistics per lane: total parcels seen,
// delivered parcels, and how many of the delivered took 0-7 days (range1),
// 8-15 (range3), 16-30 (range4), 31-60 (range5) and over 60 (range6); the
// five ranges add up to delivered.
func (a *account) costTime(c *call) reply {
	items, err := parseArray(c.body)
	if err != nil || len(items) == 0 {
		return fail(4012)
	}
	type lane struct {
		CarrierCode string `json:"carrier_code"`
		Original    string `json:"original"`
		Destination string `json:"destination"`
		Total       int    `json:"total"`
		Delivered   int    `json:"delivered"`
		Range1      int    `json:"range1"`
		Range3      int    `json:"range3"`
		Range4      int    `json:"range4"`
		Range5      int    `json:"range5"`
		Range6      int    `json:"range6"`
	}
	out := make([]lane, 0, len(items))
	for _, o := range items {
		var l lane
		l.CarrierCode, _ = o.text("carrier_code")
		l.Original, _ = o.text("original")
		l.Destination, _ = o.text("destination")
		if carrierByCode[l.CarrierCode] == nil {
			return fail(4015)
		}
		if !countryCodeRe.MatchString(l.Original) || !countryCodeRe.MatchString(l.Destination) {
			return fail(4012, "original and destination must be 2-letter country codes.")
		}
		r := seeded("costtime", l.CarrierCode, strings.ToUpper(l.Original), strings.ToUpper(l.Destination))
		l.Total = 200 + r.intn(4800)
		l.Delivered = l.Total * (85 + r.intn(12)) / 100
		weights := []int{15, 40, 30, 10, 5}
		if strings.EqualFold(l.Original, l.Destination) {
			weights = []int{70, 20, 7, 2, 1}
		}
		ranges := []*int{&l.Range1, &l.Range3, &l.Range4, &l.Range5, &l.Range6}
		left := l.Delivered
		for i, w := range weights[1:] {
			*ranges[i+1] = l.Delivered * (w + r.intn(3)) / 100
			left -= *ranges[i+1]
		}
		l.Range1 = left
		out = append(out, l)
	}
	return ok(out)
}
