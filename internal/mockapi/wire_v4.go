package mockapi

import (
	"net/http"
	"strconv"
	"time"
)

// envelopeV4 is the frame of every /v4 answer. data is null on errors
// [ours]: the official SDKs decode it into the success type, which an
// empty array (v2's error data) would break.
type envelopeV4 struct {
	Meta metaV4 `json:"meta"`
	Data any    `json:"data"`
}

type metaV4 struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// v4Codes renames to v4's codes the ones the dispatcher and the account
// store answer in, which are v2's: v4 is another wire over the same store.
var v4Codes = map[int]int{
	202: 4103, 405: 400, 4001: 401, 4012: 400, 4013: 4111, 4014: 4110, 4015: 4120,
	4016: 4101, 4017: 4102, 4020: 4103, 4021: 4190, 4031: 4102, 4032: 4121,
	500: 511, 503: 512,
}

// v4Text is the default message of each v4 meta code, after the SDKs' tables.
var v4Text = map[int]string{
	200:  "Request response is successful.",
	400:  "Request type error. Please check the API documentation for the request type of this API.",
	401:  "Authentication failed or has no permission. Please check and ensure your API Key is correct.",
	404:  "Page does not exist. Please check and ensure your link is correct.",
	429:  "Exceeded API request limits, please try again later.",
	511:  "Server error.",
	512:  "Server error.",
	4101: "Tracking No. already exists.",
	4102: "Tracking No. does not exist. Please create the tracking first.",
	4103: "You have exceeded the shipment quantity of API call. The maximum quantity is 40 shipments per call.",
	4110: "The value of tracking_number is invalid.",
	4111: "Tracking_number is required.",
	4112: "Invalid Tracking ID.",
	4113: "Retrack is not allowed. You can only retrack an expired tracking.",
	4120: "The value of courier_code is invalid.",
	4121: "Cannot detect courier.",
	4122: "Missing or invalid value of the special required fields for this courier.",
	4130: "The format of a field is invalid.",
	4160: "The awb_number is required or has an invalid format.",
	4161: "The airline of this awb_number is not supported yet.",
	4190: "You are reaching the maximum quota limitation, please upgrade your current plan.",
}

// v4Meta is a reply's v4 code and message.
func v4Meta(rep reply) (int, string) {
	code := rep.code
	if c, ok := v4Codes[code]; ok {
		code = c
	}
	if rep.msg != "" {
		return code, rep.msg
	}
	return code, v4Text[code]
}

// v4Answer is v4's envelope with its HTTP status, which v4 always sets:
// the code itself for 200, 401, 404 and 429, 500 for server errors, 400
// for the rest. HTTPStatusMode (mirror) changes nothing.
func v4Answer(rep reply, _ bool) (int, any) {
	code, msg := v4Meta(rep)
	env := envelopeV4{Meta: metaV4{Code: code, Message: msg}}
	status := http.StatusBadRequest
	switch {
	case code == 200:
		env.Data = rep.data
		status = http.StatusOK
	case code == 401 || code == 404 || code == 429:
		status = code
	case code >= 500 && code < 600: // 511, 512; not the 41xx codes
		status = http.StatusInternalServerError
	}
	return status, env
}

