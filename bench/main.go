// Command bench measures the provider at TrackingMore's real rate limits
// against bin/trackingmore-mock at its default limits (API v2: 1 request/s
// per account, and the documented per-endpoint limits; API v4: 10
// requests/s per account, creates 3/s) with the provider at its defaults:
// API calls, wall time, provider memory and CPU of apply, no-change plan, a
// 10 % retitle and destroy, for N single resources at each -parallelism,
// one bulk resource of N items, on each API version of -api-versions, and
// (Terraform 1.14+, v2) onboarding N existing trackings with terraform
// query. It writes BENCHMARKS.md.
//
//	make bench                      # the default set (defaultCounts, -parallelism 10,40, v2 and v4, Terraform 1.14+ for onboarding)
//	make bench BENCH_ARGS=-quick    # smoke run: N = 20 at P = 10, single and bulk, v2 and v4
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// options are the command-line settings of a run.
type options struct {
	counts       map[string]map[kind][]int // N of each scenario, by API version
	kinds        []kind
	versions     []string // API versions, in run order (-api-versions)
	parallelism  []int    // -parallelism of the single-resource scenario
	mock         mockSettings
	rps          float64 // the provider's requests_per_second; 0: its default
	binDir       string
	binFlag      string // -bin as given, for the report
	terraform    string
	queryTF      string // Terraform for the onboarding scenario (1.14+); "auto": see resolveQueryTerraform
	out          string
	phaseTimeout time.Duration
	skips        []skipped // scenarios this run cannot measure
}

// defaultCounts are the sizes of `make bench` with no -n on API v2 (issue
// 17).
var defaultCounts = map[kind][]int{
	kindSingle:  {100, 1000},
	kindBulk:    {1000},
	kindData:    {100, 1000},
	kindOnboard: {2000},
}

// defaultCountsV4 are the sizes on API v4 (issue 19); v4 runs the single
// and bulk scenarios only.
var defaultCountsV4 = map[kind][]int{
	kindSingle: {1000},
	kindBulk:   {1000},
}

// apiVersions are the versions -api-versions takes, in run order.
var apiVersions = []string{apiV2, apiV4}

// defaultParallelism is Terraform's own default, at which every scenario but
// the single resources runs.
const defaultParallelism = 10

// result is one phase of one scenario.
type result struct {
	kind    kind
	n       int
	par     int    // Terraform's -parallelism
	version string // API version: apiV2 or apiV4 ("" for kindData, which calls none)
	phase   phase
	runOutcome
	api   mockapi.Stats // delta over the phase
	bound int           // the most API calls the targets allow
}

// skipped is a scenario the run could not measure, and why: the report says so.
type skipped struct {
	kind   kind
	reason string
}

