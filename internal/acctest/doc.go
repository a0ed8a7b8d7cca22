// Package acctest holds what the provider's tests share: a private mock API
// per test and the provider configuration pointing at it, checks on what
// the mock saw and holds, the Terraform CLI the acceptance tests drive
// (found, feature-checked by version, or driven directly in a Workdir),
// and small renderers of HCL. terraform-provider-time keeps its
// internal/timetesting the same way.
//
// It never imports internal/provider (whose tests import it): the provider
// package passes its server constructor in, see ProviderFactories and
// NewInProcessWorkdir.
package acctest
