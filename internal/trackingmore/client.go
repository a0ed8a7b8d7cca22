// Package trackingmore is a client for TrackingMore's parcel-tracking API,
// version 2 or 4 (Config.APIVersion), behind the same typed operations.
//
// The versions differ on the wire only where they must: each operation's
// logic (merging, read caching, adoption of retried writes) is shared, and
// branches by version where a request is built or an answer read (v4's in
// the *_v4.go files). v4 addresses writes by a tracking's id, which the
// client learns from every v4 answer (see ids.go). Operations one version
// lacks return an UnsupportedError before any call.
//
// It is strict in what it sends and tolerant in what it accepts: every answer
// is read through its meta envelope whatever the HTTP status, transient
// failures are retried with backoff (go-retryablehttp), calls are paced
// client-side (x/time/rate), and the API key never appears in an error or a
// log field. Path segments are always escaped, so no tracking number can
// change the endpoint a call reaches.
package trackingmore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
)

// The API versions the client speaks (Config.APIVersion).
const (
	APIVersionV2 = "v2"
	APIVersionV4 = "v4"
)

const (
	// DefaultBaseURL is the v2 API root.
	DefaultBaseURL = "https://api.trackingmore.com/v2"
	// DefaultBaseURLV4 is the v4 API root.
	DefaultBaseURLV4 = "https://api.trackingmore.com/v4"
	// MaxBatchSize is how many items one batch call may carry.
	MaxBatchSize = 40

	defaultTimeout      = 30 * time.Second
	defaultRetryWaitMin = 500 * time.Millisecond
	defaultRetryWaitMax = 30 * time.Second
	defaultUserAgent    = "trackingmore-go"
	// DefaultRateLimitPause is how long TrackingMore asks a client to send
	// nothing after a 429 ("wait 120 secs"), when no Retry-After says otherwise.
	DefaultRateLimitPause = 120 * time.Second
	// maxResponseBytes bounds what one answer may hold (2000 trackings with
	// their checkpoints stay far below it).
	maxResponseBytes = 64 << 20
)

// Logger receives the client's diagnostics; the provider adapts it to tflog.
// Fields never hold the API key, headers or bodies.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
	Warn(ctx context.Context, msg string, fields map[string]any)
}

// Config configures a Client. Zero values select the documented defaults.
type Config struct {
	APIKey            string
	APIVersion        string        // "" or APIVersionV2 (the default), or APIVersionV4
	BaseURL           string        // "" = the version's default (DefaultBaseURL, DefaultBaseURLV4); trailing slash tolerated
	MaxRetries        int           // retries after the first attempt; 0 = none
	RequestTimeout    time.Duration // per attempt; 0 = 30s
	RequestsPerSecond float64       // client-side pacing across all calls (see DefaultRequestsPerSecond); 0 = no pacing (per-endpoint limits then also off)
	RetryWaitMin      time.Duration // 0 = 500ms
	RetryWaitMax      time.Duration // 0 = 30s; raised to RetryWaitMin when lower
	RateLimitPause    time.Duration // after a 429 without Retry-After, every call waits this long; 0 = DefaultRateLimitPause
	UserAgent         string
	HTTPClient        *http.Client // optional base transport (tests); copied, its Timeout replaced
	Logger            Logger
}

// Client calls the API. It is safe for concurrent use; pacing and 429
// back-off are shared by every call made through the same Client.
type Client struct {
	key       string
	version   string // APIVersionV2 or APIVersionV4
	base      string // without trailing slash
	userAgent string
	http      *http.Client
	retryMax  int
	waitMin   time.Duration
	waitMax   time.Duration
	pacer     *pacer
	logger    Logger
	// rateLimitPause: see Config; rateLimitNotices: the warning of the
	// latest 429 pause until TakeRateLimitNotice hands it out.
	rateLimitPause   time.Duration
	rateLimitNotices atomic.Pointer[string]
	merging          merging
	reads            *readCache
	ids              *idCache
	// serverOffset is the server's clock minus ours, learned from the Date
	// header of answers (see adoptable); serverClock says whether it is known.
	serverOffset atomic.Int64
	serverClock  atomic.Bool
}

