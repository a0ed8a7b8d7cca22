package trackingmore

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func seedFixtures(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{`{"meta":{"code":200},"data":[]}`, `{"meta":{"code":"4031"}}`, `[]`, `null`, `{"meta":{"code":1e400}}`, `<html>`} {
		f.Add([]byte(s))
	}
}

// FuzzDecodeEnvelope: no answer may make a decoder panic.
func FuzzDecodeEnvelope(f *testing.F) {
	seedFixtures(f)
	c, err := New(Config{APIKey: testKey})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, out := range []any{
			&Tracking{}, &TrackingPage{}, &batchCreateData{}, &batchUpdateData{}, &batchDeleteData{}, &stopUpdatingData{},
			&StatusCounts{}, &UserInfo{}, &oneOrMany[AirCargo]{}, &[]Carrier{}, &[]TransitTime{}, nil,
		} {
			_ = c.decode("GET", "/x", 200, body, false, out)
		}
		_ = peekMetaCode(body)
	})
}

// FuzzFlexTypes: any JSON value decodes into the Flex types without panicking.
func FuzzFlexTypes(f *testing.F) {
	seedFixtures(f)
	for _, s := range []string{`"3"`, `3.5`, `["a",["b"]]`, `true`, `"1"`, `-9e18`, `"NaN"`, `"Inf"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var s FlexString
		var n FlexInt
		var fb FlexBool
		_ = json.Unmarshal(b, &s)
		_ = json.Unmarshal(b, &n)
		_ = json.Unmarshal(b, &fb)
		_ = s.UnmarshalJSON(b)
		_ = n.UnmarshalJSON(b)
		_ = fb.UnmarshalJSON(b)
		_ = s.String() + n.String() + fb.String()
	})
}
