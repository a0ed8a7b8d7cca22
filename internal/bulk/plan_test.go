package bulk

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
)

var tracked = tracking.Model{
	TrackingNumber: types.StringValue("1Z999AA10123456784"), CarrierCode: types.StringValue("ups"),
	Stored: tracking.Stored{Title: types.StringValue("Coffee"), Archived: types.BoolValue(false)},
	Results: tracking.Results{
		ID: types.StringValue("0123456789abcdef0123456789abcdef"), Status: types.StringValue("transit"),
		Substatus: types.StringValue("transit001"), LastEvent: types.StringValue("Departed"),
		LastUpdateTime: types.StringValue("2026-11-20 10:00:00"), CreatedAt: types.StringValue("2026-11-19T08:00:00+00:00"),
	},
}

// Which read-only values each kind of change leaves unknown: only those
// the change can move.
func TestPlannedResults(t *testing.T) {
	for _, c := range []struct {
		name    string
		edit    func(*tracking.Model)
		unknown []string
		status  string // when the plan knows it
	}{
		{"unchanged", func(*tracking.Model) {}, nil, "transit"},
		{"title", func(m *tracking.Model) { m.Title = types.StringValue("Tea") }, nil, "transit"},
		{"archived", func(m *tracking.Model) { m.Archived = types.BoolValue(true) }, nil, "transit"},
		{"manual status set", func(m *tracking.Model) { m.ManualStatus = types.StringValue("delivered") }, []string{"substatus"}, "delivered"},
		{"manual status removed", func(m *tracking.Model) { m.ManualStatus = types.StringNull() }, []string{"status", "substatus"}, ""},
		{"carrier", func(m *tracking.Model) { m.CarrierCode = types.StringValue("fedex") },
			[]string{"status", "substatus", "last_event", "last_update_time"}, ""},
		{"destination", func(m *tracking.Model) { m.DestinationCode = types.StringValue("DE") },
			[]string{"status", "substatus", "last_event", "last_update_time"}, ""},
		{"carrier and manual status", func(m *tracking.Model) {
			m.CarrierCode, m.ManualStatus = types.StringValue("fedex"), types.StringValue("delivered")
		}, []string{"substatus", "last_event", "last_update_time"}, "delivered"},
	} {
		t.Run(c.name, func(t *testing.T) {
			was := tracked
			if c.name == "manual status removed" {
				was.ManualStatus, was.Status = types.StringValue("exception"), types.StringValue("exception")
			}
			item := was
			c.edit(&item)
			got := item.WithUnknownResults().PlannedResults(was)
			var unknown []string
			for name, v := range map[string]types.String{"id": got.ID, "created_at": got.CreatedAt, "status": got.Status,
				"substatus": got.Substatus, "last_event": got.LastEvent, "last_update_time": got.LastUpdateTime} {
				if v.IsUnknown() {
					unknown = append(unknown, name)
				}
			}
			if strings.Join(sortedKeys(setOf(unknown)), ",") != strings.Join(sortedKeys(setOf(c.unknown)), ",") {
				t.Errorf("unknown %v, want %v", unknown, c.unknown)
			}
			if c.status != "" && got.Status.ValueString() != c.status {
				t.Errorf("status %v, want %q", got.Status, c.status)
			}
		})
	}
}

func setOf(names []string) map[string]bool {
	set := map[string]bool{}
	for _, n := range names {
		set[n] = true
	}
	return set
}

// A rename keeps the tracking when the new label is free; into a label the
// state holds, the tracking is deleted and created again, and the warning
// says so, as it names every tracking the apply deletes.
func TestKeptTrackingsAndDeleteWarning(t *testing.T) {
	other := tracked
	other.TrackingNumber = types.StringValue("1Z999AA10123456785")
	gone := tracked
	gone.TrackingNumber = types.StringValue("1Z999AA10123456786")
	prior := map[string]tracking.Model{"a": tracked, "b": other, "c": gone}
	planned := map[string]tracking.Model{"a-renamed": tracked, "a": other}

	priorOf := keptTrackings(prior, planned)
	if priorOf["a-renamed"] != "a" || len(priorOf) != 1 {
		t.Errorf("kept %v, want a-renamed from a only (a is taken, so b's tracking is created again under it)", priorOf)
	}
	var diags diag.Diagnostics
	warnDeletes(prior, planned, priorOf, false, &diags)
	if len(diags) != 1 || diags[0].Summary() != "Apply deletes 2 trackings" {
		t.Fatalf("diagnostics %v", diags)
	}
	for _, want := range []string{
		"c (ups/1Z999AA10123456786): removed from the map",
		"b (ups/1Z999AA10123456785): created again under a",
	} {
		if !strings.Contains(diags[0].Detail(), want) {
			t.Errorf("the warning lacks %q:\n%s", want, diags[0].Detail())
		}
	}
}

// A first create's failures say whether applying again helps.
func TestFailedItemWarning(t *testing.T) {
	_, refused := failedItemWarning(itemRefused{diag.NewErrorDiagnostic("Unable to create tracking", "Duplicate.")})
	_, failed := failedItemWarning(diag.NewErrorDiagnostic("Unable to create trackings", "Calling TrackingMore failed."))
	if !strings.Contains(refused, "permanent") || !strings.Contains(refused, "postcondition") || strings.Contains(refused, "transient") {
		t.Errorf("a refused item: %q", refused)
	}
	if !strings.Contains(failed, "transient: the next terraform apply creates what is missing") {
		t.Errorf("a failed call: %q", failed)
	}
}
