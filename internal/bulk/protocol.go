package bulk

// What the framework does for the resources it serves, done here for
// trackingmore_trackings: schema conversion, value decoding and encoding,
// and diagnostics. Values go between the protocol and
// trackingsResourceModel in one pass each way.

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/trackform/terraform-provider-trackingmore/internal/tracking"
)

type trackingsResourceModel struct {
	ID        types.String
	Trackings map[string]tracking.Model // by label
}

// protoAttributes converts framework attribute definitions into the
// protocol's, as the framework would.
func protoAttributes(attrs map[string]schema.Attribute) []*tfprotov6.SchemaAttribute {
	out := make([]*tfprotov6.SchemaAttribute, 0, len(attrs))
	for _, name := range sortedKeys(attrs) {
		a := attrs[name]
		pa := &tfprotov6.SchemaAttribute{
			Name:            name,
			Required:        a.IsRequired(),
			Optional:        a.IsOptional(),
			Computed:        a.IsComputed(),
			Sensitive:       a.IsSensitive(),
			Description:     a.GetMarkdownDescription(),
			DescriptionKind: tfprotov6.StringKindMarkdown,
		}
		if nested, ok := a.(schema.MapNestedAttribute); ok {
			pa.NestedType = &tfprotov6.SchemaObject{
				Nesting:    tfprotov6.SchemaObjectNestingModeMap,
				Attributes: protoAttributes(nested.NestedObject.Attributes),
			}
		} else {
			pa.Type = a.GetType().TerraformType(context.Background())
		}
		out = append(out, pa)
	}
	return out
}

// protoDiagnostics converts diagnostics for the protocol, attribute paths included.
func protoDiagnostics(diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(diags))
	for _, d := range diags {
		pd := &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityWarning, Summary: d.Summary(), Detail: d.Detail()}
		if d.Severity() == diag.SeverityError {
			pd.Severity = tfprotov6.DiagnosticSeverityError
		}
		if withPath, ok := d.(diag.DiagnosticWithPath); ok {
			pd.Attribute = protoPath(withPath.Path())
		}
		out = append(out, pd)
	}
	return out
}

// protoPath converts a path of attribute names, map keys and list
// indexes, the only steps trackingmore_trackings has.
func protoPath(p path.Path) *tftypes.AttributePath {
	ap := tftypes.NewAttributePath()
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case path.PathStepAttributeName:
			ap = ap.WithAttributeName(string(s))
		case path.PathStepElementKeyString:
			ap = ap.WithElementKeyString(string(s))
		case path.PathStepElementKeyInt:
			ap = ap.WithElementKeyInt(int(s))
		}
	}
	return ap
}

// decodeValue unmarshals dv as typ; a missing value is null.
func decodeValue(dv *tfprotov6.DynamicValue, typ tftypes.Type, diags *diag.Diagnostics) tftypes.Value {
	if dv == nil {
		return tftypes.NewValue(typ, nil)
	}
	v, err := dv.Unmarshal(typ)
	if err != nil {
		diags.AddError("Unexpected value from Terraform", "Unable to decode a "+typeName+" value: "+err.Error())
		return tftypes.NewValue(typ, nil)
	}
	return v
}

func encodeValue(v tftypes.Value, diags *diag.Diagnostics) *tfprotov6.DynamicValue {
	dv, err := tfprotov6.NewDynamicValue(v.Type(), v)
	if err != nil {
		diags.AddError("Unable to encode a value for Terraform", err.Error())
		return nil
	}
	return &dv
}

// decodeTrackings decodes a known state or plan; nil means null (no resource).
func decodeTrackings(ctx context.Context, dv *tfprotov6.DynamicValue, diags *diag.Diagnostics) *trackingsResourceModel {
	v := decodeValue(dv, trackingsType(), diags)
	if v.IsNull() || diags.HasError() {
		return nil
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		diags.AddError("Unexpected value from Terraform", err.Error())
		return nil
	}
	m := trackingsResourceModel{ID: attrValue[types.String](ctx, attrs["id"], diags)}
	items, _ := trackingsElements(v, diags)
	m.Trackings = make(map[string]tracking.Model, len(items))
	for label, item := range items {
		m.Trackings[label] = itemFromTerraform(ctx, item, diags)
	}
	return &m
}

// encodeTrackings encodes m; nil encodes null (no resource).
func encodeTrackings(ctx context.Context, m *trackingsResourceModel, diags *diag.Diagnostics) *tfprotov6.DynamicValue {
	typ := trackingsType()
	if m == nil {
		return encodeValue(tftypes.NewValue(typ, nil), diags)
	}
	items := make(map[string]tftypes.Value, len(m.Trackings))
	for label, item := range m.Trackings {
		items[label] = itemToTerraform(ctx, item, diags)
	}
	return encodeValue(tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":        tfValue(ctx, m.ID, diags),
		"trackings": tftypes.NewValue(typ.AttributeTypes["trackings"], items),
	}), diags)
}

