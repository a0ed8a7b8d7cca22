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
)

// NewStatusCountsDataSource is the constructor the provider registers.
func NewStatusCountsDataSource() datasource.DataSource {
	return &dataSource[statusCountsDataSourceModel]{
		name:   "status_counts",
		schema: statusCountsDataSourceSchema,
		validators: []datasource.ConfigValidator{
			timeOrders{{"created_after", "created_before"}, {"order_created_after", "order_created_before"}},
		},
		read: readStatusCountsDataSource,
	}
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

func statusCountsDataSourceSchema() schema.Schema {
	attrs := timeFilterAttributes("created", "created_at", "the tracking was created")
	for name, a := range timeFilterAttributes("order_created", "order_created_time", "the order was placed") {
		attrs[name] = a
	}
	for _, status := range trackingStatuses {
		attrs[status] = computed.Int64("How many trackings have status `" + status + "` (API field `" + status + "`).")
	}
	attrs["total"] = computed.Int64("How many trackings match the filters in all (API field `total`; the sum of the counts when the API omits it).")
	return schema.Schema{
		MarkdownDescription: "Counts the account's trackings per status with `GET /trackings/getstatusnumber`, optionally only those " +
			"created or ordered in a time range. It costs no quota." +
			" Not available with `api_version = \"v4\"` (no v4 endpoint).",
		Attributes: attrs,
	}
}

func readStatusCountsDataSource(ctx context.Context, client *trackingmore.Client, m *statusCountsDataSourceModel, diags *diag.Diagnostics) {
	counts, err := client.GetStatusCounts(ctx, trackingmore.StatusCountOptions{
		CreatedAtMin:        flex.TimeOrZero(m.CreatedAfter),
		CreatedAtMax:        flex.TimeOrZero(m.CreatedBefore),
		OrderCreatedTimeMin: flex.TimeOrZero(m.OrderCreatedAfter),
		OrderCreatedTimeMax: flex.TimeOrZero(m.OrderCreatedBefore),
	})
	if err != nil {
		explain.AddAPIError(diags, "Unable to count trackings", "the status counts", err)
		return
	}
	m.readCounts(counts)
}
