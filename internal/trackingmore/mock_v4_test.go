package trackingmore_test

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// v4 points a client's configuration at the mock's /v4, in v4.
func v4(cfg *trackingmore.Config) {
	cfg.APIVersion = trackingmore.APIVersionV4
	cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/v2") + "/v4"
}

// newMockV4 is acctest.NewMock with a v4 client; m.URL still names /v2, so
// clientOf(t, m.URL) is a v2 client of the same accounts and
// clientOf(t, m.URL, v4) another v4 one.
func newMockV4(t *testing.T, opts mockapi.Options, mod ...func(*trackingmore.Config)) *acctest.Mock {
	t.Helper()
	return acctest.NewMock(t, opts, append([]func(*trackingmore.Config){fast, v4}, mod...)...)
}

// calls counts a mock's calls of each endpoint since it was made.
type calls struct {
	mock   *acctest.Mock
	before map[string]int64
}

func countCalls(m *acctest.Mock) *calls { return &calls{mock: m, before: m.Stats().ByEndpoint} }

// of is how many calls endpoint ("METHOD /v4/path-template") got since.
func (c *calls) of(endpoint string) int64 {
	return c.mock.Stats().ByEndpoint[endpoint] - c.before[endpoint]
}

var v4ID = regexp.MustCompile(`^[0-9a-f]{32}$`)

