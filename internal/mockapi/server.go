package mockapi

import (
	"encoding/json"
	"io"
	"maps"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"
)

// DefaultQuota is the starting quota when Options.Quota is 0.
const DefaultQuota = 1_000_000

const maxBody = 8 << 20

// Options configures a mock server.
type Options struct {
	APIKeys        []string         // accepted keys; empty: any non-empty key is accepted
	Quota          int64            // remaining quota units at start; 0 means DefaultQuota
	Latency        time.Duration    // added to every /v2 request
	Faults         Faults           // injected failures and rate limits
	Seed           int64            // seeds fault randomness (deterministic sequences)
	HTTPStatusMode bool             // mirror meta 401/404/429/500/503 in the HTTP status
	Now            func() time.Time // real clock; nil means time.Now
}

// Stats counts the /v2 requests a server received.
type Stats struct {
	Total      int64            `json:"total"`       // every /v2 request received
	ByEndpoint map[string]int64 `json:"by_endpoint"` // "METHOD /path-template"
	Throttled  int64            `json:"throttled"`   // 429 answers
	Faults     int64            `json:"faults"`      // injected 5xx, resets and resets after write
	Errors     int64            `json:"errors"`      // other answers whose meta code is not 200/201
}

// Server is the mock API; it implements http.Handler.
type Server struct {
	keys       map[string]bool
	startQuota int64
	seed       int64
	now        func() time.Time
	regtime    time.Time

	mu             sync.Mutex // guards everything below
	faults         Faults
	latency        time.Duration
	httpStatusMode bool
	rng            *rand.Rand
	offset         time.Duration // simulated clock = now() + offset
	quota          int64
	seq            int64                // trackings created, for ids
	trackings      map[string]*tracking // by key(carrier, number)
	order          []*tracking          // creation order (see inOrder)
	meters         map[string]int64
	buckets        map[string]*bucket
	realtime       map[string]realtimeHit
	stats          Stats
}

// New returns a mock server configured by opts.
func New(opts Options) *Server {
	s := &Server{
		keys:           map[string]bool{},
		startQuota:     opts.Quota,
		seed:           opts.Seed,
		now:            opts.Now,
		faults:         opts.Faults,
		latency:        opts.Latency,
		httpStatusMode: opts.HTTPStatusMode,
	}
	for _, k := range opts.APIKeys {
		s.keys[k] = true
	}
	if s.startQuota == 0 {
		s.startQuota = DefaultQuota
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.regtime = s.now()
	s.Reset()
	return s
}

// Reset clears trackings, stats, rate-limit state and the simulated clock
// offset, and restores the starting quota. Faults and latency are kept.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rng = rand.New(rand.NewPCG(uint64(s.seed), 0x7472616b6d6f7265))
	s.offset = 0
	s.quota = s.startQuota
	s.seq = 0
	s.trackings = map[string]*tracking{}
	s.order = nil
	s.meters = map[string]int64{}
	s.buckets = map[string]*bucket{}
	s.realtime = map[string]realtimeHit{}
	s.stats = Stats{ByEndpoint: map[string]int64{}}
}

// Stats returns a snapshot of the request counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.ByEndpoint = maps.Clone(s.stats.ByEndpoint)
	return st
}

// SetFaults replaces the fault configuration.
func (s *Server) SetFaults(f Faults) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = f
}

// SetLatency sets the delay added to every /v2 request.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// SetQuota sets the remaining quota units.
func (s *Server) SetQuota(remaining int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.quota = remaining
}

// Advance moves the simulated clock forward by d.
func (s *Server) Advance(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.offset += d
}

// TrackingCount returns the number of stored trackings.
func (s *Server) TrackingCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.trackings)
}

func (s *Server) simNow() time.Time { return s.now().Add(s.offset) }

// call is one /v2 request as handlers see it.
type call struct {
	r       *http.Request
	body    []byte
	bodyErr error
	carrier string // path parameters of /trackings/{carrier}/{number}[/{lang}]
	number  string
}

type handler func(s *Server, c *call) reply

type route struct {
	template string
	methods  map[string]handler
	limit    float64 // documented requests/second per key; 0 = none
}

var (
	trackingRoute = &route{template: "/trackings/{carrier}/{number}", methods: map[string]handler{
		http.MethodGet: (*Server).getTracking, http.MethodPut: (*Server).putTracking, http.MethodDelete: (*Server).deleteTracking,
	}}
	trackingLangRoute = &route{template: "/trackings/{carrier}/{number}/{lang}", methods: map[string]handler{
		http.MethodGet: (*Server).getTracking,
	}}
	fixedRoutes = map[string]*route{}
)

