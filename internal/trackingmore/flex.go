package trackingmore

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
)

// The Flex types absorb the forms real answers disagree on. Scalars decode
// leniently (an odd string becomes the zero value, so one strange field cannot
// fail a whole answer); objects and arrays where a scalar belongs are errors,
// except FlexString, which joins arrays.

// FlexString is text that may arrive as a string, number, bool, null or array.
type FlexString string

// EmailList is customer_email, which the API stores as a string or an array
// of strings: it decodes a string (split at commas, as the API joins
// several), an array (each element split alike) or null; it encodes one
// address as a string, several as an array, and none as "" (which clears
// the field on PUT).
type EmailList []string

// FlexInt is an integer that may arrive as a number, a numeric string, "" or null.
type FlexInt int64

// FlexBool is a flag that may arrive as a bool, "true"/"false", "1"/"0", 0/1 or null.
type FlexBool bool

var errNotScalar = errors.New("trackingmore: JSON object or array where a scalar was expected")

// UnmarshalJSON accepts a string; a number (its text); a bool; null (""); or
// an array, whose non-empty elements are joined with "," (customer_email).
func (s *FlexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		*s = ""
		return nil
	}
	switch b[0] {
	case 'n':
		*s = ""
	case '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = FlexString(v)
	case '[':
		var parts []FlexString
		if err := json.Unmarshal(b, &parts); err != nil {
			return err
		}
		kept := make([]string, 0, len(parts))
		for _, p := range parts {
			if p != "" {
				kept = append(kept, string(p))
			}
		}
		*s = FlexString(strings.Join(kept, ","))
	case '{':
		return errNotScalar
	default: // number, true, false: the literal text
		*s = FlexString(b)
	}
	return nil
}

// String returns the text.
func (s FlexString) String() string { return string(s) }

// UnmarshalJSON accepts a string, an array of strings (or other scalars) or null.
func (l *EmailList) UnmarshalJSON(b []byte) error {
	var joined FlexString
	if err := joined.UnmarshalJSON(b); err != nil {
		return err
	}
	var out EmailList
	for _, part := range strings.Split(string(joined), ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	*l = out
	return nil
}

// MarshalJSON writes "" for no address, a string for one, an array for several.
func (l EmailList) MarshalJSON() ([]byte, error) {
	switch len(l) {
	case 0:
		return []byte(`""`), nil
	case 1:
		return json.Marshal(l[0])
	}
	return json.Marshal([]string(l))
}

// UnmarshalJSON accepts a number, a numeric string, a bool, "" or null.
func (n *FlexInt) UnmarshalJSON(b []byte) error {
	text, err := scalarText(b)
	if err != nil {
		return err
	}
	switch text {
	case "true":
		*n = 1
	case "false":
		*n = 0
	default:
		*n = FlexInt(parseInt(text))
	}
	return nil
}

// String returns the decimal text.
func (n FlexInt) String() string { return strconv.FormatInt(int64(n), 10) }

// UnmarshalJSON accepts a bool, "true"/"false"/"1"/"0" (any strconv.ParseBool
// form), a number (non-zero is true), "" or null.
func (f *FlexBool) UnmarshalJSON(b []byte) error {
	text, err := scalarText(b)
	if err != nil {
		return err
	}
	if v, err := strconv.ParseBool(text); err == nil {
		*f = FlexBool(v)
		return nil
	}
	*f = parseInt(text) != 0
	return nil
}

// String returns "true" or "false".
func (f FlexBool) String() string { return strconv.FormatBool(bool(f)) }

// MarshalJSON writes "true" or "false" as a JSON string.
func (b StringBool) MarshalJSON() ([]byte, error) {
	return []byte(strconv.Quote(strconv.FormatBool(bool(b)))), nil
}

// scalarText returns a JSON scalar as trimmed text: strings unquoted, null as "".
func scalarText(b []byte) (string, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return "", nil
	}
	switch b[0] {
	case '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return "", err
		}
		return strings.TrimSpace(v), nil
	case '[', '{':
		return "", errNotScalar
	}
	return string(b), nil
}

// parseInt reads an integer or a float (truncated, clamped to int64); anything
// else, out-of-range floats included, is 0.
func parseInt(s string) int64 {
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return i
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil, math.IsNaN(f):
		return 0
	case f >= math.MaxInt64:
		return math.MaxInt64
	case f <= math.MinInt64:
		return math.MinInt64
	}
	return int64(f)
}

// isEmptyArray reports whether b is `[]`, which the API sends as data on
// errors and sometimes where an object is expected.
func isEmptyArray(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) < 2 || b[0] != '[' || b[len(b)-1] != ']' {
		return false
	}
	return len(bytes.TrimSpace(b[1:len(b)-1])) == 0
}
