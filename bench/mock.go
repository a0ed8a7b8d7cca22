package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// mockSettings are the flags every mock of a run starts with.
type mockSettings struct {
	latency time.Duration
	// rateLimit is the mock's --rate-limit, requests per second per
	// account across /v2; 0 turns every limit off (/v4's too), and below 0
	// (the default) the flag is not passed: the mock enforces TrackingMore's
	// real limits, 1 request/s per account and the documented per-endpoint
	// limits.
	rateLimit float64
	// v4RateLimit is the mock's --v4-rate-limit, requests per second per
	// account across /v4 (a budget of its own); 0 (the default) does not
	// pass the flag: the mock's default, TrackingMore's 10 of a v4 account.
	v4RateLimit float64
}

// defaultV4Rate is the mock's (and TrackingMore's) default budget of a v4
// account, all /v4 endpoints together.
const defaultV4Rate = 10

func (s mockSettings) args() []string {
	args := []string{"--addr", "127.0.0.1:0", "--latency", s.latency.String()}
	if s.rateLimit >= 0 {
		args = append(args, "--rate-limit", fmt.Sprint(s.rateLimit))
	}
	if s.v4RateLimit > 0 {
		args = append(args, "--v4-rate-limit", fmt.Sprint(s.v4RateLimit))
	}
	return args
}

// interval is the time one request of the account's v2 budget takes: 0 when
// limits are off.
func (s mockSettings) interval() time.Duration { return s.intervalOf(apiV2) }

// intervalOf is the time one request of the account's budget on an API
// version takes: 0 when limits are off.
func (s mockSettings) intervalOf(version string) time.Duration {
	switch {
	case s.rateLimit == 0:
		return 0
	case version == apiV4 && s.v4RateLimit > 0:
		return time.Duration(float64(time.Second) / s.v4RateLimit)
	case version == apiV4:
		return time.Second / defaultV4Rate
	case s.rateLimit < 0:
		return time.Second // the mock's default: 1 request/s
	}
	return time.Duration(float64(time.Second) / s.rateLimit)
}

// settle is the pause before each phase (and after seeding): two requests'
// worth of the v2 budget, so a phase never pays for the calls of the one
// before, as a person or a pipeline starting the next command would not.
func (s mockSettings) settle() time.Duration { return s.settleOf(apiV2) }

// settleOf is settle on an API version's budget.
func (s mockSettings) settleOf(version string) time.Duration { return 2 * s.intervalOf(version) }

// mock is a running bin/trackingmore-mock.
type mock struct {
	cmd  *exec.Cmd
	root string // http://ADDR: /v2 and /v4 are below it
	// banner says what the mock enforces: its "limits: ..." line, or what
	// an older mock's start-up line said after its URL.
	banner string
}

// baseURL is the API root of a version: http://ADDR/v2 or http://ADDR/v4.
func (m *mock) baseURL(version string) string { return m.root + "/" + version }

// limitsLineWait is how long startMock waits for the "limits:" line after
// the first one; a mock from before it prints none.
const limitsLineWait = 2 * time.Second

// startMock runs the mock binary and waits for its start-up lines:
// "listening on http://HOST:PORT/v2" (/v4 is beside it), then "limits: ...",
// what it enforces (a mock from before issue 19 said it on the first line,
// after the URL; one from before issue 17, not at all).
func startMock(bin string, s mockSettings) (*mock, error) {
	cmd := exec.Command(bin, s.args()...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	r := bufio.NewReader(out)
	line, err := r.ReadString('\n')
	url, banner, ok := parseListening(line)
	root, v2 := strings.CutSuffix(url, "/v2")
	if err != nil || !ok || !v2 {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, fmt.Errorf("the mock did not start (first line %q): %v", line, err)
	}
	if banner == "" {
		banner = limitsLine(r, limitsLineWait)
	}
	return &mock{cmd: cmd, root: root, banner: banner}, nil
}

// limitsLine reads the mock's second start-up line, "limits: ...", and
// returns it; "" when none comes within wait (the reader is then left to
// a goroutine that ends when the mock does).
func limitsLine(r *bufio.Reader, wait time.Duration) string {
	got := make(chan string, 1)
	go func() {
		line, _ := r.ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case line := <-got:
		if strings.HasPrefix(line, "limits: ") {
			return line
		}
	case <-time.After(wait):
	}
	return ""
}

// parseListening splits the mock's start-up line into its base URL and the
// text after it.
func parseListening(line string) (url, rest string, ok bool) {
	after, ok := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	if !ok {
		return "", "", false
	}
	url, rest, _ = strings.Cut(after, " ")
	return url, strings.TrimSpace(rest), strings.HasPrefix(url, "http://")
}

func (m *mock) stop() {
	_ = m.cmd.Process.Signal(syscall.SIGTERM)
	_ = m.cmd.Wait()
}

// seed creates trackings through the API, as a shop system would, 40 a
// batch and paced under the mock's rate limit (a 429 is waited out and the
// batch sent again): the onboarding scenario's account. The calls come
// before the first phase, outside its counts; so does a pause of settle
// after them.
func (m *mock) seed(ctx context.Context, parcels map[string]parcel, settle time.Duration) error {
	items := slices.Collect(maps.Values(parcels))
	pace := max(100*time.Millisecond, settle*3/4) // 1.5 intervals of the budget
	for chunk := range slices.Chunk(items, batchSize) {
		body, err := json.Marshal(chunk)
		if err != nil {
			return err
		}
		for attempt := 1; ; attempt++ {
			code, err := m.post(m.baseURL(apiV2)+"/trackings/batch", body)
			if err != nil {
				return err
			}
			if code == http.StatusOK || code == http.StatusCreated {
				break
			}
			if code != http.StatusTooManyRequests || attempt == 5 {
				return fmt.Errorf("seeding the mock: code %d", code)
			}
			sleepCtx(ctx, 2*pace)
		}
		sleepCtx(ctx, pace)
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	sleepCtx(ctx, settle)
	return ctx.Err()
}

// post sends one v2 API request (to url) with the bench account's key and
// returns the envelope's meta code (the mock answers HTTP 200 with the code
// in meta unless --http-status-mode).
func (m *mock) post(url string, body []byte) (int, error) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Trackingmore-Api-Key", benchAPIKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var env struct {
		Meta struct {
			Code int `json:"code"`
		} `json:"meta"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil || env.Meta.Code == 0 {
		return resp.StatusCode, nil
	}
	return env.Meta.Code, nil
}

// stats reads the mock's request counters. They are never reset: a reset
// would also clear the trackings the next phase works on.
func (m *mock) stats() (mockapi.Stats, error) {
	var s mockapi.Stats
	resp, err := http.Get(m.root + "/__mock/stats")
	if err != nil {
		return s, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return s, fmt.Errorf("mock stats: HTTP %d", resp.StatusCode)
	}
	return s, json.NewDecoder(resp.Body).Decode(&s)
}

// statsDelta is what happened between two readings of the counters.
func statsDelta(before, after mockapi.Stats) mockapi.Stats {
	d := mockapi.Stats{
		Total:      after.Total - before.Total,
		Throttled:  after.Throttled - before.Throttled,
		Faults:     after.Faults - before.Faults,
		Errors:     after.Errors - before.Errors,
		ByEndpoint: map[string]int64{},
	}
	for ep, n := range after.ByEndpoint {
		if n -= before.ByEndpoint[ep]; n != 0 {
			d.ByEndpoint[ep] = n
		}
	}
	return d
}
