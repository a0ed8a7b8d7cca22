package trackingmore

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// endpointLimits are the documented per-account limits (1/s, 3/s), applied
// when pacing is on, with a 10% margin: the server's window starts when a
// request arrives, and the first request of a connection arrives later than
// the next one.
var endpointLimits = map[string]rate.Limit{
	"/trackings/get":      rate.Every(1100 * time.Millisecond),
	"/trackings/realtime": rate.Every(370 * time.Millisecond),
}

// pacer spaces calls (shared and per-endpoint limiters, burst 1) and holds
// every caller back after a 429, so parallel resources do not hammer a
// throttled API.
type pacer struct {
	shared    *rate.Limiter // nil: no pacing
	endpoints map[string]*rate.Limiter

	mu    sync.Mutex
	until time.Time // no call starts before this (set by 429s)
}

func newPacer(rps float64) *pacer {
	p := &pacer{}
	if rps > 0 {
		p.shared = rate.NewLimiter(rate.Limit(rps), 1)
		p.endpoints = make(map[string]*rate.Limiter, len(endpointLimits))
		for path, limit := range endpointLimits {
			p.endpoints[path] = rate.NewLimiter(limit, 1)
		}
	}
	return p
}

// wait blocks until a call to endpoint may start, or ctx ends.
func (p *pacer) wait(ctx context.Context, endpoint string) error {
	for {
		p.mu.Lock()
		d := time.Until(p.until)
		p.mu.Unlock()
		if d <= 0 {
			break
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
	// The endpoint's own limit first, so a shared slot is not held while waiting on it.
	if l := p.endpoints[endpoint]; l != nil {
		if err := l.Wait(ctx); err != nil {
			return err
		}
	}
	if p.shared != nil {
		return p.shared.Wait(ctx)
	}
	return nil
}

// pause holds every caller back for d (extending, never shortening, a pause).
func (p *pacer) pause(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if until := time.Now().Add(d); until.After(p.until) {
		p.until = until
	}
}
