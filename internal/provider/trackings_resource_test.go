package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

const bulkAddr = "trackingmore_trackings.test"

// bulkConfig is the provider block plus bulkResource(items).
func bulkConfig(m *testMock, items map[string]string) string {
	return m.config(bulkResource(items))
}

// bulkResource renders a trackingmore_trackings named "test" whose map holds
// items, each given as HCL attribute lines.
func bulkResource(items map[string]string) string {
	var b strings.Builder
	for _, label := range sortedKeys(items) {
		fmt.Fprintf(&b, "    %q = {\n%s\n    }\n", label, items[label])
	}
	return `
resource "trackingmore_trackings" "test" {
  trackings = {
` + b.String() + `  }
}
`
}

// upsItems returns n items labelled order-0001… with valid UPS numbers.
func upsItems(n int, extra string) map[string]string {
	items := map[string]string{}
	for i := range n {
		items[fmt.Sprintf("order-%04d", i)] = fmt.Sprintf("      carrier_code = \"ups\"\n      tracking_number = \"1Z999AA1%010d\"\n%s", i, extra)
	}
	return items
}

func bulkItem(label, attr string) tfjsonpath.Path {
	return tfjsonpath.New("trackings").AtMapKey(label).AtMapKey(attr)
}

// expectCalls checks how many calls each endpoint received since the mock
// was last reset, then resets its counters by remembering them.
func (m *testMock) expectCalls(want map[string]int64) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := m.Stats().ByEndpoint
		for endpoint, n := range want {
			if got[endpoint] != n {
				return fmt.Errorf("%s: expected %d calls, got %d (all: %v)", endpoint, n, got[endpoint], got)
			}
		}
		return nil
	}
}

func TestAccTrackingsResource_lifecycle(t *testing.T) {
	m := newTestMock(t, mockapi.Options{})
	items := map[string]string{
		"espresso": `      carrier_code = "ups"
      tracking_number = "1Z999AA10123456784"
      title = "Espresso machine"`,
		"shoes": `      carrier_code = "usps"
      tracking_number = "9400111899223197428490"
      archived = true`,
		"tea": `      carrier_code = "china-post"
      tracking_number = "RR123456785CN"
      manual_status = "delivered"`,
	}
	edited := map[string]string{
		// Unchanged.
		"espresso": items["espresso"],
		// Edited in place, carrier changed in place.
		"shoes": `      carrier_code = "fedex"
      tracking_number = "9400111899223197428490"
      title = "Running shoes"`,
		// "tea" is removed; a new label arrives.
		"lamp": `      carrier_code = "dhl"
      tracking_number = "1234567890"`,
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if n := m.TrackingCount(); n != 0 {
				return fmt.Errorf("%d trackings left on the mock after destroy", n)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: bulkConfig(m, items),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("espresso", "id"), knownvalue.StringRegexp(hexID)),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("shoes", "archived"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("tea", "status"), knownvalue.StringExact("delivered")),
				},
				Check: resource.ComposeTestCheckFunc(
					// One batch create, one updatemore for the archived and manual items.
					m.expectCalls(map[string]int64{"POST /trackings/batch": 1, "POST /trackings/updatemore": 1}),
					checkOnMock(m, "usps", "9400111899223197428490", func(tr *trackingmore.Tracking) error {
						if !bool(tr.Archived) {
							return fmt.Errorf("shoes is not archived on the mock")
						}
						return nil
					}),
				),
			},
			{
				Config: bulkConfig(m, edited),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bulkAddr, plancheck.ResourceActionUpdate),
					// The unchanged item keeps every value: the plan shows only real changes.
					plancheck.ExpectKnownValue(bulkAddr, bulkItem("espresso", "status"), knownvalue.StringExact("pending")),
					plancheck.ExpectUnknownValue(bulkAddr, bulkItem("lamp", "id")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("shoes", "carrier_code"), knownvalue.StringExact("fedex")),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("shoes", "archived"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(bulkAddr, bulkItem("lamp", "id"), knownvalue.StringRegexp(hexID)),
				},
				Check: resource.ComposeTestCheckFunc(
					m.expectCalls(map[string]int64{
						"POST /trackings/batch": 2, "POST /trackings/delete": 1,
						"POST /trackings/update": 1, "POST /trackings/updatemore": 2,
					}),
					func(*terraform.State) error {
						if found, _ := m.exists("china-post", "RR123456785CN"); found {
							return fmt.Errorf("the removed item is still on the mock")
						}
						return nil
					},
				),
			},
			{
				// A label change moves the tracking: no API call but the refresh.
				Config: bulkConfig(m, map[string]string{"espresso-renamed": edited["espresso"], "shoes": edited["shoes"], "lamp": edited["lamp"]}),
				Check: m.expectCalls(map[string]int64{
					"POST /trackings/batch": 2, "POST /trackings/delete": 1, "POST /trackings/updatemore": 2,
				}),
			},
			{
				ResourceName:  bulkAddr,
				ImportState:   true,
				ImportStateId: "espresso-renamed=ups/1Z999AA10123456784,shoes=fedex/9400111899223197428490,lamp=dhl/1234567890",
				// The id is the provider's own and new on import, so compare items.
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					want := map[string]string{
						"trackings.%":                       "3",
						"trackings.espresso-renamed.title":  "Espresso machine",
						"trackings.shoes.carrier_code":      "fedex",
						"trackings.shoes.title":             "Running shoes",
						"trackings.lamp.tracking_number":    "1234567890",
						"trackings.espresso-renamed.status": "pending",
					}
					for k, v := range want {
						if got := states[0].Attributes[k]; got != v {
							return fmt.Errorf("imported %s = %q, want %q", k, got, v)
						}
					}
					return nil
				},
			},
		},
	})
}

