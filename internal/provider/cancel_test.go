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
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// TestCancel_bulkCreate interrupts a bulk create of three batches while the
// second is on the wire (the mock answers each call after 2 s): the batch
// on the wire runs to its answer and the third is never sent, so the apply
// returns within one latency of the cancel, not after latency × retries,
// with the context error, and the returned state holds exactly the first
// two batches, which the mock holds (an abandoned batch would leave
// trackings on the account that the state does not know).
func TestCancel_bulkCreate(t *testing.T) {
	const latency = 2 * time.Second
	m := acctest.NewMock(t, mockapi.Options{Latency: latency, Limits: mockapi.NoLimits})
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
	if d := returned.Sub(<-cancelled); d > latency+latency/2 {
		t.Errorf("the apply returned %v after the cancel: more than the batch on the wire", d)
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
	if withID != 80 || m.TrackingCount() != 80 {
		t.Errorf("state holds %d created items, the mock %d; want the first two batches, 80, in both", withID, m.TrackingCount())
	}
}

// TestCancel_singleCreate interrupts a single create twice, each time while
// a write is on the wire, which runs to its answer: during the create itself
// (the tracking exists and state holds it; the PUT that would archive it is
// never sent, and the apply names the cancellation), and during that PUT
// (the create is complete: archived, in state, nothing to report).
func TestCancel_singleCreate(t *testing.T) {
	const latency = 2 * time.Second
	attrs := map[string]tftypes.Value{
		"carrier_code":    tftypes.NewValue(tftypes.String, "ups"),
		"tracking_number": tftypes.NewValue(tftypes.String, "1Z999AA10123456784"),
		"archived":        tftypes.NewValue(tftypes.Bool, true),
	}
	for _, tc := range []struct {
		name     string
		cancel   string // the call in flight when the context ends
		archived bool   // the PUT was sent
	}{
		{"during create", "POST /trackings/post", false},
		{"during follow-up update", "PUT /trackings/{carrier}/{number}", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := acctest.NewMock(t, mockapi.Options{Latency: latency, Limits: mockapi.NoLimits})
			p := acctest.NewProtoServer(t, newServer, m)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			cancelled := acctest.CancelWhen(cancel, func() bool { return m.Stats().ByEndpoint[tc.cancel] == 1 })
			state, diags := p.Create(ctx, t, "trackingmore_tracking", attrs)
			if d := time.Since(<-cancelled); d > latency+latency/2 {
				t.Errorf("the apply returned %v after the cancel: more than the write on the wire", d)
			}
			if named := strings.Contains(acctest.DiagnosticsText(diags), "context canceled"); named == tc.archived {
				t.Errorf("diagnostics name the cancellation: %v, want %v:\n%s", named, !tc.archived, acctest.DiagnosticsText(diags))
			}
			time.Sleep(latency + 500*time.Millisecond) // a write completing after the apply would show now
			var id string
			var archived bool
			if state != nil {
				_ = state["id"].As(&id)
				_ = state["archived"].As(&archived)
			}
			check := m.CheckTracking("ups", "1Z999AA10123456784", func(got *trackingmore.Tracking) error {
				if got.ID != id {
					return fmt.Errorf("the mock holds id %q, state %q", got.ID, id)
				}
				if bool(got.Archived) != tc.archived || archived != tc.archived {
					return fmt.Errorf("archived on the mock %v, in state %v; want %v", got.Archived, archived, tc.archived)
				}
				return nil
			})
			if err := check(nil); err != nil {
				t.Error(err)
			}
		})
	}
}
