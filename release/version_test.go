package release

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/purecloud-go/platform-client/swaggerdiff"
)

func TestVersionNext(t *testing.T) {
	v := Version{Major: 3, Minor: 4, Patch: 5, Prerelease: "beta"}
	cases := []struct {
		required, forced swaggerdiff.Impact
		want             string
	}{
		{swaggerdiff.None, swaggerdiff.None, "3.4.5-beta"},
		{swaggerdiff.Patch, swaggerdiff.None, "3.4.6-beta"},
		{swaggerdiff.Minor, swaggerdiff.None, "3.5.0-beta"},
		{swaggerdiff.Major, swaggerdiff.None, "4.0.0-beta"},
		{swaggerdiff.Major, swaggerdiff.Patch, "4.0.0-beta"}, // a forced bump never lowers the required one
		{swaggerdiff.Minor, swaggerdiff.Patch, "3.5.0-beta"},
		{swaggerdiff.None, swaggerdiff.Minor, "3.5.0-beta"},
		{swaggerdiff.Patch, swaggerdiff.Major, "4.0.0-beta"},
	}
	for _, c := range cases {
		got := v.Next(c.required, c.forced)
		if got.Display != c.want || got.String() != c.want || got.Prerelease != "beta" {
			t.Errorf("Next(%s, %s) = %+v, want %s", c.required, c.forced, got, c.want)
		}
	}
	if got := (Version{Major: 1}).Next(swaggerdiff.Minor, swaggerdiff.None).Display; got != "1.1.0" {
		t.Errorf("no prerelease: %s", got)
	}
}

func TestVersionCheck(t *testing.T) {
	for _, c := range []struct {
		v    Version
		want string // in the error; "" for none
	}{
		{Version{Major: 1, Prerelease: "beta.1"}, ""},
		{Version{Major: 1, Minor: 2, Patch: 3, Display: "1.2.3"}, ""},
		{Version{Major: -1}, "negative"},
		{Version{Major: 1, Prerelease: "beta 1"}, "prerelease"},
		{Version{Major: 1, Prerelease: "beta.01"}, "prerelease"},      // semver forbids leading zeros
		{Version{Major: 1, Prerelease: "beta+build.5"}, "prerelease"}, // Go module versions carry no build metadata
		{Version{Major: 1, Display: "1.0"}, "display"},
	} {
		err := c.v.Check()
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%+v: Check() = %v, want %q", c.v, err, c.want)
		}
	}
	if got := (Version{Major: 2, Prerelease: "rc.1"}).Semver(); got != "v2.0.0-rc.1" {
		t.Errorf("Semver() = %s", got)
	}
	if got := ModulePath("example.com/m/sdk", 1); got != "example.com/m/sdk" {
		t.Errorf("ModulePath at major 1: %s", got)
	}
	if got := ModulePath("example.com/m/sdk", 12); got != "example.com/m/sdk/v12" {
		t.Errorf("ModulePath at major 12: %s", got)
	}
	for path, want := range map[string]bool{"a/sdk/v2": true, "a/sdk/v": false, "a/sdk/vx": false, "a/sdk": false, "a/v10": true} {
		if majorSuffix(path) != want {
			t.Errorf("majorSuffix(%s) = %v", path, !want)
		}
	}
}

// TestStatePlace: the record is kept beside the SDK, not in it: a record
// left in the SDK (where it used to be) is refused, naming the file, and so
// is a state directory the SDK's replacement would wipe.
func TestStatePlace(t *testing.T) {
	clearForceEnv(t)
	out := filepath.Join(t.TempDir(), "sdk")
	release(t, out, specV1, nil)
	for _, name := range []string{VersionFile, SnapshotFile} {
		if _, err := os.Stat(filepath.Join(out, name)); !os.IsNotExist(err) {
			t.Errorf("%s in the SDK: %v", name, err)
		}
		if _, err := os.Stat(filepath.Join(StateDir(out), name)); err != nil {
			t.Errorf("%s not in the state directory: %v", name, err)
		}
	}
	if StateDir("sdk") != filepath.Join("release", "state") {
		t.Errorf("StateDir(sdk) = %s", StateDir("sdk"))
	}

	legacy := filepath.Join(out, SnapshotFile)
	if err := os.WriteFile(legacy, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(t.Context(), options(t, out, specMinor)); err == nil || !strings.Contains(err.Error(), legacy) || !strings.Contains(err.Error(), "move it") {
		t.Errorf("a record left in the SDK: %v", err)
	}
	if err := os.Remove(legacy); err != nil {
		t.Fatal(err)
	}
	for _, state := range []string{filepath.Join(out, "record"), filepath.Dir(out)} {
		_, err := Run(t.Context(), options(t, out, specMinor, "--state", state))
		if err == nil || !strings.Contains(err.Error(), "neither may contain the other") {
			t.Errorf("state directory %s: %v", state, err)
		}
	}
}