// trackingV4 is v4's tracking object. archived is the string "true" or
// "false" [ours]: the official Go and Java SDKs decode it into a string,
// and Go's decoder refuses a boolean there. The fields from signed_by to
// scheduled_address, and the states and cities, are null: the simulated
// carriers do not report them.
type trackingV4 struct {
	ID                         string        `json:"id"`
	TrackingNumber             string        `json:"tracking_number"`
	CourierCode                string        `json:"courier_code"`
	OrderNumber                *string       `json:"order_number"`
	OrderDate                  *string       `json:"order_date"`
	CreatedAt                  string        `json:"created_at"`
	UpdateAt                   string        `json:"update_at"`
	DeliveryStatus             string        `json:"delivery_status"`
	Substatus                  *string       `json:"substatus"`
	StatusInfo                 *string       `json:"status_info"`
	Archived                   string        `json:"archived"`
	Updating                   bool          `json:"updating"`
	OriginCountry              *string       `json:"origin_country"`
	OriginState                *string       `json:"origin_state"`
	OriginCity                 *string       `json:"origin_city"`
	DestinationCountry         *string       `json:"destination_country"`
	DestinationState           *string       `json:"destination_state"`
	DestinationCity            *string       `json:"destination_city"`
	TrackingPostalCode         *string       `json:"tracking_postal_code"`
	TrackingShipDate           *string       `json:"tracking_ship_date"`
	TrackingOriginCountry      *string       `json:"tracking_origin_country"`
	TrackingDestinationCountry *string       `json:"tracking_destination_country"`
	TrackingKey                *string       `json:"tracking_key"`
	TrackingCourierAccount     *string       `json:"tracking_courier_account"`
	CustomerName               *string       `json:"customer_name"`
	CustomerEmail              *string       `json:"customer_email"`
	CustomerSms                *string       `json:"customer_sms"`
	RecipientPostcode          *string       `json:"recipient_postcode"`
	OrderID                    *string       `json:"order_id"`
	Title                      *string       `json:"title"`
	LogisticsChannel           *string       `json:"logistics_channel"`
	Note                       *string       `json:"note"`
	Label                      *string       `json:"label"`
	SignedBy                   *string       `json:"signed_by"`
	ServiceCode                *string       `json:"service_code"`
	Weight                     *string       `json:"weight"`
	WeightKg                   *string       `json:"weight_kg"`
	ProductType                *string       `json:"product_type"`
	Pieces                     *string       `json:"pieces"`
	Dimension                  *string       `json:"dimension"`
	Previously                 *string       `json:"previously"`
	DestinationTrackNumber     *string       `json:"destination_track_number"`
	ExchangeNumber             *string       `json:"exchange_number"`
	ScheduledDeliveryDate      *string       `json:"scheduled_delivery_date"`
	ScheduledAddress           *string       `json:"scheduled_address"`
	LatestEvent                *string       `json:"latest_event"`
	LatestCheckpointTime       *string       `json:"latest_checkpoint_time"`
	TransitTime                int           `json:"transit_time"`
	OriginInfo                 courierInfoV4 `json:"origin_info"`
	DestinationInfo            courierInfoV4 `json:"destination_info"`
}

type courierInfoV4 struct {
	CourierCode     *string        `json:"courier_code"`
	CourierPhone    *string        `json:"courier_phone"`
	Weblink         *string        `json:"weblink"`
	ReferenceNumber *string        `json:"reference_number"`
	MilestoneDate   milestonesV4   `json:"milestone_date"`
	Trackinfo       []checkpointV4 `json:"trackinfo"`
}

type milestonesV4 struct {
	InforeceivedDate   *string `json:"inforeceived_date"`
	PickupDate         *string `json:"pickup_date"`
	OutfordeliveryDate *string `json:"outfordelivery_date"`
	DeliveryDate       *string `json:"delivery_date"`
	ReturningDate      *string `json:"returning_date"`
	ReturnedDate       *string `json:"returned_date"`
}

type checkpointV4 struct {
	CheckpointDate              string  `json:"checkpoint_date"`
	CheckpointDeliveryStatus    string  `json:"checkpoint_delivery_status"`
	CheckpointDeliverySubstatus *string `json:"checkpoint_delivery_substatus"`
	TrackingDetail              string  `json:"tracking_detail"`
	Location                    string  `json:"location"`
	CountryIso2                 string  `json:"country_iso2"`
	State                       *string `json:"state"`
	City                        *string `json:"city"`
	Zip                         *string `json:"zip"`
	RawStatus                   string  `json:"raw_status"`
}

// viewV4 renders a tracking as v4 shows it at simulated time now, from the
// same report as v2's view. Dates are ISO 8601 with offset, checkpoints
// too [ours: v4 is ISO 8601 throughout]; latest_event is
// "<detail>,<location>,<date>" as v2's lastEvent [ours].
func viewV4(t *tracking, now time.Time) trackingV4 {
	r := t.report(now)
	w := trackingV4{
		ID: t.id, TrackingNumber: t.number, CourierCode: t.carrier,
		OrderNumber: t.get("order_number"), OrderDate: t.get("order_date"),
		CreatedAt: apiTime(t.createdAt), UpdateAt: apiTime(t.updatedAt),
		DeliveryStatus: r.status, Substatus: nonEmpty(r.substatus),
		Archived: strconv.FormatBool(t.archived), Updating: t.frozenAt == nil,
		OriginCountry: nonEmpty(r.origin), DestinationCountry: nonEmpty(r.dest),
		TrackingPostalCode: t.get("tracking_postal_code"), TrackingShipDate: t.get("tracking_ship_date"),
		TrackingOriginCountry: t.get("tracking_origin_country"), TrackingDestinationCountry: t.get("specialNumberDestination"),
		TrackingKey: t.get("tracking_key"), TrackingCourierAccount: t.get("tracking_account_number"),
		CustomerName: t.get("customer_name"), CustomerEmail: t.get("customer_email"), CustomerSms: t.get("customer_sms"),
		RecipientPostcode: t.get("recipient_postcode"), OrderID: t.get("order_id"), Title: t.get("title"),
		LogisticsChannel: t.get("logistics_channel"), Note: t.get("note"), Label: t.get("label"),
		TransitTime: r.transitDays,
		OriginInfo:  courierInfoOf(r.carrier), DestinationInfo: courierInfoOf(r.destCarrier),
	}
	for _, s := range r.scans {
		cp := checkpointV4{
			CheckpointDate: apiTime(s.when), CheckpointDeliveryStatus: s.status, CheckpointDeliverySubstatus: nonEmpty(s.substatus),
			TrackingDetail: s.desc, Location: s.place(), CountryIso2: s.cc, RawStatus: s.status,
		}
		if c, ok := countries[s.cc]; ok {
			cp.City = &c.cities[s.side]
		}
		w.OriginInfo.add(cp, s.event)
		if s.dest && r.destCarrier != nil {
			w.DestinationInfo.add(cp, s.event)
		}
		w.LatestEvent = strPtr(s.desc + "," + cp.Location + "," + cp.CheckpointDate)
		w.LatestCheckpointTime = strPtr(cp.CheckpointDate)
	}
	return w
}

