package trackingmore

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// v4's wire: its request bodies and answers, and their conversion from and
// into the client's types, which follow v2. The names are those of
// TrackingMore's official v4 SDKs.

// trackingV4 is v4's tracking object, and the echo of an update, which
// names the fields it changed as they were sent (destination_country_iso2,
// archived_status).
type trackingV4 struct {
	ID                     string         `json:"id"`
	TrackingNumber         string         `json:"tracking_number"`
	CourierCode            string         `json:"courier_code"`
	OrderNumber            FlexString     `json:"order_number"`
	OrderDate              FlexString     `json:"order_date"`
	CreatedAt              FlexString     `json:"created_at"`
	UpdateAt               FlexString     `json:"update_at"`
	DeliveryStatus         FlexString     `json:"delivery_status"`
	Substatus              FlexString     `json:"substatus"`
	StatusInfo             FlexString     `json:"status_info"`
	Archived               FlexBool       `json:"archived"`
	ArchivedStatus         *FlexBool      `json:"archived_status"`
	Updating               *FlexBool      `json:"updating"`
	OriginCountry          FlexString     `json:"origin_country"`
	DestinationCountry     FlexString     `json:"destination_country"`
	DestinationCountryISO2 FlexString     `json:"destination_country_iso2"`
	CustomerName           FlexString     `json:"customer_name"`
	CustomerEmail          EmailList      `json:"customer_email"`
	CustomerSMS            FlexString     `json:"customer_sms"`
	OrderID                FlexString     `json:"order_id"`
	Title                  FlexString     `json:"title"`
	LogisticsChannel       FlexString     `json:"logistics_channel"`
	Note                   FlexString     `json:"note"`
	ServiceCode            FlexString     `json:"service_code"`
	LatestEvent            FlexString     `json:"latest_event"`
	LatestCheckpointTime   FlexString     `json:"latest_checkpoint_time"`
	TransitTime            FlexInt        `json:"transit_time"`
	OriginInfo             *courierInfoV4 `json:"origin_info"`
	DestinationInfo        *courierInfoV4 `json:"destination_info"`
}

type courierInfoV4 struct {
	CourierCode     FlexString `json:"courier_code"`
	CourierPhone    FlexString `json:"courier_phone"`
	Weblink         FlexString `json:"weblink"`
	ReferenceNumber FlexString `json:"reference_number"`
	MilestoneDate   struct {
		InforeceivedDate   FlexString `json:"inforeceived_date"`
		PickupDate         FlexString `json:"pickup_date"`
		OutfordeliveryDate FlexString `json:"outfordelivery_date"`
		DeliveryDate       FlexString `json:"delivery_date"`
		ReturningDate      FlexString `json:"returning_date"`
		ReturnedDate       FlexString `json:"returned_date"`
	} `json:"milestone_date"`
	Trackinfo []checkpointV4 `json:"trackinfo"`
}

type checkpointV4 struct {
	CheckpointDate              FlexString `json:"checkpoint_date"`
	CheckpointDeliveryStatus    FlexString `json:"checkpoint_delivery_status"`
	CheckpointDeliverySubstatus FlexString `json:"checkpoint_delivery_substatus"`
	TrackingDetail              FlexString `json:"tracking_detail"`
	Location                    FlexString `json:"location"`
}

// tracking converts w into the client's Tracking. v4's origin_country is a
// country code where v2's original_country is a name; v4 has no stay time.
func (w *trackingV4) tracking() Tracking {
	archived := w.Archived
	if w.ArchivedStatus != nil {
		archived = *w.ArchivedStatus
	}
	return Tracking{
		ID: w.ID, TrackingNumber: w.TrackingNumber, CarrierCode: w.CourierCode,
		Status: w.DeliveryStatus, Substatus: w.Substatus, StatusInfo: w.StatusInfo, TrackUpdate: w.Updating,
		CreatedAt: w.CreatedAt, UpdatedAt: w.UpdateAt,
		Title: w.Title, OrderID: w.OrderID, CustomerName: w.CustomerName, CustomerEmail: w.CustomerEmail,
		LogisticsChannel: w.LogisticsChannel, DestinationCode: orDefault(w.DestinationCountry, w.DestinationCountryISO2),
		Archived: archived, OriginalCountry: w.OriginCountry, ItemTimeLength: w.TransitTime, ServiceCode: w.ServiceCode,
		LastEvent: w.LatestEvent, LastUpdateTime: w.LatestCheckpointTime,
		OriginInfo: w.OriginInfo.carrierInfo(), DestinationInfo: w.DestinationInfo.carrierInfo(),
		Note: w.Note, OrderNumber: w.OrderNumber, OrderDate: w.OrderDate, CustomerSMS: w.CustomerSMS,
	}
}

