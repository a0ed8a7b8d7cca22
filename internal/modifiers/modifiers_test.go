package modifiers

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A request about an existing resource: RequiresReplaceIf leaves creates
// and destroys alone, and reads only whether the state is null.
var existing = tfsdk.State{Raw: tftypes.NewValue(tftypes.Object{}, map[string]tftypes.Value{})}

func TestReplaceIfCreateOnlyValueChanged(t *testing.T) {
	for name, tc := range map[string]struct {
		state, plan types.String
		replace     bool
	}{
		"changed":                 {types.StringValue("20260101"), types.StringValue("20260102"), true},
		"unchanged":               {types.StringValue("20260101"), types.StringValue("20260101"), false},
		"set after an import":     {types.StringNull(), types.StringValue("20260101"), false},
		"removed":                 {types.StringValue("20260101"), types.StringNull(), false},
		"unknown after an import": {types.StringNull(), types.StringUnknown(), false},
	} {
		t.Run(name, func(t *testing.T) {
			req := planmodifier.StringRequest{State: existing, Plan: tfsdk.Plan{Raw: existing.Raw}, StateValue: tc.state, PlanValue: tc.plan, ConfigValue: tc.plan}
			var resp planmodifier.StringResponse
			resp.PlanValue = tc.plan
			ReplaceIfCreateOnlyValueChanged().PlanModifyString(context.Background(), req, &resp)
			if resp.RequiresReplace != tc.replace {
				t.Errorf("RequiresReplace = %v, want %v", resp.RequiresReplace, tc.replace)
			}
		})
	}
}

func TestReplaceIfUpdatesResumed(t *testing.T) {
	for name, tc := range map[string]struct {
		state, plan types.Bool
		replace     bool
	}{
		"resumed":         {types.BoolValue(false), types.BoolValue(true), true},
		"stopped":         {types.BoolValue(true), types.BoolValue(false), false},
		"still updating":  {types.BoolValue(true), types.BoolValue(true), false},
		"still stopped":   {types.BoolValue(false), types.BoolValue(false), false},
		"after an import": {types.BoolNull(), types.BoolValue(true), false},
	} {
		t.Run(name, func(t *testing.T) {
			req := planmodifier.BoolRequest{State: existing, Plan: tfsdk.Plan{Raw: existing.Raw}, StateValue: tc.state, PlanValue: tc.plan, ConfigValue: tc.plan}
			var resp planmodifier.BoolResponse
			resp.PlanValue = tc.plan
			ReplaceIfUpdatesResumed().PlanModifyBool(context.Background(), req, &resp)
			if resp.RequiresReplace != tc.replace {
				t.Errorf("RequiresReplace = %v, want %v", resp.RequiresReplace, tc.replace)
			}
		})
	}
}
