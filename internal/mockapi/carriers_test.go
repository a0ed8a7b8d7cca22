package mockapi

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"
	"time"
)

var carrierCodeRe = regexp.MustCompile(`^[0-9a-z_-]+$`)

// catalogueCodes reads data/carriers.json as published, apart from the
// code that embeds it.
func catalogueCodes(t *testing.T) map[string][]string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("data", "carriers.json"))
	if err != nil {
		t.Fatal(err)
	}
	var entries []struct {
		Code           string   `json:"code"`
		RequiredFields []string `json:"required_fields"`
	}
	if err := json.Unmarshal(raw, &entries); err != nil {
		t.Fatal(err)
	}
	codes := map[string][]string{}
	for _, e := range entries {
		codes[e.Code] = e.RequiredFields
	}
	return codes
}

func TestCarriers(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	published := catalogueCodes(t)
	if len(published) != 1085 {
		t.Fatalf("data/carriers.json holds %d distinct codes, want 1085", len(published))
	}
	for _, path := range []string{"/carriers", "/carriers/"} {
		var list []map[string]string
		m.call("GET", path, nil).want(t, 200, &list)
		if len(list) != len(published) {
			t.Fatalf("%s: %d carriers, want %d", path, len(list), len(published))
		}
		seen := map[string]bool{}
		for _, c := range list {
			_, isReal := published[c["code"]]
			if c["name"] == "" || c["phone"] == "" || c["homepage"] == "" || c["picture"] == "" || len(c) != 6 ||
				(c["type"] != "express" && c["type"] != "globalpost") || seen[c["code"]] || !isReal || !carrierCodeRe.MatchString(c["code"]) {
				t.Errorf("bad, unknown or duplicate entry %v", c)
			}
			seen[c["code"]] = true
		}
		// Today's real details of the well-known carriers stay, first.
		if ups := list[0]; ups["code"] != "ups" || ups["phone"] != "+1 800 742 5877" || ups["homepage"] != "https://www.ups.com" || ups["type"] != "express" {
			t.Errorf("first carrier %v, want UPS with its real details", ups)
		}
		for _, c := range list {
			if c["code"] == "postnl-parcels" && (c["type"] != "globalpost" || c["homepage"] != "https://www.postnl.nl") {
				t.Errorf("PostNL lost its real details: %v", c)
			}
		}
	}
	m.call("POST", "/carriers", nil).want(t, 405, nil)
}

// TestCarrierDescriptionsAreDeterministic: derived details depend on the
// carrier alone.
func TestCarrierDescriptionsAreDeterministic(t *testing.T) {
	a, b := describe("gls-italy", "GLS Italy"), describe("gls-italy", "GLS Italy")
	if !reflect.DeepEqual(a, b) || a.country != "IT" || a.Type != "express" {
		t.Errorf("describe(gls-italy) = %+v and %+v", a, b)
	}
	if p := describe("xyz-post", "XYZ Post"); p.Type != "globalpost" {
		t.Errorf("a post is %q", p.Type)
	}
}

// TestEveryEmittedCodeIsReal walks every carrier code the mock can answer
// with (catalogue, detection of every number format, national posts,
// origin and destination info) and finds each in data/carriers.json.
func TestEveryEmittedCodeIsReal(t *testing.T) {
	published := catalogueCodes(t)
	check := func(where, code string) {
		t.Helper()
		if _, ok := published[code]; !ok {
			t.Errorf("%s: %q is not a TrackingMore carrier code", where, code)
		}
	}
	for _, c := range catalogue {
		check("catalogue", c.Code)
	}
	for _, k := range known {
		check("well-known carriers", k.code)
	}
	m := newMock(t, Options{Limits: NoLimits})
	numbers := []string{"1Z999AA10123456784", "9400111899223197428490", "123456789012", "1234567890",
		"4PX3001234567890CN", "SF1234567890123", "JT1234567890123", "EA123456785CN", "LZ448865302CN"}
	for cc, post := range postOf {
		check("national post of "+cc, post)
		if _, ok := countries[cc]; !ok {
			t.Errorf("postOf names %s, which has no country entry", cc)
		}
		numbers = append(numbers, "RR123456785"+cc)
	}
	for _, n := range numbers {
		var refs []carrierRef
		m.call("POST", "/carriers/detect", obj{"tracking_number": n}).want(t, 200, &refs)
		for _, r := range refs {
			check("detection of "+n, r.Code)
		}
	}
	m.srv.Advance(10 * 24 * time.Hour)
	for cc := range postOf {
		var out struct {
			Items []trackingWire `json:"items"`
		}
		m.call("POST", "/trackings/realtime", obj{"tracking_number": "RR123456785CN", "carrier_code": "china-post", "destination_code": cc}).want(t, 200, &out)
		w := out.Items[0]
		check("origin_info", *w.OriginInfo.CarrierCode)
		if cc != "CN" && w.DestinationInfo.CarrierCode == nil {
			t.Errorf("shipment to %s has no destination carrier", cc)
		}
		if w.DestinationInfo.CarrierCode != nil {
			check("destination_info to "+cc, *w.DestinationInfo.CarrierCode)
		}
	}
}

// TestRequiredFields: a carrier whose entry names required fields accepts
// a tracking without them, which then stays notfound; with them it moves.
func TestRequiredFields(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	if got := catalogueCodes(t)["deutsche-post"]; len(got) != 1 || got[0] != "tracking_ship_date" {
		t.Fatalf("deutsche-post requires %v", got)
	}
	m.create("RR123456785DE", "deutsche-post", nil)
	m.create("RR123456786DE", "deutsche-post", obj{"tracking_ship_date": "20240301"})
	m.create("05212345678", "dpd", obj{"tracking_postal_code": "10115"})
	m.create("05212345679", "dpd", nil)
	m.srv.Advance(20 * 24 * time.Hour)
	for number, want := range map[string]bool{"RR123456785DE": false, "RR123456786DE": true, "05212345678": true, "05212345679": false} {
		carrier := "deutsche-post"
		if number[0] == '0' {
			carrier = "dpd"
		}
		got := m.get(carrier, number)
		if moved := got["status"] != "notfound"; moved != want {
			t.Errorf("%s/%s: status %v, want moving=%v", carrier, number, got["status"], want)
		}
	}
}
