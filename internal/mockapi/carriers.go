package mockapi

// carrier is one entry of the catalogue served by GET /carriers.
type carrier struct {
	Name     string `json:"name"`
	Code     string `json:"code"`
	Phone    string `json:"phone"`
	Homepage string `json:"homepage"`
	Type     string `json:"type"`
	Picture  string `json:"picture"`
	country  string // ISO 3166 alpha-2 of the carrier's home, the default origin
}

func express(name, code, phone, homepage, country string) carrier {
	return carrier{Name: name, Code: code, Phone: phone, Homepage: homepage, Type: "express", country: country}
}

func post(name, code, phone, homepage, country string) carrier {
	return carrier{Name: name, Code: code, Phone: phone, Homepage: homepage, Type: "globalpost", country: country}
}

// catalogue lists real carriers under the codes TrackingMore uses.
var catalogue = []carrier{
	express("UPS", "ups", "+1 800 742 5877", "https://www.ups.com", "US"),
	post("USPS", "usps", "+1 800-275-8777", "https://www.usps.com", "US"),
	express("Fedex", "fedex", "+1 800 247 4747", "https://www.fedex.com", "US"),
	express("DHL", "dhl", "+44 844 248 0844", "https://www.dhl.com", "DE"),
	express("DHL Germany", "dhl-germany", "+49 228 4333112", "https://www.dhl.de", "DE"),
	post("Deutsche Post", "deutsche-post", "+49 228 4333118", "https://www.deutschepost.de", "DE"),
	express("TNT", "tnt", "+31 88 393 9393", "https://www.tnt.com", "NL"),
	post("China Post", "china-post", "+86 11185", "http://yjcx.ems.com.cn", "CN"),
	post("China EMS", "china-ems", "+86 11183", "http://www.ems.com.cn", "CN"),
	post("Royal Mail", "royal-mail", "+44 3457 740 740", "https://www.royalmail.com", "GB"),
	post("Canada Post", "canada-post", "+1 866 607 6301", "https://www.canadapost-postescanada.ca", "CA"),
	post("Australia Post", "australia-post", "+61 13 13 18", "https://auspost.com.au", "AU"),
	post("Japan Post", "japan-post", "+81 570 046 111", "https://www.post.japanpost.jp", "JP"),
	post("Turkey Post", "turkey-post", "+90 444 1 788", "https://www.ptt.gov.tr", "TR"),
	express("STO Express", "sto", "+86 95543", "https://www.sto.cn", "CN"),
	express("YTO Express", "yto", "+86 95554", "https://www.yto.net.cn", "CN"),
	express("ZTO Express", "zto", "+86 95311", "https://www.zto.com", "CN"),
	express("Yunda Express", "yunda", "+86 95546", "https://www.yundaex.com", "CN"),
	express("SF Express", "sf-express", "+86 95338", "https://www.sf-express.com", "CN"),
	express("Best Express", "bestex", "+86 4009 565656", "http://www.800bestex.com", "CN"),
	express("4PX", "4px", "+86 4008 086 400", "https://www.4px.com", "CN"),
	express("Yanwen", "yanwen", "+86 4001 081 188", "https://www.yw56.com.cn", "CN"),
	express("Cainiao", "cainiao", "+86 95187", "https://global.cainiao.com", "CN"),
	express("DPD", "dpd", "+44 121 275 0500", "https://www.dpd.com", "DE"),
	express("GLS", "gls", "+49 6677 646 907 000", "https://gls-group.com", "DE"),
	express("Hermes", "hermes", "+44 330 808 5456", "https://www.evri.com", "GB"),
	post("PostNL", "postnl", "+31 88 868 6161", "https://www.postnl.nl", "NL"),
	post("La Poste", "la-poste", "+33 3631", "https://www.laposte.fr", "FR"),
	express("Colissimo", "colissimo", "+33 3631", "https://www.colissimo.fr", "FR"),
	post("Poste Italiane", "poste-italiane", "+39 803 160", "https://www.poste.it", "IT"),
	post("Correos Spain", "correos-spain", "+34 915 197 197", "https://www.correos.es", "ES"),
	post("Swiss Post", "swiss-post", "+41 848 888 888", "https://www.post.ch", "CH"),
	post("Austrian Post", "austrian-post", "+43 577 677 0", "https://www.post.at", "AT"),
	post("bpost", "bpost", "+32 2 276 22 74", "https://www.bpost.be", "BE"),
	post("Posten Norge", "posten-norge", "+47 21 31 62 60", "https://www.posten.no", "NO"),
	post("Sweden Posten", "sweden-posten", "+46 771 33 33 10", "https://www.postnord.se", "SE"),
	post("Posti (Itella)", "itella", "+358 200 71000", "https://www.posti.fi", "FI"),
	post("An Post", "an-post", "+353 1 705 7600", "https://www.anpost.com", "IE"),
	post("India Post", "india-post", "+91 1800 266 6868", "https://www.indiapost.gov.in", "IN"),
	post("Singapore Post", "singapore-post", "+65 6841 2000", "https://www.singpost.com", "SG"),
	post("Hong Kong Post", "hong-kong-post", "+852 2921 2222", "https://www.hongkongpost.hk", "HK"),
	post("Korea Post", "korea-post", "+82 1588 1300", "https://www.epost.go.kr", "KR"),
	post("Thailand Post", "thailand-post", "+66 1545", "https://www.thailandpost.co.th", "TH"),
	post("Pos Malaysia", "pos-malaysia", "+60 1 300 300 300", "https://www.pos.com.my", "MY"),
	post("Russian Post", "russian-post", "+7 800 2005 888", "https://www.pochta.ru", "RU"),
	post("Brazil Correios", "brazil-correios", "+55 3003 0100", "https://www.correios.com.br", "BR"),
	post("New Zealand Post", "new-zealand-post", "+64 9 367 9710", "https://www.nzpost.co.nz", "NZ"),
	express("Aramex", "aramex", "+971 600 544000", "https://www.aramex.com", "AE"),
	express("DHL eCommerce", "dhl-ecommerce", "+1 317 554 5191", "https://www.dhl.com/ecommerce", "US"),
	express("Purolator", "purolator", "+1 888 744 7123", "https://www.purolator.com", "CA"),
	express("OnTrac", "ontrac", "+1 800 334 5000", "https://www.ontrac.com", "US"),
	express("LaserShip", "lasership", "+1 804 414 2590", "https://www.lasership.com", "US"),
	express("Yodel", "yodel", "+44 800 0152 662", "https://www.yodel.co.uk", "GB"),
	express("Parcelforce", "parcelforce", "+44 344 800 4466", "https://www.parcelforce.com", "GB"),
	express("DTDC", "dtdc", "+91 33004444", "https://www.dtdc.in", "IN"),
	express("Blue Dart", "blue-dart", "+91 1860 233 1234", "https://www.bluedart.com", "IN"),
	express("Ninja Van", "ninjavan", "+65 6602 8271", "https://www.ninjavan.co", "SG"),
	express("J&T Express", "j-t-express", "+62 21 8066 1888", "https://www.jet.co.id", "ID"),
	express("Kerry Express", "kerry-express", "+66 2 029 9999", "https://th.kerryexpress.com", "TH"),
	post("PostNord Denmark", "postnord-denmark", "+45 70 70 70 30", "https://www.postnord.dk", "DK"),
	post("Poczta Polska", "poczta-polska", "+48 43 842 06 00", "https://www.poczta-polska.pl", "PL"),
	post("Czech Post", "czech-post", "+420 954 292 102", "https://www.postaonline.cz", "CZ"),
	post("Magyar Posta", "magyar-posta", "+36 1 767 8200", "https://www.posta.hu", "HU"),
	post("CTT Portugal", "ctt", "+351 210 471 616", "https://www.ctt.pt", "PT"),
	post("Israel Post", "israel-post", "+972 76 887 3030", "https://www.israelpost.co.il", "IL"),
	post("Correos de Mexico", "correos-mexico", "+52 55 5340 3300", "https://www.correosdemexico.gob.mx", "MX"),
	post("Ukrposhta", "ukrposhta", "+380 800 300 545", "https://ukrposhta.ua", "UA"),
	post("Emirates Post", "emirates-post", "+971 600 599 999", "https://www.emiratespost.ae", "AE"),
	post("Vietnam Post", "vietnam-post", "+84 1900 54 54 81", "https://www.vnpost.vn", "VN"),
	post("Pos Indonesia", "pos-indonesia", "+62 21 161", "https://www.posindonesia.co.id", "ID"),
	post("Chunghwa Post", "taiwan-post", "+886 2 2321 4311", "https://www.post.gov.tw", "TW"),
	post("South Africa Post Office", "south-africa-post", "+27 860 111 502", "https://www.postoffice.co.za", "ZA"),
	express("Yamato Transport", "taqbin-jp", "+81 120 01 9625", "https://www.kuronekoyamato.co.jp", "JP"),
	express("Sagawa Express", "sagawa", "+81 120 18 9595", "https://www.sagawa-exp.co.jp", "JP"),
	express("CJ Logistics", "cj-korea-express", "+82 1588 1255", "https://www.cjlogistics.com", "KR"),
	express("DHL Parcel NL", "dhl-parcel-nl", "+31 90 0222 2120", "https://www.dhlparcel.nl", "NL"),
	express("Evri", "evri", "+44 330 808 5456", "https://www.evri.com", "GB"),
}

