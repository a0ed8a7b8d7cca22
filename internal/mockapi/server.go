package mockapi

import (
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// DefaultQuota is the starting quota of every account when Options.Quota
// is nil: effectively unlimited.
const DefaultQuota = 1_000_000_000

const maxBody = 8 << 20

// Options configures a mock server.
type Options struct {
	APIKeys        []string         // one account per key; empty: every distinct non-empty key gets an account on first use
	Quota          *int64           // remaining quota units of each account at start (0: every create gets 4021); nil means DefaultQuota
	Latency        time.Duration    // added to every API request (/v2 and /v4)
	Limits         Limits           // each account's request budget; the zero value is TrackingMore's default, NoLimits turns it off
	Faults         Faults           // injected failures
	Seed           int64            // seeds fault randomness (deterministic sequences)
	HTTPStatusMode bool             // mirror meta 401/404/429/500/503 in the HTTP status
	Now            func() time.Time // real clock; nil means time.Now
	StateFile      string           // every account is loaded from it at start and saved to it after each change; "" keeps them in memory only
}

// Server is the mock API; it implements http.Handler.
type Server struct {
	keys       map[string]bool
	startQuota int64
	seed       int64
	now        func() time.Time
	mux        *http.ServeMux
	stateFile  string

	mu             sync.Mutex // guards everything below
	limits         Limits
	faults         Faults
	latency        time.Duration
	httpStatusMode bool
	rng            *rand.Rand
	offset         time.Duration // Advance: the simulated clock of every account moves by it
	quota          int64         // quota of accounts created from now on (SetQuota)
	accounts       map[string]*account
	stats          Stats
	dirty          bool  // accounts changed since the last save
	saveErr        error // the last save's failure: answered until a save succeeds
}

// New returns a mock server configured by opts. It panics when
// opts.StateFile cannot be read; Open returns that error instead.
func New(opts Options) *Server {
	s, err := Open(opts)
	if err != nil {
		panic("mockapi: " + err.Error())
	}
	return s
}

// Open returns a mock server configured by opts, holding every account of
// opts.StateFile when that file exists.
func Open(opts Options) (*Server, error) {
	s := &Server{
		keys:           map[string]bool{},
		startQuota:     DefaultQuota,
		seed:           opts.Seed,
		now:            opts.Now,
		stateFile:      opts.StateFile,
		limits:         opts.Limits,
		faults:         opts.Faults,
		latency:        opts.Latency,
		httpStatusMode: opts.HTTPStatusMode,
	}
	if err := opts.Limits.Validate(); err != nil {
		return nil, err
	}
	for _, k := range opts.APIKeys {
		s.keys[k] = true
	}
	if opts.Quota != nil {
		s.startQuota = *opts.Quota
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.mux = s.routes()
	s.resetLocked()
	if s.stateFile != "" {
		if err := s.load(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *Server) resetLocked() {
	s.rng = rand.New(rand.NewPCG(uint64(s.seed), 0x7472616b6d6f7265))
	s.offset = 0
	s.quota = s.startQuota
	s.accounts = map[string]*account{}
	for k := range s.keys {
		s.accounts[k] = s.newAccount(k)
	}
	s.stats = Stats{ByEndpoint: map[string]int64{}}
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

// SetQuota sets the remaining quota units of every account, and of the
// accounts created later (until Reset).
func (s *Server) SetQuota(remaining int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setQuotaLocked(remaining)
	s.persist()
}

func (s *Server) setQuotaLocked(remaining int64) {
	s.quota = remaining
	for _, a := range s.accounts {
		a.quota = remaining
	}
}

// Advance moves the simulated clock of every account forward by d.
func (s *Server) Advance(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.offset += d
	s.persist()
}

// TrackingCount returns the number of trackings stored in all accounts.
func (s *Server) TrackingCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, a := range s.accounts {
		n += len(a.trackings)
	}
	return n
}

// persist saves the accounts to the state file, if any, and remembers
// whether that worked. Called with s.mu held after every change.
func (s *Server) persist() {
	s.saveErr, s.dirty = s.saveLocked(), false
}

// accepts reports whether apiKey opens an account.
func (s *Server) accepts(apiKey string) bool {
	return apiKey != "" && (len(s.keys) == 0 || s.keys[apiKey])
}

// accountOf returns the account of apiKey, opening it on first use; nil
// when the key opens none. Called with s.mu held.
func (s *Server) accountOf(apiKey string) *account {
	if !s.accepts(apiKey) {
		return nil
	}
	a := s.accounts[apiKey]
	if a == nil {
		a = s.newAccount(apiKey)
		s.accounts[apiKey] = a
		s.dirty = true
	}
	return a
}

// call is one API request as handlers see it.
type call struct {
	r       *http.Request
	body    []byte
	bodyErr error
	carrier string // path parameters of /trackings/{carrier}/{number}[/{lang}]
	number  string
}

// handler serves one endpoint for the account of the request's key.
type handler func(a *account, c *call) reply

// endpoint is one route of an API version, below its prefix.
type endpoint struct {
	method, path string
	h            handler
	limit        float64 // documented requests/second per key; 0 = none
}

// api is one version of TrackingMore's wire over the same accounts: its
// path prefix, key header, endpoints, general rate limit and answer shape.
type api struct {
	prefix    string
	keyHeader string
	endpoints []endpoint
	rate      func(Limits) float64 // the general per-account limit in requests/second
	// answer renders a reply: HTTP status and body. mirror asks for the
	// meta code in the HTTP status (HTTPStatusMode, injected faults).
	answer func(rep reply, mirror bool) (int, any)
}

// apis are the versions served: the same API key opens the same account
// in each, through each version's own header.
var apis = []*api{
	{"/v2", "Trackingmore-Api-Key", v2Endpoints, Limits.rate, v2Answer},
	{"/v4", "Tracking-Api-Key", v4Endpoints, Limits.v4Rate, v4Answer},
}

var v2Endpoints = []endpoint{
	{http.MethodPost, "/trackings/post", (*account).createTracking, 0},
	{http.MethodPost, "/trackings/batch", (*account).batchCreate, 0},
	{http.MethodGet, "/trackings/get", (*account).listTrackings, listRate},
	{http.MethodPost, "/trackings/get", (*account).listTrackings, listRate},
	{http.MethodPost, "/trackings/updatemore", (*account).updateMore, 0},
	{http.MethodPost, "/trackings/delete", (*account).batchDelete, 0},
	{http.MethodPost, "/trackings/realtime", (*account).realtimeTracking, realtimeRate},
	{http.MethodPost, "/trackings/update", (*account).changeCarrier, 0},
	{http.MethodGet, "/trackings/getuserinfo", (*account).userInfo, 0},
	{http.MethodPost, "/trackings/getuserinfo", (*account).userInfo, 0},
	{http.MethodGet, "/trackings/getstatusnumber", (*account).statusNumber, 0},
	{http.MethodPost, "/trackings/getstatusnumber", (*account).statusNumber, 0},
	{http.MethodPost, "/trackings/notupdate", (*account).notUpdate, 0},
	{http.MethodPost, "/trackings/remote", (*account).remote, 0},
	{http.MethodPost, "/trackings/costtime", (*account).costTime, 0},
	{http.MethodPost, "/trackings/aircargo", (*account).airCargo, 0},
	{http.MethodGet, "/carriers", (*account).carriers, 0},
	{http.MethodPost, "/carriers/detect", (*account).detectCarrier, 0},
	{http.MethodGet, "/trackings/{carrier}/{number}", (*account).getTracking, 0},
	{http.MethodGet, "/trackings/{carrier}/{number}/{lang}", (*account).getTracking, 0},
	{http.MethodPut, "/trackings/{carrier}/{number}", (*account).putTracking, 0},
	// A published PHP client sets PUT and then a body, which libcurl sends as POST.
	{http.MethodPost, "/trackings/{carrier}/{number}", (*account).putTracking, 0},
	{http.MethodDelete, "/trackings/{carrier}/{number}", (*account).deleteTracking, 0},
}

// routes registers every endpoint as a "METHOD /v2/path" (or /v4/path)
// pattern, the path without a method as the endpoint's wrong method, the
// admin endpoints, and "/" for everything else (not found). Handlers read
// r.Pattern for their stats.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	for _, v := range apis {
		paths := map[string]bool{}
		for _, e := range v.endpoints {
			mux.Handle(e.method+" "+v.prefix+e.path, s.handle(v, e))
			if !paths[e.path] {
				paths[e.path] = true
				mux.Handle(v.prefix+e.path, s.handle(v, endpoint{path: e.path}))
			}
		}
	}
	s.adminRoutes(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		for _, v := range apis {
			if p == v.prefix || strings.HasPrefix(p, v.prefix+"/") {
				s.serveAPI(w, r, v, endpoint{})
				return
			}
		}
		if strings.HasPrefix(p, "/__mock/") {
			writeJSON(w, http.StatusNotFound, adminError(errUnknownAdmin))
			return
		}
		status, body := v2Answer(fail(404), true)
		writeJSON(w, status, body)
	})
	return mux
}

// ServeHTTP serves /v2 and /v4 (the API) and /__mock (administration).
// Doubled and trailing slashes are answered as the clean path
// (//v2//carriers/ as /v2/carriers), as the real service does.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if clean := path.Clean("/" + r.URL.Path); clean != r.URL.Path {
		u := *r.URL
		u.Path, u.RawPath = clean, ""
		r = r.Clone(r.Context())
		r.URL = &u
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) handle(v *api, e endpoint) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.serveAPI(w, r, v, e) })
}

