package release

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// isolateGit makes the git commands of a test independent of the machine's
// configuration (signing, hooks, identity).
func isolateGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("the release tests need git: %v", err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, who := range []string{"AUTHOR", "COMMITTER"} {
		t.Setenv("GIT_"+who+"_NAME", "Release Test")
		t.Setenv("GIT_"+who+"_EMAIL", "release@example.com")
	}
}

// gitIn runs git in dir and returns its output, failing the test on error.
func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := runGit(dir, nil, args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// newRepo makes a git repository in dir with one commit holding files.
func newRepo(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	gitIn(t, dir, "init", "--quiet", "--initial-branch=main")
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitIn(t, dir, "add", "--all")
	gitIn(t, dir, "commit", "--quiet", "--message", "The project")
}

// TestReleaseCommit: --commit makes one commit of exactly the release, its
// subject naming the version and its body the notes, and an annotated tag
// sdk/vX.Y.Z carrying the notes; it refuses, writing nothing, outside a git
// work tree, with uncommitted changes, or when the tag exists.
func TestReleaseCommit(t *testing.T) {
	clearForceEnv(t)
	isolateGit(t)
	repo := t.TempDir()
	newRepo(t, repo, map[string]string{"README.md": "the project\n", "tools/notes.txt": "x\n"})
	out := filepath.Join(repo, "sdk")

	// Not a git work tree: refused before anything is written.
	elsewhere := filepath.Join(t.TempDir(), "sdk")
	if _, err := Run(t.Context(), options(t, elsewhere, specV1, "--commit")); err == nil || !strings.Contains(err.Error(), "not in a git work tree") {
		t.Errorf("outside a work tree: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(elsewhere)); len(entries) != 0 {
		t.Errorf("outside a work tree, something was written: %v", entries)
	}

	stdout := release(t, out, specV1, nil, "--commit")
	if !strings.HasSuffix(stdout, "tagged sdk/v0.1.0\n") {
		t.Errorf("first release printed %q", stdout)
	}
	stdout = release(t, out, specMinor, nil, "--commit", "--notes", "Larder jars")
	if !strings.Contains(stdout, "released 0.2.0 (minor") || !strings.HasSuffix(stdout, "tagged sdk/v0.2.0\n") {
		t.Errorf("minor release printed %q", stdout)
	}
	notes := readFile(t, filepath.Join(out, NotesFile))
	if !strings.HasPrefix(notes, "Platform API version: v2\n\n\nLarder jars\n\n# Major Changes (0 changes)\n\n\n# Minor Changes") {
		t.Errorf("notes:\n%s", notes)
	}
	if msg := gitIn(t, repo, "log", "-1", "--format=%B"); msg != "Release SDK 0.2.0\n\n"+notes+"\n" {
		t.Errorf("commit message %q, want the subject then the notes %q", msg, notes)
	}
	if kind := gitIn(t, repo, "cat-file", "-t", "sdk/v0.2.0"); kind != "tag\n" {
		t.Errorf("sdk/v0.2.0 is a %s, want an annotated tag", kind)
	}
	if msg := gitIn(t, repo, "for-each-ref", "--format=%(contents)", "refs/tags/sdk/v0.2.0"); msg != notes+"\n" {
		t.Errorf("tag message %q, want the notes %q", msg, notes)
	}
	if tagged, head := gitIn(t, repo, "rev-parse", "sdk/v0.2.0^{commit}"), gitIn(t, repo, "rev-parse", "HEAD"); tagged != head {
		t.Errorf("the tag is on %s, not the release commit %s", tagged, head)
	}
	changed := strings.Fields(gitIn(t, repo, "diff", "--name-only", "sdk/v0.1.0", "sdk/v0.2.0"))
	for _, path := range changed {
		if !strings.HasPrefix(path, "sdk/") && !strings.HasPrefix(path, "release/state/") {
			t.Errorf("the release commit changed %s", path)
		}
	}
	if len(changed) == 0 {
		t.Error("the release commit changed nothing")
	}
	if status := gitIn(t, repo, "status", "--porcelain"); status != "" {
		t.Errorf("uncommitted after the release:\n%s", status)
	}

	// The work tree and the repository, but for the index, which git
	// status may write again to refresh the file times it caches: what
	// the index holds is compared as git ls-files --stage lists it.
	worktree := func() map[string]string {
		tree := snapshotTree(t, repo)
		delete(tree, filepath.Join(repo, ".git", "index"))
		tree["staged"] = gitIn(t, repo, "ls-files", "--stage")
		return tree
	}
	refused := func(name, want string, args ...string) {
		t.Helper()
		before := worktree()
		head := gitIn(t, repo, "rev-parse", "HEAD")
		_, err := Run(t.Context(), options(t, out, specMajor, append([]string{"--commit"}, args...)...))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one saying %q", name, err, want)
		}
		if !sameFiles(before, worktree()) || gitIn(t, repo, "rev-parse", "HEAD") != head {
			t.Errorf("%s: something was written or committed", name)
		}
	}
	// A change to a tracked file anywhere, staged or not.
	if err := os.WriteFile(filepath.Join(repo, "tools", "notes.txt"), []byte("y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	refused("modified file", "tools/notes.txt")
	gitIn(t, repo, "add", "tools/notes.txt")
	refused("staged file", "tools/notes.txt")
	gitIn(t, repo, "reset", "--quiet", "--hard")
	// An untracked file in the SDK, which the commit would take.
	if err := os.WriteFile(filepath.Join(out, "scratch.go"), []byte("package sdk\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	refused("untracked file in the SDK", "sdk/scratch.go")
	if err := os.Remove(filepath.Join(out, "scratch.go")); err != nil {
		t.Fatal(err)
	}
	// The tag of the next version exists (released elsewhere, fetched).
	gitIn(t, repo, "tag", "sdk/v1.0.0")
	refused("existing tag", "tag sdk/v1.0.0 exists already")
	gitIn(t, repo, "tag", "--delete", "sdk/v1.0.0")

	// An untracked file outside what the release writes is left alone.
	if err := os.WriteFile(filepath.Join(repo, "sdkgen"), []byte("binary"), 0o755); err != nil {
		t.Fatal(err)
	}
	release(t, out, specMajor, nil, "--commit")
	for _, path := range strings.Fields(gitIn(t, repo, "show", "--name-only", "--format=", "HEAD")) {
		if path == "sdkgen" {
			t.Error("the release committed an untracked file outside it")
		}
	}
	if status := gitIn(t, repo, "status", "--porcelain"); status != "?? sdkgen\n" {
		t.Errorf("after the major release: %q", status)
	}
	// No change: exit 3, no commit.
	head := gitIn(t, repo, "rev-parse", "HEAD")
	release(t, out, specMajor, ErrNoChange, "--commit")
	if gitIn(t, repo, "rev-parse", "HEAD") != head {
		t.Error("a release without change committed")
	}
}
