package trackingmore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// maxRetryAfter caps a server's Retry-After so a bogus value cannot stall a run.
const maxRetryAfter = 10 * time.Minute

// attempts is the state of one call across its attempts. retryablehttp calls
// CheckRetry, Backoff and PrepareRetry in turn from the calling goroutine, so
// it needs no lock.
type attempts struct {
	n        int
	reached  bool          // the last attempt failed in a way the server may have acted on
	retried  bool          // a retry followed such an attempt
	code     int           // meta code of the last attempt's answer, or its HTTP status when it had no envelope
	wait     time.Duration // backoff chosen for the last attempt
	canceled bool          // PrepareRetry gave up (ctx ended while pacing)
}

// retryClient builds the per-call retryablehttp client: it carries the call's
// state and its ctx for logging (tflog reads its logger from the ctx).
func (c *Client) retryClient(ctx context.Context, st *attempts, endpoint string) *retryablehttp.Client {
	rc := &retryablehttp.Client{
		HTTPClient:   c.http,
		RetryWaitMin: c.waitMin,
		RetryWaitMax: c.waitMax,
		RetryMax:     c.retryMax,
		CheckRetry: func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			return c.checkRetry(ctx, st, resp, err)
		},
		Backoff: func(time.Duration, time.Duration, int, *http.Response) time.Duration { return st.wait },
		PrepareRetry: func(req *http.Request) error {
			st.retried = st.retried || st.reached
			if err := c.pacer.wait(req.Context(), endpoint); err != nil {
				st.canceled = true
				return err
			}
			return nil
		},
		// When retries run out on a transient answer (5xx, 429), hand that
		// answer to decode so the caller sees its code; otherwise pass the error.
		ErrorHandler: func(resp *http.Response, err error, _ int) (*http.Response, error) {
			if resp != nil && !st.canceled && ctx.Err() == nil {
				return resp, nil
			}
			if resp != nil {
				resp.Body.Close()
			}
			return nil, err
		},
	}
	if c.logger != nil {
		rc.Logger = leveledLogger{ctx: ctx, c: c}
	}
	return rc
}

// checkRetry decides whether an attempt is transient: connection errors and
// timeouts, and answers coded 429 or 5xx. An answer's code is its meta code
// (it peeks the body and restores it), whatever the HTTP status: v2 answers
// errors with HTTP 200, and under v4, which sets both, a 41xx meta code is
// final whatever the status says. Only an answer without the envelope (a
// proxy's page, an empty 502) is judged by its HTTP status. It also picks the
// backoff, so a 429 can pause every caller of the Client for the same time.
func (c *Client) checkRetry(ctx context.Context, st *attempts, resp *http.Response, err error) (bool, error) {
	st.n++
	st.reached, st.code, st.wait = false, 0, 0
	if ctx.Err() != nil {
		// Cancelled: no further attempt, but an answer that came back (a
		// write finishing, see finishingWrites) is still the answer.
		if err == nil {
			return false, nil
		}
		return false, ctx.Err()
	}
	var retry bool
	switch {
	case err != nil:
		retry, _ = retryablehttp.DefaultRetryPolicy(ctx, nil, err) // keeps its list of permanent errors (bad scheme, TLS)
		st.reached = retry && !isDialError(err)
	default:
		body, readErr := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
		resp.Body.Close()
		if readErr != nil { // the connection broke mid-answer
			resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), errReader{readErr}))
			retry, st.reached = true, true
			break
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		if st.code = peekMetaCode(body); st.code == 0 {
			st.code = resp.StatusCode
		}
		switch {
		case st.code == http.StatusTooManyRequests:
			retry = true
		case st.code >= 500 && st.code < 600: // v2's 500 and 503, v4's 511 to 513, a proxy's 502
			retry, st.reached = true, true
		}
	}
	if retry {
		st.wait = c.retryWait(st.n-1, st.code, resp)
		if st.code == http.StatusTooManyRequests {
			c.rateLimited(ctx, st.wait)
		}
	}
	return retry, nil
}

// rateLimited holds every call of the client back for pause after a 429,
// and says why once per pause: a 429 at our own pacing means the account's
// budget is shared or smaller than requests_per_second.
func (c *Client) rateLimited(ctx context.Context, pause time.Duration) {
	if !c.pacer.pause(pause) {
		return
	}
	msg := rateLimitWarning(pause, DefaultRequestsPerSecond(c.version))
	c.rateLimitNotices.Store(&msg)
	c.warn(ctx, msg, nil)
}

