package mockapi

import (
	"strings"
	"testing"
	"time"
)

// TestAccountsAreIsolated: each key is an account; the same number lives
// in two accounts, and nothing one key does is seen by the other.
func TestAccountsAreIsolated(t *testing.T) {
	m := newMock(t, Options{Quota: ptr[int64](5), Limits: NoLimits})
	const a, b = "shop-a-key-0001", "shop-b-key-0002"
	for _, k := range []string{a, b} {
		m.callKey(k, "POST", "/trackings/post", obj{"tracking_number": "RR123456785CN", "carrier_code": "china-post", "title": k}).want(t, 200, nil)
	}
	m.callKey(a, "POST", "/trackings/post", obj{"tracking_number": "1Z999AA10123456784", "carrier_code": "ups"}).want(t, 200, nil)
	m.callKey(b, "PUT", "/trackings/china-post/RR123456785CN", obj{"title": "changed by b"}).want(t, 200, nil)
	m.callKey(b, "DELETE", "/trackings/ups/1Z999AA10123456784", nil).want(t, 4017, nil)

	var got obj
	m.callKey(a, "GET", "/trackings/china-post/RR123456785CN", nil).want(t, 200, &got)
	if got["title"] != a {
		t.Errorf("a's tracking has title %v: b's update reached it", got["title"])
	}
	for k, want := range map[string]int{a: 2, b: 1} {
		var list struct {
			Total string `json:"total"`
		}
		m.callKey(k, "GET", "/trackings/get", nil).want(t, 200, &list)
		var counts map[string]int
		m.callKey(k, "GET", "/trackings/getstatusnumber", nil).want(t, 200, &counts)
		var info obj
		m.callKey(k, "GET", "/trackings/getuserinfo", nil).want(t, 200, &info)
		if list.Total != string(rune('0'+want)) || counts["total"] != want || info["track_number"] != float64(5-want) {
			t.Errorf("%s: lists %s, counts %d, quota %v; want %d trackings and quota %d", k, list.Total, counts["total"], info["track_number"], want, 5-want)
		}
	}
	m.callKey(b, "GET", "/trackings/ups/1Z999AA10123456784", nil).want(t, 4031, nil)

	// One account's clock moves alone.
	acctA, _ := m.srv.Account(a)
	acctA.Advance(30 * 24 * time.Hour)
	var ga, gb obj
	m.callKey(a, "GET", "/trackings/china-post/RR123456785CN", nil).want(t, 200, &ga)
	m.callKey(b, "GET", "/trackings/china-post/RR123456785CN", nil).want(t, 200, &gb)
	if ga["status"] == "pending" || gb["status"] != "pending" {
		t.Errorf("after advancing a: a %v, b %v", ga["status"], gb["status"])
	}
	if m.srv.TrackingCount() != 3 || acctA.TrackingCount() != 2 {
		t.Errorf("server holds %d, a %d", m.srv.TrackingCount(), acctA.TrackingCount())
	}
}

func TestFixedKeys(t *testing.T) {
	m := newMock(t, Options{APIKeys: []string{"k1", "k2"}, Quota: ptr[int64](7), Limits: NoLimits})
	m.callKey("k3", "GET", "/trackings/getuserinfo", nil).want(t, 4001, nil)
	if _, ok := m.srv.Account("k3"); ok {
		t.Error("k3 opens an account")
	}
	if m.admin("POST", "faults?key=k3", obj{"quota": 1}, nil) != 400 {
		t.Error("?key= of an unknown key was accepted")
	}
	m.callKey("k1", "POST", "/trackings/post", obj{"tracking_number": "1234567890", "carrier_code": "dhl"}).want(t, 200, nil)
	m.callKey("k2", "POST", "/trackings/post", obj{"tracking_number": "1234567890", "carrier_code": "dhl"}).want(t, 200, nil)
	if st := m.srv.Stats(); len(st.ByKey) != 2 {
		t.Errorf("stats by key %v, want both accounts", st.ByKey)
	}
}

// TestAdminPerAccount: admin endpoints act on all accounts, or on one
// with ?key=; stats name accounts by a label, never the whole key.
func TestAdminPerAccount(t *testing.T) {
	m := newMock(t, Options{Quota: ptr[int64](9), Limits: NoLimits})
	const a, b = "alpha-secret-key", "bravo-secret-key"
	for _, k := range []string{a, b} {
		m.callKey(k, "POST", "/trackings/post", obj{"tracking_number": "1234567890", "carrier_code": "dhl"}).want(t, 200, nil)
	}
	m.callKey(a, "GET", "/nope", nil)

	var st Stats
	m.admin("GET", "stats", nil, &st)
	sa, sb := st.ByKey[KeyLabel(a)], st.ByKey[KeyLabel(b)]
	if st.Total != 3 || sa.Total != 2 || sb.Total != 1 || sa.ByEndpoint["GET /{unknown}"] != 1 || sa.Errors != 1 || sb.ByEndpoint["POST /trackings/post"] != 1 {
		t.Errorf("stats %+v", st)
	}
	for label := range st.ByKey {
		if strings.Contains(label, "secret") || strings.Contains(a+b, label) {
			t.Errorf("stats label %q gives a key away", label)
		}
	}
	var one Stats
	if m.admin("GET", "stats?key="+b, nil, &one); one.Total != 1 || one.ByKey != nil {
		t.Errorf("stats of b: %+v", one)
	}

	var set map[string]any
	if code := m.admin("POST", "faults?key="+a, obj{"quota": 1}, &set); code != 200 || set["quota"] != 1.0 {
		t.Errorf("quota of a: %d %v", code, set)
	}
	if code := m.admin("POST", "faults?key="+a, obj{"error_rate": 0.5}, nil); code != 400 {
		t.Errorf("a fault for one account: HTTP %d, want 400", code)
	}
	var adv map[string]any
	if m.admin("POST", "advance?key="+a, obj{"hours": 2}, &adv); adv["offset_hours"] != 2.0 {
		t.Errorf("advance of a: %v", adv)
	}
	for k, want := range map[string]float64{a: 1, b: 8} {
		var info obj
		m.callKey(k, "GET", "/trackings/getuserinfo", nil).want(t, 200, &info)
		if info["track_number"] != want {
			t.Errorf("%s: quota %v, want %v", k, info["track_number"], want)
		}
	}

	m.admin("POST", "reset?key="+a, nil, nil)
	m.callKey(a, "GET", "/trackings/dhl/1234567890", nil).want(t, 4031, nil)
	m.callKey(b, "GET", "/trackings/dhl/1234567890", nil).want(t, 200, nil)
	if m.admin("GET", "stats?key="+a, nil, &one); one.Total != 1 {
		t.Errorf("a's counters after its reset: %+v", one)
	}
}

// TestStatsByPattern: the stats key is the method and the route pattern.
func TestStatsByPattern(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	m.create("1234567890", "dhl", nil)
	m.call("POST", "/trackings/dhl/1234567890", obj{"title": "x"}).want(t, 200, nil)
	m.call("GET", "/trackings/dhl/1234567890/en", nil).want(t, 200, nil)
	m.call("DELETE", "/carriers", nil).want(t, 405, nil)
	m.call("GET", "/nope/deeper", nil).want(t, 404, nil)
	got := m.srv.Stats().ByEndpoint
	for _, k := range []string{"POST /trackings/post", "POST /trackings/{carrier}/{number}", "GET /trackings/{carrier}/{number}/{lang}", "DELETE /carriers", "GET /{unknown}"} {
		if got[k] != 1 {
			t.Errorf("%s counted %d times: %v", k, got[k], got)
		}
	}
}
