package release

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

// workflows is the folder of the GitHub Actions workflows: the release
// pipeline and the tests of every pull request.
const workflows = "../.github/workflows"

// lintWorkflow lints one workflow's content with actionlint (without
// shellcheck or pyflakes, so that the verdict is the same on every machine).
func lintWorkflow(t *testing.T, path string, content []byte) []*actionlint.Error {
	t.Helper()
	linter, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.Lint(path, content, nil)
	if err != nil {
		t.Fatal(err)
	}
	return errs
}

// TestWorkflows lints every workflow with actionlint, so that a broken
// workflow fails make test, and checks what the release pipeline relies on.
func TestWorkflows(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(workflows, "*.y*ml"))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]string{}
	for _, p := range paths {
		content, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		found[filepath.Base(p)] = string(content)
		for _, e := range lintWorkflow(t, p, content) {
			t.Errorf("%s:%d:%d: %s [%s]", p, e.Line, e.Column, e.Message, e.Kind)
		}
	}
	rel, test := found["release.yml"], found["test.yml"]
	if rel == "" || test == "" {
		t.Fatalf("want release.yml and test.yml in %s, found %d workflows", workflows, len(found))
	}
	for _, want := range []string{
		"schedule:", "workflow_dispatch:", "options: [none, patch, minor, major]", "contents: write",
		"https://api.mypurecloud.com/api/v2/docs/swagger",
		"go build -o", "--commit", `--bump "$BUMP"`, "3) echo",
		"git push --atomic", "gh release create", "--notes-file sdk/RELEASENOTES.md",
	} {
		if !strings.Contains(rel, want) {
			t.Errorf("release.yml lacks %q", want)
		}
	}
	if strings.Contains(rel, "go run ") {
		t.Error("release.yml uses go run, which turns exit status 3 into 1")
	}
	for _, want := range []string{"pull_request:", "../shared/swagger/platform-api-v2.json", "run: make test"} {
		if !strings.Contains(test, want) {
			t.Errorf("test.yml lacks %q", want)
		}
	}
}

// TestWorkflowLintCatches: the lint of TestWorkflows finds the mistakes a
// broken workflow has: an undefined step output, an unknown input, a bad
// cron, a job needing a missing job.
func TestWorkflowLintCatches(t *testing.T) {
	broken := `name: Broken
on:
  schedule:
    - cron: "61 * * * *"
  workflow_dispatch:
    inputs:
      bump:
        type: choice
        options: [none, major]
jobs:
  release:
    runs-on: ubuntu-latest
    needs: [build]
    steps:
      - id: release
        run: echo "${{ inputs.bumps }}"
      - if: steps.relase.outputs.tag != ''
        run: echo tagged
`
	errs := lintWorkflow(t, "broken.yml", []byte(broken))
	var got []string
	for _, e := range errs {
		got = append(got, e.Kind+": "+e.Message)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"61", "bumps", "relase", "build"} {
		if !strings.Contains(all, want) {
			t.Errorf("the lint missed the mistake about %q; it found:\n%s", want, all)
		}
	}
}
