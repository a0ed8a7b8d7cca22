package trackingmore_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// slowBudget paces a client so that concurrent calls wait for the budget,
// and so merge: its first call waits one interval (275 ms) like any other.
func slowBudget(cfg *trackingmore.Config) { cfg.RequestsPerSecond = 4 }

// concurrently runs fn(i) for i < n at once and waits for all.
func concurrently(n int, fn func(i int)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { fn(i) })
	}
	wg.Wait()
}

// seedTrackings creates n usps trackings named prefix00000... through an
// unpaced client, so the client under test has read nothing of them.
func seedTrackings(t *testing.T, c *trackingmore.Client, prefix string, n int) []trackingmore.TrackingRef {
	t.Helper()
	var items []trackingmore.CreateTrackingRequest
	var refs []trackingmore.TrackingRef
	for i := range n {
		number := fmt.Sprintf("%s%05d", prefix, i)
		items = append(items, trackingmore.CreateTrackingRequest{TrackingNumber: number, CarrierCode: "usps", Title: "seeded " + number})
		refs = append(refs, trackingmore.TrackingRef{TrackingNumber: number, CarrierCode: "usps"})
	}
	if res, err := c.CreateTrackings(context.Background(), items); err != nil || len(res.Errors) > 0 {
		t.Fatalf("seeding: %v %+v", err, res.Errors)
	}
	return refs
}

// Creates that wait for the budget travel in one POST /trackings/batch, and
// each caller gets what a single create would have told it: its tracking,
// or its own error (4016 exists, 4015 unknown carrier, 4021 quota) worded
// as the single call's.
func TestMergedCreates_eachCallerItsOwnOutcome(t *testing.T) {
	t.Parallel()
	quota := int64(7)
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits, Quota: &quota}, fast)
	mock := m.Server
	must(m.Client.CreateTracking(context.Background(), trackingmore.CreateTrackingRequest{TrackingNumber: "EXISTS0001", CarrierCode: "usps"}))
	c := clientOf(t, m.URL, slowBudget)

	reqs := []trackingmore.CreateTrackingRequest{
		{TrackingNumber: "EXISTS0001", CarrierCode: "usps"},
		{TrackingNumber: "BADCARRIER1", CarrierCode: "nosuchcarrier"},
	}
	for i := range 8 { // quota left: 6, so two of these find it used up
		reqs = append(reqs, trackingmore.CreateTrackingRequest{TrackingNumber: fmt.Sprintf("MERGED%04d", i), CarrierCode: "usps", Title: fmt.Sprint("parcel ", i)})
	}
	got := make([]*trackingmore.Tracking, len(reqs))
	errs := make([]error, len(reqs))
	concurrently(len(reqs), func(i int) { got[i], errs[i] = c.CreateTracking(context.Background(), reqs[i]) })

	if s := mock.Stats().ByEndpoint; s["POST /trackings/batch"] != 1 || s["POST /trackings/post"] != 1 { // the one that exists
		t.Fatalf("want the 10 creates in one batch call: %v", s)
	}
	if !trackingmore.IsAlreadyExists(errs[0]) || !strings.Contains(errs[0].Error(), "(code 4016, POST /trackings/post)") {
		t.Errorf("existing: %v", errs[0])
	}
	if !trackingmore.IsInvalidCarrier(errs[1]) {
		t.Errorf("unknown carrier: %v", errs[1])
	}
	created, outOfQuota := 0, 0
	for i := 2; i < len(reqs); i++ {
		switch {
		case errs[i] == nil && got[i].TrackingNumber == reqs[i].TrackingNumber && string(got[i].Title) == reqs[i].Title:
			created++
		case trackingmore.IsQuotaExhausted(errs[i]) && strings.Contains(errs[i].Error(), "POST /trackings/post"):
			outOfQuota++
		default:
			t.Errorf("%s: %+v, %v", reqs[i].TrackingNumber, got[i], errs[i])
		}
	}
	if created != 6 || outOfQuota != 2 {
		t.Errorf("%d created, %d out of quota; want 6 and 2", created, outOfQuota)
	}
}

