package mockapi

import (
	"strconv"
	"testing"
)

// What published v2 clients send (contract §1), one test each.

// TestNullIsNotSent: null neither clears a field nor fails, on PUT,
// updatemore, create, batch and realtime; "" still clears.
func TestNullIsNotSent(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("1234567890", "dhl", obj{"title": "old", "customer_name": "Jane", "order_id": nil, "comment": nil})
	var echo obj
	m.call("PUT", "/trackings/dhl/1234567890", obj{"title": "x", "status": nil, "archived": nil, "customer_name": nil}).want(t, 200, &echo)
	if echo["title"] != "x" || echo["customer_name"] != "Jane" {
		t.Errorf("PUT with nulls: %v", echo)
	}
	m.call("POST", "/trackings/updatemore", []obj{{"tracking_number": "1234567890", "carrier_code": "dhl", "title": nil, "customer_name": ""}}).want(t, 200, nil)
	got := m.get("dhl", "1234567890")
	if got["title"] != "x" || got["customer_name"] != nil || got["order_id"] != nil || got["status"] != "pending" {
		t.Errorf("after updatemore: %v", got)
	}
	m.call("POST", "/trackings/batch", []obj{{"tracking_number": "1234567891", "carrier_code": "dhl", "title": nil, "destination_code": nil}}).want(t, 200, nil)
	m.call("POST", "/trackings/realtime", obj{"tracking_number": "1234567892", "carrier_code": "dhl", "order": nil, "lang": nil}).want(t, 200, nil)
}

// TestPostOnTrackingPathUpdates: a PHP client's PUT arrives as POST.
func TestPostOnTrackingPathUpdates(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("1234567890", "dhl", nil)
	var echo obj
	m.call("POST", "/trackings/dhl/1234567890", obj{"title": "by POST"}).want(t, 200, &echo)
	if echo["title"] != "by POST" || m.get("dhl", "1234567890")["title"] != "by POST" {
		t.Errorf("POST update echo %v", echo)
	}
	m.call("POST", "/trackings/dhl/9999999999", obj{"title": "x"}).want(t, 4017, nil)
}

// TestOrderTimeBoundsKeepTrackingsWithoutOne: min=0&max=<now> returns
// every tracking, also those without an order time.
func TestOrderTimeBoundsKeepTrackingsWithoutOne(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("1234567890", "dhl", nil)
	m.create("1234567891", "dhl", obj{"order_create_time": "2024-02-01 10:00:00"})
	m.create("1234567892", "dhl", obj{"order_create_time": "2030-01-01"})
	now := strconv.FormatInt(m.clock.Now().Unix(), 10)
	q := "order_created_time_min=0&order_created_time_max=" + now
	var list struct {
		Total string `json:"total"`
	}
	m.call("GET", "/trackings/get?"+q, nil).want(t, 200, &list)
	var counts map[string]int
	m.call("GET", "/trackings/getstatusnumber?"+q, nil).want(t, 200, &counts)
	// The 2030 order is outside the bounds; the one without an order time is not.
	if list.Total != "2" || counts["total"] != 2 {
		t.Errorf("listed %s, counted %d; want 2", list.Total, counts["total"])
	}
}

// TestLooseSlashes: doubled and trailing slashes read as single ones.
func TestLooseSlashes(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("1234567890", "dhl", nil)
	for _, p := range []string{"//carriers", "/carriers/", "//trackings//dhl//1234567890", "/trackings/dhl/1234567890/", "/trackings//get"} {
		m.call("GET", p, nil).want(t, 200, nil)
	}
	resp, err := m.send(testKey, "GET", "//v2//trackings/dhl/1234567890", nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("//v2//…: %v %v", resp, err)
	}
	resp.Body.Close()
	if n := m.srv.Stats().ByEndpoint["GET /trackings/{carrier}/{number}"]; n != 3 {
		t.Errorf("tracking GETs counted %d, want 3", n)
	}
}
