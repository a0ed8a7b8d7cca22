package trackingmore

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Tracking is the API's tracking object. Field names follow v2's wire
// format (see the contract), into which v4's answers are converted (see
// trackingV4.tracking); the Flex types absorb the forms real responses
// disagree on. The fields tagged "-" are v4's alone.
type Tracking struct {
	ID                 string       `json:"id"`
	TrackingNumber     string       `json:"tracking_number"`
	CarrierCode        string       `json:"carrier_code"`
	Status             FlexString   `json:"status"`
	Substatus          FlexString   `json:"substatus"`
	StatusInfo         FlexString   `json:"status_info"`
	TrackUpdate        *FlexBool    `json:"track_update"`
	CreatedAt          FlexString   `json:"created_at"`
	UpdatedAt          FlexString   `json:"updated_at"`
	OrderCreateTime    FlexString   `json:"order_create_time"`
	Title              FlexString   `json:"title"`
	OrderID            FlexString   `json:"order_id"`
	Comment            FlexString   `json:"comment"`
	CustomerName       FlexString   `json:"customer_name"`
	CustomerEmail      EmailList    `json:"customer_email"`
	CustomerPhone      FlexString   `json:"customer_phone"`
	LogisticsChannel   FlexString   `json:"logistics_channel"`
	DestinationCode    FlexString   `json:"destination_code"`
	Destination        FlexString   `json:"destination"`
	Archived           FlexBool     `json:"archived"`
	OriginalCountry    FlexString   `json:"original_country"`
	DestinationCountry FlexString   `json:"destination_country"`
	ItemTimeLength     FlexInt      `json:"itemTimeLength"`
	StayTimeLength     FlexInt      `json:"stayTimeLength"`
	ServiceCode        FlexString   `json:"service_code"`
	LastEvent          FlexString   `json:"lastEvent"`
	LastUpdateTime     FlexString   `json:"lastUpdateTime"`
	OriginInfo         *CarrierInfo `json:"origin_info"`
	DestinationInfo    *CarrierInfo `json:"destination_info"`

	Note        FlexString `json:"-"`
	OrderNumber FlexString `json:"-"`
	OrderDate   FlexString `json:"-"`
	CustomerSMS FlexString `json:"-"`
}

// Normalize folds the create echo's destination into DestinationCode, so
// callers read one field. Decoding calls it.
func (t *Tracking) Normalize() {
	if t.DestinationCode == "" {
		t.DestinationCode = t.Destination
	}
}

// UnmarshalJSON decodes the wire form and normalizes it.
func (t *Tracking) UnmarshalJSON(b []byte) error {
	type plain Tracking
	if err := json.Unmarshal(b, (*plain)(t)); err != nil {
		return err
	}
	t.Normalize()
	return nil
}

// CarrierInfo is origin_info / destination_info: one carrier's view of the
// parcel. v4 dates other milestones than v2: its pickup_date is v2's
// ItemReceived, and those v2 lacks are the fields tagged "-".
type CarrierInfo struct {
	ItemReceived       FlexString   `json:"ItemReceived"`
	ItemDispatched     FlexString   `json:"ItemDispatched"`
	DepartfromAirport  FlexString   `json:"DepartfromAirport"`
	ArrivalfromAbroad  FlexString   `json:"ArrivalfromAbroad"`
	CustomsClearance   FlexString   `json:"CustomsClearance"`
	DestinationArrived FlexString   `json:"DestinationArrived"`
	Weblink            FlexString   `json:"weblink"`
	Phone              FlexString   `json:"phone"`
	CarrierCode        FlexString   `json:"carrier_code"`
	ReferenceNumber    FlexString   `json:"ReferenceNumber"`
	TrackInfo          []Checkpoint `json:"trackinfo"`

	InfoReceived   FlexString `json:"-"`
	OutForDelivery FlexString `json:"-"`
	Delivered      FlexString `json:"-"`
	Returning      FlexString `json:"-"`
	Returned       FlexString `json:"-"`
}

// UnmarshalJSON accepts `[]` and "" (an empty PHP-style object) as no information.
func (ci *CarrierInfo) UnmarshalJSON(b []byte) error {
	if isEmptyArray(b) || string(b) == `""` {
		*ci = CarrierInfo{}
		return nil
	}
	type plain CarrierInfo
	return json.Unmarshal(b, (*plain)(ci))
}

// Checkpoint is one scan event, newest first in CarrierInfo.TrackInfo.
type Checkpoint struct {
	Date              FlexString `json:"Date"`
	StatusDescription FlexString `json:"StatusDescription"`
	Details           FlexString `json:"Details"`
	CheckpointStatus  FlexString `json:"checkpoint_status"`
	Substatus         FlexString `json:"substatus"`
	ItemNode          FlexString `json:"ItemNode"`
}