func TestV4RoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m := newMockV4(t, mockapi.Options{Limits: mockapi.NoLimits})
	c := m.Client
	n := countCalls(m)

	created := must(c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{
		TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups", Title: "gift", DestinationCode: "DE",
		CustomerEmail: trackingmore.EmailList{"a@b.c", "d@e.f"}, OrderID: "SO-1", Note: "leave at the door",
		OrderNumber: "ON-7", OrderDate: "2026-03-01T08:00:00+00:00", CustomerSMS: "+4915112345678",
	}))
	if !v4ID.MatchString(created.ID) || created.Status != "pending" || created.Title != "gift" || created.DestinationCode != "DE" ||
		created.Note != "leave at the door" || created.OrderNumber != "ON-7" || created.OrderDate == "" || created.CustomerSMS != "+4915112345678" ||
		!slices.Equal(created.CustomerEmail, trackingmore.EmailList{"a@b.c", "d@e.f"}) || created.CreatedAt == "" || created.OriginInfo == nil {
		t.Errorf("created: %+v", created)
	}
	if n.of("POST /v4/trackings/create") != 1 || n.of("GET /v4/trackings/get") != 0 {
		t.Errorf("a create is one call, its answer the whole tracking: %v", m.Stats().ByEndpoint)
	}
	got := must(c.GetTracking(ctx, "ups", "1Z999AA10123456784", "en"))
	if got.ID != created.ID || got.OrderID != "SO-1" || got.Note != "leave at the door" || got.UpdatedAt == "" {
		t.Errorf("get: %+v", got)
	}

	title, archived := "renamed", trackingmore.StringBool(true)
	updated := must(c.UpdateTracking(ctx, "ups", "1Z999AA10123456784", trackingmore.UpdateTrackingRequest{Title: &title, Archived: &archived}))
	if updated.ID != created.ID || updated.Title != "renamed" || !bool(updated.Archived) {
		t.Errorf("update echo: %+v", updated)
	}
	if got := must(c.GetTracking(ctx, "ups", "1Z999AA10123456784", "")); got.Title != "renamed" || !bool(got.Archived) {
		t.Errorf("after update: %+v", got)
	}
	if err := c.ChangeCarrier(ctx, "ups", "1Z999AA10123456784", "dhl"); err != nil {
		t.Fatal(err)
	}
	if moved := must(c.GetTracking(ctx, "dhl", "1Z999AA10123456784", "")); moved.ID != created.ID {
		t.Errorf("after the carrier change: %+v", moved)
	}
	if _, err := c.GetTracking(ctx, "ups", "1Z999AA10123456784", ""); !trackingmore.IsNotFound(err) {
		t.Errorf("under the old carrier: %v", err)
	}
	// The create, get, update echo and list answers gave the id: no write looked it up.
	if n.of("PUT /v4/trackings/update/{id}") != 2 || n.of("GET /v4/trackings/get") != 4 {
		t.Errorf("calls: %v", m.Stats().ByEndpoint)
	}

	// Batches: 95 creates are three batch calls, each read back in one list call.
	var items []trackingmore.CreateTrackingRequest
	var refs []trackingmore.TrackingRef
	for i := range 95 {
		number := fmt.Sprintf("BATCH%05d", i)
		items = append(items, trackingmore.CreateTrackingRequest{TrackingNumber: number, CarrierCode: "usps", Title: "t" + number})
		refs = append(refs, trackingmore.TrackingRef{TrackingNumber: number, CarrierCode: "usps"})
	}
	n = countCalls(m)
	batch := must(c.CreateTrackings(ctx, append(items, trackingmore.CreateTrackingRequest{TrackingNumber: "BATCH00000", CarrierCode: "usps"})))
	if batch.Submitted != 96 || batch.Added != 95 || len(batch.Trackings) != 95 || len(batch.Errors) != 1 ||
		!trackingmore.IsAlreadyExists(batch.Errors[0].Err()) || batch.Errors[0].Code != 4101 {
		t.Fatalf("batch create: submitted %d, added %d, %d trackings, errors %+v", batch.Submitted, batch.Added, len(batch.Trackings), batch.Errors)
	}
	for i, tr := range batch.Trackings {
		if tr.TrackingNumber != items[i].TrackingNumber || string(tr.Title) != items[i].Title || tr.Status != "pending" || !v4ID.MatchString(tr.ID) {
			t.Fatalf("batch tracking %d: %+v", i, tr)
		}
	}
	if n.of("POST /v4/trackings/batch") != 3 || n.of("GET /v4/trackings/get") != 3 {
		t.Errorf("calls: %v", m.Stats().ByEndpoint)
	}

	// No batch update or delete on v4: one call each, ids known from the batch.
	n = countCalls(m)
	var updates []trackingmore.BatchUpdateItem
	for _, r := range refs[:45] {
		updates = append(updates, trackingmore.BatchUpdateItem{TrackingRef: r, UpdateTrackingRequest: trackingmore.UpdateTrackingRequest{Title: &title}})
	}
	missing := trackingmore.TrackingRef{TrackingNumber: "NEVERADDED1", CarrierCode: "usps"}
	updates = append(updates, trackingmore.BatchUpdateItem{TrackingRef: missing, UpdateTrackingRequest: trackingmore.UpdateTrackingRequest{Title: &title}})
	u := must(c.UpdateTrackings(ctx, updates))
	if u.Submitted != 46 || u.Updated != 45 || len(u.Trackings) != 45 || u.Trackings[44].Title != "renamed" ||
		len(u.Errors) != 1 || u.Errors[0].TrackingNumber != "NEVERADDED1" || !trackingmore.IsNotFound(u.Errors[0].Err()) {
		t.Errorf("batch update: %+v", u)
	}
	if n.of("PUT /v4/trackings/update/{id}") != 45 || n.of("GET /v4/trackings/get") != 1 {
		t.Errorf("calls: %v", m.Stats().ByEndpoint)
	}

	// Lists.
	page := must(c.ListTrackings(ctx, trackingmore.ListOptions{Limit: 10}))
	if len(page.Items) != 10 || page.Total != 0 || page.Limit != 10 || page.Page != 1 {
		t.Errorf("list: %+v", page)
	}
	all, total, err := c.ListAllTrackings(ctx, trackingmore.ListOptions{Limit: 30}, 0)
	if err != nil || total != 96 || len(all) != 96 {
		t.Errorf("list all: %d items, total %d, %v", len(all), total, err)
	}
	if all, total, _ := c.ListAllTrackings(ctx, trackingmore.ListOptions{Limit: 30}, 40); len(all) != 40 || total != 60 {
		t.Errorf("max 40: %d, total %d (what was listed)", len(all), total)
	}
	var numbers []string
	for _, r := range refs[:85] {
		numbers = append(numbers, r.TrackingNumber)
	}
	if all, _, err := c.ListAllTrackings(ctx, trackingmore.ListOptions{Numbers: numbers}, 0); err != nil || len(all) != 85 {
		t.Errorf("list by 85 numbers: %d, %v", len(all), err)
	}
	yes := true
	if archivedOnes, _, _ := c.ListAllTrackings(ctx, trackingmore.ListOptions{Archived: &yes, CarrierCode: "dhl"}, 0); len(archivedOnes) != 1 {
		t.Errorf("archived dhl trackings: %d", len(archivedOnes))
	}
	createdAt := map[trackingmore.TrackingRef]time.Time{}
	for _, tr := range batch.Trackings[:10] {
		at, err := time.Parse(time.RFC3339, string(tr.CreatedAt))
		if err != nil {
			t.Fatal(err)
		}
		createdAt[trackingmore.TrackingRef{TrackingNumber: tr.TrackingNumber, CarrierCode: tr.CarrierCode}] = at
	}
	if found := must(c.FindTrackings(ctx, slices.Concat(refs[:10], []trackingmore.TrackingRef{missing}), createdAt)); len(found) != 10 {
		t.Errorf("find: %d of 10", len(found))
	}

	// Deletes: one call each.
	n = countCalls(m)
	del := must(c.DeleteTrackings(ctx, refs))
	if del.Submitted != 95 || len(del.Deleted) != 95 || len(del.Errors) != 0 || n.of("DELETE /v4/trackings/delete/{id}") != 95 {
		t.Errorf("batch delete: %d deleted, errors %+v, calls %v", len(del.Deleted), del.Errors, m.Stats().ByEndpoint)
	}
	if err := c.DeleteTracking(ctx, "dhl", "1Z999AA10123456784"); err != nil {
		t.Fatal(err)
	}
	if m.TrackingCount() != 0 {
		t.Errorf("%d trackings left", m.TrackingCount())
	}

	// Carriers and air waybills.
	cs := must(c.ListCarriers(ctx, ""))
	if len(cs) < 1000 || cs[0].Code != "ups" || cs[0].Name == "" || cs[0].CountryISO2 != "US" || cs[0].Homepage == "" || cs[0].Type != "express" {
		t.Errorf("carriers: %d, first %+v", len(cs), cs[0])
	}
	if d := must(c.DetectCarrier(ctx, "1Z999AA10123456784")); len(d) == 0 || d[0].Code != "ups" || d[0].Name == "" {
		t.Errorf("detect: %+v", d)
	}
	ac := must(c.AirCargo(ctx, trackingmore.AirCargoRequest{Numbers: []string{"784-26549375", "176-12345675"}}))
	if len(ac) != 2 || ac[0].TrackNumber != "784-26549375" || ac[0].Piece == 0 || ac[0].StatusNumber == "" || len(ac[0].TrackInfo) == 0 || ac[0].TrackInfo[0].Event == "" {
		t.Errorf("air cargo: %+v", ac)
	}
	if got := m.Stats().ByEndpoint["POST /v4/awb"]; got != 2 {
		t.Errorf("%d /awb calls, want one a waybill", got)
	}
}

