package mockapi

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

// carrier is one entry of the catalogue served by GET /carriers.
type carrier struct {
	Name     string   `json:"name"`
	Code     string   `json:"code"`
	Phone    string   `json:"phone"`
	Homepage string   `json:"homepage"`
	Type     string   `json:"type"`
	Picture  string   `json:"picture"`
	country  string   // ISO 3166 alpha-2 of the carrier's home, the default origin
	required []string // create fields the carrier needs besides the number
}

// carriersJSON is TrackingMore's carrier list as its own shop plugin
// publishes it: code, name, other_name and required_fields of 1,085
// carriers. It has no phone, homepage, type or picture: known lists them
// for the well-known carriers, describe derives them for the rest.
//
//go:embed data/carriers.json
var carriersJSON []byte

// known holds the real contact details of the well-known carriers, in the
// order GET /carriers lists them first.
var known = []struct{ code, typ, phone, homepage, country string }{
	{"ups", "express", "+1 800 742 5877", "https://www.ups.com", "US"},
	{"usps", "globalpost", "+1 800-275-8777", "https://www.usps.com", "US"},
	{"fedex", "express", "+1 800 247 4747", "https://www.fedex.com", "US"},
	{"dhl", "express", "+44 844 248 0844", "https://www.dhl.com", "DE"},
	{"dhl-germany", "express", "+49 228 4333112", "https://www.dhl.de", "DE"},
	{"deutsche-post", "globalpost", "+49 228 4333118", "https://www.deutschepost.de", "DE"},
	{"tnt", "express", "+31 88 393 9393", "https://www.tnt.com", "NL"},
	{"china-post", "globalpost", "+86 11185", "http://yjcx.ems.com.cn", "CN"},
	{"china-ems", "globalpost", "+86 11183", "http://www.ems.com.cn", "CN"},
	{"royal-mail", "globalpost", "+44 3457 740 740", "https://www.royalmail.com", "GB"},
	{"canada-post", "globalpost", "+1 866 607 6301", "https://www.canadapost-postescanada.ca", "CA"},
	{"australia-post", "globalpost", "+61 13 13 18", "https://auspost.com.au", "AU"},
	{"japan-post", "globalpost", "+81 570 046 111", "https://www.post.japanpost.jp", "JP"},
	{"turkey-post", "globalpost", "+90 444 1 788", "https://www.ptt.gov.tr", "TR"},
	{"sto", "express", "+86 95543", "https://www.sto.cn", "CN"},
	{"yto", "express", "+86 95554", "https://www.yto.net.cn", "CN"},
	{"zto", "express", "+86 95311", "https://www.zto.com", "CN"},
	{"yunda", "express", "+86 95546", "https://www.yundaex.com", "CN"},
	{"sf-express", "express", "+86 95338", "https://www.sf-express.com", "CN"},
	{"bestex", "express", "+86 4009 565656", "http://www.800bestex.com", "CN"},
	{"4px", "express", "+86 4008 086 400", "https://www.4px.com", "CN"},
	{"yanwen", "express", "+86 4001 081 188", "https://www.yw56.com.cn", "CN"},
	{"cainiao", "express", "+86 95187", "https://global.cainiao.com", "CN"},
	{"dpd", "express", "+44 121 275 0500", "https://www.dpd.com", "DE"},
	{"gls", "express", "+49 6677 646 907 000", "https://gls-group.com", "DE"},
	{"hermes", "express", "+49 40 537 55 0", "https://www.hermesworld.com", "DE"},
	{"postnl-parcels", "globalpost", "+31 88 868 6161", "https://www.postnl.nl", "NL"},
	{"laposte", "globalpost", "+33 3631", "https://www.laposte.fr", "FR"},
	{"colissimo", "express", "+33 3631", "https://www.colissimo.fr", "FR"},
	{"poste-italiane", "globalpost", "+39 803 160", "https://www.poste.it", "IT"},
	{"correos-spain", "globalpost", "+34 915 197 197", "https://www.correos.es", "ES"},
	{"swiss-post", "globalpost", "+41 848 888 888", "https://www.post.ch", "CH"},
	{"austria-post", "globalpost", "+43 577 677 0", "https://www.post.at", "AT"},
	{"belgium-post", "globalpost", "+32 2 276 22 74", "https://www.bpost.be", "BE"},
	{"posten-norge", "globalpost", "+47 21 31 62 60", "https://www.posten.no", "NO"},
	{"sweden-posten", "globalpost", "+46 771 33 33 10", "https://www.postnord.se", "SE"},
	{"finland-posti", "globalpost", "+358 200 71000", "https://www.posti.fi", "FI"},
	{"an-post", "globalpost", "+353 1 705 7600", "https://www.anpost.com", "IE"},
	{"india-post", "globalpost", "+91 1800 266 6868", "https://www.indiapost.gov.in", "IN"},
	{"singapore-post", "globalpost", "+65 6841 2000", "https://www.singpost.com", "SG"},
	{"hong-kong-post", "globalpost", "+852 2921 2222", "https://www.hongkongpost.hk", "HK"},
	{"korea-post", "globalpost", "+82 1588 1300", "https://www.epost.go.kr", "KR"},
	{"thailand-post", "globalpost", "+66 1545", "https://www.thailandpost.co.th", "TH"},
	{"malaysia-post", "globalpost", "+60 1 300 300 300", "https://www.pos.com.my", "MY"},
	{"russian-post", "globalpost", "+7 800 2005 888", "https://www.pochta.ru", "RU"},
	{"brazil-correios", "globalpost", "+55 3003 0100", "https://www.correios.com.br", "BR"},
	{"new-zealand-post", "globalpost", "+64 9 367 9710", "https://www.nzpost.co.nz", "NZ"},
	{"aramex", "express", "+971 600 544000", "https://www.aramex.com", "AE"},
	{"dhlglobalmail", "express", "+1 317 554 5191", "https://www.dhl.com/ecommerce", "US"},
	{"purolator", "express", "+1 888 744 7123", "https://www.purolator.com", "CA"},
	{"ontrac", "express", "+1 800 334 5000", "https://www.ontrac.com", "US"},
	{"lasership", "express", "+1 804 414 2590", "https://www.lasership.com", "US"},
	{"yodel", "express", "+44 800 0152 662", "https://www.yodel.co.uk", "GB"},
	{"parcel-force", "express", "+44 344 800 4466", "https://www.parcelforce.com", "GB"},
	{"dtdc", "express", "+91 33004444", "https://www.dtdc.in", "IN"},
	{"bluedart", "express", "+91 1860 233 1234", "https://www.bluedart.com", "IN"},
	{"ninjavan", "express", "+65 6602 8271", "https://www.ninjavan.co", "SG"},
	{"kerryexpress-th", "express", "+66 2 029 9999", "https://th.kerryexpress.com", "TH"},
	{"denmark-post", "globalpost", "+45 70 70 70 30", "https://www.postnord.dk", "DK"},
	{"poczta-polska", "globalpost", "+48 43 842 06 00", "https://www.poczta-polska.pl", "PL"},
	{"czech-post", "globalpost", "+420 954 292 102", "https://www.postaonline.cz", "CZ"},
	{"magyar-posta", "globalpost", "+36 1 767 8200", "https://www.posta.hu", "HU"},
	{"ctt", "globalpost", "+351 210 471 616", "https://www.ctt.pt", "PT"},
	{"israel-post", "globalpost", "+972 76 887 3030", "https://www.israelpost.co.il", "IL"},
	{"correos-mexico", "globalpost", "+52 55 5340 3300", "https://www.correosdemexico.gob.mx", "MX"},
	{"ukraine-post", "globalpost", "+380 800 300 545", "https://ukrposhta.ua", "UA"},
	{"emirates-post", "globalpost", "+971 600 599 999", "https://www.emiratespost.ae", "AE"},
	{"vietnam-post", "globalpost", "+84 1900 54 54 81", "https://www.vnpost.vn", "VN"},
	{"indonesia-post", "globalpost", "+62 21 161", "https://www.posindonesia.co.id", "ID"},
	{"taiwan-post", "globalpost", "+886 2 2321 4311", "https://www.post.gov.tw", "TW"},
	{"south-africa-post", "globalpost", "+27 860 111 502", "https://www.postoffice.co.za", "ZA"},
	{"taqbin-jp", "express", "+81 120 01 9625", "https://www.kuronekoyamato.co.jp", "JP"},
	{"sagawa", "express", "+81 120 18 9595", "https://www.sagawa-exp.co.jp", "JP"},
	{"doortodoor", "express", "+82 1588 1255", "https://www.cjlogistics.com", "KR"},
	{"dhlparcel-nl", "express", "+31 90 0222 2120", "https://www.dhlparcel.nl", "NL"},
	{"hermes-uk", "express", "+44 330 808 5456", "https://www.evri.com", "GB"},
}