// CreateTrackingRequest is the body of POST /trackings/post and one item of
// POST /trackings/batch; on v4, of POST /trackings/create (see createV4).
// The fields tagged "-" are v4's alone, and CustomerPhone, OrderCreateTime
// and Comment v2's alone: setting one the client's version lacks is an
// UnsupportedError.
type CreateTrackingRequest struct {
	TrackingNumber           string    `json:"tracking_number"`
	CarrierCode              string    `json:"carrier_code"`
	DestinationCode          string    `json:"destination_code,omitempty"`
	Title                    string    `json:"title,omitempty"`
	LogisticsChannel         string    `json:"logistics_channel,omitempty"`
	CustomerName             string    `json:"customer_name,omitempty"`
	CustomerEmail            EmailList `json:"customer_email,omitempty"`
	CustomerPhone            string    `json:"customer_phone,omitempty"`
	OrderID                  string    `json:"order_id,omitempty"`
	OrderCreateTime          string    `json:"order_create_time,omitempty"`
	TrackingShipDate         string    `json:"tracking_ship_date,omitempty"`
	TrackingPostalCode       string    `json:"tracking_postal_code,omitempty"`
	TrackingAccountNumber    string    `json:"tracking_account_number,omitempty"`
	SpecialNumberDestination string    `json:"specialNumberDestination,omitempty"`
	Lang                     string    `json:"lang,omitempty"`
	Comment                  string    `json:"comment,omitempty"`

	Note        string `json:"-"`
	OrderNumber string `json:"-"`
	OrderDate   string `json:"-"` // ISO 8601
	CustomerSMS string `json:"-"`
}

// ManualStatus is the status a PUT may set by hand; the API accepts only these three.
type ManualStatus int

const (
	ManualStatusDelivered ManualStatus = 4
	ManualStatusException ManualStatus = 7
	// ManualStatusCarrier returns the tracking to the carrier's own status.
	ManualStatusCarrier ManualStatus = 8
)

// UpdateTrackingRequest holds the PUT fields. A nil field is not sent; a pointer
// to "" clears the field, on v2: v4 reads an empty value as not sent, so it
// cannot clear one. The fields tagged "-" are v4's alone, and CustomerPhone
// and Status v2's alone: setting one the client's version lacks, or
// clearing one on v4, is an UnsupportedError.
type UpdateTrackingRequest struct {
	Title            *string       `json:"title,omitempty"`
	LogisticsChannel *string       `json:"logistics_channel,omitempty"`
	CustomerName     *string       `json:"customer_name,omitempty"`
	CustomerEmail    *EmailList    `json:"customer_email,omitempty"`
	CustomerPhone    *string       `json:"customer_phone,omitempty"`
	OrderID          *string       `json:"order_id,omitempty"`
	DestinationCode  *string       `json:"destination_code,omitempty"`
	Archived         *StringBool   `json:"archived,omitempty"`
	Status           *ManualStatus `json:"status,omitempty"`

	Note        *string `json:"-"`
	OrderNumber *string `json:"-"`
	OrderDate   *string `json:"-"`
	CustomerSMS *string `json:"-"`
}

// TrackingRef names one tracking, as the batch delete and notupdate endpoints take it.
type TrackingRef struct {
	TrackingNumber string `json:"tracking_number"`
	CarrierCode    string `json:"carrier_code"`
}

// path is the tracking's own endpoint, /trackings/{carrier}/{number}.
func (r TrackingRef) path() []string { return []string{"trackings", r.CarrierCode, r.TrackingNumber} }

// ref is r itself: as a method, it also names a BatchUpdateItem's tracking.
func (r TrackingRef) ref() TrackingRef { return r }

func (t *Tracking) ref() TrackingRef {
	return TrackingRef{TrackingNumber: t.TrackingNumber, CarrierCode: t.CarrierCode}
}

func (r CreateTrackingRequest) ref() TrackingRef {
	return TrackingRef{TrackingNumber: r.TrackingNumber, CarrierCode: r.CarrierCode}
}

func (e BatchItemError) ref() TrackingRef {
	return TrackingRef{TrackingNumber: e.TrackingNumber, CarrierCode: e.CarrierCode}
}

// BatchUpdateItem is one item of POST /trackings/updatemore.
type BatchUpdateItem struct {
	TrackingRef
	UpdateTrackingRequest
}

// BatchItemError is one per-item failure (or, for batch delete, per-item
// outcome). Code is in the numbering of APIVersion ("" is v2): read it with
// the Is… functions through Err.
type BatchItemError struct {
	TrackingNumber string  `json:"tracking_number"`
	CarrierCode    string  `json:"carrier_code"`
	Code           FlexInt `json:"code"`
	Message        string  `json:"message"`
	APIVersion     string  `json:"-"`
}

