package mockapi

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

func (s *Server) carriers(*call) reply { return ok(catalogue) }

func (s *Server) detectCarrier(c *call) reply {
	o, err := parseObject(c.body)
	if err != nil {
		return fail(4012)
	}
	number, _ := o.text("tracking_number")
	if number == "" {
		return fail(4013)
	}
	if !s.meter("detect") {
		return fail(4021)
	}
	refs := detect(number)
	if refs == nil {
		return fail(4032)
	}
	return ok(refs)
}

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

func (s *Server) remote(c *call) reply {
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
	if !s.meter("remote") {
		return fail(4021)
	}
	return ok(out)
}

var countryCodeRe = regexp.MustCompile(`^[A-Za-z]{2}$`)

// costTime answers transit-time statistics per lane: total parcels seen,
// delivered parcels, and how many of the delivered took 0-7 days (range1),
// 8-15 (range3), 16-30 (range4), 31-60 (range5) and over 60 (range6); the
// five ranges add up to delivered.
func (s *Server) costTime(c *call) reply {
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

// airlines by air waybill prefix: IATA designator and hub airport.
var airlines = map[string][2]string{
	"999": {"CA", "PEK"}, "784": {"CZ", "CAN"}, "781": {"MU", "PVG"}, "176": {"EK", "DXB"},
	"157": {"QR", "DOH"}, "020": {"LH", "FRA"}, "057": {"AF", "CDG"}, "074": {"KL", "AMS"},
	"125": {"BA", "LHR"}, "001": {"AA", "DFW"}, "006": {"DL", "ATL"}, "016": {"UA", "ORD"},
	"160": {"CX", "HKG"}, "618": {"SQ", "SIN"}, "180": {"KE", "ICN"}, "297": {"CI", "TPE"},
	"235": {"TK", "IST"},
}

var airports = []string{"JFK", "LAX", "ORD", "LHR", "FRA", "CDG", "AMS", "DXB", "HKG", "PVG", "NRT", "SIN", "SYD", "GRU", "IST"}

type cargoEvent struct {
	PlanDate     string `json:"plan_date"`
	ActualDate   string `json:"actual_date"` // "" until it has happened
	Event        string `json:"event"`
	Station      string `json:"station"`
	FlightNumber string `json:"flight_number"`
}

// airWaybillInfo answers status_number as the count of milestones reached
// (1 booked … 5 delivered); weight is in kilograms.
type airWaybillInfo struct {
	TrackNumber  string       `json:"track_number"`
	Weight       float64      `json:"weight"`
	Piece        int          `json:"piece"`
	Origin       string       `json:"origin"`
	Destination  string       `json:"destination"`
	StatusNumber int          `json:"status_number"`
	TrackInfo    []cargoEvent `json:"track_info"`
}

func (s *Server) airCargo(c *call) reply {
	o, err := parseObject(c.body)
	if err != nil {
		return fail(4012)
	}
	var numbers []string
	if raw := o["track_number"]; raw != nil {
		var one string
		if json.Unmarshal(raw, &one) == nil {
			numbers = []string{one}
		} else if json.Unmarshal(raw, &numbers) != nil {
			return fail(4012, "track_number must be a string or an array of strings.")
		}
	}
	if len(numbers) == 0 || slices.Contains(numbers, "") {
		return fail(4013)
	}
	if len(numbers) > maxBatch {
		return fail(202)
	}
	for _, n := range numbers {
		if !airWaybill.MatchString(n) {
			return fail(4014)
		}
	}
	if !s.charge(20 * int64(len(numbers))) {
		return fail(4021)
	}
	now := s.simNow()
	out := make([]airWaybillInfo, 0, len(numbers))
	for _, n := range numbers {
		out = append(out, cargo(n, now))
	}
	return ok(out)
}

// cargo simulates one air waybill: booked one to five days ago, five
// milestones twelve hours or so apart.
func cargo(awb string, now time.Time) airWaybillInfo {
	r := seeded("aircargo", awb)
	airline, ok := airlines[awb[:3]]
	if !ok {
		airline = [2]string{"ZZ", airports[r.intn(len(airports))]}
	}
	dest := airports[r.intn(len(airports))]
	if dest == airline[1] {
		dest = "LAX"
	}
	info := airWaybillInfo{
		TrackNumber: awb, Weight: float64(10+r.intn(50000)) / 10, Piece: 1 + r.intn(20),
		Origin: airline[1], Destination: dest, TrackInfo: []cargoEvent{},
	}
	flight := fmt.Sprintf("%s%d", airline[0], 100+r.intn(900))
	at := now.Truncate(time.Hour).Add(-time.Duration(24+r.intn(4*24)) * time.Hour)
	for i, ev := range []string{"Booked", "Received from shipper", "Departed", "Arrived", "Delivered"} {
		e := cargoEvent{PlanDate: at.Format("2006-01-02 15:04"), Event: ev, Station: airline[1]}
		if i >= 2 {
			e.FlightNumber = flight
		}
		if i >= 3 {
			e.Station = dest
		}
		if !at.After(now) {
			e.ActualDate = at.Add(time.Duration(r.intn(90)) * time.Minute).Format("2006-01-02 15:04")
			info.StatusNumber = i + 1
		}
		info.TrackInfo = append(info.TrackInfo, e)
		at = at.Add(time.Duration(6+r.intn(18)) * time.Hour)
	}
	return info
}