// A tracking read through v4 holds what the same tracking read through v2
// holds, field for field where the two versions share one.
func TestV4ReadsWhatV2Reads(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m := newMockV4(t, mockapi.Options{Limits: mockapi.NoLimits})
	viaV2 := clientOf(t, m.URL)
	for i := range 20 {
		must(m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: fmt.Sprintf("RR%09dCN", i), CarrierCode: "china-post",
			DestinationCode: []string{"", "DE", "US"}[i%3], Title: "parcel", CustomerEmail: trackingmore.EmailList{"a@example.com"}}))
	}
	m.Advance(6 * 24 * time.Hour)
	page := must(viaV2.ListTrackings(ctx, trackingmore.ListOptions{Limit: 100}))
	checked := 0
	for _, want := range page.Items {
		got := must(m.Client.GetTracking(ctx, want.CarrierCode, want.TrackingNumber, ""))
		same := got.ID == want.ID && got.Status == want.Status && got.Substatus == want.Substatus && got.Title == want.Title &&
			slices.Equal(got.CustomerEmail, want.CustomerEmail) && got.DestinationCode == want.DestinationCode && got.Archived == want.Archived &&
			got.CreatedAt == want.CreatedAt && got.UpdatedAt == want.UpdatedAt && got.ItemTimeLength == want.ItemTimeLength &&
			got.OriginInfo.CarrierCode == want.OriginInfo.CarrierCode && got.OriginInfo.Phone == want.OriginInfo.Phone &&
			(got.OriginInfo.ItemReceived == "") == (want.OriginInfo.ItemReceived == "") &&
			len(got.OriginInfo.TrackInfo) == len(want.OriginInfo.TrackInfo) &&
			(got.DestinationInfo.CarrierCode == "") == (want.DestinationInfo == nil || want.DestinationInfo.CarrierCode == "")
		for i := range got.OriginInfo.TrackInfo {
			g, w := got.OriginInfo.TrackInfo[i], want.OriginInfo.TrackInfo[i]
			same = same && g.StatusDescription == w.StatusDescription && g.Details == w.Details && g.CheckpointStatus == w.CheckpointStatus && g.Substatus == w.Substatus
		}
		if !same {
			t.Errorf("%s through v4: %+v\nthrough v2: %+v", want.TrackingNumber, got, want)
		}
		if len(got.OriginInfo.TrackInfo) > 0 {
			checked++
			first := got.OriginInfo.TrackInfo[0]
			if string(got.LastEvent) != string(first.StatusDescription)+","+string(first.Details)+","+string(first.Date) || got.LastUpdateTime != first.Date {
				t.Errorf("%s: last event %q at %q, newest checkpoint %+v", want.TrackingNumber, got.LastEvent, got.LastUpdateTime, first)
			}
		}
	}
	if checked == 0 {
		t.Error("no tracking had checkpoints: the test compared nothing of them")
	}
}