// A call that finds the budget free goes alone, at once, through the
// single endpoint.
func TestMergedCalls_aloneWhenTheBudgetIsFree(t *testing.T) {
	t.Parallel()
	mock, c := newMock(t, mockapi.Options{Limits: mockapi.NoLimits}, slowBudget)
	ctx := context.Background()
	refs := seedTrackings(t, c, "ALONE", 2) // unmerged: the batch helper itself
	for _, r := range refs {
		time.Sleep(300 * time.Millisecond) // the budget frees
		title := "alone"
		must(c.UpdateTracking(ctx, r.CarrierCode, r.TrackingNumber, trackingmore.UpdateTrackingRequest{Title: &title}))
		time.Sleep(300 * time.Millisecond)
		if err := c.DeleteTracking(ctx, r.CarrierCode, r.TrackingNumber); err != nil {
			t.Fatal(err)
		}
	}
	s := mock.Stats().ByEndpoint
	if s["PUT /trackings/{carrier}/{number}"] != 2 || s["DELETE /trackings/{carrier}/{number}"] != 2 || s["POST /trackings/updatemore"] != 0 || s["POST /trackings/delete"] != 0 {
		t.Errorf("calls: %v", s)
	}
}

// Updates and deletes that wait merge into updatemore and delete; each
// caller gets its own echo, or its own not-found.
func TestMergedUpdatesAndDeletes(t *testing.T) {
	t.Parallel()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits}, fast)
	mock := m.Server
	refs := seedTrackings(t, m.Client, "UPD", 6)
	refs = append(refs, trackingmore.TrackingRef{TrackingNumber: "MISSING0001", CarrierCode: "usps"})
	c := clientOf(t, m.URL, slowBudget)
	ctx := context.Background()

	echoes := make([]*trackingmore.Tracking, len(refs))
	errs := make([]error, len(refs))
	concurrently(len(refs), func(i int) {
		title := "retitled " + refs[i].TrackingNumber
		echoes[i], errs[i] = c.UpdateTracking(ctx, refs[i].CarrierCode, refs[i].TrackingNumber, trackingmore.UpdateTrackingRequest{Title: &title})
	})
	for i, r := range refs[:6] {
		if errs[i] != nil || string(echoes[i].Title) != "retitled "+r.TrackingNumber {
			t.Errorf("update %s: %+v, %v", r.TrackingNumber, echoes[i], errs[i])
		}
	}
	if !trackingmore.IsNotFound(errs[6]) || !strings.Contains(errs[6].Error(), "PUT /trackings/usps/MISSING0001") {
		t.Errorf("update of a missing tracking: %v", errs[6])
	}
	concurrently(len(refs), func(i int) { errs[i] = c.DeleteTracking(ctx, refs[i].CarrierCode, refs[i].TrackingNumber) })
	for i := range 6 {
		if errs[i] != nil {
			t.Errorf("delete %d: %v", i, errs[i])
		}
	}
	if !trackingmore.IsNotFound(errs[6]) {
		t.Errorf("delete of a missing tracking: %v", errs[6])
	}
	s := mock.Stats().ByEndpoint
	if s["POST /trackings/updatemore"] != 1 || s["POST /trackings/delete"] != 1 || s["PUT /trackings/{carrier}/{number}"] != 0 || s["DELETE /trackings/{carrier}/{number}"] != 0 {
		t.Errorf("want one updatemore and one delete call: %v", s)
	}
	if n := mock.TrackingCount(); n != 0 {
		t.Errorf("%d trackings left", n)
	}
}

