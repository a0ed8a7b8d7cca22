package trackingmore

import (
	"context"
	"sync"
)

// idCache maps trackings to their ids, by which v4 addresses updates,
// deletes and retracks. Every v4 answer the client decodes fills it (see
// fromV4), and KnowID lets a caller that holds an id spare the lookup.
type idCache struct {
	mu    sync.Mutex
	byRef map[TrackingRef]string
}

func newIDCache() *idCache { return &idCache{byRef: map[TrackingRef]string{}} }

func (ic *idCache) get(ref TrackingRef) (string, bool) {
	ic.mu.Lock()
	defer ic.mu.Unlock()
	id, ok := ic.byRef[ref]
	return id, ok
}

func (ic *idCache) learn(ref TrackingRef, id string) {
	if id == "" {
		return
	}
	ic.mu.Lock()
	defer ic.mu.Unlock()
	ic.byRef[ref] = id
}

// drop forgets ref's id, unless it has changed to another meanwhile.
func (ic *idCache) drop(ref TrackingRef, id string) {
	ic.mu.Lock()
	defer ic.mu.Unlock()
	if ic.byRef[ref] == id {
		delete(ic.byRef, ref)
	}
}

// KnowID tells the client the id of ref's tracking (a resource keeps it in
// its state), so that a v4 update, delete or retrack of it needs no lookup
// first. An id the API no longer knows costs one lookup, as an unknown one
// does; an empty id is ignored. The v2 client addresses trackings by
// carrier and number and has no use for it.
func (c *Client) KnowID(ref TrackingRef, id string) { c.ids.learn(ref, id) }

// withID calls fn with ref's id: the known one, else the one a read finds
// (GetTracking, merged with other reads that wait). A known id the API
// answers as unknown (4102), or as malformed (4112, from KnowID), means the
// tracking was deleted and added again elsewhere, or the caller was wrong:
// the id is read afresh, once.
func withID[T any](ctx context.Context, c *Client, ref TrackingRef, fn func(id string) (T, error)) (T, error) {
	if id, ok := c.ids.get(ref); ok {
		out, err := fn(id)
		if !hasCode(err, false, 4102, 4112) {
			return out, err
		}
		c.ids.drop(ref, id)
	}
	t, err := c.GetTracking(ctx, ref.CarrierCode, ref.TrackingNumber, "")
	if err != nil {
		var zero T
		return zero, err
	}
	return fn(t.ID)
}
