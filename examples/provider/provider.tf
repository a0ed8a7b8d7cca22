terraform {
  required_providers {
    trackingmore = {
      source = "trackform/trackingmore"
    }
  }
}

# Every argument is optional. Leave api_key out of the configuration and set
# TRACKINGMORE_API_KEY in the environment instead; api_version and base_url
# likewise fall back to TRACKINGMORE_API_VERSION and TRACKINGMORE_BASE_URL.
provider "trackingmore" {
  # "v2" (the default) or "v4": one API key, one account and the same
  # trackings through either. base_url and requests_per_second default to
  # the version's: https://api.trackingmore.com/v2 and 1 request per second,
  # or https://api.trackingmore.com/v4 and 10.
  api_version     = "v2"
  max_retries     = 4
  request_timeout = "30s"

  # Set only to the limit TrackingMore granted your account (by default 1
  # request per second on v2, 10 on v4, all endpoints together).
  # requests_per_second = 5
}