// trackingsElements returns the items of a value's trackings map, and
// whether the map is known (and not null).
func trackingsElements(v tftypes.Value, diags *diag.Diagnostics) (map[string]tftypes.Value, bool) {
	var attrs map[string]tftypes.Value
	var items map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		diags.AddError("Unexpected value from Terraform", err.Error())
		return nil, false
	}
	trackings := attrs["trackings"]
	if !trackings.IsKnown() || trackings.IsNull() {
		return nil, false
	}
	if err := trackings.As(&items); err != nil {
		diags.AddError("Unexpected value from Terraform", err.Error())
		return nil, false
	}
	return items, true
}

// itemFieldIndex maps each attribute of a tracking item to its field of
// tracking.Model (an index path: the model embeds groups of fields), by
// the fields' tfsdk tags.
var itemFieldIndex = sync.OnceValue(func() map[string][]int {
	index := map[string][]int{}
	for _, f := range reflect.VisibleFields(reflect.TypeFor[tracking.Model]()) {
		if f.Anonymous {
			continue
		}
		if !f.Type.Implements(reflect.TypeFor[attr.Value]()) {
			panic("tracking.Model." + f.Name + " is not a framework value")
		}
		index[f.Tag.Get("tfsdk")] = f.Index
	}
	return index
})

// itemField is the field of item (a tracking.Model) holding attribute name.
func itemField(item reflect.Value, name string) reflect.Value {
	return item.FieldByIndex(itemFieldIndex()[name])
}

// fieldValue is a tracking.Model field as the framework value it holds
// (itemFieldIndex checked that each field is one).
func fieldValue(field reflect.Value) attr.Value {
	v, _ := field.Interface().(attr.Value)
	return v
}

func itemFromTerraform(ctx context.Context, v tftypes.Value, diags *diag.Diagnostics) tracking.Model {
	var m tracking.Model
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		diags.AddError("Unexpected value from Terraform", err.Error())
		return m
	}
	fields := reflect.ValueOf(&m).Elem()
	for name := range itemFieldIndex() {
		field := itemField(fields, name)
		// The schema's type, not the field's: a zero types.List has no element type.
		value, err := itemAttributes()[name].GetType().ValueFromTerraform(ctx, attrs[name])
		if err != nil {
			diags.AddError("Unexpected value from Terraform", fmt.Sprintf("%s: %s", name, err))
			continue
		}
		field.Set(reflect.ValueOf(value))
	}
	return m
}

func itemToTerraform(ctx context.Context, m tracking.Model, diags *diag.Diagnostics) tftypes.Value {
	fields := reflect.ValueOf(m)
	attrs := make(map[string]tftypes.Value, len(itemFieldIndex()))
	for name := range itemFieldIndex() {
		value := fieldValue(itemField(fields, name))
		if value.IsNull() { // typed by the schema: a zero types.List has no element type
			attrs[name] = tftypes.NewValue(trackingItemType().AttributeTypes[name], nil)
			continue
		}
		attrs[name] = tfValue(ctx, value, diags)
	}
	return tftypes.NewValue(trackingItemType(), attrs)
}

func tfValue(ctx context.Context, v attr.Value, diags *diag.Diagnostics) tftypes.Value {
	tv, err := v.ToTerraformValue(ctx)
	if err != nil {
		diags.AddError("Unable to encode a value for Terraform", err.Error())
	}
	return tv
}

// attrValue decodes v as the framework value type T.
func attrValue[T attr.Value](ctx context.Context, v tftypes.Value, diags *diag.Diagnostics) T {
	var zero T
	value, err := zero.Type(ctx).ValueFromTerraform(ctx, v)
	if err != nil {
		diags.AddError("Unexpected value from Terraform", err.Error())
		return zero
	}
	t, ok := value.(T)
	if !ok {
		diags.AddError("Unexpected value from Terraform", fmt.Sprintf("got %T, expected %T", value, zero))
	}
	return t
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// upgradeV0 rewrites a version 0 state for version 1 (tracking.UpgradeStateV0).
func upgradeV0(raw *tfprotov6.RawState, diags *diag.Diagnostics) *tfprotov6.RawState {
	upgraded, err := tracking.UpgradeStateV0(raw.JSON, func(state map[string]any) []map[string]any {
		trackings, _ := state["trackings"].(map[string]any)
		var items []map[string]any
		for _, item := range trackings {
			if fields, ok := item.(map[string]any); ok {
				items = append(items, fields)
			}
		}
		return items
	})
	if err != nil {
		diags.AddError("Unable to read state", "The version 0 state of "+typeName+" is not JSON: "+err.Error())
		return raw
	}
	return &tfprotov6.RawState{JSON: upgraded}
}