func TestV4Errors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m := newMockV4(t, mockapi.Options{Limits: mockapi.NoLimits})
	c := m.Client
	req := trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups"}
	must(c.CreateTracking(ctx, req))
	unknown := trackingmore.TrackingRef{TrackingNumber: "1Z999AA10123456785", CarrierCode: "ups"}
	title := "x"
	for _, tc := range []struct {
		name string
		want int
		is   func(error) bool
		err  error
	}{
		{"duplicate", 4101, trackingmore.IsAlreadyExists, func() error { _, err := c.CreateTracking(ctx, req); return err }()},
		{"get unknown", 4102, trackingmore.IsNotFound, func() error { _, err := c.GetTracking(ctx, "ups", unknown.TrackingNumber, ""); return err }()},
		{"update unknown", 4102, trackingmore.IsNotFound, func() error {
			_, err := c.UpdateTracking(ctx, "ups", unknown.TrackingNumber, trackingmore.UpdateTrackingRequest{Title: &title})
			return err
		}()},
		{"delete unknown", 4102, trackingmore.IsNotFound, c.DeleteTracking(ctx, "ups", unknown.TrackingNumber)},
		{"carrier invalid", 4120, trackingmore.IsInvalidCarrier, func() error {
			_, err := c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10123456786", CarrierCode: "no-such-carrier"})
			return err
		}()},
		{"new carrier invalid", 4120, trackingmore.IsInvalidCarrier, c.ChangeCarrier(ctx, "ups", req.TrackingNumber, "no-such-carrier")},
		{"number invalid", 4110, nil, func() error {
			_, err := c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "a b", CarrierCode: "ups"})
			return err
		}()},
		{"retrack of a tracking not expired", 4113, nil, func() error {
			_, err := c.RetrackTracking(ctx, trackingmore.TrackingRef{TrackingNumber: req.TrackingNumber, CarrierCode: "ups"})
			return err
		}()},
		{"undetectable", 4121, trackingmore.IsUndetectable, func() error { _, err := c.DetectCarrier(ctx, "XX"); return err }()},
		{"airline unknown", 4161, nil, func() error {
			_, err := c.AirCargo(ctx, trackingmore.AirCargoRequest{Numbers: []string{"555-12345678"}})
			return err
		}()},
	} {
		if code(tc.err) != tc.want || (tc.is != nil && !tc.is(tc.err)) {
			t.Errorf("%s: %v, want code %d", tc.name, tc.err, tc.want)
		}
		if strings.Contains(fmt.Sprint(tc.err), acctest.APIKey) {
			t.Errorf("%s: the error shows the key: %v", tc.name, tc.err)
		}
	}
	var apiErr *trackingmore.APIError
	if err := c.DeleteTracking(ctx, "ups", unknown.TrackingNumber); !errors.As(err, &apiErr) || apiErr.APIVersion != trackingmore.APIVersionV4 {
		t.Errorf("not found: %#v", err)
	}

	m.SetQuota(0)
	if _, err := c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10123456787", CarrierCode: "ups"}); !trackingmore.IsQuotaExhausted(err) || code(err) != 4190 {
		t.Errorf("quota: %v", err)
	}
	res, err := c.CreateTrackings(ctx, []trackingmore.CreateTrackingRequest{{TrackingNumber: "1Z999AA10123456787", CarrierCode: "ups"}})
	if err != nil || len(res.Errors) != 1 || !trackingmore.IsQuotaExhausted(res.Errors[0].Err()) {
		t.Errorf("batch quota: %+v, %v", res, err)
	}

	// v4's 404 names a path, never a tracking: a wrong base URL must not
	// read as "deleted outside Terraform".
	wrongPath := clientOf(t, m.URL, v4, func(cfg *trackingmore.Config) { cfg.BaseURL += "/nope" })
	if _, err := wrongPath.GetTracking(ctx, "ups", req.TrackingNumber, ""); trackingmore.IsNotFound(err) || code(err) != 404 {
		t.Errorf("wrong path: %v", err)
	}

	other := newMockV4(t, mockapi.Options{APIKeys: []string{"another-key"}, Limits: mockapi.NoLimits})
	if _, err := other.Client.ListCarriers(ctx, ""); !trackingmore.IsUnauthorized(err) || !errors.As(err, &apiErr) || apiErr.HTTPStatus != 401 {
		t.Errorf("wrong key: %v", err)
	}
}

