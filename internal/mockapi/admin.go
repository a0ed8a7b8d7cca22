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
// Faults fields plus latency, quota and HTTP status mode. Absent fields
// keep their value.
type settings struct {
	Faults
	Latency        *string `json:"latency,omitempty"`
	Quota          *int64  `json:"quota,omitempty"`
	HTTPStatusMode *bool   `json:"http_status_mode,omitempty"`
}

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
	if a != nil {
		// Faults, latency and the status mode are the server's, not an account's.
		if in.Faults != s.faults || in.Latency != nil || in.HTTPStatusMode != nil {
			return nil, errors.New("with ?key= only quota can be set: faults, latency and http_status_mode apply to the whole server")
		}
	}
	if err := in.Faults.Validate(); err != nil {
		return nil, err
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
	s.faults, s.latency = in.Faults, latency
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
	return settings{Faults: s.faults, Latency: ptr(s.latency.String()), Quota: ptr(quota), HTTPStatusMode: ptr(s.httpStatusMode)}, nil
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
