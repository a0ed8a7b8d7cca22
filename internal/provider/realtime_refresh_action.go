package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

var (
	_ action.ActionWithConfigure  = (*realtimeRefreshAction)(nil)
	_ action.ActionWithModifyPlan = (*realtimeRefreshAction)(nil)
)

// realtimeRefreshAction is the trackingmore_realtime_refresh action
// (Terraform 1.14+): one POST /trackings/realtime, reported as progress.
type realtimeRefreshAction struct {
	client *trackingmore.Client
}

// NewRealtimeRefreshAction is the constructor the provider registers.
func NewRealtimeRefreshAction() action.Action {
	return &realtimeRefreshAction{}
}

func (a *realtimeRefreshAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_realtime_refresh"
}

func (a *realtimeRefreshAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	attrs := realtimeShipmentAttributes(func(desc string, required bool, v validator.String) schema.Attribute {
		return schema.StringAttribute{MarkdownDescription: desc, Required: required, Optional: !required, Validators: []validator.String{v}}
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Asks the carrier for one parcel's current state now with `POST /trackings/realtime` and reports " +
			"the answer (status, substatus, latest event) as the action's progress. Invoke it with " +
			"`terraform apply -invoke=action.trackingmore_realtime_refresh.NAME`, or from a resource's `lifecycle.action_trigger` " +
			"(for example `after_create` of a `trackingmore_tracking`) to see a new parcel's first carrier data in the apply output. " +
			"Nothing is stored and no resource changes: the stored tracking keeps TrackingMore's own refresh schedule. " +
			realtimeLimits + " Within the 2 hours, the API answers with the data of the first query." +
			" Not available with `api_version = \"v4\"` (no v4 endpoint).",
		Attributes: attrs,
	}
}

func (a *realtimeRefreshAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan refuses the action at plan time where the provider's API
// version lacks its endpoint.
func (a *realtimeRefreshAction) ModifyPlan(_ context.Context, _ action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	refuseUnsupported(a.client, "RealtimeTracking", "The action trackingmore_realtime_refresh", &resp.Diagnostics)
}

func (a *realtimeRefreshAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var shipment realtimeShipmentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &shipment)...)
	if resp.Diagnostics.HasError() {
		return
	}
	t, err := a.client.RealtimeTracking(ctx, shipment.request())
	if err != nil {
		explain.AddAPIError(&resp.Diagnostics, "Unable to refresh tracking in real time", shipment.subject(), err)
		return
	}
	resp.SendProgress(action.InvokeProgressEvent{Message: realtimeSummary(shipment.subject(), t)})
}

// realtimeSummary is one line about a realtime answer: "ups/1Z…: transit
// (transit001), latest event: …".
func realtimeSummary(subject string, t *trackingmore.Tracking) string {
	msg := subject + ": " + string(t.Status)
	if t.Substatus != "" {
		msg += fmt.Sprintf(" (%s)", t.Substatus)
	}
	if t.LastEvent != "" {
		msg += ", latest event: " + string(t.LastEvent)
	}
	return msg
}
