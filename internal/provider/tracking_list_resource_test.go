package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// The list resource's filters are the trackingmore_trackings data source's.
func TestTrackingListResource_schemaMatchesFilters(t *testing.T) {
	ctx := context.Background()
	var ds datasource.SchemaResponse
	NewTrackingsDataSource().Schema(ctx, datasource.SchemaRequest{}, &ds)
	var lr list.ListResourceSchemaResponse
	NewTrackingListResource().ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &lr)
	for name := range trackingFilterAttributes() {
		a, l := ds.Schema.Attributes[name], lr.Schema.Attributes[name]
		if l == nil || !a.GetType().Equal(l.GetType()) || a.GetMarkdownDescription() != l.GetMarkdownDescription() || !l.IsOptional() {
			t.Errorf("%s: data source %+v, list resource %+v", name, a, l)
		}
	}
	if got, want := len(lr.Schema.Attributes), len(trackingFilterAttributes()); got != want {
		t.Errorf("list resource has %d arguments, want the %d filters", got, want)
	}
}

// TestAccTrackingListResource: terraform query finds trackings made outside
// Terraform, with identities, display names and (include_resource) whole
// resources, and the filters narrow it; through either API version.
func TestAccTrackingListResource(t *testing.T) {
	// order_ids is a v2 filter; v4 filters by number.
	filters := map[string]string{
		trackingmore.APIVersionV2: `order_ids = ["order-1002"]`,
		trackingmore.APIVersionV4: `tracking_numbers = ["9400111899223197428490"]`,
	}
	for version, filter := range filters {
		t.Run(version, func(t *testing.T) { testAccTrackingListResource(t, version, filter) })
	}
}

func testAccTrackingListResource(t *testing.T, version, filter string) {
	m := acctest.NewMockAt(t, version, mockapi.Options{Limits: mockapi.NoLimits})
	seed := []trackingmore.CreateTrackingRequest{
		{CarrierCode: "ups", TrackingNumber: "1Z999AA10123456784", Title: "Shoes",
			CustomerEmail: trackingmore.EmailList{"jane@example.com", "jane.doe@example.org"}},
		{CarrierCode: "usps", TrackingNumber: "9400111899223197428490", OrderID: "order-1002"},
		{CarrierCode: "dhl", TrackingNumber: "1234567890"},
	}
	acctest.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireFeature("query")},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					for _, req := range seed {
						if _, err := m.Client.CreateTracking(context.Background(), req); err != nil {
							t.Fatal(err)
						}
					}
				},
				Config: m.Config(""),
			},
			{
				Query: true,
				Config: `
list "trackingmore_tracking" "all" {
  provider         = trackingmore
  include_resource = true
}

list "trackingmore_tracking" "first" {
  provider = trackingmore
  limit    = 2
}

list "trackingmore_tracking" "order" {
  provider = trackingmore
  config {
    ` + filter + `
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("trackingmore_tracking.all", 3),
					querycheck.ExpectIdentity("trackingmore_tracking.all", map[string]knownvalue.Check{
						"carrier_code":    knownvalue.StringExact("ups"),
						"tracking_number": knownvalue.StringExact("1Z999AA10123456784"),
					}),
					querycheck.ExpectResourceDisplayName("trackingmore_tracking.all",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
							"carrier_code":    knownvalue.StringExact("ups"),
							"tracking_number": knownvalue.StringExact("1Z999AA10123456784"),
						}), knownvalue.StringExact("ups/1Z999AA10123456784 (Shoes)")),
					querycheck.ExpectResourceKnownValues("trackingmore_tracking.all",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
							"carrier_code":    knownvalue.StringExact("ups"),
							"tracking_number": knownvalue.StringExact("1Z999AA10123456784"),
						}), []querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("customer_emails"), KnownValue: knownvalue.ListExact([]knownvalue.Check{
								knownvalue.StringExact("jane@example.com"), knownvalue.StringExact("jane.doe@example.org")})},
							{Path: tfjsonpath.New("auto_update"), KnownValue: knownvalue.Bool(true)},
							{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringRegexp(hexID)},
						}),
					querycheck.ExpectLength("trackingmore_tracking.first", 2),
					querycheck.ExpectLength("trackingmore_tracking.order", 1),
					querycheck.ExpectIdentity("trackingmore_tracking.order", map[string]knownvalue.Check{
						"carrier_code":    knownvalue.StringExact("usps"),
						"tracking_number": knownvalue.StringExact("9400111899223197428490"),
					}),
				},
			},
		},
	})
}
