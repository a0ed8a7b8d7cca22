# Build import ids from a list of parcels, for import blocks with for_each
# (Terraform 1.7+).
locals {
  parcels = {
    espresso = { carrier_code = "ups", tracking_number = "1Z999AA10123456784" }
    tea_set  = { carrier_code = "china-post", tracking_number = "RR123456785CN" }
  }
}

import {
  for_each = local.parcels
  to       = trackingmore_tracking.parcel[each.key]
  id       = provider::trackingmore::tracking_id(each.value.carrier_code, each.value.tracking_number)
}

resource "trackingmore_tracking" "parcel" {
  for_each        = local.parcels
  carrier_code    = each.value.carrier_code
  tracking_number = each.value.tracking_number
}
