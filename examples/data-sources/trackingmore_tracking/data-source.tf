resource "trackingmore_tracking" "espresso_machine" {
  carrier_code    = "ups"
  tracking_number = "1Z999AA10123456784"
  title           = "Espresso machine"
}

# Read it back with its checkpoints; the references make Terraform read it
# after the tracking is created.
data "trackingmore_tracking" "espresso_machine" {
  carrier_code    = trackingmore_tracking.espresso_machine.carrier_code
  tracking_number = trackingmore_tracking.espresso_machine.tracking_number
  lang            = "en"
}

output "espresso_machine_checkpoints" {
  value = [
    for c in data.trackingmore_tracking.espresso_machine.origin_info.checkpoints :
    "${c.date} ${c.description} (${c.details})"
  ]
}
