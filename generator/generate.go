// Package generator turns a Swagger 2.0 spec of the Genesys Cloud Platform API
// into a Go SDK module. Data flows one way: Build makes the intermediate model
// (ir.go) from a loaded spec, Render executes the templates on it, and
// WriteTree swaps the files into place.
package generator

import (
	"context"
	"fmt"
	"time"

	"github.com/purecloud-go/platform-client/swagger"
)

// DefaultModule is the Go module path of the generated SDK.
const DefaultModule = "github.com/purecloud-go/platform-client/sdk"

// DefaultVersion is the SDK version Generate writes when Options.Version is
// empty.
const DefaultVersion = "0.1.0"

// Options says what Generate does.
type Options struct {
	// Spec is the spec's file path or http(s) URL.
	Spec string
	// Out is the directory the SDK is written to; it is replaced as a whole.
	Out string
	// Module is the SDK's Go module path (with its /vN suffix from major
	// version 2 on); empty means DefaultModule.
	Module string
	// Version is the SDK's version, such as 1.2.3; empty means
	// DefaultVersion.
	Version string
	// FetchTimeout bounds the download of a spec given by URL; 0 means
	// swagger.DefaultFetchTimeout.
	FetchTimeout time.Duration
}

// Summary describes what Generate wrote.
type Summary struct {
	APIs       int
	Operations int // methods over all APIs (an operation under two tags counts twice)
	Models     int
	Files      int
	Version    string
	Elapsed    time.Duration
}

func (s Summary) String() string {
	return fmt.Sprintf("version %s, %d APIs, %d operations, %d models, %d files in %.1fs",
		s.Version, s.APIs, s.Operations, s.Models, s.Files, s.Elapsed.Seconds())
}

// NewSummary counts what an SDK of files holds.
func NewSummary(sdk *SDK, files []File, v string) Summary {
	sum := Summary{APIs: len(sdk.APIs), Models: len(sdk.Models), Files: len(files), Version: v}
	for _, api := range sdk.APIs {
		sum.Operations += len(api.Operations)
	}
	return sum
}

// Generate loads the spec, builds the SDK and writes it to opts.Out, which
// it replaces as a whole. It knows nothing of releases: the release package
// keeps the record of the last release (its version, snapshot, tombstones
// and notes) around generation. On any error nothing is written.
func Generate(ctx context.Context, opts Options) (Summary, error) {
	start := time.Now()
	spec, err := swagger.Load(ctx, opts.Spec, opts.FetchTimeout)
	if err != nil {
		return Summary{}, err
	}
	if opts.Version == "" {
		opts.Version = DefaultVersion
	}
	files, sdk, err := Files(spec, opts.Module, opts.Version)
	if err != nil {
		return Summary{}, err
	}
	if err := WriteTree(opts.Out, files); err != nil {
		return Summary{}, err
	}
	sum := NewSummary(sdk, files, opts.Version)
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// Files builds and renders the SDK of a loaded spec without writing it.
func Files(spec *swagger.Spec, module, version string) ([]File, *SDK, error) {
	if module == "" {
		module = DefaultModule
	}
	if version == "" {
		version = DefaultVersion
	}
	sdk, err := Build(spec, module)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", spec.Source, err)
	}
	files, err := Render(sdk, version)
	if err != nil {
		return nil, nil, err
	}
	return files, sdk, nil
}
