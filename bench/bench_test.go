package main

import (
	"bufio"
	"errors"
	"io"
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

func TestCallBoundV4(t *testing.T) {
	for _, tc := range []struct {
		k      kind
		p      phase
		n, par int
		want   int
	}{
		// Single resources: at most one call a tracking to create, and the
		// two carrier lists, whatever P.
		{kindSingle, phaseApply, 1000, 10, 1002},
		{kindSingle, phaseApply, 1000, 40, 1002},
		{kindSingle, phaseApply, 20, 10, 22},
		{kindSingle, phasePlan, 1000, 10, 4}, // v2's 2, and 2 slots of reads by numbers
		{kindSingle, phasePlan, 2000, 40, 4},
		{kindSingle, phasePlan, 5000, 10, 9},
		{kindSingle, phaseUpdate, 1000, 10, 200}, // k = 100 PUTs, and a read each at most
		{kindSingle, phaseUpdate, 5, 40, 2},      // k = 1
		{kindSingle, phaseDestroy, 1000, 40, 1000},
		// The bulk resource: batches of 40 read back, no quota check.
		{kindBulk, phaseApply, 1000, 10, 52},
		{kindBulk, phaseApply, 20, 10, 4},
		{kindBulk, phaseApply, 41, 10, 6},
		{kindBulk, phasePlan, 1000, 10, 1},
		{kindBulk, phasePlan, 1999, 10, 1},
		{kindBulk, phasePlan, 2000, 10, 2}, // no total on v4: a short page ends the listing
		{kindBulk, phasePlan, 5000, 10, 3},
		{kindBulk, phaseUpdate, 1000, 10, 100},
		{kindBulk, phaseUpdate, 20, 10, 2},
		{kindBulk, phaseDestroy, 1000, 10, 1000},
		{kindData, phaseApply, 1000, 10, 0},
	} {
		if got := callBoundV4(tc.k, tc.p, tc.n); got != tc.want { // the same at every P
			t.Errorf("callBoundV4(%s, %s, N=%d, P=%d) = %d, want %d", tc.k, tc.p, tc.n, tc.par, got, tc.want)
		}
	}
	// A run picks its version's bounds; v2's are issue 17's as before.
	if got := (scenarioRun{kindSingle, 1000, 40, apiV2}).bound(phaseApply); got != 53 {
		t.Errorf("v2 bound %d, want 53", got)
	}
	if got := (scenarioRun{kindSingle, 1000, 40, apiV4}).bound(phaseApply); got != 1002 {
		t.Errorf("v4 bound %d, want 1002", got)
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
	if !slices.Equal(o.versions, []string{apiV2, apiV4}) {
		t.Errorf("default API versions %v, want v2 and v4", o.versions)
	}
	v2 := o.counts[apiV2]
	if !slices.Equal(v2[kindSingle], []int{100, 1000}) || !slices.Equal(v2[kindBulk], []int{1000}) || !slices.Equal(v2[kindOnboard], []int{2000}) {
		t.Errorf("default v2 counts %v", v2)
	}
	if o.mock.rateLimit >= 0 || o.mock.v4RateLimit != 0 || o.rps != 0 || o.queryTF != "auto" {
		t.Errorf("defaults: mock rate limit %v, v4 %v, rps %v, query terraform %q; want the mock's and the provider's own defaults", o.mock.rateLimit, o.mock.v4RateLimit, o.rps, o.queryTF)
	}
	want := []scenarioRun{
		// v2 as before issue 19, then v4: N = 1,000 single at P = 10 and 40, and bulk.
		{kindSingle, 100, 10, apiV2}, {kindSingle, 100, 40, apiV2},
		{kindBulk, 1000, 10, apiV2}, {kindSingle, 1000, 10, apiV2}, {kindSingle, 1000, 40, apiV2},
		{kindOnboard, 2000, 10, apiV2},
		{kindBulk, 1000, 10, apiV4}, {kindSingle, 1000, 10, apiV4}, {kindSingle, 1000, 40, apiV4},
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
	want := []scenarioRun{{kindBulk, 20, 10, apiV2}, {kindSingle, 20, 10, apiV2}, {kindBulk, 20, 10, apiV4}, {kindSingle, 20, 10, apiV4}}
	if got := o.plan(); !slices.Equal(got, want) {
		t.Errorf("-quick: plan() = %v, want %v", got, want)
	}
	o, err = parseFlags([]string{"-n", "50", "-scenarios", "bulk,onboard", "-rate-limit", "0"})
	if err != nil {
		t.Fatal(err)
	}
	o.skips = []skipped{{kindOnboard, "Terraform 1.11.4"}}
	if got := o.plan(); !slices.Equal(got, []scenarioRun{{kindBulk, 50, 10, apiV2}, {kindBulk, 50, 10, apiV4}}) {
		t.Errorf("-n 50 with onboarding skipped: plan() = %v", got)
	}
	if o.mock.rateLimit != 0 {
		t.Errorf("-rate-limit 0 read as %v", o.mock.rateLimit)
	}
	for _, bad := range [][]string{{"-parallelism", "0"}, {"-scenarios", "nope"}, {"-rps", "-1"}, {"stray"},
		{"-api-versions", "v3"}, {"-api-versions", ""}, {"-v4-rate-limit", "-1"}} {
		if _, err := parseFlags(bad); err == nil {
			t.Errorf("parseFlags(%q) accepted", bad)
		}
	}
}

func TestParseFlagsVersions(t *testing.T) {
	o, err := parseFlags([]string{"-api-versions", "v4", "-parallelism", "10"})
	if err != nil {
		t.Fatal(err)
	}
	// Onboarding is v2's: without v2 it is skipped, and said so.
	if o.skipReason(kindOnboard) == "" {
		t.Error("-api-versions v4: onboarding not skipped")
	}
	want := []scenarioRun{{kindBulk, 1000, 10, apiV4}, {kindSingle, 1000, 10, apiV4}}
	if got := o.plan(); !slices.Equal(got, want) {
		t.Errorf("-api-versions v4: plan() = %v, want %v", got, want)
	}
	// Versions run v2 first whatever the order given, each once; -n sets
	// both; Terraform's own floor runs once, without a version.
	o, err = parseFlags([]string{"-api-versions", "v4, v2,v4", "-n", "30", "-parallelism", "10", "-scenarios", "single,data,onboard"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(o.versions, []string{apiV2, apiV4}) {
		t.Errorf("versions %v", o.versions)
	}
	want = []scenarioRun{
		{kindData, 30, 10, ""}, {kindOnboard, 30, 10, apiV2}, {kindSingle, 30, 10, apiV2},
		{kindSingle, 30, 10, apiV4},
	}
	if got := o.plan(); !slices.Equal(got, want) {
		t.Errorf("plan() = %v, want %v", got, want)
	}
	o, err = parseFlags([]string{"-api-versions", "v4", "-scenarios", "data,bulk"})
	if err != nil {
		t.Fatal(err)
	}
	want = []scenarioRun{{kindData, 100, 10, ""}, {kindData, 1000, 10, ""}, {kindBulk, 1000, 10, apiV4}}
	if got := o.plan(); !slices.Equal(got, want) {
		t.Errorf("v4 with data: plan() = %v, want %v", got, want)
	}
	o, err = parseFlags([]string{"-v4-rate-limit", "25"})
	if err != nil || o.mock.v4RateLimit != 25 {
		t.Errorf("-v4-rate-limit 25: %v, %v", o.mock.v4RateLimit, err)
	}
}

func TestMockArgsV4(t *testing.T) {
	for _, tc := range []struct {
		rate, v4 float64
		want     string
		interval time.Duration // on v4
	}{
		{-1, 0, "--addr 127.0.0.1:0 --latency 50ms", 100 * time.Millisecond}, // the mock's default: 10 requests/s
		{-1, 25, "--addr 127.0.0.1:0 --latency 50ms --v4-rate-limit 25", 40 * time.Millisecond},
		{0, 0, "--addr 127.0.0.1:0 --latency 50ms --rate-limit 0", 0}, // every limit off, v4's too
		{5, 0, "--addr 127.0.0.1:0 --latency 50ms --rate-limit 5", 100 * time.Millisecond},
	} {
		s := mockSettings{latency: 50 * time.Millisecond, rateLimit: tc.rate, v4RateLimit: tc.v4}
		if got := strings.Join(s.args(), " "); got != tc.want {
			t.Errorf("rate %v, v4 %v: args %q, want %q", tc.rate, tc.v4, got, tc.want)
		}
		if s.intervalOf(apiV4) != tc.interval || s.settleOf(apiV4) != 2*tc.interval {
			t.Errorf("rate %v, v4 %v: v4 interval %v, settle %v", tc.rate, tc.v4, s.intervalOf(apiV4), s.settleOf(apiV4))
		}
	}
}

func TestLimitsLine(t *testing.T) {
	r := bufio.NewReader(strings.NewReader("limits: per API key: 1 request/s across /v2; 10 request/s across /v4\n"))
	if got := limitsLine(r, time.Second); got != "limits: per API key: 1 request/s across /v2; 10 request/s across /v4" {
		t.Errorf("limitsLine = %q", got)
	}
	if got := limitsLine(bufio.NewReader(strings.NewReader("something else\n")), time.Second); got != "" {
		t.Errorf("limitsLine of another line = %q", got)
	}
	pr, pw := io.Pipe() // a mock from before the limits line prints nothing more
	defer pw.Close()
	if got := limitsLine(bufio.NewReader(pr), 10*time.Millisecond); got != "" {
		t.Errorf("limitsLine without a second line = %q", got)
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
	if h := providerHeader(apiV2, 0); strings.Contains(h, "requests_per_second") || !strings.Contains(h, `provider "trackingmore" {}`) {
		t.Errorf("providerHeader(v2, 0) sets more than the defaults:\n%s", h)
	}
	if h := providerHeader(apiV2, 1); !strings.Contains(h, "requests_per_second = 1\n") || strings.Contains(h, "api_version") {
		t.Errorf("providerHeader(v2, 1):\n%s", h)
	}
	if h := providerHeader(apiV4, 0); !strings.Contains(h, "provider \"trackingmore\" {\n  api_version = \"v4\"\n}\n") {
		t.Errorf("providerHeader(v4, 0) is not the defaults with api_version = \"v4\":\n%s", h)
	}
	if h := providerHeader(apiV4, 2); !strings.Contains(h, "  api_version = \"v4\"\n  requests_per_second = 2\n}") {
		t.Errorf("providerHeader(v4, 2):\n%s", h)
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
		return result{kind: k, n: n, par: par, version: apiV2, phase: p, bound: callBound(k, p, n, par),
			api: mockapi.Stats{Total: calls, Throttled: throttled}}
	}
	r := &report{opts: options{kinds: []kind{kindSingle, kindOnboard}, versions: []string{apiV2}, skips: []skipped{{kindOnboard, "Terraform 1.11.4"}}}, results: []result{
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

func TestTargetsV4(t *testing.T) {
	run := func(v string, k kind, n, par int, p phase, calls, throttled int64) result {
		return result{kind: k, n: n, par: par, version: v, phase: p, bound: scenarioRun{k, n, par, v}.bound(p),
			api: mockapi.Stats{Total: calls, Throttled: throttled}}
	}
	r := &report{opts: options{kinds: []kind{kindSingle, kindBulk}, versions: []string{apiV2, apiV4}}, results: []result{
		run(apiV2, kindSingle, 100, 10, phaseApply, 23, 0),
		run(apiV4, kindSingle, 1000, 10, phaseApply, 258, 0),    // far below N + 2
		run(apiV4, kindSingle, 1000, 10, phasePlan, 5, 0),       // one over 4
		run(apiV4, kindSingle, 1000, 40, phaseUpdate, 122, 0),   // within 2k
		run(apiV4, kindBulk, 1000, 10, phaseDestroy, 1000, 1),   // at its bound, but a 429
		run(apiV4, kindSingle, 1000, 40, phaseDestroy, 1000, 0), // at its bound
		run(apiV2, kindBulk, 1000, 10, phaseApply, 28, 0),       // v2's bulk
	}}
	// By the start of each target's name (each start names one target).
	verdict := func(start string) target {
		var found []target
		for _, tg := range r.targets() {
			if strings.HasPrefix(tg.name, start) {
				found = append(found, tg)
			}
		}
		if len(found) != 1 {
			t.Fatalf("%d targets named %q…", len(found), start)
		}
		return found[0]
	}
	for start, want := range map[string]string{
		"Zero 429s and zero errors in every phase":                                        "PASS", // v2's, apart
		"API v4: zero 429s and zero errors in every phase":                                "FAIL",
		"API v4: apply of N new single resources":                                         "PASS",
		"API v4: no-change plan of N single resources in an account of ≤ 2,000 trackings": "FAIL",
		"API v4: retitle of k single resources":                                           "PASS",
		"API v4: destroy of N single resources":                                           "PASS",
		"API v4: bulk resource":                                                           "PASS", // within its bounds: the 429 fails the 429 target
		"Apply of N new single resources":                                                 "PASS",
		"Bulk resource at its floor":                                                      "PASS",
	} {
		if tg := verdict(start); tg.verdict != want {
			t.Errorf("%s: %s (%s), want %s", tg.name, tg.verdict, tg.measured, want)
		}
	}
	for _, tg := range r.targets() {
		if strings.HasPrefix(tg.name, "API v4: bulk resource") && !strings.Contains(tg.measured, "N=1000 P=10 destroy 1000/1000") {
			t.Errorf("v4 bulk measured %q", tg.measured)
		}
		if strings.HasPrefix(tg.name, "API v4: zero 429s") && !strings.Contains(tg.measured, "1 429s") {
			t.Errorf("v4 429s measured %q", tg.measured)
		}
	}
	r.opts.versions = []string{apiV2}
	r.results = slices.DeleteFunc(r.results, func(x result) bool { return x.version == apiV4 })
	for _, tg := range r.targets() {
		if strings.HasPrefix(tg.name, "API v4") && (tg.verdict != "not run" || tg.measured != "not in this run's `-api-versions`") {
			t.Errorf("without v4: %s reads %s, %q", tg.name, tg.verdict, tg.measured)
		}
	}
}

// TestReportV4Sections: v2's sections keep their headings and rows; v4's
// follow each, marked.
func TestReportV4Sections(t *testing.T) {
	path := filepath.Join(t.TempDir(), "BENCHMARKS.md")
	r := &report{opts: options{kinds: []kind{kindSingle, kindBulk}, versions: []string{apiV2, apiV4}, parallelism: []int{10, 40},
		mock: mockSettings{rateLimit: -1}}, mockBanner: "limits: per API key: 1 request/s across /v2; 10 request/s across /v4",
		results: []result{
			{kind: kindSingle, n: 20, par: 10, version: apiV2, phase: phaseApply, bound: 7, api: mockapi.Stats{Total: 6}},
			{kind: kindSingle, n: 20, par: 10, version: apiV4, phase: phaseApply, bound: 22, api: mockapi.Stats{Total: 7}},
		}}
	if err := r.write(path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := string(b)
	v2 := strings.Index(out, "### (a) N × `trackingmore_tracking` (for_each)\n")
	v4 := strings.Index(out, "### (a) N × `trackingmore_tracking` (for_each) on API v4\n")
	bulk := strings.Index(out, "### (b) one `trackingmore_trackings` with N items\n")
	if v2 < 0 || v4 < v2 || bulk < v4 {
		t.Errorf("sections out of order: v2 %d, v4 %d, bulk %d", v2, v4, bulk)
	}
	if !strings.Contains(out[v2:v4], "| 20 | 10 | apply | 6 | 7 |") || !strings.Contains(out[v4:bulk], "| 20 | 10 | apply | 7 | 22 |") {
		t.Errorf("rows in the wrong sections:\n%s", out[v2:bulk])
	}
	for _, want := range []string{"### (b) one `trackingmore_trackings` with N items on API v4", `api_version = "v4"`,
		"**apply ≤ N + 2**", "**retitle ≤ 2k**", "10 requests/s per account across all `/v4` endpoints",
		"Its start-up lines say \"limits: per API key", ", on API v4 200ms (two of its requests)"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(out, "a mock from before issue 17") {
		t.Error("a mock that prints its limits read as one from before issue 17")
	}
}

func TestReportKeepsBaselineAndSkips(t *testing.T) {
	path := filepath.Join(t.TempDir(), "BENCHMARKS.md")
	r := &report{opts: options{kinds: []kind{kindSingle, kindOnboard}, versions: []string{apiV2}, parallelism: []int{10, 40}, mock: mockSettings{rateLimit: -1},
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