// template is the stats key of a request of version v: its method and the
// path template of the pattern that matched it, "/{unknown}" when none
// did. v2's keys are below /v2 (they predate v4); v4's keep /v4.
func template(r *http.Request, v *api) string {
	p := r.Pattern
	if _, after, hasMethod := strings.Cut(p, " "); hasMethod {
		p = after
	}
	if p == "/" {
		p = v.prefix + "/{unknown}"
	}
	return r.Method + " " + strings.TrimPrefix(p, "/v2")
}

// outcome is the dispatcher's decision for one request.
type outcome struct {
	rep        reply
	mirror     bool   // set the HTTP status from the meta code (see api.answer)
	retryAfter string // the Retry-After header of a 429; "" for none
	drop       bool   // reset the connection instead of answering
	kind       int    // what Stats counts it as
}

// Kinds of outcome Stats counts.
const (
	answered = iota
	throttled
	faulted
	failed // answered with a meta code other than 200/201
)

// serveAPI serves a request of version v; e.h nil answers not found (no
// e.path) or wrong method.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, v *api, e endpoint) {
	apiKey := r.Header.Get(v.keyHeader)
	name := template(r, v)
	s.mu.Lock()
	a := s.accountOf(apiKey)
	s.stats.count(name)
	if a != nil {
		a.stats.count(name)
	}
	latency := s.latency
	s.mu.Unlock()

	// Read the body first: only then does net/http watch the connection and
	// end r.Context() when the client hangs up during the latency.
	c := &call{r: r, carrier: r.PathValue("carrier"), number: r.PathValue("number")}
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

	s.mu.Lock()
	out := s.process(c, v, e, apiKey, a)
	if s.dirty {
		s.persist()
	}
	if s.saveErr != nil {
		out = outcome{rep: fail(500, "The mock could not save its state file: "+s.saveErr.Error()), mirror: true, kind: faulted}
	}
	s.stats.add(out.kind)
	if a != nil {
		a.stats.add(out.kind)
	}
	// The Date header tells the simulated time, the clock created_at is
	// stamped with, as a real server's Date matches its timestamps.
	now := s.now().Add(s.offset)
	if a != nil {
		now = a.simNow()
	}
	w.Header().Set("Date", now.UTC().Format(http.TimeFormat))
	s.mu.Unlock()
	if out.drop {
		dropConnection(w)
		return
	}
	if out.retryAfter != "" {
		w.Header().Set("Retry-After", out.retryAfter)
	}
	status, body := v.answer(out.rep, out.mirror)
	writeJSON(w, status, body)
}

