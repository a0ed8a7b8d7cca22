package provider

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
)

// trackingIdentityModel is trackingmore_tracking's resource identity
// (Terraform 1.12+): the API's own key of a tracking. The API has no lookup by
// the 32-character id, so only these two name a tracking everywhere (import,
// GET, PUT, DELETE). A carrier change keeps the tracking but changes its key,
// so the identity is declared mutable (see Metadata).
type trackingIdentityModel struct {
	CarrierCode    types.String `tfsdk:"carrier_code"`
	TrackingNumber types.String `tfsdk:"tracking_number"`
}

// trackingIdentitySchemaVersion is 0, the first: there is no older identity
// to upgrade. A later change of the identity's attributes raises it and adds
// an upgrader (resource.ResourceWithUpgradeIdentity) for version 0.
const trackingIdentitySchemaVersion = 0

// setTrackingIdentity records m's key as the identity. The framework hands
// every call an identity to fill, whether or not the CLI keeps identities
// (Terraform before 1.12 and OpenTofu do not).
func setTrackingIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, m tracking.Model, diags *diag.Diagnostics) {
	diags.Append(identity.Set(ctx, trackingIdentityModel{CarrierCode: m.CarrierCode, TrackingNumber: m.TrackingNumber})...)
}

// importedKey is what an import names: the import id, or the identity of an
// import block's `identity = {…}`, each checked as the resource checks them.
func importedKey(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) (carrier, number string, err error) {
	if req.ID != "" || req.Identity == nil {
		return tracking.ParseImportID(req.ID)
	}
	var identity trackingIdentityModel
	if diags.Append(req.Identity.Get(ctx, &identity)...); diags.HasError() {
		return "", "", errors.New("the import identity could not be read")
	}
	carrier, number = identity.CarrierCode.ValueString(), identity.TrackingNumber.ValueString()
	if problem, _ := (tracking.KeyNames{Carrier: "identity.carrier_code", Number: "identity.tracking_number"}).Problem(carrier, number); problem != "" {
		return "", "", errors.New(problem)
	}
	return carrier, number, nil
}
