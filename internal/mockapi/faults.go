package mockapi

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"time"
)

// Faults configures injected failures and rate limits. Rates are
// probabilities in [0,1] drawn per request from the seeded source.
type Faults struct {
	ErrorRate               float64 `json:"error_rate"`                // answer HTTP 500 or 503 (meta 500/503) without doing anything
	ResetRate               float64 `json:"reset_rate"`                // drop the connection without answering; nothing done
	ResetAfterWriteRate     float64 `json:"reset_after_write_rate"`    // state-changing requests: perform the write, then drop the connection
	ThrottleRate            float64 `json:"throttle_rate"`             // random 429 answers with Retry-After
	RateLimit               float64 `json:"rate_limit"`                // requests/second per account (token bucket, burst max(1, ceil(rate))); 0 = off
	EnforceDocumentedLimits bool    `json:"enforce_documented_limits"` // list 1 req/s, realtime 3 req/s per key; realtime once per shipment per 2 simulated hours
}

// Validate reports a rate outside [0,1] or a negative rate limit.
func (f Faults) Validate() error {
	for name, v := range map[string]float64{
		"error_rate": f.ErrorRate, "reset_rate": f.ResetRate,
		"reset_after_write_rate": f.ResetAfterWriteRate, "throttle_rate": f.ThrottleRate,
	} {
		if math.IsNaN(v) || v < 0 || v > 1 {
			return fmt.Errorf("%s must be between 0 and 1, got %v", name, v)
		}
	}
	if math.IsNaN(f.RateLimit) || math.IsInf(f.RateLimit, 0) || f.RateLimit < 0 {
		return fmt.Errorf("rate_limit must be a non-negative number of requests per second, got %v", f.RateLimit)
	}
	return nil
}

// Documented per-key limits, enforced under EnforceDocumentedLimits.
const (
	listRate     = 1
	realtimeRate = 3
	realtimeTTL  = 2 * time.Hour // simulated
)

// limited applies the configured and documented rate limits to a request
// of account a. Called with s.mu held.
func (s *Server) limited(a *account, e endpoint) bool {
	now := s.now()
	if s.faults.RateLimit > 0 && !a.allow("", s.faults.RateLimit, now) {
		return true
	}
	if s.faults.EnforceDocumentedLimits && e.limit > 0 {
		return !a.allow(e.path, e.limit, now) // GET and POST of a path share its bucket
	}
	return false
}

// roll draws from the seeded source; a zero rate draws nothing so the
// sequence of one fault kind does not depend on the others being off.
func (s *Server) roll(rate float64) bool {
	return rate > 0 && s.rng.Float64() < rate
}

// dropConnection closes the client connection without an answer.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // a reset, not a graceful close
	}
	_ = conn.Close()
}
