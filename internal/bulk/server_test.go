package bulk

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
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

	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
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
	resp.TypeName = typeName
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
	want, got := resp.ResourceSchemas[typeName], trackingsSchema()
	if !reflect.DeepEqual(got, want) {
		gotJSON, _ := json.MarshalIndent(got, "", " ")
		wantJSON, _ := json.MarshalIndent(want, "", " ")
		t.Errorf("protocol schema differs from the framework's:\ngot  %s\nwant %s", gotJSON, wantJSON)
	}
}

// The calls Terraform makes outside plan and apply: a state from another
// schema version, a move from another type, and configuration generated
// for an import (Terraform 1.14 and later ask the provider for it).
func TestTrackingsProtocol_stateCalls(t *testing.T) {
	ctx := context.Background()
	srv := newTestServer(t)

	upgraded, _ := srv.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: typeName, Version: 2,
		RawState: &tfprotov6.RawState{JSON: []byte(`{}`)}})
	if len(upgraded.Diagnostics) != 1 || !strings.Contains(upgraded.Diagnostics[0].Detail, "newer provider") {
		t.Errorf("a state from schema version 2 must be refused: %+v", upgraded.Diagnostics)
	}
	stateJSON := `{"id":"0123456789abcdef","dropped_later":"x","trackings":{"a":{"tracking_number":"1Z999AA10123456784",` +
		`"carrier_code":"ups","archived":false,"id":"0123456789abcdef0123456789abcdef","status":"transit",` +
		`"customer_email":"a@example.com,b@example.com"}}}`
	upgraded, _ = srv.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{TypeName: typeName,
		RawState: &tfprotov6.RawState{JSON: []byte(stateJSON)}})
	if len(upgraded.Diagnostics) > 0 || upgraded.UpgradedState == nil {
		t.Fatalf("upgrade of a version 0 state: %+v", upgraded.Diagnostics)
	}
	upgradedValue, err := upgraded.UpgradedState.Unmarshal(trackingsType())
	if err != nil {
		t.Fatal(err)
	}
	var upgradeDiags diag.Diagnostics
	upgradedItems, _ := trackingsElements(upgradedValue, &upgradeDiags)
	if emails := tracking.EmailList(itemFromTerraform(ctx, upgradedItems["a"], &upgradeDiags).CustomerEmails); !slices.Equal(emails, trackingmore.EmailList{"a@example.com", "b@example.com"}) {
		t.Errorf("version 0 customer_email upgrades to customer_emails %q", emails)
	}

	generated, _ := srv.GenerateResourceConfig(ctx, &tfprotov6.GenerateResourceConfigRequest{TypeName: typeName, State: upgraded.UpgradedState})
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

	moved, _ := srv.MoveResourceState(ctx, &tfprotov6.MoveResourceStateRequest{SourceTypeName: "trackingmore_tracking", TargetTypeName: typeName})
	if len(moved.Diagnostics) != 1 || moved.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityError {
		t.Errorf("a move into %s must be refused: %+v", typeName, moved.Diagnostics)
	}
}

// planTrackings on its own: which values a plan keeps and which it leaves
// for the apply to fill.
func TestPlanTrackings(t *testing.T) {
	ctx := context.Background()
	created := tracked
	neverCreated := created.WithResults(tracking.Model{})
	prior := &trackingsResourceModel{ID: types.StringValue("feedfacecafebeef"), Trackings: map[string]tracking.Model{
		"same": created, "retitled": created, "renumbered": created, "failed": neverCreated,
	}}
	var diags diag.Diagnostics
	config := func(items map[string]tracking.Model) tftypes.Value {
		values := map[string]tftypes.Value{}
		for label, item := range items {
			values[label] = itemToTerraform(ctx, item.WithResults(tracking.Model{}), &diags)
		}
		return tftypes.NewValue(trackingsType(), map[string]tftypes.Value{
			"id":        tftypes.NewValue(tftypes.String, nil),
			"trackings": tftypes.NewValue(trackingsType().AttributeTypes["trackings"], values),
		})
	}
	retitled, renumbered, fresh := created, created, created
	retitled.Title = types.StringValue("Tea")
	renumbered.TrackingNumber = types.StringValue("1Z999AA10123456785")
	fresh.TrackingNumber = types.StringValue("1Z999AA10123456786")
	fresh.Archived = types.BoolNull() // left out of the configuration

	planned := planTrackings(ctx, nil, prior, config(map[string]tracking.Model{
		"same": created, "retitled": retitled, "renumbered": renumbered, "failed": neverCreated, "new": fresh,
	}), nil, &diags)
	items, _ := trackingsElements(planned, &diags)
	plan := map[string]tracking.Model{}
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
		{"retitled", created.ID, created.Status, created.CreatedAt},
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

// newTestServer is the server NewServer makes, for tests.
func newTestServer(t testing.TB) tfprotov6.ProviderServer {
	t.Helper()
	newServer, err := NewServer("test")
	if err != nil {
		t.Fatal(err)
	}
	return newServer()
}
