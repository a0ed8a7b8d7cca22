# What only TrackingMore API v2 serves, in a configuration of its own: the
# account's quota and status counts, delivery-time statistics per lane, and
# a remote-area check. v4 has no endpoint for these data sources (with
# api_version = "v4" a plan fails naming them), so they are kept out of the
# demo's configuration (../), which moves between v2 and v4 with an empty
# plan. `make demo` applies this one on v2, after ../ has created the parcels.
terraform {
  required_providers {
    trackingmore = {
      source = "trackform/trackingmore"
    }
  }
}

# api_key and base_url come from TRACKINGMORE_API_KEY and TRACKINGMORE_BASE_URL,
# which must point at API v2 (`make demo` uses the mock's /v2).
provider "trackingmore" {}

# Applied after ../ created the parcels, so the quota is what they left.
data "trackingmore_user_info" "account" {}

data "trackingmore_status_counts" "all" {}

data "trackingmore_transit_times" "lanes" {
  routes = [
    { carrier_code = "china-post", origin = "CN", destination = "DE" },
    { carrier_code = "ups", origin = "US", destination = "US" },
  ]
}

data "trackingmore_remote_areas" "addresses" {
  queries = [
    { country = "US", postcode = "99501" },
    { country = "DE", postcode = "10115" },
  ]
}

output "remaining_quota" {
  description = "Tracking quota left on the account."
  value       = data.trackingmore_user_info.account.remaining_quota
}

output "status_counts" {
  description = "The account's trackings per status."
  value = {
    pending   = data.trackingmore_status_counts.all.pending
    transit   = data.trackingmore_status_counts.all.transit
    delivered = data.trackingmore_status_counts.all.delivered
    total     = data.trackingmore_status_counts.all.total
  }
}

output "delivered_within_a_week" {
  description = "Share of parcels delivered within 7 days, per lane."
  value = {
    for r in data.trackingmore_transit_times.lanes.results :
    "${r.carrier_code} ${r.origin}->${r.destination}" => r.share_0_7_days
  }
}

output "remote_postcodes" {
  description = "Which of the addresses are in a remote area."
  value       = { for r in data.trackingmore_remote_areas.addresses.results : "${r.country} ${r.postcode}" => r.remote }
}
