package trackingmore

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

// Single calls merge themselves into the API's batch endpoints, a group
// commit: a call that finds the request budget free is sent at once, alone;
// calls that wait for the budget are sent together, in one batch call, when
// it frees. The budget is the only window (no timer, no added latency when
// the account is idle), and each caller gets its own outcome, the one a
// single call would have given it. At TrackingMore's 1 request a second,
// Terraform's -parallelism then sets how many calls travel together.
//
// Each kind of call has its own queue, drained by one flusher goroutine at a
// time: it waits for a slot of the shared budget, takes what waits (up to
// MaxBatchSize, one call per tracking), and sends it, alone or merged,
// while it waits for the next slot. Without pacing nothing waits, so
// nothing merges: every call is sent alone at once. A kind without a batch
// form (v4's updates and deletes) never merges either, and each call waits
// for the budget itself.

// mergeCall is one caller's call waiting in a queue.
type mergeCall[In, Out any] struct {
	ctx  context.Context
	in   In
	done chan struct{} // closed once out and err are set
	out  Out
	err  error
}

func (m *mergeCall[In, Out]) finish(out Out, err error) {
	m.out, m.err = out, err
	close(m.done)
}

// mergeQueue merges the calls of one kind. send receives the calls taken
// together (ctx holds the slot already taken for them) and finishes each.
type mergeQueue[In, Out any] struct {
	client *Client
	what   string // names the kind in cancellation errors
	// single and merged are the endpoints of the call alone and of the
	// merged call, whose own limits (v2's list 1 call a second, v4's create
	// 3) the flusher keeps: it waits for the limit of the form it expects
	// to send, and sends the other form only when its slot is free too. ""
	// names no endpoint (a path per tracking).
	single, merged string
	alone          bool // no batch form: each call goes alone, waiting for the budget itself
	ref            func(In) TrackingRef
	send           func(ctx context.Context, calls []*mergeCall[In, Out])

	mu       sync.Mutex
	waiting  []*mergeCall[In, Out]
	flushing bool
}

// do queues in and waits for its outcome. A call given up (ctx ended)
// before it was taken is dropped; one already taken waits for its answer,
// since a write on the wire is the API's new state (see finishingWrites).
func (q *mergeQueue[In, Out]) do(ctx context.Context, in In) (Out, error) {
	call := &mergeCall[In, Out]{ctx: ctx, in: in, done: make(chan struct{})}
	if q.client.pacer.shared == nil || q.alone { // no budget to wait for, or no batch form: nothing to merge
		q.send(ctx, []*mergeCall[In, Out]{call})
		return call.out, call.err
	}
	q.mu.Lock()
	q.waiting = append(q.waiting, call)
	if !q.flushing {
		q.flushing = true
		go q.flush()
	}
	q.mu.Unlock()

	select {
	case <-call.done:
	case <-ctx.Done():
		if q.drop(call) {
			var zero Out
			return zero, fmt.Errorf("TrackingMore API: %s: %w", q.what, ctx.Err())
		}
		<-call.done
	}
	return call.out, call.err
}

// putBack returns taken calls to the front of the queue, for the next slot.
func (q *mergeQueue[In, Out]) putBack(calls []*mergeCall[In, Out]) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.waiting = append(slices.Clone(calls), q.waiting...)
	if !q.flushing {
		q.flushing = true
		go q.flush()
	}
}

// drop removes call from the waiting list; false when it was taken already.
func (q *mergeQueue[In, Out]) drop(call *mergeCall[In, Out]) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i, w := range q.waiting {
		if w == call {
			q.waiting = append(q.waiting[:i], q.waiting[i+1:]...)
			return true
		}
	}
	return false
}

// flush sends what waits, one slot at a time, until nothing does.
func (q *mergeQueue[In, Out]) flush() {
	for {
		q.mu.Lock()
		if len(q.waiting) == 0 {
			q.flushing = false
			q.mu.Unlock()
			return
		}
		endpoint := q.single
		if q.several() {
			endpoint = q.merged
		}
		ctx, release := untilAllDone(contexts(q.waiting))
		q.mu.Unlock()

		err := q.client.pacer.wait(ctx, endpoint)
		release()
		if err != nil {
			q.pruneGivenUp()
			continue
		}
		calls := q.take()
		if len(calls) == 0 {
			continue // everyone gave up while the slot came: it is spent unused
		}
		switch {
		case len(calls) > 1 && endpoint != q.merged && !q.client.pacer.tryEndpoint(q.merged):
			// More came while one waited, and the merged form's own slot is
			// not free: the first goes alone, the others wait for that slot.
			q.putBack(calls[1:])
			calls = calls[:1]
		case len(calls) == 1 && endpoint != q.single && !q.client.pacer.tryEndpoint(q.single):
			// The others gave up while the slot came, and the single form's
			// own slot is not free: the shared slot is spent unused.
			q.putBack(calls)
			continue
		}
		// Sent beside the next wait: a slow answer delays no later slot.
		go func() {
			ctx, release := untilAllDone(contexts(calls))
			defer release()
			q.send(withSlot(ctx), calls)
		}()
	}
}

// pruneGivenUp finishes the waiting calls whose context ended, so that a
// wait for the budget on behalf of nobody stops.
func (q *mergeQueue[In, Out]) pruneGivenUp() {
	q.mu.Lock()
	defer q.mu.Unlock()
	kept := q.waiting[:0]
	for _, w := range q.waiting {
		if err := w.ctx.Err(); err != nil {
			var zero Out
			w.finish(zero, fmt.Errorf("TrackingMore API: %s: %w", q.what, err))
			continue
		}
		kept = append(kept, w)
	}
	clear(q.waiting[len(kept):])
	q.waiting = kept
}

// several reports whether more than one tracking's call waits, so that
// the next slot would send a merged call. The caller holds q.mu.
func (q *mergeQueue[In, Out]) several() bool {
	for _, w := range q.waiting[1:] {
		if q.ref(w.in) != q.ref(q.waiting[0].in) {
			return true
		}
	}
	return false
}

// take removes up to MaxBatchSize waiting calls, oldest first and at most
// one per tracking (a batch answers by tracking, so two calls for one
// tracking could not tell their outcomes apart; the later one waits).
func (q *mergeQueue[In, Out]) take() []*mergeCall[In, Out] {
	q.mu.Lock()
	defer q.mu.Unlock()
	var taken, left []*mergeCall[In, Out]
	refs := map[TrackingRef]bool{}
	for _, w := range q.waiting {
		ref := q.ref(w.in)
		if len(taken) == MaxBatchSize || refs[ref] {
			left = append(left, w)
			continue
		}
		refs[ref] = true
		taken = append(taken, w)
	}
	q.waiting = left
	return taken
}

func contexts[In, Out any](calls []*mergeCall[In, Out]) []context.Context {
	ctxs := make([]context.Context, len(calls))
	for i, c := range calls {
		ctxs[i] = c.ctx
	}
	return ctxs
}

// untilAllDone returns a context that ends when every one of ctxs has
// ended, carrying the first one's values (its logger). release frees it.
func untilAllDone(ctxs []context.Context) (context.Context, context.CancelFunc) {
	merged, cancel := context.WithCancel(context.WithoutCancel(ctxs[0]))
	var live atomic.Int64
	live.Store(int64(len(ctxs)))
	stops := make([]func() bool, len(ctxs))
	for i, ctx := range ctxs {
		stops[i] = context.AfterFunc(ctx, func() {
			if live.Add(-1) == 0 {
				cancel()
			}
		})
	}
	return merged, func() {
		for _, stop := range stops {
			stop()
		}
		cancel()
	}
}