// A 429 on v4 (HTTP 429, meta 429) pauses every call of the client as on
// v2, and the warning names v4's default budget.
func TestV4RateLimited(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m := newMockV4(t, mockapi.Options{}, func(cfg *trackingmore.Config) { cfg.MaxRetries = 0; cfg.RateLimitPause = time.Millisecond })
	var err error
	for i := 0; err == nil && i < 20; i++ { // the create limit is 3 a second, and the client unpaced
		_, err = m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: fmt.Sprintf("LIMIT%05d", i), CarrierCode: "usps"})
	}
	var apiErr *trackingmore.APIError
	if !trackingmore.IsRateLimited(err) || !errors.As(err, &apiErr) || apiErr.HTTPStatus != 429 {
		t.Fatalf("unpaced creates: %v", err)
	}
	if msg, ok := m.Client.TakeRateLimitNotice(); !ok || !strings.Contains(msg, "10 requests a second") {
		t.Errorf("notice: %q", msg)
	}
}

// v4 updates, deletes and retracks address a tracking by id: known from any
// answer that carried it, or from KnowID, else read (one list call).
func TestV4IDResolution(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m := newMockV4(t, mockapi.Options{Limits: mockapi.NoLimits})
	ref := trackingmore.TrackingRef{TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups"}
	created := must(m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: ref.TrackingNumber, CarrierCode: ref.CarrierCode}))
	title := "t"
	update := func(c *trackingmore.Client) error {
		_, err := c.UpdateTracking(ctx, ref.CarrierCode, ref.TrackingNumber, trackingmore.UpdateTrackingRequest{Title: &title})
		return err
	}
	expect := func(what string, n *calls, gets, puts int64) {
		t.Helper()
		if n.of("GET /v4/trackings/get") != gets || n.of("PUT /v4/trackings/update/{id}") != puts {
			t.Errorf("%s: %d reads, %d updates; want %d and %d", what, n.of("GET /v4/trackings/get"), n.of("PUT /v4/trackings/update/{id}"), gets, puts)
		}
	}

	n := countCalls(m)
	if err := update(m.Client); err != nil {
		t.Fatal(err)
	}
	expect("the creating client", n, 0, 1)

	fresh := clientOf(t, m.URL, v4)
	n = countCalls(m)
	if err := update(fresh); err != nil || update(fresh) != nil {
		t.Fatal(err)
	}
	expect("a client new to it, twice", n, 1, 2)

	told := clientOf(t, m.URL, v4)
	told.KnowID(ref, created.ID)
	n = countCalls(m)
	if err := update(told); err != nil {
		t.Fatal(err)
	}
	expect("a client told the id", n, 0, 1)

	for _, stale := range []string{"0123456789abcdef0123456789abcdef", "not-an-id"} {
		wrong := clientOf(t, m.URL, v4)
		wrong.KnowID(ref, stale)
		n = countCalls(m)
		if err := update(wrong); err != nil {
			t.Fatalf("told %q: %v", stale, err)
		}
		expect("a client told a wrong id "+stale, n, 1, 2)
	}

	// Deleted and added again elsewhere: the id fresh knows is gone; its
	// delete finds the new one.
	if err := m.Client.DeleteTracking(ctx, ref.CarrierCode, ref.TrackingNumber); err != nil {
		t.Fatal(err)
	}
	again := must(m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: ref.TrackingNumber, CarrierCode: ref.CarrierCode}))
	if again.ID == created.ID {
		t.Fatal("the mock reused the id")
	}
	n = countCalls(m)
	if err := fresh.DeleteTracking(ctx, ref.CarrierCode, ref.TrackingNumber); err != nil {
		t.Fatal(err)
	}
	if n.of("DELETE /v4/trackings/delete/{id}") != 2 || n.of("GET /v4/trackings/get") != 1 || m.TrackingCount() != 0 {
		t.Errorf("delete by a stale id: %v, %d left", m.Stats().ByEndpoint, m.TrackingCount())
	}
}

