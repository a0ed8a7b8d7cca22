package mockapi

import (
	"math"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestDefaultLimits(t *testing.T) {
	m := newMock(t, Options{}) // zero Limits: TrackingMore's default
	m.call("GET", "/carriers", nil).want(t, 200, nil)
	a := m.call("GET", "/trackings/getuserinfo", nil) // every endpoint shares the budget
	a.want(t, 429, nil)
	if a.status != 200 || a.Meta.Type != "Too Many Requests" || a.header.Get("Retry-After") != "" {
		t.Errorf("429 answer: HTTP %d, type %q, Retry-After %q", a.status, a.Meta.Type, a.header.Get("Retry-After"))
	}
	m.callKey("other-key", "GET", "/carriers", nil).want(t, 200, nil) // each key its own budget
	m.callKey("other-key", "GET", "/carriers", nil).want(t, 429, nil)
	m.clock.Add(999 * time.Millisecond)
	m.call("GET", "/carriers", nil).want(t, 429, nil)
	m.clock.Add(time.Millisecond)
	m.call("GET", "/carriers", nil).want(t, 200, nil)
	if st := m.srv.Stats(); st.Throttled != 3 {
		t.Errorf("throttled %d, want 3", st.Throttled)
	}

	h := newMock(t, Options{HTTPStatusMode: true})
	h.call("GET", "/carriers", nil).want(t, 200, nil)
	if a := h.call("GET", "/carriers", nil); a.status != http.StatusTooManyRequests || a.Meta.Code != 429 || a.header.Get("Retry-After") != "" {
		t.Errorf("HTTP status mode: HTTP %d, meta %d, Retry-After %q", a.status, a.Meta.Code, a.header.Get("Retry-After"))
	}
}

func TestRaisedRateLimit(t *testing.T) {
	m := newMock(t, Options{Limits: Limits{RateLimit: 5}})
	for i, want := range []int{200, 200, 200, 200, 200, 429} {
		if a := m.call("GET", "/carriers", nil); a.Meta.Code != want {
			t.Errorf("request %d: meta %d, want %d", i, a.Meta.Code, want)
		}
	}
	m.clock.Add(200 * time.Millisecond) // one token back
	m.call("GET", "/carriers", nil).want(t, 200, nil)
	m.call("GET", "/carriers", nil).want(t, 429, nil)
	m.clock.Add(time.Second)
	for range 5 {
		m.call("GET", "/carriers", nil).want(t, 200, nil)
	}
}

func TestNoLimits(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits, Quota: ptr[int64](10)})
	for range 100 {
		m.call("GET", "/carriers", nil).want(t, 200, nil)
	}
	for range 4 {
		m.call("GET", "/trackings/get", nil).want(t, 200, nil)
	}
	body := obj{"tracking_number": "RTNOLIMIT1", "carrier_code": "dhl"}
	m.call("POST", "/trackings/realtime", body).want(t, 200, nil)
	m.call("POST", "/trackings/realtime", body).want(t, 200, nil)
	if m.quota() != 8 { // no realtime memory: each call pays
		t.Errorf("quota %d, want 8", m.quota())
	}
}

func TestRetryAfter(t *testing.T) {
	m := newMock(t, Options{Limits: Limits{RetryAfter: 2 * time.Second}})
	m.call("GET", "/carriers", nil).want(t, 200, nil)
	if a := m.call("GET", "/carriers", nil); a.Meta.Code != 429 || a.header.Get("Retry-After") != "2" {
		t.Errorf("meta %d, Retry-After %q, want 429 and 2", a.Meta.Code, a.header.Get("Retry-After"))
	}
	m.clock.Add(time.Second)
	if a := m.call("GET", "/carriers", nil); a.Meta.Code != 200 || a.header.Get("Retry-After") != "" {
		t.Errorf("meta %d, Retry-After %q on a success", a.Meta.Code, a.header.Get("Retry-After"))
	}
}

