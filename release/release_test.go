package release

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/purecloud-go/platform-client/swaggerdiff"
)

// The specs of the release tests: v1 (the previous release of the
// generator's golden tombstone case), then v2-minor (removals the SDK keeps as
// tombstones, an added optional property) or v2-major (a property changes
// type), both made from v1.
const (
	specV1    = "../generator/testdata/golden/tombstone/previous.json"
	specMinor = "testdata/v2-minor.json"
	specMajor = "testdata/v2-major.json"
	testMod   = "example.com/larder/sdk"
)

// clearForceEnv unsets the official variables that force a bump, so that the
// environment the tests run in does not change their outcome.
func clearForceEnv(t *testing.T) {
	for _, name := range []string{"INCREMENT_MAJOR", "INCREMENT_MINOR", "INCREMENT_POINT", "RELEASE_NOTES"} {
		t.Setenv(name, "")
		os.Unsetenv(name)
	}
}

// options reads the flags of `sdkgen release` that the tests use.
func options(t *testing.T, out, spec string, args ...string) Options {
	t.Helper()
	o := Options{Spec: spec, SDKDir: out, Module: testMod}
	for i := 0; i < len(args); i++ {
		flag := args[i]
		if flag == "--dry-run" {
			o.DryRun = true
			continue
		}
		if flag == "--commit" {
			o.Commit = true
			continue
		}
		i++
		if i == len(args) {
			t.Fatalf("%s without a value", flag)
		}
		switch v := args[i]; flag {
		case "--bump":
			o.Bump = v
		case "--rules":
			o.Rules = v
		case "--api-version":
			o.APIVersion = v
		case "--notes":
			o.Notes = &v
		case "--module":
			o.Module = v
		case "--state":
			o.StateDir = v
		default:
			t.Fatalf("unknown flag %s", flag)
		}
	}
	return o
}

// release runs Run into out and fails the test unless it ends as wantErr
// says (nil: released); it returns the line `sdkgen release` prints, and with
// --dry-run the changes.
func release(t *testing.T, out, spec string, wantErr error, args ...string) string {
	t.Helper()
	sum, err := Run(t.Context(), options(t, out, spec, args...))
	if !errors.Is(err, wantErr) {
		t.Fatalf("release %s %v: error %v, want %v", spec, args, err, wantErr)
	}
	switch {
	case err != nil:
		return "sdkgen: " + err.Error() + "\n"
	case sum.DryRun:
		return "sdkgen: " + sum.String() + "\n" + string(swaggerdiff.Text(sum.Result))
	}
	return "sdkgen: " + sum.String() + "\n"
}

// generate runs Generate as `sdkgen generate` does.
func generate(t *testing.T, out, spec string) error {
	t.Helper()
	_, err := Generate(t.Context(), GenerateOptions{Spec: spec, SDKDir: out, Module: testMod})
	return err
}

// readVersion reads the version recorded for the SDK in dir.
func readVersion(t *testing.T, dir string) Version {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(StateDir(dir), VersionFile))
	if err != nil {
		t.Fatal(err)
	}
	v, err := ParseVersion(data, "version.json")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// snapshotTree returns every file under dir, for "nothing was written".
func snapshotTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		tree[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestReleaseTombstones: the first release is the current version; the same
// spec again is no change; removals give a minor release that keeps them as
// Deprecated tombstones, which generate keeps too, byte for byte; a forced
// major drops them and moves the module to /v2, which builds.
func TestReleaseTombstones(t *testing.T) {
	clearForceEnv(t)
	out := filepath.Join(t.TempDir(), "sdk")

	stdout := release(t, out, specV1, nil)
	if want := "sdkgen: released 0.1.0 (first release; go rules: 0 major, 0 minor, 0 patch changes) into "; !strings.HasPrefix(stdout, want) || strings.Count(stdout, "\n") != 1 {
		t.Errorf("first release printed %q, want one line starting %q", stdout, want)
	}
	if v := readVersion(t, out); v.String() != "0.1.0" {
		t.Errorf("first release is %s, want the current version 0.1.0", v)
	}

	before := snapshotTree(t, filepath.Dir(out))
	stdout = release(t, out, specV1, ErrNoChange)
	if !strings.HasPrefix(stdout, "sdkgen: no change: ") {
		t.Errorf("same spec again printed %q", stdout)
	}
	if !sameFiles(before, snapshotTree(t, filepath.Dir(out))) {
		t.Error("a release without change wrote files")
	}

	stdout = release(t, out, specMinor, nil)
	if !strings.HasPrefix(stdout, "sdkgen: released 0.2.0 (minor, was 0.1.0; go rules: 0 major, ") {
		t.Errorf("removals kept as tombstones: %q, want a minor release 0.2.0 with no major change", stdout)
	}
	item := readFile(t, filepath.Join(out, "models", "item.go"))
	for _, want := range []string{
		"Weight *float64",
		"Jar *Jar",
		`ItemStateStale   ItemState = "stale"`,
		"Deprecated: the property is no longer in the Platform API as of SDK release 0.2.0:",
		`Deprecated: "stale" is no longer a value of Item.State in the Platform API as of SDK release`,
		"// 0.2.0; the constant is kept",
		"BestBefore *Date",
	} {
		if !strings.Contains(item, want) {
			t.Errorf("models/item.go lacks %q:\n%s", want, item)
		}
	}
	api := readFile(t, filepath.Join(out, "api", "larderapi", "larderapi.go"))
	for _, want := range []string{"func (a *LarderApi) DeleteLarderItem(", "func (a *LarderApi) GetLarderJars(", "Fresh *bool", "Deprecated: this operation is no longer in the Platform API"} {
		if !strings.Contains(api, want) {
			t.Errorf("the API lacks %q", want)
		}
	}
	notes := readFile(t, filepath.Join(out, NotesFile))
	if !strings.HasPrefix(notes, "Platform API version: v2\n\n\n# Major Changes (0 changes)\n\n\n# Minor Changes (") ||
		!strings.Contains(notes, "* Model Jar was removed\n") {
		t.Errorf("release notes:\n%s", notes)
	}

	// generate keeps the release: the same files, tombstones included.
	released := snapshotTree(t, filepath.Dir(out))
	if err := generate(t, out, specMinor); err != nil {
		t.Fatal(err)
	}
	if !sameFiles(released, snapshotTree(t, filepath.Dir(out))) {
		t.Error("generate from the released spec changed the released files")
	}

	// The tombstones stay on the next release, until a forced major.
	release(t, out, specMinor, ErrNoChange)
	stdout = release(t, out, specMinor, nil, "--bump", "major")
	if !strings.HasPrefix(stdout, "sdkgen: released 1.0.0 (major, was 0.2.0; ") || !strings.Contains(stdout, "tombstones dropped") {
		t.Errorf("forced major: %q", stdout)
	}
	if strings.Contains(readFile(t, filepath.Join(out, "models", "item.go")), "Deprecated") {
		t.Error("a forced major release kept tombstones")
	}
	if _, err := os.Stat(filepath.Join(out, "models", "jar.go")); !os.IsNotExist(err) {
		t.Errorf("the tombstone model Jar survived a forced major: %v", err)
	}
	if gomod := readFile(t, filepath.Join(out, "go.mod")); !strings.HasPrefix(gomod, "module "+testMod+"\n") {
		t.Errorf("major 1 keeps the module path: %q", gomod)
	}

	stdout = release(t, out, specMinor, nil, "--bump", "major")
	if !strings.HasPrefix(stdout, "sdkgen: released 2.0.0 (major, was 1.0.0; go rules: 0 major, 0 minor, 0 patch changes, major forced, tombstones dropped) into ") {
		t.Errorf("forced major without changes: %q", stdout)
	}
	checkModuleV2(t, out)
}

// checkModuleV2 checks that a major 2 SDK's module path ends in /v2
// everywhere, with no import left on the old path, and that it builds.
func checkModuleV2(t *testing.T, out string) {
	t.Helper()
	v2 := testMod + "/v2"
	if gomod := readFile(t, filepath.Join(out, "go.mod")); !strings.HasPrefix(gomod, "module "+v2+"\n") {
		t.Errorf("go.mod of major 2: %q", gomod)
	}
	old := regexp.MustCompile(regexp.QuoteMeta(`"`+testMod+`/`) + `(api|models|platformclient)`)
	imports := 0
	for path, data := range snapshotTree(t, out) {
		if !strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, ".md") {
			continue
		}
		if old.MatchString(data) {
			t.Errorf("%s imports the module without /v2", path)
		}
		imports += strings.Count(data, `"`+v2+`/`)
	}
	if imports == 0 {
		t.Error("no import of the /v2 module path")
	}
	if readme := readFile(t, filepath.Join(out, "README.md")); !strings.Contains(readme, "go get "+v2) || !strings.Contains(readme, `"`+v2+`/api/oauthapi"`) && !strings.Contains(readme, `"`+v2+`/platformclient"`) {
		t.Errorf("the README's examples do not use %s:\n%s", v2, readme)
	}
	if testing.Short() {
		return
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = out
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s of the /v2 SDK: %v\n%s", strings.Join(args, " "), err, msg)
		}
	}
}

