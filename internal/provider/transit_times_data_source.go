package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/computed"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

// NewTransitTimesDataSource is the constructor the provider registers.
func NewTransitTimesDataSource() datasource.DataSource {
	return &dataSource[transitTimesDataSourceModel]{name: "transit_times", schema: transitTimesDataSourceSchema, read: readTransitTimesDataSource}
}

type transitTimesDataSourceModel struct {
	Routes  []transitRouteModel `tfsdk:"routes"`
	Results []transitTimeModel  `tfsdk:"results"`
}

type transitRouteModel struct {
	CarrierCode types.String `tfsdk:"carrier_code"`
	Origin      types.String `tfsdk:"origin"`
	Destination types.String `tfsdk:"destination"`
}

type transitTimeModel struct {
	CarrierCode     types.String  `tfsdk:"carrier_code"`
	Origin          types.String  `tfsdk:"origin"`
	Destination     types.String  `tfsdk:"destination"`
	Total           types.Int64   `tfsdk:"total"`
	Delivered       types.Int64   `tfsdk:"delivered"`
	Share0To7Days   types.Float64 `tfsdk:"share_0_7_days"`
	Share7To15Days  types.Float64 `tfsdk:"share_7_15_days"`
	Share16To30Days types.Float64 `tfsdk:"share_16_30_days"`
	Share31To60Days types.Float64 `tfsdk:"share_31_60_days"`
	ShareOver60Days types.Float64 `tfsdk:"share_over_60_days"`
}

func transitTimesDataSourceSchema() schema.Schema {
	shareOf := func(days, field string) schema.Float64Attribute {
		return schema.Float64Attribute{
			MarkdownDescription: "Percentage (0 to 100, two decimals) of the delivered parcels that took " + days + " (API field `" + field + "`: a count of delivered parcels, or a percentage when written with `%`); null when the API gives none.",
			Computed:            true,
		}
	}
	return schema.Schema{
		MarkdownDescription: "How long a carrier takes between two countries, from TrackingMore's delivery statistics " +
			"(`POST /trackings/costtime`). Up to 40 routes in one call." +
			" Not available with `api_version = \"v4\"` (no v4 endpoint).",
		Attributes: map[string]schema.Attribute{
			"routes": batchArgument("The routes to look up, 1 to 40 (the request body's array).", map[string]schema.Attribute{
				"carrier_code": stringArgument("Carrier code such as `china-post` (API field `carrier_code`).", true, validators.CarrierCode()),
				"origin":       stringArgument("Origin country, 2-letter code such as `CN` (API field `original`).", true, validators.CountryCode()),
				"destination":  stringArgument("Destination country, 2-letter code such as `US` (API field `destination`).", true, validators.CountryCode()),
			}),
			"results": computedList("One answer per route, in the API's order (the response array).", map[string]schema.Attribute{
				"carrier_code":       computed.String("Carrier code (API field `carrier_code`)."),
				"origin":             computed.String("Origin country code (API field `original`)."),
				"destination":        computed.String("Destination country code (API field `destination`)."),
				"total":              computed.Int64("Parcels in the statistics for this route (API field `total`)."),
				"delivered":          computed.Int64("How many of them were delivered (API field `delivered`)."),
				"share_0_7_days":     shareOf("0 to 7 days", "range1"),
				"share_7_15_days":    shareOf("7 to 15 days", "range3"),
				"share_16_30_days":   shareOf("16 to 30 days", "range4"),
				"share_31_60_days":   shareOf("31 to 60 days", "range5"),
				"share_over_60_days": shareOf("over 60 days", "range6"),
			}),
		},
	}
}

func readTransitTimesDataSource(ctx context.Context, client *trackingmore.Client, m *transitTimesDataSourceModel, diags *diag.Diagnostics) {
	routes := make([]trackingmore.TransitRoute, 0, len(m.Routes))
	for _, r := range m.Routes {
		routes = append(routes, trackingmore.TransitRoute{
			CarrierCode: r.CarrierCode.ValueString(), Original: r.Origin.ValueString(), Destination: r.Destination.ValueString(),
		})
	}
	times, err := client.TransitTimes(ctx, routes)
	if err != nil {
		explain.AddAPIError(diags, "Unable to read transit times", "the transit-time statistics", err)
		return
	}
	m.Results = make([]transitTimeModel, 0, len(times))
	for _, t := range times {
		m.Results = append(m.Results, transitTimeModel{
			CarrierCode:     flex.StringOrNull(string(t.CarrierCode)),
			Origin:          flex.StringOrNull(string(t.Original)),
			Destination:     flex.StringOrNull(string(t.Destination)),
			Total:           types.Int64Value(int64(t.Total)),
			Delivered:       types.Int64Value(int64(t.Delivered)),
			Share0To7Days:   share(t, t.Range1),
			Share7To15Days:  share(t, t.Range3),
			Share16To30Days: share(t, t.Range4),
			Share31To60Days: share(t, t.Range5),
			ShareOver60Days: share(t, t.Range6),
		})
	}
}

// share is one range of t as a percentage, null when the API's value is unreadable.
func share(t trackingmore.TransitTime, r trackingmore.FlexString) types.Float64 {
	if percent, ok := t.SharePercent(r); ok {
		return types.Float64Value(percent)
	}
	return types.Float64Null()
}
