package providerconfig

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/trackform/terraform-provider-trackingmore/internal/carriercheck"
	"github.com/trackform/terraform-provider-trackingmore/internal/providerenv"
	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
	"github.com/trackform/terraform-provider-trackingmore/internal/validators"
)

// Data is what one provider configuration gives every resource, data
// source, action, list and ephemeral resource, and the bulk resource's
// server: its client, and the carrier catalogue fetched through it.
type Data struct {
	Client   *trackingmore.Client
	Carriers *carriercheck.Source
}

// configured holds one Data per configuration for the life of the process:
// the framework's server and the bulk server are each configured with the
// same block and must share its client (one pacing budget); a provider
// process serves one or a few configurations, and a client is small once idle.
var configured = struct {
	sync.Mutex
	byConfig map[trackingmore.Config]*Data
}{byConfig: map[trackingmore.Config]*Data{}}

// Configure is the Data of the provider block config, with the environment
// fallbacks applied: the same for every caller with the same
// configuration. nil without errors means the block is not known yet (an
// api_key from another resource): Terraform configures again at apply.
func Configure(config Model, version string) (*Data, diag.Diagnostics) {
	var diags diag.Diagnostics
	if config.APIKey.IsUnknown() || config.APIVersion.IsUnknown() || config.BaseURL.IsUnknown() {
		return nil, diags
	}
	cfg, ok := clientConfig(config, version, &diags)
	if !ok {
		return nil, diags
	}
	configured.Lock()
	defer configured.Unlock()
	if data, ok := configured.byConfig[cfg]; ok {
		return data, diags
	}
	key := cfg
	cfg.Logger = newTFLogger(cfg.APIKey)
	client, err := trackingmore.New(cfg)
	if err != nil {
		diags.AddError("Unable to create TrackingMore client", err.Error())
		return nil, diags
	}
	data := &Data{Client: client, Carriers: carriercheck.NewSource(client)}
	configured.byConfig[key] = data
	return data, diags
}

// ConfigureFromProtocol is Configure for a ConfigureProvider call's raw
// configuration, decoded with the framework as its server decodes it.
func ConfigureFromProtocol(ctx context.Context, raw *tfprotov6.DynamicValue, version string) (*Data, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := Schema()
	v, err := raw.Unmarshal(s.Type().TerraformType(ctx))
	if err != nil {
		diags.AddError("Unexpected provider configuration from Terraform", err.Error())
		return nil, diags
	}
	var config Model
	diags.Append(tfsdk.Config{Raw: v, Schema: s}.Get(ctx, &config)...)
	if diags.HasError() {
		return nil, diags
	}
	data, more := Configure(config, version)
	diags.Append(more...)
	return data, diags
}

// clientConfig resolves the block and its environment fallbacks into the
// client's configuration (without its Logger, so that it can key the cache).
func clientConfig(config Model, version string, diags *diag.Diagnostics) (trackingmore.Config, bool) {
	apiKey := stringOr(config.APIKey, os.Getenv(providerenv.APIKey))
	if apiKey == "" {
		diags.AddAttributeError(path.Root("api_key"), "Missing TrackingMore API key",
			"Set the provider's api_key argument or the "+providerenv.APIKey+" environment variable. "+
				"To try the provider without an account, run trackingmore-mock and point base_url (or "+providerenv.BaseURL+") at it.")
		return trackingmore.Config{}, false
	}
	apiVersion := stringOr(config.APIVersion, os.Getenv(providerenv.APIVersion))
	switch apiVersion {
	case "":
		apiVersion = trackingmore.APIVersionV2
	case trackingmore.APIVersionV2, trackingmore.APIVersionV4:
	default: // only the environment can get here: the argument is validated
		diags.AddAttributeError(path.Root("api_version"), "Invalid TrackingMore API version",
			fmt.Sprintf("%s is %q: set it to %q or %q, or unset it for %q.", providerenv.APIVersion, apiVersion,
				trackingmore.APIVersionV2, trackingmore.APIVersionV4, trackingmore.APIVersionV2))
		return trackingmore.Config{}, false
	}
	baseURL := stringOr(config.BaseURL, os.Getenv(providerenv.BaseURL))
	if problem := validators.HTTPURLProblem(baseURL); baseURL != "" && problem != "" {
		diags.AddAttributeError(path.Root("base_url"), "Invalid TrackingMore base URL",
			"The base URL (from base_url or "+providerenv.BaseURL+") "+problem)
		return trackingmore.Config{}, false
	}
	if other := otherVersionPath(baseURL, apiVersion); other != "" {
		// The other version's API would refuse every call, naming the key.
		diags.AddAttributeError(path.Root("base_url"), "TrackingMore base URL of another API version",
			fmt.Sprintf("The base URL (from base_url or %s) %q is TrackingMore's %s API, and api_version (or %s) is %q. "+
				"Change the URL's /%s to /%s, or set api_version = %q.", providerenv.BaseURL, baseURL, other, providerenv.APIVersion,
				apiVersion, other, apiVersion, other))
		return trackingmore.Config{}, false
	}
	var timeout time.Duration // the client's default
	if !config.RequestTimeout.IsNull() {
		// Already validated by validators.PositiveDuration.
		timeout, _ = time.ParseDuration(config.RequestTimeout.ValueString())
	}
	return trackingmore.Config{
		APIKey:            apiKey,
		APIVersion:        apiVersion,
		BaseURL:           baseURL, // "" is the version's default
		MaxRetries:        int(int64Or(config.MaxRetries, defaultMaxRetries)),
		RequestTimeout:    timeout,
		RequestsPerSecond: float64Or(config.RequestsPerSecond, trackingmore.DefaultRequestsPerSecond(apiVersion)),
		UserAgent:         "terraform-provider-trackingmore/" + version,
	}, true
}

// otherVersionPath is the API version, other than version, that baseURL's
// last path segment names ("v2" for https://api.trackingmore.com/v2), or "".
func otherVersionPath(baseURL, version string) string {
	trimmed := strings.TrimRight(baseURL, "/")
	last := trimmed[strings.LastIndex(trimmed, "/")+1:]
	for _, v := range []string{trackingmore.APIVersionV2, trackingmore.APIVersionV4} {
		if last == v && v != version {
			return v
		}
	}
	return ""
}

func stringOr(v types.String, fallback string) string {
	if v.IsNull() || v.IsUnknown() {
		return fallback
	}
	return v.ValueString()
}

func int64Or(v types.Int64, fallback int64) int64 {
	if v.IsNull() || v.IsUnknown() {
		return fallback
	}
	return v.ValueInt64()
}

func float64Or(v types.Float64, fallback float64) float64 {
	if v.IsNull() || v.IsUnknown() {
		return fallback
	}
	return v.ValueFloat64()
}
