package tracking

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
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
