package mockapi

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

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

func (a *account) airCargo(c *call) reply {
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
	if !a.charge(20 * int64(len(numbers))) {
		return fail(4021)
	}
	now := a.simNow()
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
