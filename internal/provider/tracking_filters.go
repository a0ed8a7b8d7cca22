package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

// trackingFiltersModel is the filters of GET /trackings/get, shared by this
// data source and the trackingmore_tracking list resource.
type trackingFiltersModel struct {
	Status             types.String   `tfsdk:"status"`
	CreatedAfter       types.String   `tfsdk:"created_after"`
	CreatedBefore      types.String   `tfsdk:"created_before"`
	UpdatedAfter       types.String   `tfsdk:"updated_after"`
	UpdatedBefore      types.String   `tfsdk:"updated_before"`
	OrderCreatedAfter  types.String   `tfsdk:"order_created_after"`
	OrderCreatedBefore types.String   `tfsdk:"order_created_before"`
	TrackingNumbers    []types.String `tfsdk:"tracking_numbers"`
	OrderIDs           []types.String `tfsdk:"order_ids"`
	Archived           types.Bool     `tfsdk:"archived"`
}

// listOptions is the GET /trackings/get query for the filters.
func (m trackingFiltersModel) listOptions() trackingmore.ListOptions {
	opts := trackingmore.ListOptions{
		Status:              m.Status.ValueString(),
		CreatedAtMin:        flex.TimeOrZero(m.CreatedAfter),
		CreatedAtMax:        flex.TimeOrZero(m.CreatedBefore),
		UpdateTimeMin:       flex.TimeOrZero(m.UpdatedAfter),
		UpdateTimeMax:       flex.TimeOrZero(m.UpdatedBefore),
		OrderCreatedTimeMin: flex.TimeOrZero(m.OrderCreatedAfter),
		OrderCreatedTimeMax: flex.TimeOrZero(m.OrderCreatedBefore),
		Numbers:             flex.Strings(m.TrackingNumbers),
		Orders:              flex.Strings(m.OrderIDs),
	}
	if !m.Archived.IsNull() {
		archived := m.Archived.ValueBool()
		opts.Archived = &archived
	}
	return opts
}

// trackingStatuses is the API's status vocabulary.
var trackingStatuses = []string{"pending", "notfound", "transit", "pickup", "delivered", "undelivered", "exception", "expired"}

// v2OnlyFilter says a filter has no v4 parameter.
const v2OnlyFilter = "TrackingMore API v2 only: with `api_version = \"v4\"` the read fails naming `api_version`."

// describeMore appends more to the description of the string attribute name.
func describeMore(attrs map[string]schema.Attribute, name, more string) {
	a, ok := attrs[name].(schema.StringAttribute)
	if !ok {
		panic(name + " is not a string attribute")
	}
	a.MarkdownDescription += more
	attrs[name] = a
}

// trackingFilterAttributes is the schema of trackingFiltersModel.
func trackingFilterAttributes() map[string]schema.Attribute {
	attrs := timeFilterAttributes("created", "created_at", "the tracking was created")
	for name, a := range timeFilterAttributes("updated", "update_time", "the tracking was last updated") {
		attrs[name] = a
	}
	for name, a := range timeFilterAttributes("order_created", "order_created_time", "the order was placed") {
		attrs[name] = a
	}
	// The parameters of API v4's GET /trackings/get, which takes its times as ISO 8601.
	for name, v4 := range map[string]string{"created_after": "created_date_min", "created_before": "created_date_max",
		"updated_after": "updated_date_min", "updated_before": "updated_date_max"} {
		describeMore(attrs, name, " v4 parameter `"+v4+"`, sent as ISO 8601.")
	}
	for _, name := range []string{"order_created_after", "order_created_before"} {
		describeMore(attrs, name, " "+v2OnlyFilter)
	}
	attrs["status"] = schema.StringAttribute{
		MarkdownDescription: "Only trackings with this status (API parameter `status`; v4 `delivery_status`): `pending`, `notfound`, `transit`, `pickup`, `delivered`, `undelivered`, `exception` or `expired`.",
		Optional:            true,
		Validators:          []validator.String{stringvalidator.OneOf(trackingStatuses...)},
	}
	// A list filter: one or more distinct values, each checked by each.
	listFilter := func(desc string, each validator.String) schema.ListAttribute {
		return schema.ListAttribute{
			MarkdownDescription: desc + " The API takes 40 per call; longer lists are split into several calls.",
			ElementType:         types.StringType,
			Optional:            true,
			Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.UniqueValues(), listvalidator.ValueStringsAre(each)},
		}
	}
	attrs["tracking_numbers"] = listFilter("Only these tracking numbers (API parameter `numbers`; v4 `tracking_numbers`).", validators.TrackingNumber())
	attrs["order_ids"] = listFilter("Only trackings of these order ids (API parameter `orders`). "+v2OnlyFilter, validators.Text())
	attrs["archived"] = schema.BoolAttribute{
		MarkdownDescription: "Only archived (`true`) or only unarchived (`false`) trackings (API parameter `archived`; v4 `archived_status`). Omit it for both.",
		Optional:            true,
	}
	return attrs
}

