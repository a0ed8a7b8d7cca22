# A parcel shipped with UPS, with the customer details TrackingMore uses for
# notifications.
resource "trackingmore_tracking" "espresso" {
  carrier_code     = "ups"
  tracking_number  = "1Z999AA10123456784"
  title            = "Espresso machine"
  order_id         = "SO-1001"
  customer_name    = "Jane Doe"
  customer_emails  = ["jane@example.com", "orders@example.com"]
  customer_phone   = "+14155550100"
  destination_code = "US"
}

# A parcel the carrier lost track of: mark it delivered by hand and archive it.
resource "trackingmore_tracking" "settled" {
  carrier_code    = "china-post"
  tracking_number = "RR123456785CN"
  title           = "Tea set"
  manual_status   = "delivered"
  archived        = true
}

# A parcel that no longer needs refreshing (this cannot be undone on the API:
# setting auto_update back to true re-creates the tracking).
resource "trackingmore_tracking" "returned" {
  carrier_code    = "usps"
  tracking_number = "9400111899223197428490"
  auto_update     = false
}

output "espresso_status" {
  value = trackingmore_tracking.espresso.status
}
