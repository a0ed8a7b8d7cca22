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
	// account; 0 turns limits off, and below 0 (the default) the flag is not
	// passed: the mock enforces TrackingMore's real limits, 1 request/s per
	// account and the documented per-endpoint limits.
	rateLimit float64
}

func (s mockSettings) args() []string {
	args := []string{"--addr", "127.0.0.1:0", "--latency", s.latency.String()}
	if s.rateLimit >= 0 {
		args = append(args, "--rate-limit", fmt.Sprint(s.rateLimit))
	}
	return args
}

// interval is the time one request of the account's budget takes: 0 when
// limits are off.
func (s mockSettings) interval() time.Duration {
	switch {
	case s.rateLimit == 0:
		return 0
	case s.rateLimit < 0:
		return time.Second // the mock's default: 1 request/s
	}
	return time.Duration(float64(time.Second) / s.rateLimit)
}

// settle is the pause before each phase (and after seeding): two requests'
// worth of the budget, so a phase never pays for the calls of the one before,
// as a person or a pipeline starting the next command would not.
func (s mockSettings) settle() time.Duration { return 2 * s.interval() }

// mock is a running bin/trackingmore-mock.
type mock struct {
	cmd     *exec.Cmd
	baseURL string // http://ADDR/v2
	banner  string // the rest of its start-up line: what it enforces
}

// startMock runs the mock binary and waits for its start-up line,
// "listening on http://HOST:PORT/v2", possibly followed by what it enforces.
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
	line, err := bufio.NewReader(out).ReadString('\n')
	url, banner, ok := parseListening(line)
	if err != nil || !ok {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, fmt.Errorf("the mock did not start (first line %q): %v", line, err)
	}
	return &mock{cmd: cmd, baseURL: url, banner: banner}, nil
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
			code, err := m.post("/trackings/batch", body)
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

// post sends one API request with the bench account's key and returns the
// envelope's meta code (the mock answers HTTP 200 with the code in meta
// unless --http-status-mode).
func (m *mock) post(path string, body []byte) (int, error) {
	req, err := http.NewRequest(http.MethodPost, m.baseURL+path, bytes.NewReader(body))
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
	resp, err := http.Get(strings.TrimSuffix(m.baseURL, "/v2") + "/__mock/stats")
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
