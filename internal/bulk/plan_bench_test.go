package bulk

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
)

// BenchmarkPlan plans the create of 1,000 items on this server (direct)
// and on the framework's server with the same schema (framework), the cost
// of terraform-plugin-framework issues #721 and #775 that this package
// works around. When framework is within a few times direct, serve the
// resource through the framework again and delete this package.
func BenchmarkPlan(b *testing.B) {
	const items = 1000
	typ, itemType := trackingsType(), trackingItemType()
	values := make(map[string]tftypes.Value, items)
	for i := range items {
		values[fmt.Sprintf("order-%04d", i)] = acctest.ObjectOf(itemType, map[string]tftypes.Value{
			"carrier_code":    tftypes.NewValue(tftypes.String, "ups"),
			"tracking_number": tftypes.NewValue(tftypes.String, fmt.Sprintf("1Z999AA1%010d", i)),
		}, false)
	}
	config := acctest.DynamicValue(b, typ, tftypes.NewValue(typ, map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, nil), "trackings": tftypes.NewValue(typ.AttributeTypes["trackings"], values),
	}))
	prior := acctest.DynamicValue(b, typ, tftypes.NewValue(typ, nil))
	req := &tfprotov6.PlanResourceChangeRequest{TypeName: typeName, Config: config, ProposedNewState: config, PriorState: prior}

	framework := providerserver.NewProtocol6(schemaOnly{schema: func() fwresource.SchemaResponse {
		return fwresource.SchemaResponse{Schema: trackingsFrameworkSchema()}
	}})()
	for name, srv := range map[string]tfprotov6.ProviderServer{"direct": newTestServer(b), "framework": framework} {
		b.Run(name, func(b *testing.B) {
			if _, err := srv.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{}); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				resp, err := srv.PlanResourceChange(context.Background(), req)
				if err != nil || len(resp.Diagnostics) > 0 {
					b.Fatalf("plan: %v %v", err, resp.Diagnostics)
				}
			}
		})
	}
}
