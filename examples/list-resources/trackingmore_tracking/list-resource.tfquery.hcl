# Terraform 1.14 and later. In a file such as trackings.tfquery.hcl beside the
# provider configuration, then:
#   terraform query -generate-config-out=trackings.tf
# writes an import block and a trackingmore_tracking block for each tracking
# found; `terraform plan` then shows them as imports, and `terraform apply`
# brings them under Terraform.
list "trackingmore_tracking" "in_transit" {
  provider         = trackingmore
  include_resource = true
  # Terraform stops at 100 results unless limit says more.
  limit = 10000

  config {
    status        = "transit"
    created_after = "2026-11-01T00:00:00Z"
  }
}
