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
	RateLimit               float64 `json:"rate_limit"`                // requests/second per API key (token bucket, burst max(1, ceil(rate))); 0 = off
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

// bucket is a token bucket on the real clock.
type bucket struct {
	tokens float64
	last   time.Time
}

// take spends one token of the named bucket, refilling at rate per second.
func (s *Server) take(name string, rate float64, now time.Time) bool {
	burst := math.Max(1, math.Ceil(rate))
	b, ok := s.buckets[name]
	if !ok {
		b = &bucket{tokens: burst, last: now}
		s.buckets[name] = b
	}
	if now.After(b.last) {
		b.tokens = math.Min(burst, b.tokens+now.Sub(b.last).Seconds()*rate)
		b.last = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// limited applies the configured and documented rate limits to a request.
func (s *Server) limited(apiKey string, rt *route) bool {
	now := s.now()
	if s.faults.RateLimit > 0 && !s.take(apiKey, s.faults.RateLimit, now) {
		return true
	}
	if s.faults.EnforceDocumentedLimits && rt != nil && rt.limit > 0 {
		return !s.take(apiKey+" "+rt.template, rt.limit, now)
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
