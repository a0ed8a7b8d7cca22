# A comma-separated list of carrier_code/tracking_number pairs, each optionally
# prefixed with "label=" (the label defaults to the tracking number).
terraform import trackingmore_trackings.shop 'SO-1001=ups/1Z999AA10123456784,SO-1002=usps/9400111899223197428490'
