package mockapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"time"
)

// settings is the body of POST /__mock/faults and the answer of it: the
// Faults fields plus latency, quota, HTTP status mode and limits. Absent
// fields keep their value.
type settings struct {
	Faults
	Latency        *string         `json:"latency,omitempty"`
	Quota          *int64          `json:"quota,omitempty"`
	HTTPStatusMode *bool           `json:"http_status_mode,omitempty"`
	Limits         *limitSettings  `json:"limits,omitempty"`
	RateLimit      json.RawMessage `json:"rate_limit,omitempty"`                // moved to limits: refused (errMovedToLimits)
	Documented     json.RawMessage `json:"enforce_documented_limits,omitempty"` // moved to limits: refused
}

// limitSettings is Limits as JSON:
// {"off":false,"rate_limit":1,"v4_rate_limit":10,"retry_after":"0s"}.
// Absent fields keep their value.
type limitSettings struct {
	Off         *bool    `json:"off,omitempty"`
	RateLimit   *float64 `json:"rate_limit,omitempty"`    // answered as the rate in force (0 set: 1)
	V4RateLimit *float64 `json:"v4_rate_limit,omitempty"` // answered as the rate in force (0 set: 10)
	RetryAfter  *string  `json:"retry_after,omitempty"`
}

// apply returns l changed by the fields present.
func (ls limitSettings) apply(l Limits) (Limits, error) {
	if ls.Off != nil {
		l.Off = *ls.Off
	}
	if ls.RateLimit != nil {
		l.RateLimit = *ls.RateLimit
	}
	if ls.V4RateLimit != nil {
		l.V4RateLimit = *ls.V4RateLimit
	}
	if ls.RetryAfter != nil {
		d, err := time.ParseDuration(*ls.RetryAfter)
		if err != nil || d < 0 {
			return l, fmt.Errorf("limits.retry_after must be a non-negative duration such as \"2s\" (\"0s\": no header), got %q", *ls.RetryAfter)
		}
		l.RetryAfter = d
	}
	if err := l.Validate(); err != nil {
		return l, fmt.Errorf("limits: %w", err)
	}
	return l, nil
}

func limitsJSON(l Limits) *limitSettings {
	return &limitSettings{Off: ptr(l.Off), RateLimit: ptr(l.rate()), V4RateLimit: ptr(l.v4Rate()), RetryAfter: ptr(l.RetryAfter.String())}
}

// errMovedToLimits answers the fault settings that became Limits.
var errMovedToLimits = errors.New(`rate_limit and enforce_documented_limits are no longer faults: the mock enforces TrackingMore's documented limits by default ` +
	`(1 request/s per API key across /v2; list 1/s; realtime 3/s, once per shipment per 2 h; 10/s across /v4; create 3/s). Set another rate with {"limits":{"rate_limit":R}} ` +
	`(or start the mock with --rate-limit R), or turn every limit off with {"limits":{"off":true}} (or --rate-limit 0)`)

var errUnknownAdmin = errors.New("unknown admin endpoint; try /__mock/stats, /__mock/reset, /__mock/faults, /__mock/advance")

func adminError(err error) map[string]string { return map[string]string{"error": err.Error()} }

// adminHandler answers an admin request for every account (a nil) or for
// the one named by ?key= (a set).
type adminHandler func(s *Server, r *http.Request, a *account) (any, error)

// adminRoutes registers the admin endpoints, each also without its method
// (the endpoint's 405). They need no API key.
func (s *Server) adminRoutes(mux *http.ServeMux) {
	for _, e := range []struct {
		method, path string
		h            adminHandler
	}{
		{http.MethodGet, "/__mock/stats", (*Server).adminStats},
		{http.MethodPost, "/__mock/reset", (*Server).adminReset},
		{http.MethodPost, "/__mock/faults", (*Server).adminFaults},
		{http.MethodPost, "/__mock/advance", (*Server).adminAdvance},
	} {
		mux.HandleFunc(e.method+" "+e.path, func(w http.ResponseWriter, r *http.Request) { s.serveAdmin(w, r, e.h) })
		mux.HandleFunc(e.path, func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusMethodNotAllowed, adminError(errors.New("method not allowed")))
		})
	}
}

