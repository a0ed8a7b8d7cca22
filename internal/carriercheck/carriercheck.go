// Package carriercheck checks carrier codes against TrackingMore's carrier
// catalogue (GET /carriers, which costs no quota), so that a mistyped code
// fails at plan time with a suggestion instead of at apply with code 4015.
// The catalogue is fetched once per provider configuration (a Source, which
// providerconfig.Data holds) and shared by every caller: trackingmore_tracking,
// each item of trackingmore_trackings, and the apply-time explanation of a
// 4015 (explain.CarrierError, which takes it rather than fetch it).
package carriercheck

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/trackform/terraform-provider-trackingmore/internal/providerenv"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// LookupHint says where a user finds the right code.
const LookupHint = "Look codes up with the trackingmore_carriers data source (every code with its carrier's name) " +
	"or trackingmore_carrier_detection (the carriers a tracking number may belong to)."

// maxSuggestions bounds the "did you mean" list.
const maxSuggestions = 3

// Catalogue is the set of carrier codes the API knows.
type Catalogue struct {
	codes map[string]bool
	// normalized holds each code with the forms a user may mistype it as:
	// the code itself and its carrier's name.
	normalized []entry
}

// entry is one carrier as Suggest compares it.
type entry struct {
	code  string
	forms []form
}

// form is one name of a carrier (its code or its carrier's name): whole,
// as normalize folds it, and from each word on ("postnlinternational",
// "international" for "PostNL International").
type form struct {
	whole string
	tails []string
}

// newForm indexes s, a code or a carrier name.
func newForm(s string) form {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	f := form{whole: normalize(s), tails: make([]string, len(words))}
	for i := range words {
		f.tails[i] = strings.Join(words[i:], "")
	}
	return f
}

// NewCatalogue indexes carriers as GET /carriers lists them.
func NewCatalogue(carriers []trackingmore.Carrier) *Catalogue {
	c := &Catalogue{codes: make(map[string]bool, len(carriers)), normalized: make([]entry, 0, len(carriers))}
	for _, carrier := range carriers {
		code := string(carrier.Code)
		if code == "" || c.codes[code] {
			continue
		}
		c.codes[code] = true
		c.normalized = append(c.normalized, entry{code: code, forms: []form{newForm(code), newForm(string(carrier.Name))}})
	}
	return c
}

// Has reports whether code is a carrier code of the catalogue.
func (c *Catalogue) Has(code string) bool { return c.codes[code] }

// minWordMatch is the shortest code that Suggest looks for at the start of
// a carrier's words: shorter ones ("uk") start too many.
const minWordMatch = 3

// Suggest returns up to three codes close to code, ignoring case and
// separators. First the carriers whose code or name starts with it, or
// has a word that does ("postnl" for postnl-parcels, "PostNL International"),
// those matching more of their names, and matching them from the start,
// first; then those within a few edits of it ("upss" for ups), the closest
// first. Among equals, the one sharing the longest start with it, then the
// shorter code, then the first alphabetically.
func (c *Catalogue) Suggest(code string) []string {
	want := normalize(code)
	if want == "" {
		return nil
	}
	wantWords := newForm(code).tails
	limit := max(1, len([]rune(want))/3)
	type candidate struct {
		code           string
		words          int // how well it matches at word starts (wordScore); 0: not at all
		distance       int
		commonPrefixes int
	}
	var found []candidate
	for _, e := range c.normalized {
		best := candidate{code: e.code, distance: -1}
		for _, f := range e.forms {
			if len(wantWords) > 0 {
				best.words += wordScore(wantWords[0], f)
			}
			if d := distance(want, f.whole); d <= limit && (best.distance < 0 || d < best.distance) {
				best.distance = d
			}
			best.commonPrefixes = max(best.commonPrefixes, commonPrefix(want, f.whole))
		}
		if best.words > 0 || best.distance >= 0 {
			found = append(found, best)
		}
	}
	slices.SortFunc(found, func(a, b candidate) int {
		switch {
		case a.words != b.words:
			return b.words - a.words
		case a.distance != b.distance:
			switch {
			case a.distance < 0:
				return 1
			case b.distance < 0:
				return -1
			}
			return a.distance - b.distance
		case a.commonPrefixes != b.commonPrefixes:
			return b.commonPrefixes - a.commonPrefixes
		case len(a.code) != len(b.code):
			return len(a.code) - len(b.code)
		}
		return strings.Compare(a.code, b.code)
	})
	var codes []string
	for _, f := range found[:min(len(found), maxSuggestions)] {
		codes = append(codes, f.code)
	}
	return codes
}

