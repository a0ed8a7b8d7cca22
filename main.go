// Command terraform-provider-trackingmore serves the TrackingMore provider to
// Terraform and OpenTofu over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/trackform/terraform-provider-trackingmore/internal/provider"
)

// version is stamped by goreleaser (-X main.version=...); it also ends up in
// the User-Agent header of every API call.
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()
	provider.QuietFrameworkLogs()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/trackform/trackingmore",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