func main() {
	log.SetFlags(log.Ltime)
	opts, err := parseFlags(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err == nil {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		err = run(ctx, opts)
		stop()
	}
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s", opts.out)
}

// scenarioRun is one scenario at one N and one parallelism on one API
// version.
type scenarioRun struct {
	kind    kind
	n       int
	par     int
	version string // see result.version
}

// plan lists the scenario runs, one API version after the other (v2 first,
// whose figures compare with earlier runs); within a version smallest N
// first and single resources (the slowest) last within each N, so a long
// run reports the quick targets early. The report groups by scenario and
// version.
func (o options) plan() []scenarioRun {
	var out []scenarioRun
	for i, v := range o.versions {
		var runs []scenarioRun
		for _, k := range runOrder(o.kinds) {
			if o.skipped(k) || !k.runsOn(v, i == 0) {
				continue
			}
			pars := []int{defaultParallelism}
			if k == kindSingle {
				pars = o.parallelism
			}
			version := v
			if !k.usesAPI() {
				version = ""
			}
			for _, n := range o.counts[v][k] {
				for _, p := range pars {
					runs = append(runs, scenarioRun{k, n, p, version})
				}
			}
		}
		slices.SortStableFunc(runs, func(a, b scenarioRun) int { return a.n - b.n })
		out = append(out, runs...)
	}
	return out
}

// skipReason says why the run cannot measure scenario k ("": it can).
func (o options) skipReason(k kind) string {
	for _, s := range o.skips {
		if s.kind == k {
			return s.reason
		}
	}
	return ""
}

func (o options) skipped(k kind) bool { return o.skipReason(k) != "" }

// run benchmarks every scenario run, rewriting the report after each so a
// long run stopped midway still leaves its numbers.
func run(ctx context.Context, opts options) error {
	if slices.Contains(opts.kinds, kindOnboard) && !opts.skipped(kindOnboard) {
		var reason string
		if opts.queryTF, reason = resolveQueryTerraform(opts.terraform, opts.queryTF); reason != "" {
			log.Printf("onboarding skipped: %s", reason)
			opts.skips = append(opts.skips, skipped{kindOnboard, reason})
		}
	}
	rep := newReport(opts)
	staged, err := stageBinaries(opts.binDir)
	if err != nil {
		return err
	}
	defer os.RemoveAll(staged)
	opts.binDir = staged
	for _, sr := range opts.plan() {
		results, banner, err := runScenario(ctx, opts, sr)
		if err != nil {
			return err
		}
		if rep.mockBanner == "" {
			rep.mockBanner = banner
		}
		rep.results = append(rep.results, results...)
		if err := rep.write(opts.out); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted; %s holds the phases that finished", opts.out)
		}
	}
	return nil
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	counts := fs.String("n", "", "comma-separated numbers of trackings for every scenario run, on every API version (default: v2 single 100,1000, bulk 1000, onboard 2000, data 100,1000; v4 single 1000, bulk 1000)")
	pars := fs.String("parallelism", "10,40", "comma-separated Terraform -parallelism values of the single-resource scenario (the others run at 10)")
	quick := fs.Bool("quick", false, "smoke run: N = 20 at -parallelism 10, scenarios single and bulk unless -scenarios says otherwise, on every API version of -api-versions (overrides -n and -parallelism)")
	only := fs.String("scenarios", "single,bulk,onboard", "comma-separated scenarios to run (single, bulk, data, onboard; onboard needs Terraform 1.14+ and runs on API v2 only, data calls no API and runs once)")
	versions := fs.String("api-versions", "v2,v4", "comma-separated TrackingMore API versions to run the single and bulk scenarios on (v2, v4), each at its own default limits; the provider gets api_version = \"v4\" on v4")
	fs.DurationVar(&o.mock.latency, "latency", 50*time.Millisecond, "mock latency added to every API request")
	fs.Float64Var(&o.mock.rateLimit, "rate-limit", -1, "mock --rate-limit, requests per second per account across /v2 (0: every limit off, /v4's too); unset: the mock's defaults, TrackingMore's real limits")
	fs.Float64Var(&o.mock.v4RateLimit, "v4-rate-limit", 0, "mock --v4-rate-limit, requests per second per account across /v4; 0: not set, the mock's default (TrackingMore's 10 of a v4 account)")
	fs.Float64Var(&o.rps, "rps", 0, "provider requests_per_second; 0: not set, the provider's default")
	fs.StringVar(&o.binDir, "bin", "bin", "directory holding terraform-provider-trackingmore and trackingmore-mock")
	fs.StringVar(&o.terraform, "terraform", "terraform", "Terraform CLI")
	fs.StringVar(&o.queryTF, "query-terraform", "auto", "Terraform CLI (1.14+) of the onboarding scenario; auto: -terraform if it is 1.14+, else the path scripts/cli.sh terraform "+queryTerraformVersion+" prints (it builds and caches it the first time)")
	fs.StringVar(&o.out, "out", "BENCHMARKS.md", "markdown report to write")
	fs.DurationVar(&o.phaseTimeout, "phase-timeout", 30*time.Minute, "interrupt a Terraform run after this long")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q (flags only; see -h)", fs.Args())
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *quick {
		*counts, *pars = "20", "10"
		if !set["scenarios"] {
			*only = "single,bulk"
		}
	}
	var err error
	if o.kinds, err = parseKinds(*only); err != nil {
		return o, err
	}
	if o.versions, err = parseVersions(*versions); err != nil {
		return o, err
	}
	if slices.Contains(o.kinds, kindOnboard) && !slices.Contains(o.versions, apiV2) {
		o.skips = append(o.skips, skipped{kindOnboard, "onboarding runs on API v2 only, and `-api-versions` has no v2"})
	}
	o.counts = map[string]map[kind][]int{}
	for _, v := range o.versions {
		defaults := defaultCounts
		if v == apiV4 {
			defaults = defaultCountsV4
		}
		o.counts[v] = map[kind][]int{}
		for _, k := range o.kinds {
			o.counts[v][k] = defaults[k]
			if _, ok := defaults[k]; !ok { // Terraform's own floor when v4 runs first: v2's sizes
				o.counts[v][k] = defaultCounts[k]
			}
		}
	}
	if *counts != "" {
		ns, err := parseList("-n", *counts)
		if err != nil {
			return o, err
		}
		for _, v := range o.versions {
			for _, k := range o.kinds {
				o.counts[v][k] = ns
			}
		}
	}
	if o.parallelism, err = parseList("-parallelism", *pars); err != nil {
		return o, err
	}
	if o.rps < 0 {
		return o, fmt.Errorf("-rps: %v is negative", o.rps)
	}
	if o.mock.v4RateLimit < 0 {
		return o, fmt.Errorf("-v4-rate-limit: %v is negative (-rate-limit 0 turns every limit off)", o.mock.v4RateLimit)
	}
	o.binFlag = o.binDir
	o.binDir, err = filepath.Abs(o.binDir)
	return o, err
}

