package mockapi

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestCreateEchoAndGet(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	echo := m.create("RH051844173TR", "turkey-post", obj{
		"title": "Boots", "customer_email": "a@example.com", "destination_code": "DE",
		"order_id": "#1001", "tracking_ship_date": "20240301", "comment": "fragile", "lang": "en",
	})
	for k, want := range (obj{
		"tracking_number": "RH051844173TR", "carrier_code": "turkey-post", "status": "pending",
		"title": "Boots", "customer_email": "a@example.com", "destination": "DE", "order_id": "#1001",
		"tracking_ship_date": "20240301", "comment": "fragile", "customer_name": nil,
	}) {
		if echo[k] != want {
			t.Errorf("echo %s = %#v, want %#v", k, echo[k], want)
		}
	}
	if _, has := echo["lang"]; has {
		t.Error("echo must not carry lang")
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(echo["id"].(string)) {
		t.Errorf("id %v is not 32 lowercase hex", echo["id"])
	}
	if echo["created_at"] != "2024-03-01T08:00:00+00:00" {
		t.Errorf("created_at %v", echo["created_at"])
	}

	got := m.get("turkey-post", "RH051844173TR")
	for k, want := range (obj{
		"status": "pending", "destination_code": "DE", "title": "Boots", "track_update": true,
		"archived": false, "original_country": "Turkey", "destination_country": "Germany", "id": echo["id"],
	}) {
		if got[k] != want {
			t.Errorf("GET %s = %#v, want %#v", k, got[k], want)
		}
	}
	// the lang suffix reads the same tracking
	m.call("GET", "/trackings/turkey-post/RH051844173TR/en", nil).want(t, 200, nil)
}

func TestCustomerEmailArrayIsStoredAsString(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("ABCDE12345", "ups", obj{"customer_email": []string{"a@x.io", "b@x.io"}, "customer_phone": 4915112345})
	got := m.get("ups", "ABCDE12345")
	if got["customer_email"] != "a@x.io,b@x.io" || got["customer_phone"] != "4915112345" {
		t.Errorf("email %v phone %v", got["customer_email"], got["customer_phone"])
	}
}

func TestErrorCodes(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("EXISTING01", "dhl", nil)
	for _, tc := range []struct {
		name         string
		method, path string
		body         any
		code         int
	}{
		{"bad json", "POST", "/trackings/post", `{"tracking_number":`, 4012},
		{"json array for object", "POST", "/trackings/post", `[1]`, 4012},
		{"missing number", "POST", "/trackings/post", obj{"carrier_code": "ups"}, 4013},
		{"empty number", "POST", "/trackings/post", obj{"tracking_number": "", "carrier_code": "ups"}, 4013},
		{"short number", "POST", "/trackings/post", obj{"tracking_number": "AB1", "carrier_code": "ups"}, 4014},
		{"bad characters", "POST", "/trackings/post", obj{"tracking_number": "AB 12345", "carrier_code": "ups"}, 4014},
		{"unknown carrier", "POST", "/trackings/post", obj{"tracking_number": "AB12345", "carrier_code": "nope"}, 4015},
		{"missing carrier", "POST", "/trackings/post", obj{"tracking_number": "AB12345"}, 4015},
		{"duplicate", "POST", "/trackings/post", obj{"tracking_number": "EXISTING01", "carrier_code": "dhl"}, 4016},
		{"get unknown", "GET", "/trackings/dhl/UNKNOWN01", nil, 4031},
		{"put unknown", "PUT", "/trackings/dhl/UNKNOWN01", obj{"title": "x"}, 4017},
		{"delete unknown", "DELETE", "/trackings/dhl/UNKNOWN01", nil, 4017},
		{"change carrier unknown", "POST", "/trackings/update", obj{"tracking_number": "UNKNOWN01", "carrier_code": "dhl", "update_carrier_code": "ups"}, 4017},
		{"change carrier to unknown", "POST", "/trackings/update", obj{"tracking_number": "EXISTING01", "carrier_code": "dhl", "update_carrier_code": "nope"}, 4015},
		{"notupdate unknown", "POST", "/trackings/notupdate", []obj{{"tracking_number": "UNKNOWN01", "carrier_code": "dhl"}}, 201},
		{"bad status 5", "PUT", "/trackings/dhl/EXISTING01", obj{"status": 5}, 4033},
		{"bad status text", "PUT", "/trackings/dhl/EXISTING01", obj{"status": "delivered"}, 4033},
		{"bad archived", "PUT", "/trackings/dhl/EXISTING01", obj{"archived": "yes"}, 4012},
		{"undetectable", "POST", "/carriers/detect", obj{"tracking_number": "HELLO-WORLD"}, 4032},
		{"detect without number", "POST", "/carriers/detect", obj{}, 4013},
		{"unknown path", "GET", "/nothing/here", nil, 404},
		{"unknown tracking path depth", "GET", "/trackings/a/b/c/d", nil, 404},
		{"wrong method", "GET", "/trackings/post", nil, 405},
		{"wrong method on lang path", "PUT", "/trackings/dhl/EXISTING01/en", nil, 405},
		{"list bad status", "GET", "/trackings/get?status=lost", nil, 4012},
		{"list bad page", "GET", "/trackings/get?page=0", nil, 4012},
		{"list bad bound", "GET", "/trackings/get?created_at_min=yesterday", nil, 4012},
		{"list too many numbers", "GET", "/trackings/get?numbers=" + strings.Repeat("AB12345,", 40) + "AB12345", nil, 4020},
		{"list too many orders", "POST", "/trackings/get", obj{"orders": strings.Split(strings.Repeat("o,", 41), ",")[:41]}, 4020},
		{"aircargo bad awb", "POST", "/trackings/aircargo", obj{"track_number": "12-3456"}, 4014},
		{"aircargo no awb", "POST", "/trackings/aircargo", obj{}, 4013},
		{"costtime unknown carrier", "POST", "/trackings/costtime", []obj{{"carrier_code": "nope", "original": "CN", "destination": "US"}}, 4015},
		{"costtime bad country", "POST", "/trackings/costtime", []obj{{"carrier_code": "ups", "original": "China", "destination": "US"}}, 4012},
		{"remote without postcode", "POST", "/trackings/remote", []obj{{"country": "US"}}, 4012},
		{"realtime bad number", "POST", "/trackings/realtime", obj{"tracking_number": "x", "carrier_code": "ups"}, 4014},
		{"batch not array", "POST", "/trackings/batch", obj{}, 4012},
		{"batch empty", "POST", "/trackings/batch", []obj{}, 4012},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m.call(tc.method, tc.path, tc.body).want(t, tc.code, nil)
		})
	}
	if n := m.srv.TrackingCount(); n != 1 {
		t.Errorf("%d trackings after failed calls, want 1", n)
	}
}

