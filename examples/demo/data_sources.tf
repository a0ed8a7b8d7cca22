# Data sources of the demo: the carriers, and what TrackingMore knows about
# the parcels of main.tf. TrackingMore API v2 and v4 serve all of them alike.
# The account-level ones that only v2 serves are in v2-only/.

data "trackingmore_carrier_detection" "china_post" {
  tracking_number = "RR123456785CN"
}

data "trackingmore_carriers" "postal" {
  type = "globalpost"
}

# Referencing the resource makes Terraform read the tracking after creating it.
data "trackingmore_tracking" "ups" {
  carrier_code    = trackingmore_tracking.parcel["ups"].carrier_code
  tracking_number = trackingmore_tracking.parcel["ups"].tracking_number
}

# Listed once the parcels exist. By tracking number: v4 has no filter by
# order id (order_ids is v2 only).
data "trackingmore_trackings" "demo" {
  tracking_numbers = [for p in local.parcels : p.tracking_number]
  depends_on       = [trackingmore_tracking.parcel]
}

output "detected_carriers" {
  description = "Carriers TrackingMore suggests for RR123456785CN."
  value       = data.trackingmore_carrier_detection.china_post.carriers[*].code
}

output "postal_carrier_count" {
  description = "How many postal services TrackingMore supports."
  value       = length(data.trackingmore_carriers.postal.carriers)
}

output "ups_checkpoints" {
  description = "The UPS parcel's scan events, newest first: day and what happened."
  value = [
    for c in data.trackingmore_tracking.ups.origin_info.checkpoints :
    "${substr(c.date, 0, 10)} ${c.description}" # the day: see last_events in main.tf
  ]
}

output "demo_orders" {
  description = "The demo's trackings as the list endpoint returns them: order id => status."
  value       = { for t in data.trackingmore_trackings.demo.trackings : t.order_id => t.status }
}
