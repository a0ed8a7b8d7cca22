# Ask the carrier right now and use the answer within this run only: nothing
# of it is written to the plan or the state. Each open costs one unit of
# quota (Terraform opens it during plan and again during apply).
ephemeral "trackingmore_realtime_tracking" "returned_parcel" {
  carrier_code    = "usps"
  tracking_number = "9400111899223197428490"
}

# For example, stop refreshing a tracking once the carrier reports it
# delivered, without keeping the carrier's answer anywhere.
locals {
  delivered = ephemeral.trackingmore_realtime_tracking.returned_parcel.status == "delivered"
}
