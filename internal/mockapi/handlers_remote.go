package mockapi

import (
	"strings"
)

// remotePrefixes are postcode prefixes of well-known remote areas
// (islands, overseas territories, highlands).
var remotePrefixes = map[string][]string{
	"US": {"995", "996", "997", "998", "999", "967", "968", "006", "007", "009"},
	"GB": {"HS", "ZE", "KW15", "KW16", "KW17", "IV41", "PA41", "PA42", "PA78", "TR21"},
	"DE": {"18565", "25849", "25859", "25863", "25869", "25938", "25946", "26465", "26474", "26486", "26548", "26571", "26579", "26757", "27498"},
	"FR": {"20", "971", "972", "973", "974", "976"},
	"ES": {"35", "38", "07", "51", "52"},
	"IT": {"07", "08", "09", "90", "98"},
	"AU": {"08", "0872", "6710", "6743", "7215"},
	"CA": {"X0", "X1", "Y0", "Y1"},
	"NO": {"9170", "9171", "9173", "9174", "9175", "9176", "9178"},
	"PT": {"90", "91", "92", "93", "95", "96", "97", "98", "99"},
}

// countryCode reads a 2-letter code or a country name.
func countryCode(v string) string {
	if len(v) == 2 {
		return strings.ToUpper(v)
	}
	for code, c := range countries {
		if strings.EqualFold(c.name, v) {
			return code
		}
	}
	return ""
}

// isRemote: the listed prefixes, else one postcode in twenty by hash.
func isRemote(cc, postcode string) bool {
	pc := strings.ToUpper(strings.ReplaceAll(postcode, " ", ""))
	for _, p := range remotePrefixes[cc] {
		if strings.HasPrefix(pc, p) {
			return true
		}
	}
	return seeded("remote", cc, pc).intn(20) == 0
}

func (a *account) remote(c *call) reply {
	items, err := parseArray(c.body)
	if err != nil || len(items) == 0 {
		return fail(4012)
	}
	type answer struct {
		Country  string `json:"country"`
		Postcode string `json:"postcode"`
		Company  string `json:"company"`
		Remote   bool   `json:"remote"`
	}
	out := make([]answer, 0, len(items))
	for _, o := range items {
		a := answer{}
		var errs [3]error
		a.Country, errs[0] = o.text("country")
		a.Postcode, errs[1] = o.text("postcode")
		a.Company, errs[2] = o.text("company")
		if a.Country == "" || a.Postcode == "" || errs != [3]error{} {
			return fail(4012, "Every item needs a country and a postcode.")
		}
		a.Remote = isRemote(countryCode(a.Country), a.Postcode)
		out = append(out, a)
	}
	if !a.meter("remote") {
		return fail(4021)
	}
	return ok(out)
}