// TestForcedBumps: a forced bump never lowers what the changes require, and
// raises it when it is larger; the environment forces as --bump does.
func TestForcedBumps(t *testing.T) {
	clearForceEnv(t)
	cases := []struct {
		name string
		spec string
		args []string
		env  string // INCREMENT_* variable set to "True"
		want string
	}{
		{"minor changes, no force", specMinor, nil, "", "0.2.0"},
		{"minor changes, patch forced", specMinor, []string{"--bump", "patch"}, "", "0.2.0"},
		{"minor changes, INCREMENT_POINT", specMinor, nil, "INCREMENT_POINT", "0.2.0"},
		{"major changes, minor forced", specMajor, []string{"--bump", "minor"}, "", "1.0.0"},
		{"major changes, INCREMENT_MINOR", specMajor, nil, "INCREMENT_MINOR", "1.0.0"},
		{"no change, patch forced", specV1, []string{"--bump", "patch"}, "", "0.1.1"},
		{"no change, INCREMENT_POINT", specV1, nil, "INCREMENT_POINT", "0.1.1"},
		{"no change, INCREMENT_MINOR", specV1, nil, "INCREMENT_MINOR", "0.2.0"},
		{"minor changes, major forced", specMinor, []string{"--bump", "major"}, "", "1.0.0"},
		{"minor changes, INCREMENT_MAJOR", specMinor, nil, "INCREMENT_MAJOR", "1.0.0"},
		{"minor changes, minor forced", specMinor, []string{"--bump", "minor"}, "", "0.2.0"},
	}
	base := filepath.Join(t.TempDir(), "sdk")
	release(t, base, specV1, nil)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clearForceEnv(t)
			if c.env != "" {
				t.Setenv(c.env, "True")
			}
			out := filepath.Join(t.TempDir(), "sdk")
			copyDir(t, filepath.Dir(base), filepath.Dir(out))
			release(t, out, c.spec, nil, c.args...)
			if v := readVersion(t, out); v.String() != c.want {
				t.Errorf("version %s, want %s", v, c.want)
			}
			if got := readFile(t, filepath.Join(out, "platformclient", "version.go")); !strings.Contains(got, `const Version = "`+c.want+`"`) {
				t.Errorf("platformclient.Version is not %s:\n%s", c.want, got)
			}
		})
	}
	if _, err := forcedBump("none", func(string) (string, bool) { return "", false }); err == nil {
		t.Error("--bump none accepted")
	}
	if f, err := forcedBump("", func(k string) (string, bool) { return "yes", k == "INCREMENT_MAJOR" }); err != nil || f != swaggerdiff.None {
		t.Errorf("INCREMENT_MAJOR=yes forced %v, %v; only true forces", f, err)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestReleasePrerelease: the prerelease label is carried over, into the
// version file, platformclient.Version and the User-Agent.
func TestReleasePrerelease(t *testing.T) {
	clearForceEnv(t)
	out := filepath.Join(t.TempDir(), "sdk")
	if err := os.MkdirAll(StateDir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	start := Version{Major: 1, Minor: 4, Patch: 2, Prerelease: "beta.1"}
	if err := os.WriteFile(filepath.Join(StateDir(out), VersionFile), start.MarshalFile(), 0o644); err != nil {
		t.Fatal(err)
	}
	release(t, out, specV1, nil)
	if v := readVersion(t, out); v.String() != "1.4.2-beta.1" {
		t.Errorf("first release %s, want 1.4.2-beta.1", v)
	}
	release(t, out, specMinor, nil)
	v := readVersion(t, out)
	if v.String() != "1.5.0-beta.1" || v.Prerelease != "beta.1" || v.Display != "1.5.0-beta.1" {
		t.Errorf("after a minor release: %+v, want 1.5.0-beta.1", v)
	}
	want := "{\n  \"major\": 1,\n  \"minor\": 5,\n  \"patch\": 0,\n  \"prerelease\": \"beta.1\",\n  \"display\": \"1.5.0-beta.1\"\n}\n"
	if got := readFile(t, filepath.Join(StateDir(out), VersionFile)); got != want {
		t.Errorf("version.json = %q, want %q", got, want)
	}
	if got := readFile(t, filepath.Join(out, "platformclient", "version.go")); !strings.Contains(got, `const Version = "1.5.0-beta.1"`) {
		t.Errorf("platformclient/version.go:\n%s", got)
	}
}

// TestReleaseNotesAndDryRun: --notes and RELEASE_NOTES head the notes;
// --api-version names the build; --dry-run writes nothing.
func TestReleaseNotesAndDryRun(t *testing.T) {
	clearForceEnv(t)
	out := filepath.Join(t.TempDir(), "sdk")
	release(t, out, specV1, nil)
	before := snapshotTree(t, filepath.Dir(out))
	stdout := release(t, out, specMajor, nil, "--dry-run")
	if !strings.HasPrefix(stdout, "sdkgen: dry run: would release 1.0.0 (major, was 0.1.0; go rules: 1 major, ") ||
		!strings.Contains(stdout, "Property weight was changed from number to integer") {
		t.Errorf("dry run printed:\n%s", stdout)
	}
	if !sameFiles(before, snapshotTree(t, filepath.Dir(out))) {
		t.Error("--dry-run wrote files")
	}
	release(t, out, specV1, ErrNoChange, "--dry-run")

	t.Setenv("RELEASE_NOTES", "")
	release(t, out, specMinor, nil, "--api-version", "10311")
	if got, want := readFile(t, filepath.Join(out, NotesFile)), "Platform API version: 10311\n\n\n\n\n# Major Changes (0 changes)\n\n\n# Minor Changes ("; !strings.HasPrefix(got, want) {
		t.Errorf("notes with RELEASE_NOTES set but empty:\n%q\nwant a start of %q", got, want)
	}
	release(t, out, specMajor, nil, "--notes", "Go 1.24 runtime")
	if got, want := readFile(t, filepath.Join(out, NotesFile)), "Platform API version: v2\n\n\nGo 1.24 runtime\n\n# Major Changes ("; !strings.HasPrefix(got, want) {
		t.Errorf("notes with --notes:\n%q\nwant a start of %q", got, want)
	}
}

// TestReleaseBadInput: an unreadable or invalid snapshot, version file or
// spec is an error that names it, and nothing is written.
func TestReleaseBadInput(t *testing.T) {
	clearForceEnv(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good", "sdk")
	release(t, good, specV1, nil)
	badSpec := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(badSpec, []byte(`{"swagger":"2.0","paths":{"/a":{"get":{"tags":["T"],"operationId":"getA","responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Gone"}}}}}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		file  string // file of the SDK replaced with data, "" for none
		data  string
		spec  string
		args  []string
		wants []string // in the error
	}{
		{"snapshot not JSON", SnapshotFile, "{not json", specMinor, nil, []string{SnapshotFile, "invalid JSON"}},
		{"snapshot not a snapshot", SnapshotFile, `{"swagger":"2.0","info":{"title":"T","version":"v2"}}`, specMinor, nil, []string{SnapshotFile, "not an API snapshot"}},
		{"snapshot of another format", SnapshotFile, `{"swagger":"2.0","info":{"title":"T","version":"v2"},"x-sdk-snapshot":{"format":99}}`, specMinor, nil, []string{SnapshotFile, "99"}},
		{"snapshot unreadable", SnapshotFile, "dir", specMinor, nil, []string{SnapshotFile}},
		{"version not JSON", VersionFile, "1.2.3", specMinor, nil, []string{VersionFile, "not a version file"}},
		{"version with a bad prerelease", VersionFile, `{"major":1,"minor":0,"patch":0,"prerelease":"beta 1","display":"1.0.0-beta 1"}`, specMinor, nil, []string{VersionFile, "prerelease"}},
		{"spec missing", "", "", filepath.Join(dir, "nope.json"), nil, []string{"nope.json", "no such file"}},
		{"spec invalid", "", "", badSpec, nil, []string{"bad.json", `"#/definitions/Gone" points to a definition that does not exist`}},
		{"spec invalid, official rules", "", "", badSpec, []string{"--rules", "official"}, []string{"bad.json", `"#/definitions/Gone" points to a definition that does not exist`}},
		{"spec is a snapshot", "", "", filepath.Join(StateDir(good), SnapshotFile), nil, []string{"an API snapshot, not a spec"}},
		{"bad bump", "", "", specMinor, []string{"--bump", "huge"}, []string{"--bump", "huge"}},
		{"bad rules", "", "", specMinor, []string{"--rules", "mine"}, []string{"--rules", "mine"}},
		{"module with a major suffix", "", "", specMinor, []string{"--module", testMod + "/v3"}, []string{testMod + "/v3", "without the major version suffix"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "sdk")
			copyDir(t, filepath.Dir(good), filepath.Dir(out))
			if c.file != "" {
				p := filepath.Join(StateDir(out), c.file)
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
				if c.data == "dir" {
					err := os.Mkdir(p, 0o755) // a directory where the file should be: reading fails
					if err != nil {
						t.Fatal(err)
					}
				} else if err := os.WriteFile(p, []byte(c.data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := snapshotTree(t, filepath.Dir(out))
			sum, err := Run(t.Context(), options(t, out, c.spec, c.args...))
			if err == nil || errors.Is(err, ErrNoChange) {
				t.Fatalf("no error; released %v", sum)
			}
			for _, want := range c.wants {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not name %q", err, want)
				}
			}
			if !sameFiles(before, snapshotTree(t, filepath.Dir(out))) {
				t.Error("files were written")
			}
			if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 2 {
				t.Errorf("something was left beside the SDK and its record: %v", entries)
			}
		})
	}
}

// TestGenerateSameSpec: generating from the spec the record was made of
// (its snapshot is the recorded one: nothing to merge, and the model is built
// while the spec is snapshotted) writes nothing new: the SDK release wrote,
// byte for byte.
func TestGenerateSameSpec(t *testing.T) {
	clearForceEnv(t)
	for _, spec := range []string{specV1, specMinor} {
		out := filepath.Join(t.TempDir(), "sdk")
		release(t, out, spec, nil)
		before := snapshotTree(t, filepath.Dir(out))
		if err := generate(t, out, spec); err != nil {
			t.Fatal(err)
		}
		if !sameFiles(before, snapshotTree(t, filepath.Dir(out))) {
			t.Errorf("%s: generate after releasing the same spec changed files", spec)
		}
	}
}

// TestGenerateBadState: generate refuses an SDK directory whose release
// files are invalid, naming the file, and writes nothing.
func TestGenerateBadState(t *testing.T) {
	clearForceEnv(t)
	for _, c := range []struct{ file, data, want string }{
		{SnapshotFile, "{", "invalid JSON"},
		{VersionFile, `{"major":1,"minor":2}` + "\n" + `{"patch":3}`, "data after the version object"},
		{VersionFile, `{"major":-1,"minor":0,"patch":0,"prerelease":"","display":"-1.0.0"}`, "negative"},
		{VersionFile, `{"major":1,"minor":0,"patch":0,"prerelease":"","display":"2.0.0","extra":1}`, "unknown field"},
	} {
		out := filepath.Join(t.TempDir(), "sdk")
		release(t, out, specV1, nil)
		if err := os.WriteFile(filepath.Join(StateDir(out), c.file), []byte(c.data), 0o644); err != nil {
			t.Fatal(err)
		}
		before := snapshotTree(t, filepath.Dir(out))
		err := generate(t, out, specV1)
		if err == nil || !strings.Contains(err.Error(), c.file) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %q: error %v, want one naming the file and %q", c.file, c.data, err, c.want)
		}
		if !sameFiles(before, snapshotTree(t, filepath.Dir(out))) {
			t.Errorf("%s %q: files were written", c.file, c.data)
		}
	}
}

// TestReleaseGeneratorChange: when the API is the same but the generated
// files are not (here: as an older generator would have written them), the
// release is a patch.
func TestReleaseGeneratorChange(t *testing.T) {
	clearForceEnv(t)
	out := filepath.Join(t.TempDir(), "sdk")
	release(t, out, specV1, nil)
	item := filepath.Join(out, "models", "item.go")
	if err := os.WriteFile(item, []byte(strings.Replace(readFile(t, item), "// The ID", "// The id", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout := release(t, out, specV1, nil)
	if want := "sdkgen: released 0.1.1 (patch, was 0.1.0: the generated files changed, not the API; go rules: 0 major, 0 minor, 0 patch changes) into "; !strings.HasPrefix(stdout, want) {
		t.Errorf("printed %q, want a start of %q", stdout, want)
	}
	if strings.Contains(readFile(t, item), "// The id") {
		t.Error("the changed file was not regenerated")
	}
}
