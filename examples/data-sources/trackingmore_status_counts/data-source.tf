# How this year's parcels are doing.
data "trackingmore_status_counts" "this_year" {
  created_after = "2026-01-01T00:00:00Z"
}

output "delivered_share" {
  value = (data.trackingmore_status_counts.this_year.total == 0 ? 0 :
  data.trackingmore_status_counts.this_year.delivered / data.trackingmore_status_counts.this_year.total)
}