func TestPut(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("PUTTEST001", "fedex", obj{"title": "old", "customer_name": "Ann"})
	before := m.get("fedex", "PUTTEST001")
	m.srv.Advance(time.Hour)
	if again := m.get("fedex", "PUTTEST001"); again["updated_at"] != before["updated_at"] {
		t.Error("a read changed updated_at")
	}

	var echo obj
	m.call("PUT", "/trackings/fedex/PUTTEST001", obj{"title": "new", "customer_name": "", "archived": "true", "destination_code": "US"}).want(t, 200, &echo)
	for _, k := range []string{"id", "tracking_number", "carrier_code", "created_at", "updated_at", "customer_email", "customer_name",
		"order_id", "title", "destination_code", "customer_phone", "archived", "status", "logistics_channel"} {
		if _, has := echo[k]; !has {
			t.Errorf("PUT echo lacks %s", k)
		}
	}
	if echo["archived"] != "true" || echo["title"] != "new" || echo["customer_name"] != nil || echo["status"] != "pending" {
		t.Errorf("PUT echo %v", echo)
	}
	if echo["updated_at"] == before["updated_at"] {
		t.Error("PUT did not move updated_at")
	}
	got := m.get("fedex", "PUTTEST001")
	if got["archived"] != true || got["customer_name"] != nil || got["destination_code"] != "US" {
		t.Errorf("after PUT: %v", got)
	}

	// manual status: 4 and 7 stick across time, 8 returns to the simulation
	for _, tc := range []struct {
		status any
		want   string
	}{{4, "delivered"}, {"7", "exception"}, {8, "pending"}} {
		m.call("PUT", "/trackings/fedex/PUTTEST001", obj{"status": tc.status}).want(t, 200, &echo)
		if fmt.Sprint(echo["status"]) != fmt.Sprint(tc.status) {
			t.Errorf("status echo %v, want %v as sent", echo["status"], tc.status)
		}
		if got := m.get("fedex", "PUTTEST001")["status"]; got != tc.want {
			t.Errorf("status %v: tracking is %v, want %s", tc.status, got, tc.want)
		}
	}
}

