package generator

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"

	"github.com/purecloud-go/platform-client/swagger"
)

// The release files in the SDK's root, beside go.mod.
const (
	// VersionFile holds the SDK's Version as 2-space JSON.
	VersionFile = "version.json"
	// SnapshotFile is the API snapshot (swagger.Snapshot) of what the last
	// release was generated from, tombstones included: the next release diffs
	// against it and carries its removals.
	SnapshotFile = "api-snapshot.json"
	// NotesFile holds the release notes of the last release, in the layout
	// of the official SDKs' releaseNotes.md.
	NotesFile = "RELEASENOTES.md"
)

// Version is the SDK's version as VersionFile stores it (the fields and JSON
// names of swaggerdiff.Version, which converts to it).
type Version struct {
	Major      int    `json:"major"`
	Minor      int    `json:"minor"`
	Patch      int    `json:"patch"`
	Prerelease string `json:"prerelease"`
	// Display is "M.m.p", with "-prerelease" when there is one.
	Display string `json:"display"`
}

// DefaultSDKVersion is the version of an SDK that has none yet.
var DefaultSDKVersion = Version{Major: 0, Minor: 1, Patch: 0, Display: "0.1.0"}

// String returns M.m.p, with -prerelease when there is one.
func (v Version) String() string {
	s := fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
	if v.Prerelease != "" {
		s += "-" + v.Prerelease
	}
	return s
}

// prerelease is what semantic versioning allows after the "-".
var prerelease = regexp.MustCompile(`^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$`)

// Check reports what is wrong with v, or nil.
func (v Version) Check() error {
	switch {
	case v.Major < 0 || v.Minor < 0 || v.Patch < 0:
		return fmt.Errorf("version %s: negative numbers", v)
	case v.Prerelease != "" && !prerelease.MatchString(v.Prerelease):
		return fmt.Errorf("version %s: the prerelease %q is not dot-separated letters, digits and hyphens", v, v.Prerelease)
	case v.Display != "" && v.Display != v.String():
		return fmt.Errorf("version %s: display is %q", v, v.Display)
	}
	return nil
}

// MarshalFile returns v as VersionFile holds it: 2-space JSON, Display
// filled in, a final newline.
func (v Version) MarshalFile() []byte {
	v.Display = v.String()
	data, _ := json.MarshalIndent(v, "", "  ") // a struct of ints and strings cannot fail
	return append(data, '\n')
}

// ParseVersion reads VersionFile's content; source names it in errors.
func ParseVersion(data []byte, source string) (Version, error) {
	var v Version
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return Version{}, fmt.Errorf("%s: not a version file: %w", source, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Version{}, fmt.Errorf("%s: not a version file: data after the version object", source)
	}
	if err := v.Check(); err != nil {
		return Version{}, fmt.Errorf("%s: %w", source, err)
	}
	v.Display = v.String()
	return v, nil
}

// ModulePath is the Go module path of the SDK at major version major: base,
// with the suffix /vN that Go requires from major version 2 on.
func ModulePath(base string, major int) string {
	if major < 2 {
		return base
	}
	return base + "/v" + strconv.Itoa(major)
}

// majorSuffix matches a module path's major version suffix.
var majorSuffix = regexp.MustCompile(`/v[0-9]+$`)

// State is what an SDK directory records of its last release.
type State struct {
	// Version is the SDK's version; DefaultSDKVersion when HasVersion is false.
	Version    Version
	HasVersion bool
	// Snapshot is SnapshotFile as written, nil when there is none.
	Snapshot []byte
	// Notes is NotesFile, nil when there is none.
	Notes []byte

	snapshotPath string
	previous     *swagger.Spec
}

// ReadState reads the release files of the SDK directory dir. A missing
// directory or file is no error (a first release); an unreadable or invalid
// one is, naming the file. The snapshot is parsed by Previous.
func ReadState(dir string) (*State, error) {
	st := &State{Version: DefaultSDKVersion, snapshotPath: filepath.Join(dir, SnapshotFile)}
	read := func(name string) ([]byte, error) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read the last release: %w", err)
		}
		return data, nil
	}
	data, err := read(VersionFile)
	if err != nil {
		return nil, err
	}
	if data != nil {
		if st.Version, err = ParseVersion(data, filepath.Join(dir, VersionFile)); err != nil {
			return nil, err
		}
		st.HasVersion = true
	}
	if st.Snapshot, err = read(SnapshotFile); err != nil {
		return nil, err
	}
	if st.Notes, err = read(NotesFile); err != nil {
		return nil, err
	}
	return st, nil
}

