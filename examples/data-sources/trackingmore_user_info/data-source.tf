# In a configuration that also creates trackings, add
#   depends_on = [trackingmore_tracking.NAME]
# so the quota is read after they are created: read before them, it is out of
# date after the apply, and the next plan shows remaining_quota changing.
data "trackingmore_user_info" "account" {}

output "remaining_quota" {
  value = data.trackingmore_user_info.account.remaining_quota
}
