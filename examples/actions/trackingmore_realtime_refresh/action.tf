# Terraform 1.14 and later. Show a new parcel's first carrier data in the
# apply output, right after the tracking is created:
resource "trackingmore_tracking" "espresso" {
  carrier_code    = "ups"
  tracking_number = "1Z999AA10123456784"

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.trackingmore_realtime_refresh.espresso]
    }
  }
}

action "trackingmore_realtime_refresh" "espresso" {
  config {
    carrier_code    = "ups"
    tracking_number = "1Z999AA10123456784"
  }
}

# Or on demand, changing nothing else:
#   terraform apply -invoke=action.trackingmore_realtime_refresh.espresso
