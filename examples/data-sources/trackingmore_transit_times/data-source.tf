data "trackingmore_transit_times" "lanes" {
  routes = [
    { carrier_code = "china-post", origin = "CN", destination = "US" },
    { carrier_code = "dhl", origin = "DE", destination = "FR" },
  ]
}

output "delivered_within_a_week" {
  value = {
    for r in data.trackingmore_transit_times.lanes.results :
    "${r.carrier_code} ${r.origin}->${r.destination}" => "${r.share_0_7_days}%"
  }
}