// courierInfoOf is origin_info or destination_info of carrier c, without
// checkpoints yet; all null for no carrier.
func courierInfoOf(c *carrier) courierInfoV4 {
	ci := courierInfoV4{Trackinfo: []checkpointV4{}}
	if c != nil {
		ci.CourierCode, ci.CourierPhone, ci.Weblink = &c.Code, &c.Phone, &c.Homepage
	}
	return ci
}

// add puts a checkpoint first (trackinfo is newest first) and dates the
// milestone it marks.
func (ci *courierInfoV4) add(cp checkpointV4, e event) {
	ci.Trackinfo = append([]checkpointV4{cp}, ci.Trackinfo...)
	if m := ci.MilestoneDate.of(e); m != nil {
		*m = strPtr(cp.CheckpointDate)
	}
}

// of is the milestone an event marks, nil for none: acceptance by the
// carrier is the pickup, the pickup status out for delivery, and
// exception010/011 returned/returning [ours]. No simulated event is an
// "info received" one.
func (m *milestonesV4) of(e event) **string {
	switch {
	case e.milestone == "ItemReceived":
		return &m.PickupDate
	case e.status == "pickup":
		return &m.OutfordeliveryDate
	case e.status == "delivered":
		return &m.DeliveryDate
	case e.substatus == "exception010":
		return &m.ReturnedDate
	case e.substatus == "exception011":
		return &m.ReturningDate
	}
	return nil
}

// idRefV4 names a tracking in v4's batch, update and delete answers.
type idRefV4 struct {
	ID             string `json:"id"`
	TrackingNumber string `json:"tracking_number"`
	CourierCode    string `json:"courier_code"`
}

func refV4(t *tracking) idRefV4 { return idRefV4{t.id, t.number, t.carrier} }

// batchErrorV4 is one failed item of POST /v4/trackings/batch.
type batchErrorV4 struct {
	idRefV4
	ErrorCode    int    `json:"errorCode"`
	ErrorMessage string `json:"errorMessage"`
}

// courierV4 is a carrier as v4 lists it. Required fields carry v4's names;
// every carrier speaks English only [ours].
type courierV4 struct {
	CourierName            string   `json:"courier_name"`
	CourierCode            string   `json:"courier_code"`
	CourierCountryIso2     string   `json:"courier_country_iso2"`
	CourierURL             string   `json:"courier_url"`
	CourierPhone           string   `json:"courier_phone"`
	CourierType            string   `json:"courier_type"`
	TrackingRequiredFields []string `json:"tracking_required_fields"`
	OptionalFields         []string `json:"optional_fields"`
	DefaultLanguage        string   `json:"default_language"`
	SupportLanguage        []string `json:"support_language"`
	CourierLogo            string   `json:"courier_logo"`
}

func courierV4Of(c *carrier) courierV4 {
	required := make([]string, 0, len(c.required))
	for _, f := range c.required {
		if f == "tracking_account_number" {
			f = "tracking_courier_account" // v4's name of v2's field
		}
		required = append(required, f)
	}
	return courierV4{
		CourierName: c.Name, CourierCode: c.Code, CourierCountryIso2: c.country, CourierURL: c.Homepage,
		CourierPhone: c.Phone, CourierType: c.Type, TrackingRequiredFields: required, OptionalFields: []string{},
		DefaultLanguage: "en", SupportLanguage: []string{"en"}, CourierLogo: c.Picture,
	}
}

