package provider

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/carriercheck"
	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// unknownCarrier matches the plan-time error for code, suggesting want.
func unknownCarrier(code, want string) *regexp.Regexp {
	return acctest.Wrapped("Unknown carrier code", `carrier_code: "`+code+`" is not a TrackingMore carrier code. Did you mean`, `"`+want+`"`,
		"trackingmore_carriers", "trackingmore_carrier_detection")
}

// expectOnlyCarrierList fails unless every call the mock saw was GET /carriers.
func expectOnlyCarrierList(m *acctest.Mock) error {
	for endpoint := range m.Stats().ByEndpoint {
		if endpoint != "GET /carriers" {
			return fmt.Errorf("the plan called %s; want only GET /carriers: %v", endpoint, slices.Sorted(maps.Keys(m.Stats().ByEndpoint)))
		}
	}
	return nil
}

// TestAccTrackingResource_unknownCarrierFailsPlan: a mistyped carrier code
// fails the plan, on create and on a carrier change, naming the attribute
// with a suggestion, before any call that costs quota or changes anything.
func TestAccTrackingResource_unknownCarrierFailsPlan(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	const number = "1Z999AA10123456784"
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             m.CheckDestroyed,
		Steps: []resource.TestStep{
			{
				Config:      trackingConfig(m, `tracking_number = "`+number+`"`+"\n"+`carrier_code = "upss"`),
				ExpectError: unknownCarrier("upss", "ups"),
			},
			{
				PreConfig: func() {
					if err := expectOnlyCarrierList(m); err != nil {
						t.Fatal(err)
					}
				},
				Config: trackingConfig(m, `tracking_number = "`+number+`"`+"\n"+`carrier_code = "ups"`),
			},
			{
				Config:      trackingConfig(m, `tracking_number = "`+number+`"`+"\n"+`carrier_code = "fedx"`),
				ExpectError: unknownCarrier("fedx", "fedex"),
			},
			{
				// The tracking is still ups: the failed plan changed nothing.
				Config: trackingConfig(m, `tracking_number = "`+number+`"`+"\n"+`carrier_code = "ups"`),
				Check:  m.CheckTracking("ups", number, func(*trackingmore.Tracking) error { return nil }),
			},
		},
	})
	if got := m.Stats().ByEndpoint["GET /carriers"]; got == 0 {
		t.Error("the carrier list was never fetched")
	}
}

// TestCarrierErrorAtApply: a 4015 at apply (the plan-time check could not
// run) says what the plan would have said, not the API's field names.
func TestCarrierErrorAtApply(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	ctx := context.Background()
	_, createErr := m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10123456784", CarrierCode: "upss"})
	if _, err := m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups"}); err != nil {
		t.Fatal(err)
	}
	changeErr := m.Client.ChangeCarrier(ctx, "ups", "1Z999AA10123456784", "fedx")
	carriers := carriercheck.NewSource(m.Client)
	for _, c := range []struct {
		err        error
		code, want string
	}{{createErr, "upss", "ups"}, {changeErr, "fedx", "fedex"}} {
		got := explain.CarrierError(carriers.ForError(ctx, c.err), "ups/1Z999AA10123456784", path.Root("carrier_code"), c.code, c.err)
		for _, want := range []string{"code 4015", `carrier_code: "` + c.code + `" is not a TrackingMore carrier code`, `"` + c.want + `"`, "trackingmore_carrier_detection"} {
			if !strings.Contains(got, want) {
				t.Errorf("CarrierError = %q, lacks %q", got, want)
			}
		}
		if strings.Contains(got, "update_carrier_code") {
			t.Errorf("CarrierError names the API's internal field: %q", got)
		}
	}
	other := explain.CarrierError(carriers.ForError(ctx, fmt.Errorf("boom")), "ups/X", path.Root("carrier_code"), "ups", fmt.Errorf("boom"))
	if other != explain.Error("ups/X", fmt.Errorf("boom")) {
		t.Errorf("CarrierError of another error = %q, want explain.Error's", other)
	}
}

// TestCLITrackingResource_carrierListUnreachable: when GET /carriers fails at
// plan time, the plan still succeeds (exit 2: a create), with a warning that
// names the attribute and says the code was not checked.
func TestCLITrackingResource_carrierListUnreachable(t *testing.T) {
	t.Parallel()
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	m.SetFaults(mockapi.Faults{ErrorRate: 1})
	w := acctest.NewInProcessWorkdir(t, newServer, m.ConfigWith(map[string]string{"max_retries": "0"}, `
resource "trackingmore_tracking" "test" {
  tracking_number = "1Z999AA10123456784"
  carrier_code    = "ups"
}
`))
	code, out := w.Run("plan", "-input=false", "-detailed-exitcode")
	want := acctest.Wrapped("Warning: Carrier code not checked", `Could not fetch TrackingMore's carrier list (GET /carriers) to check carrier_code = "ups"`,
		"The plan goes on")
	if code != 2 || !want.MatchString(out) {
		t.Errorf("exit %d (want 2, a create) and a warning matching %s:\n%s", code, want, out)
	}
	if got := m.Stats().ByEndpoint["GET /carriers"]; got != 1 {
		t.Errorf("GET /carriers called %d times, want 1 (no retries with max_retries = 0)", got)
	}
}
