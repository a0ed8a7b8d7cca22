// Package modifiers holds the plan modifiers of trackingmore_tracking as
// named functions, each with the rule it applies in one place (as
// terraform-provider-time's internal/modifiers does).
package modifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
)

// ReplaceIfCreateOnlyValueChanged replaces the tracking when a create-only
// value changes from one value to another. Setting one that state lacks (an
// imported tracking: the API never returns these) or removing one changes
// nothing on the API, so neither replaces.
func ReplaceIfCreateOnlyValueChanged() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(createOnlyValueChanged,
		"Changing a create-only value re-creates the tracking.",
		"Changing a create-only value re-creates the tracking.")
}

func createOnlyValueChanged(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull() && !req.PlanValue.IsNull()
}

// ReplaceIfUpdatesResumed replaces the tracking when auto_update goes from
// false back to true: TrackingMore cannot resume updates once stopped.
func ReplaceIfUpdatesResumed() planmodifier.Bool {
	return boolplanmodifier.RequiresReplaceIf(updatesResumed,
		"TrackingMore cannot resume updates of a tracking once stopped, so turning auto_update back on re-creates the tracking.",
		"TrackingMore cannot resume updates of a tracking once stopped, so turning `auto_update` back on re-creates the tracking.")
}

func updatesResumed(_ context.Context, req planmodifier.BoolRequest, resp *boolplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull() && !req.StateValue.ValueBool() && req.PlanValue.ValueBool()
}
