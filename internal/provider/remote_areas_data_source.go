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

// NewRemoteAreasDataSource is the constructor the provider registers.
func NewRemoteAreasDataSource() datasource.DataSource {
	return &dataSource[remoteAreasDataSourceModel]{name: "remote_areas", schema: remoteAreasDataSourceSchema, read: readRemoteAreasDataSource}
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

func remoteAreasDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Checks whether postcodes lie in a carrier's remote (surcharged) area with `POST /trackings/remote`. " +
			"Up to 40 queries in one call; the API bills one unit of quota per 5 calls." +
			" Not available with `api_version = \"v4\"` (no v4 endpoint).",
		Attributes: map[string]schema.Attribute{
			"queries": batchArgument("The addresses to check, 1 to 40 (the request body's array).", map[string]schema.Attribute{
				"country": stringArgument("Country as a 2-letter code such as `US` or an English name such as `United States` (API field `country`).",
					true, validators.CountryCodeOrName()),
				"postcode": stringArgument("Postcode to check (API field `postcode`).", true, validators.PostalCode()),
				"company": stringArgument("Only this carrier's remote areas, such as `ups` or `dhl` (API field `company`); omit it for every carrier the API knows.",
					false, validators.Text()),
			}),
			"results": computedList("One answer per query, in the API's order (the response array).", map[string]schema.Attribute{
				"country":  computed.String("Country as the API echoes it (API field `country`)."),
				"postcode": computed.String("Postcode as the API echoes it (API field `postcode`)."),
				"company":  computed.String("Carrier the answer is about (API field `company`); null when the API names none."),
				"remote":   computed.Bool("Whether the postcode is in a remote area (API field `remote`)."),
			}),
		},
	}
}

func readRemoteAreasDataSource(ctx context.Context, client *trackingmore.Client, m *remoteAreasDataSourceModel, diags *diag.Diagnostics) {
	queries := make([]trackingmore.RemoteAreaQuery, 0, len(m.Queries))
	for _, q := range m.Queries {
		queries = append(queries, trackingmore.RemoteAreaQuery{
			Country: q.Country.ValueString(), Postcode: q.Postcode.ValueString(), Company: q.Company.ValueString(),
		})
	}
	results, err := client.CheckRemoteAreas(ctx, queries)
	if err != nil {
		explain.AddAPIError(diags, "Unable to check remote areas", "the remote-area check", err)
		return
	}
	m.Results = make([]remoteAreaResultModel, 0, len(results))
	for _, r := range results {
		m.Results = append(m.Results, remoteAreaResultModel{
			Country:  flex.StringOrNull(string(r.Country)),
			Postcode: flex.StringOrNull(string(r.Postcode)),
			Company:  flex.StringOrNull(string(r.Company)),
			Remote:   types.BoolValue(bool(r.Remote)),
		})
	}
}