// parseList reads a comma-separated list of positive numbers.
func parseList(name, s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%s: %q is not a positive number", name, f)
		}
		out = append(out, n)
	}
	return out, nil
}

func parseKinds(s string) ([]kind, error) {
	var out []kind
	for f := range strings.SplitSeq(s, ",") {
		k := kind(strings.TrimSpace(f))
		if _, ok := configs[k]; !ok {
			return nil, fmt.Errorf("-scenarios: unknown %q (want single, bulk, data or onboard)", f)
		}
		out = append(out, k)
	}
	return out, nil
}

// parseVersions reads -api-versions: v2, v4, each once, in run order (v2 first).
func parseVersions(s string) ([]string, error) {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		v := strings.TrimSpace(f)
		if !slices.Contains(apiVersions, v) {
			return nil, fmt.Errorf("-api-versions: unknown %q (want v2 or v4)", f)
		}
		out = append(out, v)
	}
	return slices.DeleteFunc(slices.Clone(apiVersions), func(v string) bool { return !slices.Contains(out, v) }), nil
}

func runOrder(ks []kind) []kind {
	single := slices.Contains(ks, kindSingle)
	out := slices.DeleteFunc(slices.Clone(ks), func(k kind) bool { return k == kindSingle })
	if single {
		out = append(out, kindSingle)
	}
	return out
}

// runScenario runs every phase of one scenario against its own mock, so
// list totals, counters and rate budgets never mix scenarios. It stops at
// the first failed phase: the later ones would measure a broken state.
func runScenario(ctx context.Context, o options, sr scenarioRun) ([]result, string, error) {
	k, n := sr.kind, sr.n
	m, err := startMock(filepath.Join(o.binDir, "trackingmore-mock"), o.mock)
	if err != nil {
		return nil, "", err
	}
	defer m.stop()
	version := orV2(sr.version)
	settle := o.mock.settleOf(version)
	ws, err := newWorkspace(k, o.binDir, version, m.baseURL(version), o.rps)
	if err != nil {
		return nil, "", err
	}
	defer ws.remove()

	tf := o.terraform
	if k == kindOnboard {
		tf = o.queryTF
		if err := m.seed(ctx, parcels(n, 0), settle); err != nil {
			return nil, "", err
		}
	}
	var results []result
	for i, p := range k.phases() {
		changed := 0
		if p == phaseUpdate || p == phaseDestroy {
			changed = updated(n)
		}
		if k != kindOnboard { // its configuration is what terraform query generates
			if err := ws.setParcels(parcels(n, changed)); err != nil {
				return nil, "", err
			}
		}
		if i > 0 && k.usesAPI() {
			sleepCtx(ctx, settle) // the previous phase's last call is its own
		}
		r := runPhase(ctx, o.phaseTimeout, tf, m, ws, sr, p)
		if r.err == nil && p == phaseImportPlan {
			r.err = ws.expectOutput(p, fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", n))
		}
		if ctx.Err() != nil {
			break // interrupted: a cut-short phase measures nothing
		}
		if r.err != nil {
			r.inState = ws.stateCount(tf)
		}
		results = append(results, r)
		log.Printf("%-7s %-2s N=%-5d P=%-3d %-11s %8s  CPU terraform %s provider %s  provider %s  API %d (bound %d)  429s %d  errors %d",
			k, sr.version, n, sr.par, p, round(r.wall), round(r.usage.terraformCPU), round(r.usage.providerCPU), mib(r.usage.providerRSS),
			r.api.Total, r.bound, r.api.Throttled, r.api.Errors+r.api.Faults)
		if r.err != nil {
			log.Printf("%v (state: %d resources)\n%s", r.err, r.inState, r.logTail)
			break
		}
	}
	return results, m.banner, nil
}

// runPhase runs one Terraform phase and takes the mock's counters around it.
func runPhase(ctx context.Context, timeout time.Duration, tf string, m *mock, ws *workspace, sr scenarioRun, p phase) result {
	r := result{kind: sr.kind, n: sr.n, par: sr.par, version: sr.version, phase: p, bound: sr.bound(p)}
	before, err := m.stats()
	if err == nil {
		r.runOutcome = ws.run(ctx, tf, p, sr.par, timeout)
		var after mockapi.Stats
		after, err = m.stats()
		r.api = statsDelta(before, after)
	}
	if err != nil && r.err == nil {
		r.err = err
	}
	return r
}

// orV2 is version, or v2 for the runs that call no API.
func orV2(version string) string {
	if version == "" {
		return apiV2
	}
	return version
}

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
