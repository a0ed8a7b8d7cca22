# A module takes trackings as "carrier_code/tracking_number" strings, the form
# a shop system exports, and splits each one.
variable "shipments" {
  type    = list(string)
  default = ["ups/1Z999AA10123456784", "usps/9400111899223197428490"]
}

resource "trackingmore_tracking" "shipment" {
  for_each        = toset(var.shipments)
  carrier_code    = provider::trackingmore::parse_tracking_id(each.value).carrier_code
  tracking_number = provider::trackingmore::parse_tracking_id(each.value).tracking_number
}
