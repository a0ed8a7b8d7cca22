package trackingmore

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestPacingShared(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t, serve(ok(`{}`)))
	c := f.client(t, func(c *Config) { c.RequestsPerSecond = 10 })
	start := time.Now()
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			if _, err := c.GetUserInfo(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if d := time.Since(start); d < 350*time.Millisecond || d > 3*time.Second {
		t.Errorf("5 calls at 10 rps took %v", d)
	}
}

func TestPacingPerEndpoint(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t, serve(ok(`{"items":[{"tracking_number":"A0001"}]}`)))
	c := f.client(t, func(c *Config) { c.RequestsPerSecond = 100 })
	start := time.Now()
	for range 3 {
		if _, err := c.RealtimeTracking(context.Background(), RealtimeRequest{TrackingNumber: "A0001", CarrierCode: "ups"}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 600*time.Millisecond {
		t.Errorf("3 realtime calls took %v, want >= ~667ms (3/s)", d)
	}
	start = time.Now()
	for range 2 {
		if _, err := c.ListTrackings(context.Background(), ListOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Errorf("2 list calls took %v, want >= ~1s (1/s)", d)
	}
	// Without pacing the documented limits are off too (paced, 3 list calls take over 2 s).
	c = f.client(t)
	start = time.Now()
	for range 3 {
		if _, err := c.ListTrackings(context.Background(), ListOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("unpaced list calls took %v", d)
	}
}

func TestThrottlePausesEveryCaller(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t, sequence(reply{status: 429, header: map[string]string{"Retry-After": "1"}}, ok(`{}`)))
	c := f.client(t, func(c *Config) { c.MaxRetries = 0 })
	if _, err := c.GetUserInfo(context.Background()); !IsRateLimited(err) {
		t.Fatalf("err = %v", err)
	}
	start := time.Now()
	if _, err := c.GetUserInfo(context.Background()); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Errorf("next call started after %v, want the 1s pause", d)
	}
}

func TestPacingHonoursContext(t *testing.T) {
	t.Parallel()
	p := newPacer(1)
	p.pause(time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := p.wait(ctx, "/trackings/get"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
	p = newPacer(0.001) // starts empty: the first call waits too
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	if err := p.wait(ctx, "/x"); err == nil {
		t.Error("limiter wait ignored cancellation")
	}
}
