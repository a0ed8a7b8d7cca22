package provider

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// soakMode: `make soak` sets TRACKINGMORE_SOAK=1 to scale these tests up;
// `make test` runs the same tests with small counts.
var soakMode = os.Getenv("TRACKINGMORE_SOAK") != ""

func scaled(short, soak int) int {
	if soakMode {
		return soak
	}
	return short
}

// reliability prints a figure for scripts/soak.sh, which collects these
// lines from `go test -v` into RELIABILITY.md.
func reliability(t *testing.T, key string, value any) {
	t.Helper()
	t.Logf("RELIABILITY: %s=%v", key, value)
}

// reportFaults prints what the mock injected into one test.
func reportFaults(t *testing.T, m *acctest.Mock, prefix string) {
	t.Helper()
	s := m.Stats()
	reliability(t, prefix+".requests", s.Total)
	reliability(t, prefix+".faults_injected", s.Faults)
	reliability(t, prefix+".throttled", s.Throttled)
}

// sustainedFaults is what the fault-injection tests apply: one request in
// five answers 5xx, one in twenty drops the connection, one in twenty is
// throttled (429 with Retry-After, pausing every call of the client).
var sustainedFaults = mockapi.Faults{ErrorRate: 0.2, ResetRate: 0.05, ThrottleRate: 0.05}

// resilientSettings are the provider settings for tests under sustained
// faults: over hundreds of calls at ~30% failure, the default 4 retries would
// eventually run out, so these tests allow 10.
var resilientSettings = map[string]string{"max_retries": "10"}

// mergingSettings are resilientSettings at a budget slow enough that
// Terraform's parallel single resources wait for it, and so merge into the
// batch endpoints: the faults then hit the merged calls.
var mergingSettings = map[string]string{"max_retries": "10", "requests_per_second": "20"}

// resilientBulk is bulkConfig with resilientSettings.
func resilientBulk(m *acctest.Mock, items map[string]string) string {
	return m.ConfigWith(resilientSettings, bulkResource(items))
}

// quietly runs the test's own check with the mock's faults off, then puts faults back.
func quietly(m *acctest.Mock, faults mockapi.Faults, check func() error) error {
	m.SetFaults(mockapi.Faults{})
	defer m.SetFaults(faults)
	return check()
}

// stored is what the mock must hold for one tracking number.
type stored struct{ carrier, title string }

// expectExactly checks, through the mock's own list endpoint, that the mock
// holds exactly want (no tracking missing, none extra, carrier and title as
// configured) and that every tracking resource in state has the id the
// mock gave it, so a retried create cannot have left a second copy behind.
func expectExactly(m *acctest.Mock, faults mockapi.Faults, want map[string]stored) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		return quietly(m, faults, func() error {
			page, err := m.Client.ListTrackings(context.Background(), trackingmore.ListOptions{Limit: 2000})
			if err != nil {
				return err
			}
			if n := m.TrackingCount(); n != len(want) || len(page.Items) != len(want) {
				return fmt.Errorf("the mock holds %d trackings (%d listed), want %d", n, len(page.Items), len(want))
			}
			ids := map[string]string{}
			for _, tr := range page.Items {
				w, ok := want[tr.TrackingNumber]
				if !ok || w.carrier != tr.CarrierCode || w.title != string(tr.Title) {
					return fmt.Errorf("the mock holds %s/%s titled %q, want %+v", tr.CarrierCode, tr.TrackingNumber, tr.Title, w)
				}
				ids[tr.CarrierCode+"/"+tr.TrackingNumber] = tr.ID
			}
			for addr, rs := range s.RootModule().Resources {
				a := rs.Primary.Attributes
				switch rs.Type {
				case "trackingmore_tracking":
					if ref := a["carrier_code"] + "/" + a["tracking_number"]; ids[ref] != a["id"] {
						return fmt.Errorf("%s: state id %q, the mock's %q", addr, a["id"], ids[ref])
					}
				case "trackingmore_trackings":
					if a["trackings.%"] != fmt.Sprint(len(want)) {
						return fmt.Errorf("%s holds %s items, want %d", addr, a["trackings.%"], len(want))
					}
					for k, v := range a {
						label, ok := strings.CutSuffix(strings.TrimPrefix(k, "trackings."), ".id")
						if !ok || !strings.HasPrefix(k, "trackings.") {
							continue
						}
						ref := a["trackings."+label+".carrier_code"] + "/" + a["trackings."+label+".tracking_number"]
						if ids[ref] != v {
							return fmt.Errorf("%s item %s: state id %q, the mock's %q", addr, label, v, ids[ref])
						}
					}
				}
			}
			return nil
		})
	}
}

