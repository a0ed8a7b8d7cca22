package carriercheck

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/trackform/terraform-provider-trackingmore/internal/mockapi"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

func newClient(t *testing.T, baseURL string) *trackingmore.Client {
	t.Helper()
	client, err := trackingmore.New(trackingmore.Config{APIKey: "tm-test-key-0123456789", BaseURL: baseURL, MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// mockClient is a client of a fresh mock, which serves the real catalogue.
func mockClient(t *testing.T) (*trackingmore.Client, *mockapi.Server) {
	t.Helper()
	srv := mockapi.New(mockapi.Options{Limits: mockapi.NoLimits})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return newClient(t, ts.URL+"/v2"), srv
}

func TestSuggest(t *testing.T) {
	client, _ := mockClient(t)
	catalogue, err := NewSource(client).Get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{
		"upss":          "ups",           // one letter too many
		"usp":           "usps",          // one too few
		"deutschepost":  "deutsche-post", // separators dropped
		"Deutsche_Post": "deutsche-post", // case and '_'
		"postnl":        "postnl-3s",     // a prefix
		"evri":          "hermes-uk",     // the carrier's name
	} {
		got := catalogue.Suggest(code)
		if !slices.Contains(got, want) || len(got) > maxSuggestions {
			t.Errorf("Suggest(%q) = %q, want at most %d including %q", code, got, maxSuggestions, want)
		}
	}
	// A code that starts a carrier's code or name, or one of its words, ranks
	// that carrier first; the more of its names it starts, the earlier.
	for code, want := range map[string]string{
		"postnl":        "postnl-parcels", // "PostNL International", not "Netherland Post - PostNL" (postnl-3s)
		"PostNL":        "postnl-parcels",
		"DHL":           "dhl",           // the whole code, before dhl-es …
		"royal mail":    "royal-mail",    // words of "UK Royal Mail"
		"posti":         "finland-posti", // a later word: "Finland Post - Posti"
		"evri":          "hermes-uk",     // "Evri(Hermes UK)"
		"austrian post": "austria-post",  // the name, a letter away from the code
		"upss":          "ups",
		"usp":           "usps",
	} {
		if got := catalogue.Suggest(code); len(got) == 0 || got[0] != want {
			t.Errorf("Suggest(%q) = %q, want %q first", code, got, want)
		}
	}
	if got := catalogue.Suggest("zzzzzzzzzz"); len(got) != 0 {
		t.Errorf("Suggest of nothing alike = %q, want none", got)
	}
	if !catalogue.Has("ups") || catalogue.Has("upss") {
		t.Error("Has: want ups known and upss unknown")
	}
}

// TestSuggestIsDeterministic: the catalogue's order does not change the
// suggestions.
func TestSuggestIsDeterministic(t *testing.T) {
	client, _ := mockClient(t)
	carriers, err := client.ListCarriers(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	forward := NewCatalogue(carriers)
	slices.Reverse(carriers)
	backward := NewCatalogue(carriers)
	for _, code := range []string{"postnl", "royal", "dhl", "post", "ems", "dhl parcel", "upss", "hermes"} {
		if a, b := forward.Suggest(code), backward.Suggest(code); !slices.Equal(a, b) {
			t.Errorf("Suggest(%q) = %q in one order, %q in the other", code, a, b)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"ups", "ups", 0}, {"upss", "ups", 1}, {"upss", "usps", 1}, {"abc", "", 3}, {"kitten", "sitting", 3}} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestGetFetchesOnce(t *testing.T) {
	client, srv := mockClient(t)
	source := NewSource(client)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := source.Get(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := srv.Stats().Total; got != 1 {
		t.Errorf("8 concurrent Gets made %d API calls, want 1", got)
	}
}

func TestGetKeepsFailure(t *testing.T) {
	calls := 0
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls++
		http.Error(w, "down", http.StatusBadGateway)
	}))
	t.Cleanup(ts.Close)
	source := NewSource(newClient(t, ts.URL+"/v2"))
	for range 3 {
		if _, err := source.Get(context.Background()); err == nil {
			t.Fatal("Get of an unreachable API succeeded")
		}
	}
	if calls != 1 {
		t.Errorf("3 Gets of a failing API made %d calls, want 1", calls)
	}
}

func TestGetRetriesAfterCancelledContext(t *testing.T) {
	client, srv := mockClient(t)
	source := NewSource(client)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := source.Get(ctx); err == nil {
		t.Fatal("Get with a cancelled context succeeded")
	}
	if _, err := source.Get(context.Background()); err != nil {
		t.Fatalf("Get after a cancelled one: %v", err)
	}
	if srv.Stats().Total != 1 {
		t.Errorf("want one call to reach the mock, got %d", srv.Stats().Total)
	}
}

func TestValidate(t *testing.T) {
	client, _ := mockClient(t)
	source := NewSource(client)
	attr := path.Root("trackings").AtMapKey("web-1").AtName("carrier_code")

	var diags diag.Diagnostics
	Validate(context.Background(), source, attr, "ups", &diags)
	Validate(context.Background(), source, attr, "", &diags)
	Validate(context.Background(), nil, attr, "upss", &diags)
	if len(diags) != 0 {
		t.Fatalf("known, empty, or unconfigured: want no diagnostics, got %v", diags)
	}

	Validate(context.Background(), source, attr, "upss", &diags)
	if !diags.HasError() || len(diags) != 1 {
		t.Fatalf("want one error, got %v", diags)
	}
	detail := diags[0].Detail()
	for _, want := range []string{`trackings["web-1"].carrier_code`, `"upss" is not a TrackingMore carrier code`, `Did you mean "ups"`, "trackingmore_carriers", "trackingmore_carrier_detection"} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail %q lacks %q", detail, want)
		}
	}
	if d, ok := diags[0].(diag.DiagnosticWithPath); !ok || !d.Path().Equal(attr) {
		t.Errorf("error not on the attribute's path: %v", diags[0])
	}
}

func TestValidateWarnsWhenUnreachable(t *testing.T) {
	ts := httptest.NewServer(http.NotFoundHandler())
	ts.Close() // nothing listens there any more
	var diags diag.Diagnostics
	Validate(context.Background(), NewSource(newClient(t, ts.URL+"/v2")), path.Root("carrier_code"), "upss", &diags)
	if diags.HasError() || len(diags) != 1 || diags[0].Summary() != "Carrier code not checked" {
		t.Fatalf("want one warning, got %v", diags)
	}
	if !strings.Contains(diags[0].Detail(), `carrier_code = "upss"`) {
		t.Errorf("warning does not name the attribute and value: %s", diags[0].Detail())
	}
}

func TestProblemWithoutCatalogue(t *testing.T) {
	got := Problem("carrier_code", "upss", nil)
	if strings.Contains(got, "Did you mean") || !strings.Contains(got, LookupHint) {
		t.Errorf("Problem without a catalogue = %q", got)
	}
}

// TestValidateFailsOnMisconfiguration: a key the API rejects or a base URL
// that is not the API fails the plan naming the provider argument; an API
// that cannot be reached or keeps failing only warns.
func TestValidateFailsOnMisconfiguration(t *testing.T) {
	serve := func(status int, body string) string {
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(status)
			_, _ = w.Write([]byte(body))
		}))
		t.Cleanup(ts.Close)
		return ts.URL + "/v2"
	}
	mockAt := func(opts mockapi.Options, suffix string) string {
		opts.Limits = mockapi.NoLimits
		ts := httptest.NewServer(mockapi.New(opts))
		t.Cleanup(ts.Close)
		return ts.URL + suffix
	}
	envelope := func(code int) string {
		return fmt.Sprintf(`{"meta":{"code":%d,"type":"x","message":"x"},"data":[]}`, code)
	}
	for _, c := range []struct {
		name, baseURL, summary string
		want                   []string
		version                string // "" is v2
	}{
		{"key unknown to the mock", mockAt(mockapi.Options{APIKeys: []string{"other"}}, "/v2"), "Invalid provider argument api_key",
			[]string{"rejected the provider's api_key", "code 4001", "TRACKINGMORE_API_KEY"}, ""},
		{"key deleted", serve(http.StatusOK, envelope(4002)), "Invalid provider argument api_key", []string{"code 4002"}, ""},
		{"HTTP 401 without envelope", serve(http.StatusUnauthorized, "no"), "Invalid provider argument api_key", []string{"api_key"}, ""},
		{"mock without /v2", mockAt(mockapi.Options{}, ""), "Invalid provider argument base_url",
			[]string{"base_url answers 404 to GET /carriers", "under /v2, as in https://api.trackingmore.com/v2", "TRACKINGMORE_BASE_URL"}, ""},
		{"v4 without /v4", mockAt(mockapi.Options{}, ""), "Invalid provider argument base_url",
			[]string{"base_url answers 404 to GET /couriers/all", "not TrackingMore's v4 API", "under /v4, as in https://api.trackingmore.com/v4", "api_version"}, "v4"},
		{"a web page", serve(http.StatusOK, "<html>hello</html>"), "Invalid provider argument base_url",
			[]string{"does not answer as TrackingMore's API", "HTTP 200", "/v2"}, ""},
		{"502", serve(http.StatusBadGateway, "down"), "Carrier code not checked", []string{"The plan goes on"}, ""},
		{"meta 503", serve(http.StatusOK, envelope(503)), "Carrier code not checked", []string{"The plan goes on"}, ""},
		{"429", serve(http.StatusTooManyRequests, "slow down"), "Carrier code not checked", []string{"The plan goes on"}, ""},
	} {
		var diags diag.Diagnostics
		client, err := trackingmore.New(trackingmore.Config{APIKey: "tm-test-key-0123456789", APIVersion: c.version, BaseURL: c.baseURL, MaxRetries: 0, RateLimitPause: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		Validate(context.Background(), NewSource(client), path.Root("carrier_code"), "ups", &diags)
		if len(diags) != 1 || diags[0].Summary() != c.summary {
			t.Errorf("%s: want one %q, got %v", c.name, c.summary, diags)
			continue
		}
		if isError := diags.HasError(); isError == (c.summary == "Carrier code not checked") {
			t.Errorf("%s: error %v for %q", c.name, isError, c.summary)
		}
		for _, want := range c.want {
			if !strings.Contains(diags[0].Detail(), want) {
				t.Errorf("%s: detail %q lacks %q", c.name, diags[0].Detail(), want)
			}
		}
	}
}
