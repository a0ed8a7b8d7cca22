# The demo that `make demo` applies against the mock: a few realistic
# parcels across carriers, one archived, one with a manual status.
terraform {
  required_providers {
    trackingmore = {
      source = "trackform/trackingmore"
    }
  }
}

# api_key and base_url come from TRACKINGMORE_API_KEY and TRACKINGMORE_BASE_URL;
# `make demo` points them at a local trackingmore-mock.
provider "trackingmore" {}

locals {
  parcels = {
    ups = {
      carrier_code     = "ups"
      tracking_number  = "1Z999AA10123456784"
      title            = "Espresso machine"
      customer_name    = "Jane Doe"
      customer_emails  = ["jane@example.com"]
      order_id         = "SO-1001"
      destination_code = "US"
    }
    usps = {
      carrier_code    = "usps"
      tracking_number = "9400111899223197428490"
      title           = "Running shoes"
      order_id        = "SO-1002"
      archived        = true
    }
    china_post = {
      carrier_code     = "china-post"
      tracking_number  = "RR123456785CN"
      title            = "Tea set"
      order_id         = "SO-1003"
      destination_code = "DE"
    }
    dhl = {
      carrier_code    = "dhl"
      tracking_number = "1234567890"
      title           = "Replacement part"
      order_id        = "SO-1004"
      manual_status   = "delivered"
    }
  }
}

resource "trackingmore_tracking" "parcel" {
  for_each = local.parcels

  carrier_code     = each.value.carrier_code
  tracking_number  = each.value.tracking_number
  title            = each.value.title
  order_id         = each.value.order_id
  customer_name    = try(each.value.customer_name, null)
  customer_emails  = try(each.value.customer_emails, null)
  destination_code = try(each.value.destination_code, null)
  archived         = try(each.value.archived, false)
  manual_status    = try(each.value.manual_status, null)
}

output "statuses" {
  description = "Each parcel's status as TrackingMore reports it."
  value       = { for name, t in trackingmore_tracking.parcel : name => t.status }
}

output "last_events" {
  description = "Each parcel's latest checkpoint."
  value       = { for name, t in trackingmore_tracking.parcel : name => t.last_event }
}

# The same in bulk: batch calls instead of one call per parcel.
resource "trackingmore_trackings" "backorders" {
  trackings = {
    "SO-2001" = { carrier_code = "fedex", tracking_number = "123456789012", title = "Desk lamp" }
    "SO-2002" = { carrier_code = "royal-mail", tracking_number = "RR987654321GB", title = "Wool scarf" }
    "SO-2003" = { carrier_code = "dhl", tracking_number = "9876543210", title = "Bike light", archived = true }
  }
}

output "backorder_statuses" {
  description = "The bulk resource's parcels, by order number."
  value       = { for order, t in trackingmore_trackings.backorders.trackings : order => t.status }
}
