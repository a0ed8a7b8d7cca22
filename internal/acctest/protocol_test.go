package acctest

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/bulk"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/providerconfig"
)

// A configuration has nulls where nothing is set; a plan has unknown
// computed values and the defaults.
func TestObjectOf(t *testing.T) {
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"tracking_number": tftypes.String, "title": tftypes.String, "id": tftypes.String, "archived": tftypes.Bool, "auto_update": tftypes.Bool,
	}}
	set := map[string]tftypes.Value{"tracking_number": tftypes.NewValue(tftypes.String, "1Z999AA10123456784")}
	for planned, want := range map[bool]map[string]tftypes.Value{
		false: {"title": tftypes.NewValue(tftypes.String, nil), "id": tftypes.NewValue(tftypes.String, nil),
			"archived": tftypes.NewValue(tftypes.Bool, nil), "auto_update": tftypes.NewValue(tftypes.Bool, nil)},
		true: {"title": tftypes.NewValue(tftypes.String, nil), "id": tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
			"archived": tftypes.NewValue(tftypes.Bool, false), "auto_update": tftypes.NewValue(tftypes.Bool, true)},
	} {
		want["tracking_number"] = set["tracking_number"]
		if got := ObjectOf(typ, set, planned); !got.Equal(tftypes.NewValue(typ, want)) {
			t.Errorf("planned %v: %v", planned, got)
		}
	}
}

// NewProtoServer configures the server against the mock: a create through
// it lands on the mock, and Create returns the new state.
func TestProtoServer_Create(t *testing.T) {
	m := NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	p := NewProtoServer(t, func() (tfprotov6.ProviderServer, error) {
		newBulk, err := bulk.NewServer("test")
		if err != nil {
			return nil, err
		}
		return bulkWithProviderBlock{newBulk()}, nil
	}, m)
	itemType := p.Schemas["trackingmore_trackings"].AttributeTypes["trackings"].(tftypes.Map).ElementType.(tftypes.Object)
	item := ObjectOf(itemType, map[string]tftypes.Value{
		"carrier_code":    tftypes.NewValue(tftypes.String, "ups"),
		"tracking_number": tftypes.NewValue(tftypes.String, "1Z999AA10123456784"),
	}, true)
	state, diags := p.Create(context.Background(), t, "trackingmore_trackings", map[string]tftypes.Value{
		"trackings": tftypes.NewValue(tftypes.Map{ElementType: itemType}, map[string]tftypes.Value{"a": item}),
	})
	if len(diags) > 0 {
		t.Fatalf("create: %s", DiagnosticsText(diags))
	}
	var items map[string]tftypes.Value
	if err := state["trackings"].As(&items); err != nil {
		t.Fatal(err)
	}
	var attrs map[string]tftypes.Value
	if err := items["a"].As(&attrs); err != nil {
		t.Fatal(err)
	}
	var id string
	if err := attrs["id"].As(&id); err != nil || m.TrackingIDs(t)["ups/1Z999AA10123456784"] != id || id == "" {
		t.Errorf("state id %q (%v), the mock's %v", id, err, m.TrackingIDs(t))
	}
}

// bulkWithProviderBlock is the bulk resource's server, which leaves the
// provider block's schema to the framework's, with that schema.
type bulkWithProviderBlock struct{ tfprotov6.ProviderServer }

func (s bulkWithProviderBlock) GetProviderSchema(ctx context.Context, req *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	resp, err := s.ProviderServer.GetProviderSchema(ctx, req)
	if err != nil {
		return nil, err
	}
	block := &tfprotov6.SchemaBlock{}
	for name, typ := range providerconfig.Schema().Type().TerraformType(ctx).(tftypes.Object).AttributeTypes {
		block.Attributes = append(block.Attributes, &tfprotov6.SchemaAttribute{Name: name, Type: typ, Optional: true})
	}
	resp.Provider = &tfprotov6.Schema{Block: block}
	return resp, nil
}

func TestDiagnosticsText(t *testing.T) {
	got := DiagnosticsText([]*tfprotov6.Diagnostic{{Summary: "Unable to create tracking", Detail: "code 4016"}, {Summary: "Partial", Detail: "2 of 3"}})
	if want := "Unable to create tracking: code 4016\nPartial: 2 of 3\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// CancelWhen cancels once the condition holds, not before, and says when.
func TestCancelWhen(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan struct{})
	at := CancelWhen(cancel, func() bool {
		select {
		case <-ready:
			return true
		default:
			return false
		}
	})
	time.Sleep(20 * time.Millisecond)
	if ctx.Err() != nil {
		t.Fatal("cancelled before the condition held")
	}
	close(ready)
	select {
	case when := <-at:
		if ctx.Err() == nil || when.IsZero() {
			t.Errorf("at %v, context %v", when, ctx.Err())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("not cancelled after the condition held")
	}
}
