package mockapi

import (
	"net/http"
	"testing"
	"time"
)

func TestAuth(t *testing.T) {
	m := newMock(t, Options{APIKeys: []string{"good"}, Limits: NoLimits})
	m.callKey("", "GET", "/carriers", nil).want(t, 401, nil)
	m.callKey("bad", "GET", "/carriers", nil).want(t, 4001, nil)
	m.callKey("good", "GET", "/carriers", nil).want(t, 200, nil)
	open := newMock(t, Options{Limits: NoLimits})
	open.callKey("anything", "GET", "/carriers", nil).want(t, 200, nil)
	if a := open.callKey("", "GET", "/carriers", nil); a.status != 200 || a.Meta.Code != 401 {
		t.Errorf("default mode: HTTP %d meta %d", a.status, a.Meta.Code)
	}
}

func TestHTTPStatusMode(t *testing.T) {
	m := newMock(t, Options{HTTPStatusMode: true}) // the default limits: 1 request/s per key
	for _, tc := range []struct {
		key, method, path string
		body              any
		http, meta        int
	}{
		{"", "GET", "/carriers", nil, 401, 401},
		{"k", "GET", "/nope", nil, 404, 404},
		{"k2", "GET", "/trackings/dhl/NOTTHERE1", nil, 200, 4031}, // business codes stay HTTP 200
		{"k2", "GET", "/carriers", nil, 429, 429},
	} {
		a := m.callKey(tc.key, tc.method, tc.path, tc.body)
		if a.status != tc.http || a.Meta.Code != tc.meta || a.header.Get("Retry-After") != "" {
			t.Errorf("%s %s: HTTP %d meta %d, want %d %d", tc.method, tc.path, a.status, a.Meta.Code, tc.http, tc.meta)
		}
	}
}

func TestErrorRate(t *testing.T) {
	m := newMock(t, Options{Faults: Faults{ErrorRate: 1}, Limits: NoLimits})
	a := m.call("POST", "/trackings/post", obj{"tracking_number": "FAULT00001", "carrier_code": "ups"})
	if (a.status != 500 && a.status != 503) || a.Meta.Code != a.status {
		t.Errorf("HTTP %d meta %d", a.status, a.Meta.Code)
	}
	if m.srv.TrackingCount() != 0 || m.srv.Stats().Faults != 1 {
		t.Errorf("an error fault did something: %d trackings, stats %+v", m.srv.TrackingCount(), m.srv.Stats())
	}
}

func TestResetRate(t *testing.T) {
	m := newMock(t, Options{Faults: Faults{ResetRate: 1}, Limits: NoLimits})
	if resp, err := m.send(testKey, "POST", "/v2/trackings/post", obj{"tracking_number": "FAULT00001", "carrier_code": "ups"}); err == nil {
		resp.Body.Close()
		t.Fatal("connection not dropped")
	}
	if m.srv.TrackingCount() != 0 {
		t.Error("a reset fault performed the write")
	}
}

func TestResetAfterWrite(t *testing.T) {
	m := newMock(t, Options{Faults: Faults{ResetAfterWriteRate: 1}, Limits: NoLimits})
	if resp, err := m.send(testKey, "POST", "/v2/trackings/post", obj{"tracking_number": "FAULT00001", "carrier_code": "ups"}); err == nil {
		resp.Body.Close()
		t.Fatal("connection not dropped")
	}
	if m.srv.TrackingCount() != 1 {
		t.Error("the write was not performed")
	}
	// reads and failed writes are answered
	m.call("GET", "/trackings/ups/FAULT00001", nil).want(t, 200, nil)
	m.call("POST", "/trackings/post", obj{"tracking_number": "FAULT00001", "carrier_code": "ups"}).want(t, 4016, nil)
	if st := m.srv.Stats(); st.Faults != 1 || st.Errors != 1 || st.Total != 3 {
		t.Errorf("stats %+v", st)
	}
}

func TestThrottleRate(t *testing.T) {
	m := newMock(t, Options{Faults: Faults{ThrottleRate: 1}, Limits: NoLimits})
	a := m.call("GET", "/carriers", nil)
	a.want(t, 429, nil)
	if a.header.Get("Retry-After") != "" || a.Meta.Type != "Too Many Requests" || a.status != 200 {
		t.Errorf("throttle answer HTTP %d, Retry-After %q, type %q", a.status, a.header.Get("Retry-After"), a.Meta.Type)
	}
	if st := m.srv.Stats(); st.Throttled != 1 || st.Errors != 0 {
		t.Errorf("stats %+v", st)
	}
	// Retry-After only when the limits ask for it, on injected 429s too.
	m.srv.SetLimits(Limits{Off: true, RetryAfter: 1500 * time.Millisecond})
	if a := m.call("GET", "/carriers", nil); a.Meta.Code != 429 || a.header.Get("Retry-After") != "2" {
		t.Errorf("throttle with RetryAfter 1.5s: meta %d, Retry-After %q", a.Meta.Code, a.header.Get("Retry-After"))
	}
}

