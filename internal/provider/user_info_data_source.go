package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/computed"
	"github.com/trackform/terraform-provider-trackingmore/internal/framework/flex"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// NewUserInfoDataSource is the constructor the provider registers.
func NewUserInfoDataSource() datasource.DataSource {
	return &dataSource[userInfoDataSourceModel]{name: "user_info", schema: userInfoDataSourceSchema, read: readUserInfoDataSource}
}

type userInfoDataSourceModel struct {
	Email          types.String `tfsdk:"email"`
	Phone          types.String `tfsdk:"phone"`
	RegisteredAt   types.String `tfsdk:"registered_at"`
	Balance        types.String `tfsdk:"balance"`
	RemainingQuota types.Int64  `tfsdk:"remaining_quota"`
}

func newUserInfo(info *trackingmore.UserInfo) userInfoDataSourceModel {
	m := userInfoDataSourceModel{
		Email:          flex.StringOrNull(string(info.Email)),
		Phone:          flex.StringOrNull(string(info.Phone)),
		RegisteredAt:   types.StringNull(),
		Balance:        flex.StringOrNull(string(info.Money)),
		RemainingQuota: types.Int64Value(int64(info.TrackNumber)),
	}
	if info.RegTime > 0 {
		m.RegisteredAt = types.StringValue(time.Unix(int64(info.RegTime), 0).UTC().Format(time.RFC3339))
	}
	return m
}

func userInfoDataSourceSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "The TrackingMore account behind the API key, from `GET /trackings/getuserinfo`: useful to check the " +
			"remaining quota before creating trackings. It costs no quota.\n\n" +
			"Terraform reads a data source while planning, before the apply creates anything, so in a configuration that " +
			"also creates trackings the quota read then is out of date once they exist, and the next plan is not empty " +
			"(an output of `remaining_quota` changes). To read it after the trackings, give it " +
			"`depends_on = [trackingmore_tracking.NAME]` (or the `trackingmore_trackings` resource): Terraform then reads " +
			"it during the apply, after the creates, whenever they have changes, and the next plan is empty.\n\n" +
			"Not available with `api_version = \"v4\"` (no v4 endpoint).",
		Attributes: map[string]schema.Attribute{
			"email":           computed.String("The account's email address (API field `email`)."),
			"phone":           computed.String("The account's phone number (API field `phone`); null when none is set."),
			"registered_at":   computed.String("When the account was registered, RFC 3339 in UTC (API field `regtime`, Unix seconds)."),
			"balance":         computed.String("The account's balance as the API writes it, such as `12.50` (API field `money`); a string so no cent is lost to rounding."),
			"remaining_quota": computed.Int64("How many trackings the account can still create (API field `track_number`)."),
		},
	}
}

// readUserInfoDataSource replaces m whole: the data source has no
// arguments, so its configuration holds nothing to keep.
func readUserInfoDataSource(ctx context.Context, client *trackingmore.Client, m *userInfoDataSourceModel, diags *diag.Diagnostics) {
	info, err := client.GetUserInfo(ctx)
	if err != nil {
		explain.AddAPIError(diags, "Unable to read account information", "the account information", err)
		return
	}
	*m = newUserInfo(info)
}