// The first merged read of a client lists a page of 2,000, which serves
// every later read of the account without a call; a write forgets what was
// read of its tracking, and a tracking the listing lacks is read by number.
func TestMergedReads_oneListingServesTheAccount(t *testing.T) {
	t.Parallel()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits}, fast)
	mock, unpaced := m.Server, m.Client
	refs := seedTrackings(t, unpaced, "READ", 30)
	c := clientOf(t, m.URL, slowBudget)
	ctx := context.Background()
	calls := func() int64 { return mock.Stats().Total }
	before := calls()

	read := func(refs []trackingmore.TrackingRef) ([]*trackingmore.Tracking, []error) {
		got := make([]*trackingmore.Tracking, len(refs))
		errs := make([]error, len(refs))
		concurrently(len(refs), func(i int) { got[i], errs[i] = c.GetTracking(ctx, refs[i].CarrierCode, refs[i].TrackingNumber, "") })
		return got, errs
	}
	got, errs := read(refs[:10])
	for i, t0 := range got {
		if errs[i] != nil || t0.TrackingNumber != refs[i].TrackingNumber {
			t.Fatalf("read %d: %+v, %v", i, t0, errs[i])
		}
	}
	if n := calls() - before; n != 1 || mock.Stats().ByEndpoint["GET /trackings/get"] != 1 {
		t.Fatalf("10 merged reads cost %d calls (%v), want 1 listing", n, mock.Stats().ByEndpoint)
	}
	if _, errs = read(refs[10:]); errors.Join(errs...) != nil {
		t.Fatal(errs)
	}
	if n := calls() - before; n != 1 {
		t.Errorf("the other 20 reads cost %d calls, want none", n-1)
	}

	title := "changed after the listing"
	must(unpaced.UpdateTracking(ctx, "usps", refs[0].TrackingNumber, trackingmore.UpdateTrackingRequest{Title: &title}))
	must(c.UpdateTracking(ctx, "usps", refs[1].TrackingNumber, trackingmore.UpdateTrackingRequest{Title: &title}))
	time.Sleep(1200 * time.Millisecond) // the list endpoint's own slot (1/s) frees
	must(c.GetUserInfo(ctx))            // and the budget is busy, so the reads wait and merge
	before = calls()
	missing := trackingmore.TrackingRef{TrackingNumber: "NEVERADDED1", CarrierCode: "usps"}
	got, errs = read([]trackingmore.TrackingRef{refs[0], refs[1], missing})
	if string(got[0].Title) == title {
		t.Error("a tracking changed by another client was read fresh: the listing's snapshot should serve it within one run")
	}
	if errs[1] != nil || string(got[1].Title) != title {
		t.Errorf("after this client's write, the read served %+v, %v; want the write's result", got[1], errs[1])
	}
	if !trackingmore.IsNotFound(errs[2]) {
		t.Errorf("a tracking never added: %v", errs[2])
	}
	if n := calls() - before; n != 1 || mock.Stats().ByEndpoint["GET /trackings/get"] != 2 {
		t.Errorf("the written and the missing tracking cost %d calls (%v), want one read by numbers", n, mock.Stats().ByEndpoint)
	}
}

// Beyond one page, the merged reads go by numbers until they have cost as
// many calls as listing the rest of the account would, then list it.
func TestMergedReads_skiRental(t *testing.T) {
	t.Parallel()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits}, fast)
	mock, unpaced := m.Server, m.Client
	seedTrackings(t, unpaced, "BIG", 4100) // three pages
	firstPage := map[string]bool{}
	for _, tr := range must(unpaced.ListTrackings(context.Background(), trackingmore.ListOptions{Limit: 2000})).Items {
		firstPage[tr.TrackingNumber] = true
	}
	var beyond []trackingmore.TrackingRef
	for i := range 4100 {
		if n := fmt.Sprintf("BIG%05d", i); !firstPage[n] {
			beyond = append(beyond, trackingmore.TrackingRef{TrackingNumber: n, CarrierCode: "usps"})
		}
	}
	c := clientOf(t, m.URL, func(cfg *trackingmore.Config) { cfg.RequestsPerSecond = 20 })
	lists := func() int64 { return mock.Stats().ByEndpoint["GET /trackings/get"] }
	before := lists()
	var want []int64
	for round := range 5 {
		refs := beyond[round*5 : round*5+5]
		var errs [5]error
		concurrently(5, func(i int) { _, errs[i] = c.GetTracking(context.Background(), "usps", refs[i].TrackingNumber, "") })
		if err := errors.Join(errs[:]...); err != nil {
			t.Fatal(err)
		}
		want = append(want, lists()-before)
	}
	// page 1 + numbers; numbers (rent 2 = the 2 pages left); pages 2 and 3; nothing; nothing.
	if !reflect.DeepEqual(want, []int64{2, 3, 5, 5, 5}) {
		t.Errorf("list calls after each round: %v, want [2 3 5 5 5]", want)
	}
}

