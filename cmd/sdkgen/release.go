package main

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/purecloud-go/platform-client/generator"
	"github.com/purecloud-go/platform-client/release"
	"github.com/purecloud-go/platform-client/swagger"
	"github.com/purecloud-go/platform-client/swaggerdiff"
)

// Exit statuses of sdkgen.
const (
	exitOK       = 0 // done: generated, released, or a diff with changes
	exitError    = 1 // an error, printed on stderr; nothing was written
	exitNoChange = 3 // release and diff: nothing changed; nothing was written
)

const exitCodesHelp = `Exit status:
  0  done (generate: written; release: a new version written, or with
     --dry-run one would be; diff: changes found)
  1  error, printed on stderr; nothing was written
  3  nothing changed (release, diff); nothing was written`

// errNoChange ends release and diff when there is nothing to do: main exits
// with exitNoChange after the command has said so on stdout.
var errNoChange = errors.New("no change")

func newDiff() *cobra.Command {
	var old, next, rules, format string
	var fetchTimeout time.Duration
	cmd := &cobra.Command{
		Use:   "diff --old <spec|snapshot> --new <spec>",
		Short: "List the changes between two API descriptions and the bump they require",
		Long: `diff compares two descriptions of the Platform API, each a spec (file or URL,
JSON or YAML) or an API snapshot such as release/state/` + release.SnapshotFile + `, and prints
the changes, each with its impact, and the bump they require.

Rules: go (default) rates a change by what it does to the generated Go API,
with removals kept as Deprecated tombstones as release keeps them (so a
removal is minor); official reproduces the official SDK differ.
Formats: text (default), markdown (the sections of the release notes), json.

` + exitCodesHelp,
		Example: `  sdkgen diff --old release/state/` + release.SnapshotFile + ` --new ../shared/swagger/platform-api-v2.json
  sdkgen diff --old old.json --new new.json --rules official --format markdown`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := swaggerdiff.ParseRules(rules)
			if err != nil {
				return err
			}
			f, err := swaggerdiff.ParseFormat(format)
			if err != nil {
				return err
			}
			if old == "" || next == "" {
				return errors.New("diff needs --old and --new")
			}
			// Both descriptions load at once (each also on every core).
			var oldSpec *swagger.Spec
			var errOld error
			var loads sync.WaitGroup
			loads.Go(func() { oldSpec, errOld = swagger.Load(cmd.Context(), old, fetchTimeout) })
			newSpec, err := swagger.Load(cmd.Context(), next, fetchTimeout)
			loads.Wait()
			if errOld != nil {
				return errOld
			}
			if err != nil {
				return err
			}
			res, err := swaggerdiff.Compare(oldSpec, newSpec, swaggerdiff.Options{Rules: r, Tombstones: true})
			if err != nil {
				return err
			}
			out, err := swaggerdiff.Render(res, f)
			if err != nil {
				return err
			}
			if _, err := cmd.OutOrStdout().Write(out); err != nil {
				return err
			}
			if len(res.Changes) == 0 {
				return errNoChange
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&old, "old", "", "the older description: a spec (file or http(s) URL) or an API snapshot")
	fl.StringVar(&next, "new", "", "the newer description: a spec (file or http(s) URL) or an API snapshot")
	fl.StringVar(&rules, "rules", string(swaggerdiff.RulesGo), "rule set: go or official")
	fl.StringVar(&format, "format", "text", "output: text, markdown or json")
	fl.DurationVar(&fetchTimeout, "fetch-timeout", swagger.DefaultFetchTimeout, "give up downloading a spec given by URL after this long")
	return cmd
}

func newRelease() *cobra.Command {
	var o release.Options
	var notes string
	cmd := &cobra.Command{
		Use:   "release [--spec <file|URL>] [--bump major|minor|patch] [--commit]",
		Short: "Diff the spec against the last release, bump the version, regenerate the SDK, and commit and tag it",
		Long: `release makes the next release of the SDK in --out (default sdk) in one step:

 1. loads the spec and the record of the last release: its version
    (` + release.VersionFile + `) and API snapshot (` + release.SnapshotFile + `) in --state (default
    release/state beside --out: the record is not part of the SDK module);
 2. diffs them (--rules go, the default, or official) and computes the version:
    major, minor or patch as the changes require, or as forced with --bump
    or the environment (INCREMENT_MAJOR, INCREMENT_MINOR or INCREMENT_POINT
    set to true), whichever is larger: a forced bump never lowers what the
    changes require. The prerelease label is carried over. From major 2 on
    the module path ends in /vN (go.mod, every import, the README);
 3. regenerates the SDK: what the spec removed since the last release
    (operations, parameters, models, properties, enum values) stays in the Go
    API as Deprecated tombstones, so that under the go rules a removal is a
    minor release; a forced major release (--bump major, INCREMENT_MAJOR)
    drops every tombstone;
 4. with --commit, refuses before writing anything when --out is not in a
    git work tree, when the work tree has uncommitted changes (untracked
    files count only inside --out and --state), or when the tag exists;
 5. writes the SDK with its release notes (` + release.NotesFile + `, the official
    layout: "Platform API version: <--api-version, default the spec's
    info.version>", the --notes text or the RELEASE_NOTES variable when
    set, then the major, minor and point changes), replacing --out as a
    whole, and the new record into --state, only when everything succeeded;
 6. with --commit, commits exactly the release ("Release SDK X.Y.Z", then
    the notes) and tags it with an annotated tag carrying the notes:
    <path of --out in the repository>/vX.Y.Z, such as sdk/v1.2.0, the tag
    the go command resolves for the module;
 7. prints one line: the new version, the bump and the change counts.

Without a snapshot (the first release) there is nothing to diff: the
release is the current version (` + release.DefaultVersion.String() + ` without a version file), raised
only by a forced bump. When the diff finds nothing but the generated files
differ (a generator change, or documentation the snapshot does not record,
such as permissions) the release is a patch. --dry-run does everything but
write (and commit), and prints the changes too.

` + exitCodesHelp,
		Example: `  sdkgen release --spec ../shared/swagger/platform-api-v2.json
  sdkgen release --spec https://api.mypurecloud.com/api/v2/docs/swagger --api-version 10311 --commit
  sdkgen release --bump minor --notes "Adds platformclient.Retry"
  INCREMENT_MAJOR=true sdkgen release --dry-run`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.Spec == "" {
				o.Spec = defaultSpec()
			}
			if cmd.Flags().Changed("notes") {
				o.Notes = &notes
			}
			stdout := cmd.OutOrStdout()
			sum, err := release.Run(cmd.Context(), o)
			if errors.Is(err, release.ErrNoChange) {
				fmt.Fprintf(stdout, "sdkgen: %v\n", err)
				return errNoChange
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "sdkgen: %s\n", sum)
			if sum.DryRun {
				_, err = stdout.Write(swaggerdiff.Text(sum.Result))
			}
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Spec, "spec", "", "spec file or http(s) URL, JSON or YAML (default: the shared spec if present, else the live spec)")
	f.StringVar(&o.SDKDir, "out", "sdk", "the SDK directory: read for the last release's notes, replaced with the new one")
	f.StringVar(&o.StateDir, "state", "", "the record of the last release (version and API snapshot), read and rewritten (default: release/state beside --out)")
	f.StringVar(&o.Module, "module", generator.DefaultModule, "Go module path of the SDK, without the /vN suffix (added from major 2 on)")
	f.StringVar(&o.Bump, "bump", "", "force at least this bump: major (also drops every tombstone), minor or patch")
	f.StringVar(&o.Rules, "rules", string(swaggerdiff.RulesGo), "rule set that rates the changes: go or official")
	f.StringVar(&o.APIVersion, "api-version", "", `Platform API build for the release notes' "Platform API version:" line (default: the spec's info.version)`)
	f.StringVar(&notes, "notes", "", "text put at the top of the release notes (default: $RELEASE_NOTES when set)")
	f.BoolVar(&o.DryRun, "dry-run", false, "write nothing; print what the release would be and its changes")
	f.BoolVar(&o.Commit, "commit", false, "commit the release in the git work tree of --out and tag it <dir>/vX.Y.Z (refused, before anything is written, on uncommitted changes or an existing tag)")
	f.DurationVar(&o.FetchTimeout, "fetch-timeout", swagger.DefaultFetchTimeout, "give up downloading a spec given by URL after this long")
	return cmd
}