// destroyedUnder is a CheckDestroy for a test that ran under faults: it
// turns them off for its own reads, then expects nothing left but keep.
func destroyedUnder(m *acctest.Mock, keep int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		m.SetFaults(mockapi.Faults{})
		if n := m.TrackingCount(); n != keep {
			return fmt.Errorf("%d trackings left on the mock after destroy, want %d", n, keep)
		}
		return m.CheckDestroyed(s)
	}
}

// fleet renders n trackingmore_tracking resources (count) with the
// provider settings given, and what the mock must then hold. Every altEvery-th parcel (0: none) goes to fedex
// instead of ups, so a second fleet with another altEvery changes carriers.
func fleet(m *acctest.Mock, settings map[string]string, n int, title string, altEvery int) (string, map[string]stored) {
	want := map[string]stored{}
	for i := range n {
		carrier := "ups"
		if altEvery > 0 && i%altEvery == 0 {
			carrier = "fedex"
		}
		want[fmt.Sprintf("1Z999AA1%010d", i)] = stored{carrier, fmt.Sprintf("%s p%03d", title, i)}
	}
	alt := "false"
	if altEvery > 0 {
		alt = fmt.Sprintf("count.index %% %d == 0", altEvery)
	}
	// count, not for_each: plugin-testing's state shim cannot address string keys.
	return m.ConfigWith(settings, fmt.Sprintf(`
resource "trackingmore_tracking" "fleet" {
  count           = %d
  tracking_number = format("1Z999AA1%%010d", count.index)
  carrier_code    = (%s) ? "fedex" : "ups"
  title           = format("%s p%%03d", count.index)
  order_id        = "SO-${count.index}"
}
`, n, alt, title)), want
}

// bulkFleet is the trackingmore_trackings counterpart of fleet.
func bulkFleet(n int, title string, altEvery int) (map[string]string, map[string]stored) {
	items := map[string]string{}
	want := map[string]stored{}
	for i := range n {
		carrier := "ups"
		if altEvery > 0 && i%altEvery == 0 {
			carrier = "fedex"
		}
		number := fmt.Sprintf("1Z999AA1%010d", i)
		items[fmt.Sprintf("order-%04d", i)] = fmt.Sprintf("      carrier_code = %q\n      tracking_number = %q\n      title = \"%s %04d\"", carrier, number, title, i)
		want[number] = stored{carrier, fmt.Sprintf("%s %04d", title, i)}
	}
	return items, want
}

// TestAccResilience_faultsSingle applies many single resources through the
// real CLI while the mock fails ~30% of requests: the apply succeeds, the
// mock holds each tracking exactly once as configured, the next plan is
// empty (the harness plans again after every apply, under the same faults,
// and fails on any change), and destroy (still under faults) leaves nothing.
func TestAccResilience_faultsSingle(t *testing.T) {
	n := scaled(16, 100)
	// Merged, the fleet costs a few dozen calls where it cost hundreds: one
	// in seven is throttled, so that some surely are.
	faults := sustainedFaults
	faults.ThrottleRate = 0.15
	m := acctest.NewMock(t, mockapi.Options{Seed: 11, Faults: faults, Limits: mockapi.Limits{Off: true, RetryAfter: time.Second}})
	config, want := fleet(m, mergingSettings, n, "Parcel", 0)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             destroyedUnder(m, 0),
		Steps: []resource.TestStep{
			{Config: config, Check: expectExactly(m, faults, want)},
		},
	})
	if s := m.Stats(); s.Faults == 0 || s.Throttled == 0 {
		t.Errorf("faults %d, throttled %d: the test exercised nothing", s.Faults, s.Throttled)
	}
	expectMerged(t, m)
	reliability(t, "faults_single.trackings_checked", n)
	reportFaults(t, m, "faults_single")
}