// Creates and reads that wait for the budget merge on v4 as on v2, into
// POST /trackings/batch and GET /trackings/get; updates and deletes have no
// batch form there and go one call each.
func TestV4MergedCalls(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	quota := int64(8)
	m := newMockV4(t, mockapi.Options{Limits: mockapi.NoLimits, Quota: &quota})
	must(m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "EXISTS0001", CarrierCode: "usps"}))
	c := clientOf(t, m.URL, v4, slowBudget)

	reqs := []trackingmore.CreateTrackingRequest{
		{TrackingNumber: "EXISTS0001", CarrierCode: "usps"},
		{TrackingNumber: "BADCARRIER1", CarrierCode: "nosuchcarrier"},
	}
	for i := range 8 { // quota left: 7, one of these finds it used up
		reqs = append(reqs, trackingmore.CreateTrackingRequest{TrackingNumber: fmt.Sprintf("MERGED%04d", i), CarrierCode: "usps", Title: fmt.Sprint("parcel ", i)})
	}
	n := countCalls(m)
	got := make([]*trackingmore.Tracking, len(reqs))
	errs := make([]error, len(reqs))
	concurrently(len(reqs), func(i int) { got[i], errs[i] = c.CreateTracking(ctx, reqs[i]) })
	if n.of("POST /v4/trackings/batch") != 1 || n.of("POST /v4/trackings/create") != 0 || n.of("GET /v4/trackings/get") != 1 {
		t.Fatalf("want the 10 creates in one batch call, read back in one list call: %v", m.Stats().ByEndpoint)
	}
	if !trackingmore.IsAlreadyExists(errs[0]) || !strings.Contains(errs[0].Error(), "(code 4101, POST /trackings/create)") {
		t.Errorf("existing: %v", errs[0])
	}
	if !trackingmore.IsInvalidCarrier(errs[1]) {
		t.Errorf("unknown carrier: %v", errs[1])
	}
	// created first, then the one the quota refused, which was never added
	var refs, neverAdded []trackingmore.TrackingRef
	for i := 2; i < len(reqs); i++ {
		ref := trackingmore.TrackingRef{TrackingNumber: reqs[i].TrackingNumber, CarrierCode: "usps"}
		switch {
		case errs[i] == nil && got[i].TrackingNumber == reqs[i].TrackingNumber && string(got[i].Title) == reqs[i].Title && got[i].Status == "pending":
			refs = append(refs, ref)
		case trackingmore.IsQuotaExhausted(errs[i]):
			neverAdded = append(neverAdded, ref)
		default:
			t.Errorf("%s: %+v, %v", reqs[i].TrackingNumber, got[i], errs[i])
		}
	}
	if len(refs) != 7 || len(neverAdded) != 1 {
		t.Fatalf("%d created, %d out of quota; want 7 and 1", len(refs), len(neverAdded))
	}
	refs = append(refs, neverAdded...)

	// Reads of trackings this client never saw: one listing of the account.
	reader := clientOf(t, m.URL, v4, func(cfg *trackingmore.Config) { cfg.RequestsPerSecond = 10 })
	n = countCalls(m)
	read := make([]*trackingmore.Tracking, len(refs))
	concurrently(len(refs), func(i int) {
		read[i], errs[i] = reader.GetTracking(ctx, refs[i].CarrierCode, refs[i].TrackingNumber, "")
	})
	for i := range 7 {
		if errs[i] != nil || read[i].TrackingNumber != refs[i].TrackingNumber {
			t.Errorf("read %d: %+v, %v", i, read[i], errs[i])
		}
	}
	if !trackingmore.IsNotFound(errs[7]) || !strings.Contains(errs[7].Error(), "GET /trackings/get") {
		t.Errorf("a tracking never added: %v", errs[7])
	}
	if n.of("GET /v4/trackings/get") > 2 {
		t.Errorf("8 merged reads cost %d list calls: %v", n.of("GET /v4/trackings/get"), m.Stats().ByEndpoint)
	}

	// The reader knows every id now: its concurrent updates and deletes are
	// one call each, and read nothing.
	n = countCalls(m)
	concurrently(len(refs), func(i int) {
		title := "retitled"
		_, errs[i] = reader.UpdateTracking(ctx, refs[i].CarrierCode, refs[i].TrackingNumber, trackingmore.UpdateTrackingRequest{Title: &title})
	})
	if err := errors.Join(errs[:7]...); err != nil {
		t.Fatal(err)
	}
	if !trackingmore.IsNotFound(errs[7]) {
		t.Errorf("update of a tracking never added: %v", errs[7])
	}
	concurrently(7, func(i int) { errs[i] = reader.DeleteTracking(ctx, refs[i].CarrierCode, refs[i].TrackingNumber) })
	if err := errors.Join(errs[:7]...); err != nil {
		t.Fatal(err)
	}
	if n.of("PUT /v4/trackings/update/{id}") != 7 || n.of("DELETE /v4/trackings/delete/{id}") != 7 || n.of("GET /v4/trackings/get") != 1 {
		t.Errorf("want 7 updates and 7 deletes, one call each, and one read for the tracking never added: %v", m.Stats().ByEndpoint)
	}
}

