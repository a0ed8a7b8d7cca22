package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// protoServer is the provider as Terraform talks to it (gRPC messages, no
// CLI), configured against a mock, so a test can cancel one apply's context.
type protoServer struct {
	tfprotov6.ProviderServer
	schemas map[string]tftypes.Object
}

func newProtoServer(t *testing.T, m *acctest.Mock) *protoServer {
	t.Helper()
	ctx := context.Background()
	srv, err := newServer()
	if err != nil {
		t.Fatal(err)
	}
	sch, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(sch.Diagnostics) > 0 {
		t.Fatalf("schema: %v %v", err, sch.Diagnostics)
	}
	p := &protoServer{ProviderServer: srv, schemas: map[string]tftypes.Object{}}
	for name, s := range sch.ResourceSchemas {
		p.schemas[name] = s.ValueType().(tftypes.Object)
	}
	providerType := sch.Provider.ValueType().(tftypes.Object)
	config := objectOf(providerType, map[string]tftypes.Value{
		"api_key":             tftypes.NewValue(tftypes.String, acctest.APIKey),
		"base_url":            tftypes.NewValue(tftypes.String, m.URL),
		"requests_per_second": tftypes.NewValue(tftypes.Number, 1000),
	}, false)
	resp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: dynamic(t, providerType, config)})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("configure: %v %v", err, resp.Diagnostics)
	}
	return p
}

// computed are the read-only attributes, unknown in a plan.
var computed = map[string]bool{"id": true, "status": true, "substatus": true, "last_event": true, "last_update_time": true,
	"created_at": true, "updated_at": true, "original_country": true, "destination_country": true,
	"item_time_length_days": true, "stay_time_length_days": true}

// objectOf builds an object of typ from set; other attributes are null, or
// in a plan (planned) unknown when computed, and defaults applied.
func objectOf(typ tftypes.Object, set map[string]tftypes.Value, planned bool) tftypes.Value {
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		switch v, ok := set[name]; {
		case ok:
			vals[name] = v
		case planned && computed[name]:
			vals[name] = tftypes.NewValue(at, tftypes.UnknownValue)
		case planned && name == "archived":
			vals[name] = tftypes.NewValue(at, false)
		case planned && name == "auto_update":
			vals[name] = tftypes.NewValue(at, true)
		default:
			vals[name] = tftypes.NewValue(at, nil)
		}
	}
	return tftypes.NewValue(typ, vals)
}

func dynamic(t *testing.T, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

// create sends the ApplyResourceChange of a create of attrs under ctx.
func (p *protoServer) create(ctx context.Context, t *testing.T, typeName string, attrs map[string]tftypes.Value) (map[string]tftypes.Value, []*tfprotov6.Diagnostic) {
	t.Helper()
	typ := p.schemas[typeName]
	resp, err := p.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     typeName,
		PriorState:   dynamic(t, typ, tftypes.NewValue(typ, nil)),
		PlannedState: dynamic(t, typ, objectOf(typ, attrs, true)),
		Config:       dynamic(t, typ, objectOf(typ, attrs, false)),
	})
	if err != nil {
		t.Fatal(err)
	}
	var state map[string]tftypes.Value
	if resp.NewState != nil {
		v, err := resp.NewState.Unmarshal(typ)
		if err != nil {
			t.Fatal(err)
		}
		if !v.IsNull() {
			if err := v.As(&state); err != nil {
				t.Fatal(err)
			}
		}
	}
	return state, resp.Diagnostics
}

// cancelWhen cancels ctx as soon as cond holds, and returns when it did.
func cancelWhen(cancel context.CancelFunc, cond func() bool) <-chan time.Time {
	at := make(chan time.Time, 1)
	go func() {
		for !cond() {
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
		at <- time.Now()
	}()
	return at
}

func diagText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "%s: %s\n", d.Summary, d.Detail)
	}
	return b.String()
}

