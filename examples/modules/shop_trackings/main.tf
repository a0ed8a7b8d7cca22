# A shop's parcels in TrackingMore, keyed by order number: either in one bulk
# resource (var.bulk, the default: batch calls, 40 trackings a call) or one
# resource per shipment. Both expose the same outputs.

locals {
  trackings = {
    for order, s in var.shipments : order => {
      carrier_code    = s.carrier_code
      tracking_number = s.tracking_number
      order_id        = order
      title           = s.title
      customer_emails = s.customer_emails
      customer_name   = s.customer_name
      manual_status   = s.delivered ? "delivered" : null
    }
  }
}

resource "trackingmore_trackings" "bulk" {
  count = var.bulk && length(local.trackings) > 0 ? 1 : 0

  trackings = local.trackings
}

resource "trackingmore_tracking" "each" {
  for_each = var.bulk ? {} : local.trackings

  carrier_code    = each.value.carrier_code
  tracking_number = each.value.tracking_number
  order_id        = each.value.order_id
  title           = each.value.title
  customer_emails = each.value.customer_emails
  customer_name   = each.value.customer_name
  manual_status   = each.value.manual_status
}

locals {
  # The same shape whichever resource holds the trackings (only one of the two
  # maps is ever non-empty).
  created = merge(
    { for order, t in try(trackingmore_trackings.bulk[0].trackings, {}) : order => {
      id         = t.id
      status     = t.status
      last_event = t.last_event
    } },
    { for order, t in trackingmore_tracking.each : order => {
      id         = t.id
      status     = t.status
      last_event = t.last_event
    } },
  )
}
