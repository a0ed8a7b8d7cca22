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

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// unknownCarrier matches the plan-time error for code, suggesting want.
func unknownCarrier(code, want string) *regexp.Regexp {
	return wrapped("Unknown carrier code", `carrier_code: "`+code+`" is not a TrackingMore carrier code. Did you mean`, `"`+want+`"`,
		"trackingmore_carriers", "trackingmore_carrier_detection")
}

// expectOnlyCarrierList fails unless every call the mock saw was GET /carriers.
func (m *testMock) expectOnlyCarrierList() error {
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
	m := newTestMock(t, mockapi.Options{})
	const number = "1Z999AA10123456784"
	parallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             m.checkDestroyed,
		Steps: []resource.TestStep{
			{
				Config:      trackingConfig(m, `tracking_number = "`+number+`"`+"\n"+`carrier_code = "upss"`),
				ExpectError: unknownCarrier("upss", "ups"),
			},
			{
				PreConfig: func() {
					if err := m.expectOnlyCarrierList(); err != nil {
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
				Check:  checkOnMock(m, "ups", number, func(*trackingmore.Tracking) error { return nil }),
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
	m := newTestMock(t, mockapi.Options{})
	ctx := context.Background()
	_, createErr := m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10123456784", CarrierCode: "upss"})
	if _, err := m.Client.CreateTracking(ctx, trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10123456784", CarrierCode: "ups"}); err != nil {
		t.Fatal(err)
	}
	changeErr := m.Client.ChangeCarrier(ctx, "ups", "1Z999AA10123456784", "fedx")
	for _, c := range []struct {
		err        error
		code, want string
	}{{createErr, "upss", "ups"}, {changeErr, "fedx", "fedex"}} {
		got := explain.CarrierError(ctx, m.Client, "ups/1Z999AA10123456784", path.Root("carrier_code"), c.code, c.err)
		for _, want := range []string{"code 4015", `carrier_code: "` + c.code + `" is not a TrackingMore carrier code`, `"` + c.want + `"`, "trackingmore_carrier_detection"} {
			if !strings.Contains(got, want) {
				t.Errorf("CarrierError = %q, lacks %q", got, want)
			}
		}
		if strings.Contains(got, "update_carrier_code") {
			t.Errorf("CarrierError names the API's internal field: %q", got)
		}
	}
	other := explain.CarrierError(ctx, m.Client, "ups/X", path.Root("carrier_code"), "ups", fmt.Errorf("boom"))
	if other != explain.Error("ups/X", fmt.Errorf("boom")) {
		t.Errorf("CarrierError of another error = %q, want explain.Error's", other)
	}
}
