package release

import (
	"archive/zip"
	"bytes"
	"os"
	"path"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"

	"github.com/purecloud-go/platform-client/generator"
	"github.com/purecloud-go/platform-client/swagger"
)

// The Platform API spec, the committed SDK and its record.
const (
	realSpec      = "../../shared/swagger/platform-api-v2.json"
	committedSDK  = "../sdk"
	committedDir  = "state"
	fixCommitted  = "sdk/ or release/state is stale: run `make generate` and commit them"
	maxDiffsShown = 10
)

// TestCommittedSDK: the committed sdk/ and release/state are exactly what
// `sdkgen generate` writes from the spec with the committed record (its
// version, notes and tombstones).
func TestCommittedSDK(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the whole SDK")
	}
	if _, err := os.Stat(realSpec); err != nil {
		t.Fatalf("the Platform API spec is expected at %s (the shared folder beside the repository): %v", realSpec, err)
	}
	if StateDir(committedSDK) != filepath.Join("..", "release", "state") {
		t.Fatalf("StateDir(%s) = %s, not this package's %s", committedSDK, StateDir(committedSDK), committedDir)
	}
	state, err := ReadState(committedSDK, committedDir)
	if err != nil {
		t.Fatal(err)
	}
	spec, err := swagger.Load(t.Context(), realSpec, 0)
	if err != nil {
		t.Fatal(err)
	}
	out, err := state.regenerate(spec, generator.DefaultModule)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, f := range out.sdk {
		want[filepath.ToSlash(filepath.Join("sdk", f.Path))] = f.Data
	}
	for name, data := range out.state {
		if data != nil { // nil: the file must be absent
			want["release/state/"+name] = data
		}
	}
	got := map[string][]byte{}
	for _, dir := range []string{committedSDK, committedDir} {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel := filepath.Join("release", p) // this package's state/
			if dir == committedSDK {
				rel = p[len("../"):]
			}
			data, err := os.ReadFile(p)
			got[filepath.ToSlash(rel)] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var diffs []string
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		seen := map[string]bool{}
		for _, m := range []map[string][]byte{want, got} {
			for k := range m {
				if !seen[k] && !yield(k) {
					return
				}
				seen[k] = true
			}
		}
	}) {
		w, inWant := want[name]
		g, inGot := got[name]
		switch {
		case !inGot:
			diffs = append(diffs, name+": missing")
		case !inWant:
			diffs = append(diffs, name+": not generated")
		case !bytes.Equal(w, g):
			diffs = append(diffs, name+": differs")
		}
	}
	if len(diffs) > 0 {
		t.Errorf("%d files differ, such as %v: %s", len(diffs), diffs[:min(len(diffs), maxDiffsShown)], fixCommitted)
	}
}

// TestModuleZip makes the module zip of the committed SDK as the go command
// would download it (golang.org/x/mod/zip, which checks its files and size
// limits) and checks that the record of the last release is not in it.
func TestModuleZip(t *testing.T) {
	if testing.Short() {
		t.Skip("zips the whole SDK")
	}
	state, err := ReadState(committedSDK, committedDir)
	if err != nil {
		t.Fatal(err)
	}
	m := module.Version{Path: ModulePath(generator.DefaultModule, state.Version.Major), Version: state.Version.Semver()}
	zipPath := filepath.Join(t.TempDir(), "sdk.zip")
	f, err := os.Create(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := modzip.CreateFromDir(f, m, committedSDK); err != nil {
		f.Close()
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	cf, err := modzip.CheckZip(m, zipPath)
	if err != nil || cf.Err() != nil {
		t.Fatalf("the module zip of sdk/: %v %v", err, cf.Err())
	}
	var unpacked int64
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, zf := range zr.File {
		unpacked += int64(zf.UncompressedSize64)
		if name := path.Base(zf.Name); name == VersionFile || name == SnapshotFile {
			t.Errorf("the module zip carries %s", zf.Name)
		}
	}
	fi, err := os.Stat(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s@%s: module zip %d bytes, %d files, %d bytes unpacked", m.Path, m.Version, fi.Size(), len(cf.Valid), unpacked)
}
