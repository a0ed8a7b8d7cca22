package bulk

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/providerconfig"
	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
)

const typeName = "trackingmore_trackings"

var _ tfprotov6.ProviderServer = (*server)(nil)

// server serves trackingmore_trackings and nothing else.
type server struct {
	version string
	// data is the provider configuration's, the framework's own
	// (providerconfig.Configure hands both servers the same).
	data atomic.Pointer[providerconfig.Data]
}

// NewServer returns the server of trackingmore_trackings, for
// tf6muxserver, as provider.NewServer returns the whole provider's: an
// error if the shared item attributes carry a schema feature this server
// does not apply (see the package comment).
func NewServer(version string) (func() tfprotov6.ProviderServer, error) {
	if err := checkItemAttributes(itemAttributes()); err != nil {
		return nil, err
	}
	return func() tfprotov6.ProviderServer { return &server{version: version} }, nil
}

func (s *server) GetMetadata(context.Context, *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	return &tfprotov6.GetMetadataResponse{Resources: []tfprotov6.ResourceMetadata{{TypeName: typeName}}}, nil
}

// GetProviderSchema leaves the provider block's schema to the framework's
// server (tf6muxserver takes it from whichever server sends one).
func (s *server) GetProviderSchema(context.Context, *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	return &tfprotov6.GetProviderSchemaResponse{ResourceSchemas: map[string]*tfprotov6.Schema{typeName: trackingsSchema()}}, nil
}

func (s *server) GetResourceIdentitySchemas(context.Context, *tfprotov6.GetResourceIdentitySchemasRequest) (*tfprotov6.GetResourceIdentitySchemasResponse, error) {
	return &tfprotov6.GetResourceIdentitySchemasResponse{}, nil
}

// ValidateProviderConfig leaves the provider block to the framework's server.
func (s *server) ValidateProviderConfig(context.Context, *tfprotov6.ValidateProviderConfigRequest) (*tfprotov6.ValidateProviderConfigResponse, error) {
	return &tfprotov6.ValidateProviderConfigResponse{}, nil
}

// ConfigureProvider gets the configuration's Data, the one the
// framework's provider got for the same block.
func (s *server) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	data, diags := providerconfig.ConfigureFromProtocol(ctx, req.Config, s.version)
	if data != nil {
		s.data.Store(data)
	}
	return &tfprotov6.ConfigureProviderResponse{Diagnostics: protoDiagnostics(diags)}, nil
}

// StopProvider has nothing to do: terraform-plugin-go cancels the context
// of every call in flight, and the client gives up with it.
func (s *server) StopProvider(context.Context, *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	return &tfprotov6.StopProviderResponse{}, nil
}

// configured is the Data ConfigureProvider stored.
func (s *server) configured(diags *diag.Diagnostics) *providerconfig.Data {
	data := s.data.Load()
	if data == nil {
		diags.AddError("Provider not configured",
			"The trackingmore provider was not configured before "+typeName+" needed it. Please report this issue to the provider developers.")
	}
	return data
}

func (s *server) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	var diags diag.Diagnostics
	config := decodeValue(req.Config, trackingsType(), &diags)
	if !diags.HasError() {
		validateTrackings(config, &diags)
	}
	return &tfprotov6.ValidateResourceConfigResponse{Diagnostics: protoDiagnostics(diags)}, nil
}

