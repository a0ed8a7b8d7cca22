package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

func TestCallBound(t *testing.T) {
	for _, tc := range []struct {
		k      kind
		p      phase
		n, par int
		want   int
	}{
		// Single resources: issue 17's bounds.
		{kindSingle, phaseApply, 100, 10, 23}, // 2·10 + 3
		{kindSingle, phaseApply, 100, 40, 9},  // 2·3 + 3
		{kindSingle, phaseApply, 1000, 10, 203},
		{kindSingle, phaseApply, 1000, 40, 53},
		{kindSingle, phaseApply, 20, 10, 7},
		{kindSingle, phasePlan, 100, 10, 2},
		{kindSingle, phasePlan, 2000, 40, 2},
		{kindSingle, phasePlan, 5000, 10, 7},    // beyond a page: twice the 3 list calls, plus one
		{kindSingle, phaseUpdate, 100, 10, 2},   // k = 10
		{kindSingle, phaseUpdate, 1000, 10, 11}, // k = 100
		{kindSingle, phaseUpdate, 1000, 40, 4},
		{kindSingle, phaseUpdate, 5, 10, 2}, // k = 1
		{kindSingle, phaseDestroy, 100, 10, 11},
		{kindSingle, phaseDestroy, 1000, 40, 26},
		// Onboarding: the query lists the account; the rest ≤ 3.
		{kindOnboard, phaseQuery, 2000, 10, 1},
		{kindOnboard, phaseQuery, 2001, 10, 2},
		{kindOnboard, phaseImportPlan, 2000, 10, 3},
		{kindOnboard, phaseImport, 2000, 10, 3},
		{kindOnboard, phasePlan, 2000, 10, 3},
		// The bulk resource: its floor, whatever P.
		{kindBulk, phaseApply, 1000, 10, 28},
		{kindBulk, phaseApply, 1000, 40, 28},
		{kindData, phaseApply, 1000, 10, 0},
	} {
		if got := callBound(tc.k, tc.p, tc.n, tc.par); got != tc.want {
			t.Errorf("callBound(%s, %s, N=%d, P=%d) = %d, want %d", tc.k, tc.p, tc.n, tc.par, got, tc.want)
		}
	}
}

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
		{kindData, phaseApply, 1000, 0},
		{kindOnboard, phaseQuery, 2000, 1},
		{kindOnboard, phaseQuery, 4001, 3},
	} {
		if got := apiFloor(tc.k, tc.p, tc.n); got != tc.want {
			t.Errorf("apiFloor(%s, %s, %d) = %d, want %d", tc.k, tc.p, tc.n, got, tc.want)
		}
	}
}

