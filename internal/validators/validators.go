// Package validators holds the plan-time string validators every resource,
// data source and the provider block share. A format is a
// pattern with a message naming the fix (Matches); a rule a pattern cannot
// say is a check: one function returning what is wrong with a value. Both
// report "Attribute <path> <problem>, got: <value>", the value quoted (%q)
// so that spaces and empty strings show.
package validators

import (
	"context"
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// check is a string validator built from one function that returns what is
// wrong with a value ("" when it is fine).
type check struct {
	description string
	problem     func(string) string
}

var _ validator.String = check{}

func (v check) Description(context.Context) string         { return v.description }
func (v check) MarkdownDescription(context.Context) string { return v.description }

func (v check) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	value := req.ConfigValue.ValueString()
	if problem := v.problem(value); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
			fmt.Sprintf("Attribute %s %s, got: %q", req.Path, problem, value))
	}
}

// MaxTextLength bounds the free-text fields (Text).
const MaxTextLength = 512

var (
	countryCodePattern       = regexp.MustCompile(`^[A-Z]{2}$`)
	countryCodeOrNamePattern = regexp.MustCompile(`^(?:[A-Z]{2}|[A-Z][A-Za-z .,'()-]{2,63})$`)
	shipDatePattern          = regexp.MustCompile(`^[0-9]{8}$`)
	postalCodePattern        = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z -]{0,15}$`)
	accountNumberPattern     = regexp.MustCompile(`^[0-9A-Za-z_-]{1,64}$`)
)

// What is wrong with a malformed tracking number or carrier code: the
// validators, the import ids, identities and provider functions say it alike.
const (
	TrackingNumberProblem = "must be at least 5 characters of letters, digits, '-' or '_' (no spaces or slashes)"
	CarrierCodeProblem    = "must be a TrackingMore carrier code: lowercase letters, digits, '-' or '_' (see the trackingmore_carriers data source)"
)

func TrackingNumber() validator.String {
	return Matches(trackingmore.TrackingNumberPattern, TrackingNumberProblem)
}

func CarrierCode() validator.String {
	return Matches(trackingmore.CarrierCodePattern, CarrierCodeProblem)
}

func LangCode() validator.String {
	return Matches(trackingmore.LangPattern, "must be a 2-letter lowercase language code such as \"en\" or \"cn\"")
}

func CountryCode() validator.String {
	return Matches(countryCodePattern, "must be a 2-letter uppercase ISO 3166-1 country code such as \"US\" or \"CN\"")
}

// CountryCodeOrName takes a 2-letter code or a capitalised English country
// name, as the remote-area check does.
func CountryCodeOrName() validator.String {
	return Matches(countryCodeOrNamePattern,
		"must be a 2-letter uppercase country code such as \"US\" or a capitalised English country name")
}

func AirWaybill() validator.String {
	return Matches(trackingmore.AirWaybillPattern,
		"must be an air waybill number: a 3-digit airline prefix, then 7 or 8 digits (e.g. \"160-12345675\")")
}

func PostalCode() validator.String {
	return Matches(postalCodePattern, "must be a postal code of letters, digits, spaces or '-' (at most 16)")
}

func AccountNumber() validator.String {
	return Matches(accountNumberPattern, "must be 1 to 64 letters, digits, '-' or '_'")
}

// Matches is a format: a value pattern does not match has problem. Unlike
// stringvalidator.RegexMatches, the message quotes the value, so that a
// trailing space or an empty string is visible in it.
func Matches(pattern *regexp.Regexp, problem string) validator.String {
	return check{description: problem, problem: func(s string) string {
		if !pattern.MatchString(s) {
			return problem
		}
		return ""
	}}
}

// Text guards the free-text fields: non-blank, bounded, and free of control
// characters that the API would store verbatim and echo into every plan.
func Text() validator.String {
	return check{
		description: fmt.Sprintf("must be non-blank text of at most %d characters without control characters", MaxTextLength),
		problem: func(s string) string {
			switch {
			case strings.TrimSpace(s) == "":
				return "must not be empty or blank (omit the argument instead)"
			case s != strings.TrimSpace(s):
				return "must not start or end with whitespace"
			case len([]rune(s)) > MaxTextLength:
				return fmt.Sprintf("must be at most %d characters", MaxTextLength)
			case strings.IndexFunc(s, unicode.IsControl) >= 0:
				return "must not contain control characters"
			}
			return ""
		},
	}
}

func Email() validator.String {
	return check{description: "must be a single email address such as \"jane@example.com\"", problem: func(s string) string {
		addr, err := mail.ParseAddress(s)
		if err != nil || addr.Address != s || len(s) > 254 {
			return "must be a single email address such as \"jane@example.com\""
		}
		return ""
	}}
}

func NotBlank() validator.String {
	return check{description: "must not be empty", problem: func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "must not be empty"
		}
		return ""
	}}
}

func HTTPURL() validator.String {
	return check{description: "must be an absolute http(s) URL", problem: HTTPURLProblem}
}

// HTTPURLProblem returns "" for an absolute http(s) URL, or what is wrong with it.
func HTTPURLProblem(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "is not a valid URL: " + err.Error()
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "must be an absolute http:// or https:// URL, such as " + trackingmore.DefaultBaseURL
	}
	return ""
}

func PositiveDuration() validator.String {
	return check{description: "must be a positive Go duration such as \"30s\"", problem: func(s string) string {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return "must be a positive duration such as \"30s\" or \"2m\""
		}
		return ""
	}}
}

func RFC3339() validator.String {
	return check{description: "must be an RFC 3339 timestamp", problem: func(s string) string {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			return "must be an RFC 3339 timestamp such as \"2026-01-31T15:04:05Z\""
		}
		return ""
	}}
}

func ShipDate() validator.String {
	return check{description: "must be a date as YYYYMMDD", problem: func(s string) string {
		if !shipDatePattern.MatchString(s) {
			return "must be a date as YYYYMMDD, such as \"20260131\""
		}
		if _, err := time.Parse("20060102", s); err != nil {
			return "must be a real calendar date as YYYYMMDD"
		}
		return ""
	}}
}
