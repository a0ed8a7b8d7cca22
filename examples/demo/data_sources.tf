# Data sources of the demo: the account, the carriers, and what TrackingMore
# knows about the parcels of main.tf.

# Read after the parcels are created, so the quota shown is what they left.
# Detection and remote-area checks bill one unit per 5 calls, so it still
# moves now and then as plans read those data sources.
data "trackingmore_user_info" "account" {
  depends_on = [trackingmore_tracking.parcel]
}

data "trackingmore_carrier_detection" "china_post" {
  tracking_number = "RR123456785CN"
}

data "trackingmore_carriers" "postal" {
  type = "globalpost"
}

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

# Referencing the resource makes Terraform read the tracking after creating it.
data "trackingmore_tracking" "ups" {
  carrier_code    = trackingmore_tracking.parcel["ups"].carrier_code
  tracking_number = trackingmore_tracking.parcel["ups"].tracking_number
}

# Listed once the parcels exist.
data "trackingmore_trackings" "demo" {
  order_ids  = [for p in local.parcels : p.order_id]
  depends_on = [trackingmore_tracking.parcel]
}

data "trackingmore_status_counts" "all" {
  depends_on = [trackingmore_tracking.parcel]
}

output "remaining_quota" {
  description = "Tracking quota left on the account."
  value       = data.trackingmore_user_info.account.remaining_quota
}

output "detected_carriers" {
  description = "Carriers TrackingMore suggests for RR123456785CN."
  value       = data.trackingmore_carrier_detection.china_post.carriers[*].code
}

output "postal_carrier_count" {
  description = "How many postal services TrackingMore supports."
  value       = length(data.trackingmore_carriers.postal.carriers)
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

output "ups_checkpoints" {
  description = "The UPS parcel's scan events, newest first."
  value = [
    for c in data.trackingmore_tracking.ups.origin_info.checkpoints :
    "${c.date} ${c.description}"
  ]
}

output "demo_orders" {
  description = "The demo's trackings as the list endpoint returns them: order id => status."
  value       = { for t in data.trackingmore_trackings.demo.trackings : t.order_id => t.status }
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
