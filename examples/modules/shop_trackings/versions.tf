terraform {
  # `terraform test` (tests/) needs Terraform 1.6 or OpenTofu 1.6 and later.
  required_version = ">= 1.6"

  required_providers {
    trackingmore = {
      source = "trackform/trackingmore"
    }
  }
}
