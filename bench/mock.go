package main

import (
	"bufio"
	"bytes"
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
	latency   time.Duration
	rateLimit float64 // requests per second per API key
}

func (s mockSettings) args() []string {
	return []string{
		"--addr", "127.0.0.1:0",
		"--latency", s.latency.String(),
		"--rate-limit", fmt.Sprint(s.rateLimit),
		"--enforce-documented-limits",
	}
}

// mock is a running bin/trackingmore-mock.
type mock struct {
	cmd     *exec.Cmd
	baseURL string // http://ADDR/v2
}

// startMock runs the mock binary and waits for its "listening on" line.
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
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	if err != nil || !ok {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, fmt.Errorf("the mock did not start (first line %q): %v", line, err)
	}
	return &mock{cmd: cmd, baseURL: url}, nil
}

func (m *mock) stop() {
	_ = m.cmd.Process.Signal(syscall.SIGTERM)
	_ = m.cmd.Wait()
}

// seed creates trackings through the API, as a shop system would, 40 a
// batch and paced under the mock's rate limit: the onboarding scenario's
// account. The calls come before the first phase, outside its counts.
func (m *mock) seed(parcels map[string]parcel) error {
	items := slices.Collect(maps.Values(parcels))
	for chunk := range slices.Chunk(items, batchSize) {
		body, err := json.Marshal(chunk)
		if err != nil {
			return err
		}
		req, err := http.NewRequest(http.MethodPost, m.baseURL+"/trackings/batch", bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Trackingmore-Api-Key", benchAPIKey)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("seeding the mock: HTTP %d", resp.StatusCode)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil
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