// timeFilterAttributes returns the <prefix>_after and <prefix>_before
// arguments that map to the API's <param>_min and <param>_max (Unix seconds).
func timeFilterAttributes(prefix, param, what string) map[string]schema.Attribute {
	bound := func(side, suffix string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Only when %s at or %s this time, RFC 3339 such as `2026-01-31T15:04:05Z` (API parameter `%s%s`, sent as Unix seconds).", what, side, param, suffix),
			Optional:            true,
			Validators:          []validator.String{validators.RFC3339()},
		}
	}
	return map[string]schema.Attribute{
		prefix + "_after":  bound("after", "_min"),
		prefix + "_before": bound("before", "_max"),
	}
}

// timeRanges rejects a filter whose end (before) is earlier than its start
// (after), for each of the three time windows.
var timeRanges = timeOrders{
	{"created_after", "created_before"},
	{"updated_after", "updated_before"},
	{"order_created_after", "order_created_before"},
}

// timeOrder is one time window: the names of its start and end arguments.
type timeOrder struct{ after, before string }

func (o timeOrder) validate(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
	var after, before types.String
	diags.Append(config.GetAttribute(ctx, path.Root(o.after), &after)...)
	diags.Append(config.GetAttribute(ctx, path.Root(o.before), &before)...)
	if diags.HasError() || after.IsNull() || after.IsUnknown() || before.IsNull() || before.IsUnknown() {
		return
	}
	start, err1 := time.Parse(time.RFC3339, after.ValueString())
	end, err2 := time.Parse(time.RFC3339, before.ValueString())
	if err1 != nil || err2 != nil { // reported by the attribute validators
		return
	}
	if end.Before(start) {
		diags.AddAttributeError(path.Root(o.before), "Invalid Attribute Value",
			fmt.Sprintf("Attribute %s must not be earlier than %s (%s), got: %q", o.before, o.after, after.ValueString(), before.ValueString()))
	}
}

type timeOrders []timeOrder

var (
	_ datasource.ConfigValidator = timeOrders{}
	_ list.ConfigValidator       = timeOrders{}
)

func (v timeOrders) Description(context.Context) string {
	rules := make([]string, len(v))
	for i, o := range v {
		rules[i] = o.before + " must not be earlier than " + o.after
	}
	return strings.Join(rules, "; ")
}

func (v timeOrders) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v timeOrders) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	v.validate(ctx, req.Config, &resp.Diagnostics)
}

func (v timeOrders) ValidateListResourceConfig(ctx context.Context, req list.ValidateConfigRequest, resp *list.ValidateConfigResponse) {
	v.validate(ctx, req.Config, &resp.Diagnostics)
}

func (v timeOrders) validate(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
	for _, o := range v {
		o.validate(ctx, config, diags)
	}
}
