# A second configuration that `make demo` uses to adopt trackings a shop
# system created outside Terraform (Terraform 1.14 and later): it holds only
# the provider; `terraform query -generate-config-out=generated.tf` writes
# the rest from existing.tfquery.hcl.
terraform {
  required_providers {
    trackingmore = {
      source = "trackform/trackingmore"
    }
  }
}

provider "trackingmore" {}
