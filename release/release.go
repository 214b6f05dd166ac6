package release

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/purecloud-go/platform-client/generator"
	"github.com/purecloud-go/platform-client/swagger"
	"github.com/purecloud-go/platform-client/swaggerdiff"
)

// ErrNoChange ends a release that has nothing to release: the spec gives
// the SDK as it is. Nothing was written.
var ErrNoChange = errors.New("no change")

// ForceEnv are the environment variables of the official SDK pipeline that
// force a bump when set to true (any case).
var ForceEnv = []struct {
	Name   string
	Impact swaggerdiff.Impact
}{
	{"INCREMENT_MAJOR", swaggerdiff.Major},
	{"INCREMENT_MINOR", swaggerdiff.Minor},
	{"INCREMENT_POINT", swaggerdiff.Patch},
}

// NotesEnv is the environment variable whose value, when set (even empty),
// heads the release notes unless Options.Notes is given.
const NotesEnv = "RELEASE_NOTES"

// Options says what Run does; they are the flags of `sdkgen release`.
type Options struct {
	// Spec is the spec's file path or http(s) URL.
	Spec string
	// SDKDir is the SDK directory, read for the notes of the last release and
	// replaced by the new SDK.
	SDKDir string
	// StateDir holds the record of the last release; "" means
	// StateDir(SDKDir).
	StateDir string
	// Module is the SDK's module path without the /vN suffix; "" means
	// generator.DefaultModule.
	Module string
	// Bump forces at least this bump: major, minor or patch ("" forces none).
	Bump string
	// Rules rates the changes: go ("" too) or official.
	Rules string
	// APIVersion names the Platform API build in the notes; "" means the
	// spec's info.version.
	APIVersion string
	// Notes heads the release notes; nil means $RELEASE_NOTES when set.
	Notes *string
	// DryRun writes nothing (and commits nothing).
	DryRun bool
	// Commit commits the release and tags it (see the package doc). The
	// checks of the work tree come before anything is written.
	Commit bool
	// FetchTimeout bounds the download of a spec given by URL; 0 means
	// swagger.DefaultFetchTimeout.
	FetchTimeout time.Duration
	// Getenv reads the environment (INCREMENT_*, RELEASE_NOTES); nil means
	// os.LookupEnv.
	Getenv func(string) (string, bool)
}

// Summary says what a release did, or with DryRun would do.
type Summary struct {
	// Version is the new version, Previous the last release's.
	Version, Previous Version
	// First says there was no snapshot to diff against.
	First bool
	// Result is the diff against the last release.
	Result *swaggerdiff.Result
	// Forced is the forced bump (None when not forced); Pruned says the
	// tombstones were dropped (a forced major).
	Forced swaggerdiff.Impact
	Pruned bool
	// GeneratorOnly says the API did not change but the generated files did:
	// a patch release.
	GeneratorOnly bool
	// SDKDir and Module (with its /vN suffix) are where and what was written.
	SDKDir, Module string
	// DryRun says nothing was written.
	DryRun bool
	// Tag and Commit are the tag and commit of the release (Options.Commit).
	Tag, Commit string
	// Generated counts the SDK.
	Generated generator.Summary
}

// String is the one line `sdkgen release` prints.
func (s *Summary) String() string {
	bump := "first release"
	switch {
	case !s.First:
		bump = s.Version.bumpFrom(s.Previous) + ", was " + s.Previous.String()
	case s.Version != s.Previous:
		bump = "first release, " + s.Version.bumpFrom(s.Previous) + ", was " + s.Previous.String()
	}
	if s.GeneratorOnly {
		bump += ": the generated files changed, not the API"
	}
	r := s.Result
	counts := fmt.Sprintf("%s rules: %d major, %d minor, %d patch changes", r.Rules,
		r.Count(swaggerdiff.Major), r.Count(swaggerdiff.Minor), r.Count(swaggerdiff.Patch))
	if s.Forced != swaggerdiff.None {
		counts += ", " + s.Forced.String() + " forced"
	}
	if s.Pruned {
		counts += ", tombstones dropped"
	}
	var line string
	if s.DryRun {
		line = fmt.Sprintf("dry run: would release %s (%s; %s) into %s, module %s", s.Version, bump, counts, s.SDKDir, s.Module)
		if s.Tag != "" {
			line += ", then commit and tag " + s.Tag
		}
		return line
	}
	g := s.Generated
	line = fmt.Sprintf("released %s (%s; %s) into %s: %d APIs, %d operations, %d models, %d files in %.1fs",
		s.Version, bump, counts, s.SDKDir, g.APIs, g.Operations, g.Models, g.Files, g.Elapsed.Seconds())
	if s.Tag != "" {
		line += fmt.Sprintf("; committed %s, tagged %s", s.Commit, s.Tag)
	}
	return line
}

