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
)

func TestRunServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--addr", "127.0.0.1:0", "--api-key", "k1", "--api-key", "k2", "--quota", "5"}, pw)
		pw.Close()
	}()

	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	base, found := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	if !found || !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.HasSuffix(base, "/v2") || strings.HasSuffix(base, ":0/v2") {
		t.Fatalf("first line %q", line)
	}
	req, _ := http.NewRequest("GET", base+"/trackings/getuserinfo", nil)
	req.Header.Set("Trackingmore-Api-Key", "k2")
	resp, err := http.DefaultClient.Do(req)
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
	if env.Meta.Code != 200 || env.Data.TrackNumber != 5 {
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
		{[]string{"--rate-limit", "-1"}, "rate_limit must be a non-negative"},
		{[]string{"--quota", "-3"}, "--quota must be a non-negative integer"},
		{[]string{"--quota", "lots"}, "--quota must be a non-negative integer"},
		{[]string{"--latency", "-1s"}, "--latency must not be negative"},
		{[]string{"--api-key", ""}, "must not be empty"},
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"--bogus"}, "flag provided but not defined"},
	} {
		err := run(context.Background(), append(tc.args, "--addr", "127.0.0.1:0"), io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.args, err, tc.want)
		}
	}
}

func TestVersion(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"--version"}, &out); err != nil || out.String() != "trackingmore-mock dev\n" {
		t.Errorf("--version: %q, %v", out.String(), err)
	}
}