func TestAccTrackingsResource_scale(t *testing.T) {
	m := newTestMock(t, mockapi.Options{})
	items := upsItems(95, `      order_id = "SO"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: bulkConfig(m, items),
				// ceil(95/40) batch calls; the post-apply refresh reads one page.
				Check: m.expectCalls(map[string]int64{"POST /trackings/batch": 3, "GET /trackings/{carrier}/{number}": 0}),
			},
			{
				// Out-of-band delete of one item: the refresh drops it, the plan re-adds it.
				PreConfig: func() {
					if err := m.Client.DeleteTracking(context.Background(), "ups", "1Z999AA10000000007"); err != nil {
						t.Fatal(err)
					}
				},
				Config: bulkConfig(m, items),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bulkAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(bulkAddr, bulkItem("order-0007", "id")),
					plancheck.ExpectKnownValue(bulkAddr, bulkItem("order-0008", "id"), knownvalue.StringRegexp(hexID)),
				}},
				Check: func(*terraform.State) error {
					if n := m.TrackingCount(); n != 95 {
						return fmt.Errorf("the mock holds %d trackings, want 95", n)
					}
					return nil
				},
			},
		},
	})
}

func TestAccTrackingsResource_partialFailures(t *testing.T) {
	m := newTestMock(t, mockapi.Options{})
	m.SetQuota(3)
	five := upsItems(5, "")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// Quota runs out after three: those three are kept (not tainted),
				// the two others are reported and planned again.
				Config:             bulkConfig(m, five),
				ExpectNonEmptyPlan: true,
				Check: func(*terraform.State) error {
					if n := m.TrackingCount(); n != 3 {
						return fmt.Errorf("the mock holds %d trackings, want 3", n)
					}
					return nil
				},
			},
			{
				// With quota again, the next apply converges without re-creating anything.
				PreConfig: func() { m.SetQuota(100) },
				Config:    bulkConfig(m, five),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(bulkAddr, plancheck.ResourceActionUpdate),
				}},
				Check: func(*terraform.State) error {
					if n := m.TrackingCount(); n != 5 {
						return fmt.Errorf("the mock holds %d trackings, want 5", n)
					}
					return nil
				},
			},
			{
				// An update that adds items beyond the quota and one that exists
				// already: the error names each failed item; the rest is kept.
				PreConfig: func() {
					m.SetQuota(1)
					_, err := m.Client.CreateTracking(context.Background(), trackingmore.CreateTrackingRequest{TrackingNumber: "1Z999AA10000000099", CarrierCode: "ups"})
					if err != nil {
						t.Fatal(err)
					}
				},
				Config:      bulkConfig(m, upsItems(8, "")),
				ExpectError: regexp.MustCompile(`(?s)order-0006 \(ups/1Z999AA10000000006\).*4021|order-0007 \(ups/1Z999AA10000000007\).*4021`),
			},
		},
	})
}

func TestAccTrackingsResource_invalid(t *testing.T) {
	m := newTestMock(t, mockapi.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: bulkConfig(m, map[string]string{
					"a": `      carrier_code = "ups"
      tracking_number = "1Z999AA10123456784"`,
					"b": `      carrier_code = "ups"
      tracking_number = "1Z999AA10123456784"`,
				}),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Duplicate tracking number`),
			},
			{
				Config:      bulkConfig(m, map[string]string{"a": `      carrier_code = "ups"` + "\n" + `      tracking_number = "a/b"`}),
				PlanOnly:    true,
				ExpectError: errorNaming(`trackings["a"].tracking_number`),
			},
			{
				ResourceName:  bulkAddr,
				Config:        bulkConfig(m, upsItems(1, "")),
				ImportState:   true,
				ImportStateId: "ups/1Z999AA10123456784,ups:oops",
				ExpectError:   regexp.MustCompile(`comma-separated list`),
			},
		},
	})
	m.expectNoCalls(t)
}