// Err is the item's failure as an APIError, for IsAlreadyExists and the like.
func (e BatchItemError) Err() error { return e.apiError("", "") }

// apiError is the item's failure as the single call of method and path
// would have had it.
func (e BatchItemError) apiError(method, path string) *APIError {
	return &APIError{HTTPStatus: http.StatusOK, Code: int(e.Code), Message: e.Message, Method: method, Path: path, APIVersion: e.APIVersion}
}

// BatchCreateResult merges the answers of every chunk of a batch create.
type BatchCreateResult struct {
	Submitted int
	Added     int
	Trackings []Tracking
	Errors    []BatchItemError
}

// BatchUpdateResult merges the answers of every chunk of POST /trackings/updatemore.
type BatchUpdateResult struct {
	Submitted int
	Updated   int
	Trackings []Tracking
	Errors    []BatchItemError
}

// BatchDeleteResult merges the answers of every chunk of POST /trackings/delete
// (on v4, of one DELETE each). Deleted lists what was removed; Errors what
// was not (IsNotFound, 4017 or v4's 4102, means it was already gone).
type BatchDeleteResult struct {
	Submitted int
	Deleted   []TrackingRef
	Errors    []BatchItemError
}

// StopUpdatingResult merges the answers of every chunk of POST /trackings/notupdate.
type StopUpdatingResult struct {
	Submitted int
	Stopped   int
	Errors    []BatchItemError
}

// ListOptions filters GET /trackings/get. Zero values are not sent; times go
// out as Unix seconds (v4: ISO 8601). v4 has no filter by order (Orders,
// OrderCreatedTime…), and v2 none by carrier (CarrierCode): setting one the
// client's version lacks is an UnsupportedError.
type ListOptions struct {
	Page                int
	Limit               int
	Status              string
	CreatedAtMin        time.Time
	CreatedAtMax        time.Time
	UpdateTimeMin       time.Time
	UpdateTimeMax       time.Time
	OrderCreatedTimeMin time.Time
	OrderCreatedTimeMax time.Time
	Numbers             []string
	Orders              []string
	Archived            *bool
	Lang                string
	CarrierCode         string
}

// query encodes the options; zero values are left out.
func (o ListOptions) query() url.Values {
	q := url.Values{}
	setInt(q, "page", o.Page)
	setInt(q, "limit", o.Limit)
	setString(q, "status", o.Status)
	setTime(q, "created_at_min", o.CreatedAtMin)
	setTime(q, "created_at_max", o.CreatedAtMax)
	setTime(q, "update_time_min", o.UpdateTimeMin)
	setTime(q, "update_time_max", o.UpdateTimeMax)
	setTime(q, "order_created_time_min", o.OrderCreatedTimeMin)
	setTime(q, "order_created_time_max", o.OrderCreatedTimeMax)
	setString(q, "numbers", strings.Join(o.Numbers, ","))
	setString(q, "orders", strings.Join(o.Orders, ","))
	if o.Archived != nil {
		q.Set("archived", strconv.FormatBool(*o.Archived))
	}
	setString(q, "lang", o.Lang)
	return q
}

// TrackingPage is one page of GET /trackings/get. v4 answers no total:
// Total is then 0.
type TrackingPage struct {
	Page  FlexInt    `json:"page"`
	Limit FlexInt    `json:"limit"`
	Total FlexInt    `json:"total"`
	Count FlexInt    `json:"count"`
	Items []Tracking `json:"items"`
}

// RealtimeRequest is the body of POST /trackings/realtime; it mirrors create,
// but the order id travels as "order".
type RealtimeRequest struct {
	TrackingNumber           string `json:"tracking_number"`
	CarrierCode              string `json:"carrier_code"`
	DestinationCode          string `json:"destination_code,omitempty"`
	TrackingShipDate         string `json:"tracking_ship_date,omitempty"`
	TrackingPostalCode       string `json:"tracking_postal_code,omitempty"`
	SpecialNumberDestination string `json:"specialNumberDestination,omitempty"`
	Order                    string `json:"order,omitempty"`
	OrderCreateTime          string `json:"order_create_time,omitempty"`
	Lang                     string `json:"lang,omitempty"`
}

// Carrier is one entry of GET /carriers (v4: GET /couriers/all, which
// also gives CountryISO2).
type Carrier struct {
	Name     FlexString `json:"name"`
	Code     FlexString `json:"code"`
	Phone    FlexString `json:"phone"`
	Homepage FlexString `json:"homepage"`
	Type     FlexString `json:"type"`
	Picture  FlexString `json:"picture"`

	CountryISO2 FlexString `json:"-"`
}

// DetectedCarrier is one candidate of POST /carriers/detect.
type DetectedCarrier struct {
	Name FlexString `json:"name"`
	Code FlexString `json:"code"`
}
