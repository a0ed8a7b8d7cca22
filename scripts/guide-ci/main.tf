# The configuration scripts/test-guide.sh runs the testing guide's CI script
# on (templates/guides/testing-with-the-mock.md.tmpl): parcels whose outputs
# reference status, which moves when the mock's clock advances.
terraform {
  required_providers {
    trackingmore = {
      source = "trackform/trackingmore"
    }
  }
}

locals {
  parcels = {
    ups  = { carrier_code = "ups", tracking_number = "1Z999AA10123456784" }
    usps = { carrier_code = "usps", tracking_number = "9400111899223197428490" }
  }
}

resource "trackingmore_tracking" "parcel" {
  for_each        = local.parcels
  carrier_code    = each.value.carrier_code
  tracking_number = each.value.tracking_number
  title           = "Order ${each.key}"
  customer_emails = ["jane@example.com", "orders@example.com"]
}

output "statuses" {
  value = { for k, t in trackingmore_tracking.parcel : k => t.status }
}