// carrierInfo converts ci: its checkpoints' detail is v2's
// StatusDescription, their location v2's Details (as v2's lastEvent and
// v4's latest_event join them).
func (ci *courierInfoV4) carrierInfo() *CarrierInfo {
	if ci == nil {
		return nil
	}
	m := ci.MilestoneDate
	out := &CarrierInfo{
		ItemReceived: m.PickupDate, Weblink: ci.Weblink, Phone: ci.CourierPhone, CarrierCode: ci.CourierCode,
		ReferenceNumber: ci.ReferenceNumber, InfoReceived: m.InforeceivedDate, OutForDelivery: m.OutfordeliveryDate,
		Delivered: m.DeliveryDate, Returning: m.ReturningDate, Returned: m.ReturnedDate,
	}
	for _, cp := range ci.Trackinfo {
		out.TrackInfo = append(out.TrackInfo, Checkpoint{
			Date: cp.CheckpointDate, StatusDescription: cp.TrackingDetail, Details: cp.Location,
			CheckpointStatus: cp.CheckpointDeliveryStatus, Substatus: cp.CheckpointDeliverySubstatus,
		})
	}
	return out
}

// createV4 is v4's create object (POST /trackings/create, and each item of
// POST /trackings/batch).
type createV4 struct {
	TrackingNumber             string `json:"tracking_number"`
	CourierCode                string `json:"courier_code"`
	OrderNumber                string `json:"order_number,omitempty"`
	OrderID                    string `json:"order_id,omitempty"`
	OrderDate                  string `json:"order_date,omitempty"`
	DestinationCountryISO2     string `json:"destination_country_iso2,omitempty"`
	Title                      string `json:"title,omitempty"`
	LogisticsChannel           string `json:"logistics_channel,omitempty"`
	CustomerName               string `json:"customer_name,omitempty"`
	CustomerEmail              string `json:"customer_email,omitempty"`
	CustomerSMS                string `json:"customer_sms,omitempty"`
	TrackingShipDate           string `json:"tracking_ship_date,omitempty"`
	TrackingPostalCode         string `json:"tracking_postal_code,omitempty"`
	TrackingCourierAccount     string `json:"tracking_courier_account,omitempty"`
	TrackingDestinationCountry string `json:"tracking_destination_country,omitempty"`
	Language                   string `json:"language,omitempty"`
	Note                       string `json:"note,omitempty"`
}

// emails joins addresses as v4 takes customer_email: one string, the
// addresses separated by commas, as EmailList reads them back.
func emails(l EmailList) string { return strings.Join(l, ",") }

func createBodyV4(r CreateTrackingRequest) createV4 {
	return createV4{
		TrackingNumber: r.TrackingNumber, CourierCode: r.CarrierCode, OrderNumber: r.OrderNumber, OrderID: r.OrderID,
		OrderDate: r.OrderDate, DestinationCountryISO2: r.DestinationCode, Title: r.Title, LogisticsChannel: r.LogisticsChannel,
		CustomerName: r.CustomerName, CustomerEmail: emails(r.CustomerEmail), CustomerSMS: r.CustomerSMS,
		TrackingShipDate: r.TrackingShipDate, TrackingPostalCode: r.TrackingPostalCode,
		TrackingCourierAccount: r.TrackingAccountNumber, TrackingDestinationCountry: r.SpecialNumberDestination,
		Language: r.Lang, Note: r.Note,
	}
}

// updateV4 is the body of PUT /trackings/update/{id}. Empty fields are
// left out: v4 cannot clear a field (see checkUpdate).
type updateV4 struct {
	Title                  string      `json:"title,omitempty"`
	LogisticsChannel       string      `json:"logistics_channel,omitempty"`
	CustomerName           string      `json:"customer_name,omitempty"`
	CustomerEmail          string      `json:"customer_email,omitempty"`
	CustomerSMS            string      `json:"customer_sms,omitempty"`
	OrderID                string      `json:"order_id,omitempty"`
	OrderNumber            string      `json:"order_number,omitempty"`
	OrderDate              string      `json:"order_date,omitempty"`
	DestinationCountryISO2 string      `json:"destination_country_iso2,omitempty"`
	Note                   string      `json:"note,omitempty"`
	ArchivedStatus         *StringBool `json:"archived_status,omitempty"`
	CourierCodeNew         string      `json:"courier_code_new,omitempty"`
}

