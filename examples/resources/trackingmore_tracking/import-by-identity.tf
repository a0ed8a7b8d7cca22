# Terraform 1.12 and later (OpenTofu 1.12 too): import by the resource
# identity, the tracking's carrier code and tracking number.
import {
  to = trackingmore_tracking.settled
  identity = {
    carrier_code    = "china-post"
    tracking_number = "RR123456785CN"
  }
}
