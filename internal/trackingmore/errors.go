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
	// APIVersion is the version that answered, APIVersionV2 ("" too) or
	// APIVersionV4: the versions number their codes differently.
	APIVersion string
}

func (e *APIError) Error() string {
	msg := strings.TrimSuffix(strings.TrimSpace(e.Message), ".")
	if msg == "" {
		msg = e.Type
	}
	switch {
	case e.Code == 0:
		return fmt.Sprintf("TrackingMore API: %s (%s %s)", msg, e.Method, e.Path)
	case e.Method == "": // an item of a batch answer (BatchItemError.Err)
		return fmt.Sprintf("TrackingMore API: %s (code %d)", msg, e.Code)
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

// hasKind is hasCode with the codes of err's API version: v2's or v4's.
func hasKind(err error, httpStatus bool, v2, v4 []int) bool {
	var e *APIError
	if !errors.As(err, &e) {
		return false
	}
	if e.APIVersion == APIVersionV4 {
		return hasCode(err, httpStatus, v4...)
	}
	return hasCode(err, httpStatus, v2...)
}

// IsNotFound: the tracking does not exist (v2: 4017 on PUT/DELETE, 4031 on
// GET, meta 404; v4: 4102). An HTTP 404 without the API's envelope (a wrong
// base URL) does not count, nor does v4's meta 404, which names a wrong path.
func IsNotFound(err error) bool { return hasKind(err, false, []int{4017, 4031, 404}, []int{4102}) }

// IsAlreadyExists: the tracking was already created (v2 4016, v4 4101).
func IsAlreadyExists(err error) bool { return hasKind(err, false, []int{4016}, []int{4101}) }

// IsQuotaExhausted: the account's quota is used up or its trial ended (v2
// 4021, v4 4190).
func IsQuotaExhausted(err error) bool { return hasKind(err, false, []int{4021}, []int{4190}) }

// IsRateLimited: the API asked to slow down (meta or HTTP 429).
func IsRateLimited(err error) bool { return hasCode(err, true, 429) }

// IsUnauthorized: the key is missing, invalid or deleted (v2 401, 4001,
// 4002), or lacks the permission (v4 401, 403), as meta code or HTTP status.
func IsUnauthorized(err error) bool {
	return hasKind(err, true, []int{401, 4001, 4002}, []int{401, 403})
}

// IsInvalidCarrier: the API knows no such carrier code (v2 4015, for
// carrier_code or a carrier change's update_carrier_code; v4 4120, also for
// courier_code_new, and 4121, no courier could be determined).
func IsInvalidCarrier(err error) bool { return hasKind(err, false, []int{4015}, []int{4120, 4121}) }

// IsUndetectable: carrier detection found no courier (v2 4032, v4 4121).
func IsUndetectable(err error) bool { return hasKind(err, false, []int{4032}, []int{4121}) }
