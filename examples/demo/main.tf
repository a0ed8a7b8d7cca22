# The demo that `make demo` applies against the mock: a few realistic
# parcels across carriers, one archived, one with a manual status.
#
# Everything here plans on both TrackingMore API versions, so the demo moves
# from v2 to v4 with an empty plan: /v2 and /v4 serve the same trackings of
# one account, so nothing is re-created. (manual_status is v2 only, but a
# value already applied is kept, unchanged, on v4; the action of actions.tf
# runs on v2 only, and declaring it is fine.) What only v2 serves (the
# account's quota and status counts, transit times, remote areas) is in
# v2-only/, a configuration of its own.
terraform {
  required_providers {
    trackingmore = {
      source = "trackform/trackingmore"
    }
  }
}

# api_key, base_url and api_version come from TRACKINGMORE_API_KEY,
# TRACKINGMORE_BASE_URL and TRACKINGMORE_API_VERSION (v2 unless set);
# `make demo` points them at a local trackingmore-mock, first at its /v2, then
# at its /v4 with TRACKINGMORE_API_VERSION=v4.
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

# v2 and v4 write a checkpoint's time differently ("2026-12-08 22:33:19" and
# "2026-12-08T22:33:19+00:00"), so the outputs show its day, the first 10
# characters of both: they stay the same whichever version reads them.
output "last_events" {
  description = "Each parcel's latest checkpoint: its day, what happened and where; null until the carrier reports one."
  value = {
    for name, t in trackingmore_tracking.parcel : name => (
      t.last_update_time == null ? t.last_event :
      "${substr(t.last_update_time, 0, 10)} ${trimsuffix(t.last_event, ",${t.last_update_time}")}"
    )
  }
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