// mirrored are the meta codes HTTPStatusMode copies into the HTTP status.
var mirrored = map[int]bool{401: true, 404: true, 429: true, 500: true, 503: true}

// process runs auth, limits and faults, then the handler. Called with s.mu held.
func (s *Server) process(c *call, v *api, e endpoint, apiKey string, a *account) outcome {
	var rep reply
	switch {
	case apiKey == "":
		rep = fail(401)
	case a == nil:
		rep = fail(4001)
	case s.limited(a, v, e) || s.roll(s.faults.ThrottleRate):
		return outcome{rep: fail(429), mirror: s.httpStatusMode, kind: throttled, retryAfter: s.limits.retryAfter()}
	case s.roll(s.faults.ErrorRate):
		code := 500
		if s.rng.IntN(2) == 1 {
			code = 503
		}
		return outcome{rep: fail(code), mirror: true, kind: faulted}
	case s.roll(s.faults.ResetRate):
		return outcome{drop: true, kind: faulted}
	default:
		rep = dispatch(a, c, e)
		s.dirty = s.dirty || rep.changed
		if rep.changed && s.roll(s.faults.ResetAfterWriteRate) {
			return outcome{drop: true, kind: faulted}
		}
	}
	out := outcome{rep: rep, mirror: s.httpStatusMode}
	if rep.code != 200 && rep.code != 201 {
		out.kind = failed
	}
	return out
}

// v2Answer is v2's envelope, with HTTP 200 unless mirror names one of the
// mirrored codes.
func v2Answer(rep reply, mirror bool) (int, any) {
	status := http.StatusOK
	if mirror && mirrored[rep.code] {
		status = rep.code
	}
	return status, rep.envelope()
}

func dispatch(a *account, c *call, e endpoint) reply {
	switch {
	case e.path == "":
		return fail(404)
	case e.h == nil:
		return fail(405)
	case c.bodyErr != nil:
		return fail(4012, "The request body could not be read.")
	}
	return e.h(a, c)
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body) // a client that hung up needs no answer
}
