package trackingmore

import (
	"context"
	"net/http"
)

// ListCarriers lists the supported carriers (GET /carriers; v4: GET
// /couriers/all), names in lang when given (sent as the "Lang" header; v4
// takes no language).
func (c *Client) ListCarriers(ctx context.Context, lang string) ([]Carrier, error) {
	if err := validateLang(lang); err != nil {
		return nil, err
	}
	if c.v4() {
		if err := c.lacking("ListCarriers", field{"lang", lang != ""}); err != nil {
			return nil, err
		}
		return c.listCarriersV4(ctx)
	}
	r := get("carriers")
	if lang != "" {
		r.header = http.Header{"Lang": {lang}}
	}
	res, _, err := call[[]Carrier](ctx, c, r)
	return res, err
}

// DetectCarrier guesses the carriers of a tracking number (POST /carriers/detect;
// billed one unit per 5 calls; v4: POST /couriers/detect, free). No match
// is an APIError with code 4032, v4 4121 (IsUndetectable).
func (c *Client) DetectCarrier(ctx context.Context, trackingNumber string) ([]DetectedCarrier, error) {
	body := struct {
		TrackingNumber string `json:"tracking_number"`
	}{trackingNumber}
	if c.v4() {
		return c.detectCarrierV4(ctx, body)
	}
	res, _, err := call[[]DetectedCarrier](ctx, c, post(body, "carriers", "detect"))
	return res, err
}
