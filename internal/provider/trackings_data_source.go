package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
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

// NewTrackingsDataSource is the constructor the provider registers.
func NewTrackingsDataSource() datasource.DataSource {
	return &dataSource[trackingsDataSourceModel]{
		name:       "trackings",
		schema:     trackingsDataSourceSchema,
		validators: []datasource.ConfigValidator{timeRanges},
		read:       readTrackingsDataSource,
	}
}

type trackingsDataSourceModel struct {
	trackingFiltersModel
	Lang       types.String       `tfsdk:"lang"`
	MaxResults types.Int64        `tfsdk:"max_results"`
	Trackings  []tracking.Summary `tfsdk:"trackings"`
	Total      types.Int64        `tfsdk:"total"`
}

func trackingsDataSourceSchema() schema.Schema {
	attrs := trackingFilterAttributes()
	attrs["lang"] = stringArgument("Language of the texts, such as `en` or `cn` (API parameter `lang`).", false, validators.LangCode())
	attrs["max_results"] = schema.Int64Attribute{
		MarkdownDescription: "Return at most this many trackings, oldest first. Omit it to fetch every match: the provider follows the API's pages (`page`, `limit`; v4 `pages_amount`, `items_amount`) for you, at one call per second as v2 demands (v4: within the account's 10 requests a second).",
		Optional:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
	attrs["trackings"] = computedList("The matching trackings (API field `items`), oldest first, without checkpoints: read one with the `trackingmore_tracking` data source for those.",
		tracking.SummaryAttributes())
	attrs["total"] = schema.Int64Attribute{
		MarkdownDescription: "How many trackings match the filters (API field `total`), even when `max_results` returns fewer. v4 answers no total: with `api_version = \"v4\"` it counts the trackings the provider listed, fewer than match when `max_results` cuts the list.",
		Computed:            true,
	}
	return schema.Schema{
		MarkdownDescription: "Lists the account's trackings with `GET /trackings/get` (v2 and v4 alike), filtered by status, time ranges, numbers or order ids. " +
			"It costs no quota. All filters combine (AND). `order_ids`, `order_created_after` and `order_created_before` are TrackingMore API v2 only: " +
			"with `api_version = \"v4\"` they fail the read, naming `api_version`.",
		Attributes: attrs,
	}
}

func readTrackingsDataSource(ctx context.Context, client *trackingmore.Client, m *trackingsDataSourceModel, diags *diag.Diagnostics) {
	opts := m.listOptions()
	opts.Lang = m.Lang.ValueString()
	items, total, err := client.ListAllTrackings(ctx, opts, int(m.MaxResults.ValueInt64()))
	if err != nil {
		explain.AddAPIError(diags, "Unable to list trackings", "the tracking list", err)
		return
	}
	m.Trackings = make([]tracking.Summary, 0, len(items))
	for i := range items {
		m.Trackings = append(m.Trackings, tracking.NewSummary(&items[i]))
	}
	m.Total = types.Int64Value(int64(total))
}