func (s *server) UpgradeResourceState(_ context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.UpgradeResourceStateResponse{}
	switch {
	case req.Version > tracking.SchemaVersion:
		diags.AddError("Unable to upgrade state", fmt.Sprintf("%s has state versions up to %d; got version %d. "+
			"The state was written by a newer provider: use that version.", typeName, tracking.SchemaVersion, req.Version))
	case req.RawState != nil:
		raw := req.RawState
		if req.Version == 0 {
			raw = upgradeV0(req.RawState, &diags)
		}
		// Attributes the schema no longer has (dropped since the state was written) are ignored.
		state, err := raw.UnmarshalWithOpts(trackingsType(), tfprotov6.UnmarshalOpts{
			ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true},
		})
		if err != nil {
			diags.AddError("Unable to read state", "The state of "+typeName+" does not match its schema: "+err.Error())
		} else {
			resp.UpgradedState = encodeValue(state, &diags)
		}
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

func (s *server) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.ReadResourceResponse{NewState: req.CurrentState, Private: req.Private}
	state := decodeTrackings(ctx, req.CurrentState, &diags)
	data := s.configured(&diags)
	if !diags.HasError() && state != nil {
		resp.NewState = encodeTrackings(ctx, readTrackings(ctx, data, *state, neverCreated(req.Private), &diags), &diags)
		resp.Private = nil // the never-created items are dropped now
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

func (s *server) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.PlanResourceChangeResponse{PlannedState: req.ProposedNewState, PlannedPrivate: req.PriorPrivate}
	proposed := decodeValue(req.ProposedNewState, trackingsType(), &diags)
	config := decodeValue(req.Config, trackingsType(), &diags)
	prior := decodeTrackings(ctx, req.PriorState, &diags)
	if !diags.HasError() && !proposed.IsNull() { // null: a destroy, planned as proposed
		// Without Data (the provider block failed), no carrier is checked.
		invalid := checkTrackings(ctx, config, &diags)
		resp.PlannedState = encodeValue(planTrackings(ctx, s.data.Load(), prior, config, invalid, &diags), &diags)
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

func (s *server) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.ApplyResourceChangeResponse{NewState: req.PriorState, Private: req.PlannedPrivate}
	prior := decodeTrackings(ctx, req.PriorState, &diags)
	planned := decodeTrackings(ctx, req.PlannedState, &diags)
	data := s.configured(&diags)
	if !diags.HasError() {
		var state *trackingsResourceModel
		switch {
		case prior == nil:
			var failed []string
			state, failed = createTrackings(ctx, data, *planned, &diags)
			resp.Private = neverCreatedPrivate(failed)
		case planned == nil:
			state = deleteTrackings(ctx, data, *prior, neverCreated(req.PlannedPrivate), &diags)
		default:
			state = updateTrackings(ctx, data, *prior, *planned, neverCreated(req.PlannedPrivate), &diags)
			resp.Private = nil
		}
		resp.NewState = encodeTrackings(ctx, state, &diags)
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

// ImportResourceState takes a comma-separated list of
// carrier_code/tracking_number pairs, each optionally prefixed with "label="
// (the label defaults to the tracking number):
// "ups/1Z999AA10123456784,order-1002=usps/9400111899223197428490".
// Terraform then reads the items.
func (s *server) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.ImportResourceStateResponse{}
	items, err := parseBulkImportID(req.ID)
	if err != nil {
		diags.AddError("Invalid import ID", err.Error())
	} else if id, err := newBulkID(); err != nil {
		diags.AddError("Unable to import trackings", err.Error())
	} else {
		state := encodeTrackings(ctx, &trackingsResourceModel{ID: types.StringValue(id), Trackings: items}, &diags)
		resp.ImportedResources = []*tfprotov6.ImportedResource{{TypeName: typeName, State: state}}
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

func (s *server) MoveResourceState(_ context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	var diags diag.Diagnostics
	diags.AddError("Unable to move resource state",
		fmt.Sprintf("%s cannot be moved from %s. Import the trackings instead (terraform import with a list of carrier_code/tracking_number).",
			typeName, req.SourceTypeName))
	return &tfprotov6.MoveResourceStateResponse{Diagnostics: protoDiagnostics(diags)}, nil
}

// GenerateResourceConfig writes the configuration of an imported state:
// its arguments, without the read-only values.
func (s *server) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	var diags diag.Diagnostics
	resp := &tfprotov6.GenerateResourceConfigResponse{}
	if state := decodeTrackings(ctx, req.State, &diags); state != nil {
		config := trackingsResourceModel{ID: types.StringNull(), Trackings: make(map[string]tracking.Model, len(state.Trackings))}
		for label, item := range state.Trackings {
			config.Trackings[label] = item.WithResults(tracking.Model{})
		}
		resp.Config = encodeTrackings(ctx, &config, &diags)
	}
	resp.Diagnostics = protoDiagnostics(diags)
	return resp, nil
}

// UpgradeResourceIdentity refuses: the resource has no identity.
func (s *server) UpgradeResourceIdentity(_ context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return &tfprotov6.UpgradeResourceIdentityResponse{Diagnostics: unserved("resource identity of " + req.TypeName)}, nil
}
