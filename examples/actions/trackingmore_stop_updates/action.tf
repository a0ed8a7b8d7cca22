# Terraform 1.14 and later. Stop refreshing trackings this configuration does
# not manage, such as last season's parcels, on demand:
#   terraform apply -invoke=action.trackingmore_stop_updates.last_season
# This cannot be undone. For a managed trackingmore_tracking, set
# auto_update = false on it instead.
action "trackingmore_stop_updates" "last_season" {
  config {
    trackings = [
      { carrier_code = "ups", tracking_number = "1Z999AA10123456784" },
      { carrier_code = "usps", tracking_number = "9400111899223197428490" },
    ]
  }
}
