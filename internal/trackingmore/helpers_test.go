package trackingmore

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

const testKey = "tk-SECRET-0123456789abcdef"

// seen is one request as the fake API received it.
type seen struct {
	Method string
	Path   string // escaped, as on the wire, below /v2
	Query  url.Values
	Header http.Header
	Body   []byte
}

// reply is what the fake API answers; reset drops the connection instead.
type reply struct {
	status int
	body   string
	header map[string]string
	reset  bool
}

func ok(data string) reply {
	return reply{body: `{"meta":{"code":200,"type":"Success","message":"Success"},"data":` + data + `}`}
}

func meta(code int, msg string) reply {
	return reply{body: fmt.Sprintf(`{"meta":{"code":%d,"type":"Bad Request","message":%q},"data":[]}`, code, msg)}
}

func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// fakeAPI records requests and answers them with handle(n, req), n counting from 0.
type fakeAPI struct {
	URL    string
	mu     sync.Mutex
	reqs   []seen
	handle func(n int, r seen) reply
}

func newFakeAPI(t testing.TB, handle func(n int, r seen) reply) *fakeAPI {
	t.Helper()
	f := &fakeAPI{handle: handle}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		path, _, _ := strings.Cut(r.RequestURI, "?")
		s := seen{Method: r.Method, Path: strings.TrimPrefix(path, "/v2"), Query: r.URL.Query(), Header: r.Header.Clone(), Body: body}
		f.mu.Lock()
		n := len(f.reqs)
		f.reqs = append(f.reqs, s)
		f.mu.Unlock()
		rep := f.handle(n, s)
		if rep.reset {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		for k, v := range rep.header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(max(rep.status, 200))
		_, _ = io.WriteString(w, rep.body)
	}))
	t.Cleanup(srv.Close)
	f.URL = srv.URL + "/v2/"
	return f
}

func (f *fakeAPI) requests() []seen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seen(nil), f.reqs...)
}

func (f *fakeAPI) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reqs = nil
}

// client builds a Client for f with fast retries and a short pause after a
// 429 (tests of the pause set their own); mod adjusts the config.
func (f *fakeAPI) client(t testing.TB, mod ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{APIKey: testKey, BaseURL: f.URL, MaxRetries: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
		RateLimitPause: 5 * time.Millisecond, RequestTimeout: 5 * time.Second, UserAgent: "test-agent/1.0"}
	for _, m := range mod {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// serve answers every request with the same reply.
func serve(rep reply) func(int, seen) reply { return func(int, seen) reply { return rep } }

// sequence answers the n-th request with reps[n], repeating the last one.
func sequence(reps ...reply) func(int, seen) reply {
	return func(n int, _ seen) reply { return reps[min(n, len(reps)-1)] }
}

// jsonEqual compares two JSON texts structurally.
func jsonEqual(t testing.TB, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("body %q: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want %q: %v", want, err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("body = %s\nwant   %s", got, want)
	}
}

// captureLogger records every log line as text.
type captureLogger struct {
	mu    sync.Mutex
	lines []string
}

func (l *captureLogger) Debug(_ context.Context, msg string, f map[string]any) {
	l.add("DEBUG", msg, f)
}
func (l *captureLogger) Warn(_ context.Context, msg string, f map[string]any) { l.add("WARN", msg, f) }

func (l *captureLogger) add(level, msg string, f map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf("%s %s %v", level, msg, f))
}

func (l *captureLogger) text() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

func trackingJSON(number, carrier, createdAt string) string {
	return fmt.Sprintf(`{"id":"376c250081c4553cb197894fa49d888a","tracking_number":%q,"carrier_code":%q,"status":"pending","created_at":%q}`, number, carrier, createdAt)
}

func nowISO() string { return time.Now().Format("2006-01-02T15:04:05-07:00") }
