package providerconfig

import (
	"context"
	"strings"
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
	block := Model{APIKey: types.StringValue("tm-key-0123456789abcdef"), APIVersion: types.StringNull(), BaseURL: types.StringValue("http://127.0.0.1:1/v2"),
		MaxRetries: types.Int64Null(), RequestTimeout: types.StringValue("5s"), RequestsPerSecond: types.Float64Null()}
	first, diags := Configure(block, "test")
	if diags.HasError() || first == nil || first.Client == nil || first.Carriers == nil {
		t.Fatalf("data: %v %v", first, diags)
	}

	typ := Schema().Type().TerraformType(ctx)
	raw, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, map[string]tftypes.Value{
		"api_key":             tftypes.NewValue(tftypes.String, "tm-key-0123456789abcdef"),
		"api_version":         tftypes.NewValue(tftypes.String, nil),
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

// api_version picks the client's version, from the argument or else the
// environment; a wrong environment value is an error naming the argument.
func TestConfigure_apiVersion(t *testing.T) {
	block := func(version types.String) Model {
		return Model{APIKey: types.StringValue("tm-key-0123456789abcdef"), APIVersion: version, BaseURL: types.StringNull(),
			MaxRetries: types.Int64Null(), RequestTimeout: types.StringNull(), RequestsPerSecond: types.Float64Null()}
	}
	t.Setenv(providerenv.APIVersion, "")
	for _, c := range []struct {
		arg  types.String
		env  string
		want string
	}{
		{types.StringNull(), "", "v2"},
		{types.StringValue("v4"), "", "v4"},
		{types.StringNull(), "v4", "v4"},
		{types.StringValue("v2"), "v4", "v2"},
	} {
		t.Setenv(providerenv.APIVersion, c.env)
		data, diags := Configure(block(c.arg), "test")
		if diags.HasError() || data.Client.APIVersion() != c.want {
			t.Errorf("api_version %v, %s=%q: got %v (%v), want %s", c.arg, providerenv.APIVersion, c.env, data, diags, c.want)
		}
	}
	t.Setenv(providerenv.APIVersion, "v3")
	if _, diags := Configure(block(types.StringNull()), "test"); !diags.HasError() || !strings.Contains(diags[0].Detail(), `"v3"`) {
		t.Errorf("%s=v3: want an error naming the value, got %v", providerenv.APIVersion, diags)
	}
}

// A base URL of the other version fails at configure, naming both
// arguments, rather than as every call's rejected key.
func TestConfigure_baseURLOfOtherVersion(t *testing.T) {
	t.Setenv(providerenv.APIVersion, "")
	t.Setenv(providerenv.BaseURL, "")
	for _, c := range []struct{ version, url string }{
		{"v4", "https://api.trackingmore.com/v2"},
		{"v2", "http://127.0.0.1:8080/v4/"},
	} {
		_, diags := Configure(Model{APIKey: types.StringValue("tm-key-0123456789abcdef"), APIVersion: types.StringValue(c.version),
			BaseURL: types.StringValue(c.url), MaxRetries: types.Int64Null(), RequestTimeout: types.StringNull(), RequestsPerSecond: types.Float64Null()}, "test")
		if !diags.HasError() || !strings.Contains(diags[0].Detail(), "api_version") || !strings.Contains(diags[0].Summary(), "another API version") {
			t.Errorf("api_version %s with %s: %v", c.version, c.url, diags)
		}
	}
}
