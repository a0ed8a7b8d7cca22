package mockapi

import "testing"

func TestAirCargo(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	var out []struct {
		TrackNumber  string  `json:"track_number"`
		Weight       float64 `json:"weight"`
		Piece        int     `json:"piece"`
		Origin       string  `json:"origin"`
		Destination  string  `json:"destination"`
		StatusNumber int     `json:"status_number"`
		TrackInfo    []obj   `json:"track_info"`
	}
	m.call("POST", "/trackings/aircargo", obj{"track_number": []string{"999-12345675", "160 1234567", "23512345678"}, "lang": "en"}).want(t, 200, &out)
	if len(out) != 3 || out[0].TrackNumber != "999-12345675" || out[0].Origin != "PEK" || out[1].Origin != "HKG" {
		t.Fatalf("aircargo %+v", out)
	}
	for _, w := range out {
		if w.Weight <= 0 || w.Piece < 1 || w.StatusNumber < 1 || len(w.TrackInfo) != 5 || w.Destination == w.Origin {
			t.Errorf("waybill %+v", w)
		}
		for _, k := range []string{"plan_date", "actual_date", "event", "station", "flight_number"} {
			if _, has := w.TrackInfo[0][k]; !has {
				t.Errorf("track_info lacks %s", k)
			}
		}
	}
	m.call("POST", "/trackings/aircargo", obj{"track_number": "999-1234567"}).want(t, 200, nil)
}
