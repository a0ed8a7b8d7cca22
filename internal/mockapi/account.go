package mockapi

import (
	"fmt"
	"time"

	"golang.org/x/time/rate"
)

// account is what one API key owns: its trackings, quota, user info,
// simulated clock, rate limits and counters. No request of one key reads
// or changes another key's account.
type account struct {
	srv       *Server
	key       string
	regtime   time.Time
	quota     int64
	offset    time.Duration        // on top of the server's: the account's own clock
	seq       int64                // trackings created, for ids
	trackings map[string]*tracking // by key(carrier, number)
	ids       map[string]*tracking // by id: how v4 addresses them
	order     []*tracking          // creation order (see inOrder)
	meters    map[string]int64
	limiters  map[string]*rate.Limiter
	realtime  map[string]realtimeHit
	stats     Stats
}

// newAccount opens an empty account. Called with s.mu held.
func (s *Server) newAccount(apiKey string) *account {
	return &account{
		srv: s, key: apiKey, regtime: s.now(), quota: s.quota,
		trackings: map[string]*tracking{}, ids: map[string]*tracking{}, meters: map[string]int64{},
		limiters: map[string]*rate.Limiter{}, realtime: map[string]realtimeHit{},
		stats: Stats{ByEndpoint: map[string]int64{}},
	}
}

// simNow is the account's simulated time: the real clock plus the
// server's and the account's offsets.
func (a *account) simNow() time.Time { return a.srv.now().Add(a.srv.offset + a.offset) }

// insert stores a parsed record, charging one quota unit.
func (a *account) insert(t *tracking) *reply {
	if _, dup := a.trackings[t.key()]; dup {
		return ptr(fail(4016))
	}
	if !a.charge(1) {
		return ptr(fail(4021))
	}
	a.seq++
	t.id = hexID(fmt.Sprintf("%d/%s/%d/%s", a.srv.seed, a.key, a.seq, t.key()))
	t.createdAt = a.simNow().Truncate(time.Second)
	t.updatedAt = t.createdAt
	a.add(t)
	return nil
}

// add files a complete record: created, or restored from the state file.
func (a *account) add(t *tracking) {
	a.trackings[t.key()] = t
	a.ids[t.id] = t
	a.order = append(a.order, t)
}

// charge takes n quota units; false (nothing taken) when fewer remain.
func (a *account) charge(n int64) bool {
	if a.quota < n {
		return false
	}
	a.quota -= n
	a.srv.dirty = true
	return true
}

// meter charges one unit per five calls of a metered endpoint (detect,
// remote): the first call of each group of five pays.
func (a *account) meter(name string) bool {
	if a.meters[name]%5 == 0 && !a.charge(1) {
		return false
	}
	a.meters[name]++
	a.srv.dirty = true
	return true
}

// remove deletes a stored tracking.
func (a *account) remove(t *tracking) {
	delete(a.trackings, t.key())
	delete(a.ids, t.id)
	t.deleted = true
}

// touch marks t as changed now (updated_at).
func (a *account) touch(t *tracking) { t.updatedAt = a.simNow().Truncate(time.Second) }

// refile moves t under carrier to: 4016 when the account already holds
// that carrier and number.
func (a *account) refile(t *tracking, to string) *reply {
	if to == t.carrier {
		return nil
	}
	if a.trackings[key(to, t.number)] != nil {
		return ptr(fail(4016))
	}
	delete(a.trackings, t.key())
	t.carrier = to
	a.trackings[t.key()] = t
	a.touch(t)
	return nil
}

// inOrder returns the stored trackings in creation order, dropping deleted
// ones from the order as it goes. The slice is valid while s.mu is held.
func (a *account) inOrder() []*tracking {
	live := a.order[:0]
	for _, t := range a.order {
		if !t.deleted {
			live = append(live, t)
		}
	}
	clear(a.order[len(live):])
	a.order = live
	return live
}

// allow spends a token of the account's named bucket, which refills at
// perSecond on the real clock, with a burst of max(1, ceil(perSecond)).
func (a *account) allow(name string, perSecond float64, now time.Time) bool {
	limit, burst := rate.Limit(perSecond), max(1, int(perSecond+0.999999))
	l := a.limiters[name]
	switch {
	case l == nil:
		l = rate.NewLimiter(limit, burst)
		a.limiters[name] = l
	case l.Limit() != limit: // the rate was reconfigured
		l.SetLimitAt(now, limit)
		l.SetBurstAt(now, burst)
	}
	return l.AllowN(now, 1)
}

// Account is a handle on the account of one API key, for tests and
// tools that look at or change one account only.
type Account struct {
	s   *Server
	key string
}

// Account returns a handle on the account of apiKey, which its first use
// opens; false when the key opens none (empty, or not among
// Options.APIKeys).
func (s *Server) Account(apiKey string) (Account, bool) {
	return Account{s, apiKey}, s.accepts(apiKey)
}

// with runs f on the account under the server's lock, then saves what
// changed.
func (h Account) with(f func(a *account)) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if a := h.s.accountOf(h.key); a != nil {
		f(a)
	}
	if h.s.dirty {
		h.s.persist()
	}
}

// SetQuota sets the account's remaining quota units.
func (h Account) SetQuota(remaining int64) {
	h.with(func(a *account) { a.quota, h.s.dirty = remaining, true })
}

// Quota returns the account's remaining quota units.
func (h Account) Quota() (n int64) {
	h.with(func(a *account) { n = a.quota })
	return n
}

// Advance moves the account's simulated clock forward by d.
func (h Account) Advance(d time.Duration) {
	h.with(func(a *account) { a.offset, h.s.dirty = a.offset+d, true })
}

// TrackingCount returns the number of trackings the account holds.
func (h Account) TrackingCount() (n int) {
	h.with(func(a *account) { n = len(a.trackings) })
	return n
}
