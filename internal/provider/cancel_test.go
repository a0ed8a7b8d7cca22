package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/acctest"
	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
)

// TestCancel_bulkCreate interrupts a bulk create of three batches while the
// second is on the wire (the mock answers each call after 2 s): the apply
// returns at once, not after latency × retries, with the context error, and
// the returned state holds exactly the first batch, which the mock holds.
func TestCancel_bulkCreate(t *testing.T) {
	const latency = 2 * time.Second
	m := acctest.NewMock(t, mockapi.Options{Latency: latency})
	p := acctest.NewProtoServer(t, newServer, m)
	itemType := p.Schemas["trackingmore_trackings"].AttributeTypes["trackings"].(tftypes.Map).ElementType.(tftypes.Object)
	items := map[string]tftypes.Value{}
	for i := range 120 {
		items[fmt.Sprintf("order-%04d", i)] = acctest.ObjectOf(itemType, map[string]tftypes.Value{
			"carrier_code":    tftypes.NewValue(tftypes.String, "ups"),
			"tracking_number": tftypes.NewValue(tftypes.String, fmt.Sprintf("1Z999AA1%010d", i)),
		}, true)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cancelled := acctest.CancelWhen(cancel, func() bool { return m.Stats().ByEndpoint["POST /trackings/batch"] == 2 })
	state, diags := p.Create(ctx, t, "trackingmore_trackings", map[string]tftypes.Value{
		"trackings": tftypes.NewValue(tftypes.Map{ElementType: itemType}, items),
	})
	returned := time.Now()
	if d := returned.Sub(<-cancelled); d > latency/2 {
		t.Errorf("the apply returned %v after the cancel", d)
	}
	if !strings.Contains(acctest.DiagnosticsText(diags), "context canceled") {
		t.Errorf("diagnostics do not name the cancellation:\n%s", acctest.DiagnosticsText(diags))
	}
	time.Sleep(latency + 500*time.Millisecond) // a write completing after the hang-up would show now
	var got map[string]tftypes.Value
	if err := state["trackings"].As(&got); err != nil {
		t.Fatal(err)
	}
	withID := 0
	for _, item := range got {
		var attrs map[string]tftypes.Value
		if err := item.As(&attrs); err != nil {
			t.Fatal(err)
		}
		if !attrs["id"].IsNull() {
			withID++
		}
	}
	if withID != 40 || m.TrackingCount() != 40 {
		t.Errorf("state holds %d created items, the mock %d; want the first batch of 40 in both", withID, m.TrackingCount())
	}
}

// TestCancel_singleCreate interrupts a single create twice: during the
// create itself (nothing exists, no state), and during the PUT that follows
// it to archive the new tracking (it exists: state must hold it).
func TestCancel_singleCreate(t *testing.T) {
	const latency = 2 * time.Second
	attrs := map[string]tftypes.Value{
		"carrier_code":    tftypes.NewValue(tftypes.String, "ups"),
		"tracking_number": tftypes.NewValue(tftypes.String, "1Z999AA10123456784"),
		"archived":        tftypes.NewValue(tftypes.Bool, true),
	}
	for _, tc := range []struct {
		name    string
		cancel  string // the call in flight when the context ends
		created bool
	}{
		{"during create", "POST /trackings/post", false},
		{"during follow-up update", "PUT /trackings/{carrier}/{number}", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := acctest.NewMock(t, mockapi.Options{Latency: latency})
			p := acctest.NewProtoServer(t, newServer, m)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			cancelled := acctest.CancelWhen(cancel, func() bool { return m.Stats().ByEndpoint[tc.cancel] == 1 })
			state, diags := p.Create(ctx, t, "trackingmore_tracking", attrs)
			if d := time.Since(<-cancelled); d > latency/2 {
				t.Errorf("the apply returned %v after the cancel", d)
			}
			if !strings.Contains(acctest.DiagnosticsText(diags), "context canceled") {
				t.Errorf("diagnostics do not name the cancellation:\n%s", acctest.DiagnosticsText(diags))
			}
			time.Sleep(latency + 500*time.Millisecond) // a write completing after the hang-up would show now
			if found, _ := m.Exists("ups", "1Z999AA10123456784"); found != tc.created {
				t.Fatalf("on the mock: %v, want %v", found, tc.created)
			}
			var id string
			if state != nil {
				_ = state["id"].As(&id)
			}
			if tc.created != (id != "") {
				t.Errorf("state id %q after the cancel; the tracking exists: %v", id, tc.created)
			}
		})
	}
}