// schemaOnly is a framework provider with one resource of the given
// schema: what the framework would tell Terraform if it served it.
type schemaOnly struct {
	schema func() fwresource.SchemaResponse
}

func (p schemaOnly) Metadata(_ context.Context, _ fwprovider.MetadataRequest, resp *fwprovider.MetadataResponse) {
	resp.TypeName = "trackingmore"
}
func (p schemaOnly) Schema(context.Context, fwprovider.SchemaRequest, *fwprovider.SchemaResponse) {}
func (p schemaOnly) Configure(context.Context, fwprovider.ConfigureRequest, *fwprovider.ConfigureResponse) {
}
func (p schemaOnly) DataSources(context.Context) []func() datasource.DataSource { return nil }
func (p schemaOnly) Resources(context.Context) []func() fwresource.Resource {
	return []func() fwresource.Resource{func() fwresource.Resource { return schemaOnlyResource(p) }}
}

type schemaOnlyResource schemaOnly

func (r schemaOnlyResource) Metadata(_ context.Context, _ fwresource.MetadataRequest, resp *fwresource.MetadataResponse) {
	resp.TypeName = bulkTypeName
}
func (r schemaOnlyResource) Schema(_ context.Context, _ fwresource.SchemaRequest, resp *fwresource.SchemaResponse) {
	*resp = r.schema()
}
func (schemaOnlyResource) Create(context.Context, fwresource.CreateRequest, *fwresource.CreateResponse) {
}
func (schemaOnlyResource) Read(context.Context, fwresource.ReadRequest, *fwresource.ReadResponse) {}
func (schemaOnlyResource) Update(context.Context, fwresource.UpdateRequest, *fwresource.UpdateResponse) {
}
func (schemaOnlyResource) Delete(context.Context, fwresource.DeleteRequest, *fwresource.DeleteResponse) {
}

// The protocol schema of trackingmore_trackings is converted by hand from
// its framework definition: it must be exactly what the framework would
// have sent, so that documentation, validation by Terraform and the
// shared item attributes cannot drift from the single resource's.
func TestTrackingsSchema_matchesFramework(t *testing.T) {
	fw := providerserver.NewProtocol6(schemaOnly{schema: func() fwresource.SchemaResponse {
		return fwresource.SchemaResponse{Schema: trackingsFrameworkSchema()}
	}})()
	resp, err := fw.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("framework schema: %v %v", err, resp.Diagnostics)
	}
	want, got := resp.ResourceSchemas[bulkTypeName], trackingsSchema()
	if !reflect.DeepEqual(got, want) {
		gotJSON, _ := json.MarshalIndent(got, "", " ")
		wantJSON, _ := json.MarshalIndent(want, "", " ")
		t.Errorf("protocol schema differs from the framework's:\ngot  %s\nwant %s", gotJSON, wantJSON)
	}

	served, err := NewServer("test")().GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || served.ResourceSchemas[bulkTypeName] != got || served.ResourceSchemas["trackingmore_tracking"] == nil {
		t.Errorf("the server does not serve both resources' schemas: %v", err)
	}
}

