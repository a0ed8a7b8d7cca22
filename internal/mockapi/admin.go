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

func (s *Server) serveAdmin(w http.ResponseWriter, r *http.Request) {
	handlers := map[string]func(*http.Request) (any, error){
		"GET /__mock/stats":    func(*http.Request) (any, error) { return s.Stats(), nil },
		"POST /__mock/reset":   func(*http.Request) (any, error) { s.Reset(); return map[string]bool{"ok": true}, nil },
		"POST /__mock/faults":  s.adminFaults,
		"POST /__mock/advance": s.adminAdvance,
	}
	h, found := handlers[r.Method+" "+r.URL.Path]
	status := http.StatusOK
	var body any
	switch {
	case found:
		var err error
		if body, err = h(r); err != nil {
			status, body = http.StatusBadRequest, map[string]string{"error": err.Error()}
		}
	case handlers["GET "+r.URL.Path] != nil || handlers["POST "+r.URL.Path] != nil:
		status, body = http.StatusMethodNotAllowed, map[string]string{"error": "method not allowed"}
	default:
		status, body = http.StatusNotFound, map[string]string{"error": "unknown admin endpoint; try /__mock/stats, /__mock/reset, /__mock/faults, /__mock/advance"}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body) // a client that hung up needs no answer
}

func (s *Server) adminFaults(r *http.Request) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := settings{Faults: s.faults}
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("invalid settings: %w", err)
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
	if in.Quota != nil {
		s.quota = *in.Quota
	}
	if in.HTTPStatusMode != nil {
		s.httpStatusMode = *in.HTTPStatusMode
	}
	return settings{Faults: s.faults, Latency: ptr(s.latency.String()), Quota: ptr(s.quota), HTTPStatusMode: ptr(s.httpStatusMode)}, nil
}

func (s *Server) adminAdvance(r *http.Request) (any, error) {
	var in struct {
		Hours *float64 `json:"hours"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxBody)).Decode(&in); err != nil || in.Hours == nil {
		return nil, errors.New(`the body must be {"hours": N}`)
	}
	d := *in.Hours * float64(time.Hour)
	if d < 0 || d > math.MaxInt64/2 {
		return nil, errors.New("hours must be a non-negative number of hours")
	}
	s.Advance(time.Duration(d))
	s.mu.Lock()
	defer s.mu.Unlock()
	return map[string]any{"offset_hours": s.offset.Hours(), "now": apiTime(s.simNow())}, nil
}
