package provider

import (
	"context"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// stringCheck is a plan-time string validator built from one function that
// returns what is wrong with a value ("" when it is fine). Every validator of
// this provider is one of these, so their messages share one shape:
// "Attribute <path> <problem>, got: <value>".
type stringCheck struct {
	description string
	problem     func(string) string
}

var _ validator.String = stringCheck{}

func (v stringCheck) Description(context.Context) string         { return v.description }
func (v stringCheck) MarkdownDescription(context.Context) string { return v.description }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	value := req.ConfigValue.ValueString()
	if problem := v.problem(value); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
			fmt.Sprintf("Attribute %s %s, got: %q", req.Path, problem, value))
	}
}

func matching(re *regexp.Regexp, problem string) stringCheck {
	return stringCheck{description: problem, problem: func(s string) string {
		if re.MatchString(s) {
			return ""
		}
		return problem
	}}
}

const maxTextLength = 512

var (
	countryCodePattern   = regexp.MustCompile(`^[A-Z]{2}$`)
	shipDatePattern      = regexp.MustCompile(`^[0-9]{8}$`)
	postalCodePattern    = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z -]{0,15}$`)
	accountNumberPattern = regexp.MustCompile(`^[0-9A-Za-z_-]{1,64}$`)
)

// What is wrong with a malformed tracking number or carrier code: the
// resources' validators and the provider functions say it the same way.
const (
	trackingNumberProblem = "must be at least 5 characters of letters, digits, '-' or '_' (no spaces or slashes)"
	carrierCodeProblem    = "must be a TrackingMore carrier code: lowercase letters, digits, '-' or '_' (see the trackingmore_carriers data source)"
)

func trackingNumber() validator.String {
	return matching(trackingmore.TrackingNumberPattern, trackingNumberProblem)
}

func carrierCode() validator.String {
	return matching(trackingmore.CarrierCodePattern, carrierCodeProblem)
}

func langCode() validator.String {
	return matching(trackingmore.LangPattern, "must be a 2-letter lowercase language code such as \"en\" or \"cn\"")
}

func countryCode() validator.String {
	return matching(countryCodePattern, "must be a 2-letter uppercase ISO 3166-1 country code such as \"US\" or \"CN\"")
}

func airWaybill() validator.String {
	return matching(trackingmore.AirWaybillPattern,
		"must be an air waybill number: a 3-digit airline prefix, then 7 or 8 digits (e.g. \"160-12345675\")")
}

func postalCode() validator.String {
	return matching(postalCodePattern, "must be a postal code of letters, digits, spaces or '-' (at most 16)")
}

func accountNumber() validator.String {
	return matching(accountNumberPattern, "must be 1 to 64 letters, digits, '-' or '_'")
}

// text guards the free-text fields: non-blank, bounded, and free of control
// characters that the API would store verbatim and echo into every plan.
func text() validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be non-blank text of at most %d characters without control characters", maxTextLength),
		problem: func(s string) string {
			switch {
			case strings.TrimSpace(s) == "":
				return "must not be empty or blank (omit the argument instead)"
			case s != strings.TrimSpace(s):
				return "must not start or end with whitespace"
			case len([]rune(s)) > maxTextLength:
				return fmt.Sprintf("must be at most %d characters", maxTextLength)
			case strings.IndexFunc(s, unicode.IsControl) >= 0:
				return "must not contain control characters"
			}
			return ""
		},
	}
}

func email() validator.String {
	return stringCheck{description: "must be a single email address such as \"jane@example.com\"", problem: func(s string) string {
		addr, err := mail.ParseAddress(s)
		if err != nil || addr.Address != s || len(s) > 254 {
			return "must be a single email address such as \"jane@example.com\""
		}
		return ""
	}}
}

func notBlank() validator.String {
	return stringCheck{description: "must not be empty", problem: func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "must not be empty"
		}
		return ""
	}}
}

func httpURL() validator.String {
	return stringCheck{description: "must be an absolute http(s) URL", problem: validateHTTPURL}
}

func positiveDuration() validator.String {
	return stringCheck{description: "must be a positive Go duration such as \"30s\"", problem: func(s string) string {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return "must be a positive duration such as \"30s\" or \"2m\""
		}
		return ""
	}}
}

func rfc3339() validator.String {
	return stringCheck{description: "must be an RFC 3339 timestamp", problem: func(s string) string {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			return "must be an RFC 3339 timestamp such as \"2026-01-31T15:04:05Z\""
		}
		return ""
	}}
}

func shipDate() validator.String {
	return stringCheck{description: "must be a date as YYYYMMDD", problem: func(s string) string {
		if !shipDatePattern.MatchString(s) {
			return "must be a date as YYYYMMDD, such as \"20260131\""
		}
		if _, err := time.Parse("20060102", s); err != nil {
			return "must be a real calendar date as YYYYMMDD"
		}
		return ""
	}}
}