func TestDocumentedLimits(t *testing.T) {
	m := newMock(t, Options{Limits: Limits{RateLimit: 10}}) // a negotiated limit keeps the documented ones
	m.call("GET", "/trackings/get", nil).want(t, 200, nil)
	m.call("POST", "/trackings/get", nil).want(t, 429, nil) // GET and POST share the list bucket
	m.call("GET", "/trackings/get", nil).want(t, 429, nil)
	m.call("GET", "/carriers", nil).want(t, 200, nil) // other endpoints only spend the general budget
	for i, want := range []int{200, 200, 200, 429} {
		body := obj{"tracking_number": "RTLIMIT" + string(rune('A'+i)), "carrier_code": "dhl"}
		if code := m.call("POST", "/trackings/realtime", body).Meta.Code; code != want {
			t.Errorf("realtime %d: %d, want %d", i, code, want)
		}
	}
	m.clock.Add(time.Second)
	m.call("GET", "/trackings/get", nil).want(t, 200, nil)
}

func TestLimitsValidate(t *testing.T) {
	for _, l := range []Limits{{RateLimit: -1}, {RateLimit: math.NaN()}, {RateLimit: math.Inf(1)}, {V4RateLimit: -1}, {V4RateLimit: math.NaN()}, {RetryAfter: -time.Second}} {
		if _, err := Open(Options{Limits: l}); err == nil {
			t.Errorf("Open accepted %+v", l)
		}
	}
}

func TestLimitsString(t *testing.T) {
	for _, tc := range []struct {
		l    Limits
		want string
	}{
		{Limits{}, "per API key: 1 request/s across /v2; list 1/s; realtime 3/s, once per shipment per 2 h; 10 request/s across /v4; create 3/s; 429s without Retry-After"},
		{Limits{RateLimit: 2.5, V4RateLimit: 20, RetryAfter: 120 * time.Second}, "per API key: 2.5 request/s across /v2; list 1/s; realtime 3/s, once per shipment per 2 h; 20 request/s across /v4; create 3/s; 429s with Retry-After: 120"},
		{NoLimits, "no rate limits"},
		{Limits{Off: true, RetryAfter: time.Second}, "no rate limits; 429s with Retry-After: 1"},
	} {
		if got := tc.l.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.l, got, tc.want)
		}
	}
}

func TestAdminLimits(t *testing.T) {
	m := newMock(t, Options{})
	for _, old := range []obj{{"rate_limit": 0}, {"enforce_documented_limits": true}} {
		var e map[string]string
		if code := m.admin("POST", "faults", old, &e); code != 400 || !strings.Contains(e["error"], `{"limits":{"off":true}}`) {
			t.Errorf("%v: %d %v", old, code, e)
		}
	}
	var set struct {
		Limits limitSettings `json:"limits"`
	}
	if code := m.admin("POST", "faults", obj{}, &set); code != 200 || *set.Limits.Off || *set.Limits.RateLimit != 1 || *set.Limits.RetryAfter != "0s" {
		t.Errorf("default limits answered %d %+v", code, set.Limits)
	}
	if code := m.admin("POST", "faults", obj{"limits": obj{"rate_limit": 5, "retry_after": "3s"}}, nil); code != 200 || m.srv.Limits() != (Limits{RateLimit: 5, RetryAfter: 3 * time.Second}) {
		t.Errorf("limits set: %d %+v", code, m.srv.Limits())
	}
	m.admin("POST", "faults", obj{"limits": obj{"off": true}}, nil)
	if l := m.srv.Limits(); l != (Limits{Off: true, RateLimit: 5, RetryAfter: 3 * time.Second}) {
		t.Errorf("absent limit fields changed: %+v", l)
	}
	for range 10 {
		m.call("GET", "/carriers", nil).want(t, 200, nil)
	}
	for _, bad := range []obj{{"limits": obj{"rate_limit": -1}}, {"limits": obj{"retry_after": "-1s"}}, {"limits": obj{"bogus": 1}}} {
		if code := m.admin("POST", "faults", bad, nil); code != 400 {
			t.Errorf("%v: %d", bad, code)
		}
	}
	if code := m.admin("POST", "faults?key="+testKey, obj{"limits": obj{"off": false}}, nil); code != 400 {
		t.Errorf("limits with ?key=: %d", code)
	}
}
