# `terraform test` (or `tofu test`) for the module, against trackingmore-mock:
# start the mock, export TRACKINGMORE_BASE_URL and TRACKINGMORE_API_KEY, then
# run the command in the module directory (scripts/test-examples.sh does all
# of it). The runs share one state, in order; the trackings are destroyed at
# the end.

variables {
  shipments = {
    "SO-1001" = { carrier_code = "ups", tracking_number = "1Z999AA10123456784", customer_emails = ["jane@example.com"], title = "Espresso machine" }
    "SO-1002" = { carrier_code = "usps", tracking_number = "9400111899223197428490" }
    "SO-1003" = { carrier_code = "china-post", tracking_number = "RR123456785CN", customer_name = "Li Wei" }
  }
}

# Run outputs are compared through jsonencode(): in a test they are objects,
# which never equal a map or list literal.

# Plan-time validation: nothing reaches the API.
run "rejects_a_bad_carrier_code" {
  command = plan

  variables {
    shipments = {
      "SO-1001" = { carrier_code = "UPS Ground", tracking_number = "1Z999AA10123456784" }
    }
  }

  expect_failures = [var.shipments]
}

run "rejects_a_short_tracking_number" {
  command = plan

  variables {
    shipments = {
      "SO-1001" = { carrier_code = "ups", tracking_number = "1Z9" }
    }
  }

  expect_failures = [var.shipments]
}

run "rejects_a_bad_email" {
  command = plan

  variables {
    shipments = {
      "SO-1001" = { carrier_code = "ups", tracking_number = "1Z999AA10123456784", customer_emails = ["jane-at-example.com"] }
    }
  }

  expect_failures = [var.shipments]
}

run "rejects_the_same_parcel_twice" {
  command = plan

  variables {
    shipments = {
      "SO-1001" = { carrier_code = "ups", tracking_number = "1Z999AA10123456784" }
      "SO-1009" = { carrier_code = "ups", tracking_number = "1Z999AA10123456784" }
    }
  }

  expect_failures = [var.shipments]
}

# Creates the three trackings in bulk.
run "create" {
  assert {
    condition     = jsonencode(keys(output.ids)) == jsonencode(["SO-1001", "SO-1002", "SO-1003"])
    error_message = "every order should have a tracking id: ${jsonencode(output.ids)}"
  }

  assert {
    condition     = alltrue([for id in values(output.ids) : can(regex("^[0-9a-f]{32}$", id))])
    error_message = "tracking ids should be 32 hex characters: ${jsonencode(output.ids)}"
  }

  assert {
    condition     = length(distinct(values(output.ids))) == 3
    error_message = "every order should have its own tracking"
  }

  assert {
    condition     = alltrue([for s in values(output.statuses) : s == "pending"])
    error_message = "new trackings should be pending: ${jsonencode(output.statuses)}"
  }

  assert {
    condition     = length(output.delivered_orders) == 0
    error_message = "nothing should be delivered yet"
  }

  assert {
    condition     = length(trackingmore_trackings.bulk) == 1 && length(trackingmore_tracking.each) == 0
    error_message = "bulk = true should use one trackingmore_trackings resource"
  }
}

# Marks one shipment delivered and changes its title: only that order changes,
# in place (same ids), and the others are untouched.
run "deliver_one_order" {
  variables {
    # The create run's outputs, passed in as test variables: OpenTofu, unlike
    # Terraform, cannot read run.create in an assert condition.
    ids_before      = run.create.ids
    statuses_before = run.create.statuses

    shipments = {
      "SO-1001" = { carrier_code = "ups", tracking_number = "1Z999AA10123456784", customer_emails = ["jane@example.com"], title = "Espresso machine" }
      "SO-1002" = { carrier_code = "usps", tracking_number = "9400111899223197428490", title = "Running shoes", delivered = true }
      "SO-1003" = { carrier_code = "china-post", tracking_number = "RR123456785CN", customer_name = "Li Wei" }
    }
  }

  assert {
    condition     = jsonencode(output.ids) == jsonencode(var.ids_before)
    error_message = "updating a shipment should keep every tracking id"
  }

  assert {
    condition     = jsonencode(output.statuses) == jsonencode(merge(var.statuses_before, { "SO-1002" = "delivered" }))
    error_message = "only SO-1002 should change status: ${jsonencode(output.statuses)}"
  }

  assert {
    condition     = output.delivered_orders == tolist(["SO-1002"])
    error_message = "SO-1002 should be the only delivered order"
  }

  assert {
    condition     = trackingmore_trackings.bulk[0].trackings["SO-1002"].title == "Running shoes"
    error_message = "SO-1002 should have its new title"
  }

  assert {
    condition     = trackingmore_trackings.bulk[0].trackings["SO-1001"].title == "Espresso machine" && trackingmore_trackings.bulk[0].trackings["SO-1003"].title == null
    error_message = "the other orders' titles should be unchanged"
  }
}

# The same module with one trackingmore_tracking per shipment. Other parcels,
# so that creating them never races the bulk resource's deletion.
run "one_resource_per_shipment" {
  variables {
    bulk = false
    shipments = {
      "SO-2001" = { carrier_code = "fedex", tracking_number = "123456789012", title = "Desk lamp" }
      "SO-2002" = { carrier_code = "dhl", tracking_number = "1234567890", delivered = true }
    }
  }

  assert {
    condition     = length(trackingmore_trackings.bulk) == 0 && length(trackingmore_tracking.each) == 2
    error_message = "bulk = false should use one trackingmore_tracking per shipment"
  }

  assert {
    condition     = alltrue([for id in values(output.ids) : can(regex("^[0-9a-f]{32}$", id))]) && jsonencode(keys(output.ids)) == jsonencode(["SO-2001", "SO-2002"])
    error_message = "tracking ids should be 32 hex characters: ${jsonencode(output.ids)}"
  }

  assert {
    condition     = jsonencode(output.statuses) == jsonencode({ "SO-2001" = "pending", "SO-2002" = "delivered" })
    error_message = "unexpected statuses: ${jsonencode(output.statuses)}"
  }

  assert {
    condition     = output.delivered_orders == tolist(["SO-2002"])
    error_message = "SO-2002 should be the only delivered order"
  }
}
