output "ids" {
  description = "TrackingMore's 32-character tracking id, by order number."
  value       = { for order, t in local.created : order => t.id }
}

output "statuses" {
  description = "Each order's parcel status (pending, notfound, transit, pickup, delivered, undelivered, exception or expired), as of the last refresh."
  value       = { for order, t in local.created : order => t.status }
}

output "last_events" {
  description = "Each order's latest checkpoint, null until the carrier reports one."
  value       = { for order, t in local.created : order => t.last_event }
}

output "delivered_orders" {
  description = "Order numbers whose parcel is delivered, sorted."
  value       = sort([for order, t in local.created : order if t.status == "delivered"])
}
