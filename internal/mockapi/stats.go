package mockapi

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
)

// Stats counts the API requests (/v2 and /v4) a server (or one account) received.
type Stats struct {
	Total      int64            `json:"total"`       // every API request received
	ByEndpoint map[string]int64 `json:"by_endpoint"` // "METHOD /path-template" below /v2, "METHOD /v4/path-template" for v4
	Throttled  int64            `json:"throttled"`   // 429 answers
	Faults     int64            `json:"faults"`      // injected 5xx, resets and resets after write
	Errors     int64            `json:"errors"`      // other answers whose meta code is not 200/201
	// ByKey breaks the server's counts down per account, named by
	// KeyLabel (never a whole key). Requests without a key that opens an
	// account count only in the server's totals. Empty within ByKey.
	ByKey map[string]Stats `json:"by_key,omitempty"`
}

func (st *Stats) count(endpoint string) {
	st.Total++
	if st.ByEndpoint == nil {
		st.ByEndpoint = map[string]int64{}
	}
	st.ByEndpoint[endpoint]++
}

func (st *Stats) add(kind int) {
	switch kind {
	case throttled:
		st.Throttled++
	case faulted:
		st.Faults++
	case failed:
		st.Errors++
	}
}

func (st Stats) clone() Stats {
	st.ByEndpoint = maps.Clone(st.ByEndpoint)
	if st.ByEndpoint == nil {
		st.ByEndpoint = map[string]int64{}
	}
	return st
}

// KeyLabel names an API key in stats and messages without giving it away:
// at most four leading characters (never more than half the key), "…",
// and four hex digits of its SHA-256, so that two keys with the same
// prefix still read apart.
func KeyLabel(apiKey string) string {
	r := []rune(apiKey)
	sum := sha256.Sum256([]byte(apiKey))
	return string(r[:min(4, len(r)/2)]) + "…" + hex.EncodeToString(sum[:2])
}

// Stats returns a snapshot of the request counters, with ByKey.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.statsLocked()
}

func (s *Server) statsLocked() Stats {
	st := s.stats.clone()
	st.ByKey = map[string]Stats{}
	for k, a := range s.accounts {
		st.ByKey[KeyLabel(k)] = a.stats.clone()
	}
	return st
}
