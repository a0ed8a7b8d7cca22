# Terraform 1.14 and later (`make demo` leaves this file out for other CLIs):
# ask the carrier about the espresso machine right now, on demand:
#   terraform apply -invoke=action.trackingmore_realtime_refresh.espresso
# TrackingMore API v2 only: v4 has no realtime endpoint, so with
# api_version = "v4" the invoke is refused at plan time (a plan that does not
# invoke the action is unaffected).
action "trackingmore_realtime_refresh" "espresso" {
  config {
    carrier_code    = trackingmore_tracking.parcel["ups"].carrier_code
    tracking_number = trackingmore_tracking.parcel["ups"].tracking_number
  }
}
