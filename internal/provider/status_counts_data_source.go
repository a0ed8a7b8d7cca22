package provider

import (
	"context"

	"github.com/trackform/terraform-provider-trackingmore/internal/framework/computed"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

var (
	_ datasource.DataSourceWithConfigure        = (*statusCountsDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*statusCountsDataSource)(nil)
)

type statusCountsDataSource struct {
	client *trackingmore.Client
}

// NewStatusCountsDataSource is the constructor the provider registers.
func NewStatusCountsDataSource() datasource.DataSource {
	return &statusCountsDataSource{}
}

type statusCountsDataSourceModel struct {
	CreatedAfter       types.String `tfsdk:"created_after"`
	CreatedBefore      types.String `tfsdk:"created_before"`
	OrderCreatedAfter  types.String `tfsdk:"order_created_after"`
	OrderCreatedBefore types.String `tfsdk:"order_created_before"`
	Pending            types.Int64  `tfsdk:"pending"`
	NotFound           types.Int64  `tfsdk:"notfound"`
	Transit            types.Int64  `tfsdk:"transit"`
	Pickup             types.Int64  `tfsdk:"pickup"`
	Delivered          types.Int64  `tfsdk:"delivered"`
	Undelivered        types.Int64  `tfsdk:"undelivered"`
	Exception          types.Int64  `tfsdk:"exception"`
	Expired            types.Int64  `tfsdk:"expired"`
	Total              types.Int64  `tfsdk:"total"`
}

func (m *statusCountsDataSourceModel) readCounts(c *trackingmore.StatusCounts) {
	for dst, v := range map[*types.Int64]trackingmore.FlexInt{
		&m.Pending: c.Pending, &m.NotFound: c.NotFound, &m.Transit: c.Transit, &m.Pickup: c.Pickup,
		&m.Delivered: c.Delivered, &m.Undelivered: c.Undelivered, &m.Exception: c.Exception, &m.Expired: c.Expired,
		&m.Total: c.Total,
	} {
		*dst = types.Int64Value(int64(v))
	}
}

func (d *statusCountsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_status_counts"
}

func (d *statusCountsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := timeFilterAttributes("created", "created_at", "the tracking was created")
	for name, a := range timeFilterAttributes("order_created", "order_created_time", "the order was placed") {
		attrs[name] = a
	}
	for _, status := range trackingStatuses {
		attrs[status] = computed.Int64("How many trackings have status `" + status + "` (API field `" + status + "`).")
	}
	attrs["total"] = computed.Int64("How many trackings match the filters in all (API field `total`; the sum of the counts when the API omits it).")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Counts the account's trackings per status with `GET /trackings/getstatusnumber`, optionally only those " +
			"created or ordered in a time range. It costs no quota.",
		Attributes: attrs,
	}
}

func (d *statusCountsDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		timeOrders{{"created_after", "created_before"}, {"order_created_after", "order_created_before"}},
	}
}

func (d *statusCountsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *statusCountsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var state statusCountsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	counts, err := d.client.GetStatusCounts(ctx, trackingmore.StatusCountOptions{
		CreatedAtMin:        flex.TimeOrZero(state.CreatedAfter),
		CreatedAtMax:        flex.TimeOrZero(state.CreatedBefore),
		OrderCreatedTimeMin: flex.TimeOrZero(state.OrderCreatedAfter),
		OrderCreatedTimeMax: flex.TimeOrZero(state.OrderCreatedBefore),
	})
	if err != nil {
		explain.AddAPIError(&resp.Diagnostics, "Unable to count trackings", "the status counts", err)
		return
	}

	state.readCounts(counts)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