// TestCancel_bulkCreate interrupts a bulk create of three batches while the
// second is on the wire (the mock answers each call after 2 s): the apply
// returns at once, not after latency × retries, with the context error, and
// the returned state holds exactly the first batch, which the mock holds.
func TestCancel_bulkCreate(t *testing.T) {
	const latency = 2 * time.Second
	m := acctest.NewMock(t, mockapi.Options{Latency: latency})
	p := newProtoServer(t, m)
	itemType := p.schemas["trackingmore_trackings"].AttributeTypes["trackings"].(tftypes.Map).ElementType.(tftypes.Object)
	items := map[string]tftypes.Value{}
	for i := range 120 {
		items[fmt.Sprintf("order-%04d", i)] = objectOf(itemType, map[string]tftypes.Value{
			"carrier_code":    tftypes.NewValue(tftypes.String, "ups"),
			"tracking_number": tftypes.NewValue(tftypes.String, fmt.Sprintf("1Z999AA1%010d", i)),
		}, true)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cancelled := cancelWhen(cancel, func() bool { return m.Stats().ByEndpoint["POST /trackings/batch"] == 2 })
	state, diags := p.create(ctx, t, "trackingmore_trackings", map[string]tftypes.Value{
		"trackings": tftypes.NewValue(tftypes.Map{ElementType: itemType}, items),
	})
	returned := time.Now()
	if d := returned.Sub(<-cancelled); d > latency/2 {
		t.Errorf("the apply returned %v after the cancel", d)
	}
	if !strings.Contains(diagText(diags), "context canceled") {
		t.Errorf("diagnostics do not name the cancellation:\n%s", diagText(diags))
	}
	time.Sleep(latency + 500*time.Millisecond) // a write completing after the hang-up would show now
	var got map[string]tftypes.Value
	if err := state["trackings"].As(&got); err != nil {
		t.Fatal(err)
	}
	withID := 0
	for _, item := range got {
		var attrs map[string]tftypes.Value
		if err := item.As(&attrs); err != nil {
			t.Fatal(err)
		}
		if !attrs["id"].IsNull() {
			withID++
		}
	}
	if withID != 40 || m.TrackingCount() != 40 {
		t.Errorf("state holds %d created items, the mock %d; want the first batch of 40 in both", withID, m.TrackingCount())
	}
}

// TestCancel_singleCreate interrupts a single create twice: during the
// create itself (nothing exists, no state), and during the PUT that follows
// it to archive the new tracking (it exists: state must hold it).
func TestCancel_singleCreate(t *testing.T) {
	const latency = 2 * time.Second
	attrs := map[string]tftypes.Value{
		"carrier_code":    tftypes.NewValue(tftypes.String, "ups"),
		"tracking_number": tftypes.NewValue(tftypes.String, "1Z999AA10123456784"),
		"archived":        tftypes.NewValue(tftypes.Bool, true),
	}
	for _, tc := range []struct {
		name    string
		cancel  string // the call in flight when the context ends
		created bool
	}{
		{"during create", "POST /trackings/post", false},
		{"during follow-up update", "PUT /trackings/{carrier}/{number}", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := acctest.NewMock(t, mockapi.Options{Latency: latency})
			p := newProtoServer(t, m)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			cancelled := cancelWhen(cancel, func() bool { return m.Stats().ByEndpoint[tc.cancel] == 1 })
			state, diags := p.create(ctx, t, "trackingmore_tracking", attrs)
			if d := time.Since(<-cancelled); d > latency/2 {
				t.Errorf("the apply returned %v after the cancel", d)
			}
			if !strings.Contains(diagText(diags), "context canceled") {
				t.Errorf("diagnostics do not name the cancellation:\n%s", diagText(diags))
			}
			time.Sleep(latency + 500*time.Millisecond) // a write completing after the hang-up would show now
			if found, _ := m.Exists("ups", "1Z999AA10123456784"); found != tc.created {
				t.Fatalf("on the mock: %v, want %v", found, tc.created)
			}
			var id string
			if state != nil {
				_ = state["id"].As(&id)
			}
			if tc.created != (id != "") {
				t.Errorf("state id %q after the cancel; the tracking exists: %v", id, tc.created)
			}
		})
	}
}
