package tracking

import (
	"maps"
	"reflect"
	"slices"
	"testing"
)

// Each schema has exactly its model's attributes, so that a new field is
// all a new read-only attribute needs (and a forgotten description fails
// here, not in a user's plan).
func TestSchemasFollowModels(t *testing.T) {
	for _, c := range []struct {
		name   string
		model  any
		schema []string
	}{
		{"Attributes", Model{}, slices.Collect(maps.Keys(Attributes()))},
		{"ExtrasAttributes", Extras{}, slices.Collect(maps.Keys(ExtrasAttributes()))},
		{"DetailsAttributes", Details{}, slices.Collect(maps.Keys(DetailsAttributes()))},
		{"SummaryAttributes", Summary{}, slices.Collect(maps.Keys(SummaryAttributes()))},
	} {
		var tags []string
		for _, f := range reflect.VisibleFields(reflect.TypeOf(c.model)) {
			if tag := f.Tag.Get("tfsdk"); !f.Anonymous && tag != "" {
				tags = append(tags, tag)
			}
		}
		slices.Sort(tags)
		slices.Sort(c.schema)
		if !slices.Equal(tags, c.schema) {
			t.Errorf("%s: schema %q, model %q", c.name, c.schema, tags)
		}
	}
}
