package acctest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// Config is the terraform block, then the provider block pointing at this
// mock with the test key and fast pacing, then the body.
func TestMock_Config(t *testing.T) {
	t.Setenv("TF_ACC_PROVIDER_HOST", "")
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "")
	m := NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	want := TerraformBlock("registry.terraform.io/hashicorp/trackingmore") + fmt.Sprintf(`provider "trackingmore" {
  api_key = "tm-test-key-0123456789"
  base_url = %q
  requests_per_second = 500
}
data "trackingmore_user_info" "test" {}
`, m.URL)
	if got := m.Config("data \"trackingmore_user_info\" \"test\" {}\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !strings.HasPrefix(m.URL, "http://127.0.0.1:") || !strings.HasSuffix(m.URL, "/v2") {
		t.Errorf("base_url %s", m.URL)
	}

	got := m.ConfigWith(map[string]string{"max_retries": "10", "requests_per_second": ""}, "")
	if !strings.Contains(got, "\n  max_retries = 10\n") || strings.Contains(got, "requests_per_second") || !strings.Contains(got, `api_key = "`+APIKey+`"`) {
		t.Errorf("a setting added and one removed:\n%s", got)
	}
}

// ExpectCalls compares the mock's count per endpoint with want; counts add
// up over the test, nothing resets them.
func TestMock_ExpectCalls(t *testing.T) {
	ctx := context.Background()
	m := NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	if _, err := m.Client.GetUserInfo(ctx); err != nil {
		t.Fatal(err)
	}
	if found, err := m.Exists("ups", "1Z999AA10123456784"); found || err != nil {
		t.Fatalf("Exists before the create: %v, %v", found, err)
	}
	check := m.ExpectCalls(map[string]int64{"GET /trackings/getuserinfo": 1, "GET /trackings/{carrier}/{number}": 1, "POST /trackings/post": 0})
	if err := check(nil); err != nil {
		t.Errorf("the calls made: %v", err)
	}
	if _, err := m.Client.GetUserInfo(ctx); err != nil {
		t.Fatal(err)
	}
	err := check(nil)
	if err == nil || !strings.HasPrefix(err.Error(), "GET /trackings/getuserinfo: expected 1 calls, got 2") {
		t.Errorf("after a second call: %v", err)
	}
	if err := m.ExpectCalls(map[string]int64{"GET /trackings/getuserinfo": 2})(nil); err != nil {
		t.Errorf("counts since the start: %v", err)
	}
}

// recorder is a testing.TB that records errors instead of failing.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestMock_ExpectNoCalls(t *testing.T) {
	m := NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	rec := &recorder{TB: t}
	if m.ExpectNoCalls(rec); len(rec.errors) != 0 {
		t.Errorf("no calls made: %v", rec.errors)
	}
	if _, err := m.Client.GetUserInfo(context.Background()); err != nil {
		t.Fatal(err)
	}
	if m.ExpectNoCalls(rec); len(rec.errors) != 1 || rec.errors[0] != "expected no API calls, the mock saw 1" {
		t.Errorf("one call made: %v", rec.errors)
	}
}

// The checks of what the mock holds: TrackingIDs, CheckTracking and
// CheckDestroyed see a tracking created through the API, and its deletion.
func TestMock_holdings(t *testing.T) {
	ctx := context.Background()
	m := NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	created, err := m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups", Title: "Coffee"})
	if err != nil {
		t.Fatal(err)
	}
	if ids := m.TrackingIDs(t); len(ids) != 1 || ids["ups/1Z999AA10123456784"] != created.ID {
		t.Errorf("TrackingIDs %v, created %s", ids, created.ID)
	}
	title := func(want string) func(*trackingmore.Tracking) error {
		return func(tr *trackingmore.Tracking) error {
			if string(tr.Title) != want {
				return fmt.Errorf("title %q", tr.Title)
			}
			return nil
		}
	}
	if err := m.CheckTracking("ups", "1Z999AA10123456784", title("Coffee"))(nil); err != nil {
		t.Errorf("CheckTracking: %v", err)
	}
	if err := m.CheckTracking("ups", "1Z999AA10123456784", title("Tea"))(nil); err == nil {
		t.Error("CheckTracking passed a failing check")
	}
	if err := m.CheckTracking("ups", "1Z999AA10123456785", title("Coffee"))(nil); err == nil || !strings.Contains(err.Error(), "reading ups/1Z999AA10123456785 from the mock") {
		t.Errorf("CheckTracking of a tracking not there: %v", err)
	}

	state := stateOf(map[string]map[string]string{
		"trackingmore_tracking.test": {"carrier_code": "ups", "tracking_number": "1Z999AA10123456784"},
	})
	if err := m.CheckDestroyed(state); err == nil || err.Error() != "tracking ups/1Z999AA10123456784 still exists after destroy" {
		t.Errorf("CheckDestroyed with the tracking there: %v", err)
	}
	if _, err := m.Client.DeleteTrackings(ctx, []trackingmore.TrackingRef{{CarrierCode: "ups", TrackingNumber: "1Z999AA10123456784"}}); err != nil {
		t.Fatal(err)
	}
	if err := m.CheckDestroyed(state); err != nil {
		t.Errorf("CheckDestroyed after the delete: %v", err)
	}
}

func TestImportIDOf(t *testing.T) {
	state := stateOf(map[string]map[string]string{
		"trackingmore_tracking.test": {"carrier_code": "ups", "tracking_number": "1Z999AA10123456784"},
	})
	if id, err := ImportIDOf("trackingmore_tracking.test")(state); id != "ups/1Z999AA10123456784" || err != nil {
		t.Errorf("ImportIDOf: %q, %v", id, err)
	}
	if _, err := ImportIDOf("trackingmore_tracking.other")(state); err == nil {
		t.Error("ImportIDOf of a resource not in state")
	}
}

// stateOf is a state of trackingmore_tracking resources, address → attributes.
func stateOf(resources map[string]map[string]string) *terraform.State {
	root := &terraform.ModuleState{Path: []string{"root"}, Resources: map[string]*terraform.ResourceState{}}
	for addr, attrs := range resources {
		root.Resources[addr] = &terraform.ResourceState{Type: "trackingmore_tracking", Primary: &terraform.InstanceState{ID: addr, Attributes: attrs}}
	}
	return &terraform.State{Modules: []*terraform.ModuleState{root}}
}

// The client speaks for APIKey unless configure says otherwise.
func TestNewMock_configure(t *testing.T) {
	ctx := context.Background()
	if _, err := NewMock(t, mockapi.Options{APIKeys: []string{APIKey}, Limits: mockapi.NoLimits}).Client.GetUserInfo(ctx); err != nil {
		t.Errorf("with APIKey: %v", err)
	}
	other := NewMock(t, mockapi.Options{APIKeys: []string{APIKey}, Limits: mockapi.NoLimits}, func(cfg *trackingmore.Config) { cfg.APIKey = "tm-other-key-0123456789" })
	if _, err := other.Client.GetUserInfo(ctx); err == nil {
		t.Error("a key the mock does not know was accepted")
	}
}