// catalogue is the whole list: the well-known carriers first (in the
// order of known), then the others in the list's order.
var catalogue, carrierByCode = loadCatalogue()

func loadCatalogue() ([]carrier, map[string]*carrier) {
	var entries []struct {
		Code           string   `json:"code"`
		Name           string   `json:"name"`
		RequiredFields []string `json:"required_fields"`
	}
	if err := json.Unmarshal(carriersJSON, &entries); err != nil {
		panic("mockapi: data/carriers.json: " + err.Error())
	}
	rank := make(map[string]int, len(known))
	for i, k := range known {
		rank[k.code] = i
	}
	list := make([]carrier, len(known), len(entries))
	for _, e := range entries {
		c := describe(e.Code, e.Name)
		c.required = e.RequiredFields
		if i, ok := rank[e.Code]; ok {
			k := known[i]
			c.Type, c.Phone, c.Homepage, c.country = k.typ, k.phone, k.homepage, k.country
			list[i] = c
			continue
		}
		list = append(list, c)
	}
	byCode := make(map[string]*carrier, len(list))
	for i := range list {
		if list[i].Code == "" {
			panic("mockapi: a well-known carrier is not in data/carriers.json: " + known[i].code)
		}
		byCode[list[i].Code] = &list[i]
	}
	return list, byCode
}

