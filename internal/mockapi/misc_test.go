package mockapi

import (
	"fmt"
	"regexp"
	"testing"
)

var carrierCodeRe = regexp.MustCompile(`^[0-9a-z_-]+$`)

func TestDetect(t *testing.T) {
	m := newMock(t, Options{})
	for _, tc := range []struct{ number, want string }{
		{"1Z999AA10123456784", "[ups]"},
		{"RH051844173TR", "[turkey-post]"},
		{"RR123456785CN", "[china-post]"},
		{"EA123456785CN", "[china-ems china-post]"},
		{"LZ123456785US", "[usps]"},
		{"RR123456785GB", "[royal-mail]"},
		{"RR123456785DE", "[deutsche-post]"},
		{"CP123456785FR", "[la-poste]"},
		{"EJ123456785JP", "[japan-post]"},
		{"9400111899223197428490", "[usps]"},
		{"92612999897543581234", "[usps]"},
		{"420902109400111899223197428490", "[usps]"},
		{"123456789012", "[fedex]"},
		{"123456789012345", "[fedex]"},
		{"1234567890", "[dhl]"},
		{"4PX3001234567890CN", "[4px]"},
		{"SF1234567890123", "[sf-express]"},
		{"JT1234567890123", "[j-t-express]"},
	} {
		t.Run(tc.number, func(t *testing.T) {
			var refs []carrierRef
			m.call("POST", "/carriers/detect", obj{"tracking_number": tc.number}).want(t, 200, &refs)
			var codes []string
			for _, r := range refs {
				codes = append(codes, r.Code)
				if r.Name == "" {
					t.Errorf("%s has no name", r.Code)
				}
			}
			if fmt.Sprint(codes) != tc.want {
				t.Errorf("detected %v, want %s", codes, tc.want)
			}
		})
	}
	for _, n := range []string{"HELLO", "RR123456785XX", "12345"} {
		m.call("POST", "/carriers/detect", obj{"tracking_number": n}).want(t, 4032, nil)
	}
}

func TestMeteredEndpoints(t *testing.T) {
	m := newMock(t, Options{Quota: 2})
	detect := obj{"tracking_number": "1234567890"}
	for i := range 5 { // the first call of five pays
		m.call("POST", "/carriers/detect", detect).want(t, 200, nil)
		if i == 0 && m.srv.quota != 1 {
			t.Fatalf("quota %d after first detect", m.srv.quota)
		}
	}
	remote := []obj{{"country": "US", "postcode": "10001"}}
	m.call("POST", "/trackings/remote", remote).want(t, 200, nil)
	if m.srv.quota != 0 {
		t.Fatalf("quota %d, want 0", m.srv.quota)
	}
	m.call("POST", "/carriers/detect", detect).want(t, 4021, nil)
	m.call("POST", "/trackings/aircargo", obj{"track_number": "999-12345675"}).want(t, 4021, nil)
	m.srv.SetQuota(40)
	m.call("POST", "/trackings/aircargo", obj{"track_number": []string{"999-12345675", "16012345675"}}).want(t, 200, nil)
	if m.srv.quota != 0 {
		t.Errorf("aircargo charged %d, want 40", 40-m.srv.quota)
	}
}

func TestCarriers(t *testing.T) {
	m := newMock(t, Options{})
	for _, path := range []string{"/carriers", "/carriers/"} {
		var list []map[string]string
		m.call("GET", path, nil).want(t, 200, &list)
		if len(list) < 60 {
			t.Fatalf("%d carriers, want at least 60", len(list))
		}
		seen := map[string]bool{}
		for _, c := range list {
			if c["name"] == "" || c["code"] == "" || c["phone"] == "" || c["homepage"] == "" || c["picture"] == "" ||
				(c["type"] != "express" && c["type"] != "globalpost") || seen[c["code"]] || !carrierCodeRe.MatchString(c["code"]) {
				t.Errorf("bad or duplicate entry %v", c)
			}
			seen[c["code"]] = true
		}
		for _, code := range []string{"ups", "usps", "fedex", "dhl", "china-post", "royal-mail", "turkey-post", "bestex", "4px", "yanwen", "j-t-express"} {
			if !seen[code] {
				t.Errorf("%s missing", code)
			}
		}
	}
	m.call("POST", "/carriers", nil).want(t, 405, nil)
}

func TestRemote(t *testing.T) {
	m := newMock(t, Options{})
	var out []obj
	m.call("POST", "/trackings/remote", []obj{
		{"country": "US", "postcode": "99501", "company": "ACME"},
		{"country": "United Kingdom", "postcode": "HS1 2AA"},
		{"country": "DE", "postcode": "10115"},
	}).want(t, 200, &out)
	if len(out) != 3 || out[0]["remote"] != true || out[0]["company"] != "ACME" || out[1]["remote"] != true ||
		out[1]["country"] != "United Kingdom" || out[1]["company"] != "" || out[2]["postcode"] != "10115" {
		t.Errorf("remote %v", out)
	}
	if _, isBool := out[2]["remote"].(bool); !isBool {
		t.Errorf("remote is not a bool: %v", out[2])
	}
}

func TestCostTime(t *testing.T) {
	m := newMock(t, Options{})
	var out []map[string]any
	m.call("POST", "/trackings/costtime", []obj{
		{"carrier_code": "china-post", "original": "CN", "destination": "US"},
		{"carrier_code": "usps", "original": "US", "destination": "US"},
	}).want(t, 200, &out)
	for _, l := range out {
		sum := 0.0
		for _, r := range []string{"range1", "range3", "range4", "range5", "range6"} {
			v := l[r].(float64)
			if v < 0 {
				t.Errorf("%s negative: %v", r, l)
			}
			sum += v
		}
		if sum != l["delivered"].(float64) || l["delivered"].(float64) > l["total"].(float64) || l["carrier_code"] == nil {
			t.Errorf("lane %v: ranges sum to %v", l, sum)
		}
	}
	if out[1]["range1"].(float64) < out[1]["range3"].(float64) {
		t.Errorf("domestic lane should mostly arrive within a week: %v", out[1])
	}
}

func TestAirCargo(t *testing.T) {
	m := newMock(t, Options{})
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
