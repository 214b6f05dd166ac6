// Command sdkgen generates the Genesys Cloud Platform API SDK for Go from the
// Platform API's Swagger 2.0 spec.
//
//	go run ./cmd/sdkgen generate                 # the shared spec, or the live one, into sdk/
//	go run ./cmd/sdkgen generate --spec api.yaml --out /tmp/sdk
//	go run ./cmd/sdkgen diff --old release/state/api-snapshot.json --new new.json
//	go run ./cmd/sdkgen release --spec new.json --bump minor
//
// Exit status: 0 done, 1 error (nothing written), 3 nothing changed (release
// and diff; nothing written).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/purecloud-go/platform-client/generator"
	"github.com/purecloud-go/platform-client/release"
	"github.com/purecloud-go/platform-client/swagger"
)

// Where the spec comes from when --spec is not given: the shared copy beside
// the repository when it is there, else the live spec.
const (
	sharedSpec = "../shared/swagger/platform-api-v2.json"
	liveSpec   = "https://api.mypurecloud.com/api/v2/docs/swagger"
)

func main() {
	// sdkgen holds a whole spec (two in diff and release) while it builds
	// the model: collecting at each doubling of the heap costs more time
	// than the memory it saves (about 10 %). GOGC in the environment wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := newRoot(os.Stdout).ExecuteContext(ctx)
	stop()
	switch {
	case errors.Is(err, errNoChange):
		os.Exit(exitNoChange)
	case err != nil:
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(exitError)
	}
}

func newRoot(stdout io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "sdkgen",
		Short: "Generate the Genesys Cloud Platform API SDK for Go from its Swagger spec",
		Long: `sdkgen reads the Genesys Cloud Platform API spec (Swagger 2.0, JSON or YAML,
from a file or a URL) and writes a Go module with one package per API, a
models package and the platformclient runtime (generate), compares two
descriptions of the API (diff), and makes the next release of the SDK:
diff against the last one, version bump, regeneration, release notes
(release).

Shell completion: sdkgen completion bash|zsh|fish|powershell prints the
script (see sdkgen completion <shell> --help for where to put it).

` + exitCodesHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.AddCommand(newGenerate(), newDiff(), newRelease())
	return root
}

func newGenerate() *cobra.Command {
	var opts release.GenerateOptions
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Write the SDK module generated from a spec",
		Long: `generate loads the spec, builds every API, operation and model, renders the
templates and replaces the output directory as a whole. Nothing is written
unless every step succeeds; the same spec always gives the same files.

It makes no release: it keeps the record of the last release (` + release.VersionFile + `
and ` + release.SnapshotFile + ` in --state, ` + release.NotesFile + ` in --out), keeps the snapshot's
tombstones, and uses its version (` + release.DefaultVersion.String() + ` when there is none yet, the
snapshot then being that of the spec). Use release to bump the version.

Without --spec it uses ` + sharedSpec + ` when that file exists, else it
downloads ` + liveSpec + `.`,
		Example: `  sdkgen generate
  sdkgen generate --spec ../shared/swagger/platform-api-v2.json --out sdk
  sdkgen generate --spec https://api.mypurecloud.com/api/v2/docs/swagger --out /tmp/sdk`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Spec == "" {
				opts.Spec = defaultSpec()
			}
			sum, err := release.Generate(cmd.Context(), opts)
			if err != nil {
				if errors.Is(err, context.DeadlineExceeded) {
					return fmt.Errorf("%w (raise --fetch-timeout)", err)
				}
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "sdkgen: wrote %s from %s: %s\n", opts.SDKDir, opts.Spec, sum)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Spec, "spec", "", "spec file or http(s) URL, JSON or YAML (default: the shared spec if present, else the live spec)")
	f.StringVar(&opts.SDKDir, "out", "sdk", "directory to write the SDK module to; it is replaced")
	f.StringVar(&opts.StateDir, "state", "", "the record of the last release (version and API snapshot), kept (default: release/state beside --out)")
	f.StringVar(&opts.Module, "module", generator.DefaultModule, "Go module path of the SDK, without the /vN suffix (added from major 2 on)")
	f.DurationVar(&opts.FetchTimeout, "fetch-timeout", swagger.DefaultFetchTimeout, "give up downloading a spec given by URL after this long")
	return cmd
}

func defaultSpec() string {
	if _, err := os.Stat(sharedSpec); err == nil {
		return sharedSpec
	}
	return liveSpec
}
