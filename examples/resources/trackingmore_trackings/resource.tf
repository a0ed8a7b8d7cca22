# Thousands of parcels in one resource: creates, edits and deletes go through
# the batch endpoints (40 a call) and a refresh costs a few list calls.
variable "shipments" {
  description = "Shipments keyed by order number, e.g. loaded from a CSV with csvdecode()."
  type = map(object({
    carrier_code    = string
    tracking_number = string
    customer_emails = optional(list(string))
  }))
  default = {
    "SO-1001" = { carrier_code = "ups", tracking_number = "1Z999AA10123456784", customer_emails = ["jane@example.com"] }
    "SO-1002" = { carrier_code = "usps", tracking_number = "9400111899223197428490" }
    "SO-1003" = { carrier_code = "china-post", tracking_number = "RR123456785CN" }
  }
}

resource "trackingmore_trackings" "shop" {
  trackings = {
    for order, s in var.shipments : order => {
      carrier_code    = s.carrier_code
      tracking_number = s.tracking_number
      order_id        = order
      customer_emails = s.customer_emails
    }
  }
}

output "delivered_orders" {
  value = [for order, t in trackingmore_trackings.shop.trackings : order if t.status == "delivered"]
}
