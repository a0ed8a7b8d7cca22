package trackingmore

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestNewValidates(t *testing.T) {
	for name, cfg := range map[string]Config{
		"no key":           {},
		"key with newline": {APIKey: "abc\ndef"},
		"bad scheme":       {APIKey: "k", BaseURL: "ftp://api.example.com"},
		"no host":          {APIKey: "k", BaseURL: "http://"},
		"unparsable":       {APIKey: "k", BaseURL: "http://[::1"},
		"with query":       {APIKey: "k", BaseURL: "https://api.example.com/v2?x=1"},
		"negative retries": {APIKey: "k", MaxRetries: -1},
		"negative timeout": {APIKey: "k", RequestTimeout: -time.Second},
		"negative rps":     {APIKey: "k", RequestsPerSecond: -1},
		"negative wait":    {APIKey: "k", RetryWaitMin: -1},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: no error", name)
		} else if cfg.APIKey != "" && cfg.APIKey != "k" && strings.Contains(err.Error(), cfg.APIKey) {
			t.Errorf("%s: error leaks the key: %v", name, err)
		}
	}
	c, err := New(Config{APIKey: "k", BaseURL: "https://api.example.com/v2/", RetryWaitMin: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if c.base != "https://api.example.com/v2" || c.waitMax != time.Minute || c.http.Timeout != defaultTimeout || c.pacer.shared != nil {
		t.Errorf("defaults: %+v", c)
	}
	if c, _ := New(Config{APIKey: "k"}); c.base != DefaultBaseURL || c.waitMin != defaultRetryWaitMin || c.waitMax != defaultRetryWaitMax {
		t.Errorf("defaults: %+v", c)
	}
}

// TestPathEscaping bypasses the public validation: whatever a segment holds,
// it stays one segment.
func TestPathEscaping(t *testing.T) {
	f := newFakeAPI(t, serve(ok(`[]`)))
	c := f.client(t)
	for number, want := range map[string]string{
		"../x":     "/trackings/ups/..%2Fx",
		"a/b":      "/trackings/ups/a%2Fb",
		"..":       "/trackings/ups/%2E%2E",
		".":        "/trackings/ups/%2E",
		"a?b#c%20": "/trackings/ups/a%3Fb%23c%2520",
		"x y":      "/trackings/ups/x%20y",
	} {
		before := len(f.requests())
		if _, err := c.do(context.Background(), get("trackings", "ups", number), nil); err != nil {
			t.Fatalf("%q: %v", number, err)
		}
		reqs := f.requests()
		if len(reqs) != before+1 || reqs[len(reqs)-1].Path != want {
			t.Errorf("%q reached %q, want %q", number, reqs[len(reqs)-1].Path, want)
		}
	}
	if _, err := c.do(context.Background(), get("trackings", "ups", ""), nil); err == nil {
		t.Error("empty segment accepted")
	}
	// The public methods refuse such values before any request.
	n := len(f.requests())
	for _, err := range []error{
		func() error { _, err := c.GetTracking(context.Background(), "ups", "../x1234", ""); return err }(),
		func() error {
			_, err := c.GetTracking(context.Background(), "ups", "1Z999AA10123456784", "../")
			return err
		}(),
		c.DeleteTracking(context.Background(), "UPS/x", "1Z999AA10123456784"),
		func() error {
			_, err := c.UpdateTracking(context.Background(), "ups", "a/b/c/d", UpdateTrackingRequest{})
			return err
		}(),
	} {
		if err == nil {
			t.Error("invalid ref accepted")
		}
	}
	if len(f.requests()) != n {
		t.Error("invalid refs reached the server")
	}
}

func TestHeaders(t *testing.T) {
	f := newFakeAPI(t, serve(ok(`{"email":"a@b.c","regtime":"1500000000","phone":"","money":"0.00","track_number":"120"}`)))
	info, err := f.client(t).GetUserInfo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.TrackNumber != 120 || info.RegTime != 1500000000 || info.Email != "a@b.c" {
		t.Errorf("user info: %+v", info)
	}
	h := f.requests()[0].Header
	if h.Get("Trackingmore-Api-Key") != testKey || h.Get("Content-Type") != "application/json" || h.Get("User-Agent") != "test-agent/1.0" {
		t.Errorf("headers: %v", h)
	}
}

// TestEndpoints checks the method, path, query and body of every call and
// that its answer is decoded.
func TestEndpoints(t *testing.T) {
	ctx := context.Background()
	tracking := trackingJSON("RH051844173TR", "turkey-post", "2017-07-07T01:59:51+00:00")
	archived := true
	title := "gift"
	for _, tc := range []struct {
		name, method, path string
		query              map[string]string
		body               string // "" = no body expected
		answer             reply
		call               func(c *Client) (any, error)
		want               any
	}{
		{
			name: "create", method: "POST", path: "/trackings/post",
			body:   `{"tracking_number":"RH051844173TR","carrier_code":"turkey-post","title":"gift","lang":"en"}`,
			answer: ok(`{"tracking_number":"RH051844173TR","destination":"US"}`),
			call: func(c *Client) (any, error) {
				t, err := c.CreateTracking(ctx, CreateTrackingRequest{TrackingNumber: "RH051844173TR", CarrierCode: "turkey-post", Title: "gift", Lang: "en"})
				return t.DestinationCode, err
			},
			want: FlexString("US"),
		},
		{
			name: "get", method: "GET", path: "/trackings/turkey-post/RH051844173TR",
			answer: ok(tracking),
			call: func(c *Client) (any, error) {
				t, err := c.GetTracking(ctx, "turkey-post", "RH051844173TR", "")
				return t.TrackingNumber, err
			},
			want: "RH051844173TR",
		},
		{
			name: "get with lang", method: "GET", path: "/trackings/turkey-post/RH051844173TR/cn",
			answer: ok(tracking),
			call: func(c *Client) (any, error) {
				t, err := c.GetTracking(ctx, "turkey-post", "RH051844173TR", "cn")
				return t.CarrierCode, err
			},
			want: "turkey-post",
		},
		{
			name: "update", method: "PUT", path: "/trackings/turkey-post/RH051844173TR",
			body:   `{"title":"gift","archived":"true","status":4}`,
			answer: ok(`{"status":4,"archived":"true","title":"gift"}`),
			call: func(c *Client) (any, error) {
				a, s := StringBool(true), ManualStatusDelivered
				t, err := c.UpdateTracking(ctx, "turkey-post", "RH051844173TR", UpdateTrackingRequest{Title: &title, Archived: &a, Status: &s})
				return []any{t.Status, t.Archived}, err
			},
			want: []any{FlexString("4"), FlexBool(true)},
		},
		{
			name: "delete", method: "DELETE", path: "/trackings/turkey-post/RH051844173TR",
			answer: ok(`[]`),
			call:   func(c *Client) (any, error) { return nil, c.DeleteTracking(ctx, "turkey-post", "RH051844173TR") },
		},
		{
			name: "change carrier", method: "POST", path: "/trackings/update",
			body:   `{"tracking_number":"RH051844173TR","carrier_code":"turkey-post","update_carrier_code":"dhl"}`,
			answer: ok(`{"Usertag":""}`),
			call: func(c *Client) (any, error) {
				return nil, c.ChangeCarrier(ctx, "turkey-post", "RH051844173TR", "dhl")
			},
		},
		{
			name: "batch create", method: "POST", path: "/trackings/batch",
			body:   `[{"tracking_number":"RH051844173TR","carrier_code":"turkey-post"}]`,
			answer: reply{body: fixture(t, "batch_partial.json")},
			call: func(c *Client) (any, error) {
				r, err := c.CreateTrackings(ctx, []CreateTrackingRequest{{TrackingNumber: "RH051844173TR", CarrierCode: "turkey-post"}})
				return []int{r.Submitted, r.Added, len(r.Trackings), len(r.Errors)}, err
			},
			want: []int{3, 2, 1, 1},
		},
		{
			name: "batch update", method: "POST", path: "/trackings/updatemore",
			body:   `[{"tracking_number":"RH051844173TR","carrier_code":"turkey-post","title":"gift"}]`,
			answer: ok(`{"submitted":1,"updated":1,"trackings":[{"tracking_number":"RH051844173TR","title":"gift"}],"errors":[]}`),
			call: func(c *Client) (any, error) {
				r, err := c.UpdateTrackings(ctx, []BatchUpdateItem{{TrackingRef: TrackingRef{"RH051844173TR", "turkey-post"}, UpdateTrackingRequest: UpdateTrackingRequest{Title: &title}}})
				return []any{r.Submitted, r.Updated, r.Trackings[0].Title}, err
			},
			want: []any{1, 1, FlexString("gift")},
		},
		{
			name: "batch delete", method: "POST", path: "/trackings/delete",
			body:   `[{"tracking_number":"RH051844173TR","carrier_code":"turkey-post"},{"tracking_number":"RH051844174TR","carrier_code":"turkey-post"}]`,
			answer: ok(`{"submitted":2,"delete":1,"trackings":[{"meta":{"tracking_number":"RH051844173TR","carrier_code":"turkey-post","code":200,"message":"ok"}},{"tracking_number":"RH051844174TR","carrier_code":"turkey-post","code":4017,"message":"does not exist"}]}`),
			call: func(c *Client) (any, error) {
				r, err := c.DeleteTrackings(ctx, []TrackingRef{{"RH051844173TR", "turkey-post"}, {"RH051844174TR", "turkey-post"}})
				return []any{r.Submitted, r.Deleted, len(r.Errors), int(r.Errors[0].Code)}, err
			},
			want: []any{2, []TrackingRef{{"RH051844173TR", "turkey-post"}}, 1, 4017},
		},
		{
			name: "stop updating", method: "POST", path: "/trackings/notupdate",
			body:   `[{"tracking_number":"RH051844173TR","carrier_code":"turkey-post"}]`,
			answer: ok(`{"submitted":1,"notupdate":1,"errors":[]}`),
			call: func(c *Client) (any, error) {
				r, err := c.StopUpdating(ctx, []TrackingRef{{"RH051844173TR", "turkey-post"}})
				return []int{r.Submitted, r.Stopped}, err
			},
			want: []int{1, 1},
		},
		{
			name: "list", method: "GET", path: "/trackings/get",
			query: map[string]string{"page": "2", "limit": "50", "status": "transit", "created_at_min": "1500000000",
				"numbers": "RH051844173TR,RH051844174TR", "archived": "true", "lang": "en"},
			answer: reply{body: fixture(t, "list_page.json")},
			call: func(c *Client) (any, error) {
				p, err := c.ListTrackings(ctx, ListOptions{Page: 2, Limit: 50, Status: "transit", CreatedAtMin: time.Unix(1500000000, 0),
					Numbers: []string{"RH051844173TR", "RH051844174TR"}, Archived: &archived, Lang: "en"})
				return []any{p.Total, len(p.Items)}, err
			},
			want: []any{FlexInt(3), 1},
		},
		{
			name: "realtime", method: "POST", path: "/trackings/realtime",
			body:   `{"tracking_number":"3502339401241","carrier_code":"bestex","order":"A1"}`,
			answer: reply{body: fixture(t, "realtime_null_destination.json")},
			call: func(c *Client) (any, error) {
				tr, err := c.RealtimeTracking(ctx, RealtimeRequest{TrackingNumber: "3502339401241", CarrierCode: "bestex", Order: "A1"})
				return tr.Status, err
			},
			want: FlexString("pickup"),
		},
		{
			name: "status counts", method: "GET", path: "/trackings/getstatusnumber",
			query:  map[string]string{"created_at_min": "1500000000", "order_created_time_max": "1600000000"},
			answer: ok(`{"pending":1,"notfound":"2","transit":3,"pickup":0,"delivered":4,"undelivered":0,"exception":0,"expired":0}`),
			call: func(c *Client) (any, error) {
				sc, err := c.GetStatusCounts(ctx, StatusCountOptions{CreatedAtMin: time.Unix(1500000000, 0), OrderCreatedTimeMax: time.Unix(1600000000, 0)})
				return sc.Total, err
			},
			want: FlexInt(10),
		},
		{
			name: "remote", method: "POST", path: "/trackings/remote",
			body:   `[{"country":"AU","postcode":"0872"}]`,
			answer: ok(`[{"country":"AU","postcode":"0872","company":"","remote":true}]`),
			call: func(c *Client) (any, error) {
				r, err := c.CheckRemoteAreas(ctx, []RemoteAreaQuery{{Country: "AU", Postcode: "0872"}})
				return bool(r[0].Remote), err
			},
			want: true,
		},
		{
			name: "costtime", method: "POST", path: "/trackings/costtime",
			body:   `[{"carrier_code":"dhl","original":"CN","destination":"US"}]`,
			answer: ok(`[{"carrier_code":"dhl","original":"CN","destination":"US","total":"100","delivered":90,"range1":"50%"}]`),
			call: func(c *Client) (any, error) {
				r, err := c.TransitTimes(ctx, []TransitRoute{{CarrierCode: "dhl", Original: "CN", Destination: "US"}})
				return []any{r[0].Total, r[0].Range1}, err
			},
			want: []any{FlexInt(100), FlexString("50%")},
		},
		{
			name: "aircargo one", method: "POST", path: "/trackings/aircargo",
			body:   `{"track_number":"784-26549375","lang":"en"}`,
			answer: ok(`{"track_number":"784-26549375","piece":"3","track_info":[{"event":"DEP"}]}`),
			call: func(c *Client) (any, error) {
				r, err := c.AirCargo(ctx, AirCargoRequest{Numbers: []string{"784-26549375"}, Lang: "en"})
				return []any{len(r), r[0].Piece, r[0].TrackInfo[0].Event}, err
			},
			want: []any{1, FlexInt(3), FlexString("DEP")},
		},
		{
			name: "aircargo many", method: "POST", path: "/trackings/aircargo",
			body:   `{"track_number":["784-26549375","17612345678"]}`,
			answer: ok(`[{"track_number":"784-26549375"},{"track_number":"17612345678"}]`),
			call: func(c *Client) (any, error) {
				r, err := c.AirCargo(ctx, AirCargoRequest{Numbers: []string{"784-26549375", "17612345678"}})
				return len(r), err
			},
			want: 2,
		},
		{
			name: "carriers", method: "GET", path: "/carriers",
			answer: ok(`[{"name":"DHL","code":"dhl","phone":null,"homepage":"https://dhl.com","type":"express","picture":""}]`),
			call: func(c *Client) (any, error) {
				r, err := c.ListCarriers(ctx, "")
				return r[0].Code, err
			},
			want: FlexString("dhl"),
		},
		{
			name: "detect", method: "POST", path: "/carriers/detect",
			body:   `{"tracking_number":"RH051844173TR"}`,
			answer: ok(`[{"name":"Turkey Post","code":"turkey-post"}]`),
			call: func(c *Client) (any, error) {
				r, err := c.DetectCarrier(ctx, "RH051844173TR")
				return r[0].Code, err
			},
			want: FlexString("turkey-post"),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeAPI(t, serve(tc.answer))
			got, err := tc.call(f.client(t))
			if err != nil {
				t.Fatal(err)
			}
			if tc.want != nil && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("result = %#v, want %#v", got, tc.want)
			}
			reqs := f.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests", len(reqs))
			}
			r := reqs[0]
			if r.Method != tc.method || r.Path != tc.path {
				t.Errorf("request %s %s, want %s %s", r.Method, r.Path, tc.method, tc.path)
			}
			for k, v := range tc.query {
				if got := strings.Join(r.Query[k], ","); got != v {
					t.Errorf("query %s = %q, want %q", k, got, v)
				}
			}
			if len(r.Query) != len(tc.query) {
				t.Errorf("query %v, want %v", r.Query, tc.query)
			}
			if tc.body == "" {
				if len(r.Body) != 0 {
					t.Errorf("unexpected body %s", r.Body)
				}
			} else {
				jsonEqual(t, r.Body, tc.body)
			}
		})
	}
}

