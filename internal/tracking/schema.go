package tracking

import (
	"fmt"
	"maps"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/trackform/terraform-provider-trackingmore/internal/framework/computed"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

// readOnlyDescriptions describe every value the API reports about a
// tracking where a model shows it read-only: the data sources show them
// all, the resources Results and Extras. The schemas below take each
// attribute's kind from its field in the model.
var readOnlyDescriptions = map[string]string{
	// Results.
	"id":               "The tracking's 32-character id (API field `id`).",
	"status":           "Current status (API field `status`): `pending`, `notfound`, `transit`, `pickup`, `delivered`, `undelivered`, `exception` or `expired`. Read anew on every plan; a new status is never a change to apply.",
	"substatus":        "Substatus code such as `transit001` or `delivered001` (API field `substatus`); null when the API has none.",
	"last_event":       "The latest checkpoint as the API summarises it: description, details and date (API field `lastEvent`).",
	"last_update_time": "When the carrier last reported an event: carrier local time through v2 (API field `lastUpdateTime`), ISO 8601 through v4 (`latest_checkpoint_time`).",
	"created_at":       "When the tracking was created, ISO 8601 with offset (API field `created_at`).",
	// Extras.
	"updated_at":            "When the tracking's stored fields last changed, ISO 8601 with offset (API field `updated_at`).",
	"original_country":      "Origin country: its name, such as `China`, through v2 (API field `original_country`); its ISO code through v4 (`origin_country`).",
	"destination_country":   "Destination country name (API field `destination_country`).",
	"item_time_length_days": "Days the parcel has been on its way (API field `itemTimeLength`).",
	"stay_time_length_days": "Days since the last event (API field `stayTimeLength`).",
	// Stored, as the data sources show it.
	"title":             "Product title (API field `title`).",
	"logistics_channel": "Logistics channel (API field `logistics_channel`).",
	"customer_name":     "Customer name (API field `customer_name`).",
	"customer_emails":   "The customer's email addresses, one address each (API field `customer_email`, a string or an array); null when there are none.",
	"customer_phone":    "Customer phone number (API field `customer_phone`).",
	"order_id":          "Order id (API field `order_id`).",
	"destination_code":  "Destination country as a 2-letter code (API field `destination_code`, or `destination` in create echoes).",
	"archived":          "Whether the tracking is archived (API field `archived`).",
	"note":              "A note stored with the tracking (API v4 field `note`); null through v2.",
	"order_number":      "The shop's order number (API v4 field `order_number`); null through v2.",
	// The rest of Fields.
	"status_info":       "Free-text status note (API field `status_info`).",
	"track_update":      "Whether TrackingMore still refreshes the tracking (API field `track_update`); null when the API does not say.",
	"order_create_time": "When the order was placed (API field `order_create_time`), as RFC 3339 when the API's `YYYY-MM-DD HH:MM:SS` (UTC) can be read, otherwise as the API gives it.",
	"comment":           "Note stored with the tracking (API field `comment`).",
	"service_code":      "Carrier service code (API field `service_code`).",
	// Summary.
	"carrier_code":    "Carrier code (API field `carrier_code`).",
	"tracking_number": "Tracking number (API field `tracking_number`).",
}

// readOnlyFields calls add with each attribute of model, a struct of
// framework values (embedded groups included), and its value type.
func readOnlyFields(model any, add func(name, desc string, typ reflect.Type)) {
	for _, f := range reflect.VisibleFields(reflect.TypeOf(model)) {
		name := f.Tag.Get("tfsdk")
		if f.Anonymous || name == "" {
			continue
		}
		desc, ok := readOnlyDescriptions[name]
		if !ok {
			panic("tracking: no description of " + name)
		}
		add(name, desc, f.Type)
	}
}

// resourceReadOnly is the read-only resource attributes of model's fields.
func resourceReadOnly(model any) map[string]rschema.Attribute {
	attrs := map[string]rschema.Attribute{}
	readOnlyFields(model, func(name, desc string, typ reflect.Type) {
		switch typ {
		case reflect.TypeFor[types.String]():
			attrs[name] = rschema.StringAttribute{MarkdownDescription: desc, Computed: true}
		case reflect.TypeFor[types.Int64]():
			attrs[name] = rschema.Int64Attribute{MarkdownDescription: desc, Computed: true}
		default:
			panic(fmt.Sprintf("tracking: read-only resource attribute %s of %s", name, typ))
		}
	})
	return attrs
}

// ExtrasAttributes is the schema of Extras, read-only values of trackingmore_tracking.
func ExtrasAttributes() map[string]rschema.Attribute { return resourceReadOnly(Extras{}) }

// dataReadOnly is the data source attributes of model's fields.
func dataReadOnly(model any) map[string]dschema.Attribute {
	attrs := map[string]dschema.Attribute{}
	readOnlyFields(model, func(name, desc string, typ reflect.Type) {
		switch typ {
		case reflect.TypeFor[types.String]():
			attrs[name] = computed.String(desc)
		case reflect.TypeFor[types.Int64]():
			attrs[name] = computed.Int64(desc)
		case reflect.TypeFor[types.Bool]():
			attrs[name] = computed.Bool(desc)
		case reflect.TypeFor[types.List](): // customer_emails
			attrs[name] = dschema.ListAttribute{MarkdownDescription: desc, ElementType: types.StringType, Computed: true}
		default:
			panic(fmt.Sprintf("tracking: data source attribute %s of %s", name, typ))
		}
	})
	return attrs
}

// DetailsAttributes is the schema of Details.
func DetailsAttributes() map[string]dschema.Attribute {
	attrs := dataReadOnly(Fields{})
	attrs["origin_info"] = carrierInfoAttribute("origin", "origin_info")
	attrs["destination_info"] = carrierInfoAttribute("destination", "destination_info")
	return attrs
}

// SummaryAttributes is the schema of Summary.
func SummaryAttributes() map[string]dschema.Attribute { return dataReadOnly(Summary{}) }

func carrierInfoAttribute(side, field string) dschema.SingleNestedAttribute {
	milestone := func(name, apiField string) dschema.StringAttribute {
		return computed.String("When the parcel " + name + ", carrier local time (API field `" + field + "." + apiField + "`); null until it happens.")
	}
	return dschema.SingleNestedAttribute{
		MarkdownDescription: "What the " + side + " carrier reports (API field `" + field + "`); null when the API sends none.",
		Computed:            true,
		Attributes: map[string]dschema.Attribute{
			"item_received":       milestone("was received", "ItemReceived"),
			"item_dispatched":     milestone("was dispatched", "ItemDispatched"),
			"departed_airport":    milestone("departed from the airport", "DepartfromAirport"),
			"arrived_abroad":      milestone("arrived abroad", "ArrivalfromAbroad"),
			"customs_clearance":   milestone("cleared customs", "CustomsClearance"),
			"destination_arrived": milestone("arrived at its destination", "DestinationArrived"),
			"weblink":             computed.String("The carrier's website (API field `" + field + ".weblink`)."),
			"phone":               computed.String("The carrier's phone number (API field `" + field + ".phone`)."),
			"carrier_code":        computed.String("The " + side + " carrier's code (API field `" + field + ".carrier_code`)."),
			"reference_number":    computed.String("The carrier's own reference number (API field `" + field + ".ReferenceNumber`)."),
			"checkpoints": dschema.ListNestedAttribute{
				MarkdownDescription: "Scan events, newest first (API field `" + field + ".trackinfo`); empty when there are none yet.",
				Computed:            true,
				NestedObject: dschema.NestedAttributeObject{Attributes: map[string]dschema.Attribute{
					"date":              computed.String("When it happened: carrier local time `YYYY-MM-DD HH:MM[:SS]` through v2 (API field `Date`), ISO 8601 through v4 (`checkpoint_date`)."),
					"description":       computed.String("What happened (API field `StatusDescription`)."),
					"details":           computed.String("Where it happened or further details (API field `Details`)."),
					"checkpoint_status": computed.String("The status this event implies, such as `transit` (API field `checkpoint_status`)."),
					"substatus":         computed.String("The substatus code this event implies (API field `substatus`)."),
				}},
			},
		},
	}
}

// Attributes is the schema of Model, without plan modifiers: the single
// resource adds its own (replacement makes sense for a resource, not for one
// element of the bulk resource's map). internal/bulk applies these
// attributes' validators and defaults itself, and refuses any kind it does
// not apply (bulk.checkItemAttributes).
func Attributes() map[string]rschema.Attribute {
	optionalText := func(desc string) rschema.StringAttribute {
		return rschema.StringAttribute{
			MarkdownDescription: desc,
			Optional:            true,
			Validators:          []validator.String{validators.Text()},
		}
	}
	attrs := map[string]rschema.Attribute{
		"tracking_number": rschema.StringAttribute{
			MarkdownDescription: "The carrier's tracking number (API field `tracking_number`): at least 5 letters, digits, `-` or `_`. Changing it deletes the tracking and creates a new one.",
			Required:            true,
			Validators:          []validator.String{validators.TrackingNumber()},
		},
		"carrier_code": rschema.StringAttribute{
			MarkdownDescription: "TrackingMore carrier code such as `ups`, `usps` or `china-post` (API field `carrier_code`; the `trackingmore_carriers` and `trackingmore_carrier_detection` data sources list them). Changing it re-assigns the tracking in place with `POST /trackings/update` (v4: `PUT /trackings/update/{id}` with `courier_code_new`), keeping its history and quota.",
			Required:            true,
			Validators:          []validator.String{validators.CarrierCode()},
		},
		"title":             optionalText("Product title (API field `title`)."),
		"logistics_channel": optionalText("Logistics channel (API field `logistics_channel`)."),
		"customer_name":     optionalText("Customer name (API field `customer_name`)."),
		"customer_emails": rschema.ListAttribute{
			MarkdownDescription: "The customer's email addresses, one address each, such as `[\"jane@example.com\"]` (API field `customer_email`, " +
				"sent as a string for one address and as an array for several). At least one, each once; remove the argument to clear them.",
			ElementType: types.StringType,
			Optional:    true,
			Validators: []validator.List{
				listvalidator.SizeAtLeast(1),
				listvalidator.UniqueValues(),
				listvalidator.ValueStringsAre(validators.Email()),
			},
		},
		"customer_phone": optionalText("Customer phone number, ideally in international format such as `+14155550100` (API field `customer_phone`). TrackingMore API v2 only: with `api_version = \"v4\"` the plan fails naming it."),
		"order_id":       optionalText("Your order id (API field `order_id`)."),
		"note":           optionalText("A note stored with the tracking (API field `note`). TrackingMore API v4 only: with `api_version = \"v2\"` the plan fails naming it."),
		"order_number":   optionalText("The shop's order number, such as `#1001` (API field `order_number`). TrackingMore API v4 only: with `api_version = \"v2\"` the plan fails naming it."),
		"destination_code": rschema.StringAttribute{
			MarkdownDescription: "Destination country as a 2-letter ISO 3166-1 code such as `US` (API field `destination_code`).",
			Optional:            true,
			Validators:          []validator.String{validators.CountryCode()},
		},
		"archived": rschema.BoolAttribute{
			MarkdownDescription: "Whether the tracking is archived (API field `archived`, sent as `\"true\"`/`\"false\"`). Defaults to `false`.",
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(false),
		},
		"manual_status": rschema.StringAttribute{
			MarkdownDescription: "Overrides the carrier's status by hand: `delivered` (PUT status 4) or `exception` (status 7). Removing the argument sends status 8, which returns the tracking to the carrier's own status. TrackingMore API v2 only: with `api_version = \"v4\"` the plan fails naming it.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.OneOf("delivered", "exception")},
		},
	}
	maps.Copy(attrs, resourceReadOnly(Results{}))
	return attrs
}
