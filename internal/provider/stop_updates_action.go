package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

var (
	_ action.ActionWithConfigure  = (*stopUpdatesAction)(nil)
	_ action.ActionWithModifyPlan = (*stopUpdatesAction)(nil)
)

// stopUpdatesAction is the trackingmore_stop_updates action (Terraform
// 1.14+): POST /trackings/notupdate for a list of trackings.
type stopUpdatesAction struct {
	client *trackingmore.Client
}

// NewStopUpdatesAction is the constructor the provider registers.
func NewStopUpdatesAction() action.Action {
	return &stopUpdatesAction{}
}

type stopUpdatesActionModel struct {
	Trackings []trackingRefModel `tfsdk:"trackings"`
}

type trackingRefModel struct {
	CarrierCode    types.String `tfsdk:"carrier_code"`
	TrackingNumber types.String `tfsdk:"tracking_number"`
}

func (a *stopUpdatesAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_stop_updates"
}

func (a *stopUpdatesAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Stops TrackingMore from refreshing trackings, with `POST /trackings/notupdate` (40 per call). " +
			"**This cannot be undone**: the API has no way to resume updates of a tracking. Invoke it with " +
			"`terraform apply -invoke=action.trackingmore_stop_updates.NAME`, or from a `lifecycle.action_trigger`. " +
			"For a tracking this configuration manages, set `auto_update = false` on its `trackingmore_tracking` instead: " +
			"a managed tracking left at `auto_update = true` after this action plans a replacement (a new tracking, one unit of quota) " +
			"on the next apply. Trackings the API cannot stop (unknown, say) fail the invocation, naming each." +
			" Not available with `api_version = \"v4\"` (no v4 endpoint).",
		Attributes: map[string]schema.Attribute{
			"trackings": schema.ListNestedAttribute{
				MarkdownDescription: "The trackings to stop, each by `carrier_code` and `tracking_number`.",
				Required:            true,
				Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"carrier_code": schema.StringAttribute{MarkdownDescription: "Carrier code, such as `ups`.",
						Required: true, Validators: []validator.String{validators.CarrierCode()}},
					"tracking_number": schema.StringAttribute{MarkdownDescription: "Tracking number.",
						Required: true, Validators: []validator.String{validators.TrackingNumber()}},
				}},
			},
		},
	}
}

func (a *stopUpdatesAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan refuses the action at plan time where the provider's API
// version lacks its endpoint.
func (a *stopUpdatesAction) ModifyPlan(_ context.Context, _ action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	refuseUnsupported(a.client, "StopUpdating", "The action trackingmore_stop_updates", &resp.Diagnostics)
}

func (a *stopUpdatesAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var config stopUpdatesActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	refs := make([]trackingmore.TrackingRef, len(config.Trackings))
	for i, t := range config.Trackings {
		refs[i] = trackingmore.TrackingRef{CarrierCode: t.CarrierCode.ValueString(), TrackingNumber: t.TrackingNumber.ValueString()}
	}
	res, err := a.client.StopUpdating(ctx, refs)
	if err != nil {
		explain.AddAPIError(&resp.Diagnostics, "Unable to stop updating trackings", fmt.Sprintf("%d trackings", len(refs)), err)
		return
	}
	resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf("TrackingMore stopped updating %d of %d trackings", res.Stopped, len(refs))})
	if len(res.Errors) > 0 {
		failed := make([]string, len(res.Errors))
		for i, e := range res.Errors {
			failed[i] = fmt.Sprintf("%s/%s: %s (code %d)", e.CarrierCode, e.TrackingNumber, e.Message, e.Code)
		}
		resp.Diagnostics.AddError("Unable to stop updating some trackings",
			"TrackingMore refused these; the others were stopped:\n"+strings.Join(failed, "\n"))
	}
}