// Previous parses the snapshot of the last release (once): nil when there
// is none, an error naming the file when it is not a valid snapshot.
func (st *State) Previous() (*swagger.Spec, error) {
	if st.Snapshot == nil || st.previous != nil {
		return st.previous, nil
	}
	prev, err := swagger.Parse(st.Snapshot, st.snapshotPath)
	if err != nil {
		return nil, fmt.Errorf("the snapshot of the last release: %w", err)
	}
	if !prev.IsSnapshot() {
		return nil, fmt.Errorf("%s: not an API snapshot (no %s extension)", st.snapshotPath, swagger.SnapshotExt)
	}
	if err := prev.CheckSnapshot(); err != nil {
		return nil, fmt.Errorf("%s: %w", st.snapshotPath, err)
	}
	st.previous = prev
	return prev, nil
}

// Regenerate returns the files of the SDK of spec as `sdkgen generate`
// writes them into the SDK directory st was read from: st's version and
// release notes kept as they are, the snapshot kept as the record of the last
// release (rewritten by swagger.Snapshot, so in today's format), and its
// tombstones kept (see Merge). module is as in Release.
//
// When spec is what the last release was generated from and that release
// kept no tombstone (the snapshot of spec is the recorded one, byte for
// byte), there is nothing to merge and the recorded snapshot is not parsed:
// parsing it costs about as much as loading the spec.
func (st *State) Regenerate(spec *swagger.Spec, module string) ([]File, *SDK, error) {
	r := Release{Module: module, Version: st.Version, Snapshot: st.Snapshot, Notes: st.Notes}
	if st.Snapshot != nil {
		own, err := swagger.Snapshot(spec)
		if err != nil {
			return nil, nil, err
		}
		if !bytes.Equal(own, st.Snapshot) {
			if r.Previous, err = st.Previous(); err != nil {
				return nil, nil, err
			}
			// The same record of the last release, written as Snapshot
			// writes today (a snapshot of a snapshot is the same bytes,
			// unless the format changed since that release).
			if r.Snapshot, err = swagger.Snapshot(r.Previous); err != nil {
				return nil, nil, err
			}
		}
	}
	files, sdk, _, err := Assemble(spec, r)
	return files, sdk, err
}

// Release says what Assemble puts in the SDK besides the generated code.
type Release struct {
	// Module is the SDK's module path without a major version suffix;
	// empty means DefaultModule. ModulePath(Module, Version.Major) is used.
	Module  string
	Version Version
	// Previous is the snapshot (or spec) of the last release, whose removals
	// are kept as tombstones; nil when there is none. Prune carries nothing
	// (a forced major release). RemovedIn labels the new tombstones (see
	// MergeLabeled): the version of a release, "" when regenerating.
	Previous  *swagger.Spec
	Prune     bool
	RemovedIn string
	// Snapshot is written as SnapshotFile as it is; nil writes the snapshot
	// of the merged spec.
	Snapshot []byte
	// Notes is written as NotesFile; nil writes none.
	Notes []byte
}

// Assemble builds every file of the SDK: the code generated from spec merged
// with r.Previous, and the release files. It also returns the model and the
// merged spec.
func Assemble(spec *swagger.Spec, r Release) ([]File, *SDK, *swagger.Spec, error) {
	if err := r.Version.Check(); err != nil {
		return nil, nil, nil, err
	}
	module := cmp.Or(r.Module, DefaultModule)
	if majorSuffix.MatchString(module) {
		return nil, nil, nil, fmt.Errorf("module path %s: give it without the major version suffix, which the version decides", module)
	}
	merged := spec
	if r.Previous != nil {
		var err error
		if merged, err = MergeLabeled(spec, r.Previous, r.Prune, r.RemovedIn); err != nil {
			return nil, nil, nil, err
		}
	}
	files, sdk, err := Files(merged, ModulePath(module, r.Version.Major), r.Version.String())
	if err != nil {
		return nil, nil, nil, err
	}
	snapshot := r.Snapshot
	if snapshot == nil {
		if snapshot, err = swagger.Snapshot(merged); err != nil {
			return nil, nil, nil, err
		}
	}
	files = append(files, File{Path: VersionFile, Data: r.Version.MarshalFile()}, File{Path: SnapshotFile, Data: snapshot})
	if r.Notes != nil {
		files = append(files, File{Path: NotesFile, Data: r.Notes})
	}
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return files, sdk, merged, nil
}
