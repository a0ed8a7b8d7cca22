package mockapi

import "testing"

func TestMeteredEndpoints(t *testing.T) {
	m := newMock(t, Options{Quota: ptr[int64](2), Limits: NoLimits})
	detect := obj{"tracking_number": "1234567890"}
	for i := range 5 { // the first call of five pays
		m.call("POST", "/carriers/detect", detect).want(t, 200, nil)
		if i == 0 && m.quota() != 1 {
			t.Fatalf("quota %d after first detect", m.quota())
		}
	}
	remote := []obj{{"country": "US", "postcode": "10001"}}
	m.call("POST", "/trackings/remote", remote).want(t, 200, nil)
	if m.quota() != 0 {
		t.Fatalf("quota %d, want 0", m.quota())
	}
	m.call("POST", "/carriers/detect", detect).want(t, 4021, nil)
	m.call("POST", "/trackings/aircargo", obj{"track_number": "999-12345675"}).want(t, 4021, nil)
	m.srv.SetQuota(40)
	m.call("POST", "/trackings/aircargo", obj{"track_number": []string{"999-12345675", "16012345675"}}).want(t, 200, nil)
	if m.quota() != 0 {
		t.Errorf("aircargo charged %d, want 40", 40-m.quota())
	}
}
