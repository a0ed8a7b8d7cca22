package mockapi

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Limits is each account's request budget; the zero value is TrackingMore's
// documented default for each version: 1 request/s across /v2, 10 across /v4.
type Limits struct {
	Off         bool          // no limits at all: for tests that do not test limits
	RateLimit   float64       // requests/second per account across every /v2 endpoint; 0 = DefaultRateLimit
	V4RateLimit float64       // requests/second per account across every /v4 endpoint; 0 = DefaultV4RateLimit
	RetryAfter  time.Duration // > 0: a 429 carries Retry-After (whole seconds, rounded up); 0: no header, as documented
}

// DefaultRateLimit is TrackingMore's default budget of a v2 account:
// 1 request per second, all endpoints together.
const DefaultRateLimit = 1

// DefaultV4RateLimit is TrackingMore's default budget of a v4 account:
// 10 requests per second, all endpoints together.
const DefaultV4RateLimit = 10

// NoLimits turns every rate limit off (injected throttling still works).
var NoLimits = Limits{Off: true}

// Documented per-account limits within the general one, always enforced
// unless Limits.Off.
const (
	listRate     = 1
	realtimeRate = 3
	realtimeTTL  = 2 * time.Hour // simulated
	v4CreateRate = 3             // POST /v4/trackings/create
)

// Validate reports a rate limit that is not a non-negative number, or a
// negative RetryAfter.
func (l Limits) Validate() error {
	for _, r := range []struct {
		name string
		v    float64
	}{{"the rate limit", l.RateLimit}, {"the v4 rate limit", l.V4RateLimit}} {
		if math.IsNaN(r.v) || math.IsInf(r.v, 0) || r.v < 0 {
			return fmt.Errorf("%s must be a non-negative number of requests per second, got %v", r.name, r.v)
		}
	}
	if l.RetryAfter < 0 {
		return fmt.Errorf("retry-after must not be negative, got %v", l.RetryAfter)
	}
	return nil
}

// rate is v2's general limit in requests per second.
func (l Limits) rate() float64 {
	if l.RateLimit == 0 {
		return DefaultRateLimit
	}
	return l.RateLimit
}

// v4Rate is v4's general limit in requests per second.
func (l Limits) v4Rate() float64 {
	if l.V4RateLimit == 0 {
		return DefaultV4RateLimit
	}
	return l.V4RateLimit
}

// retryAfter is the Retry-After header value of a 429, "" for none.
func (l Limits) retryAfter() string {
	if l.RetryAfter <= 0 {
		return ""
	}
	return strconv.FormatInt(int64((l.RetryAfter+time.Second-1)/time.Second), 10)
}

// String says what is enforced, for the mock's start-up output:
// "per API key: 1 request/s across /v2; list 1/s; realtime 3/s, once per
// shipment per 2 h; 10 request/s across /v4; create 3/s; 429s without
// Retry-After", or "no rate limits".
func (l Limits) String() string {
	var b strings.Builder
	if l.Off {
		b.WriteString("no rate limits")
	} else {
		fmt.Fprintf(&b, "per API key: %s request/s across /v2; list %d/s; realtime %d/s, once per shipment per %d h; %s request/s across /v4; create %d/s",
			strconv.FormatFloat(l.rate(), 'f', -1, 64), listRate, realtimeRate, int(realtimeTTL/time.Hour),
			strconv.FormatFloat(l.v4Rate(), 'f', -1, 64), v4CreateRate)
	}
	switch h := l.retryAfter(); {
	case h != "":
		fmt.Fprintf(&b, "; 429s with Retry-After: %s", h)
	case !l.Off:
		b.WriteString("; 429s without Retry-After")
	}
	return b.String()
}

// limited applies the account's general limit of version v and the
// documented per-endpoint limits to a request of account a. Each version
// has its own buckets, as each has its own documented budget. Called with
// s.mu held.
func (s *Server) limited(a *account, v *api, e endpoint) bool {
	if s.limits.Off {
		return false
	}
	now := s.now()
	if !a.allow(v.prefix, v.rate(s.limits), now) {
		return true
	}
	return e.limit > 0 && !a.allow(v.prefix+e.path, e.limit, now) // GET and POST of a path share its bucket
}

// SetLimits replaces the limits; the accounts' buckets keep their tokens.
func (s *Server) SetLimits(l Limits) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = l
}

// Limits returns the limits in force.
func (s *Server) Limits() Limits {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.limits
}