// Values only known at apply: one item's title, one whole item, and a
// whole map. The plan keeps them unknown (Terraform rejects any other
// plan), and the apply converges to an empty plan.
func TestAccTrackingsResource_unknownAtPlan(t *testing.T) {
	m := newTestMock(t, mockapi.Options{})
	config := m.config(`
resource "terraform_data" "later" {
  input = {
    title = "Coffee"
    item  = { carrier_code = "usps", tracking_number = "9400111899223197428490" }
    items = { parcel = { carrier_code = "dhl", tracking_number = "1234567890", archived = true } }
  }
}

resource "trackingmore_trackings" "partial" {
  trackings = {
    known   = { carrier_code = "ups", tracking_number = "1Z999AA10123456784", title = terraform_data.later.output.title }
    unknown = terraform_data.later.output.item
  }
}

resource "trackingmore_trackings" "whole" {
  trackings = terraform_data.later.output.items
}
`)
	partial, whole := "trackingmore_trackings.partial", "trackingmore_trackings.whole"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectKnownValue(partial, bulkItem("known", "tracking_number"),
						knownvalue.StringExact("1Z999AA10123456784")),
					plancheck.ExpectUnknownValue(partial, bulkItem("known", "title")),
					plancheck.ExpectUnknownValue(partial, tfjsonpath.New("trackings").AtMapKey("unknown")),
					plancheck.ExpectUnknownValue(whole, tfjsonpath.New("trackings")),
					plancheck.ExpectUnknownValue(whole, tfjsonpath.New("id")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(partial, bulkItem("known", "title"), knownvalue.StringExact("Coffee")),
					statecheck.ExpectKnownValue(partial, bulkItem("unknown", "id"), knownvalue.StringRegexp(hexID)),
					statecheck.ExpectKnownValue(whole, bulkItem("parcel", "archived"), knownvalue.Bool(true)),
				},
				Check: func(*terraform.State) error {
					if got := m.TrackingCount(); got != 3 {
						return fmt.Errorf("the mock holds %d trackings, want 3", got)
					}
					return nil
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// The calls Terraform makes outside plan and apply: a state from another
// schema version, a move from another type, and configuration generated
// for an import (Terraform 1.14 and later ask the provider for it).
func TestTrackingsProtocol_stateCalls(t *testing.T) {
	ctx := context.Background()
	srv := NewServer("test")()

	upgraded, _ := srv.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: bulkTypeName, Version: 1,
		RawState: &tfprotov6.RawState{JSON: []byte(`{}`)}})
	if len(upgraded.Diagnostics) != 1 || !strings.Contains(upgraded.Diagnostics[0].Detail, "newer provider") {
		t.Errorf("a state from schema version 1 must be refused: %+v", upgraded.Diagnostics)
	}
	stateJSON := `{"id":"0123456789abcdef","dropped_later":"x","trackings":{"a":{"tracking_number":"1Z999AA10123456784",` +
		`"carrier_code":"ups","archived":false,"id":"0123456789abcdef0123456789abcdef","status":"transit"}}}`
	upgraded, _ = srv.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: bulkTypeName,
		RawState: &tfprotov6.RawState{JSON: []byte(stateJSON)}})
	if len(upgraded.Diagnostics) > 0 || upgraded.UpgradedState == nil {
		t.Fatalf("upgrade of a version 0 state: %+v", upgraded.Diagnostics)
	}

	generated, _ := srv.GenerateResourceConfig(ctx, &tfprotov6.GenerateResourceConfigRequest{TypeName: bulkTypeName, State: upgraded.UpgradedState})
	if len(generated.Diagnostics) > 0 {
		t.Fatalf("generate config: %+v", generated.Diagnostics)
	}
	config, err := generated.Config.Unmarshal(trackingsType())
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.Diagnostics
	items, _ := trackingsElements(config, &diags)
	item := itemFromTerraform(ctx, items["a"], &diags)
	if diags.HasError() || item.TrackingNumber.ValueString() != "1Z999AA10123456784" || !item.ID.IsNull() || !item.Status.IsNull() {
		t.Errorf("generated configuration must keep the arguments and drop read-only values: %+v", item)
	}

	moved, _ := srv.MoveResourceState(ctx, &tfprotov6.MoveResourceStateRequest{SourceTypeName: "trackingmore_tracking", TargetTypeName: bulkTypeName})
	if len(moved.Diagnostics) != 1 || moved.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityError {
		t.Errorf("a move into %s must be refused: %+v", bulkTypeName, moved.Diagnostics)
	}
}

