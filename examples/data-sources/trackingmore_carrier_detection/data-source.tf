data "trackingmore_carrier_detection" "parcel" {
  tracking_number = "RR123456785CN"
}

# A tracking on the most likely carrier.
resource "trackingmore_tracking" "parcel" {
  carrier_code    = data.trackingmore_carrier_detection.parcel.carriers[0].code
  tracking_number = data.trackingmore_carrier_detection.parcel.tracking_number
}
