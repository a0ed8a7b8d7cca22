package flex

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestStringOrNull(t *testing.T) {
	if got := StringOrNull(""); !got.IsNull() {
		t.Errorf(`StringOrNull("") = %v, want null`, got)
	}
	if got := StringOrNull("ups"); !got.Equal(types.StringValue("ups")) {
		t.Errorf(`StringOrNull("ups") = %v`, got)
	}
}
