package trackingmore

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// paceMargin stretches every interval the client keeps: the server's window
// starts when a request arrives, and arrivals jitter (the first request of a
// connection arrives later than the next one), so a client spacing calls at
// exactly the server's rate draws 429s.
const paceMargin = 1.1

// endpointLimits are each version's documented per-account limits of single
// endpoints (v2: list 1/s, realtime 3/s; v4: create 3/s), kept under the
// shared rate when pacing is on.
var endpointLimits = map[string]map[string]float64{
	APIVersionV2: {"/trackings/get": 1, "/trackings/realtime": 3},
	APIVersionV4: {"/trackings/create": 3},
}

// defaultRates are the accounts' default budgets, all endpoints together.
var defaultRates = map[string]float64{APIVersionV2: 1, APIVersionV4: 10}

// DefaultRequestsPerSecond is an account's default request budget on an
// API version ("" is v2), all endpoints together: 1 a second on v2, 10 on
// v4 (TrackingMore raises it on request). It is 0 for a version the client
// does not speak, which New refuses.
func DefaultRequestsPerSecond(version string) float64 {
	return defaultRates[orDefault(version, APIVersionV2)]
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

// newPacer paces at rps with the margin (see keep for the endpoints' own
// limits). The shared limiter starts empty: the account may have served
// another process a moment ago (Terraform starts a new provider process for
// the apply right after the plan's), so a process's first call waits one
// interval as any other does; the endpoints' own limits, no faster than
// that, are then kept already.
func newPacer(rps float64) *pacer {
	p := &pacer{}
	if rps > 0 {
		p.shared = limiter(rps)
		p.shared.Allow()
	}
	return p
}

// keep adds endpoints' own limits (per second, by path) under the shared
// rate; without pacing there is none to keep them under, and they are off too.
func (p *pacer) keep(limits map[string]float64) *pacer {
	if p.shared == nil {
		return p
	}
	p.endpoints = make(map[string]*rate.Limiter, len(limits))
	for path, perSecond := range limits {
		p.endpoints[path] = limiter(perSecond)
	}
	return p
}

func limiter(perSecond float64) *rate.Limiter {
	return rate.NewLimiter(rate.Limit(perSecond/paceMargin), 1)
}

// wait blocks until a call to endpoint may start, or ctx ends. An empty
// endpoint waits for the shared budget only.
func (p *pacer) wait(ctx context.Context, endpoint string) error {
	if err := p.waitPause(ctx); err != nil {
		return err
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

// waitPause blocks while a 429 pause lasts.
func (p *pacer) waitPause(ctx context.Context) error {
	for {
		p.mu.Lock()
		d := time.Until(p.until)
		p.mu.Unlock()
		if d <= 0 {
			return nil
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// tryEndpoint takes endpoint's own slot if it is free now, without waiting;
// true when the endpoint has no limit of its own.
func (p *pacer) tryEndpoint(endpoint string) bool {
	l := p.endpoints[endpoint]
	return l == nil || l.Allow()
}

// pause holds every caller back for d (extending, never shortening, a
// pause); it reports whether no pause was on, that is, a new one begins.
func (p *pacer) pause(d time.Duration) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	fresh := !p.until.After(now)
	if until := now.Add(d); until.After(p.until) {
		p.until = until
	}
	return fresh
}

// slotKey marks a context whose next call already holds a pacing slot.
type slotKey struct{}

// withSlot returns ctx holding one slot of the shared budget, taken by a
// merging queue before it chose what to send: the next call made with it
// does not wait again (later calls with it, such as an adoption check, do).
func withSlot(ctx context.Context) context.Context {
	held := &atomic.Bool{}
	held.Store(true)
	return context.WithValue(ctx, slotKey{}, held)
}

// takeSlot spends ctx's held slot, if it has one left.
func takeSlot(ctx context.Context) bool {
	held, _ := ctx.Value(slotKey{}).(*atomic.Bool)
	return held != nil && held.CompareAndSwap(true, false)
}
