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
	summary := regexp.MustCompile(`^sdkgen: wrote \S+ from \S+: 1 APIs, 1 operations, 1 models, \d+ files in \d+\.\ds\n$`)
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
