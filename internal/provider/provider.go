// Package provider implements the TrackingMore Terraform provider: its
// configuration, resources and data sources. HTTP, retries and pacing live in
// internal/trackingmore; this package only converts between Terraform models
// and client types.
package provider

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

const (
	envAPIKey  = "TRACKINGMORE_API_KEY"
	envBaseURL = "TRACKINGMORE_BASE_URL"

	defaultMaxRetries        = 4
	defaultRequestTimeout    = 30 * time.Second
	defaultRequestsPerSecond = 10.0
)

var (
	_ provider.Provider                       = (*trackingMoreProvider)(nil)
	_ provider.ProviderWithFunctions          = (*trackingMoreProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*trackingMoreProvider)(nil)
	_ provider.ProviderWithActions            = (*trackingMoreProvider)(nil)
	_ provider.ProviderWithListResources      = (*trackingMoreProvider)(nil)
)

type trackingMoreProvider struct {
	version string
	// configured is the client Configure built, for the resource the
	// framework does not serve (see NewServer).
	configured atomic.Pointer[trackingmore.Client]
}

type providerModel struct {
	APIKey            types.String  `tfsdk:"api_key"`
	BaseURL           types.String  `tfsdk:"base_url"`
	MaxRetries        types.Int64   `tfsdk:"max_retries"`
	RequestTimeout    types.String  `tfsdk:"request_timeout"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
}

func (p *trackingMoreProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "trackingmore"
	resp.Version = p.version
}

func (p *trackingMoreProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manage parcel trackings in [TrackingMore](https://www.trackingmore.com)'s v2 API.",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				MarkdownDescription: "TrackingMore API key, sent as the `Trackingmore-Api-Key` header. Falls back to the `" + envAPIKey + "` environment variable. Never logged.",
				Optional:            true,
				Sensitive:           true,
				Validators:          []validator.String{notBlank()},
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "Base URL of the v2 API. Falls back to the `" + envBaseURL + "` environment variable, then to `" + trackingmore.DefaultBaseURL + "`. Point it at `trackingmore-mock` to test without an account.",
				Optional:            true,
				Validators:          []validator.String{httpURL()},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a transient failure (connection error, HTTP 429 or 5xx, meta code 429/500/503) is retried, with exponential backoff and jitter. Defaults to 4.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(0, 20)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Timeout of one HTTP attempt, as a Go duration such as `30s` or `1m`. Defaults to `30s`.",
				Optional:            true,
				Validators:          []validator.String{positiveDuration()},
			},
			"requests_per_second": schema.Float64Attribute{
				MarkdownDescription: "Client-side pacing shared by every resource and data source of this provider. The documented per-endpoint limits (1 list call and 3 realtime calls per second) are kept on top of it. Defaults to 10.",
				Optional:            true,
				Validators:          []validator.Float64{float64validator.Between(0.01, 1000)},
			},
		},
	}
}

func (p *trackingMoreProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// An API key that comes from another resource is unknown until apply;
	// configuring later (with the real value) is Terraform's job, not an error.
	if config.APIKey.IsUnknown() || config.BaseURL.IsUnknown() {
		return
	}

	apiKey := stringOr(config.APIKey, os.Getenv(envAPIKey))
	if apiKey == "" {
		resp.Diagnostics.AddAttributeError(path.Root("api_key"), "Missing TrackingMore API key",
			"Set the provider's api_key argument or the "+envAPIKey+" environment variable. "+
				"To try the provider without an account, run trackingmore-mock and point base_url (or "+envBaseURL+") at it.")
		return
	}
	baseURL := stringOr(config.BaseURL, os.Getenv(envBaseURL))
	if baseURL == "" {
		baseURL = trackingmore.DefaultBaseURL
	}
	if err := validateHTTPURL(baseURL); err != "" {
		resp.Diagnostics.AddAttributeError(path.Root("base_url"), "Invalid TrackingMore base URL",
			"The base URL (from base_url or "+envBaseURL+") "+err)
		return
	}
	timeout := defaultRequestTimeout
	if !config.RequestTimeout.IsNull() {
		// Already validated by positiveDuration.
		timeout, _ = time.ParseDuration(config.RequestTimeout.ValueString())
	}

	client, err := trackingmore.New(trackingmore.Config{
		APIKey:            apiKey,
		BaseURL:           baseURL,
		MaxRetries:        int(int64Or(config.MaxRetries, defaultMaxRetries)),
		RequestTimeout:    timeout,
		RequestsPerSecond: float64Or(config.RequestsPerSecond, defaultRequestsPerSecond),
		UserAgent:         "terraform-provider-trackingmore/" + p.version,
		Logger:            newTFLogger(apiKey),
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to create TrackingMore client", err.Error())
		return
	}
	p.configured.Store(client)
	resp.ResourceData = client
	resp.DataSourceData = client
	resp.EphemeralResourceData = client
	resp.ActionData = client
	resp.ListResourceData = client
}

func (p *trackingMoreProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewTrackingResource,
	}
}

func (p *trackingMoreProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewTrackingDataSource,
		NewTrackingsDataSource,
		NewUserInfoDataSource,
		NewStatusCountsDataSource,
		NewRealtimeTrackingDataSource,
		NewRemoteAreasDataSource,
		NewTransitTimesDataSource,
		NewAirCargoDataSource,
		NewCarriersDataSource,
		NewCarrierDetectionDataSource,
	}
}

func (p *trackingMoreProvider) ListResources(_ context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewTrackingListResource,
	}
}

func (p *trackingMoreProvider) Functions(_ context.Context) []func() function.Function {
	return []func() function.Function{
		NewTrackingIDFunction,
		NewParseTrackingIDFunction,
	}
}

func (p *trackingMoreProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		NewRealtimeTrackingEphemeralResource,
	}
}

func (p *trackingMoreProvider) Actions(_ context.Context) []func() action.Action {
	return []func() action.Action{
		NewRealtimeRefreshAction,
		NewStopUpdatesAction,
	}
}

// configuredClient extracts the client that Configure hands to resources and
// data sources. data is nil while Terraform validates before configuring.
func configuredClient(data any, diags *diag.Diagnostics) *trackingmore.Client {
	if data == nil {
		return nil
	}
	client, ok := data.(*trackingmore.Client)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *trackingmore.Client, got %T. Please report this issue to the provider developers.", data))
	}
	return client
}

func stringOr(v types.String, fallback string) string {
	if v.IsNull() || v.IsUnknown() {
		return fallback
	}
	return v.ValueString()
}

func int64Or(v types.Int64, fallback int64) int64 {
	if v.IsNull() || v.IsUnknown() {
		return fallback
	}
	return v.ValueInt64()
}

func float64Or(v types.Float64, fallback float64) float64 {
	if v.IsNull() || v.IsUnknown() {
		return fallback
	}
	return v.ValueFloat64()
}

// validateHTTPURL returns "" for an absolute http(s) URL, or what is wrong with it.
func validateHTTPURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "is not a valid URL: " + err.Error()
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "must be an absolute http:// or https:// URL, such as " + trackingmore.DefaultBaseURL
	}
	return ""
}
