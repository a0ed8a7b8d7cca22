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
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/trackform/terraform-provider-trackingmore/internal/explain"
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

// Configure gets the configuration's Data, which the bulk resource's
// server gets too (providerconfig.Configure).
func (p *trackingMoreProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerconfig.Model
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	data, diags := providerconfig.Configure(config, p.version)
	resp.Diagnostics.Append(diags...)
	if data != nil {
		resp.ResourceData = data
		resp.DataSourceData = data
		resp.EphemeralResourceData = data
		resp.ActionData = data
		resp.ListResourceData = data
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

// configuredData extracts the Data that Configure hands to resources and
// data sources. providerData is nil while Terraform validates before
// configuring.
func configuredData(providerData any, diags *diag.Diagnostics) *providerconfig.Data {
	if providerData == nil {
		return nil
	}
	data, ok := providerData.(*providerconfig.Data)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerconfig.Data, got %T. Please report this issue to the provider developers.", providerData))
	}
	return data
}

// configuredClient is the client of configuredData, for the many that need
// nothing else.
func configuredClient(providerData any, diags *diag.Diagnostics) *trackingmore.Client {
	if data := configuredData(providerData, diags); data != nil {
		return data.Client
	}
	return nil
}

// maxPerCall caps the list arguments of the endpoints that take a list per
// call (remote, costtime, aircargo): one data source, one API call, so the
// cost of a plan stays visible in the configuration.
const maxPerCall = trackingmore.MaxBatchSize

// refuseUnsupported adds an error when the configured client's API version
// lacks operation (a client method, such as "StopUpdating"), which subject
// needs; nothing before the provider is configured.
func refuseUnsupported(client *trackingmore.Client, operation, subject string, diags *diag.Diagnostics) {
	if client == nil {
		return
	}
	var err *trackingmore.UnsupportedError
	if errors.As(client.CheckSupported(operation), &err) {
		diags.AddError("Not available with TrackingMore API "+err.APIVersion, explain.Unsupported(subject, err))
	}
}