func updateBodyV4(r UpdateTrackingRequest) updateV4 {
	var email string
	if r.CustomerEmail != nil {
		email = emails(*r.CustomerEmail)
	}
	return updateV4{
		Title: deref(r.Title), LogisticsChannel: deref(r.LogisticsChannel), CustomerName: deref(r.CustomerName),
		CustomerEmail: email, CustomerSMS: deref(r.CustomerSMS), OrderID: deref(r.OrderID), OrderNumber: deref(r.OrderNumber),
		OrderDate: deref(r.OrderDate), DestinationCountryISO2: deref(r.DestinationCode), Note: deref(r.Note),
		ArchivedStatus: r.Archived,
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// queryV4 encodes o as v4's list parameters; a page and its size are
// always sent, so that the page size is known whatever the API's default.
func queryV4(o ListOptions) url.Values {
	q := url.Values{}
	q.Set("pages_amount", strconv.Itoa(orDefault(o.Page, 1)))
	q.Set("items_amount", strconv.Itoa(pageLimitV4(o)))
	setString(q, "delivery_status", o.Status)
	setString(q, "courier_code", o.CarrierCode)
	setISOTime(q, "created_date_min", o.CreatedAtMin)
	setISOTime(q, "created_date_max", o.CreatedAtMax)
	setISOTime(q, "updated_date_min", o.UpdateTimeMin)
	setISOTime(q, "updated_date_max", o.UpdateTimeMax)
	setString(q, "tracking_numbers", strings.Join(o.Numbers, ","))
	if o.Archived != nil {
		q.Set("archived_status", strconv.FormatBool(*o.Archived))
	}
	setString(q, "lang", o.Lang)
	return q
}

// defaultPageLimit is the page size when none is asked for, as v2 answers it.
const defaultPageLimit = 100

func pageLimitV4(o ListOptions) int { return orDefault(o.Limit, defaultPageLimit) }

// setISOTime writes t as v4's documented form, 2023-08-23T06:00:00+00:00.
func setISOTime(q url.Values, key string, t time.Time) {
	if !t.IsZero() {
		q.Set(key, t.UTC().Format("2006-01-02T15:04:05-07:00"))
	}
}

// batchItemV4 is one item of POST /trackings/batch's success or error list;
// a duplicate's error may name the id of the tracking that exists.
type batchItemV4 struct {
	ID             string  `json:"id"`
	TrackingNumber string  `json:"tracking_number"`
	CourierCode    string  `json:"courier_code"`
	ErrorCode      FlexInt `json:"errorCode"`
	ErrorMessage   string  `json:"errorMessage"`
}

func (b batchItemV4) ref() TrackingRef {
	return TrackingRef{TrackingNumber: b.TrackingNumber, CarrierCode: b.CourierCode}
}

type batchV4 struct {
	Success []batchItemV4 `json:"success"`
	Error   []batchItemV4 `json:"error"`
}

// courierV4 is a carrier of GET /couriers/all and POST /couriers/detect.
type courierV4 struct {
	CourierName        FlexString `json:"courier_name"`
	CourierCode        FlexString `json:"courier_code"`
	CourierCountryISO2 FlexString `json:"courier_country_iso2"`
	CourierURL         FlexString `json:"courier_url"`
	CourierPhone       FlexString `json:"courier_phone"`
	CourierType        FlexString `json:"courier_type"`
	CourierLogo        FlexString `json:"courier_logo"`
}

func (w courierV4) carrier() Carrier {
	return Carrier{Name: w.CourierName, Code: w.CourierCode, Phone: w.CourierPhone, Homepage: w.CourierURL,
		Type: w.CourierType, Picture: w.CourierLogo, CountryISO2: w.CourierCountryISO2}
}

// awbV4 is the part of POST /awb's air waybill that AirCargo holds; its
// track_info events have v2's aircargo fields.
type awbV4 struct {
	AwbNumber    FlexString      `json:"awb_number"`
	StatusNumber FlexString      `json:"status_number"`
	Weight       FlexString      `json:"weight"`
	Piece        FlexInt         `json:"piece"`
	Origin       FlexString      `json:"origin"`
	Destination  FlexString      `json:"destination"`
	TrackInfo    []AirCargoEvent `json:"track_info"`
}

func (w awbV4) airCargo() AirCargo {
	return AirCargo{TrackNumber: w.AwbNumber, Weight: w.Weight, Piece: w.Piece, Origin: w.Origin,
		Destination: w.Destination, StatusNumber: w.StatusNumber, TrackInfo: w.TrackInfo}
}