// describe derives what the list lacks, from the code and name alone, so
// that every answer about a carrier is the same on every run: postal
// services (a name or code naming a post) are "globalpost", the rest
// "express"; the home country is the one the code or name ends with, else
// China (where most of the list's carriers are); the phone number has the
// unassigned country code +00, so that nobody mistakes it for a real one.
func describe(code, name string) carrier {
	c := carrier{
		Name: name, Code: code, Type: "express", country: "CN",
		Homepage: "https://www.trackingmore.com/carriers/" + code,
		Picture:  "https://s.trackingmore.com/images/icons/express/" + code + ".png",
	}
	r := seeded("carrier", code)
	c.Phone = fmt.Sprintf("+00 %03d %04d", r.intn(1000), r.intn(10000))
	lower := strings.ToLower(code + " " + name)
	for _, word := range []string{"post", "correo", "poczta", "pochta", "ptt"} {
		if strings.Contains(lower, word) {
			c.Type = "globalpost"
		}
	}
	words := strings.FieldsFunc(lower, func(r rune) bool { return r == '-' || r == ' ' || r == '(' || r == ')' })
	if len(words) > 0 {
		cc := countryCode(words[len(words)-1])
		if cc == "UK" {
			cc = "GB"
		}
		if _, ok := countries[cc]; ok {
			c.country = cc
		}
	}
	return c
}

// postOf maps a country to its national post: the S10 detection table and
// the destination carrier of international shipments.
var postOf = map[string]string{
	"US": "usps", "CN": "china-post", "GB": "royal-mail", "DE": "deutsche-post", "TR": "turkey-post",
	"FR": "laposte", "JP": "japan-post", "CA": "canada-post", "AU": "australia-post", "NL": "postnl-parcels",
	"IT": "poste-italiane", "ES": "correos-spain", "CH": "swiss-post", "AT": "austria-post", "BE": "belgium-post",
	"NO": "posten-norge", "SE": "sweden-posten", "FI": "finland-posti", "IE": "an-post", "IN": "india-post",
	"SG": "singapore-post", "HK": "hong-kong-post", "KR": "korea-post", "TH": "thailand-post",
	"MY": "malaysia-post", "RU": "russian-post", "BR": "brazil-correios", "NZ": "new-zealand-post",
	"DK": "denmark-post", "PL": "poczta-polska", "CZ": "czech-post", "HU": "magyar-posta",
	"PT": "ctt", "IL": "israel-post", "MX": "correos-mexico", "UA": "ukraine-post", "AE": "emirates-post",
	"VN": "vietnam-post", "ID": "indonesia-post", "TW": "taiwan-post", "ZA": "south-africa-post",
	"GR": "greece-post", "SK": "slovakia-post", "SI": "slovenia-post", "RO": "posta-romana", "BG": "bulgaria-post",
	"HR": "hrvatska-posta", "LU": "luxembourg-post", "IS": "iceland-post", "SA": "saudi-post", "QA": "qatar-post",
	"PK": "pakistan-post", "LK": "sri-lanka-post", "PH": "phlpost", "KZ": "kazpost", "MA": "poste-maroc",
	"NG": "nigeria-post", "KE": "kenya-post", "RS": "serbia-post",
}

// country names (as the API spells original_country) and two cities used
// as checkpoint locations.
type country struct {
	name   string
	cities [2]string
}

