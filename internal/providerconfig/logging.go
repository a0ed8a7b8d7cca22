package providerconfig

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/trackform/terraform-provider-trackingmore/internal/trackingmore"
)

// tfLogger routes the client's retry and pacing logs into tflog, so TF_LOG
// shows them, with the API key masked in case anything ever carries it.
type tfLogger struct {
	apiKey string
}

func newTFLogger(apiKey string) tfLogger { return tfLogger{apiKey: apiKey} }

func (l tfLogger) masked(ctx context.Context) context.Context {
	if len(l.apiKey) < trackingmore.MinMaskedKeyLength {
		return ctx
	}
	ctx = tflog.MaskMessageStrings(ctx, l.apiKey)
	return tflog.MaskAllFieldValuesStrings(ctx, l.apiKey)
}

func (l tfLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(l.masked(ctx), msg, fields)
}

func (l tfLogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	tflog.Warn(l.masked(ctx), msg, fields)
}
