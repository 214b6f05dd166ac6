package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const smallSpec = `{"swagger":"2.0","info":{"title":"T","version":"v2"},
"paths":{"/api/v2/things/{id}":{"get":{"tags":["Things"],"operationId":"getThing",
"parameters":[{"name":"id","in":"path","required":true,"type":"string"}],
"responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Thing"}}}}}},
"definitions":{"Thing":{"type":"object","properties":{"id":{"type":"string"}}}}}`

func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	root := newRoot(&out)
	root.SetArgs(args)
	root.SetErr(&out)
	err := root.ExecuteContext(t.Context())
	return out.String(), err
}

func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.json")
	if err := os.WriteFile(spec, []byte(smallSpec), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "sdk")
	stdout, err := run(t, "generate", "--spec", spec, "--out", out, "--module", "example.com/x/sdk")
	if err != nil {
		t.Fatal(err)
	}
	summary := regexp.MustCompile(`^sdkgen: wrote \S+ from \S+: version 0\.1\.0, 1 APIs, 1 operations, 1 models, \d+ files in \d+\.\ds\n$`)
	if !summary.MatchString(stdout) {
		t.Errorf("output %q, want a one-line summary", stdout)
	}
	gomod, err := os.ReadFile(filepath.Join(out, "go.mod"))
	if err != nil || !strings.HasPrefix(string(gomod), "module example.com/x/sdk\n") {
		t.Errorf("go.mod = %q, %v", gomod, err)
	}
}

func TestHelp(t *testing.T) {
	stdout, err := run(t, "generate", "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"--spec", "--out", "--module", "--fetch-timeout", sharedSpec, liveSpec} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func TestArgsRejected(t *testing.T) {
	if _, err := run(t, "generate", "extra"); err == nil {
		t.Error("generate accepted a positional argument")
	}
	if _, err := run(t, "generate", "--nope"); err == nil {
		t.Error("generate accepted an unknown flag")
	}
}

// TestExitStatus runs the built command: a bad spec exits 1 with the problem
// on stderr and nothing on stdout.
func TestExitStatus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "sdkgen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"swagger":"2.0","definitions":{"A":{"type":"object","properties":{"b":{"$ref":"#/definitions/Gone"}}}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "generate", "--spec", bad, "--out", filepath.Join(dir, "sdk"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 {
		t.Fatalf("exit: %v, want status 1", err)
	}
	want := `sdkgen: ` + bad + `: definitions.A.properties.b: $ref "#/definitions/Gone" points to a definition that does not exist`
	if strings.TrimSpace(stderr.String()) != want || stdout.Len() != 0 {
		t.Errorf("stderr %q stdout %q, want %q", stderr.String(), stdout.String(), want)
	}
	if _, err := os.Stat(filepath.Join(dir, "sdk")); !os.IsNotExist(err) {
		t.Errorf("an output directory was created: %v", err)
	}
}

// TestReleaseExitStatus runs the built command: 0 for a release, 3 for no
// change (a line on stdout, nothing on stderr), 1 for an invalid snapshot
// (the problem on stderr, nothing written).
func TestReleaseExitStatus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	clearForceEnv(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "sdkgen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "sdk")
	status := func(args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if exit, ok := err.(*exec.ExitError); ok {
			return exit.ExitCode(), stdout.String(), stderr.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, stdout.String(), stderr.String()
	}
	if code, stdout, stderr := status("release", "--spec", specV1, "--out", out); code != exitOK || !strings.HasPrefix(stdout, "sdkgen: released 0.1.0") || stderr != "" {
		t.Errorf("first release: status %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, stdout, stderr := status("release", "--spec", specV1, "--out", out); code != exitNoChange || !strings.HasPrefix(stdout, "sdkgen: no change") || stderr != "" {
		t.Errorf("no change: status %d, stdout %q, stderr %q; want %d", code, stdout, stderr, exitNoChange)
	}
	if code, _, _ := status("diff", "--old", specV1, "--new", specV1); code != exitNoChange {
		t.Errorf("diff without change: status %d, want %d", code, exitNoChange)
	}
	snap := filepath.Join(dir, "release", "state", "api-snapshot.json")
	if err := os.WriteFile(snap, []byte("[]"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := status("release", "--spec", specMinor, "--out", out)
	if code != exitError || stdout != "" || !strings.HasPrefix(stderr, "sdkgen: ") || !strings.Contains(stderr, snap) {
		t.Errorf("bad snapshot: status %d, stdout %q, stderr %q; want %d and the file named", code, stdout, stderr, exitError)
	}
	if v, err := os.ReadFile(filepath.Join(dir, "release", "state", "version.json")); err != nil || !strings.Contains(string(v), `"display": "0.1.0"`) {
		t.Errorf("a failed release changed the version: %s, %v", v, err)
	}
	for _, c := range []string{"release", "diff"} {
		_, stdout, _ := status(c, "--help")
		if !strings.Contains(stdout, "Exit status:") || !strings.Contains(stdout, "3  nothing changed") {
			t.Errorf("%s --help does not document the exit status:\n%s", c, stdout)
		}
	}
	_, stdout, _ = status("release", "--help")
	for _, want := range []string{"INCREMENT_MAJOR", "INCREMENT_MINOR", "INCREMENT_POINT", "RELEASE_NOTES", "--dry-run", "--bump", "--api-version", "--commit", "--state"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("release --help lacks %s", want)
		}
	}
}
