variable "shipments" {
  description = <<-EOT
    The shop's shipments keyed by order number. carrier_code is a TrackingMore
    carrier code (`ups`, `china-post`; see the trackingmore_carriers data
    source), tracking_number the carrier's number. Set delivered = true to mark
    a shipment delivered by hand when the carrier never reports it.
  EOT
  type = map(object({
    carrier_code    = string
    tracking_number = string
    customer_emails = optional(list(string))
    customer_name   = optional(string)
    title           = optional(string)
    delivered       = optional(bool, false)
  }))

  validation {
    condition     = alltrue([for order in keys(var.shipments) : can(regex("^[A-Za-z0-9][A-Za-z0-9_.-]*$", order))])
    error_message = "Order numbers must start with a letter or digit and contain only letters, digits, '.', '_' or '-'."
  }

  validation {
    condition     = alltrue([for s in values(var.shipments) : can(regex("^[a-z0-9]+(-[a-z0-9]+)*$", s.carrier_code))])
    error_message = "carrier_code must be a TrackingMore carrier code: lower-case letters and digits separated by single hyphens, such as \"ups\" or \"china-post\"."
  }

  validation {
    condition     = alltrue([for s in values(var.shipments) : can(regex("^[A-Za-z0-9_-]{5,}$", s.tracking_number))])
    error_message = "tracking_number must be at least 5 letters, digits, '-' or '_'."
  }

  validation {
    condition     = alltrue([for s in values(var.shipments) : alltrue([for e in s.customer_emails == null ? [] : s.customer_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])])
    error_message = "customer_emails must hold email addresses such as jane@example.com, one address each."
  }

  validation {
    condition     = length(distinct([for s in values(var.shipments) : "${s.carrier_code}/${s.tracking_number}"])) == length(var.shipments)
    error_message = "Each carrier_code/tracking_number pair may appear in only one order: TrackingMore keeps one tracking per pair."
  }
}

variable "bulk" {
  description = "Create the trackings with one trackingmore_trackings resource (batch calls, best beyond a few dozen shipments) instead of one trackingmore_tracking per shipment."
  type        = bool
  default     = true
  nullable    = false
}
