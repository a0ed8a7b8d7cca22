# Costly: 20 units of quota per waybill on every read (plan and refresh included).
data "trackingmore_air_cargo" "freight" {
  awb_numbers = ["160-12345675"]
  lang        = "en"
}

output "freight_events" {
  value = [
    for e in data.trackingmore_air_cargo.freight.waybills[0].events :
    "${coalesce(e.actual_date, e.plan_date)} ${e.event} at ${e.station}"
  ]
}