// TestAccResilience_faultsBulk is faultsSingle for trackingmore_trackings:
// batch creates, list refreshes and batch deletes under the same faults.
func TestAccResilience_faultsBulk(t *testing.T) {
	n := scaled(100, 500)
	m := acctest.NewMock(t, mockapi.Options{Seed: 12, Faults: sustainedFaults, Limits: mockapi.Limits{Off: true, RetryAfter: time.Second}})
	items, want := bulkFleet(n, "Bulk", 0)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             destroyedUnder(m, 0),
		Steps: []resource.TestStep{
			{Config: resilientBulk(m, items), Check: expectExactly(m, sustainedFaults, want)},
		},
	})
	if s := m.Stats(); s.Faults == 0 {
		t.Errorf("no fault was injected: the test exercised nothing")
	}
	reliability(t, "faults_bulk.trackings_checked", n)
	reportFaults(t, m, "faults_bulk")
}

// ambiguousFaults performs a third of all writes and then drops the
// connection, so the client must retry a write that already happened.
var ambiguousFaults = mockapi.Faults{ResetAfterWriteRate: 0.3}

// TestAccResilience_ambiguousWritesSingle: creates, edits, carrier changes
// and deletes whose answer was lost after the write still end correctly (a
// retried create adopts its own tracking, a retried carrier change or delete
// that finds its work done counts as done).
func TestAccResilience_ambiguousWritesSingle(t *testing.T) {
	n := scaled(8, 40)
	m := acctest.NewMock(t, mockapi.Options{Seed: 21, Faults: ambiguousFaults, Limits: mockapi.NoLimits})
	created, wantCreated := fleet(m, mergingSettings, n, "Parcel", 0)
	edited, wantEdited := fleet(m, mergingSettings, n, "Renamed", 2)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             destroyedUnder(m, 0),
		Steps: []resource.TestStep{
			{Config: created, Check: expectExactly(m, ambiguousFaults, wantCreated)},
			{Config: edited, Check: expectExactly(m, ambiguousFaults, wantEdited)},
		},
	})
	if s := m.Stats(); s.Faults == 0 {
		t.Errorf("no write was dropped: the test exercised nothing")
	}
	expectMerged(t, m)
	reportFaults(t, m, "ambiguous_single")
}

// expectMerged fails unless single resources' creates and deletes went
// through the batch endpoints at least once each (merged reads share their
// endpoint with expectExactly's own listing).
func expectMerged(t *testing.T, m *acctest.Mock) {
	t.Helper()
	s := m.Stats().ByEndpoint
	for _, endpoint := range []string{"POST /trackings/batch", "POST /trackings/delete"} {
		if s[endpoint] == 0 {
			t.Errorf("no call of %s: the single resources never merged (%v)", endpoint, s)
		}
	}
}

// TestAccResilience_ambiguousWritesBulk is the same for the batch endpoints:
// a retried batch create adopts the items its first attempt created.
func TestAccResilience_ambiguousWritesBulk(t *testing.T) {
	n := scaled(45, 300)
	m := acctest.NewMock(t, mockapi.Options{Seed: 22, Faults: ambiguousFaults, Limits: mockapi.NoLimits})
	created, wantCreated := bulkFleet(n, "Bulk", 0)
	edited, wantEdited := bulkFleet(n, "Renamed", 3)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             destroyedUnder(m, 0),
		Steps: []resource.TestStep{
			{Config: resilientBulk(m, created), Check: expectExactly(m, ambiguousFaults, wantCreated)},
			{Config: resilientBulk(m, edited), Check: expectExactly(m, ambiguousFaults, wantEdited)},
		},
	})
	if s := m.Stats(); s.Faults == 0 {
		t.Errorf("no write was dropped: the test exercised nothing")
	}
	reportFaults(t, m, "ambiguous_bulk")
}

