package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"runtime"
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
)

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
					plancheck.ExpectKnownValue(partial, tfjsonpath.New("trackings").AtMapKey("known").AtMapKey("tracking_number"),
						knownvalue.StringExact("1Z999AA10123456784")),
					plancheck.ExpectUnknownValue(partial, tfjsonpath.New("trackings").AtMapKey("known").AtMapKey("title")),
					plancheck.ExpectUnknownValue(partial, tfjsonpath.New("trackings").AtMapKey("unknown")),
					plancheck.ExpectUnknownValue(whole, tfjsonpath.New("trackings")),
					plancheck.ExpectUnknownValue(whole, tfjsonpath.New("id")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(partial, tfjsonpath.New("trackings").AtMapKey("known").AtMapKey("title"), knownvalue.StringExact("Coffee")),
					statecheck.ExpectKnownValue(partial, tfjsonpath.New("trackings").AtMapKey("unknown").AtMapKey("id"), knownvalue.StringRegexp(hexID)),
					statecheck.ExpectKnownValue(whole, tfjsonpath.New("trackings").AtMapKey("parcel").AtMapKey("archived"), knownvalue.Bool(true)),
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

// The framework keeps every call's context until the provider stops; the
// server must hand it contexts that let go of the call's values once the
// call returns. Each call here carries 1 MiB in its context, as a call's
// loggers would carry about 100 KB.
func TestServer_releasesCallContexts(t *testing.T) {
	type payloadKey struct{}
	srv := NewServer("test")()
	heap := func() uint64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	const calls = 100
	before := heap()
	for range calls {
		ctx, cancel := context.WithCancel(context.WithValue(context.Background(), payloadKey{}, make([]byte, 1<<20)))
		// Unknown types: the framework keeps the context before it looks the type up.
		if _, err := srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "trackingmore_none"}); err != nil {
			t.Fatal(err)
		}
		if _, err := srv.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "trackingmore_none"}); err != nil {
			t.Fatal(err)
		}
		cancel()
	}
	after := heap()
	runtime.KeepAlive(srv) // as the provider's server lives on between calls
	if grown := (after - min(after, before)) >> 20; grown > calls/4 {
		t.Errorf("the heap grew by %d MiB over %d calls: the framework still holds their contexts", grown, calls)
	}
}
