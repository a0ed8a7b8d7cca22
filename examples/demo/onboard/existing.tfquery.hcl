# The trackings of two orders the shop system created through the API.
list "trackingmore_tracking" "existing" {
  provider         = trackingmore
  include_resource = true

  config {
    order_ids = ["SO-3001", "SO-3002"]
  }
}