// forcedBump is the larger of the bump flag and the INCREMENT_* variables.
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
	for _, e := range ForceEnv {
		if v, ok := getenv(e.Name); ok && strings.EqualFold(strings.TrimSpace(v), "true") {
			forced = max(forced, e.Impact)
		}
	}
	return forced, nil
}

// Run makes the next release (see the package doc). It returns ErrNoChange,
// with the summary, when there is nothing to release; on any other error
// nothing was written.
func Run(ctx context.Context, o Options) (*Summary, error) {
	start := time.Now()
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.LookupEnv
	}
	o.StateDir = cmp.Or(o.StateDir, StateDir(o.SDKDir))
	forced, err := forcedBump(o.Bump, getenv)
	if err != nil {
		return nil, err
	}
	rules, err := swaggerdiff.ParseRules(o.Rules)
	if err != nil {
		return nil, fmt.Errorf("--rules: %w", err)
	}
	base := cmp.Or(o.Module, generator.DefaultModule)
	if majorSuffix(base) {
		return nil, errModuleSuffix(base)
	}
	var repo *gitRepo
	if o.Commit {
		// The cheap refusals first, before the spec is loaded.
		if repo, err = openRepo(o.SDKDir, o.StateDir); err != nil {
			return nil, err
		}
		if err := repo.checkClean(); err != nil {
			return nil, err
		}
	}
	state, err := ReadState(o.SDKDir, o.StateDir)
	if err != nil {
		return nil, err
	}
	spec, err := swagger.Load(ctx, o.Spec, o.FetchTimeout)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("%w (raise --fetch-timeout)", err)
		}
		return nil, err
	}
	if spec.IsSnapshot() {
		return nil, fmt.Errorf("%s: an API snapshot, not a spec: the SDK is generated from the spec", o.Spec)
	}
	previous, err := state.Previous()
	if err != nil {
		return nil, err
	}
	sum := &Summary{Previous: state.Version, First: previous == nil, Forced: forced, Pruned: forced == swaggerdiff.Major, SDKDir: o.SDKDir, DryRun: o.DryRun}
	sum.Result = &swaggerdiff.Result{Rules: rules, Changes: []swaggerdiff.Change{}}
	if previous != nil {
		// With prune the removals are not kept: rate them as what they are.
		if sum.Result, err = swaggerdiff.Compare(previous, spec, swaggerdiff.Options{Rules: rules, Tombstones: !sum.Pruned, Names: state.Names}); err != nil {
			return nil, err
		}
	}
	notes := o.Notes
	if notes == nil {
		if v, ok := getenv(NotesEnv); ok {
			notes = &v
		}
	}
	apiVersion := cmp.Or(o.APIVersion, spec.Doc.Info.Version)
	releaseAs := func(v Version) (*assembled, error) {
		return assemble(spec, build{
			module:    base,
			version:   v,
			previous:  previous,
			names:     state.Names,
			prune:     sum.Pruned,
			removedIn: v.String(),
			notes:     swaggerdiff.ReleaseNotes(sum.Result, apiVersion, notes),
		})
	}
	next := state.Version.Next(sum.Result.Bump, forced)
	out, err := releaseAs(next)
	if err != nil {
		return nil, err
	}
	if next == state.Version && previous != nil {
		same, err := sameTree(o.SDKDir, out.sdk)
		if err != nil {
			return nil, err
		}
		if same {
			return sum, fmt.Errorf("%w: %s is version %s, generated from the same API (%s rules)", ErrNoChange, o.SDKDir, state.Version, rules)
		}
		// Nothing the snapshot records changed, yet the generated files did.
		next = state.Version.Next(swaggerdiff.Patch, swaggerdiff.None)
		sum.GeneratorOnly = true
		if out, err = releaseAs(next); err != nil {
			return nil, err
		}
	}
	sum.Version, sum.Module = next, ModulePath(base, next.Major)
	if repo != nil {
		sum.Tag = repo.tagFor(next)
		if err := repo.checkNoTag(sum.Tag); err != nil {
			return nil, err
		}
	}
	if o.DryRun {
		return sum, nil
	}
	if err := out.write(o.SDKDir, o.StateDir); err != nil {
		return nil, err
	}
	if repo != nil {
		if sum.Commit, err = repo.commitRelease(next, out.notes, sum.Tag); err != nil {
			return nil, err
		}
	}
	sum.Generated = generator.NewSummary(out.model, out.sdk, next.String())
	sum.Generated.Elapsed = time.Since(start)
	return sum, nil
}

