package trackingmore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
)

// GetUserInfo reads the account (GET /trackings/getuserinfo); TrackNumber is
// the remaining quota.
func (c *Client) GetUserInfo(ctx context.Context) (*UserInfo, error) {
	info, _, err := call[UserInfo](ctx, c, get("trackings", "getuserinfo"))
	if err != nil {
		return nil, err
	}
	return &info, nil
}

// GetStatusCounts counts trackings by status (GET /trackings/getstatusnumber).
// Total is the sum of the counts when the API leaves it out.
func (c *Client) GetStatusCounts(ctx context.Context, opts StatusCountOptions) (*StatusCounts, error) {
	q := url.Values{}
	setTime(q, "created_at_min", opts.CreatedAtMin)
	setTime(q, "created_at_max", opts.CreatedAtMax)
	setTime(q, "order_created_time_min", opts.OrderCreatedTimeMin)
	setTime(q, "order_created_time_max", opts.OrderCreatedTimeMax)
	r := get("trackings", "getstatusnumber")
	r.query = q
	sc, _, err := call[StatusCounts](ctx, c, r)
	if err != nil {
		return nil, err
	}
	if sc.Total == 0 {
		sc.Total = sc.Pending + sc.NotFound + sc.Transit + sc.Pickup + sc.Delivered + sc.Undelivered + sc.Exception + sc.Expired
	}
	return &sc, nil
}

// CheckRemoteAreas asks whether postcodes are remote areas (POST /trackings/remote;
// billed one unit per 5 calls).
func (c *Client) CheckRemoteAreas(ctx context.Context, queries []RemoteAreaQuery) ([]RemoteAreaResult, error) {
	res, _, err := call[[]RemoteAreaResult](ctx, c, post(queries, "trackings", "remote"))
	return res, err
}

// TransitTimes reads carriers' delivery-time statistics (POST /trackings/costtime).
func (c *Client) TransitTimes(ctx context.Context, routes []TransitRoute) ([]TransitTime, error) {
	res, _, err := call[[]TransitTime](ctx, c, post(routes, "trackings", "costtime"))
	return res, err
}

// AirCargo tracks air waybills (POST /trackings/aircargo; 20 units each).
// One number travels as a string, several as an array, as the API expects.
func (c *Client) AirCargo(ctx context.Context, req AirCargoRequest) ([]AirCargo, error) {
	if len(req.Numbers) == 0 {
		return nil, errors.New("trackingmore: at least one air waybill number is required")
	}
	for _, n := range req.Numbers {
		if !AirWaybillPattern.MatchString(n) {
			return nil, fmt.Errorf("trackingmore: invalid air waybill %q (want %s)", n, AirWaybillPattern)
		}
	}
	if err := validateLang(req.Lang); err != nil {
		return nil, err
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

// SharePercent reads one range of t (t.Range1 … t.Range6) as a percentage of
// its delivered parcels. The API's unit is not documented: a value written
// with "%" is a percentage; a bare number is a count of delivered parcels (as
// the contract and the mock answer), divided by Delivered and rounded to two
// decimals. ok is false for anything unreadable, or a count without deliveries.
func (t TransitTime) SharePercent(r FlexString) (percent float64, ok bool) {
	s := strings.TrimSpace(string(r))
	isPercent := strings.HasSuffix(s, "%")
	f, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
	switch {
	case err != nil:
		return 0, false
	case isPercent:
		return f, true
	case t.Delivered <= 0:
		return 0, false
	}
	return math.Round(f/float64(t.Delivered)*10000) / 100, true
}
