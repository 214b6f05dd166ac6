package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// WriteTree replaces the directory out with files, atomically: the files are
// written to a new directory next to out, and only when all of them are
// written is that directory swapped in. On any failure out is left as it was.
// out's parent is created if needed.
func WriteTree(out string, files []File) (err error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if info, err := os.Stat(out); err == nil && !info.IsDir() {
		return fmt.Errorf("write %s: exists and is not a directory", out)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	dirs := map[string]bool{}
	for _, f := range files {
		if !filepath.IsLocal(filepath.FromSlash(f.Path)) {
			return fmt.Errorf("write %s: file path %q is not inside the tree", out, f.Path)
		}
		p := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if d := filepath.Dir(p); !dirs[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("write %s: %w", out, err)
			}
			dirs[d] = true
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", out, err)
		}
	}

	// Swap: out -> old, tmp -> out, then remove old. A failure in between
	// moves old back.
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("write %s: %w", out, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			if rerr := os.Rename(old, out); rerr != nil {
				return fmt.Errorf("write %s: %w; the previous tree is at %s: %v", out, err, old, rerr)
			}
		}
		return fmt.Errorf("write %s: %w", out, err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("write %s: the new tree is in place, but removing the old one at %s failed: %w", out, old, err)
		}
	}
	return nil
}