func TestParseFlagsDefaults(t *testing.T) {
	o, err := parseFlags(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(o.kinds, []kind{kindSingle, kindBulk, kindOnboard}) || !slices.Equal(o.parallelism, []int{10, 40}) {
		t.Errorf("default scenarios %v, parallelism %v", o.kinds, o.parallelism)
	}
	if !slices.Equal(o.counts[kindSingle], []int{100, 1000}) || !slices.Equal(o.counts[kindBulk], []int{1000}) || !slices.Equal(o.counts[kindOnboard], []int{2000}) {
		t.Errorf("default counts %v", o.counts)
	}
	if o.mock.rateLimit >= 0 || o.rps != 0 || o.queryTF != "auto" {
		t.Errorf("defaults: mock rate limit %v, rps %v, query terraform %q; want the mock's and the provider's own defaults", o.mock.rateLimit, o.rps, o.queryTF)
	}
	want := []scenarioRun{
		{kindSingle, 100, 10}, {kindSingle, 100, 40},
		{kindBulk, 1000, 10}, {kindSingle, 1000, 10}, {kindSingle, 1000, 40},
		{kindOnboard, 2000, 10},
	}
	if got := o.plan(); !slices.Equal(got, want) {
		t.Errorf("plan() = %v, want %v", got, want)
	}
}

func TestParseFlagsQuickAndN(t *testing.T) {
	o, err := parseFlags([]string{"-quick", "-parallelism", "40"})
	if err != nil {
		t.Fatal(err)
	}
	want := []scenarioRun{{kindBulk, 20, 10}, {kindSingle, 20, 10}}
	if got := o.plan(); !slices.Equal(got, want) {
		t.Errorf("-quick: plan() = %v, want %v", got, want)
	}
	o, err = parseFlags([]string{"-n", "50", "-scenarios", "bulk,onboard", "-rate-limit", "0"})
	if err != nil {
		t.Fatal(err)
	}
	o.skips = []skipped{{kindOnboard, "Terraform 1.11.4"}}
	if got := o.plan(); !slices.Equal(got, []scenarioRun{{kindBulk, 50, 10}}) {
		t.Errorf("-n 50 with onboarding skipped: plan() = %v", got)
	}
	if o.mock.rateLimit != 0 {
		t.Errorf("-rate-limit 0 read as %v", o.mock.rateLimit)
	}
	for _, bad := range [][]string{{"-parallelism", "0"}, {"-scenarios", "nope"}, {"-rps", "-1"}, {"stray"}} {
		if _, err := parseFlags(bad); err == nil {
			t.Errorf("parseFlags(%q) accepted", bad)
		}
	}
}

func TestMockArgs(t *testing.T) {
	for _, tc := range []struct {
		rate     float64
		want     string
		interval time.Duration
	}{
		{-1, "--addr 127.0.0.1:0 --latency 50ms", time.Second}, // the mock's defaults: 1 request/s
		{0, "--addr 127.0.0.1:0 --latency 50ms --rate-limit 0", 0},
		{5, "--addr 127.0.0.1:0 --latency 50ms --rate-limit 5", 200 * time.Millisecond},
	} {
		s := mockSettings{latency: 50 * time.Millisecond, rateLimit: tc.rate}
		if got := strings.Join(s.args(), " "); got != tc.want {
			t.Errorf("rate %v: args %q, want %q", tc.rate, got, tc.want)
		}
		if s.interval() != tc.interval || s.settle() != 2*tc.interval {
			t.Errorf("rate %v: interval %v, settle %v", tc.rate, s.interval(), s.settle())
		}
	}
}

func TestParseListening(t *testing.T) {
	for _, tc := range []struct{ line, url, rest string }{
		{"listening on http://127.0.0.1:4000/v2\n", "http://127.0.0.1:4000/v2", ""},
		{"listening on http://127.0.0.1:4000/v2 (1 request/s per account)\n", "http://127.0.0.1:4000/v2", "(1 request/s per account)"},
	} {
		url, rest, ok := parseListening(tc.line)
		if !ok || url != tc.url || rest != tc.rest {
			t.Errorf("parseListening(%q) = %q, %q, %v", tc.line, url, rest, ok)
		}
	}
	if _, _, ok := parseListening("error: address in use"); ok {
		t.Error("parseListening accepted an error line")
	}
}

func TestProviderHeader(t *testing.T) {
	if h := providerHeader(0); strings.Contains(h, "requests_per_second") || !strings.Contains(h, `provider "trackingmore" {}`) {
		t.Errorf("providerHeader(0) sets more than the defaults:\n%s", h)
	}
	if h := providerHeader(1); !strings.Contains(h, "requests_per_second = 1\n") {
		t.Errorf("providerHeader(1):\n%s", h)
	}
}

func TestCanQuery(t *testing.T) {
	for v, want := range map[string]bool{"1.16.4": true, "1.14.0": true, "2.0.0": true, "1.13.9": false, "1.11.4": false, "unknown": false} {
		if canQuery(v) != want {
			t.Errorf("canQuery(%q) = %v", v, !want)
		}
	}
}

func TestTargets(t *testing.T) {
	ok := func(k kind, n, par int, p phase, calls, throttled int64) result {
		return result{kind: k, n: n, par: par, phase: p, bound: callBound(k, p, n, par),
			api: mockapi.Stats{Total: calls, Throttled: throttled}}
	}
	r := &report{opts: options{kinds: []kind{kindSingle, kindOnboard}, skips: []skipped{{kindOnboard, "Terraform 1.11.4"}}}, results: []result{
		ok(kindSingle, 100, 10, phaseApply, 23, 0),
		ok(kindSingle, 100, 10, phasePlan, 2, 0),
		ok(kindSingle, 100, 40, phaseApply, 10, 1), // one over 2·3 + 3, and a 429
		ok(kindSingle, 20, 10, phaseUpdate, 2, 0),
	}}
	r.results[3].err = errors.New("terraform update: exit status 1") // within its bound, but failed
	got := map[string]target{}
	for _, tg := range r.targets() {
		got[strings.SplitN(tg.name, ":", 2)[0]] = tg
	}
	for name, want := range map[string]string{
		"Zero 429s and zero errors in every phase":                                "FAIL",
		"Apply of N new single resources":                                         "FAIL",
		"No-change plan of N single resources in an account of ≤ 2,000 trackings": "PASS",
		"Destroy of N single resources (`-refresh=false`)":                        "FAIL", // not reached at N=20
		"Bulk resource at its floor":                                              "not run",
		"Onboarding 2,000 with `terraform query`":                                 "not run",
	} {
		if got[name].verdict != want {
			t.Errorf("%s: %s (%s), want %s", name, got[name].verdict, got[name].measured, want)
		}
	}
	if m := got["Apply of N new single resources"].measured; !strings.Contains(m, "N=100 P=10 apply 23/23") || !strings.Contains(m, "N=100 P=40 apply 10/9") {
		t.Errorf("apply measured %q", m)
	}
	if m := got["Destroy of N single resources (`-refresh=false`)"].measured; m != "N=20 P=10 destroy not reached (update failed)" {
		t.Errorf("destroy measured %q", m)
	}
	if m := got["Bulk resource at its floor"].measured; m != "not in this run's `-scenarios`" {
		t.Errorf("bulk, not chosen, measured %q", m)
	}
	if m := got["Onboarding 2,000 with `terraform query`"].measured; m != "not run: Terraform 1.11.4" {
		t.Errorf("a skipped onboarding reads %q", m)
	}
}

func TestReportKeepsBaselineAndSkips(t *testing.T) {
	path := filepath.Join(t.TempDir(), "BENCHMARKS.md")
	r := &report{opts: options{kinds: []kind{kindSingle, kindOnboard}, parallelism: []int{10, 40}, mock: mockSettings{rateLimit: -1},
		skips: []skipped{{kindOnboard, "Terraform 1.11.4 cannot run terraform query"}}}}
	if err := r.write(path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Before issue 17 (29f5644)", "**Not run:** Terraform 1.11.4 cannot run terraform query.", "1 request/s per account"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("report lacks %q", want)
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