// New validates cfg and builds a Client.
func New(cfg Config) (*Client, error) {
	if cfg.APIKey == "" {
		return nil, errors.New("trackingmore: an API key is required")
	}
	if strings.ContainsFunc(cfg.APIKey, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		// Never echo the key: it would end up in diagnostics.
		return nil, errors.New("trackingmore: the API key contains spaces or control characters")
	}
	if cfg.MaxRetries < 0 || cfg.RequestTimeout < 0 || cfg.RequestsPerSecond < 0 || cfg.RetryWaitMin < 0 || cfg.RetryWaitMax < 0 || cfg.RateLimitPause < 0 {
		return nil, errors.New("trackingmore: MaxRetries, RequestTimeout, RequestsPerSecond and the retry waits must not be negative")
	}
	version := orDefault(cfg.APIVersion, APIVersionV2)
	defaultBase, known := defaultBaseURLs[version]
	if !known {
		return nil, fmt.Errorf("trackingmore: unknown API version %q (want %q or %q)", cfg.APIVersion, APIVersionV2, APIVersionV4)
	}
	base := strings.TrimRight(orDefault(cfg.BaseURL, defaultBase), "/")
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("trackingmore: base URL %q is not an http(s) URL without query", base)
	}

	hc := &http.Client{}
	if cfg.HTTPClient != nil {
		copied := *cfg.HTTPClient
		hc = &copied
	}
	if hc.Transport == nil {
		hc.Transport = cleanhttp.DefaultPooledTransport()
	}
	hc.Transport = finishingWrites{hc.Transport}
	hc.Timeout = orDefault(cfg.RequestTimeout, defaultTimeout)
	// The API never redirects, and following one would hand the key header
	// to wherever it points: a 3xx is returned as is (an APIError).
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	c := &Client{
		key:       cfg.APIKey,
		version:   version,
		base:      base,
		userAgent: orDefault(cfg.UserAgent, defaultUserAgent),
		http:      hc,
		retryMax:  cfg.MaxRetries,
		waitMin:   orDefault(cfg.RetryWaitMin, defaultRetryWaitMin),
		waitMax:   orDefault(cfg.RetryWaitMax, defaultRetryWaitMax),
		pacer:     newPacer(cfg.RequestsPerSecond).keep(endpointLimits[version]),
		logger:    cfg.Logger,

		rateLimitPause: orDefault(cfg.RateLimitPause, DefaultRateLimitPause),
		reads:          newReadCache(),
		ids:            newIDCache(),
	}
	c.waitMax = max(c.waitMax, c.waitMin)
	c.merging = newMerging(c)
	return c, nil
}

var defaultBaseURLs = map[string]string{APIVersionV2: DefaultBaseURL, APIVersionV4: DefaultBaseURLV4}

// APIVersion is the API version the client speaks: APIVersionV2 or APIVersionV4.
func (c *Client) APIVersion() string { return c.version }

func (c *Client) v4() bool { return c.version == APIVersionV4 }

// keyHeader is the header each version reads the API key from.
func (c *Client) keyHeader() string {
	if c.v4() {
		return "Tracking-Api-Key"
	}
	return "Trackingmore-Api-Key"
}

// orDefault returns v, or def when v is the zero value.
func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// request is one API call before it goes on the wire.
type request struct {
	method string
	path   []string // unescaped segments below the base URL
	query  url.Values
	header http.Header
	body   any // JSON-encoded when non-nil
}

func get(path ...string) request { return request{method: http.MethodGet, path: path} }

func post(body any, path ...string) request {
	return request{method: http.MethodPost, path: path, body: body}
}

func put(body any, path ...string) request {
	return request{method: http.MethodPut, path: path, body: body}
}

// escapedPath joins the segments, each escaped so that "/", "?", "%" and dot
// segments stay inside it.
func (r request) escapedPath() (string, error) {
	var b strings.Builder
	for _, s := range r.path {
		if s == "" {
			return "", errors.New("empty path segment")
		}
		b.WriteByte('/')
		if strings.Trim(s, ".") == "" {
			b.WriteString(strings.ReplaceAll(s, ".", "%2E"))
			continue
		}
		b.WriteString(url.PathEscape(s))
	}
	return b.String(), nil
}

// endpoint names the call for per-endpoint pacing.
func (r request) endpoint() string { return "/" + strings.Join(r.path, "/") }

// call performs r and decodes its data into a T.
func call[T any](ctx context.Context, c *Client, r request) (T, bool, error) {
	var out T
	retried, err := c.do(ctx, r, &out)
	return out, retried, err
}