// A tracking created through v2 is the account's: a v4 client of the same
// key updates, retracks and deletes it.
func TestV4SharesV2Accounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m := newMockV4(t, mockapi.Options{Limits: mockapi.NoLimits})
	viaV2 := clientOf(t, m.URL)
	var items []trackingmore.CreateTrackingRequest
	for i := range 40 {
		items = append(items, trackingmore.CreateTrackingRequest{TrackingNumber: fmt.Sprintf("SHARED%05d", i), CarrierCode: "dhl", Title: "via v2"})
	}
	byV2 := must(viaV2.CreateTrackings(ctx, items))
	first := byV2.Trackings[0]

	title := "via v4"
	updated := must(m.Client.UpdateTracking(ctx, "dhl", first.TrackingNumber, trackingmore.UpdateTrackingRequest{Title: &title}))
	if updated.ID != first.ID {
		t.Errorf("v4 updated %s, v2 created %s", updated.ID, first.ID)
	}
	if got := must(viaV2.GetTracking(ctx, "dhl", first.TrackingNumber, "")); got.Title != "via v4" {
		t.Errorf("v2 reads %q", got.Title)
	}

	// Some journeys stall and expire after 30 days: only those can be retracked.
	m.Advance(31 * 24 * time.Hour)
	expired, _, err := m.Client.ListAllTrackings(ctx, trackingmore.ListOptions{Status: "expired"}, 1)
	if err != nil || len(expired) != 1 {
		t.Fatalf("an expired tracking among 40: %v, %v", expired, err)
	}
	retracked := must(m.Client.RetrackTracking(ctx, trackingmore.TrackingRef{TrackingNumber: expired[0].TrackingNumber, CarrierCode: "dhl"}))
	if retracked.ID != expired[0].ID || retracked.Status != "expired" {
		t.Errorf("retracked: %+v", retracked)
	}

	if err := m.Client.DeleteTracking(ctx, "dhl", first.TrackingNumber); err != nil {
		t.Fatal(err)
	}
	if _, err := viaV2.GetTracking(ctx, "dhl", first.TrackingNumber, ""); !trackingmore.IsNotFound(err) {
		t.Errorf("v2 after the v4 delete: %v", err)
	}
}

func TestV4Unsupported(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	m := newMockV4(t, mockapi.Options{Limits: mockapi.NoLimits})
	c := m.Client
	ref := trackingmore.TrackingRef{TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups"}
	empty := ""
	phone := "+1"
	for op, err := range map[string]error{
		"GetUserInfo":      func() error { _, err := c.GetUserInfo(ctx); return err }(),
		"GetStatusCounts":  func() error { _, err := c.GetStatusCounts(ctx, trackingmore.StatusCountOptions{}); return err }(),
		"CheckRemoteAreas": func() error { _, err := c.CheckRemoteAreas(ctx, nil); return err }(),
		"TransitTimes":     func() error { _, err := c.TransitTimes(ctx, nil); return err }(),
		"StopUpdating":     func() error { _, err := c.StopUpdating(ctx, []trackingmore.TrackingRef{ref}); return err }(),
		"RealtimeTracking": func() error {
			_, err := c.RealtimeTracking(ctx, trackingmore.RealtimeRequest{TrackingNumber: ref.TrackingNumber, CarrierCode: ref.CarrierCode})
			return err
		}(),
		"CreateTrackingRequest.CustomerPhone": func() error {
			_, err := c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: ref.TrackingNumber, CarrierCode: "ups", CustomerPhone: "+1"})
			return err
		}(),
		"CreateTrackingRequest.Comment": func() error {
			_, err := c.CreateTrackings(ctx, []trackingmore.CreateTrackingRequest{{TrackingNumber: ref.TrackingNumber, CarrierCode: "ups", Comment: "c"}})
			return err
		}(),
		"UpdateTrackingRequest.CustomerPhone": func() error {
			_, err := c.UpdateTracking(ctx, "ups", ref.TrackingNumber, trackingmore.UpdateTrackingRequest{CustomerPhone: &phone})
			return err
		}(),
		"clearing UpdateTrackingRequest.Title": func() error {
			_, err := c.UpdateTrackings(ctx, []trackingmore.BatchUpdateItem{{TrackingRef: ref, UpdateTrackingRequest: trackingmore.UpdateTrackingRequest{Title: &empty}}})
			return err
		}(),
		"ListOptions.Orders": func() error {
			_, _, err := c.ListAllTrackings(ctx, trackingmore.ListOptions{Orders: []string{"SO-1"}}, 0)
			return err
		}(),
		"ListCarriers.lang": func() error { _, err := c.ListCarriers(ctx, "cn"); return err }(),
	} {
		if !trackingmore.IsUnsupported(err) || !strings.Contains(fmt.Sprint(err), op+" is not available with TrackingMore API v4") {
			t.Errorf("%s: %v", op, err)
		}
	}
	if err := c.CheckSupported("GetUserInfo"); !trackingmore.IsUnsupported(err) || !strings.Contains(err.Error(), "v4 has no such endpoint (v2 has GET /trackings/getuserinfo)") {
		t.Errorf("CheckSupported: %v", err)
	}
	if err := c.CheckSupported("UpdateTracking"); err != nil {
		t.Errorf("CheckSupported(UpdateTracking): %v", err)
	}
	m.ExpectNoCalls(t)

	viaV2 := clientOf(t, m.URL)
	note := "n"
	for what, err := range map[string]error{
		"RetrackTracking": func() error { _, err := viaV2.RetrackTracking(ctx, ref); return err }(),
		"CreateTrackingRequest.Note": func() error {
			_, err := viaV2.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: ref.TrackingNumber, CarrierCode: "ups", Note: "n"})
			return err
		}(),
		"UpdateTrackingRequest.Note": func() error {
			_, err := viaV2.UpdateTracking(ctx, "ups", ref.TrackingNumber, trackingmore.UpdateTrackingRequest{Note: &note})
			return err
		}(),
		"ListOptions.CarrierCode": func() error {
			_, err := viaV2.ListTrackings(ctx, trackingmore.ListOptions{CarrierCode: "ups"})
			return err
		}(),
	} {
		if !trackingmore.IsUnsupported(err) || !strings.Contains(fmt.Sprint(err), what+" is not available with TrackingMore API v2") {
			t.Errorf("v2 %s: %v", what, err)
		}
	}
	m.ExpectNoCalls(t)
}

