package mockapi

import "testing"

func TestCostTime(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
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