// do is the one path every call takes: build, pace, send with retries,
// decode the envelope. retried reports whether an earlier attempt may have
// reached the server; on API errors it is also in APIError.Retried.
func (c *Client) do(ctx context.Context, r request, out any) (retried bool, err error) {
	path, err := r.escapedPath()
	if err != nil {
		return false, fmt.Errorf("TrackingMore API: %s %s: %w", r.method, r.endpoint(), err)
	}
	target := c.base + path
	if len(r.query) > 0 {
		target += "?" + r.query.Encode()
	}
	var body any // nil interface: no body at all
	if r.body != nil {
		b, err := json.Marshal(r.body)
		if err != nil {
			return false, fmt.Errorf("TrackingMore API: %s %s: encoding request: %w", r.method, path, err)
		}
		body = b // []byte makes every attempt replay the same body
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, r.method, target, body)
	if err != nil {
		return false, fmt.Errorf("TrackingMore API: %s %s: %w", r.method, path, err)
	}
	for k, v := range r.header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set(c.keyHeader(), c.key)

	started := time.Now()
	st := &attempts{}
	if !takeSlot(ctx) { // a merging queue already waited for this call's slot
		if err := c.pacer.wait(ctx, r.endpoint()); err != nil {
			return false, fmt.Errorf("TrackingMore API: %s %s: %w", r.method, path, err)
		}
	}
	resp, err := c.retryClient(ctx, st, r.endpoint()).Do(req)
	if err == nil {
		defer resp.Body.Close()
		c.learnServerClock(resp.Header.Get("Date"))
		var data []byte
		if data, err = io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes)); err == nil {
			err = c.decode(r.method, path, resp.StatusCode, data, st.retried, out)
		}
	}
	c.debug(ctx, "TrackingMore API call", map[string]any{
		"method": r.method, "path": path, "attempts": st.n, "retried": st.retried,
		"duration_ms": time.Since(started).Milliseconds(), "error": c.redact(errText(err)),
	})
	if err != nil && !isAPIError(err) {
		return st.retried, c.transportError(r.method, path, st.n, err)
	}
	return st.retried, err
}

// envelope is every answer's outer shape, in both versions (v4's meta has no type).
type envelope struct {
	Meta struct {
		Code    FlexInt    `json:"code"`
		Type    FlexString `json:"type"`
		Message FlexString `json:"message"`
	} `json:"meta"`
	Data json.RawMessage `json:"data"`
}

// decode reads the meta envelope whatever the HTTP status and, on success,
// the data into out (nil: ignored).
func (c *Client) decode(method, path string, status int, body []byte, retried bool, out any) error {
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil || env.Meta.Code == 0 {
		// Not the API talking (a proxy page, an empty body): never read it as
		// a business code, so a stray 404 page is not "tracking not found".
		return &APIError{
			HTTPStatus: status, Type: http.StatusText(status),
			Message: fmt.Sprintf("unexpected answer without a meta envelope (HTTP %d)", status),
			Method:  method, Path: path, Retried: retried, APIVersion: c.version,
		}
	}
	if code := int(env.Meta.Code); code != 200 && code != 201 {
		return &APIError{
			HTTPStatus: status, Code: code,
			Type: c.redact(env.Meta.Type.String()), Message: c.redact(env.Meta.Message.String()),
			Method: method, Path: path, Retried: retried, APIVersion: c.version,
		}
	}
	if out == nil || len(env.Data) == 0 || string(env.Data) == "null" {
		return nil
	}
	if err := json.Unmarshal(env.Data, out); err != nil && !isEmptyArray(env.Data) {
		return &APIError{
			HTTPStatus: status, Code: int(env.Meta.Code), Type: "Undecodable",
			Message: "undecodable data: " + c.redact(err.Error()),
			Method:  method, Path: path, Retried: retried, APIVersion: c.version,
		}
	}
	return nil
}

func (c *Client) transportError(method, path string, attempts int, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // its URL repeats what we already say
	}
	return fmt.Errorf("TrackingMore API: %s %s failed after %d attempt(s): %w", method, path, attempts, err)
}

// MinMaskedKeyLength is the shortest key worth masking in text: a shorter one
// (a test key such as "k") would mangle every word it occurs in, while real
// keys are far longer.
const MinMaskedKeyLength = 6

// redact masks the key should an answer ever echo it.
func (c *Client) redact(s string) string {
	if len(c.key) < MinMaskedKeyLength {
		return s
	}
	return strings.ReplaceAll(s, c.key, "<redacted>")
}

func (c *Client) debug(ctx context.Context, msg string, fields map[string]any) {
	if c.logger != nil {
		c.logger.Debug(ctx, msg, fields)
	}
}

func (c *Client) warn(ctx context.Context, msg string, fields map[string]any) {
	if c.logger != nil {
		c.logger.Warn(ctx, msg, fields)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// learnServerClock records how far the server's clock is from ours.
func (c *Client) learnServerClock(date string) {
	if at, err := http.ParseTime(date); err == nil {
		c.serverOffset.Store(int64(time.Until(at)))
		c.serverClock.Store(true)
	}
}