// planTrackings on its own: which values a plan keeps and which it leaves
// for the apply to fill.
func TestPlanTrackings(t *testing.T) {
	ctx := context.Background()
	created := trackingItemModel{
		TrackingNumber: types.StringValue("1Z999AA10123456784"), CarrierCode: types.StringValue("ups"),
		Title: types.StringValue("Coffee"), Archived: types.BoolValue(false),
		ID: types.StringValue("0123456789abcdef0123456789abcdef"), Status: types.StringValue("transit"),
		Substatus: types.StringValue("transit001"), LastEvent: types.StringValue("Departed"),
		LastUpdateTime: types.StringValue("2026-11-20 10:00:00"), CreatedAt: types.StringValue("2026-11-19T08:00:00+00:00"),
	}
	neverCreated := created.withResults(trackingItemModel{})
	prior := &trackingsResourceModel{ID: types.StringValue("feedfacecafebeef"), Trackings: map[string]trackingItemModel{
		"same": created, "retitled": created, "renumbered": created, "failed": neverCreated,
	}}
	var diags diag.Diagnostics
	config := func(items map[string]trackingItemModel) tftypes.Value {
		values := map[string]tftypes.Value{}
		for label, item := range items {
			values[label] = item.withResults(trackingItemModel{}).toTerraform(ctx, &diags)
		}
		return tftypes.NewValue(trackingsType(), map[string]tftypes.Value{
			"id":        tftypes.NewValue(tftypes.String, nil),
			"trackings": tftypes.NewValue(trackingsType().AttributeTypes["trackings"], values),
		})
	}
	retitled, renumbered, fresh := created, created, created
	retitled.Title = types.StringValue("Tea")
	renumbered.TrackingNumber = types.StringValue("1Z999AA10123456785")
	fresh.Archived = types.BoolNull() // left out of the configuration

	planned := planTrackings(ctx, prior, config(map[string]trackingItemModel{
		"same": created, "retitled": retitled, "renumbered": renumbered, "failed": neverCreated, "new": fresh,
	}), &diags)
	items, _ := trackingsElements(planned, &diags)
	plan := map[string]trackingItemModel{}
	for label, v := range items {
		plan[label] = itemFromTerraform(ctx, v, &diags)
	}
	if diags.HasError() {
		t.Fatal(diags)
	}
	unknown := types.StringUnknown()
	for _, c := range []struct {
		label             string
		id, status, since types.String
	}{
		{"same", created.ID, created.Status, created.CreatedAt},
		{"retitled", created.ID, unknown, created.CreatedAt},
		{"renumbered", unknown, unknown, unknown},
		{"failed", unknown, unknown, unknown},
		{"new", unknown, unknown, unknown},
	} {
		got := plan[c.label]
		if !got.ID.Equal(c.id) || !got.Status.Equal(c.status) || !got.CreatedAt.Equal(c.since) {
			t.Errorf("%s: planned id %v, status %v, created_at %v; want %v, %v, %v", c.label, got.ID, got.Status, got.CreatedAt, c.id, c.status, c.since)
		}
	}
	if !plan["new"].Archived.Equal(types.BoolValue(false)) {
		t.Errorf("archived left out must default to false, planned %v", plan["new"].Archived)
	}
	var attrs map[string]tftypes.Value
	if err := planned.As(&attrs); err != nil || !attrs["id"].Equal(tftypes.NewValue(tftypes.String, "feedfacecafebeef")) {
		t.Errorf("the resource keeps its id: %v %v", attrs["id"], err)
	}
}
