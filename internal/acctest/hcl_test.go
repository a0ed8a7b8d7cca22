package acctest

import "testing"

func TestHCLBlock(t *testing.T) {
	got := HCLBlock(`resource "x" "y"`, map[string]string{"b": `"two"`, "a": "1", "c": "[]"})
	if want := "resource \"x\" \"y\" {\n  a = 1\n  b = \"two\"\n  c = []\n}\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// WithRequiredProvider adds the provider to the one required_providers
// block, at the address the CLI looks it up.
func TestWithRequiredProvider(t *testing.T) {
	t.Setenv("TF_ACC_PROVIDER_HOST", "registry.opentofu.org")
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "trackform")
	got := WithRequiredProvider(TerraformBlock(ProviderAddress("trackingmore"))+"# required_providers {\n", "echo")
	want := `
terraform {
  required_providers {
    echo = { source = "registry.opentofu.org/trackform/echo" }
    trackingmore = {
      source = "registry.opentofu.org/trackform/trackingmore"
    }
  }
}
# required_providers {
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestErrorNaming(t *testing.T) {
	re := ErrorNaming(`trackings["a"].title`)
	for text, want := range map[string]bool{
		"Error: Invalid Attribute Value Length\n\n  with trackingmore_trackings.test,\n\nAttribute trackings[\"a\"].title string length must be at most 512": true,
		"Attribute trackings[\"b\"].title string length must be at most 512":                                                                                 false,
		"Attribute trackingsX\"a\"].title": false, // the brackets are literal
	} {
		if re.MatchString(text) != want {
			t.Errorf("%q: match %v, want %v", text, !want, want)
		}
	}
}

func TestWrapped(t *testing.T) {
	re := Wrapped("Unknown carrier code", `did you mean "ups"?`)
	for text, want := range map[string]bool{
		"Error: Unknown carrier code\n\n  carrier_code \"upss\" ... did\nyou mean \"ups\"?": true,
		"did you mean \"ups\"? ... Unknown carrier code":                                    false, // out of order
		"Unknown carrier code, did you mean \"usps\"?":                                      false,
	} {
		if re.MatchString(text) != want {
			t.Errorf("%q: match %v, want %v", text, !want, want)
		}
	}
}
