package tracking

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// Which changes each version refuses, and what the message tells to do.
func TestVersionProblems(t *testing.T) {
	base := Model{TrackingNumber: types.StringValue("1Z999AA10123456784"), CarrierCode: types.StringValue("ups"),
		Stored:       Stored{Title: types.StringValue("Coffee"), CustomerEmails: types.ListNull(types.StringType), Archived: types.BoolValue(false)},
		ManualStatus: types.StringNull()}
	with := func(edit func(*Model)) Model {
		m := base
		edit(&m)
		return m
	}
	noted := with(func(m *Model) { m.Note = types.StringValue("gift") })
	delivered := with(func(m *Model) { m.ManualStatus = types.StringValue("delivered") })
	for _, c := range []struct {
		name       string
		version    string
		plan       Model
		prior      *Model
		want, hint string // want: the attribute refused, "" for none
	}{
		{"note at create on v2", "v2", noted, nil, "note", `api_version = "v4", or remove note`},
		{"note at create on v4", "v4", noted, nil, "", ""},
		{"note kept on v2", "v2", noted, &noted, "", ""},
		{"note changed on v2", "v2", with(func(m *Model) { m.Note = types.StringValue("x") }), &noted, "note", `put back note = "gift"`},
		{"note removed on v2", "v2", base, &noted, "note", "-replace"},
		{"manual status kept on v4", "v4", delivered, &delivered, "", ""},
		{"manual status set on v4", "v4", delivered, &base, "manual_status", `api_version = "v2"`},
		{"manual status removed on v4", "v4", base, &delivered, "manual_status", "to apply the removal"},
		{"manual status removed on v2", "v2", base, &delivered, "", ""},
		{"title removed on v4", "v4", with(func(m *Model) { m.Title = types.StringNull() }), &base, "title", "cannot clear title"},
		{"title removed on v2", "v2", with(func(m *Model) { m.Title = types.StringNull() }), &base, "", ""},
		{"title unknown on v4", "v4", with(func(m *Model) { m.Title = types.StringUnknown() }), &base, "", ""},
	} {
		got := c.plan.VersionProblems(c.version, c.prior)
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%s: want none, got %+v", c.name, got)
		case c.want != "" && (len(got) != 1 || got[0].Attribute != c.want || !strings.Contains(got[0].Detail, c.hint)):
			t.Errorf("%s: want %s refused with %q, got %+v", c.name, c.want, c.hint, got)
		}
	}
}

// The plan refuses exactly what the client would refuse to send: each
// argument only one version has, set on a tracking, makes the other
// version's client refuse the update (and the create, where a create
// carries it) before any call, so the two lists cannot drift apart.
func TestVersionOnlyAgreesWithClient(t *testing.T) {
	setters := map[string]func(*Model){
		"note":           func(m *Model) { m.Note = types.StringValue("gift") },
		"order_number":   func(m *Model) { m.OrderNumber = types.StringValue("#1001") },
		"manual_status":  func(m *Model) { m.ManualStatus = types.StringValue("delivered") },
		"customer_phone": func(m *Model) { m.CustomerPhone = types.StringValue("+14155550100") },
	}
	if len(setters) != len(versionOnly) {
		t.Fatalf("the test sets %d arguments, versionOnly lists %d", len(setters), len(versionOnly))
	}
	base := Model{TrackingNumber: types.StringValue("1Z999AA10123456784"), CarrierCode: types.StringValue("ups"),
		Stored: Stored{CustomerEmails: types.ListNull(types.StringType), Archived: types.BoolValue(false)}, ManualStatus: types.StringNull()}
	for name, only := range versionOnly {
		set, ok := setters[name]
		if !ok {
			t.Fatalf("no setter for %s", name)
		}
		other := trackingmore.APIVersionV4
		if only.version == trackingmore.APIVersionV4 {
			other = trackingmore.APIVersionV2
		}
		// Nothing listens there: a call that is sent fails otherwise than as unsupported.
		client, err := trackingmore.New(trackingmore.Config{APIKey: "tm-test-key-0123456789", APIVersion: other, BaseURL: "http://127.0.0.1:1/" + other})
		if err != nil {
			t.Fatal(err)
		}
		m := base
		set(&m)
		update, _ := m.UpdateRequest(base)
		if _, err := client.UpdateTracking(context.Background(), "ups", "1Z999AA10123456784", update); !trackingmore.IsUnsupported(err) {
			t.Errorf("%s on %s: the update's error is %v, want unsupported", name, other, err)
		}
		if create := m.CreateRequest(); !reflect.DeepEqual(create, base.CreateRequest()) {
			if _, err := client.CreateTracking(context.Background(), create); !trackingmore.IsUnsupported(err) {
				t.Errorf("%s on %s: the create's error is %v, want unsupported", name, other, err)
			}
		}
	}
}
