package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

func TestRunServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--addr", "127.0.0.1:0", "--rate-limit", "0", "--api-key", "k1", "--api-key", "k2", "--quota", "5"}, pw, io.Discard)
		pw.Close()
	}()

	out := bufio.NewReader(pr)
	line, err := out.ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	if limits, err := out.ReadString('\n'); err != nil || limits != "limits: no rate limits\n" {
		t.Errorf("second line %q, %v", limits, err)
	}
	base, found := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	if !found || !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.HasSuffix(base, "/v2") || strings.HasSuffix(base, ":0/v2") {
		t.Fatalf("first line %q", line)
	}
	// v4 is served beside v2, over the same accounts: its create costs k2 a unit.
	req, _ := http.NewRequest("POST", strings.TrimSuffix(base, "/v2")+"/v4/trackings/create", strings.NewReader(`{"tracking_number":"1234567890","courier_code":"dhl"}`))
	req.Header.Set("Tracking-Api-Key", "k2")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("v4 create: HTTP %d", resp.StatusCode)
	}
	req, _ = http.NewRequest("GET", base+"/trackings/getuserinfo", nil)
	req.Header.Set("Trackingmore-Api-Key", "k2")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		Meta struct{ Code int } `json:"meta"`
		Data struct {
			TrackNumber int `json:"track_number"`
		} `json:"data"`
	}
	err = json.NewDecoder(resp.Body).Decode(&env)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if env.Meta.Code != 200 || env.Data.TrackNumber != 4 {
		t.Errorf("userinfo answer %+v", env)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run after cancel: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop")
	}
}

func TestFlagValidation(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--error-rate", "1.5"}, "error_rate must be between 0 and 1"},
		{[]string{"--throttle-rate", "-0.1"}, "throttle_rate must be between 0 and 1"},
		{[]string{"--rate-limit", "-1"}, "--rate-limit must be a non-negative number"},
		{[]string{"--rate-limit", "NaN"}, "--rate-limit must be a non-negative number"},
		{[]string{"--v4-rate-limit", "0"}, "--v4-rate-limit must be a positive number"},
		{[]string{"--v4-rate-limit", "-2"}, "--v4-rate-limit must be a positive number"},
		{[]string{"--retry-after", "-1s"}, "--retry-after must not be negative"},
		{[]string{"--retry-after", "2"}, "invalid value"},
		{[]string{"--quota", "-3"}, "--quota must be a non-negative integer"},
		{[]string{"--quota", "lots"}, "--quota must be a non-negative integer"},
		{[]string{"--latency", "-1s"}, "--latency must not be negative"},
		{[]string{"--api-key", ""}, "must not be empty"},
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"--bogus"}, "flag provided but not defined"},
	} {
		err := run(context.Background(), append(tc.args, "--addr", "127.0.0.1:0"), io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.args, err, tc.want)
		}
	}
}

func TestVersion(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"--version"}, &out, io.Discard); err != nil || out.String() != "trackingmore-mock dev\n" {
		t.Errorf("--version: %q, %v", out.String(), err)
	}
}

// TestStartupLines: the first line is exactly "listening on
// http://ADDR/v2", as scripts parse it; the second says what is enforced.
func TestStartupLines(t *testing.T) {
	for _, tc := range []struct {
		args         []string
		limits, note string
	}{
		{nil, "limits: per API key: 1 request/s across /v2; list 1/s; realtime 3/s, once per shipment per 2 h; 10 request/s across /v4; create 3/s; 429s without Retry-After", ""},
		{[]string{"--rate-limit", "0"}, "limits: no rate limits", ""},
		{[]string{"--rate-limit", "5", "--v4-rate-limit", "25", "--retry-after", "1500ms"}, "limits: per API key: 5 request/s across /v2; list 1/s; realtime 3/s, once per shipment per 2 h; 25 request/s across /v4; create 3/s; 429s with Retry-After: 2", ""},
		{[]string{"--enforce-documented-limits"}, "limits: per API key: 1 request/s across /v2; list 1/s; realtime 3/s, once per shipment per 2 h; 10 request/s across /v4; create 3/s; 429s without Retry-After", "--enforce-documented-limits is deprecated and does nothing"},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		pr, pw := io.Pipe()
		var stderr strings.Builder
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, append([]string{"--addr", "127.0.0.1:0"}, tc.args...), pw, &stderr)
			pw.Close()
		}()
		out := bufio.NewReader(pr)
		first, _ := out.ReadString('\n')
		second, _ := out.ReadString('\n')
		cancel()
		if err := <-done; err != nil {
			t.Errorf("%v: %v", tc.args, err)
		}
		if rest, ok := strings.CutPrefix(first, "listening on http://127.0.0.1:"); !ok || !strings.HasSuffix(rest, "/v2\n") || strings.Contains(rest, " ") {
			t.Errorf("%v: first line %q", tc.args, first)
		}
		if second != tc.limits+"\n" {
			t.Errorf("%v: second line %q, want %q", tc.args, second, tc.limits)
		}
		if !strings.Contains(stderr.String(), tc.note) || (tc.note == "" && stderr.Len() > 0) {
			t.Errorf("%v: stderr %q, want %q", tc.args, stderr.String(), tc.note)
		}
	}
}

// TestLimitFlags: the flags give the Limits the mock is opened with.
func TestLimitFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want mockapi.Limits
	}{
		{nil, mockapi.Limits{RateLimit: 1, V4RateLimit: 10}},
		{[]string{"--rate-limit", "0"}, mockapi.Limits{Off: true, V4RateLimit: 10}},
		{[]string{"--rate-limit", "0", "--retry-after", "3s"}, mockapi.Limits{Off: true, V4RateLimit: 10, RetryAfter: 3 * time.Second}},
		{[]string{"--rate-limit", "5", "--v4-rate-limit", "40"}, mockapi.Limits{RateLimit: 5, V4RateLimit: 40}},
		{[]string{"--enforce-documented-limits", "--rate-limit", "20"}, mockapi.Limits{RateLimit: 20, V4RateLimit: 10}},
	} {
		opts, _, err := parseFlags(tc.args, io.Discard)
		if err != nil || opts.Limits != tc.want {
			t.Errorf("%v: %+v, %v; want %+v", tc.args, opts.Limits, err, tc.want)
		}
	}
}