// TestAccResilience_preexistingNotAdopted: trackings that existed before the
// apply are never taken over, even when the create that hits them was
// retried after a 5xx: the apply fails with the import hint, and destroy
// leaves them alone (were one adopted, destroy would delete it).
func TestAccResilience_preexistingNotAdopted(t *testing.T) {
	const n = 6
	faults := mockapi.Faults{ErrorRate: 0.5}
	m := acctest.NewMock(t, mockapi.Options{Seed: 5, Limits: mockapi.NoLimits})
	// Merged into one batch at a slow budget: the seeded faults then fall
	// on the same calls every run, and the batch's first attempt is one.
	config, _ := fleet(m, map[string]string{"max_retries": "10", "requests_per_second": "4"}, n, "Parcel", 0)
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             destroyedUnder(m, n),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				for i := range n {
					_, err := m.Client.CreateTracking(context.Background(), trackingmore.CreateTrackingRequest{
						TrackingNumber: fmt.Sprintf("1Z999AA1%010d", i), CarrierCode: "ups", Title: "not ours"})
					if err != nil {
						t.Fatal(err)
					}
				}
				// Older than the client's clock slack (2 s of whole-second
				// timestamps): a tracking made within it is indistinguishable
				// from the call's own lost write.
				time.Sleep(4 * time.Second)
				m.SetFaults(faults)
			},
			Config:      config,
			ExpectError: regexp.MustCompile(`(?s)already exists.*terraform import trackingmore_tracking.NAME\s+ups/1Z999AA1`),
		}},
	})
	// The batch create must have been retried after a 5xx, or this proved nothing.
	if batches := m.Stats().ByEndpoint["POST /trackings/batch"]; batches < 2 {
		t.Errorf("%d batch creates for %d trackings: no create was retried (%v)", batches, n, m.Stats().ByEndpoint)
	}
}

// TestAccResilience_partialFailures: one bulk create where one item already
// exists on the mock (not ours). What was created is in state with its id,
// the failed item is planned again, and once it is dropped from the map the
// next apply converges. A carrier the API does not know fails the plan
// (TestAccTrackingsResource_unknownCarrier), a quota too small the whole
// create (TestAccTrackingsResource_partialFailures); the item diagnostics
// are checked in TestResilience_partialFailureDiagnostics.
func TestAccResilience_partialFailures(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	items := upsItems(42, "")
	items["x-foreign"] = "      carrier_code = \"ups\"\n      tracking_number = \"1Z999AA1FOREIGN\""
	fixed := upsItems(42, "")
	fixed["x-carrier"] = "      carrier_code = \"ups\"\n      tracking_number = \"1Z999AA1CARRIER\""
	added := upsItems(42, "")
	added["x-carrier"] = fixed["x-carrier"]
	added["x-new"] = "      carrier_code = \"nosuchcarrier\"\n      tracking_number = \"1Z999AA1NEWONE\""

	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		// Only the foreign tracking survives: it was never adopted.
		CheckDestroy: destroyedUnder(m, 1),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if _, err := m.Client.CreateTracking(context.Background(), trackingmore.CreateTrackingRequest{
						TrackingNumber: "1Z999AA1FOREIGN", CarrierCode: "ups"}); err != nil {
						t.Fatal(err)
					}
				},
				Config:             bulkConfig(m, items),
				ExpectNonEmptyPlan: true,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("order-0040", "id"), knownvalue.StringRegexp(hexID)),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("order-0041", "id"), knownvalue.StringRegexp(hexID)),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("x-foreign", "id"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					if n := m.TrackingCount(); n != 43 {
						return fmt.Errorf("the mock holds %d trackings, want 42 created + 1 foreign", n)
					}
					return nil
				},
			},
			{
				Config: bulkConfig(m, fixed),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bulkAddr, plancheck.ResourceActionUpdate),
				}},
				Check: func(*terraform.State) error {
					if n := m.TrackingCount(); n != 44 {
						return fmt.Errorf("the mock holds %d trackings, want 43 + 1 foreign", n)
					}
					return nil
				},
			},
			{
				// An unknown carrier on update fails the plan, naming the item; the rest stays.
				Config:      bulkConfig(m, added),
				ExpectError: regexp.MustCompile(`(?s)trackings\["x-new"\]\.carrier_code: "nosuchcarrier" is not a\s+TrackingMore carrier code`),
			},
			{Config: bulkConfig(m, fixed)},
		},
	})
}

