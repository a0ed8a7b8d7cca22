package mockapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// envelope is the frame of every /v2 answer.
type envelope struct {
	Meta meta `json:"meta"`
	Data any  `json:"data"`
}

type meta struct {
	Code    int    `json:"code"`
	Type    string `json:"type"`
	Message string `json:"message"`
}

// metaText gives the type and default message of each meta code the mock uses.
var metaText = map[int][2]string{
	200:  {"Success", "Success"},
	201:  {"Success", "The request was successful and a resource was created."},
	202:  {"Bad Request", "Up to 40 items at a time; nothing was done."},
	401:  {"Unauthorized", "Authentication failed: the Trackingmore-Api-Key header is missing."},
	404:  {"Not Found", "The requested resource does not exist."},
	405:  {"Method Not Allowed", "The method is not allowed for this resource."},
	429:  {"Too Many Requests", "You have exceeded the API call rate limit. Please wait and retry."},
	500:  {"Server error", "Internal server error."},
	503:  {"Service Unavailable", "The service is temporarily unavailable."},
	4001: {"Unauthorized", "Invalid API key."},
	4012: {"Bad Request", "The request could not be understood by the server due to malformed syntax or missing parameters."},
	4013: {"Bad Request", "Tracking_number is required."},
	4014: {"Bad Request", "The value of tracking_number is invalid."},
	4015: {"Bad Request", "The value of carrier_code is invalid."},
	4016: {"Bad Request", "Tracking already exists."},
	4017: {"Bad Request", "Tracking does not exist."},
	4020: {"Bad Request", "Up to 40 numbers or orders at a time."},
	4021: {"Bad Request", "Your quota is used up."},
	4031: {"No Content", "Tracking not added yet."},
	4032: {"No Content", "Cannot detect courier."},
	4033: {"No Content", "The value of status is invalid; use 4, 7 or 8."},
}

// reply is what a handler decides; the dispatcher turns it into an envelope.
type reply struct {
	code    int
	msg     string // "" means the default message of code
	data    any    // nil means [] (the API's empty data)
	changed bool   // the request changed stored state (candidate for reset-after-write)
}

func ok(data any) reply { return reply{code: 200, data: data} }

func fail(code int, msg ...string) reply {
	r := reply{code: code}
	if len(msg) > 0 {
		r.msg = msg[0]
	}
	return r
}

func (r reply) envelope() envelope {
	t := metaText[r.code]
	msg := r.msg
	if msg == "" {
		msg = t[1]
	}
	data := r.data
	if data == nil {
		data = []any{}
	}
	return envelope{Meta: meta{Code: r.code, Type: t[0], Message: msg}, Data: data}
}

// itemError is one failed item of a batch call.
type itemError struct {
	TrackingNumber string `json:"tracking_number"`
	CarrierCode    string `json:"carrier_code"`
	Code           int    `json:"code"`
	Message        string `json:"message"`
}

// itemErrorOf describes the outcome r of the batch item o.
func itemErrorOf(o object, r reply) itemError {
	number, _ := o.text("tracking_number")
	carrier, _ := o.text("carrier_code")
	e := r.envelope()
	return itemError{TrackingNumber: number, CarrierCode: carrier, Code: e.Meta.Code, Message: e.Meta.Message}
}

// createEcho is the answer to a create: the four always-present nullable
// fields of the real responses, then every other field that was sent.
type createEcho struct {
	ID                       string  `json:"id"`
	TrackingNumber           string  `json:"tracking_number"`
	CarrierCode              string  `json:"carrier_code"`
	Status                   string  `json:"status"`
	CreatedAt                string  `json:"created_at"`
	CustomerEmail            *string `json:"customer_email"`
	CustomerName             *string `json:"customer_name"`
	OrderID                  *string `json:"order_id"`
	Title                    *string `json:"title"`
	Destination              *string `json:"destination,omitempty"`
	LogisticsChannel         *string `json:"logistics_channel,omitempty"`
	CustomerPhone            *string `json:"customer_phone,omitempty"`
	OrderCreateTime          *string `json:"order_create_time,omitempty"`
	TrackingShipDate         *string `json:"tracking_ship_date,omitempty"`
	TrackingPostalCode       *string `json:"tracking_postal_code,omitempty"`
	TrackingAccountNumber    *string `json:"tracking_account_number,omitempty"`
	SpecialNumberDestination *string `json:"specialNumberDestination,omitempty"`
	Comment                  *string `json:"comment,omitempty"`
}

// putEcho is the answer to PUT and the per-item answer of updatemore.
// Archived and Status echo the JSON value sent (string or number) verbatim.
type putEcho struct {
	ID               string          `json:"id"`
	TrackingNumber   string          `json:"tracking_number"`
	CarrierCode      string          `json:"carrier_code"`
	CreatedAt        string          `json:"created_at"`
	UpdatedAt        string          `json:"updated_at"`
	CustomerEmail    *string         `json:"customer_email"`
	CustomerName     *string         `json:"customer_name"`
	OrderID          *string         `json:"order_id"`
	Title            *string         `json:"title"`
	DestinationCode  *string         `json:"destination_code"`
	CustomerPhone    *string         `json:"customer_phone"`
	Archived         json.RawMessage `json:"archived"`
	Status           json.RawMessage `json:"status"`
	LogisticsChannel *string         `json:"logistics_channel"`
}

