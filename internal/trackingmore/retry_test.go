package trackingmore

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRetries(t *testing.T) {
	t.Parallel()
	success := ok(`{"email":"a@b.c"}`)
	for _, tc := range []struct {
		name     string
		replies  []reply
		calls    int
		wantErr  func(error) bool // nil: success
		retried  bool             // APIError.Retried of the final error
		minDelay time.Duration
	}{
		{name: "HTTP 500 then success", replies: []reply{{status: 500, body: "boom"}, {status: 500}, success}, calls: 3},
		{name: "HTTP 503 with Retry-After seconds", replies: []reply{{status: 503, header: map[string]string{"Retry-After": "1"}}, success}, calls: 2, minDelay: 900 * time.Millisecond},
		{name: "HTTP 429", replies: []reply{{status: 429, body: `{"meta":{"code":429,"message":"slow down"},"data":[]}`}, success}, calls: 2},
		{name: "meta 429 in HTTP 200", replies: []reply{meta(429, "Too Many Requests"), success}, calls: 2},
		{name: "meta 500 in HTTP 200", replies: []reply{meta(500, "Server error"), meta(503, "unavailable"), success}, calls: 3},
		{name: "connection reset", replies: []reply{{reset: true}, success}, calls: 2},
		{name: "no retry on business error", replies: []reply{meta(4021, "quota"), success}, calls: 1, wantErr: IsQuotaExhausted},
		{name: "max retries respected", replies: []reply{meta(500, "Server error")}, calls: 4,
			wantErr: func(err error) bool { return hasCode(err, false, 500) }, retried: true},
		{name: "rate limited when retries run out", replies: []reply{{status: 429}}, calls: 4, wantErr: IsRateLimited},
		{name: "non-JSON 502", replies: []reply{{status: 502, body: "<html>bad gateway</html>"}}, calls: 4,
			wantErr: func(err error) bool { var e *APIError; return errors.As(err, &e) && e.HTTPStatus == 502 && e.Code == 0 }, retried: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeAPI(t, sequence(tc.replies...))
			start := time.Now()
			_, err := f.client(t).GetUserInfo(context.Background())
			if tc.wantErr == nil && err != nil || tc.wantErr != nil && !tc.wantErr(err) {
				t.Fatalf("err = %v", err)
			}
			if n := len(f.requests()); n != tc.calls {
				t.Errorf("%d requests, want %d", n, tc.calls)
			}
			if err != nil && wasRetried(err) != tc.retried {
				t.Errorf("Retried = %v, want %v", wasRetried(err), tc.retried)
			}
			if d := time.Since(start); d < tc.minDelay {
				t.Errorf("took %v, want at least %v", d, tc.minDelay)
			}
		})
	}
}

func TestRetryReplaysBody(t *testing.T) {
	f := newFakeAPI(t, sequence(reply{reset: true}, reply{status: 500}, ok(`[]`)))
	if err := f.client(t).ChangeCarrier(context.Background(), "ups", "1Z999AA10123456784", "dhl"); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests", len(reqs))
	}
	for _, r := range reqs {
		jsonEqual(t, r.Body, `{"tracking_number":"1Z999AA10123456784","carrier_code":"ups","update_carrier_code":"dhl"}`)
	}
}

func TestRetryPerAttemptTimeout(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t, func(n int, _ seen) reply {
		if n == 0 {
			time.Sleep(300 * time.Millisecond)
		}
		return meta(4016, "Tracking already exists.")
	})
	c := f.client(t, func(c *Config) { c.RequestTimeout = 100 * time.Millisecond })
	_, err := c.DetectCarrier(context.Background(), "1Z999AA10123456784")
	if !IsAlreadyExists(err) || !wasRetried(err) {
		t.Errorf("err = %v, retried = %v", err, wasRetried(err))
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t, serve(reply{status: 503, header: map[string]string{"Retry-After": "30"}}))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := f.client(t).GetUserInfo(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v after cancel", d)
	}
}

