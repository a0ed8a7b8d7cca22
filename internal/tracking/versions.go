package tracking

import (
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// What each API version can do with a tracking's arguments. The account and
// its trackings are the same through both, so a configuration moves between
// versions by the provider's api_version alone, as long as it uses only what
// both offer; anything else fails at plan time with the attribute at fault.

// VersionProblem is an argument the provider's API version cannot honour:
// the attribute (a name in the tracking's schema) and what to do.
type VersionProblem struct {
	Attribute string
	Detail    string
}

// versionOnly are the arguments only one version has, by attribute, with
// why the other lacks it.
var versionOnly = map[string]struct{ version, why string }{
	"note":           {trackingmore.APIVersionV4, "v2 has no note field"},
	"order_number":   {trackingmore.APIVersionV4, "v2 has no order_number field"},
	"manual_status":  {trackingmore.APIVersionV2, "v4 cannot set a tracking's status by hand (v2 does it with PUT status 4, 7 and 8)"},
	"customer_phone": {trackingmore.APIVersionV2, "v4 has no customer_phone field (its customer_sms is another field)"},
}

// VersionProblems are the arguments of m, planned as a change of prior (nil:
// a create), that version cannot honour: a value only the other version
// has that the plan sets or changes (one it keeps needs no call), and, on
// v4, a value removed from the configuration, since v4 reads an empty value
// as "not sent" and cannot clear a field. Unknown values are checked at
// apply's plan, once known.
func (m Model) VersionProblems(version string, prior *Model) []VersionProblem {
	var problems []VersionProblem
	var was []namedArgument
	if prior != nil {
		was = prior.arguments()
	}
	for i, a := range m.arguments() {
		if a.value.IsUnknown() {
			continue
		}
		changed, wasSet := !a.value.IsNull(), false
		if was != nil {
			changed, wasSet = !same(a.value, was[i].value), !was[i].value.IsNull()
		}
		only, limited := versionOnly[a.name]
		switch {
		case limited && only.version != version && changed:
			var before attr.Value
			if wasSet {
				before = was[i].value
			}
			problems = append(problems, VersionProblem{a.name, otherVersionChange(a, before, version, only.version, only.why)})
		case version == trackingmore.APIVersionV4 && wasSet && a.value.IsNull() && a.clearable:
			problems = append(problems, VersionProblem{a.name, fmt.Sprintf(
				"TrackingMore API v4 cannot clear %s: it reads an empty value as not sent, so the tracking would keep its value. "+
					"Set %s to the value you want, or replace the tracking (terraform apply -replace=...) to create it without one, or use api_version = \"v2\".",
				a.name, a.name)})
		}
	}
	return problems
}

// keepUnseen sets back, from before, the arguments an answer of version
// cannot show (those only the other version has): the API keeps them, and
// a read through this version must not plan them away.
func (m *Model) keepUnseen(version string, before Model) {
	fields, _ := modelFields()
	v, was := reflect.ValueOf(m).Elem(), reflect.ValueOf(before)
	for _, f := range fields {
		if only, limited := versionOnly[f.Tag.Get("tfsdk")]; limited && only.version != version && !f.Anonymous {
			v.FieldByIndex(f.Index).Set(was.FieldByIndex(f.Index))
		}
	}
}

// otherVersionChange says that the plan sets, changes (before is the prior
// value) or removes (a is null) argument a, which only API version needs
// has, and how to fix it.
func otherVersionChange(a namedArgument, before attr.Value, version, needs, why string) string {
	switch {
	case before == nil:
		return OtherVersion(a.name, version, needs, why)
	case a.value.IsNull() && needs == trackingmore.APIVersionV4:
		return fmt.Sprintf("Removing %s needs TrackingMore API v4, and the provider uses %s: %s, and v4 cannot clear a field either. "+
			"Put %s back, or replace the tracking (terraform apply -replace=...) to create it without one.", a.name, version, why, a.name)
	case a.value.IsNull():
		return fmt.Sprintf("Removing %s needs TrackingMore API %s, and the provider uses %s: %s. "+
			"Set the provider's api_version = %q to apply the removal, or put %s back.", a.name, needs, version, why, needs, a.name)
	}
	return fmt.Sprintf("Changing %s needs TrackingMore API %s, and the provider uses %s: %s. "+
		"Set the provider's api_version = %q to apply the change, or put back %s = %s.", a.name, needs, version, why, needs, a.name, before)
}

// OtherVersion says that attribute needs the other API version than the
// provider's (version), and how to fix it.
func OtherVersion(attribute, version, needs, why string) string {
	return fmt.Sprintf("%s needs TrackingMore API %s, and the provider uses %s: %s. "+
		"Set the provider's api_version = %q, or remove %s.", attribute, needs, version, why, needs, attribute)
}
