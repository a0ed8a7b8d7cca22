package trackingmore

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// APIError is an answer whose meta code is not a success (200/201), or an
// answer that is not the API's envelope at all (Code 0, HTTPStatus set).
type APIError struct {
	HTTPStatus int
	Code       int // meta.code; 0 when the answer had no envelope
	Type       string
	Message    string
	Method     string
	Path       string // escaped path below the base URL; never holds the key
	// Retried: an earlier attempt of this same call may have reached the
	// server (it was retried after a dropped connection, a timeout or a 5xx),
	// so a "tracking already exists" or "does not exist" may be that attempt's
	// own doing.
	Retried bool
}

func (e *APIError) Error() string {
	msg := strings.TrimSuffix(strings.TrimSpace(e.Message), ".")
	if msg == "" {
		msg = e.Type
	}
	if e.Code == 0 {
		return fmt.Sprintf("TrackingMore API: %s (%s %s)", msg, e.Method, e.Path)
	}
	return fmt.Sprintf("TrackingMore API: %s (code %d, %s %s)", msg, e.Code, e.Method, e.Path)
}

func isAPIError(err error) bool {
	var e *APIError
	return errors.As(err, &e)
}

func wasRetried(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.Retried
}

// hasCode reports whether err is an APIError with one of codes as meta code,
// or, when httpStatus is true, as HTTP status.
func hasCode(err error, httpStatus bool, codes ...int) bool {
	var e *APIError
	if !errors.As(err, &e) {
		return false
	}
	return slices.Contains(codes, e.Code) || (httpStatus && slices.Contains(codes, e.HTTPStatus))
}

// IsNotFound: the tracking does not exist (4017 on PUT/DELETE, 4031 on GET, meta 404).
// An HTTP 404 without the API's envelope (a wrong base URL) does not count.
func IsNotFound(err error) bool { return hasCode(err, false, 4017, 4031, 404) }

// IsAlreadyExists: the tracking was already created (4016).
func IsAlreadyExists(err error) bool { return hasCode(err, false, 4016) }

// IsQuotaExhausted: the account's quota is used up or its trial ended (4021).
func IsQuotaExhausted(err error) bool { return hasCode(err, false, 4021) }

// IsRateLimited: the API asked to slow down (meta or HTTP 429).
func IsRateLimited(err error) bool { return hasCode(err, true, 429) }

// IsUnauthorized: the key is missing, invalid or deleted (401, 4001, 4002).
func IsUnauthorized(err error) bool { return hasCode(err, true, 401, 4001, 4002) }

// IsInvalidCarrier: the API knows no such carrier code (4015, for carrier_code
// or a carrier change's update_carrier_code).
func IsInvalidCarrier(err error) bool { return hasCode(err, false, 4015) }

// IsUndetectable: carrier detection found no courier (4032).
func IsUndetectable(err error) bool { return hasCode(err, false, 4032) }
