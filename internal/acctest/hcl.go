package acctest

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// HCLBlock renders a block of name = value arguments (HCL expressions),
// sorted by name.
func HCLBlock(header string, args map[string]string) string {
	var b strings.Builder
	b.WriteString(header + " {\n")
	for _, name := range slices.Sorted(maps.Keys(args)) {
		fmt.Fprintf(&b, "  %s = %s\n", name, args[name])
	}
	return b.String() + "}\n"
}

// TerraformBlock is a terraform block requiring the trackingmore provider
// from source.
func TerraformBlock(source string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    trackingmore = {
      source = %q
    }
  }
}
`, source)
}

// WithRequiredProvider adds provider name (served by the test's factories,
// at ProviderAddress) to config's one required_providers block.
func WithRequiredProvider(config, name string) string {
	return strings.Replace(config, "required_providers {", fmt.Sprintf("required_providers {\n    %s = { source = %q }", name, ProviderAddress(name)), 1)
}
