run "create_parcels" {
  command = apply

  assert {
    condition     = length(trackingmore_tracking.parcel) == 2
    error_message = "every parcel should be tracked"
  }

  assert {
    condition     = output.statuses["ups"] == "pending"
    error_message = "a new tracking starts pending"
  }
}
