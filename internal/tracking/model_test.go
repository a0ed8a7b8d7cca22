package tracking

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The single resource's plan rule on its own, without a CLI.
func TestResourcePlannedResults(t *testing.T) {
	prior := Resource{Extras: Extras{UpdatedAt: types.StringValue("2026-11-20T10:00:00+00:00"), OriginalCountry: types.StringValue("United States")}}
	prior.TrackingNumber, prior.CarrierCode = types.StringValue("1Z999AA10123456784"), types.StringValue("ups")
	prior.Title, prior.ID, prior.Status = types.StringValue("Coffee"), types.StringValue("0123456789abcdef0123456789abcdef"), types.StringValue("transit")
	prior.Substatus, prior.CustomerEmails = types.StringValue("transit001"), types.ListNull(types.StringType)
	unknownPlan := func(change func(*Resource)) Resource {
		m := prior
		m.ID, m.Status, m.Substatus, m.UpdatedAt, m.OriginalCountry = types.StringUnknown(), types.StringUnknown(), types.StringUnknown(), types.StringUnknown(), types.StringUnknown()
		change(&m)
		return m.PlannedResults(prior)
	}
	retitled := unknownPlan(func(m *Resource) { m.Title = types.StringValue("Tea") })
	if !retitled.UpdatedAt.IsUnknown() || retitled.Status != prior.Status || retitled.ID != prior.ID || retitled.OriginalCountry != prior.OriginalCountry {
		t.Errorf("title change: %+v", retitled)
	}
	delivered := unknownPlan(func(m *Resource) { m.ManualStatus = types.StringValue("delivered") })
	if delivered.Status.ValueString() != "delivered" || !delivered.Substatus.IsUnknown() {
		t.Errorf("manual status: status %v substatus %v", delivered.Status, delivered.Substatus)
	}
	moved := unknownPlan(func(m *Resource) { m.CarrierCode = types.StringValue("fedex") })
	if !moved.Status.IsUnknown() || !moved.OriginalCountry.IsUnknown() || !moved.UpdatedAt.IsUnknown() || moved.ID != prior.ID {
		t.Errorf("carrier change: %+v", moved)
	}
	movedDelivered := unknownPlan(func(m *Resource) {
		m.CarrierCode, m.ManualStatus = types.StringValue("fedex"), types.StringValue("delivered")
	})
	if movedDelivered.Status.ValueString() != "delivered" || !movedDelivered.Substatus.IsUnknown() || !movedDelivered.OriginalCountry.IsUnknown() {
		t.Errorf("carrier change with a manual status: %+v", movedDelivered)
	}
	unchanged := unknownPlan(func(*Resource) {})
	if unchanged.Results != prior.Results || unchanged.Extras != prior.Extras {
		t.Errorf("no change: %+v", unchanged)
	}
}
