package mockapi

import "testing"

func TestRemote(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
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
