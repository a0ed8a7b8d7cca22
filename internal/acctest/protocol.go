package acctest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// ProtoServer is the provider as Terraform talks to it (plugin protocol
// messages, no CLI), configured against a mock, so that a test can make
// one call of its own: cancel an apply's context, read a state of its
// choosing.
type ProtoServer struct {
	tfprotov6.ProviderServer
	Schemas map[string]tftypes.Object // each resource's state type, by type name
}

// NewProtoServer is the server newServer returns, configured against m.
func NewProtoServer(t testing.TB, newServer func() (tfprotov6.ProviderServer, error), m *Mock) *ProtoServer {
	t.Helper()
	ctx := context.Background()
	srv, err := newServer()
	if err != nil {
		t.Fatal(err)
	}
	sch, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(sch.Diagnostics) > 0 {
		t.Fatalf("schema: %v %s", err, DiagnosticsText(sch.Diagnostics))
	}
	p := &ProtoServer{ProviderServer: srv, Schemas: map[string]tftypes.Object{}}
	for name, s := range sch.ResourceSchemas {
		p.Schemas[name] = s.ValueType().(tftypes.Object) //nolint:forcetypeassert // a resource's schema is an object
	}
	providerType := sch.Provider.ValueType().(tftypes.Object) //nolint:forcetypeassert // so is the provider's
	config := ObjectOf(providerType, map[string]tftypes.Value{
		"api_key":             tftypes.NewValue(tftypes.String, APIKey),
		"base_url":            tftypes.NewValue(tftypes.String, m.URL),
		"requests_per_second": tftypes.NewValue(tftypes.Number, 1000),
	}, false)
	resp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: DynamicValue(t, providerType, config)})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("configure: %v %s", err, DiagnosticsText(resp.Diagnostics))
	}
	return p
}

// Create sends the ApplyResourceChange of a create of attrs under ctx, and
// returns the new state's attributes (nil for none) and the diagnostics.
func (p *ProtoServer) Create(ctx context.Context, t testing.TB, typeName string, attrs map[string]tftypes.Value) (map[string]tftypes.Value, []*tfprotov6.Diagnostic) {
	t.Helper()
	typ := p.Schemas[typeName]
	resp, err := p.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     typeName,
		PriorState:   DynamicValue(t, typ, tftypes.NewValue(typ, nil)),
		PlannedState: DynamicValue(t, typ, ObjectOf(typ, attrs, true)),
		Config:       DynamicValue(t, typ, ObjectOf(typ, attrs, false)),
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

// computed are a tracking's read-only attributes, unknown in a plan.
var computed = map[string]bool{"id": true, "status": true, "substatus": true, "last_event": true, "last_update_time": true,
	"created_at": true, "updated_at": true, "original_country": true, "destination_country": true,
	"item_time_length_days": true, "stay_time_length_days": true}

// ObjectOf builds an object of typ (a tracking, or the provider block) from
// set; other attributes are null, or in a plan (planned) unknown when
// computed, and the tracking's defaults applied.
func ObjectOf(typ tftypes.Object, set map[string]tftypes.Value, planned bool) tftypes.Value {
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

// DynamicValue is v of typ as a protocol message carries it.
func DynamicValue(t testing.TB, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

// CancelWhen calls cancel as soon as cond holds (polling every 5 ms), and
// sends the time it did.
func CancelWhen(cancel context.CancelFunc, cond func() bool) <-chan time.Time {
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

// DiagnosticsText is each diagnostic's "summary: detail", a line each.
func DiagnosticsText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "%s: %s\n", d.Summary, d.Detail)
	}
	return b.String()
}