var countries = map[string]country{
	"US": {"United States", [2]string{"Chicago, IL", "Los Angeles, CA"}},
	"CN": {"China", [2]string{"Shenzhen", "Shanghai"}},
	"GB": {"United Kingdom", [2]string{"London", "Manchester"}},
	"DE": {"Germany", [2]string{"Leipzig", "Frankfurt"}},
	"TR": {"Turkey", [2]string{"Istanbul", "Ankara"}},
	"FR": {"France", [2]string{"Paris", "Lyon"}},
	"JP": {"Japan", [2]string{"Tokyo", "Osaka"}},
	"CA": {"Canada", [2]string{"Toronto, ON", "Vancouver, BC"}},
	"AU": {"Australia", [2]string{"Sydney", "Melbourne"}},
	"NL": {"Netherlands", [2]string{"Amsterdam", "Utrecht"}},
	"IT": {"Italy", [2]string{"Milano", "Roma"}},
	"ES": {"Spain", [2]string{"Madrid", "Barcelona"}},
	"CH": {"Switzerland", [2]string{"Zurich", "Basel"}},
	"AT": {"Austria", [2]string{"Wien", "Graz"}},
	"BE": {"Belgium", [2]string{"Brussels", "Antwerpen"}},
	"NO": {"Norway", [2]string{"Oslo", "Bergen"}},
	"SE": {"Sweden", [2]string{"Stockholm", "Malmo"}},
	"FI": {"Finland", [2]string{"Helsinki", "Vantaa"}},
	"IE": {"Ireland", [2]string{"Dublin", "Cork"}},
	"IN": {"India", [2]string{"Mumbai", "New Delhi"}},
	"SG": {"Singapore", [2]string{"Singapore", "Singapore"}},
	"HK": {"Hong Kong", [2]string{"Hong Kong", "Kowloon"}},
	"KR": {"Korea, Republic of", [2]string{"Seoul", "Incheon"}},
	"TH": {"Thailand", [2]string{"Bangkok", "Chiang Mai"}},
	"MY": {"Malaysia", [2]string{"Kuala Lumpur", "Penang"}},
	"RU": {"Russian Federation", [2]string{"Moscow", "Saint Petersburg"}},
	"BR": {"Brazil", [2]string{"Sao Paulo", "Curitiba"}},
	"NZ": {"New Zealand", [2]string{"Auckland", "Wellington"}},
	"AE": {"United Arab Emirates", [2]string{"Dubai", "Abu Dhabi"}},
	"DK": {"Denmark", [2]string{"Copenhagen", "Aarhus"}},
	"PL": {"Poland", [2]string{"Warszawa", "Krakow"}},
	"CZ": {"Czech Republic", [2]string{"Praha", "Brno"}},
	"HU": {"Hungary", [2]string{"Budapest", "Debrecen"}},
	"PT": {"Portugal", [2]string{"Lisboa", "Porto"}},
	"IL": {"Israel", [2]string{"Tel Aviv", "Jerusalem"}},
	"MX": {"Mexico", [2]string{"Ciudad de Mexico", "Guadalajara"}},
	"UA": {"Ukraine", [2]string{"Kyiv", "Lviv"}},
	"VN": {"Vietnam", [2]string{"Ha Noi", "Ho Chi Minh"}},
	"ID": {"Indonesia", [2]string{"Jakarta", "Surabaya"}},
	"TW": {"Taiwan", [2]string{"Taipei", "Kaohsiung"}},
	"ZA": {"South Africa", [2]string{"Johannesburg", "Cape Town"}},
	"GR": {"Greece", [2]string{"Athens", "Thessaloniki"}},
	"SK": {"Slovakia", [2]string{"Bratislava", "Kosice"}},
	"SI": {"Slovenia", [2]string{"Ljubljana", "Maribor"}},
	"RO": {"Romania", [2]string{"Bucuresti", "Cluj-Napoca"}},
	"BG": {"Bulgaria", [2]string{"Sofia", "Plovdiv"}},
	"HR": {"Croatia", [2]string{"Zagreb", "Split"}},
	"LU": {"Luxembourg", [2]string{"Luxembourg", "Esch-sur-Alzette"}},
	"IS": {"Iceland", [2]string{"Reykjavik", "Akureyri"}},
	"SA": {"Saudi Arabia", [2]string{"Riyadh", "Jeddah"}},
	"QA": {"Qatar", [2]string{"Doha", "Al Rayyan"}},
	"PK": {"Pakistan", [2]string{"Karachi", "Lahore"}},
	"LK": {"Sri Lanka", [2]string{"Colombo", "Kandy"}},
	"PH": {"Philippines", [2]string{"Manila", "Cebu"}},
	"KZ": {"Kazakhstan", [2]string{"Almaty", "Astana"}},
	"MA": {"Morocco", [2]string{"Casablanca", "Rabat"}},
	"NG": {"Nigeria", [2]string{"Lagos", "Abuja"}},
	"KE": {"Kenya", [2]string{"Nairobi", "Mombasa"}},
	"RS": {"Serbia", [2]string{"Beograd", "Novi Sad"}},
}
