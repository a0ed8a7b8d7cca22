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

var _ datasource.DataSourceWithConfigure = (*remoteAreasDataSource)(nil)

type remoteAreasDataSource struct {
	client *trackingmore.Client
}

// NewRemoteAreasDataSource is the constructor the provider registers.
func NewRemoteAreasDataSource() datasource.DataSource {
	return &remoteAreasDataSource{}
}

type remoteAreasDataSourceModel struct {
	Queries []remoteAreaQueryModel  `tfsdk:"queries"`
	Results []remoteAreaResultModel `tfsdk:"results"`
}

type remoteAreaQueryModel struct {
	Country  types.String `tfsdk:"country"`
	Postcode types.String `tfsdk:"postcode"`
	Company  types.String `tfsdk:"company"`
}

type remoteAreaResultModel struct {
	Country  types.String `tfsdk:"country"`
	Postcode types.String `tfsdk:"postcode"`
	Company  types.String `tfsdk:"company"`
	Remote   types.Bool   `tfsdk:"remote"`
}

func (d *remoteAreasDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_remote_areas"
}

func (d *remoteAreasDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Checks whether postcodes lie in a carrier's remote (surcharged) area with `POST /trackings/remote`. " +
			"Up to 40 queries in one call; the API bills one unit of quota per 5 calls.",
		Attributes: map[string]schema.Attribute{
			"queries": schema.ListNestedAttribute{
				MarkdownDescription: "The addresses to check, 1 to 40 (the request body's array).",
				Required:            true,
				Validators:          []validator.List{listvalidator.SizeBetween(1, maxPerCall)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"country": schema.StringAttribute{
						MarkdownDescription: "Country as a 2-letter code such as `US` or an English name such as `United States` (API field `country`).",
						Required:            true,
						Validators:          []validator.String{validators.CountryCodeOrName()},
					},
					"postcode": schema.StringAttribute{
						MarkdownDescription: "Postcode to check (API field `postcode`).",
						Required:            true,
						Validators:          []validator.String{validators.PostalCode()},
					},
					"company": schema.StringAttribute{
						MarkdownDescription: "Only this carrier's remote areas, such as `ups` or `dhl` (API field `company`); omit it for every carrier the API knows.",
						Optional:            true,
						Validators:          []validator.String{validators.Text()},
					},
				}},
			},
			"results": schema.ListNestedAttribute{
				MarkdownDescription: "One answer per query, in the API's order (the response array).",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"country":  computed.String("Country as the API echoes it (API field `country`)."),
					"postcode": computed.String("Postcode as the API echoes it (API field `postcode`)."),
					"company":  computed.String("Carrier the answer is about (API field `company`); null when the API names none."),
					"remote":   computed.Bool("Whether the postcode is in a remote area (API field `remote`)."),
				}},
			},
		},
	}
}

func (d *remoteAreasDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *remoteAreasDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state remoteAreasDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	queries := make([]trackingmore.RemoteAreaQuery, 0, len(state.Queries))
	for _, q := range state.Queries {
		queries = append(queries, trackingmore.RemoteAreaQuery{
			Country: q.Country.ValueString(), Postcode: q.Postcode.ValueString(), Company: q.Company.ValueString(),
		})
	}
	results, err := d.client.CheckRemoteAreas(ctx, queries)
	if err != nil {
		explain.AddAPIError(&resp.Diagnostics, "Unable to check remote areas", "the remote-area check", err)
		return
	}

	state.Results = make([]remoteAreaResultModel, 0, len(results))
	for _, r := range results {
		state.Results = append(state.Results, remoteAreaResultModel{
			Country:  flex.StringOrNull(string(r.Country)),
			Postcode: flex.StringOrNull(string(r.Postcode)),
			Company:  flex.StringOrNull(string(r.Company)),
			Remote:   types.BoolValue(bool(r.Remote)),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
