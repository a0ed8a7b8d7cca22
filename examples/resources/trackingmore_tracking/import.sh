# A tracking is imported by its carrier code and tracking number.
terraform import trackingmore_tracking.espresso ups/1Z999AA10123456784
