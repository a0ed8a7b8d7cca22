// Command terraform-provider-trackingmore serves the TrackingMore provider to
// Terraform and OpenTofu over plugin protocol 6.
package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

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

	server, err := provider.NewServer(version)
	if err != nil {
		log.Fatal(err)
	}
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	if err := tf6server.Serve("registry.terraform.io/trackform/trackingmore", server, opts...); err != nil {
		log.Fatal(err)
	}
}
