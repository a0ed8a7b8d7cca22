package provider

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-mux/tf6muxserver"

	"github.com/trackform/terraform-provider-trackingmore/internal/bulk"
	"github.com/trackform/terraform-provider-trackingmore/internal/providerconfig"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// NewServer returns the provider as Terraform and OpenTofu talk to it over
// plugin protocol 6: tf6muxserver combining the framework's server (the
// provider block, trackingmore_tracking and the data sources) with the
// server of trackingmore_trackings (internal/bulk says why that one is not
// the framework's). Both get their client from providerconfig.Configure, so
// they share one per provider configuration.
func NewServer(version string) (func() tfprotov6.ProviderServer, error) {
	framework, ok := providerserver.NewProtocol6(&trackingMoreProvider{version: version})().(frameworkServer)
	if !ok {
		return nil, fmt.Errorf("the framework's server no longer serves every RPC releasingServer forwards")
	}
	bulkServer, err := bulk.NewServer(version)
	if err != nil {
		return nil, err
	}
	mux, err := tf6muxserver.NewMuxServer(context.Background(),
		func() tfprotov6.ProviderServer { return releasingServer{framework} },
		bulkServer)
	if err != nil {
		return nil, err
	}
	muxed, ok := mux.ProviderServer().(frameworkServer)
	if !ok {
		return nil, fmt.Errorf("the mux server no longer serves every RPC noticingServer forwards")
	}
	return func() tfprotov6.ProviderServer { return &noticingServer{frameworkServer: muxed, version: version} }, nil
}

// noticingServer adds to the answer of each call that may reach the API the
// warning of a 429 pause its client met since the last answer (see
// trackingmore.Client.TakeRateLimitNotice), so that a run slowed by two
// minutes says why once, whichever resource or data source met the 429.
type noticingServer struct {
	frameworkServer
	version string
	client  atomic.Pointer[trackingmore.Client] // the configured one; both muxed servers share it
}

func (s *noticingServer) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	resp, err := s.frameworkServer.ConfigureProvider(ctx, req)
	if data, _ := providerconfig.ConfigureFromProtocol(ctx, req.Config, s.version); data != nil {
		s.client.Store(data.Client)
	}
	return resp, err
}

// withNotices adds the client's rate-limit warning, if any, to diags.
func (s *noticingServer) withNotices(diags []*tfprotov6.Diagnostic) []*tfprotov6.Diagnostic {
	if client := s.client.Load(); client != nil {
		if msg, ok := client.TakeRateLimitNotice(); ok {
			diags = append(diags, &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityWarning,
				Summary: "TrackingMore rate limit reached", Detail: msg})
		}
	}
	return diags
}

func (s *noticingServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	resp, err := s.frameworkServer.ReadResource(ctx, req)
	if resp != nil {
		resp.Diagnostics = s.withNotices(resp.Diagnostics)
	}
	return resp, err
}

func (s *noticingServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	resp, err := s.frameworkServer.PlanResourceChange(ctx, req)
	if resp != nil {
		resp.Diagnostics = s.withNotices(resp.Diagnostics)
	}
	return resp, err
}

func (s *noticingServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	resp, err := s.frameworkServer.ApplyResourceChange(ctx, req)
	if resp != nil {
		resp.Diagnostics = s.withNotices(resp.Diagnostics)
	}
	return resp, err
}

func (s *noticingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	resp, err := s.frameworkServer.ReadDataSource(ctx, req)
	if resp != nil {
		resp.Diagnostics = s.withNotices(resp.Diagnostics)
	}
	return resp, err
}

// frameworkServer is every RPC the framework's server answers, so that
// releasingServer forwards the optional ones tf6muxserver looks for too.
type frameworkServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
	tfprotov6.StateStoreServer
}

// releasingServer is the framework's server with the calls Terraform makes
// once per resource or data source instance made through releasing.
//
// Why: proto6server keeps every call's context in its contextCancels, never
// pruned until StopProvider, so that StopProvider can cancel them; with
// each context it keeps the loggers terraform-plugin-go puts in it, about
// 100 KB a call, which grew the provider to over 500 MB for 5,000
// trackingmore_tracking resources. The calls made once per run are left
// alone. This wrapper can go when the framework prunes a call's context as
// the call returns: TestServer_frameworkKeepsCallContexts then fails.
type releasingServer struct {
	frameworkServer
}

func (s releasingServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return releasing(s.frameworkServer.ValidateResourceConfig)(ctx, req)
}

func (s releasingServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return releasing(s.frameworkServer.UpgradeResourceState)(ctx, req)
}

func (s releasingServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return releasing(s.frameworkServer.ReadResource)(ctx, req)
}

func (s releasingServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return releasing(s.frameworkServer.PlanResourceChange)(ctx, req)
}

func (s releasingServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return releasing(s.frameworkServer.ApplyResourceChange)(ctx, req)
}

func (s releasingServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return releasing(s.frameworkServer.ImportResourceState)(ctx, req)
}

func (s releasingServer) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return releasing(s.frameworkServer.MoveResourceState)(ctx, req)
}

func (s releasingServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return releasing(s.frameworkServer.UpgradeResourceIdentity)(ctx, req)
}

func (s releasingServer) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return releasing(s.frameworkServer.GenerateResourceConfig)(ctx, req)
}

func (s releasingServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return releasing(s.frameworkServer.ValidateDataResourceConfig)(ctx, req)
}

func (s releasingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return releasing(s.frameworkServer.ReadDataSource)(ctx, req)
}

// releasing calls a handler with a context that lets go of the call's own
// context when the handler returns.
func releasing[Req, Resp any](handler func(context.Context, Req) (Resp, error)) func(context.Context, Req) (Resp, error) {
	return func(ctx context.Context, req Req) (Resp, error) {
		released := &releasableContext{ctx: ctx}
		defer released.release()
		return handler(released, req)
	}
}

// releasableContext is its context until release, then a cancelled empty
// one. A context derived from it while in use is cancelled with the
// original, since it shares the original's Done channel.
type releasableContext struct {
	mu  sync.RWMutex
	ctx context.Context
}

// releasedContext is what a releasableContext becomes: done, valueless.
var releasedContext = func() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}()

func (c *releasableContext) current() context.Context {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.ctx
}

func (c *releasableContext) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ctx = releasedContext
}

func (c *releasableContext) Deadline() (time.Time, bool) { return c.current().Deadline() }
func (c *releasableContext) Done() <-chan struct{}       { return c.current().Done() }
func (c *releasableContext) Err() error                  { return c.current().Err() }
func (c *releasableContext) Value(key any) any           { return c.current().Value(key) }