// rateLimitWarning is what the client says when a 429 pauses it, on an API
// version whose accounts are allowed defaultRate requests a second.
func rateLimitWarning(pause time.Duration, defaultRate float64) string {
	limit := "1 request a second"
	if defaultRate != 1 {
		limit = fmt.Sprintf("%g requests a second", defaultRate)
	}
	return fmt.Sprintf("TrackingMore answered 429 (rate limit exceeded): every call of this provider waits %s before the next one, "+
		"as TrackingMore asks. Either another integration uses the same API key at the same time, or requests_per_second "+
		"is above the account's limit (%s unless TrackingMore raised it): lower requests_per_second, "+
		"or give the other integration its own key.", pause.Round(time.Second), limit)
}

// TakeRateLimitNotice returns the warning of the latest 429 pause the first
// time it is asked for, so that it reaches the user once.
func (c *Client) TakeRateLimitNotice() (string, bool) {
	msg := c.rateLimitNotices.Swap(nil)
	if msg == nil {
		return "", false
	}
	return *msg, true
}

// retryWait honours Retry-After on 429/503; a 429 without one waits the
// rate-limit pause TrackingMore documents (two minutes); anything else backs
// off exponentially with jitter: half of min·2^attempt fixed, half random,
// within [min, max].
func (c *Client) retryWait(attempt, code int, resp *http.Response) time.Duration {
	if d, ok := retryAfter(resp, code); ok {
		return d
	}
	if code == http.StatusTooManyRequests {
		return c.rateLimitPause
	}
	d := c.waitMax
	if attempt < 32 {
		if exp := c.waitMin << attempt; exp > 0 && exp < d {
			d = exp
		}
	}
	d = d/2 + rand.N(d/2+1)
	return max(d, c.waitMin)
}

// retryAfter is resp's Retry-After (seconds or an HTTP date) when code is
// 429 or 503, read by retryablehttp's DefaultBackoff as it reads it for
// those HTTP statuses; code is the HTTP status or, in an HTTP-200 answer,
// the meta code, so that a meta 429 is honoured alike. It is capped at
// maxRetryAfter.
func retryAfter(resp *http.Response, code int) (time.Duration, bool) {
	if resp == nil {
		return 0, false
	}
	// DefaultBackoff returns the header's wait (never negative), else
	// min·2^0: a negative min says there was none.
	const none = -time.Nanosecond
	coded := *resp
	coded.StatusCode = code
	d := retryablehttp.DefaultBackoff(none, none, 0, &coded)
	if d < 0 {
		return 0, false
	}
	return min(d, maxRetryAfter), true
}

func peekMetaCode(body []byte) int {
	var env struct {
		Meta struct {
			Code FlexInt `json:"code"`
		} `json:"meta"`
	}
	if json.Unmarshal(body, &env) != nil {
		return 0
	}
	return int(env.Meta.Code)
}

// isDialError: the connection was never made, so the server saw nothing.
func isDialError(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// leveledLogger routes retryablehttp's logs into Logger. retryablehttp logs
// method, redacted URL (no key: it travels in a header) and errors; values are
// redacted anyway.
type leveledLogger struct {
	ctx context.Context
	c   *Client
}

func (l leveledLogger) Error(msg string, kv ...any) { l.c.warn(l.ctx, l.msg(msg), l.fields(kv)) }
func (l leveledLogger) Warn(msg string, kv ...any)  { l.c.warn(l.ctx, l.msg(msg), l.fields(kv)) }
func (l leveledLogger) Info(msg string, kv ...any)  { l.c.debug(l.ctx, l.msg(msg), l.fields(kv)) }
func (l leveledLogger) Debug(msg string, kv ...any) { l.c.debug(l.ctx, l.msg(msg), l.fields(kv)) }

func (l leveledLogger) msg(m string) string { return "TrackingMore API: " + m }

func (l leveledLogger) fields(kv []any) map[string]any {
	f := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		f[fmt.Sprint(kv[i])] = l.c.redact(fmt.Sprint(kv[i+1]))
	}
	return f
}
