# Terraform 1.5 and later: import with a block, then
# `terraform plan -generate-config-out=generated.tf` writes the resource for you.
import {
  to = trackingmore_tracking.espresso
  id = "ups/1Z999AA10123456784"
}
