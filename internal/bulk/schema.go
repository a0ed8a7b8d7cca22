package bulk

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
)

func trackingsFrameworkSchema() schema.Schema {
	return schema.Schema{
		Version: tracking.SchemaVersion,
		MarkdownDescription: "Many parcel trackings in one resource, for shops with thousands of parcels. " +
			"Creates, edits and deletes go through the batch endpoints (40 trackings a call) and a refresh costs a few list calls " +
			"instead of one call per parcel. With `api_version = \"v4\"`, creates go through `POST /trackings/batch` (40 a call, each batch read back " +
			"with one `GET /trackings/get`) and refreshes through `GET /trackings/get`, but v4 has no batch update or delete: each changed or " +
			"deleted item is one call (`PUT /trackings/update/{id}`, `DELETE /trackings/delete/{id}`), within v4's 10 requests a second, and a first create " +
			"has no quota check (v4 has no account endpoint). Each item behaves like a `trackingmore_tracking`: a carrier change is made in place, " +
			"a new tracking number replaces only that item, and a change to one item shows as that item's change in the plan.\n\n" +
			"If some items fail (quota used up, a duplicate, an invalid number), the others are kept: an update reports each failed " +
			"item as an error; a first create reports them as warnings (an error would taint, and so re-create, the trackings that " +
			"were created) and the next plan adds them again.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "An identifier of this set of trackings, chosen by the provider.",
				Computed:            true,
			},
			"trackings": schema.MapNestedAttribute{
				MarkdownDescription: "The trackings, keyed by a label you choose (an order number, say). Labels only name items in plans; " +
					"moving a tracking to another label costs no API call. At least one; each tracking number under one label only.",
				Required:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: itemAttributes()},
			},
		},
	}
}

// trackingsSchema is the resource's schema as the protocol carries it.
var trackingsSchema = sync.OnceValue(func() *tfprotov6.Schema {
	s := trackingsFrameworkSchema()
	return &tfprotov6.Schema{Version: s.Version, Block: &tfprotov6.SchemaBlock{
		Description:     s.MarkdownDescription,
		DescriptionKind: tfprotov6.StringKindMarkdown,
		Attributes:      protoAttributes(s.Attributes),
	}}
})

// trackingsTypes are the types of the resource's configuration, plan and
// state, and of one item of its map.
var trackingsTypes = sync.OnceValues(func() (tftypes.Object, tftypes.Object) {
	typ, ok := trackingsSchema().ValueType().(tftypes.Object)
	trackings, okMap := typ.AttributeTypes["trackings"].(tftypes.Map)
	item, okItem := trackings.ElementType.(tftypes.Object)
	if !ok || !okMap || !okItem {
		panic(typeName + "'s schema is not an object holding a map of objects")
	}
	return typ, item
})

func trackingsType() tftypes.Object {
	typ, _ := trackingsTypes()
	return typ
}

func trackingItemType() tftypes.Object {
	_, item := trackingsTypes()
	return item
}

// itemAttributes are the attributes of one item, trackingmore_tracking's
// own without its plan modifiers.
var itemAttributes = sync.OnceValue(tracking.Attributes)

// checkItemAttributes refuses every schema feature of the item attributes
// that this server does not apply: it decodes string, bool and
// list-of-string attributes, runs string and list validators (validateItem)
// and fills static bool defaults (withDefaults), and nothing else.
func checkItemAttributes(attrs map[string]schema.Attribute) error {
	var problems []string
	refuse := func(name, what string) { problems = append(problems, name+" has "+what) }
	// refuseUnapplied refuses what no kind of item attribute may have.
	refuseUnapplied := func(name string, hasDefault bool, planModifiers int, writeOnly bool) {
		if hasDefault {
			refuse(name, "a default")
		}
		if planModifiers > 0 {
			refuse(name, "plan modifiers")
		}
		if writeOnly {
			refuse(name, "write-only values")
		}
	}
	for _, name := range sortedKeys(attrs) {
		switch a := attrs[name].(type) {
		case schema.StringAttribute:
			refuseUnapplied(name, a.Default != nil, len(a.PlanModifiers), a.WriteOnly)
		case schema.BoolAttribute:
			if len(a.Validators) > 0 {
				refuse(name, "validators")
			}
			refuseUnapplied(name, false, len(a.PlanModifiers), a.WriteOnly) // static defaults are applied (withDefaults)
			if a.Default != nil {
				var resp defaults.BoolResponse
				a.Default.DefaultBool(context.Background(), defaults.BoolRequest{}, &resp)
				if resp.Diagnostics.HasError() || resp.PlanValue.IsNull() || resp.PlanValue.IsUnknown() {
					refuse(name, "a default that is not a static value")
				}
			}
		case schema.ListAttribute:
			if !a.ElementType.Equal(types.StringType) {
				refuse(name, "elements that are not strings")
			}
			refuseUnapplied(name, a.Default != nil, len(a.PlanModifiers), a.WriteOnly)
		default:
			refuse(name, fmt.Sprintf("type %T (only string, bool and list-of-string attributes are decoded)", a))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s cannot serve its items: %s. Apply it in internal/bulk, then allow it in checkItemAttributes",
			typeName, strings.Join(problems, "; "))
	}
	return nil
}

