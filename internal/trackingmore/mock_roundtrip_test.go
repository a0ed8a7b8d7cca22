package trackingmore_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// newMock is acctest.NewMock with a client that retries within
// milliseconds and gives up on a call after 5 s, changed by mod.
func newMock(t *testing.T, opts mockapi.Options, mod ...func(*trackingmore.Config)) (*mockapi.Server, *trackingmore.Client) {
	t.Helper()
	m := acctest.NewMock(t, opts, append([]func(*trackingmore.Config){fast}, mod...)...)
	return m.Server, m.Client
}

func fast(cfg *trackingmore.Config) {
	cfg.RetryWaitMin, cfg.RetryWaitMax, cfg.RequestTimeout = time.Millisecond, 5*time.Millisecond, 5*time.Second
}

// clientOf is one more client of the mock at url, as newMock builds them.
func clientOf(t *testing.T, url string, mod ...func(*trackingmore.Config)) *trackingmore.Client {
	t.Helper()
	cfg := trackingmore.Config{APIKey: acctest.APIKey, BaseURL: url, MaxRetries: 3}
	for _, m := range append([]func(*trackingmore.Config){fast}, mod...) {
		m(&cfg)
	}
	c, err := trackingmore.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func code(err error) int {
	var e *trackingmore.APIError
	if errors.As(err, &e) {
		return e.Code
	}
	return -1
}

// must unwraps a call's result; an error panics, which fails the test with
// its stack (a generic helper cannot take t alongside a multi-value call).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestMockRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	mock, c := newMock(t, mockapi.Options{Limits: mockapi.NoLimits})

	// Single trackings.
	created := must(c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{
		TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups", Title: "gift", DestinationCode: "DE", CustomerEmail: trackingmore.EmailList{"a@b.c", "d@e.f"},
	}))
	if created.ID == "" || created.Status != "pending" || created.Title != "gift" || created.DestinationCode != "DE" {
		t.Errorf("created: %+v", created)
	}
	got := must(c.GetTracking(ctx, "ups", "1Z999AA10123456784", "en"))
	if got.ID != created.ID || !slices.Equal(got.CustomerEmail, trackingmore.EmailList{"a@b.c", "d@e.f"}) {
		t.Errorf("get: %+v", got)
	}
	title, archived, status := "renamed", trackingmore.StringBool(true), trackingmore.ManualStatusDelivered
	updated := must(c.UpdateTracking(ctx, "ups", "1Z999AA10123456784", trackingmore.UpdateTrackingRequest{Title: &title, Archived: &archived, Status: &status}))
	if updated.Title != "renamed" || !bool(updated.Archived) {
		t.Errorf("update: %+v", updated)
	}
	if got := must(c.GetTracking(ctx, "ups", "1Z999AA10123456784", "")); got.Status != "delivered" {
		t.Errorf("status after manual 4: %q", got.Status)
	}
	if err := c.ChangeCarrier(ctx, "ups", "1Z999AA10123456784", "dhl"); err != nil {
		t.Fatal(err)
	}
	must(c.GetTracking(ctx, "dhl", "1Z999AA10123456784", ""))
	rt := must(c.RealtimeTracking(ctx, trackingmore.RealtimeRequest{TrackingNumber: "RR123456785CN", CarrierCode: "china-post"}))
	if rt.TrackingNumber != "RR123456785CN" {
		t.Errorf("realtime: %+v", rt)
	}

	// Batches: 95 items are three calls.
	var items []trackingmore.CreateTrackingRequest
	var refs []trackingmore.TrackingRef
	for i := range 95 {
		n := fmt.Sprintf("BATCH%05d", i)
		items = append(items, trackingmore.CreateTrackingRequest{TrackingNumber: n, CarrierCode: "usps"})
		refs = append(refs, trackingmore.TrackingRef{TrackingNumber: n, CarrierCode: "usps"})
	}
	before := mock.Stats().ByEndpoint["POST /trackings/batch"]
	batch := must(c.CreateTrackings(ctx, append(items, trackingmore.CreateTrackingRequest{TrackingNumber: "BATCH00000", CarrierCode: "usps"})))
	if batch.Added != 95 || len(batch.Trackings) != 95 || len(batch.Errors) != 1 || batch.Errors[0].Code != 4016 {
		t.Errorf("batch create: added %d, %d trackings, errors %+v", batch.Added, len(batch.Trackings), batch.Errors)
	}
	if calls := mock.Stats().ByEndpoint["POST /trackings/batch"] - before; calls != 3 {
		t.Errorf("%d batch calls, want 3", calls)
	}
	var updates []trackingmore.BatchUpdateItem
	for _, r := range refs[:45] {
		updates = append(updates, trackingmore.BatchUpdateItem{TrackingRef: r, UpdateTrackingRequest: trackingmore.UpdateTrackingRequest{Title: &title}})
	}
	if u := must(c.UpdateTrackings(ctx, updates)); u.Updated != 45 || len(u.Trackings) != 45 || u.Trackings[44].Title != "renamed" {
		t.Errorf("batch update: %+v", u)
	}
	if s := must(c.StopUpdating(ctx, refs[:2])); s.Stopped != 2 {
		t.Errorf("stop updating: %+v", s)
	}

	// Lists.
	page := must(c.ListTrackings(ctx, trackingmore.ListOptions{Limit: 10}))
	if page.Total != 96 || len(page.Items) != 10 {
		t.Errorf("list: total %d, %d items", page.Total, len(page.Items))
	}
	all, total, err := c.ListAllTrackings(ctx, trackingmore.ListOptions{Limit: 30}, 0)
	if err != nil || total != 96 || len(all) != 96 {
		t.Errorf("list all: %d items, total %d, %v", len(all), total, err)
	}
	var numbers []string
	for _, r := range refs[:85] {
		numbers = append(numbers, r.TrackingNumber)
	}
	if all, _, err := c.ListAllTrackings(ctx, trackingmore.ListOptions{Numbers: numbers}, 0); err != nil || len(all) != 85 {
		t.Errorf("list by 85 numbers: %d, %v", len(all), err)
	}
	if all, _, _ := c.ListAllTrackings(ctx, trackingmore.ListOptions{Limit: 30}, 40); len(all) != 40 {
		t.Errorf("max 40: %d", len(all))
	}

	counts := must(c.GetStatusCounts(ctx, trackingmore.StatusCountOptions{CreatedAtMin: time.Now().Add(-time.Hour)}))
	if counts.Total != 96 || counts.Delivered != 1 {
		t.Errorf("status counts: %+v", counts)
	}

	// Deletes.
	del := must(c.DeleteTrackings(ctx, refs))
	if len(del.Deleted) != 95 || len(del.Errors) != 0 {
		t.Errorf("batch delete: %d deleted, errors %+v", len(del.Deleted), del.Errors)
	}
	if err := c.DeleteTracking(ctx, "dhl", "1Z999AA10123456784"); err != nil {
		t.Fatal(err)
	}

	// Everything else.
	info := must(c.GetUserInfo(ctx))
	if info.TrackNumber <= 0 || info.TrackNumber >= mockapi.DefaultQuota {
		t.Errorf("user info: %+v", info)
	}
	if r := must(c.CheckRemoteAreas(ctx, []trackingmore.RemoteAreaQuery{{Country: "US", Postcode: "10001"}})); len(r) != 1 || r[0].Postcode != "10001" {
		t.Errorf("remote: %+v", r)
	}
	if tt := must(c.TransitTimes(ctx, []trackingmore.TransitRoute{{CarrierCode: "dhl", Original: "CN", Destination: "US"}})); len(tt) != 1 || tt[0].CarrierCode != "dhl" {
		t.Errorf("costtime: %+v", tt)
	}
	if ac := must(c.AirCargo(ctx, trackingmore.AirCargoRequest{Numbers: []string{"784-26549375"}})); len(ac) != 1 || ac[0].TrackNumber == "" {
		t.Errorf("aircargo one: %+v", ac)
	}
	if ac := must(c.AirCargo(ctx, trackingmore.AirCargoRequest{Numbers: []string{"784-26549375", "176-12345675"}})); len(ac) != 2 {
		t.Errorf("aircargo many: %+v", ac)
	}
	if cs := must(c.ListCarriers(ctx, "cn")); len(cs) < 10 {
		t.Errorf("carriers: %d", len(cs))
	}
	if d := must(c.DetectCarrier(ctx, "1Z999AA10123456784")); len(d) == 0 || d[0].Code != "ups" {
		t.Errorf("detect: %+v", d)
	}
}

func TestMockErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	mock, c := newMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	req := trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups"}
	must(c.CreateTracking(ctx, req))
	bad := trackingmore.ManualStatus(5)
	var waybills []string
	for i := range 41 {
		waybills = append(waybills, fmt.Sprintf("784-%08d", i))
	}
	for _, tc := range []struct {
		name string
		want int
		is   func(error) bool
		err  error
	}{
		{"duplicate", 4016, trackingmore.IsAlreadyExists, func() error { _, err := c.CreateTracking(ctx, req); return err }()},
		{"get unknown", 4031, trackingmore.IsNotFound, func() error { _, err := c.GetTracking(ctx, "ups", "1Z999AA10123456785", ""); return err }()},
		{"delete unknown", 4017, trackingmore.IsNotFound, c.DeleteTracking(ctx, "ups", "1Z999AA10123456785")},
		{"carrier invalid", 4015, nil, func() error {
			_, err := c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10123456786", CarrierCode: "no-such-carrier"})
			return err
		}()},
		{"number invalid", 4014, nil, func() error {
			_, err := c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "a b", CarrierCode: "ups"})
			return err
		}()},
		{"bad manual status", 4033, nil, func() error {
			_, err := c.UpdateTracking(ctx, "ups", "1Z999AA10123456784", trackingmore.UpdateTrackingRequest{Status: &bad})
			return err
		}()},
		{"over 40", 202, nil, func() error { _, err := c.AirCargo(ctx, trackingmore.AirCargoRequest{Numbers: waybills}); return err }()},
		{"undetectable", 4032, trackingmore.IsUndetectable, func() error { _, err := c.DetectCarrier(ctx, "XX"); return err }()},
	} {
		if code(tc.err) != tc.want || (tc.is != nil && !tc.is(tc.err)) {
			t.Errorf("%s: %v, want code %d", tc.name, tc.err, tc.want)
		}
	}

	mock.SetQuota(0)
	if _, err := c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10123456787", CarrierCode: "ups"}); !trackingmore.IsQuotaExhausted(err) {
		t.Errorf("quota: %v", err)
	}
	res, err := c.CreateTrackings(ctx, []trackingmore.CreateTrackingRequest{{TrackingNumber: "1Z999AA10123456787", CarrierCode: "ups"}})
	if err != nil || len(res.Errors) != 1 || res.Errors[0].Code != 4021 {
		t.Errorf("batch quota: %+v, %v", res, err)
	}

	_, unauthorized := newMock(t, mockapi.Options{APIKeys: []string{"another-key"}, Limits: mockapi.NoLimits})
	if _, err := unauthorized.GetUserInfo(ctx); !trackingmore.IsUnauthorized(err) || code(err) != 4001 {
		t.Errorf("wrong key: %v", err)
	}
}