// The property the merged reads rest on: a tracking read through the list
// equals the same tracking read with GET, field for field, whatever it
// holds (every create and update field, manual statuses, archiving, carrier
// changes, checkpoints as days pass).
func TestListEqualsGet(t *testing.T) {
	t.Parallel()
	mock, c := newMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(17, 2026))
	pick := func(options ...string) string { return options[rng.IntN(len(options))] }
	var refs []trackingmore.TrackingRef
	for i := range 60 {
		req := trackingmore.CreateTrackingRequest{
			TrackingNumber: fmt.Sprintf("PROP%05d", i), CarrierCode: pick("usps", "ups", "dhl", "china-post", "fedex"),
			Title: pick("", "Espresso machine", "ünïcødé ✓"), OrderID: pick("", "SO-1"), CustomerName: pick("", "Jane"),
			CustomerPhone: pick("", "+4915112345678"), LogisticsChannel: pick("", "express"), DestinationCode: pick("", "DE", "US"),
			Comment: pick("", "fragile"), Lang: pick("", "en"), OrderCreateTime: pick("", "2026-11-30T10:00:00+00:00"),
		}
		if rng.IntN(2) == 0 {
			req.CustomerEmail = trackingmore.EmailList{"a@example.com", "b@example.com"}[:1+rng.IntN(2)]
		}
		must(c.CreateTracking(ctx, req))
		ref := trackingmore.TrackingRef{TrackingNumber: req.TrackingNumber, CarrierCode: req.CarrierCode}
		var upd trackingmore.UpdateTrackingRequest
		if rng.IntN(3) == 0 {
			archived := trackingmore.StringBool(true)
			upd.Archived = &archived
		}
		if rng.IntN(3) == 0 {
			status := []trackingmore.ManualStatus{trackingmore.ManualStatusDelivered, trackingmore.ManualStatusException, trackingmore.ManualStatusCarrier}[rng.IntN(3)]
			upd.Status = &status
		}
		if upd != (trackingmore.UpdateTrackingRequest{}) {
			must(c.UpdateTracking(ctx, ref.CarrierCode, ref.TrackingNumber, upd))
		}
		if rng.IntN(5) == 0 && ref.CarrierCode != "dhl" {
			if err := c.ChangeCarrier(ctx, ref.CarrierCode, ref.TrackingNumber, "dhl"); err != nil {
				t.Fatal(err)
			}
			ref.CarrierCode = "dhl"
		}
		refs = append(refs, ref)
		if i%20 == 19 {
			mock.Advance(36 * time.Hour) // checkpoints appear as days pass
		}
	}
	for start := 0; start < len(refs); start += trackingmore.MaxBatchSize {
		chunk := refs[start:min(start+trackingmore.MaxBatchSize, len(refs))]
		var numbers []string
		for _, r := range chunk {
			numbers = append(numbers, r.TrackingNumber)
		}
		listed := map[trackingmore.TrackingRef]trackingmore.Tracking{}
		for _, tr := range must(c.ListTrackings(ctx, trackingmore.ListOptions{Numbers: numbers, Limit: 2000})).Items {
			listed[trackingmore.TrackingRef{TrackingNumber: tr.TrackingNumber, CarrierCode: tr.CarrierCode}] = tr
		}
		for _, r := range chunk {
			single := must(c.GetTracking(ctx, r.CarrierCode, r.TrackingNumber, ""))
			if l, ok := listed[r]; !ok || !reflect.DeepEqual(l, *single) {
				t.Errorf("%s/%s listed differs from GET:\nlist %+v\nget  %+v", r.CarrierCode, r.TrackingNumber, l, *single)
			}
		}
	}
}

// A caller that gives up while its call waits for the budget leaves the
// queue: nothing of it is sent.
func TestMergedCalls_givenUpBeforeSending(t *testing.T) {
	t.Parallel()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits}, fast)
	mock := m.Server
	c := clientOf(t, m.URL, func(cfg *trackingmore.Config) { cfg.RequestsPerSecond = 0.5 }) // first slot in 2.2 s
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	errs := make([]error, 5)
	start := time.Now()
	concurrently(5, func(i int) {
		_, errs[i] = c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: fmt.Sprintf("GIVENUP%04d", i), CarrierCode: "usps"})
	})
	for i, err := range errs {
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("call %d: %v", i, err)
		}
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("the callers waited %v after giving up", d)
	}
	time.Sleep(2500 * time.Millisecond) // past the slot the queue waited for
	if s := mock.Stats(); s.Total != 0 {
		t.Errorf("calls sent for callers that gave up: %v", s.ByEndpoint)
	}
}

// A client at the mock's own rate never draws a 429: pacing keeps a margin.
func TestPacing_noThrottleAtTheServersRate(t *testing.T) {
	t.Parallel()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.Limits{RateLimit: 5}}, fast)
	mock := m.Server
	c := clientOf(t, m.URL, func(cfg *trackingmore.Config) { cfg.RequestsPerSecond = 5 })
	ctx := context.Background()
	concurrently(12, func(i int) {
		number := fmt.Sprintf("PACED%04d", i)
		if _, err := c.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: number, CarrierCode: "usps"}); err != nil {
			t.Error(err)
		}
		if _, err := c.GetUserInfo(ctx); err != nil {
			t.Error(err)
		}
	})
	if s := mock.Stats(); s.Throttled != 0 {
		t.Errorf("%d answers were 429 (%v)", s.Throttled, s.ByEndpoint)
	}
}
