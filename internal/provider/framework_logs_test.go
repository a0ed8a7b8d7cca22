package provider

import (
	"os"
	"testing"
)

func TestQuietFrameworkLogs(t *testing.T) {
	for name, tc := range map[string]struct {
		env  map[string]string
		want string
	}{
		"no logging asked for": {env: map[string]string{}, want: "OFF"},
		"TF_LOG":               {env: map[string]string{"TF_LOG": "TRACE"}, want: ""},
		"TF_LOG_PROVIDER":      {env: map[string]string{"TF_LOG_PROVIDER": "DEBUG"}, want: ""},
		"framework level kept": {env: map[string]string{"TF_LOG_SDK_FRAMEWORK": "INFO"}, want: "INFO"},
	} {
		t.Run(name, func(t *testing.T) {
			for _, v := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK"} {
				t.Setenv(v, tc.env[v])
			}
			QuietFrameworkLogs()
			if got := os.Getenv("TF_LOG_SDK_FRAMEWORK"); got != tc.want {
				t.Errorf("TF_LOG_SDK_FRAMEWORK = %q, want %q", got, tc.want)
			}
		})
	}
}
