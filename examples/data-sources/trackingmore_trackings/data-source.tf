# Every parcel still on its way, created in January 2026.
data "trackingmore_trackings" "in_transit" {
  status         = "transit"
  created_after  = "2026-01-01T00:00:00Z"
  created_before = "2026-02-01T00:00:00Z"
}

# The first 50 unarchived trackings of two orders.
data "trackingmore_trackings" "orders" {
  order_ids   = ["SO-1001", "SO-1002"]
  archived    = false
  max_results = 50
}

output "in_transit" {
  value = {
    for t in data.trackingmore_trackings.in_transit.trackings :
    "${t.carrier_code}/${t.tracking_number}" => t.last_event
  }
}

output "in_transit_total" {
  value = data.trackingmore_trackings.in_transit.total
}
