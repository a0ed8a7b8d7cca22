package provider

import "os"

// QuietFrameworkLogs turns terraform-plugin-framework's own logging off
// unless the user asked for logs with any TF_LOG* variable (Terraform
// discards provider logs then anyway).
//
// Why: the framework (v1.19) adds a logging context layer for every value it
// visits and never drops them, so each of its trace logs walks an ever
// longer context chain: quadratic in the size of a value
// (terraform-plugin-framework issue #721; #775 is the plan cost of large
// values that internal/bulk avoids). It made a 5,000-item
// trackingmore_trackings take minutes of provider CPU per plan, before that
// resource left the framework; the data sources that return lists of up to
// 2,000 trackings still go through the framework. With the subsystem off,
// those logs return at once. The provider's own logs (retries, pacing) are
// unaffected. This can go when #721 is fixed: `make bench` with
// TF_LOG_SDK_FRAMEWORK=TRACE then shows the trackings data source rows as
// fast as without it.
func QuietFrameworkLogs() {
	for _, name := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK"} {
		if os.Getenv(name) != "" {
			return
		}
	}
	_ = os.Setenv("TF_LOG_SDK_FRAMEWORK", "OFF")
}
