package mockapi

import (
	"fmt"
	"math"
	"net"
	"net/http"
)

// Faults configures injected failures (rate limits are Limits). Rates are
// probabilities in [0,1] drawn per request from the seeded source.
type Faults struct {
	ErrorRate           float64 `json:"error_rate"`             // answer HTTP 500 or 503 (meta 500/503) without doing anything
	ResetRate           float64 `json:"reset_rate"`             // drop the connection without answering; nothing done
	ResetAfterWriteRate float64 `json:"reset_after_write_rate"` // state-changing requests: perform the write, then drop the connection
	ThrottleRate        float64 `json:"throttle_rate"`          // random 429 answers (Retry-After only when Limits.RetryAfter > 0)
}

// Validate reports a rate outside [0,1].
func (f Faults) Validate() error {
	for name, v := range map[string]float64{
		"error_rate": f.ErrorRate, "reset_rate": f.ResetRate,
		"reset_after_write_rate": f.ResetAfterWriteRate, "throttle_rate": f.ThrottleRate,
	} {
		if math.IsNaN(v) || v < 0 || v > 1 {
			return fmt.Errorf("%s must be between 0 and 1, got %v", name, v)
		}
	}
	return nil
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
