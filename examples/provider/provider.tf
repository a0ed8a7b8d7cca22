terraform {
  required_providers {
    trackingmore = {
      source = "trackform/trackingmore"
    }
  }
}

# Every argument is optional. Leave api_key out of the configuration and set
# TRACKINGMORE_API_KEY in the environment instead; base_url likewise falls
# back to TRACKINGMORE_BASE_URL.
provider "trackingmore" {
  base_url        = "https://api.trackingmore.com/v2"
  max_retries     = 4
  request_timeout = "30s"

  # TrackingMore allows a v2 account 1 request per second, all endpoints
  # together. Raise this only to the limit TrackingMore granted your account.
  requests_per_second = 1
}
