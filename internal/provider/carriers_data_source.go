package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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

// NewCarriersDataSource is the constructor the provider registers.
func NewCarriersDataSource() datasource.DataSource {
	return &dataSource[carriersDataSourceModel]{name: "carriers", schema: carriersDataSourceSchema, read: readCarriersDataSource}
}

type carriersDataSourceModel struct {
	Lang     types.String   `tfsdk:"lang"`
	Type     types.String   `tfsdk:"type"`
	Carriers []carrierModel `tfsdk:"carriers"`
}

type carrierModel struct {
	Name     types.String `tfsdk:"name"`
	Code     types.String `tfsdk:"code"`
	Phone    types.String `tfsdk:"phone"`
	Homepage types.String `tfsdk:"homepage"`
	Type     types.String `tfsdk:"type"`
	Picture  types.String `tfsdk:"picture"`
}

func carriersDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Every carrier TrackingMore supports, from `GET /carriers` (v4: `GET /couriers/all`): the `code` is what `carrier_code` arguments take. It costs no quota.",
		Attributes: map[string]schema.Attribute{
			"lang": stringArgument("Language of the carrier names, such as `en` or `cn` (API header `Lang`). TrackingMore API v2 only: with `api_version = \"v4\"` the data source fails naming `api_version`.", false, validators.LangCode()),
			"type": stringArgument("Only carriers of this type: `express` (couriers) or `globalpost` (postal services) (API field `type`; filtered by the provider).",
				false, stringvalidator.OneOf("express", "globalpost")),
			"carriers": computedList("The carriers, in the API's order.", map[string]schema.Attribute{
				"name":     computed.String("Carrier name (API field `name`)."),
				"code":     computed.String("Carrier code, as `carrier_code` arguments take it (API field `code`)."),
				"phone":    computed.String("Customer-service phone number (API field `phone`)."),
				"homepage": computed.String("Website (API field `homepage`)."),
				"type":     computed.String("`express` or `globalpost` (API field `type`)."),
				"picture":  computed.String("URL of the carrier's logo (API field `picture`)."),
			}),
		},
	}
}

func readCarriersDataSource(ctx context.Context, client *trackingmore.Client, m *carriersDataSourceModel, diags *diag.Diagnostics) {
	carriers, err := client.ListCarriers(ctx, m.Lang.ValueString())
	if err != nil {
		explain.AddAPIError(diags, "Unable to list carriers", "the carrier list", err)
		return
	}
	m.Carriers = make([]carrierModel, 0, len(carriers))
	for _, c := range carriers {
		if !m.Type.IsNull() && string(c.Type) != m.Type.ValueString() {
			continue
		}
		m.Carriers = append(m.Carriers, carrierModel{
			Name:     flex.StringOrNull(string(c.Name)),
			Code:     flex.StringOrNull(string(c.Code)),
			Phone:    flex.StringOrNull(string(c.Phone)),
			Homepage: flex.StringOrNull(string(c.Homepage)),
			Type:     flex.StringOrNull(string(c.Type)),
			Picture:  flex.StringOrNull(string(c.Picture)),
		})
	}
}
