package release

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// gitRepo is the git work tree a release is committed in, driven through
// the git command.
type gitRepo struct {
	root string // the work tree's top level, symlinks resolved
	// paths are the SDK and state directories relative to root, slash
	// separated: what the release commits.
	paths []string
}

// openRepo finds the work tree holding both directories (which need not
// exist yet), or says why there is none.
func openRepo(sdkDir, stateDir string) (*gitRepo, error) {
	sdkAbs, err := resolve(sdkDir)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(sdkAbs)
	for !isDir(dir) && filepath.Dir(dir) != dir {
		dir = filepath.Dir(dir)
	}
	out, err := runGit(dir, nil, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--commit: %s is not in a git work tree: %w", sdkDir, err)
	}
	r := &gitRepo{root: filepath.Clean(strings.TrimSpace(out))}
	if r.root, err = filepath.EvalSymlinks(r.root); err != nil {
		return nil, err
	}
	for _, dir := range []string{sdkDir, stateDir} {
		abs, err := resolve(dir)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(r.root, abs)
		if err != nil || !within(r.root, abs) {
			return nil, fmt.Errorf("--commit: %s is outside the git work tree %s", dir, r.root)
		}
		r.paths = append(r.paths, filepath.ToSlash(rel))
	}
	return r, nil
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// resolve returns dir absolute, with the symlinks of its longest existing
// ancestor resolved (dir itself may not exist yet).
func resolve(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	var rest []string
	for p := abs; ; p = filepath.Dir(p) {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if filepath.Dir(p) == p {
			return abs, nil
		}
		rest = append([]string{filepath.Base(p)}, rest...)
	}
}

// runGit runs git in dir with stdin, returning its standard output; the
// error carries what git printed on standard error.
func runGit(dir string, stdin []byte, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return stdout.String(), fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, msg)
		}
		return stdout.String(), fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return stdout.String(), nil
}

// git runs git at the work tree's top level.
func (r *gitRepo) git(stdin []byte, args ...string) (string, error) {
	return runGit(r.root, stdin, args...)
}

// checkClean refuses a work tree with uncommitted changes: staged or not,
// anywhere, and files git does not track inside the directories the release
// writes (which it would commit). Untracked files elsewhere are left alone:
// the release neither touches nor commits them. A refused release writes
// nothing, not even git's index (which status refreshes unless told not to).
func (r *gitRepo) checkClean() error {
	out, err := r.git(nil, "--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=all")
	if err != nil {
		return fmt.Errorf("--commit: %w", err)
	}
	var dirty []string
	entries := strings.Split(out, "\x00")
	for i := 0; i < len(entries); i++ {
		e := entries[i]
		if len(e) < 4 {
			continue
		}
		code, path := e[:2], e[3:]
		if code[0] == 'R' || code[0] == 'C' {
			i++ // the source path of a rename or copy follows
		}
		if code == "??" && !r.writes(path) {
			continue
		}
		dirty = append(dirty, path)
	}
	if len(dirty) > 0 {
		shown := dirty[:min(len(dirty), 5)]
		more := ""
		if len(dirty) > len(shown) {
			more = fmt.Sprintf(" and %d more", len(dirty)-len(shown))
		}
		return fmt.Errorf("--commit: the work tree %s has uncommitted changes (%s%s): commit or stash them first, so that the release commit holds only the release",
			r.root, strings.Join(shown, ", "), more)
	}
	return nil
}

// writes reports whether path (relative to the top level) is in a
// directory the release writes.
func (r *gitRepo) writes(path string) bool {
	for _, p := range r.paths {
		if p == "." || path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// tagFor is the tag of version v of the SDK in sdkDir: the directory's path
// in the repository, then /vX.Y.Z, as the go command looks for the version
// of a module in a subdirectory (vX.Y.Z alone at the top level).
func (r *gitRepo) tagFor(v Version) string {
	if r.paths[0] == "." {
		return v.Semver()
	}
	return r.paths[0] + "/" + v.Semver()
}

// checkNoTag refuses a tag that exists already.
func (r *gitRepo) checkNoTag(tag string) error {
	_, err := r.git(nil, "rev-parse", "--quiet", "--verify", "refs/tags/"+tag)
	var exit *exec.ExitError
	switch {
	case err == nil:
		return fmt.Errorf("--commit: tag %s exists already in %s: was this version released before? (fetch the tags, or force a larger bump)", tag, r.root)
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		return nil
	}
	return fmt.Errorf("--commit: %w", err)
}

// commitRelease commits the SDK and the record, exactly, and tags the commit
// with an annotated tag whose message is the notes; it returns the commit's
// short hash. Messages are kept verbatim: the notes' headings start with #
// and their blank lines count.
func (r *gitRepo) commitRelease(v Version, notes []byte, tag string) (string, error) {
	if _, err := r.git(nil, append([]string{"add", "--all", "--"}, r.paths...)...); err != nil {
		return "", err
	}
	msg := []byte("Release SDK " + v.String() + "\n\n")
	if len(bytes.TrimSpace(notes)) == 0 {
		notes = []byte("SDK release " + v.String() + "\n")
	}
	msg = append(msg, notes...)
	if _, err := r.git(msg, "commit", "--quiet", "--cleanup=verbatim", "--file=-"); err != nil {
		return "", fmt.Errorf("the release is written but not committed: %w", err)
	}
	if _, err := r.git(notes, "tag", "--annotate", "--cleanup=verbatim", "--file=-", tag); err != nil {
		return "", fmt.Errorf("the release is committed but not tagged: %w", err)
	}
	hash, err := r.git(nil, "rev-parse", "--short", "HEAD")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(hash), nil
}
