// Command trackingmore-mock serves the stateful mock of TrackingMore's API
// (package mockapi) over HTTP, for CI runs of the provider and its users:
// v2 below /v2 and v4 below /v4, over the same accounts.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// version is set at release time (-X main.version=...).
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "trackingmore-mock:", err)
		os.Exit(1)
	}
}

// keyList collects the repeatable --api-key flag.
type keyList []string

func (k *keyList) String() string { return strings.Join(*k, ",") }

func (k *keyList) Set(v string) error {
	if v == "" {
		return errors.New("an API key must not be empty")
	}
	*k = append(*k, v)
	return nil
}

// errVersion: --version was asked for.
var errVersion = errors.New("version requested")

// run serves until ctx ends. Its first line on stdout is exactly
// "listening on http://ADDR/v2" (scripts take the base URL from the rest
// of that line; v4 is at http://ADDR/v4); the second says which limits are
// enforced.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	opts, addr, err := parseFlags(args, stderr)
	if errors.Is(err, errVersion) {
		fmt.Fprintln(stdout, "trackingmore-mock", version)
		return nil
	}
	if err != nil {
		return err
	}
	mock, err := mockapi.Open(opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mock, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "listening on http://%s/v2\nlimits: %s\n", ln.Addr(), opts.Limits)

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

func parseFlags(args []string, stderr io.Writer) (mockapi.Options, string, error) {
	var (
		opts       mockapi.Options
		keys       keyList
		f          = &opts.Faults
		documented bool
	)
	fs := flag.NewFlagSet("trackingmore-mock", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: trackingmore-mock [flags]\n\n"+
			"Serves a stateful mock of TrackingMore's API: v2 below /v2 and v4 below /v4, over the same\n"+
			"accounts (one API key, in each version's header, opens one account), and its administration\n"+
			"below /__mock (stats, reset, faults, advance).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	addr := fs.String("addr", "127.0.0.1:8080", "listen address (loopback by default)")
	fs.Var(&keys, "api-key", "accepted API key, one account each (repeatable); none: each distinct non-empty key gets its own account on first use")
	fs.Func("quota", fmt.Sprintf("starting quota `units` of each account, shared by /v2 and /v4 (0: every create gets 4021, v4's 4190) (default %d, effectively unlimited)", mockapi.DefaultQuota), func(v string) error {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return fmt.Errorf("--quota must be a non-negative integer, got %q", v)
		}
		opts.Quota = &n
		return nil
	})
	fs.StringVar(&opts.StateFile, "state-file", "", "load every account from this file at start and save it after each change (atomically); none: memory only")
	fs.DurationVar(&opts.Latency, "latency", 0, "delay added to every API request (/v2 and /v4)")
	fs.Float64Var(&f.ErrorRate, "error-rate", 0, "share of requests answered HTTP 500/503 [0,1]")
	fs.Float64Var(&f.ResetRate, "reset-rate", 0, "share of requests whose connection is dropped [0,1]")
	fs.Float64Var(&f.ResetAfterWriteRate, "reset-after-write-rate", 0, "share of writes performed and then dropped [0,1]")
	fs.Float64Var(&f.ThrottleRate, "throttle-rate", 0, "share of requests answered 429 [0,1]")
	rateLimit := fs.Float64("rate-limit", mockapi.DefaultRateLimit, "requests per second per API key, all /v2 endpoints together (1 is TrackingMore's limit of a v2 account; more models a negotiated one); "+
		"the documented list (1/s) and realtime (3/s, once per shipment per 2 h) limits apply within it; 0: no limits at all, /v4 included")
	v4RateLimit := fs.Float64("v4-rate-limit", mockapi.DefaultV4RateLimit, "requests per second per API key, all /v4 endpoints together, in a budget of their own (10 is TrackingMore's default for v4); "+
		"the documented create limit (3/s) applies within it")
	fs.DurationVar(&opts.Limits.RetryAfter, "retry-after", 0, "`duration` a 429 asks to wait in a Retry-After header (whole seconds, rounded up); 0: no header, as TrackingMore documents none")
	fs.BoolFunc("enforce-documented-limits", "deprecated, does nothing: the documented limits are always enforced (--rate-limit 0 turns every limit off)", func(string) error {
		documented = true
		return nil
	})
	fs.Int64Var(&opts.Seed, "seed", 0, "seed of the fault randomness")
	fs.BoolVar(&opts.HTTPStatusMode, "http-status-mode", false, "mirror meta 401/404/429/5xx in the HTTP status of /v2 answers (/v4 always sets it)")
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return opts, "", err
	}
	if *showVersion {
		return opts, "", errVersion
	}
	if fs.NArg() > 0 {
		return opts, "", fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if err := f.Validate(); err != nil {
		return opts, "", fmt.Errorf("invalid fault flags: %w", err)
	}
	if math.IsNaN(*rateLimit) || math.IsInf(*rateLimit, 0) || *rateLimit < 0 {
		return opts, "", fmt.Errorf("--rate-limit must be a non-negative number of requests per second (0: no limits), got %v", *rateLimit)
	}
	if math.IsNaN(*v4RateLimit) || math.IsInf(*v4RateLimit, 0) || *v4RateLimit <= 0 {
		return opts, "", fmt.Errorf("--v4-rate-limit must be a positive number of requests per second (--rate-limit 0 turns every limit off), got %v", *v4RateLimit)
	}
	if opts.Limits.RetryAfter < 0 {
		return opts, "", fmt.Errorf("--retry-after must not be negative, got %v", opts.Limits.RetryAfter)
	}
	opts.Limits.RateLimit, opts.Limits.V4RateLimit, opts.Limits.Off = *rateLimit, *v4RateLimit, *rateLimit == 0
	if documented {
		fmt.Fprintln(stderr, "trackingmore-mock: --enforce-documented-limits is deprecated and does nothing: the documented limits are always enforced")
	}
	if opts.Latency < 0 {
		return opts, "", fmt.Errorf("--latency must not be negative, got %v", opts.Latency)
	}
	opts.APIKeys = keys
	return opts, *addr, nil
}
