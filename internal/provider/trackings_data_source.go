package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

var (
	_ datasource.DataSourceWithConfigure        = (*trackingsDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*trackingsDataSource)(nil)
)

type trackingsDataSource struct {
	client *trackingmore.Client
}

// NewTrackingsDataSource is the constructor the provider registers.
func NewTrackingsDataSource() datasource.DataSource {
	return &trackingsDataSource{}
}

type trackingsDataSourceModel struct {
	trackingFiltersModel
	Lang       types.String       `tfsdk:"lang"`
	MaxResults types.Int64        `tfsdk:"max_results"`
	Trackings  []tracking.Summary `tfsdk:"trackings"`
	Total      types.Int64        `tfsdk:"total"`
}

func (d *trackingsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trackings"
}

func (d *trackingsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := trackingFilterAttributes()
	attrs["lang"] = schema.StringAttribute{
		MarkdownDescription: "Language of the texts, such as `en` or `cn` (API parameter `lang`).",
		Optional:            true,
		Validators:          []validator.String{validators.LangCode()},
	}
	attrs["max_results"] = schema.Int64Attribute{
		MarkdownDescription: "Return at most this many trackings, oldest first. Omit it to fetch every match: the provider follows the API's pages (`page`, `limit`) for you, at one call per second as the API demands.",
		Optional:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
	attrs["trackings"] = schema.ListNestedAttribute{
		MarkdownDescription: "The matching trackings (API field `items`), oldest first, without checkpoints: read one with the `trackingmore_tracking` data source for those.",
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: tracking.SummaryAttributes()},
	}
	attrs["total"] = schema.Int64Attribute{
		MarkdownDescription: "How many trackings match the filters (API field `total`), even when `max_results` returns fewer.",
		Computed:            true,
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's trackings with `GET /trackings/get`, filtered by status, time ranges, numbers or order ids. " +
			"It costs no quota. All filters combine (AND).",
		Attributes: attrs,
	}
}

func (d *trackingsDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{timeRanges}
}

func (d *trackingsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *trackingsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state trackingsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	opts := state.listOptions()
	opts.Lang = state.Lang.ValueString()
	items, total, err := d.client.ListAllTrackings(ctx, opts, int(state.MaxResults.ValueInt64()))
	if err != nil {
		explain.AddAPIError(&resp.Diagnostics, "Unable to list trackings", "the tracking list", err)
		return
	}

	state.Trackings = make([]tracking.Summary, 0, len(items))
	for i := range items {
		state.Trackings = append(state.Trackings, tracking.NewSummary(&items[i]))
	}
	state.Total = types.Int64Value(int64(total))
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
