package mockapi

import (
	"fmt"
	"strings"
	"testing"
)

func items(n int, prefix, carrier string) []obj {
	out := make([]obj, n)
	for i := range out {
		out[i] = obj{"tracking_number": fmt.Sprintf("%s%05d", prefix, i), "carrier_code": carrier}
	}
	return out
}

type batchResult struct {
	Submitted int         `json:"submitted"`
	Added     int         `json:"added"`
	Updated   int         `json:"updated"`
	Delete    int         `json:"delete"`
	Trackings []obj       `json:"trackings"`
	Errors    []itemError `json:"errors"`
}

func TestBatchCreate(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("DUP0000001", "ups", nil)
	var res batchResult
	a := m.call("POST", "/trackings/batch", []obj{
		{"tracking_number": "NEW0000001", "carrier_code": "ups", "title": "t"},
		{"tracking_number": "DUP0000001", "carrier_code": "ups"},
		{"tracking_number": "x", "carrier_code": "ups"},
		{"tracking_number": "NEW0000002", "carrier_code": "nope"},
		{"tracking_number": "NEW0000001", "carrier_code": "ups"}, // duplicate within the batch
	})
	a.want(t, 201, &res)
	if a.Meta.Type != "Success" || res.Submitted != 5 || res.Added != 1 || len(res.Trackings) != 1 || res.Trackings[0]["title"] != "t" {
		t.Fatalf("batch %+v (%+v)", res, a.Meta)
	}
	codes := []int{}
	for _, e := range res.Errors {
		codes = append(codes, e.Code)
	}
	if fmt.Sprint(codes) != "[4016 4014 4015 4016]" || res.Errors[0].TrackingNumber != "DUP0000001" || res.Errors[0].Message != "Tracking already exists." {
		t.Errorf("errors %+v", res.Errors)
	}

	m.call("POST", "/trackings/batch", items(40, "OK", "dhl")).want(t, 200, &res)
	if res.Added != 40 || len(res.Errors) != 0 {
		t.Errorf("batch of 40: %+v", res)
	}
	before := m.srv.TrackingCount()
	for _, path := range []string{"/trackings/batch", "/trackings/updatemore", "/trackings/delete", "/trackings/notupdate"} {
		a := m.call("POST", path, items(41, "OK", "dhl"))
		a.want(t, 202, nil)
		if a.Meta.Type != "Bad Request" {
			t.Errorf("%s: type %q", path, a.Meta.Type)
		}
	}
	if after := m.srv.TrackingCount(); after != before {
		t.Errorf("a batch over 40 changed the store: %d → %d", before, after)
	}
}

func TestBatchQuotaRunsOut(t *testing.T) {
	m := newMock(t, Options{Quota: ptr[int64](3), Limits: NoLimits})
	var res batchResult
	m.call("POST", "/trackings/batch", items(5, "Q", "usps")).want(t, 201, &res)
	if res.Added != 3 || len(res.Errors) != 2 || res.Errors[0].Code != 4021 || res.Errors[1].Code != 4021 {
		t.Errorf("batch beyond quota: %+v", res)
	}
	m.call("POST", "/trackings/post", obj{"tracking_number": "QUOTA0001", "carrier_code": "usps"}).want(t, 4021, nil)
	var info obj
	m.call("GET", "/trackings/getuserinfo", nil).want(t, 200, &info)
	if info["track_number"] != 0.0 {
		t.Errorf("quota %v, want 0", info["track_number"])
	}
}

func TestUpdateMore(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("UPD0000001", "gls", nil)
	var res batchResult
	m.call("POST", "/trackings/updatemore", []obj{
		{"tracking_number": "UPD0000001", "carrier_code": "gls", "title": "new", "status": 4},
		{"tracking_number": "UPD0000002", "carrier_code": "gls", "title": "x"},
		{"tracking_number": "UPD0000001", "carrier_code": "gls", "status": 9},
		{"carrier_code": "gls"},
	}).want(t, 201, &res)
	if res.Submitted != 4 || res.Updated != 1 || res.Trackings[0]["title"] != "new" || res.Trackings[0]["status"] != 4.0 {
		t.Errorf("updatemore %+v", res)
	}
	if fmt.Sprint(codesOf(res.Errors)) != "[4017 4033 4013]" {
		t.Errorf("errors %+v", res.Errors)
	}
	if got := m.get("gls", "UPD0000001"); got["status"] != "delivered" || got["title"] != "new" {
		t.Errorf("after updatemore: %v", got)
	}
}

func codesOf(errs []itemError) []int {
	out := []int{}
	for _, e := range errs {
		out = append(out, e.Code)
	}
	return out
}

func TestBatchDelete(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("BDEL000001", "dpd", nil)
	var raw obj
	m.call("POST", "/trackings/delete", []obj{
		{"tracking_number": "BDEL000001", "carrier_code": "dpd"},
		{"tracking_number": "BDEL000002", "carrier_code": "dpd"},
	}).want(t, 201, &raw)
	if raw["submitted"] != 2.0 || raw["delete"] != 1.0 {
		t.Fatalf("delete data %v", raw)
	}
	trs := raw["trackings"].([]any)
	first, second := trs[0].(obj)["meta"].(obj), trs[1].(obj)["meta"].(obj)
	if first["code"] != 200.0 || first["tracking_number"] != "BDEL000001" || first["carrier_code"] != "dpd" || second["code"] != 4017.0 {
		t.Errorf("per-item metas %v %v", first, second)
	}
	if m.srv.TrackingCount() != 0 {
		t.Error("tracking not deleted")
	}
}