// TestResilience_partialFailureDiagnostics: a first bulk create the quota
// cannot cover creates nothing and says so; one whose items the API
// refuses (a foreign duplicate, a carrier it does not know: the plan-time
// check is skipped here) reports each of them, by label and number with
// its cause, as a warning that says the failure is permanent (an error
// would taint the created items), and no error.
func TestResilience_partialFailureDiagnostics(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	if _, err := m.Client.CreateTracking(context.Background(), trackingmore.CreateTrackingRequest{
		TrackingNumber: "1Z999AA1FOREIGN", CarrierCode: "ups"}); err != nil {
		t.Fatal(err)
	}
	m.SetQuota(45)
	p := acctest.NewProtoServer(t, newServer, m)
	itemType := p.Schemas["trackingmore_trackings"].AttributeTypes["trackings"].(tftypes.Map).ElementType.(tftypes.Object)
	item := func(carrier, number string) tftypes.Value {
		return acctest.ObjectOf(itemType, map[string]tftypes.Value{
			"carrier_code": tftypes.NewValue(tftypes.String, carrier), "tracking_number": tftypes.NewValue(tftypes.String, number),
		}, true)
	}
	items := map[string]tftypes.Value{
		"x-foreign": item("ups", "1Z999AA1FOREIGN"),
		"x-carrier": item("nosuchcarrier", "1Z999AA1CARRIER"),
	}
	for i := range 50 {
		items[fmt.Sprintf("order-%04d", i)] = item("ups", fmt.Sprintf("1Z999AA1%010d", i))
	}
	config := map[string]tftypes.Value{"trackings": tftypes.NewValue(tftypes.Map{ElementType: itemType}, items)}

	_, diags := p.Create(context.Background(), t, "trackingmore_trackings", config)
	if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityError ||
		!strings.Contains(diags[0].Detail, "needs 52 units of quota; the TrackingMore account has 45 left, so nothing was created") {
		t.Errorf("a create beyond the quota: want one error, got:\n%s", acctest.DiagnosticsText(diags))
	}
	if n := m.TrackingCount(); n != 1 {
		t.Errorf("a create beyond the quota left %d trackings, want only the foreign one", n)
	}

	m.SetQuota(100)
	_, diags = p.Create(context.Background(), t, "trackingmore_trackings", config)
	want := []*regexp.Regexp{
		regexp.MustCompile(`x-foreign \(ups/1Z999AA1FOREIGN\): Tracking already exists \(code 4016\).*import it\. This failure is permanent`),
		regexp.MustCompile(`x-carrier \(nosuchcarrier/1Z999AA1CARRIER\) \(code 4015\)\. Attribute trackings\["x-carrier"\]\.carrier_code: "nosuchcarrier" is not a TrackingMore carrier code.*This failure is permanent`),
	}
	for _, d := range diags {
		if d.Severity != tfprotov6.DiagnosticSeverityWarning {
			t.Errorf("not a warning: %s: %s", d.Summary, d.Detail)
		}
	}
	if len(diags) != len(want) {
		t.Errorf("%d diagnostics, want one per failed item (%d):\n%s", len(diags), len(want), acctest.DiagnosticsText(diags))
	}
	for _, re := range want {
		if !re.MatchString(acctest.DiagnosticsText(diags)) {
			t.Errorf("no diagnostic matches %s:\n%s", re, acctest.DiagnosticsText(diags))
		}
	}
}
