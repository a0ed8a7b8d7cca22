// Package providerenv names the environment variables the provider reads.
// providerconfig reads them; the packages that name them in messages
// (carriercheck, explain) take the names from here, so that none of them
// depends on the provider block's package for a constant.
package providerenv

const (
	// APIKey is the fallback of the provider's api_key argument.
	APIKey = "TRACKINGMORE_API_KEY"
	// BaseURL is the fallback of the provider's base_url argument.
	BaseURL = "TRACKINGMORE_BASE_URL"
	// APIVersion is the fallback of the provider's api_version argument.
	APIVersion = "TRACKINGMORE_API_VERSION"
)
