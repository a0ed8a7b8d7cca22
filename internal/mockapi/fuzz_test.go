package mockapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	pathpkg "path"
	"strings"
	"testing"
)

// FuzzServeHTTP: no input panics, and every API answer is its version's
// envelope.
func FuzzServeHTTP(f *testing.F) {
	f.Add("POST", "/v2/trackings/post", []byte(`{"tracking_number":"RR123456785CN","carrier_code":"china-post"}`), "k")
	f.Add("GET", "/v2/trackings/get?numbers=a,b&status=transit", []byte(`{"page":"x"}`), "k")
	f.Add("PUT", "/v2/trackings/ups/1Z999AA10123456784", []byte(`{"status":[4],"archived":{}}`), "k")
	f.Add("POST", "/v2/trackings/batch", []byte(`[{"tracking_number":null},{}]`), "")
	f.Add("PUT", "/v4/trackings/update/0123456789abcdef0123456789abcdef", []byte(`{"courier_code_new":7,"archived_status":[]}`), "k")
	f.Add("GET", "/v4/trackings/get?created_date_min=2024-03-01T08:00:00+00:00&items_amount=-1", []byte{}, "k")
	f.Add("POST", "/v4/trackings/batch", []byte(`[{"tracking_number":"1234567890","courier_code":"dhl","order_date":"x"}]`), "k")
	f.Fuzz(func(t *testing.T, method, path string, body []byte, apiKey string) {
		req, err := http.NewRequest(method, "http://mock"+path, bytes.NewReader(body))
		if err != nil {
			t.Skip() // not a request a client can send
		}
		req.Header.Set("Trackingmore-Api-Key", apiKey)
		req.Header.Set("Tracking-Api-Key", apiKey)
		rec := httptest.NewRecorder()
		New(Options{Limits: NoLimits}).ServeHTTP(rec, req)
		var env struct {
			Meta *meta           `json:"meta"`
			Data json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil {
			t.Fatalf("%s %s: invalid JSON %q", method, path, rec.Body.Bytes())
		}
		switch p := pathpkg.Clean("/" + req.URL.Path); {
		case strings.HasPrefix(p, "/__mock/"):
		case p == "/v4" || strings.HasPrefix(p, "/v4/"):
			if env.Meta == nil || env.Meta.Code == 0 || env.Meta.Message == "" || env.Data == nil || (env.Meta.Code != 200) != (string(env.Data) == "null") {
				t.Fatalf("%s %s: not a v4 envelope: %s", method, path, rec.Body.Bytes())
			}
		case env.Meta == nil || env.Meta.Code == 0 || env.Meta.Type == "" || env.Data == nil:
			t.Fatalf("%s %s: not an envelope: %s", method, path, rec.Body.Bytes())
		}
	})
}
