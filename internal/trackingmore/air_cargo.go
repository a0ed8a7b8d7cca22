package trackingmore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
)

// AirCargoRequest is the body of POST /trackings/aircargo.
type AirCargoRequest struct {
	Numbers []string
	Lang    string
}

// AirCargo is the result for one air waybill.
type AirCargo struct {
	TrackNumber  FlexString      `json:"track_number"`
	Weight       FlexString      `json:"weight"`
	Piece        FlexInt         `json:"piece"`
	Origin       FlexString      `json:"origin"`
	Destination  FlexString      `json:"destination"`
	StatusNumber FlexString      `json:"status_number"`
	TrackInfo    []AirCargoEvent `json:"track_info"`
}

// AirCargoEvent is one flight event of an air waybill.
type AirCargoEvent struct {
	PlanDate     FlexString `json:"plan_date"`
	ActualDate   FlexString `json:"actual_date"`
	Event        FlexString `json:"event"`
	Station      FlexString `json:"station"`
	FlightNumber FlexString `json:"flight_number"`
}

// AirCargo tracks air waybills (POST /trackings/aircargo; 20 units each).
// One number travels as a string, several as an array, as the API expects.
// v4 tracks one waybill a call (POST /awb), in no other language.
func (c *Client) AirCargo(ctx context.Context, req AirCargoRequest) ([]AirCargo, error) {
	if len(req.Numbers) == 0 {
		return nil, errors.New("trackingmore: at least one air waybill number is required")
	}
	pattern := AirWaybillPattern
	if c.v4() {
		pattern = AirWaybillPatternV4
	}
	for _, n := range req.Numbers {
		if !pattern.MatchString(n) {
			return nil, fmt.Errorf("trackingmore: invalid air waybill %q (want %s)", n, pattern)
		}
	}
	if err := validateLang(req.Lang); err != nil {
		return nil, err
	}
	if c.v4() {
		if err := c.lacking("AirCargoRequest", field{"Lang", req.Lang != ""}); err != nil {
			return nil, err
		}
		return c.airCargoV4(ctx, req.Numbers)
	}
	body := struct {
		TrackNumber any    `json:"track_number"`
		Lang        string `json:"lang,omitempty"`
	}{TrackNumber: req.Numbers, Lang: req.Lang}
	if len(req.Numbers) == 1 {
		body.TrackNumber = req.Numbers[0]
	}
	res, _, err := call[oneOrMany[AirCargo]](ctx, c, post(body, "trackings", "aircargo"))
	return res, err
}

// oneOrMany decodes either a single object or an array of them.
type oneOrMany[T any] []T

func (s *oneOrMany[T]) UnmarshalJSON(b []byte) error {
	var one T
	if err := json.Unmarshal(b, &one); err == nil {
		*s = oneOrMany[T]{one}
		return nil
	}
	return json.Unmarshal(b, (*[]T)(s))
}
