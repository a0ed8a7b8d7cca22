package provider

import (
	"context"

	"github.com/trackform/terraform-provider-trackingmore/internal/framework/computed"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

var _ datasource.DataSourceWithConfigure = (*carriersDataSource)(nil)

type carriersDataSource struct {
	client *trackingmore.Client
}

// NewCarriersDataSource is the constructor the provider registers.
func NewCarriersDataSource() datasource.DataSource {
	return &carriersDataSource{}
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

func (d *carriersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_carriers"
}

func (d *carriersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every carrier TrackingMore supports, from `GET /carriers`: the `code` is what `carrier_code` arguments take. It costs no quota.",
		Attributes: map[string]schema.Attribute{
			"lang": schema.StringAttribute{
				MarkdownDescription: "Language of the carrier names, such as `en` or `cn` (API header `Lang`).",
				Optional:            true,
				Validators:          []validator.String{validators.LangCode()},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Only carriers of this type: `express` (couriers) or `globalpost` (postal services) (API field `type`; filtered by the provider).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf("express", "globalpost")},
			},
			"carriers": schema.ListNestedAttribute{
				MarkdownDescription: "The carriers, in the API's order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":     computed.String("Carrier name (API field `name`)."),
					"code":     computed.String("Carrier code, as `carrier_code` arguments take it (API field `code`)."),
					"phone":    computed.String("Customer-service phone number (API field `phone`)."),
					"homepage": computed.String("Website (API field `homepage`)."),
					"type":     computed.String("`express` or `globalpost` (API field `type`)."),
					"picture":  computed.String("URL of the carrier's logo (API field `picture`)."),
				}},
			},
		},
	}
}

func (d *carriersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *carriersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state carriersDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	carriers, err := d.client.ListCarriers(ctx, state.Lang.ValueString())
	if err != nil {
		explain.AddAPIError(&resp.Diagnostics, "Unable to list carriers", "the carrier list", err)
		return
	}

	state.Carriers = make([]carrierModel, 0, len(carriers))
	for _, c := range carriers {
		if !state.Type.IsNull() && string(c.Type) != state.Type.ValueString() {
			continue
		}
		state.Carriers = append(state.Carriers, carrierModel{
			Name:     flex.StringOrNull(string(c.Name)),
			Code:     flex.StringOrNull(string(c.Code)),
			Phone:    flex.StringOrNull(string(c.Phone)),
			Homepage: flex.StringOrNull(string(c.Homepage)),
			Type:     flex.StringOrNull(string(c.Type)),
			Picture:  flex.StringOrNull(string(c.Picture)),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
