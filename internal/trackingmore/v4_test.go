package trackingmore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

func v4Client(f *fakeAPI, t *testing.T, mod ...func(*Config)) *Client {
	t.Helper()
	return f.client(t, append([]func(*Config){func(c *Config) { c.APIVersion = APIVersionV4 }}, mod...)...)
}

// v4Reply is a v4 error answer: the HTTP status set beside the meta code.
func v4Reply(status, code int, msg string) reply {
	return reply{status: status, body: fmt.Sprintf(`{"meta":{"code":%d,"message":%q},"data":null}`, code, msg)}
}

func TestV4Config(t *testing.T) {
	if _, err := New(Config{APIKey: "k", APIVersion: "v3"}); err == nil || !strings.Contains(err.Error(), `"v3"`) {
		t.Errorf("unknown version: %v", err)
	}
	for version, want := range map[string]struct {
		base      string
		endpoints []string
	}{
		"":           {DefaultBaseURL, []string{"/trackings/get", "/trackings/realtime"}},
		APIVersionV2: {DefaultBaseURL, []string{"/trackings/get", "/trackings/realtime"}},
		APIVersionV4: {DefaultBaseURLV4, []string{"/trackings/create"}},
	} {
		c, err := New(Config{APIKey: "k", APIVersion: version, RequestsPerSecond: DefaultRequestsPerSecond(version)})
		if err != nil {
			t.Fatal(err)
		}
		if c.base != want.base || c.APIVersion() != orDefault(version, APIVersionV2) {
			t.Errorf("%q: base %s, version %s", version, c.base, c.APIVersion())
		}
		if got := slices.Sorted(maps.Keys(c.pacer.endpoints)); !slices.Equal(got, want.endpoints) {
			t.Errorf("%q: endpoints with their own limit %v, want %v", version, got, want.endpoints)
		}
	}
	if !strings.Contains(rateLimitWarning(time.Minute, 10), "10 requests a second unless") ||
		!strings.Contains(rateLimitWarning(time.Minute, 1), "(1 request a second unless") {
		t.Error("the 429 warning names the wrong default budget")
	}
}

// What v4 sends: its key header, its paths, its field names; an id once known.
func TestV4Wire(t *testing.T) {
	t.Parallel()
	const id = "0123456789abcdef0123456789abcdef"
	f := newFakeAPI(t, func(_ int, r seen) reply {
		if r.Method == "GET" {
			return ok(`[]`)
		}
		return ok(`{"id":"` + id + `","tracking_number":"1Z999AA10123456784","courier_code":"ups","archived":"true","created_at":"2024-03-01T08:00:00+00:00"}`)
	})
	c := v4Client(f, t)
	ctx := context.Background()
	last := func() seen { t.Helper(); reqs := f.requests(); return reqs[len(reqs)-1] }

	created, err := c.CreateTracking(ctx, CreateTrackingRequest{
		TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups", DestinationCode: "DE", Title: "gift", CustomerEmail: EmailList{"a@b.c", "d@e.f"},
		OrderID: "SO-1", TrackingAccountNumber: "acc", SpecialNumberDestination: "FR", Lang: "en", Note: "n", OrderNumber: "ON-1",
		OrderDate: "2024-03-01T08:00:00+00:00", CustomerSMS: "+1",
	})
	if err != nil || created.ID != id || !bool(created.Archived) {
		t.Fatalf("%+v, %v", created, err)
	}
	r := last()
	if r.Method != "POST" || r.Path != "/trackings/create" || r.Header.Get("Tracking-Api-Key") != testKey || r.Header.Get("Trackingmore-Api-Key") != "" {
		t.Errorf("create: %s %s, headers %v", r.Method, r.Path, r.Header)
	}
	jsonEqual(t, r.Body, `{"tracking_number":"1Z999AA10123456784","courier_code":"ups","destination_country_iso2":"DE","title":"gift",
		"customer_email":"a@b.c,d@e.f","order_id":"SO-1","tracking_courier_account":"acc","tracking_destination_country":"FR",
		"language":"en","note":"n","order_number":"ON-1","order_date":"2024-03-01T08:00:00+00:00","customer_sms":"+1"}`)

	// The create's answer gave the id: the update goes straight to it.
	title, archived, emails := "renamed", StringBool(false), EmailList{"x@y.z"}
	if _, err := c.UpdateTracking(ctx, "ups", "1Z999AA10123456784", UpdateTrackingRequest{Title: &title, Archived: &archived, CustomerEmail: &emails}); err != nil {
		t.Fatal(err)
	}
	if r := last(); r.Method != "PUT" || r.Path != "/trackings/update/"+id {
		t.Errorf("update: %s %s", r.Method, r.Path)
	} else {
		jsonEqual(t, r.Body, `{"title":"renamed","archived_status":"false","customer_email":"x@y.z"}`)
	}
	if err := c.ChangeCarrier(ctx, "ups", "1Z999AA10123456784", "dhl"); err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, last().Body, `{"courier_code_new":"dhl"}`)
	if err := c.DeleteTracking(ctx, "dhl", "1Z999AA10123456784"); err != nil {
		t.Fatal(err)
	}
	if r := last(); r.Method != "DELETE" || r.Path != "/trackings/delete/"+id || len(r.Body) != 0 {
		t.Errorf("delete after the carrier change: %s %s %q", r.Method, r.Path, r.Body)
	}

	archivedOnly := false
	if _, err := c.ListTrackings(ctx, ListOptions{Page: 2, Limit: 50, Status: "transit", CarrierCode: "ups", Numbers: []string{"A0001", "B0002"},
		CreatedAtMin: time.Date(2024, 3, 1, 9, 0, 0, 0, time.FixedZone("CET", 3600)), UpdateTimeMax: time.Unix(1709280000, 0),
		Archived: &archivedOnly, Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"pages_amount": "2", "items_amount": "50", "delivery_status": "transit", "courier_code": "ups",
		"tracking_numbers": "A0001,B0002", "created_date_min": "2024-03-01T08:00:00+00:00", "updated_date_max": "2024-03-01T08:00:00+00:00",
		"archived_status": "false", "lang": "en"}
	if q := last().Query; len(q) != len(want) {
		t.Errorf("list query %v, want %v", q, want)
	} else {
		for k, v := range want {
			if q.Get(k) != v {
				t.Errorf("list %s = %q, want %q", k, q.Get(k), v)
			}
		}
	}
	if _, err := c.ListTrackings(ctx, ListOptions{}); err != nil || last().Query.Get("items_amount") != "100" || last().Query.Get("pages_amount") != "1" {
		t.Errorf("a list without page or size sends both: %v, %v", last().Query, err)
	}
}

