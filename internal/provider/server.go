package provider

import (
	"context"

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
		return &server{ProviderServer: providerserver.NewProtocol6(p)(), bulk: &trackingsResource{provider: p}}
	}
}

// server routes the calls about trackingmore_trackings to bulk and every
// other call to the framework's server.
type server struct {
	tfprotov6.ProviderServer
	bulk *trackingsResource
}

func (s *server) GetMetadata(ctx context.Context, req *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	resp, err := s.ProviderServer.GetMetadata(ctx, req)
	if resp != nil {
		resp.Resources = append(resp.Resources, tfprotov6.ResourceMetadata{TypeName: bulkTypeName})
	}
	return resp, err
}

func (s *server) GetProviderSchema(ctx context.Context, req *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	resp, err := s.ProviderServer.GetProviderSchema(ctx, req)
	if resp != nil && resp.ResourceSchemas != nil {
		resp.ResourceSchemas[bulkTypeName] = trackingsSchema()
	}
	return resp, err
}

func (s *server) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return pick(req.TypeName, s.bulk.ValidateResourceConfig, s.ProviderServer.ValidateResourceConfig)(ctx, req)
}

func (s *server) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return pick(req.TypeName, s.bulk.UpgradeResourceState, s.ProviderServer.UpgradeResourceState)(ctx, req)
}

func (s *server) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return pick(req.TypeName, s.bulk.ReadResource, s.ProviderServer.ReadResource)(ctx, req)
}

func (s *server) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return pick(req.TypeName, s.bulk.PlanResourceChange, s.ProviderServer.PlanResourceChange)(ctx, req)
}

func (s *server) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return pick(req.TypeName, s.bulk.ApplyResourceChange, s.ProviderServer.ApplyResourceChange)(ctx, req)
}

func (s *server) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return pick(req.TypeName, s.bulk.ImportResourceState, s.ProviderServer.ImportResourceState)(ctx, req)
}

func (s *server) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return pick(req.TargetTypeName, s.bulk.MoveResourceState, s.ProviderServer.MoveResourceState)(ctx, req)
}

func (s *server) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return pick(req.TypeName, s.bulk.GenerateResourceConfig, s.ProviderServer.GenerateResourceConfig)(ctx, req)
}

// pick is the bulk resource's handler for calls about its type, else the framework's.
func pick[Req, Resp any](typeName string, bulk, framework func(context.Context, Req) (Resp, error)) func(context.Context, Req) (Resp, error) {
	if typeName == bulkTypeName {
		return bulk
	}
	return framework
}