// catalogueV4 is the carrier catalogue in v4's shape, in v2's order.
var catalogueV4 = func() []courierV4 {
	list := make([]courierV4, len(catalogue))
	for i := range catalogue {
		list[i] = courierV4Of(&catalogue[i])
	}
	return list
}()

// awbV4 is v4's air waybill. Numbers are strings, as the SDKs decode them.
type awbV4 struct {
	AwbNumber        string                 `json:"awb_number"`
	AwbStatus        string                 `json:"awb_status"`
	AwbSubstatus     *string                `json:"awb_substatus"`
	StatusNumber     string                 `json:"status_number"`
	Weight           string                 `json:"weight"`
	Piece            string                 `json:"piece"`
	Origin           string                 `json:"origin"`
	Destination      string                 `json:"destination"`
	FlightWayStation []string               `json:"flight_way_station"`
	LastEvent        string                 `json:"last_event"`
	FlightInfoNew    []flightV4             `json:"flight_info_new"`
	FlightInfo       map[string]flightLegV4 `json:"flight_info"`
	TrackInfo        []cargoEventV4         `json:"track_info"`
	AirlineInfo      airlineV4              `json:"airline_info"`
}

type flightLegV4 struct {
	DepartStation   string `json:"depart_station"`
	ArrivalStation  string `json:"arrival_station"`
	PlanDepartTime  string `json:"plan_depart_time"`
	DepartTime      string `json:"depart_time"`
	PlanArrivalTime string `json:"plan_arrival_time"`
	ArrivalTime     string `json:"arrival_time"`
}

type flightV4 struct {
	FlightNumber string `json:"flight_number"`
	flightLegV4
	Piece  string `json:"piece"`
	Weight string `json:"weight"`
	Status string `json:"status"`
}

type cargoEventV4 struct {
	cargoEvent
	Status string `json:"status"` // "done" once it happened, else "planned"
	Piece  string `json:"piece"`
	Weight string `json:"weight"`
}

type airlineV4 struct {
	Name          string `json:"name"` // the IATA designator: the mock knows no airline names
	URL           string `json:"url"`
	TrackURL      string `json:"track_url"`
	TrackpageURL2 string `json:"trackpage_url2"`
}

// awbStatus names status_number 1 to 5 [ours].
var awbStatus = []string{"booked", "received", "departed", "arrived", "delivered"}

// awbOf renders v2's simulated waybill (cargo) in v4's shape: one flight,
// departed at the third milestone and arrived at the fourth; last_event is
// "<event>,<station>,<date>" of the last milestone reached [ours].
func awbOf(info airWaybillInfo, designator string) awbV4 {
	weight, piece := strconv.FormatFloat(info.Weight, 'f', -1, 64), strconv.Itoa(info.Piece)
	dep, arr := info.TrackInfo[2], info.TrackInfo[3]
	leg := flightLegV4{
		DepartStation: dep.Station, ArrivalStation: arr.Station, PlanDepartTime: dep.PlanDate,
		DepartTime: dep.ActualDate, PlanArrivalTime: arr.PlanDate, ArrivalTime: arr.ActualDate,
	}
	flight := "planned"
	switch {
	case arr.ActualDate != "":
		flight = "arrived"
	case dep.ActualDate != "":
		flight = "departed"
	}
	last := info.TrackInfo[info.StatusNumber-1] // cargo books every waybill in the past: 1 at least
	w := awbV4{
		AwbNumber: info.TrackNumber, AwbStatus: awbStatus[info.StatusNumber-1], StatusNumber: strconv.Itoa(info.StatusNumber),
		Weight: weight, Piece: piece, Origin: info.Origin, Destination: info.Destination,
		FlightWayStation: []string{info.Origin, info.Destination},
		LastEvent:        last.Event + "," + last.Station + "," + last.ActualDate,
		FlightInfoNew:    []flightV4{{FlightNumber: dep.FlightNumber, flightLegV4: leg, Piece: piece, Weight: weight, Status: flight}},
		FlightInfo:       map[string]flightLegV4{dep.FlightNumber: leg},
		AirlineInfo:      airlineV4{Name: designator},
	}
	for _, e := range info.TrackInfo {
		status := "planned"
		if e.ActualDate != "" {
			status = "done"
		}
		w.TrackInfo = append(w.TrackInfo, cargoEventV4{cargoEvent: e, Status: status, Piece: piece, Weight: weight})
	}
	return w
}
