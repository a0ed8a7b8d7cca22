package provider

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// runFunction calls a provider function as Terraform would, with string arguments.
func runFunction(f function.Function, args ...string) (attr.Value, *function.FuncError) {
	values := make([]attr.Value, len(args))
	for i, a := range args {
		values[i] = types.StringValue(a)
	}
	var def function.DefinitionResponse
	f.Definition(context.Background(), function.DefinitionRequest{}, &def)
	resultType := def.Definition.Return.GetType()
	resp := function.RunResponse{Result: function.NewResultData(resultType.ValueType(context.Background()))}
	f.Run(context.Background(), function.RunRequest{Arguments: function.NewArgumentsData(values)}, &resp)
	return resp.Result.Value(), resp.Error
}

func TestTrackingIDFunctions(t *testing.T) {
	tests := []struct {
		name      string
		function  function.Function
		args      []string
		want      string // the result, or the pieces of the error
		wantError string
		argument  int64
	}{
		{name: "joins", function: NewTrackingIDFunction(), args: []string{"ups", "1Z999AA10123456784"}, want: `"ups/1Z999AA10123456784"`},
		{name: "uppercase carrier", function: NewTrackingIDFunction(), args: []string{"UPS", "1Z999AA10123456784"}, wantError: `carrier_code must be a TrackingMore carrier code`, argument: 0},
		{name: "slash in number", function: NewTrackingIDFunction(), args: []string{"ups", "1Z999/AA1"}, wantError: `tracking_number must be at least 5 characters`, argument: 1},
		{name: "short number", function: NewTrackingIDFunction(), args: []string{"ups", "1Z9"}, wantError: `got: "1Z9"`, argument: 1},
		{name: "splits", function: NewParseTrackingIDFunction(), args: []string{"usps/9400111899223197428490"},
			want: `{"carrier_code":"usps","tracking_number":"9400111899223197428490"}`},
		{name: "no slash", function: NewParseTrackingIDFunction(), args: []string{"ups-1Z999AA10123456784"}, wantError: `it has no '/'`},
		{name: "bad carrier", function: NewParseTrackingIDFunction(), args: []string{"U PS/1Z999AA10123456784"}, wantError: `the carrier code must be a TrackingMore carrier code.*got: "U PS"`},
		{name: "bad number", function: NewParseTrackingIDFunction(), args: []string{"ups/1Z"}, wantError: `the tracking number must be at least 5 characters.*got: "1Z"`},
		{name: "two slashes", function: NewParseTrackingIDFunction(), args: []string{"ups/1Z999/AA1"}, wantError: `the tracking number .*got: "1Z999/AA1"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := runFunction(tc.function, tc.args...)
			if tc.wantError != "" {
				if err == nil {
					t.Fatalf("got %s, want an error matching %q", got, tc.wantError)
				}
				if !regexp.MustCompile(tc.wantError).MatchString(err.Text) {
					t.Errorf("error %q does not match %q", err.Text, tc.wantError)
				}
				if err.FunctionArgument == nil || *err.FunctionArgument != tc.argument {
					t.Errorf("error names argument %v, want %d", err.FunctionArgument, tc.argument)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %s", err.Text)
			}
			if s := strings.NewReplacer(" ", "", "\n", "").Replace(got.String()); s != tc.want {
				t.Errorf("got %s, want %s", s, tc.want)
			}
		})
	}
}

// TestAccTrackingIDFunctions calls both functions through the CLI, round trip included.
func TestAccTrackingIDFunctions(t *testing.T) {
	m := acctest.NewMock(t, mockapi.Options{Limits: mockapi.NoLimits})
	acctest.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireFeature("functions")},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: m.Config(`
output "id" {
  value = provider::trackingmore::tracking_id("ups", "1Z999AA10123456784")
}
output "parts" {
  value = provider::trackingmore::parse_tracking_id(provider::trackingmore::tracking_id("usps", "9400111899223197428490"))
}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("id", knownvalue.StringExact("ups/1Z999AA10123456784")),
					statecheck.ExpectKnownOutputValue("parts", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"carrier_code":    knownvalue.StringExact("usps"),
						"tracking_number": knownvalue.StringExact("9400111899223197428490"),
					})),
				},
			},
			{
				Config:      m.Config(`output "bad" { value = provider::trackingmore::parse_tracking_id("ups-1Z999AA10123456784") }`),
				ExpectError: regexp.MustCompile(`(?s)expected carrier_code/tracking_number.*it has no '/'`),
			},
		},
	})
	m.ExpectNoCalls(t)
}