// wordScore is how well want (words joined) matches f at a word start: 3
// if it is the whole of f, 2 if f starts with it, 1 if a later word does
// (with the words after it: "royalmail" in "UK Royal Mail"), else 0.
func wordScore(want string, f form) int {
	if len(want) < minWordMatch {
		return 0
	}
	for i, tail := range f.tails {
		switch {
		case !strings.HasPrefix(tail, want):
			continue
		case i > 0:
			return 1
		case tail == want:
			return 3
		}
		return 2
	}
	return 0
}

// commonPrefix is how many leading bytes a and b share.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// normalize folds the differences a user is likely to get wrong.
func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', ' ', '.':
			return -1
		}
		return r
	}, strings.ToLower(s))
}

// distance is the optimal string alignment distance: edits, with a swap of
// two neighbours ("usps" for "upss") counting as one.
func distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}

// Source is one client's catalogue, fetched at most once: one per provider
// configuration (providerconfig.Data), shared by every caller of it.
type Source struct {
	client    *trackingmore.Client
	mu        sync.Mutex
	done      bool
	catalogue *Catalogue
	err       error
}

// NewSource is the catalogue of client, not fetched yet.
func NewSource(client *trackingmore.Client) *Source { return &Source{client: client} }

// Get returns the catalogue, fetching it on the first call; later calls,
// concurrent ones included, share that answer, a failure included (so an
// unreachable API costs one round of retries, not one per resource). Only
// a failure caused by the caller's own context ending (a cancelled plan)
// is not kept.
func (s *Source) Get(ctx context.Context) (*Catalogue, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return s.catalogue, s.err
	}
	carriers, err := s.client.ListCarriers(ctx, "")
	if err != nil && ctx.Err() != nil {
		return nil, err
	}
	s.done = true
	if err != nil {
		s.err = err
	} else {
		s.catalogue = NewCatalogue(carriers)
	}
	return s.catalogue, s.err
}

// ForError is the catalogue to explain err with: for an unknown carrier
// (4015) the catalogue, fetched now if no plan of this process has fetched
// it (the call is free); nil for any other error, or when it cannot be
// fetched (the message then has no suggestions).
func (s *Source) ForError(ctx context.Context, err error) *Catalogue {
	if !trackingmore.IsInvalidCarrier(err) {
		return nil
	}
	catalogue, _ := s.Get(ctx)
	return catalogue
}

// Problem says that code, the value of attribute (as Terraform shows the
// path, e.g. carrier_code or trackings["web-1"].carrier_code), is no
// TrackingMore carrier code, with the catalogue's suggestions (none when
// catalogue is nil) and where to look codes up.
func Problem(attribute, code string, catalogue *Catalogue) string {
	msg := fmt.Sprintf("Attribute %s: %q is not a TrackingMore carrier code.", attribute, code)
	if catalogue != nil {
		if s := catalogue.Suggest(code); len(s) > 0 {
			msg += " Did you mean " + quotedList(s) + "?"
		}
	}
	return msg + " " + LookupHint
}

// quotedList renders ["a" "b" "c"] as `"a", "b" or "c"`.
func quotedList(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}

