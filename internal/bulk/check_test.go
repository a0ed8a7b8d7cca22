package bulk

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/carriercheck"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/providerconfig"
	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// itemsConfig is a configuration of trackingmore_trackings holding items,
// each a carrier code and a tracking number.
func itemsConfig(ctx context.Context, items map[string][2]string, diags *diag.Diagnostics) tftypes.Value {
	values := map[string]tftypes.Value{}
	for label, item := range items {
		values[label] = itemToTerraform(ctx, tracking.Model{CarrierCode: types.StringValue(item[0]), TrackingNumber: types.StringValue(item[1])}, diags)
	}
	return tftypes.NewValue(trackingsType(), map[string]tftypes.Value{
		"id":        tftypes.NewValue(tftypes.String, nil),
		"trackings": tftypes.NewValue(trackingsType().AttributeTypes["trackings"], values),
	})
}

// mockData is the provider Data of a client of a fresh mock, and the mock.
func mockData(t *testing.T) (*providerconfig.Data, *mockapi.Server) {
	t.Helper()
	srv := mockapi.New(mockapi.Options{Limits: mockapi.NoLimits})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	client, err := trackingmore.New(trackingmore.Config{APIKey: "tm-test-key-0123456789", BaseURL: ts.URL + "/v2"})
	if err != nil {
		t.Fatal(err)
	}
	return &providerconfig.Data{Client: client, Carriers: carriercheck.NewSource(client)}, srv
}

// The plan reports every item's problems and every unknown carrier of a
// valid item together; a plan whose items are all invalid makes no call.
func TestPlanChecksEveryItem(t *testing.T) {
	ctx := context.Background()
	data, _ := mockData(t)
	plan := func(items map[string][2]string) []string {
		var diags diag.Diagnostics
		config := itemsConfig(ctx, items, &diags)
		invalid := checkTrackings(ctx, config, &diags)
		planTrackings(ctx, data, nil, config, invalid, &diags)
		var got []string
		for _, d := range diags.Errors() {
			got = append(got, d.Detail())
		}
		return got
	}

	got := plan(map[string][2]string{
		"a": {"ups", "1Z999AA10123456784 "},     // bad number
		"b": {"postnl", "3SABCD1234567"},        // unknown carrier
		"c": {"U PS", "9400111899223197428490"}, // malformed carrier: one error, no look-up
		"d": {"usps", "9400111899223197428491"}, // fine
	})
	want := []string{
		`trackings["a"].tracking_number must be at least 5 characters`,
		`trackings["c"].carrier_code must be a TrackingMore carrier code`,
		`trackings["b"].carrier_code: "postnl" is not a TrackingMore carrier code. Did you mean "postnl-parcels"`,
	}
	if len(got) != len(want) {
		t.Fatalf("errors %q, want %d", got, len(want))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("error %d = %q, want it to contain %q", i, got[i], want[i])
		}
	}

	var srv *mockapi.Server
	data, srv = mockData(t)
	got = plan(map[string][2]string{"a": {"ups", "a/b"}, "b": {"ups", "9400111899223197428490"}, "c": {"usps", "9400111899223197428490"}})
	if len(got) != 2 || srv.Stats().Total != 0 {
		t.Errorf("a bad number and a duplicate: errors %q and %d calls; want 2 errors and no call", got, srv.Stats().Total)
	}
}