// adoptionCounter counts the client's adoptions of retried creates.
type adoptionCounter struct{ n atomic.Int64 }

func (a *adoptionCounter) Debug(context.Context, string, map[string]any) {}

func (a *adoptionCounter) Warn(_ context.Context, msg string, _ map[string]any) {
	if strings.Contains(msg, "adopted") {
		a.n.Add(1)
	}
}

// TestMockFaults: with injected 5xx, resets and resets after a write, every
// create and delete still succeeds, exactly once.
func TestMockFaults(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	adoptions := &adoptionCounter{}
	mock, c := newMock(t, mockapi.Options{Seed: 7, Limits: mockapi.NoLimits}, func(cfg *trackingmore.Config) { cfg.MaxRetries = 12; cfg.Logger = adoptions })
	mock.SetFaults(mockapi.Faults{ErrorRate: 0.3, ResetRate: 0.1, ResetAfterWriteRate: 0.1})
	const n = 40
	for i := range n {
		tr, err := c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: fmt.Sprintf("FAULT%05d", i), CarrierCode: "usps"})
		if err != nil || tr.TrackingNumber != fmt.Sprintf("FAULT%05d", i) {
			t.Fatalf("create %d: %+v, %v", i, tr, err)
		}
	}
	var items []trackingmore.CreateTrackingRequest
	for i := range 60 {
		items = append(items, trackingmore.CreateTrackingRequest{TrackingNumber: fmt.Sprintf("FBATCH%05d", i), CarrierCode: "usps"})
	}
	res, err := c.CreateTrackings(ctx, items)
	if err != nil || len(res.Trackings) != 60 || len(res.Errors) != 0 {
		t.Fatalf("batch under faults: %d created, errors %+v, %v", len(res.Trackings), res.Errors, err)
	}
	if got := mock.TrackingCount(); got != n+60 {
		t.Errorf("%d trackings stored, want %d", got, n+60)
	}
	if s := mock.Stats(); s.Faults == 0 || adoptions.n.Load() == 0 {
		t.Errorf("faults %d, adoptions %d: the test exercised nothing", s.Faults, adoptions.n.Load())
	}
	for i := range n {
		if err := c.DeleteTracking(ctx, "usps", fmt.Sprintf("FAULT%05d", i)); err != nil {
			t.Fatalf("delete %d: %v", i, err)
		}
	}
	if got := mock.TrackingCount(); got != 60 {
		t.Errorf("%d trackings left, want 60", got)
	}
}

func TestMockThrottleAndPacing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	mock, c := newMock(t, mockapi.Options{Limits: mockapi.Limits{RateLimit: 50}},
		func(cfg *trackingmore.Config) { cfg.RequestsPerSecond = 50 })
	for range 3 {
		must(c.ListTrackings(ctx, trackingmore.ListOptions{}))
	}
	if s := mock.Stats(); s.Throttled != 0 {
		t.Errorf("paced client was throttled %d times", s.Throttled)
	}
	// Unpaced, the documented limit answers 429 with Retry-After: 1, which
	// the client honours and then succeeds.
	_, unpaced := newMock(t, mockapi.Options{Limits: mockapi.Limits{RateLimit: 50, RetryAfter: time.Second}})
	for range 2 {
		must(unpaced.ListTrackings(ctx, trackingmore.ListOptions{}))
	}
}
