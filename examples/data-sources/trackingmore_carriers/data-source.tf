# Every postal service, by code.
data "trackingmore_carriers" "postal" {
  type = "globalpost"
  lang = "en"
}

output "postal_carriers" {
  value = { for c in data.trackingmore_carriers.postal.carriers : c.code => c.name }
}