func TestSeededFaultsAreDeterministic(t *testing.T) {
	run := func() []int {
		m := newMock(t, Options{Seed: 42, Faults: Faults{ThrottleRate: 0.5}, Limits: NoLimits})
		var codes []int
		for range 20 {
			codes = append(codes, m.call("GET", "/carriers", nil).Meta.Code)
		}
		return codes
	}
	a, b := run(), run()
	throttled := 0
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("sequences differ: %v vs %v", a, b)
		}
		if a[i] == 429 {
			throttled++
		}
	}
	if throttled == 0 || throttled == len(a) {
		t.Errorf("throttle rate 0.5 gave %d of %d", throttled, len(a))
	}
}

func TestAdminAndReset(t *testing.T) {
	m := newMock(t, Options{Quota: ptr[int64](10), Limits: NoLimits})
	m.create("ADMIN00001", "ups", nil)
	m.call("GET", "/nope", nil)

	var st Stats
	if code := m.admin("GET", "stats", nil, &st); code != 200 || st.Total != 2 || st.Errors != 1 ||
		st.ByEndpoint["POST /trackings/post"] != 1 || st.ByEndpoint["GET /{unknown}"] != 1 {
		t.Errorf("stats %d %+v", code, st)
	}

	var set map[string]any
	if code := m.admin("POST", "faults", obj{"throttle_rate": 1, "latency": "1ms", "quota": 7, "http_status_mode": true}, &set); code != 200 ||
		set["throttle_rate"] != 1.0 || set["latency"] != "1ms" || set["quota"] != 7.0 || set["http_status_mode"] != true {
		t.Errorf("faults %d %v", code, set)
	}
	if a := m.call("GET", "/carriers", nil); a.status != http.StatusTooManyRequests {
		t.Errorf("after faults: HTTP %d", a.status)
	}
	m.admin("POST", "faults", obj{"throttle_rate": 0}, &set)
	if set["latency"] != "1ms" || set["http_status_mode"] != true {
		t.Errorf("absent fields changed: %v", set)
	}
	for _, bad := range []any{obj{"error_rate": 2}, obj{"latency": "soon"}, obj{"quota": -1}, obj{"typo": 1}, "{"} {
		var e map[string]string
		if code := m.admin("POST", "faults", bad, &e); code != 400 || e["error"] == "" {
			t.Errorf("faults %v: %d %v", bad, code, e)
		}
	}

	var adv map[string]any
	if code := m.admin("POST", "advance", obj{"hours": 1.5}, &adv); code != 200 || adv["offset_hours"] != 1.5 {
		t.Errorf("advance %d %v", code, adv)
	}
	if m.admin("POST", "advance", obj{"hours": -1}, nil) != 400 || m.admin("GET", "advance", nil, nil) != 405 || m.admin("GET", "nope", nil, nil) != 404 {
		t.Error("bad admin calls were accepted")
	}

	var ok map[string]bool
	if m.admin("POST", "reset", nil, &ok) != 200 || !ok["ok"] {
		t.Errorf("reset %v", ok)
	}
	if st := m.srv.Stats(); len(m.srv.accounts) != 0 || st.Total != 0 || m.srv.TrackingCount() != 0 || m.quota() != 10 || m.srv.offset != 0 {
		t.Errorf("after reset: stats %+v, %d trackings, quota %d, offset %v", st, m.srv.TrackingCount(), m.quota(), m.srv.offset)
	}
}

func TestLatency(t *testing.T) {
	m := newMock(t, Options{Latency: 30 * time.Millisecond, Limits: NoLimits})
	start := time.Now()
	m.call("GET", "/carriers", nil)
	if time.Since(start) < 30*time.Millisecond {
		t.Error("latency not applied")
	}
	m.srv.SetLatency(0)
	m.srv.SetFaults(Faults{ErrorRate: 1})
	if a := m.call("GET", "/carriers", nil); a.Meta.Code < 500 {
		t.Errorf("SetFaults not applied: %d", a.Meta.Code)
	}
}
