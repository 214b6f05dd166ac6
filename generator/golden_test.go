package generator

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/purecloud-go/platform-client/swagger"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenModule is the module path golden SDKs are generated with.
const goldenModule = "example.com/kitchen/sdk"

// goldenFile reports whether a generated file is kept in the golden tree:
// everything the spec shapes. The runtime and the fixed files of the models
// package are the same for every spec and are tested on their own.
func goldenFile(path string) bool {
	switch {
	case strings.HasPrefix(path, "platformclient/"),
		path == "models/time_types.go", path == "models/package_doc.go",
		strings.HasSuffix(path, "_test.go"):
		return false
	}
	return true
}

// TestGolden generates the SDK of each spec under testdata/golden (merged
// with the snapshot of previous.json beside it, when there is one) and
// compares the files with the want/ tree next to it (go test -update
// rewrites them). The generated module must also build and pass go vet.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/golden/*/spec.*")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no golden specs: %v", err)
	}
	for _, specPath := range cases {
		dir := filepath.Dir(specPath)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			spec, err := swagger.Load(t.Context(), specPath, 0)
			if err != nil {
				t.Fatal(err)
			}
			// A case with a previous.json is the release 1.3.0 after that
			// spec: what it removed is kept as tombstones.
			if prev := filepath.Join(dir, "previous.json"); fileExists(prev) {
				if spec, err = MergeLabeled(spec, reparse(t, loadSpec(t, prev)), false, "1.3.0"); err != nil {
					t.Fatal(err)
				}
			}
			files, sdk, err := Files(spec, goldenModule, "1.2.3")
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]byte{}
			for _, f := range files {
				if goldenFile(f.Path) {
					got[f.Path] = f.Data
				}
			}
			wantDir := filepath.Join(dir, "want")
			if *update {
				if err := os.RemoveAll(wantDir); err != nil {
					t.Fatal(err)
				}
				var keep []File
				for _, f := range files {
					if goldenFile(f.Path) {
						keep = append(keep, f)
					}
				}
				if err := WriteTree(wantDir, keep); err != nil {
					t.Fatal(err)
				}
			}
			want := readTree(t, wantDir)
			compareTrees(t, want, got, "go test ./generator -run TestGolden -update")
			checkDocs(t, sdk, files)

			if testing.Short() {
				return
			}
			out := filepath.Join(t.TempDir(), "sdk")
			if err := WriteTree(out, files); err != nil {
				t.Fatal(err)
			}
			goCmd(t, out, "vet", "./...")
			buildDocExamples(t, out, files)
			// Tests of the case's own, under e2e/, run inside its SDK.
			if e2e := filepath.Join(dir, "e2e"); fileExists(e2e) {
				copyTests(t, e2e, out)
				goCmd(t, out, "test", "./...")
			}
		})
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// readTree reads every file under dir, by slash path relative to dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	tree := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatalf("read %s: %v", dir, err)
	}
	return tree
}

// compareTrees reports missing, extra and different files, with a diff of
// the first few different ones.
func compareTrees(t *testing.T, want, got map[string][]byte, fix string) {
	t.Helper()
	var missing, extra, changed []string
	for p := range want {
		if _, ok := got[p]; !ok {
			missing = append(missing, p)
		}
	}
	for p, data := range got {
		w, ok := want[p]
		switch {
		case !ok:
			extra = append(extra, p)
		case !bytes.Equal(w, data):
			changed = append(changed, p)
		}
	}
	if len(missing)+len(extra)+len(changed) == 0 {
		return
	}
	const show = 3
	for i, p := range changed {
		if i == show {
			break
		}
		t.Errorf("%s differs (-want +got):\n%s", p, cmp.Diff(string(want[p]), string(got[p])))
	}
	t.Fatalf("generated tree differs: %d files missing %v, %d extra %v, %d changed %v; to accept the new output: %s",
		len(missing), head(missing), len(extra), head(extra), len(changed), head(changed), fix)
}

func head(s []string) []string {
	if len(s) > 5 {
		return append(s[:5:5], "...")
	}
	return s
}

// goCmd runs the go command in dir and fails the test with its output if it
// fails.
func goCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return string(out)
}
