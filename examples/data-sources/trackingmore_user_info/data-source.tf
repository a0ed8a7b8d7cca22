data "trackingmore_user_info" "account" {}

output "remaining_quota" {
  value = data.trackingmore_user_info.account.remaining_quota
}