// trackingWire is the full tracking object of GET, list and realtime.
type trackingWire struct {
	ID                 string      `json:"id"`
	TrackingNumber     string      `json:"tracking_number"`
	CarrierCode        string      `json:"carrier_code"`
	Status             string      `json:"status"`
	Substatus          *string     `json:"substatus"`
	StatusInfo         *string     `json:"status_info"`
	TrackUpdate        bool        `json:"track_update"`
	CreatedAt          string      `json:"created_at"`
	UpdatedAt          string      `json:"updated_at"`
	OrderCreateTime    *string     `json:"order_create_time"`
	Title              *string     `json:"title"`
	OrderID            *string     `json:"order_id"`
	Comment            *string     `json:"comment"`
	CustomerName       *string     `json:"customer_name"`
	CustomerEmail      *string     `json:"customer_email"`
	CustomerPhone      *string     `json:"customer_phone"`
	LogisticsChannel   *string     `json:"logistics_channel"`
	DestinationCode    *string     `json:"destination_code"`
	Archived           bool        `json:"archived"`
	OriginalCountry    string      `json:"original_country"`
	DestinationCountry string      `json:"destination_country"`
	ItemTimeLength     int         `json:"itemTimeLength"`
	StayTimeLength     int         `json:"stayTimeLength"`
	ServiceCode        *string     `json:"service_code"`
	LastEvent          *string     `json:"lastEvent"`
	LastUpdateTime     *string     `json:"lastUpdateTime"`
	OriginInfo         carrierInfo `json:"origin_info"`
	DestinationInfo    carrierInfo `json:"destination_info"`
}

type carrierInfo struct {
	ReferenceNumber    *string      `json:"ReferenceNumber"`
	ItemReceived       *string      `json:"ItemReceived"`
	ItemDispatched     *string      `json:"ItemDispatched"`
	DepartfromAirport  *string      `json:"DepartfromAirport"`
	ArrivalfromAbroad  *string      `json:"ArrivalfromAbroad"`
	CustomsClearance   *string      `json:"CustomsClearance"`
	DestinationArrived *string      `json:"DestinationArrived"`
	Weblink            *string      `json:"weblink"`
	Phone              *string      `json:"phone"`
	CarrierCode        *string      `json:"carrier_code"`
	Trackinfo          []checkpoint `json:"trackinfo"`
}

type checkpoint struct {
	Date              string `json:"Date"`
	StatusDescription string `json:"StatusDescription"`
	Details           string `json:"Details"`
	CheckpointStatus  string `json:"checkpoint_status"`
	Substatus         string `json:"substatus,omitempty"`
}

// object is a decoded JSON object whose values are read leniently.
type object map[string]json.RawMessage

var errNotObject = errors.New("the body must be a JSON object")

// parseObject decodes a JSON object; an empty body is an empty object.
func parseObject(body []byte) (object, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return object{}, nil
	}
	var o object
	if err := json.Unmarshal(body, &o); err != nil || o == nil {
		return nil, errNotObject
	}
	return o.withoutNulls(), nil
}

// withoutNulls drops the fields sent as JSON null: published v2 clients
// send null for every field they are not setting, so null means "not
// sent", never "clear" ("" clears).
func (o object) withoutNulls() object {
	for k, v := range o {
		if string(bytes.TrimSpace(v)) == "null" {
			delete(o, k)
		}
	}
	return o
}

// parseArray decodes a JSON array of objects.
func parseArray(body []byte) ([]object, error) {
	var a []object
	if err := json.Unmarshal(body, &a); err != nil || a == nil {
		return nil, errors.New("the body must be a JSON array of objects")
	}
	for _, o := range a {
		if o == nil {
			return nil, errors.New("every array element must be an object")
		}
		o.withoutNulls()
	}
	return a, nil
}

// has reports whether key was sent.
func (o object) has(key string) bool {
	_, ok := o[key]
	return ok
}

// str reads key as text: strings as they are, numbers and booleans in their
// JSON spelling, arrays of strings joined by commas (customer_email arrives
// in that form from some clients). Absent or null gives nil.
func (o object) str(key string) (*string, error) {
	raw, ok := o[key]
	if !ok {
		return nil, nil
	}
	v, err := rawText(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	return v, nil
}

// text is str with nil read as "".
func (o object) text(key string) (string, error) {
	v, err := o.str(key)
	if v == nil {
		return "", err
	}
	return *v, err
}

func rawText(raw json.RawMessage) (*string, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	var s string
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		s = x
	case json.Number:
		s = x.String()
	case bool:
		s = strconv.FormatBool(x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			es, ok := e.(string)
			if !ok {
				return nil, errors.New("only arrays of strings are accepted")
			}
			parts = append(parts, es)
		}
		s = strings.Join(parts, ",")
	default:
		return nil, errors.New("objects are not accepted here")
	}
	return &s, nil
}

func strPtr(s string) *string { return &s }

// nonEmpty maps "" to nil: stored-but-cleared fields answer null.
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