var carrierByCode = func() map[string]*carrier {
	m := make(map[string]*carrier, len(catalogue))
	for i := range catalogue {
		c := &catalogue[i]
		c.Picture = "https://s.trackingmore.com/images/icons/express/" + c.Code + ".png"
		m[c.Code] = c
	}
	return m
}()

// postOf maps a country to its national post: the S10 detection table and
// the destination carrier of international shipments.
var postOf = map[string]string{
	"US": "usps", "CN": "china-post", "GB": "royal-mail", "DE": "deutsche-post", "TR": "turkey-post",
	"FR": "la-poste", "JP": "japan-post", "CA": "canada-post", "AU": "australia-post", "NL": "postnl",
	"IT": "poste-italiane", "ES": "correos-spain", "CH": "swiss-post", "AT": "austrian-post", "BE": "bpost",
	"NO": "posten-norge", "SE": "sweden-posten", "FI": "itella", "IE": "an-post", "IN": "india-post",
	"SG": "singapore-post", "HK": "hong-kong-post", "KR": "korea-post", "TH": "thailand-post",
	"MY": "pos-malaysia", "RU": "russian-post", "BR": "brazil-correios", "NZ": "new-zealand-post",
	"DK": "postnord-denmark", "PL": "poczta-polska", "CZ": "czech-post", "HU": "magyar-posta",
	"PT": "ctt", "IL": "israel-post", "MX": "correos-mexico", "UA": "ukrposhta", "AE": "emirates-post",
	"VN": "vietnam-post", "ID": "pos-indonesia", "TW": "taiwan-post", "ZA": "south-africa-post",
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
}
