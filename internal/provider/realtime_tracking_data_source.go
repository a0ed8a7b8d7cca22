package provider

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

// NewRealtimeTrackingDataSource is the constructor the provider registers.
func NewRealtimeTrackingDataSource() datasource.DataSource {
	return &dataSource[realtimeTrackingModel]{name: "realtime_tracking", schema: realtimeTrackingDataSourceSchema, read: readRealtimeTrackingDataSource}
}

// realtimeTrackingModel is the data source and the ephemeral resource
// trackingmore_realtime_tracking. destination_code, order_id and
// order_create_time are both arguments and results, so they live in the
// embedded tracking.Details.
type realtimeTrackingModel struct {
	realtimeShipmentModel
	tracking.Details
}

// query asks the carrier now and returns config with the answer filled in.
func (m realtimeTrackingModel) query(ctx context.Context, client *trackingmore.Client, diags *diag.Diagnostics) (realtimeTrackingModel, bool) {
	t, err := client.RealtimeTracking(ctx, m.request())
	if err != nil {
		explain.AddAPIError(diags, "Unable to query tracking in real time", m.subject(), err)
		return m, false
	}
	answered := m
	answered.Details = tracking.NewDetails(t)
	keepConfigured(&answered.DestinationCode, m.DestinationCode)
	keepConfigured(&answered.OrderID, m.OrderID)
	keepConfigured(&answered.OrderCreateTime, m.OrderCreateTime)
	return answered, true
}

// request is the POST /trackings/realtime body: the shipment, and the
// order details the data source also takes.
func (m realtimeTrackingModel) request() trackingmore.RealtimeRequest {
	r := m.realtimeShipmentModel.request()
	r.DestinationCode = m.DestinationCode.ValueString()
	r.Order = m.OrderID.ValueString()
	r.OrderCreateTime = tracking.OrderCreateTimeAPI(m.OrderCreateTime)
	return r
}

// keepConfigured keeps a configured argument as written: Terraform requires
// a data source to return its configuration unchanged.
func keepConfigured(dst *types.String, configured types.String) {
	if !configured.IsNull() {
		*dst = configured
	}
}

func realtimeTrackingDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Queries the carrier for one parcel right now with `POST /trackings/realtime`, without storing a tracking, " +
			"and shows it as the `trackingmore_tracking` data source does. " + realtimeLimits + " Terraform reads data sources on every " +
			"plan and refresh, so prefer the `trackingmore_tracking` resource and data source for parcels you follow over time, " +
			"and the `trackingmore_realtime_tracking` ephemeral resource to use the answer without keeping it in state." +
			" Not available with `api_version = \"v4\"` (no v4 endpoint).",
		Attributes: realtimeTrackingAttributes(),
	}
}

// realtimeTrackingAttributes is the schema of realtimeTrackingModel.
func realtimeTrackingAttributes() map[string]schema.Attribute {
	attrs := tracking.DetailsAttributes()
	maps.Copy(attrs, realtimeShipmentAttributes(stringArgument))
	// Arguments the API also answers with: what is configured is kept, what is not is read.
	argumentAndResult := func(desc string, v validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Computed: true, Validators: []validator.String{v}}
	}
	attrs["destination_code"] = argumentAndResult("Destination country as a 2-letter code (API field `destination_code`). When omitted, the value TrackingMore reports.", validators.CountryCode())
	attrs["order_id"] = argumentAndResult("Your order id (API field `order`, answered as `order_id`). When omitted, the value TrackingMore reports.", validators.Text())
	attrs["order_create_time"] = argumentAndResult("When the order was placed, RFC 3339 (API field `order_create_time`, sent as `YYYY-MM-DD HH:MM:SS` UTC). When omitted, the value TrackingMore reports.", validators.RFC3339())
	return attrs
}

func readRealtimeTrackingDataSource(ctx context.Context, client *trackingmore.Client, m *realtimeTrackingModel, diags *diag.Diagnostics) {
	if answered, ok := m.query(ctx, client, diags); ok {
		*m = answered
	}
}
