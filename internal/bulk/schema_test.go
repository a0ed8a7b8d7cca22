package bulk

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
)

// The shared item attributes carry only what this server applies; adding
// anything else to one of them must stop the server, naming the attribute.
func TestCheckItemAttributes(t *testing.T) {
	if err := checkItemAttributes(tracking.Attributes()); err != nil {
		t.Fatalf("the shared attributes today: %v", err)
	}
	for name, tc := range map[string]struct {
		attribute string
		change    func(schema.Attribute) schema.Attribute
	}{
		"string default": {"order_id", func(a schema.Attribute) schema.Attribute {
			s := a.(schema.StringAttribute)
			s.Computed, s.Default = true, stringdefault.StaticString("SO-0")
			return s
		}},
		"string plan modifier": {"carrier_code", func(a schema.Attribute) schema.Attribute {
			s := a.(schema.StringAttribute)
			s.PlanModifiers = append(s.PlanModifiers, stringplanmodifier.RequiresReplace())
			return s
		}},
		"bool plan modifier": {"archived", func(a schema.Attribute) schema.Attribute {
			b := a.(schema.BoolAttribute)
			b.PlanModifiers = append(b.PlanModifiers, boolplanmodifier.UseStateForUnknown())
			return b
		}},
		"list plan modifier": {"customer_emails", func(a schema.Attribute) schema.Attribute {
			l := a.(schema.ListAttribute)
			l.PlanModifiers = append(l.PlanModifiers, listplanmodifier.UseStateForUnknown())
			return l
		}},
		"list of numbers": {"customer_emails", func(a schema.Attribute) schema.Attribute {
			l := a.(schema.ListAttribute)
			l.ElementType, l.Validators = types.Int64Type, nil
			return l
		}},
		"another attribute type": {"title", func(schema.Attribute) schema.Attribute {
			return schema.Int64Attribute{Optional: true}
		}},
	} {
		t.Run(name, func(t *testing.T) {
			attrs := tracking.Attributes()
			attrs[tc.attribute] = tc.change(attrs[tc.attribute])
			err := checkItemAttributes(attrs)
			if err == nil || !strings.Contains(err.Error(), tc.attribute+" has") {
				t.Errorf("checkItemAttributes = %v, want an error naming %s", err, tc.attribute)
			}
		})
	}
}
