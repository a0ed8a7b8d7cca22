package main

import (
	"testing"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

func TestAPIFloor(t *testing.T) {
	for _, tc := range []struct {
		k    kind
		p    phase
		n    int
		want int
	}{
		{kindBulk, phaseApply, 5000, 128},
		{kindBulk, phaseApply, 100, 6},
		{kindBulk, phasePlan, 5000, 3},
		{kindBulk, phasePlan, 20, 1},
		{kindBulk, phaseUpdate, 5000, 13}, // 500 items
		{kindBulk, phaseUpdate, 20, 1},    // 2 items
		{kindBulk, phaseDestroy, 1000, 25},
		{kindSingle, phaseApply, 1000, 2002},
		{kindSingle, phasePlan, 1000, 1000},
		{kindSingle, phaseUpdate, 1000, 100},
		{kindSingle, phaseUpdate, 5, 1},
		{kindData, phaseApply, 1000, 0},
		{kindOnboard, phaseQuery, 2000, 1},
		{kindOnboard, phaseQuery, 2001, 2},
		{kindOnboard, phaseImportPlan, 2000, 2000},
		{kindOnboard, phasePlan, 2000, 2000},
	} {
		if got := apiFloor(tc.k, tc.p, tc.n); got != tc.want {
			t.Errorf("apiFloor(%s, %s, %d) = %d, want %d", tc.k, tc.p, tc.n, got, tc.want)
		}
	}
}

func TestParseList(t *testing.T) {
	got, err := parseList("-n", "100, 1000,5000")
	if err != nil || len(got) != 3 || got[0] != 100 || got[2] != 5000 {
		t.Fatalf("parseList = %v, %v", got, err)
	}
	for _, bad := range []string{"", "0", "x", "10,-1"} {
		if _, err := parseList("-n", bad); err == nil {
			t.Errorf("parseList(%q) accepted", bad)
		}
	}
}

func TestParseStat(t *testing.T) {
	const rest = " S 4100 4242 4100 0 -1 4194560 100 0 0 0 250 30 0 0"
	st, ok := parseStat([]byte("4242 (terraform-provi)" + rest))
	if !ok || st.comm != "terraform-provi" || st.ppid != 4100 || st.cpu != 2800*time.Millisecond {
		t.Fatalf("parseStat = %+v, %v", st, ok)
	}
	if st, ok = parseStat([]byte("7 (a) b) (c)" + rest)); !ok || st.comm != "a) b) (c" || st.ppid != 4100 {
		t.Fatalf("parseStat with parentheses in the name = %+v, %v", st, ok)
	}
	if _, ok = parseStat([]byte("7 (short) S 1")); ok {
		t.Fatal("parseStat accepted a truncated line")
	}
}

func TestStatsDelta(t *testing.T) {
	before := mockapi.Stats{Total: 5, Throttled: 1, ByEndpoint: map[string]int64{"POST /trackings/batch": 3, "GET /trackings/get": 2}}
	after := mockapi.Stats{Total: 9, Throttled: 1, Errors: 2, ByEndpoint: map[string]int64{"POST /trackings/batch": 7, "GET /trackings/get": 2}}
	d := statsDelta(before, after)
	if d.Total != 4 || d.Throttled != 0 || d.Errors != 2 || len(d.ByEndpoint) != 1 || d.ByEndpoint["POST /trackings/batch"] != 4 {
		t.Fatalf("statsDelta = %+v", d)
	}
}

func TestRunOrderPutsSingleLast(t *testing.T) {
	got := runOrder([]kind{kindSingle, kindBulk, kindData})
	if len(got) != 3 || got[0] != kindBulk || got[1] != kindData || got[2] != kindSingle {
		t.Fatalf("runOrder = %v", got)
	}
	if got := runOrder([]kind{kindBulk}); len(got) != 1 || got[0] != kindBulk {
		t.Fatalf("runOrder without single = %v", got)
	}
}