func TestDelete(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("DELTEST001", "usps", nil)
	var data []any
	m.call("DELETE", "/trackings/usps/DELTEST001", nil).want(t, 200, &data)
	if len(data) != 0 || m.srv.TrackingCount() != 0 {
		t.Errorf("data %v, %d trackings left", data, m.srv.TrackingCount())
	}
	m.call("GET", "/trackings/usps/DELTEST001", nil).want(t, 4031, nil)
}

func TestChangeCarrier(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("CHANGE0001", "dhl", nil)
	m.create("CHANGE0001", "ups", nil)
	var data obj
	m.call("POST", "/trackings/update", obj{"tracking_number": "CHANGE0001", "carrier_code": "dhl", "update_carrier_code": "ups"}).want(t, 4016, nil)
	m.call("POST", "/trackings/update", obj{"tracking_number": "CHANGE0001", "carrier_code": "dhl", "update_carrier_code": "fedex"}).want(t, 200, &data)
	if v, has := data["Usertag"]; !has || v != "" || len(data) != 1 {
		t.Errorf("data %v, want {Usertag:\"\"}", data)
	}
	m.get("fedex", "CHANGE0001")
	m.call("GET", "/trackings/dhl/CHANGE0001", nil).want(t, 4031, nil)
}

func TestProgress(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	const n = 40
	for i := range n {
		m.create(fmt.Sprintf("PROG%06d", i), "china-post", obj{"destination_code": "US"})
	}
	m.srv.Advance(3 * time.Hour)
	moved := 0
	for i := range n {
		if m.get("china-post", fmt.Sprintf("PROG%06d", i))["status"] != "pending" {
			moved++
		}
	}
	if moved != n {
		t.Errorf("%d of %d moved on after 3 hours", moved, n)
	}

	m.srv.Advance(10 * 24 * time.Hour)
	count := map[any]int{}
	for i := range n {
		tr := m.get("china-post", fmt.Sprintf("PROG%06d", i))
		count[tr["status"]]++
		if tr["status"] != "delivered" {
			continue
		}
		oi := tr["origin_info"].(obj)
		info := oi["trackinfo"].([]any)
		newest := info[0].(obj)
		if newest["checkpoint_status"] != "delivered" || !strings.HasPrefix(fmt.Sprint(newest["substatus"]), "delivered00") {
			t.Errorf("newest checkpoint %v", newest)
		}
		if tr["lastEvent"] != fmt.Sprintf("%s,%s,%s", newest["StatusDescription"], newest["Details"], newest["Date"]) || tr["lastUpdateTime"] != newest["Date"] {
			t.Errorf("lastEvent %v, lastUpdateTime %v, newest %v", tr["lastEvent"], tr["lastUpdateTime"], newest)
		}
		for _, f := range []string{"ItemReceived", "ItemDispatched", "DepartfromAirport"} {
			if oi[f] == nil {
				t.Errorf("origin_info.%s missing", f)
			}
		}
		di := tr["destination_info"].(obj)
		if di["carrier_code"] != "usps" || di["ArrivalfromAbroad"] == nil || di["CustomsClearance"] == nil {
			t.Errorf("destination_info %v", di)
		}
		if len(info) != 8 || !regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`).MatchString(newest["Date"].(string)) {
			t.Errorf("trackinfo %v", info)
		}
		if tr["original_country"] != "China" || tr["destination_country"] != "United States" {
			t.Errorf("countries %v %v", tr["original_country"], tr["destination_country"])
		}
	}
	// stalled journeys stay in transit until they expire (60 days for a post)
	if count["delivered"] < n/2 || count["pending"]+count["notfound"]+count["pickup"] > 0 {
		t.Errorf("after 10 days: %v", count)
	}
	m.srv.Advance(50 * 24 * time.Hour)
	var sums obj
	m.call("GET", "/trackings/getstatusnumber", nil).want(t, 200, &sums)
	if sums["expired"] != float64(count["transit"]) || sums["transit"] != 0.0 || sums["total"] != float64(n) {
		t.Errorf("after 60 days: %v (transit at 10 days: %d)", sums, count["transit"])
	}

	// deterministic: a fresh server at the same clock reads the same
	m2 := newMock(t, Options{Limits: NoLimits})
	m2.create("PROG000000", "china-post", obj{"destination_code": "US"})
	m2.srv.Advance(3*time.Hour + 10*24*time.Hour)
	a, b := m.get("china-post", "PROG000000"), m2.get("china-post", "PROG000000")
	if fmt.Sprint(a["origin_info"]) != fmt.Sprint(b["origin_info"]) || a["status"] != b["status"] {
		t.Errorf("not deterministic:\n%v\n%v", a, b)
	}
}

func TestNotUpdateFreezes(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("FROZEN0001", "ups", nil)
	m.srv.Advance(time.Hour)
	var data obj
	m.call("POST", "/trackings/notupdate", []obj{{"tracking_number": "FROZEN0001", "carrier_code": "ups"}}).want(t, 200, &data)
	if data["submitted"] != 1.0 || data["notupdate"] != 1.0 || len(data["errors"].([]any)) != 0 {
		t.Errorf("notupdate data %v", data)
	}
	m.srv.Advance(20 * 24 * time.Hour)
	got := m.get("ups", "FROZEN0001")
	if got["status"] != "pending" || got["track_update"] != false {
		t.Errorf("frozen tracking: status %v track_update %v", got["status"], got["track_update"])
	}
}

func TestRealtime(t *testing.T) {
	m := newMock(t, Options{Quota: ptr[int64](10), Limits: NoLimits})
	var data struct {
		Items []obj `json:"items"`
	}
	m.call("POST", "/trackings/realtime", obj{"tracking_number": "RT12345678", "carrier_code": "dhl", "order": "A-1"}).want(t, 200, &data)
	if len(data.Items) != 1 || data.Items[0]["order_id"] != "A-1" || data.Items[0]["status"] == "pending" {
		t.Errorf("realtime items %v", data.Items)
	}
	if m.srv.TrackingCount() != 0 {
		t.Error("realtime stored a tracking")
	}
	var info obj
	m.call("GET", "/trackings/getuserinfo", nil).want(t, 200, &info)
	if info["track_number"] != 9.0 {
		t.Errorf("realtime cost: quota %v, want 9", info["track_number"])
	}
}

func TestRealtimeOncePerTwoHours(t *testing.T) {
	m := newMock(t, Options{Quota: ptr[int64](10)}) // the default limits
	body := obj{"tracking_number": "RT12345678", "carrier_code": "dhl"}
	first := m.call("POST", "/trackings/realtime", body)
	m.clock.Add(time.Second) // refill the 1 req/s bucket
	m.srv.Advance(time.Hour)
	second := m.call("POST", "/trackings/realtime", body)
	if string(first.Data) != string(second.Data) || m.quota() != 9 {
		t.Errorf("repeat within 2h was not the earlier answer (quota %d)", m.quota())
	}
	m.clock.Add(time.Second)
	m.srv.Advance(90 * time.Minute)
	m.call("POST", "/trackings/realtime", body).want(t, 200, nil)
	if m.quota() != 8 {
		t.Errorf("quota %d after 2h, want 8", m.quota())
	}
}
