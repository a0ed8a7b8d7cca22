package bulk

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingitem"
)

// validateTrackings runs each item attribute's validators on every known
// item, and rejects an empty map and a tracking number under two labels
// (the API would answer the second with a duplicate error).
func validateTrackings(ctx context.Context, config tftypes.Value, diags *diag.Diagnostics) {
	items, known := trackingsElements(config, diags)
	if !known {
		return
	}
	root := path.Root("trackings")
	if len(items) == 0 {
		diags.AddAttributeError(root, "Invalid Attribute Value",
			fmt.Sprintf("Attribute %s must hold at least one tracking; to delete them all, remove the resource.", root))
	}
	labelOf := map[string]string{}
	for _, label := range sortedKeys(items) {
		if !items[label].IsKnown() {
			continue
		}
		item := itemFromTerraform(ctx, items[label], diags)
		validateItem(ctx, root.AtMapKey(label), item, diags)
		number := item.TrackingNumber
		if number.IsUnknown() || number.IsNull() {
			continue
		}
		if first, dup := labelOf[number.ValueString()]; dup {
			diags.AddAttributeError(root.AtMapKey(label), "Duplicate tracking number",
				fmt.Sprintf("Attribute %s: tracking number %q is already under label %q; a tracking can be managed once only.",
					root.AtMapKey(label), number.ValueString(), first))
		}
		labelOf[number.ValueString()] = label
	}
}

// planTrackings plans config given the prior state (nil for a create).
// Plans stay quiet: only what a change can alter is unknown. An item whose
// arguments are unchanged keeps all its values; a changed item keeps its id
// and created_at unless its number changed; the resource keeps its id. An
// item a first create failed to create (null id) is planned as new, since
// the apply creates it.
func planTrackings(ctx context.Context, prior *trackingsResourceModel, config tftypes.Value, diags *diag.Diagnostics) tftypes.Value {
	typ := trackingsType()
	id := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	var before map[string]trackingitem.Model
	if prior != nil {
		id, before = tfValue(ctx, prior.ID, diags), prior.Trackings
	}
	// The map is required, so a map that is not known is one only known at apply.
	trackings := tftypes.NewValue(typ.AttributeTypes["trackings"], tftypes.UnknownValue)
	if items, known := trackingsElements(config, diags); known {
		planned := make(map[string]tftypes.Value, len(items))
		for label, raw := range items {
			if !raw.IsKnown() {
				planned[label] = raw // a whole item only known at apply
				continue
			}
			item := withDefaults(itemFromTerraform(ctx, raw, diags)).WithResults(unknownResults)
			if was, ok := before[label]; ok && !was.ID.IsNull() && item.TrackingNumber.Equal(was.TrackingNumber) {
				item.ID, item.CreatedAt = was.ID, was.CreatedAt
				if item.SameArguments(was) {
					item = item.WithResults(was)
				}
			}
			planned[label] = itemToTerraform(ctx, item, diags)
		}
		trackings = tftypes.NewValue(typ.AttributeTypes["trackings"], planned)
	}
	return tftypes.NewValue(typ, map[string]tftypes.Value{"id": id, "trackings": trackings})
}

// unknownResults has every read-only value of an item unknown.
var unknownResults = trackingitem.Model{
	ID: types.StringUnknown(), Status: types.StringUnknown(), Substatus: types.StringUnknown(),
	LastEvent: types.StringUnknown(), LastUpdateTime: types.StringUnknown(), CreatedAt: types.StringUnknown(),
}