func TestCarriersLangHeader(t *testing.T) {
	f := newFakeAPI(t, serve(ok(`[]`)))
	if _, err := f.client(t).ListCarriers(context.Background(), "cn"); err != nil {
		t.Fatal(err)
	}
	if got := f.requests()[0].Header.Get("Lang"); got != "cn" {
		t.Errorf("Lang header = %q", got)
	}
}

func TestErrorPredicates(t *testing.T) {
	for _, tc := range []struct {
		answer reply
		is     func(error) bool
	}{
		{meta(4032, "Cannot detect"), IsUndetectable},
		{meta(4021, "quota"), IsQuotaExhausted},
		{meta(4001, "Invalid API key"), IsUnauthorized},
		{meta(4002, "deleted"), IsUnauthorized},
		{reply{status: 401, body: `{"meta":{"code":401,"type":"Unauthorized","message":"Unauthorized"},"data":[]}`}, IsUnauthorized},
		{meta(4017, "does not exist"), IsNotFound},
		{meta(4031, "not added"), IsNotFound},
		{meta(404, "not found"), IsNotFound},
	} {
		f := newFakeAPI(t, serve(tc.answer))
		_, err := f.client(t).DetectCarrier(context.Background(), "RH051844173TR")
		if !tc.is(err) {
			t.Errorf("%s: %v", tc.answer.body, err)
		}
		if len(f.requests()) != 1 {
			t.Errorf("%s: business error retried", tc.answer.body)
		}
	}
	if IsNotFound(errors.New("4017")) || IsRateLimited(nil) {
		t.Error("predicates match non-API errors")
	}
}

