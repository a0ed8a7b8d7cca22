// Command bench measures the provider at scale against bin/trackingmore-mock:
// wall time, provider memory and API calls of apply, no-change plan, a 10 %
// update and destroy, for N single resources, one bulk resource of N items
// and N terraform_data (Terraform's own floor); and, with -scenarios onboard
// and Terraform 1.14+, adopting N existing trackings with terraform query.
// It writes BENCHMARKS.md.
//
//	make bench                      # N = 100, 1000, 5000 (an hour or more on 2 cores)
//	make bench BENCH_ARGS=-quick    # N = 20, 100 smoke run
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
	counts       []int
	kinds        []kind
	mock         mockSettings
	rps          float64 // the provider's requests_per_second
	binDir       string
	terraform    string
	out          string
	phaseTimeout time.Duration
}

// result is one phase of one scenario.
type result struct {
	kind  kind
	n     int
	phase phase
	runOutcome
	api   mockapi.Stats // delta over the phase
	floor int
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

// run benchmarks every scenario and size, rewriting the report after each
// so a long run stopped midway still leaves its numbers.
func run(ctx context.Context, opts options) error {
	rep := newReport(opts)
	staged, err := stageBinaries(opts.binDir)
	if err != nil {
		return err
	}
	defer os.RemoveAll(staged)
	opts.binDir = staged
	// Smallest N first and single resources (the slowest) last within each
	// N, so a long run reports the bulk targets early; the report groups by
	// scenario.
	for _, n := range opts.counts {
		for _, k := range runOrder(opts.kinds) {
			results, err := runScenario(ctx, opts, k, n)
			if err != nil {
				return err
			}
			rep.results = append(rep.results, results...)
			if err := rep.write(opts.out); err != nil {
				return err
			}
			if ctx.Err() != nil {
				return fmt.Errorf("interrupted; %s holds the phases that finished", opts.out)
			}
		}
	}
	return nil
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	counts := fs.String("n", "100,1000,5000", "comma-separated numbers of trackings")
	quick := fs.Bool("quick", false, "smoke run: N = 20,100 (overrides -n)")
	only := fs.String("scenarios", "single,bulk,data", "comma-separated scenarios to run (single, bulk, data, onboard; onboard needs Terraform 1.14+)")
	fs.DurationVar(&o.mock.latency, "latency", 50*time.Millisecond, "mock latency added to every API request")
	fs.Float64Var(&o.mock.rateLimit, "rate-limit", 20, "mock rate limit, requests per second per API key")
	fs.Float64Var(&o.rps, "rps", 0, "provider requests_per_second (0: the mock's -rate-limit)")
	fs.StringVar(&o.binDir, "bin", "bin", "directory holding terraform-provider-trackingmore and trackingmore-mock")
	fs.StringVar(&o.terraform, "terraform", "terraform", "Terraform CLI")
	fs.StringVar(&o.out, "out", "BENCHMARKS.md", "markdown report to write")
	fs.DurationVar(&o.phaseTimeout, "phase-timeout", 30*time.Minute, "kill a Terraform run after this long")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if *quick {
		*counts = "20,100"
	}
	var err error
	if o.counts, err = parseCounts(*counts); err != nil {
		return o, err
	}
	if o.kinds, err = parseKinds(*only); err != nil {
		return o, err
	}
	if o.rps == 0 {
		o.rps = o.mock.rateLimit
	}
	o.binDir, err = filepath.Abs(o.binDir)
	return o, err
}

func parseCounts(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-n: %q is not a positive number", f)
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

func runOrder(ks []kind) []kind {
	single := slices.Contains(ks, kindSingle)
	out := slices.DeleteFunc(slices.Clone(ks), func(k kind) bool { return k == kindSingle })
	if single {
		out = append(out, kindSingle)
	}
	return out
}

// runScenario runs every phase of one scenario against its own mock, so
// list totals and counters never mix scenarios. It stops at the first
// failed phase: the later ones would measure a broken state.
func runScenario(ctx context.Context, o options, k kind, n int) ([]result, error) {
	m, err := startMock(filepath.Join(o.binDir, "trackingmore-mock"), o.mock)
	if err != nil {
		return nil, err
	}
	defer m.stop()
	ws, err := newWorkspace(k, o.binDir, m.baseURL, o.rps)
	if err != nil {
		return nil, err
	}
	defer ws.remove()

	if k == kindOnboard {
		if err := m.seed(parcels(n, 0)); err != nil {
			return nil, err
		}
	}
	var results []result
	for _, p := range k.phases() {
		changed := 0
		if p == phaseUpdate || p == phaseDestroy {
			changed = updated(n)
		}
		if k != kindOnboard { // its configuration is what terraform query generates
			if err := ws.setParcels(parcels(n, changed)); err != nil {
				return nil, err
			}
		}
		r := runPhase(ctx, o, m, ws, k, n, p)
		if r.err == nil && p == phaseImportPlan {
			r.err = ws.expectOutput(p, fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", n))
		}
		if ctx.Err() != nil {
			break // interrupted: a cut-short phase measures nothing
		}
		results = append(results, r)
		log.Printf("%-6s N=%-5d %-7s %8s  CPU terraform %s provider %s  provider %s  API %d (floor %d)  429s %d  errors %d",
			k, n, p, round(r.wall), round(r.usage.terraformCPU), round(r.usage.providerCPU), mib(r.usage.providerRSS),
			r.api.Total, r.floor, r.api.Throttled, r.api.Errors+r.api.Faults)
		if r.err != nil {
			log.Printf("%v\n%s", r.err, r.logTail)
			break
		}
	}
	return results, nil
}

// runPhase runs one Terraform phase and takes the mock's counters around it.
func runPhase(ctx context.Context, o options, m *mock, ws *workspace, k kind, n int, p phase) result {
	r := result{kind: k, n: n, phase: p, floor: apiFloor(k, p, n)}
	before, err := m.stats()
	if err == nil {
		r.runOutcome = ws.run(ctx, o.terraform, p, o.phaseTimeout)
		var after mockapi.Stats
		after, err = m.stats()
		r.api = statsDelta(before, after)
	}
	if err != nil && r.err == nil {
		r.err = err
	}
	return r
}