// v4 sets the HTTP status beside the meta code: each code maps onto the
// kinds v2's do, and only server errors and 429s are retried, whatever the
// HTTP status says.
func TestV4Codes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		reply reply
		calls int
		is    func(error) bool
	}{
		{"exists", v4Reply(400, 4101, "Tracking No. already exists."), 1, IsAlreadyExists},
		{"exists, under a wrong HTTP status", v4Reply(500, 4101, "Tracking No. already exists."), 1, IsAlreadyExists},
		{"not found", v4Reply(400, 4102, "Tracking No. does not exist."), 1, IsNotFound},
		{"invalid carrier", v4Reply(400, 4120, "The value of courier_code is invalid."), 1, IsInvalidCarrier},
		{"no courier", v4Reply(400, 4121, "Cannot detect courier."), 1, func(err error) bool { return IsInvalidCarrier(err) && IsUndetectable(err) }},
		{"quota", v4Reply(400, 4190, "quota"), 1, IsQuotaExhausted},
		{"key", v4Reply(401, 401, "Authentication failed."), 1, IsUnauthorized},
		{"permission", v4Reply(403, 403, "No permission."), 1, IsUnauthorized},
		{"wrong path", v4Reply(404, 404, "Page does not exist."), 1, func(err error) bool { return !IsNotFound(err) && hasCode(err, false, 404) }},
		{"server error", v4Reply(500, 511, "Server error."), 4, func(err error) bool { return hasCode(err, false, 511) && wasRetried(err) }},
		{"rate limited", v4Reply(429, 429, "Exceeded API request limits."), 4, IsRateLimited},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t, serve(tc.reply))
			_, err := v4Client(f, t).createOne(context.Background(), CreateTrackingRequest{TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups"})
			if !tc.is(err) {
				t.Errorf("err = %v", err)
			}
			if n := len(f.requests()); n != tc.calls {
				t.Errorf("%d requests, want %d", n, tc.calls)
			}
		})
	}
	// v2 numbers its codes otherwise: the same numbers mean other things there.
	if !IsNotFound(&APIError{Code: 404}) || IsNotFound(&APIError{Code: 404, APIVersion: APIVersionV4}) ||
		IsUnauthorized(&APIError{Code: 403}) || IsAlreadyExists(&APIError{Code: 4101}) || IsAlreadyExists(&APIError{Code: 4016, APIVersion: APIVersionV4}) {
		t.Error("a code read in the other version's numbering")
	}
}

// A v4 429 pauses every caller of the client, for its Retry-After when it
// has one, as a v2 429 does.
func TestV4ThrottlePausesEveryCaller(t *testing.T) {
	t.Parallel()
	throttled := v4Reply(429, 429, "Exceeded API request limits.")
	throttled.header = map[string]string{"Retry-After": "1"}
	f := newFakeAPI(t, sequence(throttled, ok(`[]`)))
	c := v4Client(f, t, func(c *Config) { c.MaxRetries = 0 })
	if _, err := c.ListCarriers(context.Background(), ""); !IsRateLimited(err) {
		t.Fatalf("err = %v", err)
	}
	start := time.Now()
	if _, err := c.ListCarriers(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Errorf("next call started after %v, want the 1s pause", d)
	}
	if msg, ok := c.TakeRateLimitNotice(); !ok || !strings.Contains(msg, "waits 1s") {
		t.Errorf("notice %q", msg)
	}
}

// The key never shows, in v4 errors or logs either.
func TestV4KeyNeverShown(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t, serve(v4Reply(401, 401, "key "+testKey+" is unknown")))
	log := &captureLogger{}
	_, err := v4Client(f, t, func(c *Config) { c.Logger = log }).ListCarriers(context.Background(), "")
	if err == nil || strings.Contains(err.Error(), testKey) || strings.Contains(log.text(), testKey) || !strings.Contains(err.Error(), "<redacted>") {
		t.Errorf("err %v\nlog %s", err, log.text())
	}
}
