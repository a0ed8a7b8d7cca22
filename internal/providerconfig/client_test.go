package providerconfig

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/providerenv"
)

// Both servers of the provider configure from the same block: the
// framework's with a decoded Model, the bulk resource's with the raw
// value. They must get one Data, so that one pacing budget and one carrier
// catalogue serve both.
func TestConfigure_onePerConfiguration(t *testing.T) {
	ctx := context.Background()
	block := Model{APIKey: types.StringValue("tm-key-0123456789abcdef"), BaseURL: types.StringValue("http://127.0.0.1:1/v2"),
		MaxRetries: types.Int64Null(), RequestTimeout: types.StringValue("5s"), RequestsPerSecond: types.Float64Null()}
	first, diags := Configure(block, "test")
	if diags.HasError() || first == nil || first.Client == nil || first.Carriers == nil {
		t.Fatalf("data: %v %v", first, diags)
	}

	typ := Schema().Type().TerraformType(ctx)
	raw, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, map[string]tftypes.Value{
		"api_key":             tftypes.NewValue(tftypes.String, "tm-key-0123456789abcdef"),
		"base_url":            tftypes.NewValue(tftypes.String, "http://127.0.0.1:1/v2"),
		"max_retries":         tftypes.NewValue(tftypes.Number, nil),
		"request_timeout":     tftypes.NewValue(tftypes.String, "5s"),
		"requests_per_second": tftypes.NewValue(tftypes.Number, nil),
	}))
	if err != nil {
		t.Fatal(err)
	}
	fromProtocol, diags := ConfigureFromProtocol(ctx, &raw, "test")
	if diags.HasError() || fromProtocol != first {
		t.Errorf("the raw block gave another Data (%v)", diags)
	}

	other := block
	other.RequestsPerSecond = types.Float64Value(2)
	if second, _ := Configure(other, "test"); second == nil || second.Client == first.Client || second.Carriers == first.Carriers {
		t.Error("another configuration must get its own client and catalogue")
	}
}

// An api_key only known at apply leaves the provider unconfigured, without
// an error; a missing one is an error naming the attribute.
func TestConfigure_unknownAndMissingKey(t *testing.T) {
	t.Setenv(providerenv.APIKey, "")
	unknown := Model{APIKey: types.StringUnknown()}
	if data, diags := Configure(unknown, "test"); data != nil || diags.HasError() {
		t.Errorf("unknown api_key: data %v, diagnostics %v", data, diags)
	}
	_, diags := Configure(Model{APIKey: types.StringNull(), BaseURL: types.StringNull()}, "test")
	if !diags.HasError() || diags[0].Summary() != "Missing TrackingMore API key" {
		t.Errorf("missing api_key: %v", diags)
	}
}
