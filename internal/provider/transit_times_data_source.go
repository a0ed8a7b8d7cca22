package provider

import (
	"context"

	"github.com/trackform/terraform-provider-trackingmore/internal/framework/computed"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

var _ datasource.DataSourceWithConfigure = (*transitTimesDataSource)(nil)

type transitTimesDataSource struct {
	client *trackingmore.Client
}

// NewTransitTimesDataSource is the constructor the provider registers.
func NewTransitTimesDataSource() datasource.DataSource {
	return &transitTimesDataSource{}
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

func (d *transitTimesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_transit_times"
}

func (d *transitTimesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	shareOf := func(days, field string) schema.Float64Attribute {
		return schema.Float64Attribute{
			MarkdownDescription: "Percentage (0 to 100, two decimals) of the delivered parcels that took " + days + " (API field `" + field + "`: a count of delivered parcels, or a percentage when written with `%`); null when the API gives none.",
			Computed:            true,
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "How long a carrier takes between two countries, from TrackingMore's delivery statistics " +
			"(`POST /trackings/costtime`). Up to 40 routes in one call.",
		Attributes: map[string]schema.Attribute{
			"routes": schema.ListNestedAttribute{
				MarkdownDescription: "The routes to look up, 1 to 40 (the request body's array).",
				Required:            true,
				Validators:          []validator.List{listvalidator.SizeBetween(1, maxPerCall)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"carrier_code": schema.StringAttribute{
						MarkdownDescription: "Carrier code such as `china-post` (API field `carrier_code`).",
						Required:            true,
						Validators:          []validator.String{validators.CarrierCode()},
					},
					"origin": schema.StringAttribute{
						MarkdownDescription: "Origin country, 2-letter code such as `CN` (API field `original`).",
						Required:            true,
						Validators:          []validator.String{validators.CountryCode()},
					},
					"destination": schema.StringAttribute{
						MarkdownDescription: "Destination country, 2-letter code such as `US` (API field `destination`).",
						Required:            true,
						Validators:          []validator.String{validators.CountryCode()},
					},
				}},
			},
			"results": schema.ListNestedAttribute{
				MarkdownDescription: "One answer per route, in the API's order (the response array).",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
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
				}},
			},
		},
	}
}

func (d *transitTimesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *transitTimesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state transitTimesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	routes := make([]trackingmore.TransitRoute, 0, len(state.Routes))
	for _, r := range state.Routes {
		routes = append(routes, trackingmore.TransitRoute{
			CarrierCode: r.CarrierCode.ValueString(), Original: r.Origin.ValueString(), Destination: r.Destination.ValueString(),
		})
	}
	times, err := d.client.TransitTimes(ctx, routes)
	if err != nil {
		explain.AddAPIError(&resp.Diagnostics, "Unable to read transit times", "the transit-time statistics", err)
		return
	}

	state.Results = make([]transitTimeModel, 0, len(times))
	for _, t := range times {
		state.Results = append(state.Results, transitTimeModel{
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
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// share is one range of t as a percentage, null when the API's value is unreadable.
func share(t trackingmore.TransitTime, r trackingmore.FlexString) types.Float64 {
	if percent, ok := t.SharePercent(r); ok {
		return types.Float64Value(percent)
	}
	return types.Float64Null()
}