// itemValidators, itemListValidators and itemDefaults are the item
// attributes' validators and defaults, read once from their definitions.
var (
	itemValidators = validatorsOf(func(a schema.Attribute) []validator.String {
		s, _ := a.(schema.StringAttribute)
		return s.Validators
	})
	itemListValidators = validatorsOf(func(a schema.Attribute) []validator.List {
		l, _ := a.(schema.ListAttribute)
		return l.Validators
	})
)

// validatorsOf maps each item attribute that has validators of one kind
// (those that of returns) to them.
func validatorsOf[V any](of func(schema.Attribute) []V) func() map[string][]V {
	return sync.OnceValue(func() map[string][]V {
		validators := map[string][]V{}
		for name, a := range itemAttributes() {
			if v := of(a); len(v) > 0 {
				validators[name] = v
			}
		}
		return validators
	})
}

var itemDefaults = sync.OnceValue(func() map[string]attr.Value {
	values := map[string]attr.Value{}
	for name, a := range itemAttributes() {
		if b, ok := a.(schema.BoolAttribute); ok && b.Default != nil {
			var resp defaults.BoolResponse
			b.Default.DefaultBool(context.Background(), defaults.BoolRequest{}, &resp)
			values[name] = resp.PlanValue
		}
	}
	return values
})

// validateItem runs the item attributes' validators on item, at p, in
// the attributes' order by name.
func validateItem(ctx context.Context, p path.Path, item tracking.Model, diags *diag.Diagnostics) {
	fields := reflect.ValueOf(item)
	validateEach(fields, p, itemValidators(), func(v validator.String, at path.Path, value attr.Value) diag.Diagnostics {
		var resp validator.StringResponse
		s, _ := value.(types.String)
		v.ValidateString(ctx, validator.StringRequest{Path: at, PathExpression: at.Expression(), ConfigValue: s}, &resp)
		return resp.Diagnostics
	}, diags)
	validateEach(fields, p, itemListValidators(), func(v validator.List, at path.Path, value attr.Value) diag.Diagnostics {
		var resp validator.ListResponse
		l, _ := value.(types.List)
		v.ValidateList(ctx, validator.ListRequest{Path: at, PathExpression: at.Expression(), ConfigValue: l}, &resp)
		return resp.Diagnostics
	}, diags)
}

// validateEach runs, by attribute name in order, each validator of
// byName on the attribute's value in item (a tracking.Model).
func validateEach[V any](item reflect.Value, p path.Path, byName map[string][]V, validate func(V, path.Path, attr.Value) diag.Diagnostics, diags *diag.Diagnostics) {
	for _, name := range sortedKeys(byName) {
		for _, v := range byName[name] {
			diags.Append(validate(v, p.AtName(name), fieldValue(itemField(item, name)))...)
		}
	}
}

// withDefaults returns m with the schema's defaults for the arguments it leaves null.
func withDefaults(m tracking.Model) tracking.Model {
	fields := reflect.ValueOf(&m).Elem()
	for name, value := range itemDefaults() {
		field := itemField(fields, name)
		if fieldValue(field).IsNull() {
			field.Set(reflect.ValueOf(value))
		}
	}
	return m
}
