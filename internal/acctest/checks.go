package acctest

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// ErrorNaming matches a plan-time validation error about attribute, for a
// TestStep's ExpectError.
func ErrorNaming(attribute string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)Attribute ` + regexp.QuoteMeta(attribute) + `.*`)
}

// Wrapped matches each of phrases in order, as the CLI prints them: wrapped
// at any space, with anything between them, for a TestStep's ExpectError.
func Wrapped(phrases ...string) *regexp.Regexp {
	quoted := make([]string, len(phrases))
	for i, p := range phrases {
		quoted[i] = strings.Join(strings.Fields(regexp.QuoteMeta(p)), `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

// ImportIDOf builds the carrier_code/tracking_number import ID of the
// resource at addr from state.
func ImportIDOf(addr string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s not in state", addr)
		}
		return rs.Primary.Attributes["carrier_code"] + "/" + rs.Primary.Attributes["tracking_number"], nil
	}
}

// OneLine is s with every run of white space one space: Terraform wraps
// the diagnostics it prints, so a test compares them as one line.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
