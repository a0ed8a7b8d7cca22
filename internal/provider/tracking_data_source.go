package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

// NewTrackingDataSource is the constructor the provider registers.
func NewTrackingDataSource() datasource.DataSource {
	return &dataSource[trackingDataSourceModel]{name: "tracking", schema: trackingDataSourceSchema, read: readTrackingDataSource}
}

type trackingDataSourceModel struct {
	CarrierCode    types.String `tfsdk:"carrier_code"`
	TrackingNumber types.String `tfsdk:"tracking_number"`
	Lang           types.String `tfsdk:"lang"`
	tracking.Details
}

func trackingDataSourceSchema() schema.Schema {
	attrs := tracking.DetailsAttributes()
	attrs["carrier_code"] = stringArgument("Carrier code of the tracking, such as `ups` (API path segment `{carrier_code}`).", true, validators.CarrierCode())
	attrs["tracking_number"] = stringArgument("Tracking number (API path segment `{tracking_number}`).", true, validators.TrackingNumber())
	attrs["lang"] = stringArgument("Language of the checkpoint texts, such as `en` or `cn` (API path suffix `{lang}`; v4 parameter `lang`). Omit it for the account's default.",
		false, validators.LangCode())
	return schema.Schema{
		MarkdownDescription: "Reads one tracking stored in TrackingMore, checkpoints included, with " +
			"`GET /trackings/{carrier_code}/{tracking_number}[/{lang}]` (v4: `GET /trackings/get` by `tracking_numbers`). It costs no quota. The tracking must exist " +
			"(create it with the `trackingmore_tracking` resource); to query a parcel without storing it, use `trackingmore_realtime_tracking`.",
		Attributes: attrs,
	}
}

func readTrackingDataSource(ctx context.Context, client *trackingmore.Client, m *trackingDataSourceModel, diags *diag.Diagnostics) {
	subject := tracking.ImportID(m.CarrierCode.ValueString(), m.TrackingNumber.ValueString())
	t, err := client.GetTracking(ctx, m.CarrierCode.ValueString(), m.TrackingNumber.ValueString(), m.Lang.ValueString())
	if trackingmore.IsNotFound(err) {
		diags.AddError("Tracking not found",
			fmt.Sprintf("TrackingMore has no tracking %s. Check carrier_code and tracking_number (the "+
				"trackingmore_carrier_detection data source suggests carriers for a number), or create the tracking "+
				"with the trackingmore_tracking resource and reference its attributes here so Terraform reads it after creating it.", subject))
		return
	}
	if err != nil {
		explain.AddAPIError(diags, "Unable to read tracking", subject, err)
		return
	}
	m.Details = tracking.NewDetails(t)
}