func init() {
	post := []string{http.MethodPost}
	either := []string{http.MethodGet, http.MethodPost}
	for _, r := range []struct {
		path    string
		methods []string
		h       handler
		limit   float64
	}{
		{"/trackings/post", post, (*Server).createTracking, 0},
		{"/trackings/batch", post, (*Server).batchCreate, 0},
		{"/trackings/get", either, (*Server).listTrackings, listRate},
		{"/trackings/updatemore", post, (*Server).updateMore, 0},
		{"/trackings/delete", post, (*Server).batchDelete, 0},
		{"/trackings/realtime", post, (*Server).realtimeTracking, realtimeRate},
		{"/trackings/update", post, (*Server).changeCarrier, 0},
		{"/trackings/getuserinfo", either, (*Server).userInfo, 0},
		{"/trackings/getstatusnumber", either, (*Server).statusNumber, 0},
		{"/trackings/notupdate", post, (*Server).notUpdate, 0},
		{"/trackings/remote", post, (*Server).remote, 0},
		{"/trackings/costtime", post, (*Server).costTime, 0},
		{"/trackings/aircargo", post, (*Server).airCargo, 0},
		{"/carriers", []string{http.MethodGet}, (*Server).carriers, 0},
		{"/carriers/detect", post, (*Server).detectCarrier, 0},
	} {
		rt := &route{template: r.path, methods: map[string]handler{}, limit: r.limit}
		for _, m := range r.methods {
			rt.methods[m] = r.h
		}
		fixedRoutes[r.path] = rt
	}
}

// match finds the route of a path below /v2 (a trailing slash is accepted).
func match(p string) (*route, []string) {
	p = strings.TrimSuffix(p, "/")
	if rt, ok := fixedRoutes[p]; ok {
		return rt, nil
	}
	rest, ok := strings.CutPrefix(p, "/trackings/")
	if !ok {
		return nil, nil
	}
	parts := strings.Split(rest, "/")
	for _, part := range parts {
		if part == "" {
			return nil, nil
		}
	}
	switch len(parts) {
	case 2:
		return trackingRoute, parts
	case 3:
		return trackingLangRoute, parts
	}
	return nil, nil
}

// ServeHTTP serves /v2 (the API) and /__mock (administration).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case strings.HasPrefix(p, "/__mock/"):
		s.serveAdmin(w, r)
	case p == "/v2" || strings.HasPrefix(p, "/v2/"):
		s.serveV2(w, r)
	default:
		writeEnvelope(w, fail(404), http.StatusNotFound)
	}
}

// outcome is the dispatcher's decision for one request.
type outcome struct {
	rep    reply
	status int  // HTTP status
	drop   bool // reset the connection instead of answering
}

func (s *Server) serveV2(w http.ResponseWriter, r *http.Request) {
	rt, params := match(strings.TrimPrefix(r.URL.Path, "/v2"))
	template := "/{unknown}"
	if rt != nil {
		template = rt.template
	}
	s.mu.Lock()
	s.stats.Total++
	s.stats.ByEndpoint[r.Method+" "+template]++
	latency := s.latency
	s.mu.Unlock()

	// Read the body first: only then does net/http watch the connection and
	// end r.Context() when the client hangs up during the latency.
	c := &call{r: r}
	c.body, c.bodyErr = io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if latency > 0 {
		t := time.NewTimer(latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	if params != nil {
		c.carrier, c.number = params[0], params[1]
	}

	s.mu.Lock()
	out := s.process(c, rt)
	// The Date header tells the simulated time, the clock created_at is
	// stamped with, as a real server's Date matches its timestamps.
	w.Header().Set("Date", s.simNow().UTC().Format(http.TimeFormat))
	s.mu.Unlock()
	if out.drop {
		dropConnection(w)
		return
	}
	writeEnvelope(w, out.rep, out.status)
}

// mirrored are the meta codes HTTPStatusMode copies into the HTTP status.
var mirrored = map[int]bool{401: true, 404: true, 429: true, 500: true, 503: true}

// process runs auth, limits and faults, then the handler. Called with s.mu held.
func (s *Server) process(c *call, rt *route) outcome {
	apiKey := c.r.Header.Get("Trackingmore-Api-Key")
	var rep reply
	switch {
	case apiKey == "":
		rep = fail(401)
	case len(s.keys) > 0 && !s.keys[apiKey]:
		rep = fail(4001)
	case s.limited(apiKey, rt) || s.roll(s.faults.ThrottleRate):
		s.stats.Throttled++
		return s.answer(fail(429))
	case s.roll(s.faults.ErrorRate):
		s.stats.Faults++
		code := 500
		if s.rng.IntN(2) == 1 {
			code = 503
		}
		return outcome{rep: fail(code), status: code}
	case s.roll(s.faults.ResetRate):
		s.stats.Faults++
		return outcome{drop: true}
	default:
		rep = s.dispatch(c, rt)
		if rep.changed && s.roll(s.faults.ResetAfterWriteRate) {
			s.stats.Faults++
			return outcome{drop: true}
		}
	}
	if rep.code != 200 && rep.code != 201 {
		s.stats.Errors++
	}
	return s.answer(rep)
}

func (s *Server) answer(rep reply) outcome {
	status := http.StatusOK
	if s.httpStatusMode && mirrored[rep.code] {
		status = rep.code
	}
	return outcome{rep: rep, status: status}
}

func (s *Server) dispatch(c *call, rt *route) reply {
	if rt == nil {
		return fail(404)
	}
	h := rt.methods[c.r.Method]
	if h == nil {
		return fail(405)
	}
	if c.bodyErr != nil {
		return fail(4012, "The request body could not be read.")
	}
	return h(s, c)
}

func writeEnvelope(w http.ResponseWriter, rep reply, status int) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if rep.code == 429 {
		w.Header().Set("Retry-After", "1")
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(rep.envelope()) // a client that hung up needs no answer
}
