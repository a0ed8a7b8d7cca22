package provider

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewServer returns the provider as Terraform and OpenTofu talk to it over
// plugin protocol 6. The framework serves the provider block, the single
// resource and the data sources. trackingmore_trackings is served directly
// on the protocol by trackingsResource: the framework visits every value of
// a plan or state several times, and copies a whole map for each element
// of it it visits (MapValue.Elements), which made a 5,000-item apply cost
// 30 CPU-seconds and 400 MB in the provider.
func NewServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		p := &trackingMoreProvider{version: version}
		framework := providerserver.NewProtocol6(p)().(frameworkServer)
		return &server{frameworkServer: framework, bulk: &trackingsResource{provider: p}}
	}
}

// server routes the calls about trackingmore_trackings to bulk and every
// other call to the framework's server. The calls Terraform makes once per
// resource or data source instance reach the framework through releasing.
type server struct {
	frameworkServer
	bulk *trackingsResource
}

// frameworkServer is what the framework's server implements: the protocol's
// optional list resource and action servers too.
type frameworkServer interface {
	tfprotov6.ProviderServerWithListResource
	tfprotov6.ActionServer
}

func (s *server) GetMetadata(ctx context.Context, req *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	resp, err := s.frameworkServer.GetMetadata(ctx, req)
	if resp != nil {
		resp.Resources = append(resp.Resources, tfprotov6.ResourceMetadata{TypeName: bulkTypeName})
	}
	return resp, err
}

func (s *server) GetProviderSchema(ctx context.Context, req *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	resp, err := s.frameworkServer.GetProviderSchema(ctx, req)
	if resp != nil && resp.ResourceSchemas != nil {
		resp.ResourceSchemas[bulkTypeName] = trackingsSchema()
	}
	return resp, err
}

func (s *server) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return pick(req.TypeName, s.bulk.ValidateResourceConfig, s.frameworkServer.ValidateResourceConfig)(ctx, req)
}

func (s *server) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return pick(req.TypeName, s.bulk.UpgradeResourceState, s.frameworkServer.UpgradeResourceState)(ctx, req)
}

func (s *server) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return pick(req.TypeName, s.bulk.ReadResource, s.frameworkServer.ReadResource)(ctx, req)
}

func (s *server) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return pick(req.TypeName, s.bulk.PlanResourceChange, s.frameworkServer.PlanResourceChange)(ctx, req)
}

func (s *server) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return pick(req.TypeName, s.bulk.ApplyResourceChange, s.frameworkServer.ApplyResourceChange)(ctx, req)
}

func (s *server) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return pick(req.TypeName, s.bulk.ImportResourceState, s.frameworkServer.ImportResourceState)(ctx, req)
}

func (s *server) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return pick(req.TargetTypeName, s.bulk.MoveResourceState, s.frameworkServer.MoveResourceState)(ctx, req)
}

func (s *server) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return pick(req.TypeName, s.bulk.GenerateResourceConfig, s.frameworkServer.GenerateResourceConfig)(ctx, req)
}

func (s *server) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return releasing(s.frameworkServer.ValidateDataResourceConfig)(ctx, req)
}

func (s *server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return releasing(s.frameworkServer.ReadDataSource)(ctx, req)
}

// pick is the bulk resource's handler for calls about its type, else the framework's.
func pick[Req, Resp any](typeName string, bulk, framework func(context.Context, Req) (Resp, error)) func(context.Context, Req) (Resp, error) {
	if typeName == bulkTypeName {
		return bulk
	}
	return releasing(framework)
}

// releasing calls a framework handler with a context that lets go of the
// call's own context when the handler returns. The framework keeps every
// call's context until the provider is stopped (proto6server's
// registerContext, so that StopProvider can cancel them), and with it the
// loggers terraform-plugin-go puts in each: about 100 KB a call, which grew
// the provider to over 500 MB for 5,000 trackingmore_tracking resources.
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
