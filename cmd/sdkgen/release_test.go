package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The specs of the release tests (see the release package's tests).
const (
	specV1    = "../../generator/testdata/golden/tombstone/previous.json"
	specMinor = "../../release/testdata/v2-minor.json"
	specMajor = "../../release/testdata/v2-major.json"
	testMod   = "example.com/larder/sdk"
)

// clearForceEnv unsets the variables that force a bump or set the notes,
// so that the environment the tests run in does not change their outcome.
func clearForceEnv(t *testing.T) {
	for _, name := range []string{"INCREMENT_MAJOR", "INCREMENT_MINOR", "INCREMENT_POINT", "RELEASE_NOTES"} {
		t.Setenv(name, "")
		os.Unsetenv(name)
	}
}

// TestReleaseCLI: the release command passes its flags to the release
// package and prints its summary: a release, then no change (errNoChange,
// which main turns into exit status 3), then a dry run with its changes.
func TestReleaseCLI(t *testing.T) {
	clearForceEnv(t)
	dir := t.TempDir()
	out, state := filepath.Join(dir, "sdk"), filepath.Join(dir, "record")
	args := []string{"release", "--out", out, "--state", state, "--module", testMod}
	stdout, err := run(t, append(args, "--spec", specV1)...)
	if err != nil || !strings.HasPrefix(stdout, "sdkgen: released 0.1.0 (first release; go rules: 0 major, 0 minor, 0 patch changes) into "+out+": 1 APIs, ") {
		t.Errorf("first release: %v\n%s", err, stdout)
	}
	if _, err := os.Stat(filepath.Join(state, "version.json")); err != nil {
		t.Errorf("--state not used: %v", err)
	}
	stdout, err = run(t, append(args, "--spec", specV1)...)
	if !errors.Is(err, errNoChange) || !strings.HasPrefix(stdout, "sdkgen: no change: "+out+" is version 0.1.0") {
		t.Errorf("no change: %v\n%s", err, stdout)
	}
	stdout, err = run(t, append(args, "--spec", specMajor, "--dry-run", "--notes", "x", "--rules", "official")...)
	if err != nil || !strings.HasPrefix(stdout, "sdkgen: dry run: would release 1.0.0 (major, was 0.1.0; official rules: 1 major, ") ||
		!strings.Contains(stdout, "Property weight was changed from number to integer") {
		t.Errorf("dry run: %v\n%s", err, stdout)
	}
	if _, err := run(t, append(args, "--spec", specMinor, "--bump", "huge")...); err == nil || !strings.Contains(err.Error(), "huge") {
		t.Errorf("--bump huge: %v", err)
	}
	stdout, err = run(t, "release", "--help")
	if err != nil || !strings.Contains(stdout, "--commit") || !strings.Contains(stdout, "--state") || !strings.Contains(stdout, "Exit status:") {
		t.Errorf("release --help: %v\n%s", err, stdout)
	}
}

// TestCompletion: cobra's completion command writes a script for each
// shell, naming sdkgen and its commands' flags where the shell's script
// lists them.
func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{
		"bash":       "complete -o default -F __start_sdkgen sdkgen",
		"zsh":        "#compdef sdkgen",
		"fish":       "complete -c sdkgen ",
		"powershell": "Register-ArgumentCompleter -CommandName 'sdkgen'",
	} {
		stdout, err := run(t, "completion", shell)
		if err != nil || !strings.Contains(stdout, want) {
			t.Errorf("completion %s: %v; output lacks %q:\n%.300s", shell, err, want, stdout)
		}
	}
	help, err := run(t, "completion", "--help")
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if err != nil || !strings.Contains(help, "  "+shell+" ") {
			t.Errorf("completion --help lacks %s: %v\n%s", shell, err, help)
		}
	}
	// The scripts ask the command itself for candidates: its hidden
	// __complete command lists the subcommands and a command's flags.
	stdout, err := run(t, "__complete", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"generate", "diff", "release", "completion"} {
		if !strings.Contains(stdout, want+"\t") && !strings.Contains(stdout, "\n"+want+"\n") {
			t.Errorf("__complete lists no %s:\n%s", want, stdout)
		}
	}
	stdout, err = run(t, "__complete", "release", "--c")
	if err != nil || !strings.Contains(stdout, "--commit") {
		t.Errorf("__complete release --c: %v\n%s", err, stdout)
	}
}

// TestDiff: the diff command's formats and exit conditions.
func TestDiff(t *testing.T) {
	stdout, err := run(t, "diff", "--old", specV1, "--new", specMajor)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "Property weight was changed from number to integer") || !strings.Contains(stdout, "major") {
		t.Errorf("text diff:\n%s", stdout)
	}
	stdout, err = run(t, "diff", "--old", specV1, "--new", specMajor, "--rules", "official", "--format", "markdown")
	if err != nil {
		t.Fatal(err)
	}
	if want := "# Major Changes (1 change)\n\n**Item** (1 change)\n\n* Property weight was changed from number to integer\n"; !strings.HasPrefix(stdout, want) {
		t.Errorf("markdown diff %q, want a start of %q", stdout, want)
	}
	stdout, err = run(t, "diff", "--old", specV1, "--new", specMajor, "--format", "json")
	if err != nil || !strings.Contains(stdout, `"bump": "major"`) {
		t.Errorf("json diff: %v\n%s", err, stdout)
	}
	if _, err := run(t, "diff", "--old", specV1, "--new", specV1); !errors.Is(err, errNoChange) {
		t.Errorf("diff of a spec with itself: %v, want no change", err)
	}
	if _, err := run(t, "diff", "--old", specV1); err == nil || !strings.Contains(err.Error(), "--new") {
		t.Errorf("diff without --new: %v", err)
	}
	if _, err := run(t, "diff", "--old", specV1, "--new", specV1, "--format", "xml"); err == nil {
		t.Error("diff accepted --format xml")
	}
}