func (s *Server) serveAdmin(w http.ResponseWriter, r *http.Request, h adminHandler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var a *account
	if key, one := r.URL.Query()["key"]; one {
		if a = s.accountOf(key[0]); a == nil {
			writeJSON(w, http.StatusBadRequest, adminError(errors.New("?key= names no account: it is empty or not one of the mock's API keys")))
			return
		}
	}
	body, err := h(s, r, a)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, adminError(err))
		return
	}
	if r.Method == http.MethodPost {
		s.persist()
	}
	if s.saveErr != nil {
		writeJSON(w, http.StatusInternalServerError, adminError(fmt.Errorf("the mock could not save its state file: %w", s.saveErr)))
		return
	}
	writeJSON(w, http.StatusOK, body)
}

// adminStats answers the Stats of the server, or of one account.
func (s *Server) adminStats(_ *http.Request, a *account) (any, error) {
	if a != nil {
		return a.stats.clone(), nil
	}
	return s.statsLocked(), nil
}

func (s *Server) adminReset(_ *http.Request, a *account) (any, error) {
	if a != nil {
		s.accounts[a.key] = s.newAccount(a.key)
	} else {
		s.resetLocked()
	}
	return map[string]bool{"ok": true}, nil
}

func (s *Server) adminFaults(r *http.Request, a *account) (any, error) {
	in := settings{Faults: s.faults}
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("invalid settings: %w", err)
	}
	if in.RateLimit != nil || in.Documented != nil {
		return nil, errMovedToLimits
	}
	if a != nil {
		// Faults, latency, limits and the status mode are the server's, not an account's.
		if in.Faults != s.faults || in.Latency != nil || in.HTTPStatusMode != nil || in.Limits != nil {
			return nil, errors.New("with ?key= only quota can be set: faults, latency, limits and http_status_mode apply to the whole server")
		}
	}
	if err := in.Faults.Validate(); err != nil {
		return nil, err
	}
	limits := s.limits
	if in.Limits != nil {
		var err error
		if limits, err = in.Limits.apply(limits); err != nil {
			return nil, err
		}
	}
	latency := s.latency
	if in.Latency != nil {
		d, err := time.ParseDuration(*in.Latency)
		if err != nil || d < 0 {
			return nil, fmt.Errorf("latency must be a non-negative duration such as \"50ms\", got %q", *in.Latency)
		}
		latency = d
	}
	if in.Quota != nil && *in.Quota < 0 {
		return nil, errors.New("quota must not be negative")
	}
	s.faults, s.latency, s.limits = in.Faults, latency, limits
	if in.HTTPStatusMode != nil {
		s.httpStatusMode = *in.HTTPStatusMode
	}
	switch {
	case a != nil && in.Quota != nil:
		a.quota = *in.Quota
	case in.Quota != nil:
		s.setQuotaLocked(*in.Quota)
	}
	quota := s.quota
	if a != nil {
		quota = a.quota
	}
	return settings{Faults: s.faults, Latency: ptr(s.latency.String()), Quota: ptr(quota), HTTPStatusMode: ptr(s.httpStatusMode), Limits: limitsJSON(s.limits)}, nil
}

func (s *Server) adminAdvance(r *http.Request, a *account) (any, error) {
	var in struct {
		Hours *float64 `json:"hours"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxBody)).Decode(&in); err != nil || in.Hours == nil {
		return nil, errors.New(`the body must be {"hours": N}`)
	}
	d := *in.Hours * float64(time.Hour)
	if d < 0 || d > math.MaxInt64/4 {
		return nil, errors.New("hours must be a non-negative number of hours")
	}
	if a != nil {
		a.offset += time.Duration(d)
		return map[string]any{"offset_hours": (s.offset + a.offset).Hours(), "now": apiTime(a.simNow())}, nil
	}
	s.offset += time.Duration(d)
	return map[string]any{"offset_hours": s.offset.Hours(), "now": apiTime(s.now().Add(s.offset))}, nil
}