// majorSuffix reports whether a module path ends in a major version suffix.
func majorSuffix(path string) bool {
	i := strings.LastIndex(path, "/v")
	if i < 0 || i+2 == len(path) {
		return false
	}
	for _, r := range path[i+2:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func errModuleSuffix(module string) error {
	return fmt.Errorf("module path %s: give it without the major version suffix, which the version decides", module)
}

// build says what assemble puts in the SDK besides the generated code.
type build struct {
	// module is the module path without a major version suffix.
	module  string
	version Version
	// previous is the snapshot of the last release, whose removals are kept
	// as tombstones; nil when there is none. prune carries nothing (a forced
	// major release). removedIn labels the new tombstones
	// (generator.MergeLabeled): the version of a release, "" when
	// regenerating.
	previous *swagger.Spec
	prune    bool
	// names are the Go names the last release gave (State.Names): with
	// previous, the model keeps the names of previous's items
	// (generator.NameSpec(previous, names)); without, names themselves.
	names     *generator.Names
	removedIn string
	// snapshot is written as SnapshotFile as it is; nil writes the snapshot
	// of the merged spec.
	snapshot []byte
	// notes is written as NotesFile; nil writes none.
	notes []byte
	// model, when not nil, is the model of the spec, built already; only
	// without previous.
	model *generator.SDK
}

// assembled is a release ready to be written.
type assembled struct {
	sdk   []generator.File  // the SDK directory's files, notes included
	state map[string][]byte // the record: VersionFile, SnapshotFile and NamesFile (nil: none)
	notes []byte
	model *generator.SDK
}

// assemble generates the SDK of spec merged with b.previous, and the record.
func assemble(spec *swagger.Spec, b build) (*assembled, error) {
	if err := b.version.Check(); err != nil {
		return nil, err
	}
	merged := spec
	if b.previous != nil {
		var err error
		if merged, err = generator.MergeLabeled(spec, b.previous, b.prune, b.removedIn); err != nil {
			return nil, err
		}
	}
	model := b.model
	var files []generator.File
	var err error
	if model == nil || b.previous != nil {
		prior := b.names
		if b.previous != nil {
			prior = generator.NameSpec(b.previous, b.names)
		}
		if model, err = generator.BuildNamed(merged, ModulePath(b.module, b.version.Major), prior); err != nil {
			return nil, fmt.Errorf("%s: %w", merged.Source, err)
		}
	}
	if files, err = generator.Render(model, b.version.String()); err != nil {
		return nil, err
	}
	var names []byte // nil: no NamesFile
	if o := model.Names.Overrides(); o != nil {
		if names, err = json.MarshalIndent(o, "", "  "); err != nil {
			return nil, err
		}
		names = append(names, '\n')
	}
	snapshot := b.snapshot
	if snapshot == nil {
		if snapshot, err = swagger.Snapshot(merged); err != nil {
			return nil, err
		}
	}
	if b.notes != nil {
		files = append(files, generator.File{Path: NotesFile, Data: b.notes})
	}
	return &assembled{
		sdk:   files,
		state: map[string][]byte{VersionFile: b.version.MarshalFile(), SnapshotFile: snapshot, NamesFile: names},
		notes: b.notes,
		model: model,
	}, nil
}

// write writes the record's files beside their place, swaps the SDK in, then
// renames the record into place.
func (a *assembled) write(sdkDir, stateDir string) error {
	commit, abort, err := prepareState(stateDir, a.state)
	if err != nil {
		return err
	}
	if err := generator.WriteTree(sdkDir, a.sdk); err != nil {
		abort()
		return err
	}
	return commit()
}

// sameTree reports whether dir holds exactly files, apart from the release
// notes (which a release always rewrites).
func sameTree(dir string, files []generator.File) (bool, error) {
	want := map[string][]byte{}
	for _, f := range files {
		if f.Path != NotesFile {
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
		if rel == NotesFile {
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