// Validate is the plan-time check of code, the value at attribute: an
// attribute error if the catalogue lacks it; if the catalogue cannot be
// fetched, an error when the provider is misconfigured, else a warning (see
// Unchecked); nothing for a known code, or for a null or unknown one
// (source nil: the provider is not configured yet).
func Validate(ctx context.Context, source *Source, attribute path.Path, code string, diags *diag.Diagnostics) {
	if source == nil || code == "" {
		return
	}
	catalogue, err := source.Get(ctx)
	if err != nil {
		Unchecked(attribute, fmt.Sprintf("%s = %q", attribute, code), err, diags)
		return
	}
	if !catalogue.Has(code) {
		diags.AddAttributeError(attribute, "Unknown carrier code", Problem(attribute.String(), code, catalogue))
	}
}

// Unchecked says that the catalogue could not be fetched (err) to check
// what (`carrier_code = "ups"`, "the items' carrier codes"), the value at
// attribute. A definite misconfiguration, which fails every call alike, is
// an error naming the provider's api_key or base_url (see misconfiguration);
// an API that cannot be reached or keeps failing is a warning, and the plan
// goes on.
func Unchecked(attribute path.Path, what string, err error, diags *diag.Diagnostics) {
	if summary, detail := misconfiguration(err); summary != "" {
		diags.AddError(summary, detail)
		return
	}
	diags.AddAttributeWarning(attribute, "Carrier code not checked",
		fmt.Sprintf("Could not fetch TrackingMore's carrier list (GET /carriers) to check %s: %v. "+
			"The plan goes on; if a code is wrong, the apply fails with code 4015. %s", what, err, LookupHint))
}

// misconfiguration is the summary and detail of the error err shows in the
// provider's configuration, or "" when it shows none: a key TrackingMore
// rejects (401, 4001, 4002), or a base URL that is not the API (a 404 to
// the carrier list, which always exists, or an answer without the API's
// envelope that is neither a 5xx nor a 429). Transport errors, timeouts,
// 5xx and 429 are the API's trouble, not the configuration's.
func misconfiguration(err error) (summary, detail string) {
	var apiErr *trackingmore.APIError
	if !errors.As(err, &apiErr) {
		return "", ""
	}
	version, base := trackingmore.APIVersionV2, trackingmore.DefaultBaseURL
	if apiErr.APIVersion == trackingmore.APIVersionV4 {
		version, base = trackingmore.APIVersionV4, trackingmore.DefaultBaseURLV4
	}
	hint := fmt.Sprintf(" TrackingMore's %[1]s API is under /%[1]s, as in %[2]s: check the provider's base_url argument (or the %[3]s "+
		"environment variable) and api_version, and add /%[1]s if base_url lacks it.", version, base, providerenv.BaseURL)
	call := strings.TrimSpace(apiErr.Method + " " + apiErr.Path) // the carrier list, which always exists
	switch {
	case trackingmore.IsUnauthorized(err):
		return "Invalid provider argument api_key", fmt.Sprintf("TrackingMore rejected the provider's api_key: %v. "+
			"Set the provider's api_key argument (or the %s environment variable) to an API key of your TrackingMore account; "+
			"every call of the apply would be rejected alike.", err, providerenv.APIKey)
	case apiErr.HTTPStatus == http.StatusNotFound || apiErr.Code == http.StatusNotFound:
		return "Invalid provider argument base_url", fmt.Sprintf("The provider's base_url answers 404 to %s (%v): "+
			"it is not TrackingMore's %s API.%s", call, err, version, hint)
	case apiErr.Code == 0 && apiErr.HTTPStatus < http.StatusInternalServerError && apiErr.HTTPStatus != http.StatusTooManyRequests:
		return "Invalid provider argument base_url", fmt.Sprintf("The provider's base_url does not answer as TrackingMore's API "+
			"(HTTP %d to %s, without the API's envelope: %v).%s", apiErr.HTTPStatus, call, err, hint)
	}
	return "", ""
}
