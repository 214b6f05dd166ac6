package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/purecloud-go/platform-client/generator"
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

// The environment variables of the official SDK pipeline that force a bump
// (true, any case).
var forceEnv = []struct {
	name   string
	impact swaggerdiff.Impact
}{
	{"INCREMENT_MAJOR", swaggerdiff.Major},
	{"INCREMENT_MINOR", swaggerdiff.Minor},
	{"INCREMENT_POINT", swaggerdiff.Patch},
}

func newDiff() *cobra.Command {
	var old, next, rules, format string
	var fetchTimeout time.Duration
	cmd := &cobra.Command{
		Use:   "diff --old <spec|snapshot> --new <spec>",
		Short: "List the changes between two API descriptions and the bump they require",
		Long: `diff compares two descriptions of the Platform API, each a spec (file or URL,
JSON or YAML) or an API snapshot such as sdk/` + generator.SnapshotFile + `, and prints
the changes, each with its impact, and the bump they require.

Rules: go (default) rates a change by what it does to the generated Go API,
with removals kept as Deprecated tombstones as release keeps them (so a
removal is minor); official reproduces the official SDK differ.
Formats: text (default), markdown (the sections of the release notes), json.

` + exitCodesHelp,
		Example: `  sdkgen diff --old sdk/` + generator.SnapshotFile + ` --new ../shared/swagger/platform-api-v2.json
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

// releaseOptions are the flags of release.
type releaseOptions struct {
	spec         string
	out          string
	module       string
	bump         string
	rules        string
	apiVersion   string
	notes        string
	notesSet     bool
	dryRun       bool
	fetchTimeout time.Duration
	getenv       func(string) (string, bool)
}

func newRelease() *cobra.Command {
	o := releaseOptions{getenv: os.LookupEnv}
	cmd := &cobra.Command{
		Use:   "release [--spec <file|URL>] [--bump major|minor|patch]",
		Short: "Diff the spec against the last release, bump the version and regenerate the SDK",
		Long: `release makes the next release of the SDK in --out (default sdk) in one step:

 1. loads the spec and the last release's API snapshot (--out/` + generator.SnapshotFile + `) and
    version (--out/` + generator.VersionFile + `);
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
 4. writes the SDK with ` + generator.VersionFile + `, the snapshot of this release and its
    release notes (` + generator.NotesFile + `, the official layout: "Platform API version:
    <--api-version, default the spec's info.version>", the --notes text or
    the RELEASE_NOTES variable when set, then the major, minor and point
    changes), replacing --out as a whole and only when everything succeeded;
 5. prints one line: the new version, the bump and the change counts.

Without a snapshot in --out (the first release) there is nothing to diff:
the release is the current version (` + generator.DefaultSDKVersion.String() + ` without a version file),
raised only by a forced bump. When the diff finds nothing but the generated
files differ (a generator change, or documentation the snapshot does not
record, such as permissions) the release is a patch.
--dry-run does everything but write, and prints the changes too.

` + exitCodesHelp,
		Example: `  sdkgen release --spec ../shared/swagger/platform-api-v2.json
  sdkgen release --spec https://api.mypurecloud.com/api/v2/docs/swagger --api-version 10311
  sdkgen release --bump minor --notes "Adds platformclient.Retry"
  INCREMENT_MAJOR=true sdkgen release --dry-run`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.spec == "" {
				o.spec = defaultSpec()
			}
			o.notesSet = cmd.Flags().Changed("notes")
			return runRelease(cmd.Context(), o, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.spec, "spec", "", "spec file or http(s) URL, JSON or YAML (default: the shared spec if present, else the live spec)")
	f.StringVar(&o.out, "out", "sdk", "the SDK directory: read for the last release, replaced with the new one")
	f.StringVar(&o.module, "module", generator.DefaultModule, "Go module path of the SDK, without the /vN suffix (added from major 2 on)")
	f.StringVar(&o.bump, "bump", "", "force at least this bump: major (also drops every tombstone), minor or patch")
	f.StringVar(&o.rules, "rules", string(swaggerdiff.RulesGo), "rule set that rates the changes: go or official")
	f.StringVar(&o.apiVersion, "api-version", "", `Platform API build for the release notes' "Platform API version:" line (default: the spec's info.version)`)
	f.StringVar(&o.notes, "notes", "", "text put at the top of the release notes (default: $RELEASE_NOTES when set)")
	f.BoolVar(&o.dryRun, "dry-run", false, "write nothing; print what the release would be and its changes")
	f.DurationVar(&o.fetchTimeout, "fetch-timeout", swagger.DefaultFetchTimeout, "give up downloading a spec given by URL after this long")
	return cmd
}

// forcedBump is the larger of --bump and the INCREMENT_* variables.
func forcedBump(flag string, getenv func(string) (string, bool)) (swaggerdiff.Impact, error) {
	var forced swaggerdiff.Impact
	if flag != "" {
		var err error
		if forced, err = swaggerdiff.ParseImpact(flag); err != nil {
			return 0, fmt.Errorf("--bump: %w", err)
		}
		if forced == swaggerdiff.None {
			return 0, fmt.Errorf("--bump: unknown bump %q: want major, minor or patch", flag)
		}
	}
	for _, e := range forceEnv {
		if v, ok := getenv(e.name); ok && strings.EqualFold(strings.TrimSpace(v), "true") {
			forced = max(forced, e.impact)
		}
	}
	return forced, nil
}

func runRelease(ctx context.Context, o releaseOptions, stdout io.Writer) error {
	start := time.Now()
	forced, err := forcedBump(o.bump, o.getenv)
	if err != nil {
		return err
	}
	rules, err := swaggerdiff.ParseRules(o.rules)
	if err != nil {
		return fmt.Errorf("--rules: %w", err)
	}
	state, err := generator.ReadState(o.out)
	if err != nil {
		return err
	}
	spec, err := swagger.Load(ctx, o.spec, o.fetchTimeout)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("%w (raise --fetch-timeout)", err)
		}
		return err
	}
	if spec.IsSnapshot() {
		return fmt.Errorf("%s: an API snapshot, not a spec: the SDK is generated from the spec", o.spec)
	}
	previous, err := state.Previous()
	if err != nil {
		return err
	}
	prune := forced == swaggerdiff.Major
	current := swaggerdiff.Version(state.Version)
	res := &swaggerdiff.Result{Rules: rules, Changes: []swaggerdiff.Change{}}
	if previous != nil {
		// With prune the removals are not kept: rate them as what they are.
		if res, err = swaggerdiff.Compare(previous, spec, swaggerdiff.Options{Rules: rules, Tombstones: !prune}); err != nil {
			return err
		}
	}
	next := current.Next(res.Bump, forced)
	var notes *string
	if o.notesSet {
		notes = &o.notes
	} else if v, ok := o.getenv("RELEASE_NOTES"); ok {
		notes = &v
	}
	apiVersion := o.apiVersion
	if apiVersion == "" {
		apiVersion = spec.Doc.Info.Version
	}
	assemble := func(v swaggerdiff.Version) ([]generator.File, *generator.SDK, error) {
		files, sdk, _, err := generator.Assemble(spec, generator.Release{
			Module:    o.module,
			Version:   generator.Version(v),
			Previous:  previous,
			Prune:     prune,
			RemovedIn: v.String(),
			Notes:     swaggerdiff.ReleaseNotes(res, apiVersion, notes),
		})
		return files, sdk, err
	}
	files, sdk, err := assemble(next)
	if err != nil {
		return err
	}
	why := ""
	if next == current && previous != nil {
		same, err := sameTree(o.out, files)
		if err != nil {
			return err
		}
		if same {
			fmt.Fprintf(stdout, "sdkgen: no change: %s is version %s, generated from the same API (%s rules)\n", o.out, current, rules)
			return errNoChange
		}
		// Nothing the snapshot records changed, yet the generated files did.
		next = current.Next(swaggerdiff.Patch, swaggerdiff.None)
		why = ": the generated files changed, not the API"
		if files, sdk, err = assemble(next); err != nil {
			return err
		}
	}
	bump := "first release"
	switch {
	case previous != nil:
		bump = bumpName(current, next) + ", was " + current.String()
	case next != current:
		bump = "first release, " + bumpName(current, next) + ", was " + current.String()
	}
	counts := fmt.Sprintf("%s rules: %d major, %d minor, %d patch changes", rules,
		res.Count(swaggerdiff.Major), res.Count(swaggerdiff.Minor), res.Count(swaggerdiff.Patch))
	if forced != swaggerdiff.None {
		counts += ", " + forced.String() + " forced"
	}
	if prune {
		counts += ", tombstones dropped"
	}
	if o.dryRun {
		fmt.Fprintf(stdout, "sdkgen: dry run: would release %s (%s%s; %s) into %s, module %s\n",
			next, bump, why, counts, o.out, generator.ModulePath(o.module, next.Major))
		_, err := stdout.Write(swaggerdiff.Text(res))
		return err
	}
	if err := generator.WriteTree(o.out, files); err != nil {
		return err
	}
	sum := generator.NewSummary(sdk, files, generator.Version(next))
	sum.Elapsed = time.Since(start)
	fmt.Fprintf(stdout, "sdkgen: released %s (%s%s; %s) into %s: %d APIs, %d operations, %d models, %d files in %.1fs\n",
		next, bump, why, counts, o.out, sum.APIs, sum.Operations, sum.Models, sum.Files, sum.Elapsed.Seconds())
	return nil
}

// bumpName says which part of the version went up from a to b.
func bumpName(a, b swaggerdiff.Version) string {
	switch {
	case b.Major != a.Major:
		return "major"
	case b.Minor != a.Minor:
		return "minor"
	case b.Patch != a.Patch:
		return "patch"
	}
	return "no bump"
}

// sameTree reports whether dir holds exactly files, apart from the release
// notes (which a release always rewrites) and the snapshot (which the diff
// has just found equivalent: its bytes differ only if its format changed).
func sameTree(dir string, files []generator.File) (bool, error) {
	skip := func(path string) bool { return path == generator.NotesFile || path == generator.SnapshotFile }
	want := map[string][]byte{}
	for _, f := range files {
		if !skip(f.Path) {
			want[f.Path] = f.Data
		}
	}
	same := true
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !same {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if skip(rel) {
			return nil
		}
		data, ok := want[rel]
		if !ok {
			same = false
			return nil
		}
		delete(want, rel)
		got, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		same = bytes.Equal(got, data)
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("compare with %s: %w", dir, err)
	}
	return same && len(want) == 0, nil
}