func TestGetNotFoundOnFirstAttempt(t *testing.T) {
	f := newFakeAPI(t, serve(meta(4031, "Tracking No Found")))
	c := f.client(t)
	if _, err := c.GetTracking(context.Background(), "ups", "1Z999AA10123456784", ""); !IsNotFound(err) {
		t.Errorf("get: %v", err)
	}
	err := c.DeleteTracking(context.Background(), "ups", "1Z999AA10123456784")
	var e *APIError
	if !IsNotFound(err) || !errors.As(err, &e) || e.Retried || e.Method != http.MethodDelete || e.Path != "/trackings/ups/1Z999AA10123456784" {
		t.Errorf("delete: %#v", err)
	}
}

func TestKeyNeverLeaks(t *testing.T) {
	log := &captureLogger{}
	withLog := func(c *Config) { c.Logger = log; c.MaxRetries = 1 }
	var errs []error
	for _, rep := range []reply{
		{status: 401, body: `{"meta":{"code":401,"type":"Unauthorized","message":"no key"},"data":[]}`},
		{body: `{"meta":{"code":4001,"type":"Unauthorized","message":"Invalid API key ` + testKey + `"},"data":[]}`},
		{status: 500, body: `oops ` + testKey},
		{body: `{"meta":{"code":200},"data":{"id":{"` + testKey + `":1}}}`},
		{reset: true},
	} {
		f := newFakeAPI(t, serve(rep))
		_, err := f.client(t, withLog).GetTracking(context.Background(), "ups", "1Z999AA10123456784", "")
		errs = append(errs, err)
	}
	// A transport error: nothing listens.
	f := newFakeAPI(t, serve(ok(`[]`)))
	c := f.client(t, withLog, func(c *Config) { c.BaseURL = "http://127.0.0.1:1/v2" })
	_, err := c.GetUserInfo(context.Background())
	errs = append(errs, err)
	for _, err := range errs {
		if err == nil {
			t.Fatal("expected an error")
		}
		if strings.Contains(err.Error(), testKey) {
			t.Errorf("error leaks the key: %v", err)
		}
	}
	if !IsUnauthorized(errs[0]) || !IsUnauthorized(errs[1]) || !strings.Contains(errs[1].Error(), "<redacted>") {
		t.Errorf("unauthorized errors: %v / %v", errs[0], errs[1])
	}
	if text := log.text(); strings.Contains(text, testKey) || !strings.Contains(text, "retrying") {
		t.Errorf("logs leak the key or miss retries:\n%s", text)
	}
}

func TestRedirectNotFollowed(t *testing.T) {
	target := newFakeAPI(t, serve(ok(`{}`)))
	f := newFakeAPI(t, serve(reply{status: http.StatusFound, header: map[string]string{"Location": target.URL + "trackings/getuserinfo"}}))
	_, err := f.client(t).GetUserInfo(context.Background())
	var e *APIError
	if !errors.As(err, &e) || e.HTTPStatus != http.StatusFound || len(target.requests()) != 0 {
		t.Errorf("err = %v, redirect target saw %d requests", err, len(target.requests()))
	}
}
