package trackingmore

import (
	"context"
	"net/http"
)

// ListCarriers lists the supported carriers (GET /carriers), names in lang
// when given (sent as the "Lang" header).
func (c *Client) ListCarriers(ctx context.Context, lang string) ([]Carrier, error) {
	if err := validateLang(lang); err != nil {
		return nil, err
	}
	r := get("carriers")
	if lang != "" {
		r.header = http.Header{"Lang": {lang}}
	}
	res, _, err := call[[]Carrier](ctx, c, r)
	return res, err
}

// DetectCarrier guesses the carriers of a tracking number (POST /carriers/detect;
// billed one unit per 5 calls). No match is an APIError with code 4032
// (IsUndetectable).
func (c *Client) DetectCarrier(ctx context.Context, trackingNumber string) ([]DetectedCarrier, error) {
	body := struct {
		TrackingNumber string `json:"tracking_number"`
	}{trackingNumber}
	res, _, err := call[[]DetectedCarrier](ctx, c, post(body, "carriers", "detect"))
	return res, err
}
