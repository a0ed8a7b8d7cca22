// Package explain turns the client's errors into diagnostics a user can act
// on, for every resource and data source of the provider.
package explain

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/trackform/terraform-provider-trackingmore/internal/carriercheck"

	"github.com/trackform/terraform-provider-trackingmore/internal/providerenv"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// Error turns a client error about subject (e.g. "ups/1Z999AA10123456784")
// into a sentence that says what happened and what the user can do. The client
// guarantees the API key never appears in its errors.
func Error(subject string, err error) string {
	var unsupported *trackingmore.UnsupportedError
	if errors.As(err, &unsupported) {
		return Unsupported(subject, unsupported)
	}
	var apiErr *trackingmore.APIError
	what := err.Error()
	if errors.As(err, &apiErr) {
		what = fmt.Sprintf("%s (code %d)", strings.TrimSuffix(apiErr.Message, "."), apiErr.Code)
	}
	prefix := "TrackingMore rejected " + subject + ": " + what + "."
	switch {
	case trackingmore.IsUnauthorized(err):
		return prefix + " Check the provider's api_key argument or the " + providerenv.APIKey + " environment variable."
	case trackingmore.IsQuotaExhausted(err):
		return prefix + " The account's tracking quota is used up: top it up in TrackingMore " +
			"(the trackingmore_user_info data source shows remaining_quota), then apply again."
	case trackingmore.IsRateLimited(err):
		return prefix + " The API kept rate-limiting after every retry: lower the provider's " +
			"requests_per_second, raise max_retries, or run terraform with a lower -parallelism."
	case apiErr == nil:
		return "Calling TrackingMore about " + subject + " failed: " + what +
			". Check base_url and the network, then try again; transient failures were already retried."
	}
	return prefix
}

// Unsupported says that what subject needs is not in the provider's API
// version (nothing was sent), and how to get it.
func Unsupported(subject string, err *trackingmore.UnsupportedError) string {
	other := trackingmore.APIVersionV2
	if err.APIVersion == trackingmore.APIVersionV2 {
		other = trackingmore.APIVersionV4
	}
	return fmt.Sprintf("%s needs what TrackingMore API %s lacks, and the provider uses %s: %s. "+
		"Set the provider's api_version = %q (the same account and trackings serve both versions), or remove it from this configuration.",
		subject, err.APIVersion, err.APIVersion, err.Why, other)
}

// AddAPIError adds an error diagnostic for a failed client call.
func AddAPIError(diags *diag.Diagnostics, summary, subject string, err error) {
	diags.AddError(summary, Error(subject, err))
}

// CarrierError is Error for a call that sent code as the value of
// attribute: a 4015 (unknown carrier) says so as the plan-time check does,
// with suggestions from catalogue (none when nil; see
// carriercheck.Source.ForError) and where to look codes up, and never
// names the API's internal field (update_carrier_code).
func CarrierError(catalogue *carriercheck.Catalogue, subject string, attribute path.Path, code string, err error) string {
	if !trackingmore.IsInvalidCarrier(err) {
		return Error(subject, err)
	}
	return "TrackingMore rejected " + subject + " (code 4015). " + carriercheck.Problem(attribute.String(), code, catalogue)
}
