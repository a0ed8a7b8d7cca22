// Package providerconfig is the provider block: its schema, and the one
// client each configuration of it gets. The framework's server and the bulk
// resource's server (internal/bulk) are muxed into one provider, and each
// receives ConfigureProvider with the same block; both turn it into a
// Data through Configure, which hands out one per configuration, so one
// client (one pacing budget, one rate limiter, one 429 back-off) and one
// carrier catalogue serve every resource and data source (as tfe's
// internal/client does for its servers).
package providerconfig

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/providerenv"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

const (
	defaultMaxRetries = 4
)

// Model is the provider block.
type Model struct {
	APIKey            types.String  `tfsdk:"api_key"`
	APIVersion        types.String  `tfsdk:"api_version"`
	BaseURL           types.String  `tfsdk:"base_url"`
	MaxRetries        types.Int64   `tfsdk:"max_retries"`
	RequestTimeout    types.String  `tfsdk:"request_timeout"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
}

// Schema is the provider block's schema.
func Schema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Manage parcel trackings in [TrackingMore](https://www.trackingmore.com)'s API, version 2 or 4 (`api_version`).",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				MarkdownDescription: "TrackingMore API key, sent as the `Trackingmore-Api-Key` header (v2) or `Tracking-Api-Key` (v4); one key serves both versions. Falls back to the `" + providerenv.APIKey + "` environment variable. Never logged.",
				Optional:            true,
				Sensitive:           true,
				Validators:          []validator.String{validators.NotBlank()},
			},
			"api_version": schema.StringAttribute{
				MarkdownDescription: "TrackingMore API version: `v2` or `v4`. Falls back to the `" + providerenv.APIVersion + "` environment variable, then to `v2`. " +
					"The same account and trackings serve both, so a configuration moves between them by changing this argument alone: nothing is re-created. " +
					"v4 allows 10 requests a second by default (v2: 1) and offers `note` and `order_number`; v2 offers `manual_status`, `auto_update = false`, `customer_phone`, " +
					"`comment`, `order_create_time` and the account, status-count, remote-area, transit-time and realtime endpoints. " +
					"What a version lacks fails at plan time, naming this argument: see the guide [v2 or v4](guides/v2-or-v4.md).",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(trackingmore.APIVersionV2, trackingmore.APIVersionV4)},
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Base URL of the API, its version included. Falls back to the `" + providerenv.BaseURL + "` environment variable, then to `" + trackingmore.DefaultBaseURL + "` (`api_version = \"v4\"`: `" + trackingmore.DefaultBaseURLV4 + "`). Point it at `trackingmore-mock` (its `/v2` or `/v4`) to test without an account.",
				Optional:            true,
				Validators:          []validator.String{validators.HTTPURL()},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a transient failure (connection error, HTTP 5xx, meta code 500/503) is retried, with exponential backoff and jitter, and how many times a rate-limited call (HTTP or meta 429) waits before it fails. After a 429 every call of the provider waits the two minutes TrackingMore asks for (or the answer's `Retry-After`), and the run shows a warning once. Defaults to 4.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(0, 20)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Timeout of one HTTP attempt, as a Go duration such as `30s` or `1m`. Defaults to `30s`.",
				Optional:            true,
				Validators:          []validator.String{validators.PositiveDuration()},
			},
			"requests_per_second": schema.Float64Attribute{
				MarkdownDescription: "Requests a second this provider sends, all resources and data sources together. TrackingMore limits a v2 account to 1 request a second and a v4 account to 10 (all endpoints together) unless it raised the account's limit, so the default is 1 with `api_version = \"v2\"` and 10 with `\"v4\"`; raise it only to the limit TrackingMore granted the account. Calls are spaced 10 % wider than this rate, so that a provider at the account's rate never draws a 429. The documented per-endpoint limits (v2: 1 list call and 3 realtime calls per second; v4: 3 creates per second) are kept on top of it. Single `trackingmore_tracking` resources that wait for this budget travel together through the batch endpoints (up to 40 a call), so Terraform's `-parallelism` sets how many share one call. Defaults to the version's limit.",
				Optional:            true,
				Validators:          []validator.Float64{float64validator.Between(0.01, 1000)},
			},
		},
	}
}