func TestRetryAfter(t *testing.T) {
	retryAfterOf := func(v string, code int) (time.Duration, bool) {
		return retryAfter(&http.Response{Header: http.Header{"Retry-After": {v}}}, code)
	}
	inTenSeconds := time.Now().Add(10 * time.Second).UTC().Format(http.TimeFormat)
	for in, want := range map[string]time.Duration{
		"5":                             5 * time.Second,
		"0":                             0,
		"Tue, 02 Jan 2024 03:00:00 GMT": 0, // past
		"86400":                         maxRetryAfter,
	} {
		if got, ok := retryAfterOf(in, 429); !ok || got != want {
			t.Errorf("retryAfter(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	// An HTTP date has whole seconds: 9 to 10 s from now.
	if got, ok := retryAfterOf(inTenSeconds, 503); !ok || got < 9*time.Second || got > 10*time.Second {
		t.Errorf("retryAfter(%q) = %v, %v; want about 10s", inTenSeconds, got, ok)
	}
	for _, in := range []string{"", "-1", "soon"} {
		if _, ok := retryAfterOf(in, 429); ok {
			t.Errorf("retryAfter(%q) accepted", in)
		}
	}
	// Only a 429 or 503 (HTTP status or meta code) carries a wait to honour.
	if _, ok := retryAfterOf("5", 500); ok {
		t.Error("Retry-After honoured on a 500")
	}
	if _, ok := retryAfter(nil, 429); ok {
		t.Error("Retry-After read from no answer")
	}
}

func TestRetryWaitBounds(t *testing.T) {
	c := &Client{waitMin: 10 * time.Millisecond, waitMax: 80 * time.Millisecond}
	for attempt := range 40 {
		d := c.retryWait(attempt, 0, nil)
		ceiling := min(c.waitMin<<min(attempt, 10), c.waitMax)
		if d < c.waitMin || d > ceiling {
			t.Errorf("attempt %d: wait %v outside [%v, %v]", attempt, d, c.waitMin, ceiling)
		}
	}
	resp := &http.Response{Header: http.Header{"Retry-After": {"2"}}}
	if d := c.retryWait(0, 503, resp); d != 2*time.Second {
		t.Errorf("Retry-After ignored: %v", d)
	}
}

// flakyDial fails its first dial: that attempt cannot have reached the server.
type flakyDial struct {
	failed bool
	next   http.RoundTripper
}

func (f *flakyDial) RoundTrip(r *http.Request) (*http.Response, error) {
	if !f.failed {
		f.failed = true
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	}
	return f.next.RoundTrip(r)
}

func TestCreateAdoption(t *testing.T) {
	ctx := context.Background()
	req := CreateTrackingRequest{TrackingNumber: "RH051844173TR", CarrierCode: "turkey-post"}
	dup := reply{body: fixture(t, "create_duplicate.json")}
	fresh := ok(trackingJSON("RH051844173TR", "turkey-post", nowISO()))

	t.Run("retried 4016 adopts our own write", func(t *testing.T) {
		log := &captureLogger{}
		f := newFakeAPI(t, sequence(reply{reset: true}, dup, fresh))
		tr, err := f.client(t, func(c *Config) { c.Logger = log }).CreateTracking(ctx, req)
		if err != nil || tr.TrackingNumber != "RH051844173TR" {
			t.Fatalf("got %+v, %v", tr, err)
		}
		reqs := f.requests()
		if len(reqs) != 3 || reqs[2].Method != "GET" || reqs[2].Path != "/trackings/turkey-post/RH051844173TR" {
			t.Errorf("requests: %+v", reqs)
		}
		if !strings.Contains(log.text(), "adopted") {
			t.Errorf("adoption not logged:\n%s", log.text())
		}
	})
	t.Run("first-attempt 4016 is an error", func(t *testing.T) {
		f := newFakeAPI(t, sequence(dup, fresh))
		_, err := f.client(t).CreateTracking(ctx, req)
		if !IsAlreadyExists(err) || wasRetried(err) || len(f.requests()) != 1 {
			t.Errorf("err = %v after %d requests", err, len(f.requests()))
		}
		if got := err.Error(); got != "TrackingMore API: Tracking already exists (code 4016, POST /trackings/post)" {
			t.Errorf("Error() = %q", got)
		}
	})
	t.Run("older tracking is not adopted", func(t *testing.T) {
		f := newFakeAPI(t, sequence(reply{status: 500}, dup, ok(trackingJSON("RH051844173TR", "turkey-post", "2017-07-05T10:00:50+00:00"))))
		_, err := f.client(t).CreateTracking(ctx, req)
		if !IsAlreadyExists(err) || !wasRetried(err) || len(f.requests()) != 3 {
			t.Errorf("err = %v after %d requests", err, len(f.requests()))
		}
	})
	t.Run("skew tolerated until the server clock is known, unparsable adopted", func(t *testing.T) {
		c := &Client{}
		started := time.Now()
		at := func(d time.Duration) *Tracking {
			return &Tracking{CreatedAt: FlexString(started.Add(d).Format(time.RFC3339))}
		}
		if !c.adoptable(at(-5*time.Minute), started) || !c.adoptable(&Tracking{CreatedAt: "yesterday-ish"}, started) {
			t.Error("within the skew allowance or unparsable: not adopted")
		}
		if c.adoptable(at(-11*time.Minute), started) {
			t.Error("11 minutes older adopted")
		}
		// The server runs an hour ahead: now only its own clock counts.
		c.learnServerClock(started.Add(time.Hour).UTC().Format(http.TimeFormat))
		if c.adoptable(at(time.Hour-5*time.Minute), started) {
			t.Error("created 5 minutes before the call (server clock) adopted")
		}
		if !c.adoptable(at(time.Hour+time.Second), started) {
			t.Error("created during the call (server clock) not adopted")
		}
	})
	t.Run("429 or dial failures never reached the server", func(t *testing.T) {
		for name, mod := range map[string]func(*Config){
			"429": nil,
			"dial": func(c *Config) {
				c.HTTPClient = &http.Client{Transport: &flakyDial{next: http.DefaultTransport}}
			},
		} {
			replies := []reply{{status: 429}, dup, fresh}
			if name == "dial" {
				replies = replies[1:]
			}
			f := newFakeAPI(t, sequence(replies...))
			c := f.client(t)
			if mod != nil {
				c = f.client(t, mod)
			}
			if _, err := c.CreateTracking(ctx, req); !IsAlreadyExists(err) || wasRetried(err) {
				t.Errorf("%s: err = %v, retried = %v", name, err, wasRetried(err))
			}
		}
	})
}

func TestDeleteAfterRetry(t *testing.T) {
	f := newFakeAPI(t, sequence(reply{reset: true}, meta(4017, "Tracking does not exist.")))
	if err := f.client(t).DeleteTracking(context.Background(), "ups", "1Z999AA10123456784"); err != nil {
		t.Errorf("retried delete: %v", err)
	}
}

// A 429 without Retry-After holds every call of the client back for the
// pause TrackingMore documents (two minutes unless configured), and the
// warning that says why reaches the user once.
func TestRateLimitPause(t *testing.T) {
	t.Parallel()
	if c, err := New(Config{APIKey: testKey}); err != nil || c.retryWait(0, http.StatusTooManyRequests, &http.Response{Header: http.Header{}}) != 2*time.Minute {
		t.Errorf("default pause after a 429: %v", err)
	}
	var mu sync.Mutex
	var arrivals []time.Time
	f := newFakeAPI(t, func(n int, _ seen) reply {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		if n == 0 {
			return reply{status: http.StatusTooManyRequests}
		}
		return ok(`{}`)
	})
	c := f.client(t, func(cfg *Config) { cfg.RateLimitPause = 400 * time.Millisecond })
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() {
			time.Sleep(time.Duration(i) * 100 * time.Millisecond) // the second starts during the pause
			if _, err := c.GetUserInfo(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if len(arrivals) != 3 {
		t.Fatalf("%d requests, want 3", len(arrivals))
	}
	for _, at := range arrivals[1:] {
		if d := at.Sub(arrivals[0]); d < 400*time.Millisecond {
			t.Errorf("a call went out %v after the 429, within the pause", d)
		}
	}
	msg, ok := c.TakeRateLimitNotice()
	if !ok || !strings.Contains(msg, "requests_per_second") || !strings.Contains(msg, "another integration") {
		t.Errorf("notice: %q, %v", msg, ok)
	}
	if _, again := c.TakeRateLimitNotice(); again {
		t.Error("the notice was handed out twice")
	}
}
