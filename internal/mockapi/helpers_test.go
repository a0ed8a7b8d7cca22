package mockapi

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const testKey = "test-key"

// clock is a settable real clock for Options.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// mock is a server under test on loopback.
type mock struct {
	t     testing.TB
	srv   *Server
	url   string
	clock *clock
}

// newMock starts a server; the real clock is frozen at a fixed instant
// unless opts.Now is set, so token buckets refill only when the test says.
func newMock(t testing.TB, opts Options) *mock {
	t.Helper()
	m := &mock{t: t, clock: &clock{t: time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)}}
	if opts.Now == nil {
		opts.Now = m.clock.Now
	}
	m.srv = New(opts)
	ts := httptest.NewServer(m.srv)
	t.Cleanup(ts.Close)
	m.url = ts.URL
	return m
}

// answer is a decoded /v2 response.
type answer struct {
	status int
	header http.Header
	Meta   meta            `json:"meta"`
	Data   json.RawMessage `json:"data"`
}

// call sends a /v2 request with the test key; body is JSON-encoded unless
// it is a string (sent as is) or nil.
func (m *mock) call(method, path string, body any) answer {
	m.t.Helper()
	return m.callKey(testKey, method, path, body)
}

func (m *mock) callKey(apiKey, method, path string, body any) answer {
	m.t.Helper()
	a := m.envelope(apiKey, method, "/v2"+path, body)
	if a.Meta.Code != 200 && a.Meta.Code != 201 && string(a.Data) != "[]" {
		m.t.Fatalf("%s %s: meta %d with data %s, want []", method, path, a.Meta.Code, a.Data)
	}
	return a
}

// v4 sends a /v4 request with the test key.
func (m *mock) v4(method, path string, body any) answer {
	m.t.Helper()
	return m.v4Key(testKey, method, path, body)
}

// v4Key sends a /v4 request and checks v4's framing: data null on errors,
// and the HTTP status of v4's table for every meta code.
func (m *mock) v4Key(apiKey, method, path string, body any) answer {
	m.t.Helper()
	a := m.envelope(apiKey, method, "/v4"+path, body)
	if a.Meta.Code != 200 && string(a.Data) != "null" {
		m.t.Fatalf("%s %s: meta %d with data %s, want null", method, path, a.Meta.Code, a.Data)
	}
	status := 400 // 400 and every 41xx
	switch c := a.Meta.Code; c {
	case 200, 401, 404, 429:
		status = c
	case 511, 512:
		status = 500
	}
	if a.status != status || a.Meta.Type != "" || a.Meta.Message == "" {
		m.t.Fatalf("%s %s: HTTP %d meta %+v, want HTTP %d and a v4 meta", method, path, a.status, a.Meta, status)
	}
	return a
}

// envelope sends a request and decodes its envelope.
func (m *mock) envelope(apiKey, method, path string, body any) answer {
	m.t.Helper()
	resp, err := m.send(apiKey, method, path, body)
	if err != nil {
		m.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, header: resp.Header}
	if err := json.Unmarshal(raw, &a); err != nil {
		m.t.Fatalf("%s %s: not an envelope: %v: %s", method, path, err, raw)
	}
	return a
}

func (m *mock) send(apiKey, method, path string, body any) (*http.Response, error) {
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			m.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, m.url+path, rd)
	if err != nil {
		m.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if apiKey != "" {
		req.Header.Set(keyHeader(path), apiKey)
	}
	return http.DefaultClient.Do(req)
}

// keyHeader is the API key header of the version path belongs to.
func keyHeader(path string) string {
	if strings.HasPrefix(path, "/v4") {
		return "Tracking-Api-Key"
	}
	return "Trackingmore-Api-Key"
}

// admin calls a /__mock endpoint and decodes its JSON answer into out.
func (m *mock) admin(method, path string, body any, out any) int {
	m.t.Helper()
	resp, err := m.send("", method, "/__mock/"+path, body)
	if err != nil {
		m.t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			m.t.Fatal(err)
		}
	}
	return resp.StatusCode
}

// want checks the meta code and decodes data into out (if not nil).
func (a answer) want(t testing.TB, code int, out any) {
	t.Helper()
	if a.Meta.Code != code {
		t.Fatalf("meta %d %q (%s), want %d", a.Meta.Code, a.Meta.Message, a.Data, code)
	}
	if out != nil {
		if err := json.Unmarshal(a.Data, out); err != nil {
			t.Fatalf("data %s: %v", a.Data, err)
		}
	}
}

// obj is a generic JSON object.
type obj = map[string]any

func (m *mock) create(number, carrier string, extra obj) obj {
	m.t.Helper()
	body := obj{"tracking_number": number, "carrier_code": carrier}
	for k, v := range extra {
		body[k] = v
	}
	var out obj
	m.call("POST", "/trackings/post", body).want(m.t, 200, &out)
	return out
}

func (m *mock) get(carrier, number string) obj {
	m.t.Helper()
	var out obj
	m.call("GET", "/trackings/"+carrier+"/"+number, nil).want(m.t, 200, &out)
	return out
}

// quota is the remaining quota of the test key's account.
func (m *mock) quota() int64 {
	m.t.Helper()
	a, ok := m.srv.Account(testKey)
	if !ok {
		m.t.Fatal("the test key opens no account")
	}
	return a.Quota()
}
