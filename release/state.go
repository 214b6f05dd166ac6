package release

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/purecloud-go/platform-client/generator"
	"github.com/purecloud-go/platform-client/swagger"
)

// The record of the last release. VersionFile and SnapshotFile are in the
// state directory, beside the SDK rather than in it: they are what the next
// release reads, not what applications build, and the module zip that every
// `go get` downloads would otherwise carry the snapshot (5.5 MB, 0.64 MB of
// the 5.3 MB zip). NotesFile is in the SDK, for its readers.
const (
	// VersionFile holds the SDK's Version as 2-space JSON.
	VersionFile = "version.json"
	// SnapshotFile is the API snapshot (swagger.Snapshot) of what the last
	// release was generated from, tombstones included: the next release diffs
	// against it and carries its removals.
	SnapshotFile = "api-snapshot.json"
	// NotesFile holds the release notes of the last release, in the layout
	// of the official SDKs' releaseNotes.md, in the SDK's root.
	NotesFile = "RELEASENOTES.md"
	// NamesFile holds the Go names the last release gave that differ from
	// the base names of their items (generator.Names.Overrides: definitions,
	// tags or methods whose Go names collided), as 2-space JSON, so that the
	// next release keeps them. Absent when there are none.
	NamesFile = "go-names.json"
)

// StateDir is the state directory of the SDK directory sdkDir when none is
// given: release/state in sdkDir's parent (for sdk/, the repository's
// release/state, beside this package's sources).
func StateDir(sdkDir string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(sdkDir)), "release", "state")
}

// State is the record of the last release.
type State struct {
	// Version is the SDK's version; DefaultVersion when HasVersion is false.
	Version    Version
	HasVersion bool
	// Snapshot is SnapshotFile as written, nil when there is none.
	Snapshot []byte
	// Notes is NotesFile, nil when there is none.
	Notes []byte
	// Names is NamesFile, nil when there is none.
	Names *generator.Names

	snapshotPath string
	previous     *swagger.Spec
}

// ReadState reads the record of the last release: the version and snapshot
// in stateDir, the notes in sdkDir. A missing directory or file is no error
// (a first release); an unreadable or invalid one is, naming the file. The
// snapshot is parsed by Previous. A version or snapshot file in sdkDir (where
// they were kept before) is an error: the record would otherwise be lost.
func ReadState(sdkDir, stateDir string) (*State, error) {
	if err := checkDirs(sdkDir, stateDir); err != nil {
		return nil, err
	}
	for _, name := range []string{VersionFile, SnapshotFile} {
		if _, err := os.Stat(filepath.Join(sdkDir, name)); err == nil {
			return nil, fmt.Errorf("%s: the record of the last release is no longer kept in the SDK: move it to %s (git mv)",
				filepath.Join(sdkDir, name), stateDir)
		}
	}
	st := &State{Version: DefaultVersion, snapshotPath: filepath.Join(stateDir, SnapshotFile)}
	read := func(dir, name string) ([]byte, error) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read the last release: %w", err)
		}
		return data, nil
	}
	data, err := read(stateDir, VersionFile)
	if err != nil {
		return nil, err
	}
	if data != nil {
		if st.Version, err = ParseVersion(data, filepath.Join(stateDir, VersionFile)); err != nil {
			return nil, err
		}
		st.HasVersion = true
	}
	if st.Snapshot, err = read(stateDir, SnapshotFile); err != nil {
		return nil, err
	}
	if st.Notes, err = read(sdkDir, NotesFile); err != nil {
		return nil, err
	}
	names, err := read(stateDir, NamesFile)
	if err != nil {
		return nil, err
	}
	if names != nil {
		st.Names = new(generator.Names)
		if err := json.Unmarshal(names, st.Names); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(stateDir, NamesFile), err)
		}
	}
	return st, nil
}

// checkDirs refuses a state directory inside the SDK directory, which
// writing the SDK replaces as a whole, or the reverse.
func checkDirs(sdkDir, stateDir string) error {
	a, err := filepath.Abs(sdkDir)
	if err != nil {
		return err
	}
	b, err := filepath.Abs(stateDir)
	if err != nil {
		return err
	}
	if within(a, b) || within(b, a) {
		return fmt.Errorf("state directory %s and SDK directory %s: neither may contain the other (the SDK is replaced as a whole)", stateDir, sdkDir)
	}
	return nil
}

// within reports whether path is dir or inside it (both absolute, clean).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
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

// prepareState writes the record files (name to content) into temporary
// files in dir, leaving other files alone and skipping those whose content
// is already that. It returns commit, which renames them into place, and
// abort, which removes them: the SDK is swapped in between, so that a
// failure to write the record leaves the SDK as it was.
func prepareState(dir string, files map[string][]byte) (commit func() error, abort func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("write the release record: %w", err)
	}
	type pending struct{ tmp, dst string }
	var done []pending
	abort = func() {
		for _, p := range done {
			os.Remove(p.tmp)
		}
	}
	var remove []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		dst := filepath.Join(dir, name)
		if files[name] == nil {
			// No content: the file is removed, if it is there.
			if _, err := os.Stat(dst); err == nil {
				remove = append(remove, dst)
			}
			continue
		}
		if old, err := os.ReadFile(dst); err == nil && bytes.Equal(old, files[name]) {
			continue
		}
		f, err := os.CreateTemp(dir, "."+name+".*")
		if err == nil {
			_, err = f.Write(files[name])
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			done = append(done, pending{f.Name(), dst})
		}
		if err == nil {
			err = os.Chmod(f.Name(), 0o644)
		}
		if err != nil {
			abort()
			return nil, nil, fmt.Errorf("write %s: %w", dst, err)
		}
	}
	commit = func() error {
		for i, p := range done {
			if err := os.Rename(p.tmp, p.dst); err != nil {
				for _, q := range done[i:] {
					os.Remove(q.tmp)
				}
				return fmt.Errorf("write %s: %w", p.dst, err)
			}
		}
		for _, dst := range remove {
			if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("remove %s: %w", dst, err)
			}
		}
		return nil
	}
	return commit, abort, nil
}
