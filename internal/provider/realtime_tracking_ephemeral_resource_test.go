package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// The ephemeral resource's schema is the realtime data source's, attribute
// by attribute (ephemeralAttributes converts it).
func TestRealtimeTrackingEphemeralResource_schemaMatchesDataSource(t *testing.T) {
	ctx := context.Background()
	var ds datasource.SchemaResponse
	NewRealtimeTrackingDataSource().Schema(ctx, datasource.SchemaRequest{}, &ds)
	var eph ephemeral.SchemaResponse
	NewRealtimeTrackingEphemeralResource().Schema(ctx, ephemeral.SchemaRequest{}, &eph)
	if diags := eph.Schema.ValidateImplementation(ctx); diags.HasError() {
		t.Fatalf("invalid ephemeral schema: %v", diags)
	}
	if !ds.Schema.Type().Equal(eph.Schema.Type()) {
		t.Fatalf("types differ:\ndata source %s\nephemeral   %s", ds.Schema.Type(), eph.Schema.Type())
	}
	for name, a := range ds.Schema.Attributes {
		e := eph.Schema.Attributes[name]
		if a.IsRequired() != e.IsRequired() || a.IsOptional() != e.IsOptional() || a.IsComputed() != e.IsComputed() ||
			a.GetMarkdownDescription() != e.GetMarkdownDescription() {
			t.Errorf("%s: data source %+v, ephemeral %+v", name, a, e)
		}
	}
}

// TestAccRealtimeTrackingEphemeralResource: the answer reaches another
// provider within the run (the echo provider writes what it is given into
// its own state, which is how ephemeral values are tested), and nothing of
// trackingmore_realtime_tracking is in the state.
func TestAccRealtimeTrackingEphemeralResource(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	acctest.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{acctest.RequireFeature("ephemeral")},
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			"trackingmore": testAccProtoV6ProviderFactories["trackingmore"],
			"echo":         echoprovider.NewProviderServer(),
		},
		Steps: []resource.TestStep{{
			Config: acctest.WithRequiredProvider(m.Config(`
ephemeral "trackingmore_realtime_tracking" "now" {
  carrier_code    = "ups"
  tracking_number = "1Z999AA10123456784"
  order_id        = "order-1001"
}

provider "echo" {
  data = ephemeral.trackingmore_realtime_tracking.now
}

resource "echo" "now" {}
`), "echo"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("echo.now", tfjsonpath.New("data").AtMapKey("tracking_number"), knownvalue.StringExact("1Z999AA10123456784")),
				statecheck.ExpectKnownValue("echo.now", tfjsonpath.New("data").AtMapKey("order_id"), knownvalue.StringExact("order-1001")),
				statecheck.ExpectKnownValue("echo.now", tfjsonpath.New("data").AtMapKey("status"), knownvalue.StringRegexp(regexp.MustCompile(`^(pending|notfound|transit|pickup|delivered|undelivered|exception|expired)$`))),
				statecheck.ExpectKnownValue("echo.now", tfjsonpath.New("data").AtMapKey("origin_info").AtMapKey("carrier_code"), knownvalue.StringExact("ups")),
			},
			Check: func(s *terraform.State) error {
				for addr := range s.RootModule().Resources {
					if addr != "echo.now" {
						return fmt.Errorf("state holds %s; only echo.now belongs there", addr)
					}
				}
				if got := m.Stats().ByEndpoint["POST /trackings/realtime"]; got == 0 {
					return fmt.Errorf("the mock saw no realtime query")
				}
				if n := m.TrackingCount(); n != 0 {
					return fmt.Errorf("a realtime query stored %d trackings", n)
				}
				return nil
			},
		}},
	})
}
