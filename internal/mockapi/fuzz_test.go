package mockapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzServeHTTP: no input panics, and every /v2 answer is an envelope.
func FuzzServeHTTP(f *testing.F) {
	f.Add("POST", "/v2/trackings/post", []byte(`{"tracking_number":"RR123456785CN","carrier_code":"china-post"}`), "k")
	f.Add("GET", "/v2/trackings/get?numbers=a,b&status=transit", []byte(`{"page":"x"}`), "k")
	f.Add("PUT", "/v2/trackings/ups/1Z999AA10123456784", []byte(`{"status":[4],"archived":{}}`), "k")
	f.Add("POST", "/v2/trackings/batch", []byte(`[{"tracking_number":null},{}]`), "")
	f.Fuzz(func(t *testing.T, method, path string, body []byte, apiKey string) {
		req, err := http.NewRequest(method, "http://mock"+path, bytes.NewReader(body))
		if err != nil {
			t.Skip() // not a request a client can send
		}
		req.Header.Set("Trackingmore-Api-Key", apiKey)
		rec := httptest.NewRecorder()
		New(Options{Limits: NoLimits}).ServeHTTP(rec, req)
		var env struct {
			Meta *meta           `json:"meta"`
			Data json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil {
			t.Fatalf("%s %s: invalid JSON %q", method, path, rec.Body.Bytes())
		}
		if strings.HasPrefix(req.URL.Path, "/__mock/") {
			return
		}
		if env.Meta == nil || env.Meta.Code == 0 || env.Meta.Type == "" || env.Data == nil {
			t.Fatalf("%s %s: not an envelope: %s", method, path, rec.Body.Bytes())
		}
	})
}
