terraform {
  required_providers {
    trackingmore = {
      source = "trackform/trackingmore"
    }
  }
}

# The API key is best left out of the configuration: set TRACKINGMORE_API_KEY
# in the environment instead. Every argument below is optional.
provider "trackingmore" {
  # api_key = "..."                              # or TRACKINGMORE_API_KEY
  base_url            = "https://api.trackingmore.com/v2" # or TRACKINGMORE_BASE_URL
  requests_per_second = 10
  max_retries         = 4
  request_timeout     = "30s"
}
