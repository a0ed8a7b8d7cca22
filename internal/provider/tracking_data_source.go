package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

var _ datasource.DataSourceWithConfigure = (*trackingDataSource)(nil)

type trackingDataSource struct {
	client *trackingmore.Client
}

// NewTrackingDataSource is the constructor the provider registers.
func NewTrackingDataSource() datasource.DataSource {
	return &trackingDataSource{}
}

type trackingDataSourceModel struct {
	CarrierCode    types.String `tfsdk:"carrier_code"`
	TrackingNumber types.String `tfsdk:"tracking_number"`
	Lang           types.String `tfsdk:"lang"`
	tracking.Details
}

func (d *trackingDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tracking"
}

func (d *trackingDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := tracking.DetailsAttributes()
	attrs["carrier_code"] = schema.StringAttribute{
		MarkdownDescription: "Carrier code of the tracking, such as `ups` (API path segment `{carrier_code}`).",
		Required:            true,
		Validators:          []validator.String{validators.CarrierCode()},
	}
	attrs["tracking_number"] = schema.StringAttribute{
		MarkdownDescription: "Tracking number (API path segment `{tracking_number}`).",
		Required:            true,
		Validators:          []validator.String{validators.TrackingNumber()},
	}
	attrs["lang"] = schema.StringAttribute{
		MarkdownDescription: "Language of the checkpoint texts, such as `en` or `cn` (API path suffix `{lang}`). Omit it for the account's default.",
		Optional:            true,
		Validators:          []validator.String{validators.LangCode()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one tracking stored in TrackingMore, checkpoints included, with " +
			"`GET /trackings/{carrier_code}/{tracking_number}[/{lang}]`. It costs no quota. The tracking must exist " +
			"(create it with the `trackingmore_tracking` resource); to query a parcel without storing it, use `trackingmore_realtime_tracking`.",
		Attributes: attrs,
	}
}

func (d *trackingDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *trackingDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state trackingDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	subject := tracking.ImportID(state.CarrierCode.ValueString(), state.TrackingNumber.ValueString())
	t, err := d.client.GetTracking(ctx, state.CarrierCode.ValueString(), state.TrackingNumber.ValueString(), state.Lang.ValueString())
	if trackingmore.IsNotFound(err) {
		resp.Diagnostics.AddError("Tracking not found",
			fmt.Sprintf("TrackingMore has no tracking %s. Check carrier_code and tracking_number (the "+
				"trackingmore_carrier_detection data source suggests carriers for a number), or create the tracking "+
				"with the trackingmore_tracking resource and reference its attributes here so Terraform reads it after creating it.", subject))
		return
	}
	if err != nil {
		explain.AddAPIError(&resp.Diagnostics, "Unable to read tracking", subject, err)
		return
	}

	state.Details = tracking.NewDetails(t)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
