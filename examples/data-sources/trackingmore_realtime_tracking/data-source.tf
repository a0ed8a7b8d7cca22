# Ask the carrier right now, without storing a tracking. Each read costs one
# unit of quota, and the API answers the same shipment at most once per 2 hours.
data "trackingmore_realtime_tracking" "returned_parcel" {
  carrier_code         = "usps"
  tracking_number      = "9400111899223197428490"
  destination_code     = "US"
  tracking_postal_code = "10001"
  tracking_ship_date   = "20260130"
  lang                 = "en"
}

output "returned_parcel_status" {
  value = data.trackingmore_realtime_tracking.returned_parcel.status
}