// Paced at its version's default, a v4 client keeps v4's limits (10 calls a
// second, creates 3) without one 429, where an unpaced one draws them.
func TestV4PacingDefaults(t *testing.T) {
	t.Parallel()
	for version, want := range map[string]float64{"": 1, "v2": 1, "v4": 10, "v3": 0} {
		if got := trackingmore.DefaultRequestsPerSecond(version); got != want {
			t.Errorf("DefaultRequestsPerSecond(%q) = %v, want %v", version, got, want)
		}
	}
	ctx := context.Background()
	create := func(c *trackingmore.Client, prefix string, n int) (errs []error) {
		for i := range n {
			_, err := c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: fmt.Sprintf("%s%05d", prefix, i), CarrierCode: "usps"})
			errs = append(errs, err)
		}
		return errs
	}
	paced := newMockV4(t, mockapi.Options{}, func(cfg *trackingmore.Config) {
		cfg.RequestsPerSecond = trackingmore.DefaultRequestsPerSecond(cfg.APIVersion)
	})
	if err := errors.Join(create(paced.Client, "PACED", 7)...); err != nil {
		t.Error(err)
	}
	if st := paced.Stats(); st.Throttled != 0 || st.ByEndpoint["POST /v4/trackings/create"] != 7 {
		t.Errorf("paced at v4's default: %d throttled, calls %v", st.Throttled, st.ByEndpoint)
	}
	unpaced := newMockV4(t, mockapi.Options{}, func(cfg *trackingmore.Config) { cfg.MaxRetries, cfg.RateLimitPause = 0, time.Millisecond })
	create(unpaced.Client, "UNPACED", 10)
	if unpaced.Stats().Throttled == 0 {
		t.Error("unpaced creates drew no 429: the mock's limits were not on, and the test proves nothing")
	}
}

// With injected 5xx, resets and resets after a write, every v4 create and
// delete still succeeds, exactly once: retried creates adopt their own
// write (4101), retried deletes their own (4102).
func TestV4Faults(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	adoptions := &adoptionCounter{}
	m := newMockV4(t, mockapi.Options{Seed: 11, Limits: mockapi.NoLimits}, func(cfg *trackingmore.Config) { cfg.MaxRetries = 12; cfg.Logger = adoptions })
	m.SetFaults(mockapi.Faults{ErrorRate: 0.3, ResetRate: 0.1, ResetAfterWriteRate: 0.1})
	const n = 30
	for i := range n {
		tr, err := m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: fmt.Sprintf("FAULT%05d", i), CarrierCode: "usps"})
		if err != nil || tr.TrackingNumber != fmt.Sprintf("FAULT%05d", i) {
			t.Fatalf("create %d: %+v, %v", i, tr, err)
		}
	}
	var items []trackingmore.CreateTrackingRequest
	for i := range 60 {
		items = append(items, trackingmore.CreateTrackingRequest{TrackingNumber: fmt.Sprintf("FBATCH%05d", i), CarrierCode: "usps"})
	}
	res, err := m.Client.CreateTrackings(ctx, items)
	if err != nil || len(res.Trackings) != 60 || len(res.Errors) != 0 {
		t.Fatalf("batch under faults: %d created, errors %+v, %v", len(res.Trackings), res.Errors, err)
	}
	if got := m.TrackingCount(); got != n+60 {
		t.Errorf("%d trackings stored, want %d", got, n+60)
	}
	for i := range n {
		if err := m.Client.DeleteTracking(ctx, "usps", fmt.Sprintf("FAULT%05d", i)); err != nil {
			t.Fatalf("delete %d: %v", i, err)
		}
	}
	if got := m.TrackingCount(); got != 60 {
		t.Errorf("%d trackings left, want 60", got)
	}
	if s := m.Stats(); s.Faults == 0 || adoptions.n.Load() == 0 {
		t.Errorf("faults %d, adoptions %d: the test exercised nothing", s.Faults, adoptions.n.Load())
	}
}
