data "trackingmore_remote_areas" "addresses" {
  queries = [
    { country = "US", postcode = "99501", company = "ups" },
    { country = "GB", postcode = "HS1 2AB" },
    { country = "Germany", postcode = "10115" },
  ]
}

output "remote_postcodes" {
  value = [for r in data.trackingmore_remote_areas.addresses.results : r.postcode if r.remote]
}