func TestList(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	for i := range 5 {
		m.create(fmt.Sprintf("LIST%06d", i), "yunda", obj{"order_id": fmt.Sprintf("O%d", i), "order_create_time": fmt.Sprint(1700000000 + i)})
	}
	m.call("PUT", "/trackings/yunda/LIST000003", obj{"archived": "true"}).want(t, 200, nil)

	type page struct {
		Page  int    `json:"page"`
		Limit int    `json:"limit"`
		Total string `json:"total"`
		Count int    `json:"count"`
		Items []obj  `json:"items"`
	}
	numbersOf := func(p page) string {
		var out []string
		for _, it := range p.Items {
			out = append(out, it["tracking_number"].(string)[4:])
		}
		return strings.Join(out, ",")
	}
	for _, tc := range []struct {
		name         string
		method, path string
		body         any
		want         string // tracking number suffixes in order
		total        string
	}{
		{"defaults", "GET", "/trackings/get", nil, "000000,000001,000002,000003,000004", "5"},
		{"pagination", "GET", "/trackings/get?page=2&limit=2", nil, "000002,000003", "5"},
		{"past the end", "GET", "/trackings/get?page=9&limit=2", nil, "", "5"},
		{"numbers", "GET", "/trackings/get?numbers=LIST000004,LIST000001", nil, "000001,000004", "2"},
		{"orders", "GET", "/trackings/get?orders=O2", nil, "000002", "1"},
		{"archived", "GET", "/trackings/get?archived=true", nil, "000003", "1"},
		{"not archived", "GET", "/trackings/get?archived=false&limit=1", nil, "000000", "4"},
		{"status", "GET", "/trackings/get?status=pending", nil, "000000,000001,000002,000003,000004", "5"},
		{"other status", "GET", "/trackings/get?status=delivered", nil, "", "0"},
		{"order time", "GET", "/trackings/get?order_created_time_min=1700000001&order_created_time_max=1700000002", nil, "000001,000002", "2"},
		{"created after", "GET", "/trackings/get?created_at_min=1800000000", nil, "", "0"},
		{"created window", "GET", "/trackings/get?created_at_min=1709280000&created_at_max=1709280000", nil, "000000,000001,000002,000003,000004", "5"},
		{"updated", "GET", "/trackings/get?update_time_min=1709280000&lang=en", nil, "000000,000001,000002,000003,000004", "5"},
		{"GET with body", "GET", "/trackings/get", obj{"numbers": "LIST000002", "limit": 10}, "000002", "1"},
		{"POST with body", "POST", "/trackings/get", obj{"numbers": []string{"LIST000000", "LIST000001"}, "page": 1}, "000000,000001", "2"},
		{"trailing slash", "GET", "/trackings/get/?limit=1", nil, "000000", "5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p page
			m.call(tc.method, tc.path, tc.body).want(t, 200, &p)
			if got := numbersOf(p); got != tc.want || p.Total != tc.total || p.Count != len(p.Items) {
				t.Errorf("items %q total %q count %d, want %q total %q", got, p.Total, p.Count, tc.want, tc.total)
			}
		})
	}
	var p page
	m.call("GET", "/trackings/get?limit=5000", nil).want(t, 200, &p)
	if p.Limit != 2000 || p.Page != 1 {
		t.Errorf("limit %d page %d, want 2000 and 1", p.Limit, p.Page)
	}
}

func TestStatusNumberAndUserInfo(t *testing.T) {
	m := newMock(t, Options{Quota: ptr[int64](50), Limits: NoLimits})
	m.create("STAT000001", "sto", nil)
	m.create("STAT000002", "sto", nil)
	m.call("PUT", "/trackings/sto/STAT000002", obj{"status": "7"}).want(t, 200, nil)
	for _, tc := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/trackings/getstatusnumber", nil},
		{"GET", "/trackings/getstatusnumber", obj{"created_at_min": 1709280000}},
		{"POST", "/trackings/getstatusnumber", obj{"created_at_max": "1809280000"}},
	} {
		var n map[string]int
		m.call(tc.method, tc.path, tc.body).want(t, 200, &n)
		want := map[string]int{"pending": 1, "exception": 1, "total": 2, "notfound": 0, "transit": 0, "pickup": 0, "delivered": 0, "undelivered": 0, "expired": 0}
		if fmt.Sprint(n) != fmt.Sprint(want) {
			t.Errorf("%s %v: %v", tc.method, tc.body, n)
		}
	}
	var n map[string]int
	m.call("GET", "/trackings/getstatusnumber?created_at_max=1000", nil).want(t, 200, &n)
	if n["total"] != 0 {
		t.Errorf("filtered counts %v", n)
	}
	for _, method := range []string{"GET", "POST"} {
		var info obj
		m.call(method, "/trackings/getuserinfo", nil).want(t, 200, &info)
		if info["track_number"] != 48.0 || info["regtime"] != "1709280000" || info["email"] == nil || info["phone"] == nil || info["money"] == nil {
			t.Errorf("userinfo %v", info)
		}
	}
}
