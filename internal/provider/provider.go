// Package provider implements the TrackingMore Terraform provider on
// terraform-plugin-framework: trackingmore_tracking and the data sources,
// muxed with the server of trackingmore_trackings (internal/bulk) into the
// one provider Terraform talks to (NewServer). The provider block is
// internal/providerconfig; HTTP, retries and pacing live in
// internal/trackingmore; this package only converts between Terraform
// models and client types.
package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/trackform/terraform-provider-trackingmore/internal/providerconfig"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
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
}

func (p *trackingMoreProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "trackingmore"
	resp.Version = p.version
}

func (p *trackingMoreProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = providerconfig.Schema()
}

// Configure gets the configuration's client, which the bulk resource's
// server gets too (providerconfig.Client).
func (p *trackingMoreProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerconfig.Model
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, diags := providerconfig.Client(config, p.version)
	resp.Diagnostics.Append(diags...)
	if client != nil {
		resp.ResourceData = client
		resp.DataSourceData = client
		resp.EphemeralResourceData = client
		resp.ActionData = client
		resp.ListResourceData = client
	}
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

// maxPerCall caps the list arguments of the endpoints that take a list per
// call (remote, costtime, aircargo): one data source, one API call, so the
// cost of a plan stays visible in the configuration.
const maxPerCall = trackingmore.MaxBatchSize
