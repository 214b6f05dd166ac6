package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// The modes WriteTree gives what it creates (before the umask).
const (
	fileMode fs.FileMode = 0o644
	dirMode  fs.FileMode = 0o755
)

// WriteTree replaces the directory out with files, atomically: the files are
// written to a new directory next to out, and only when all of them are
// written is that directory swapped in. On any failure out is left as it was.
// out's parent is created if needed.
//
// Most regenerations change few files, and creating thousands of files costs
// the kernel more than everything else generation does. So when out already
// holds exactly files (the same paths, bytes and modes, and nothing else),
// nothing is written; otherwise a file whose bytes out already holds is
// hard-linked from out into the new directory instead of written (written
// when linking fails).
func WriteTree(out string, files []File) (err error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	for _, f := range files {
		if !filepath.IsLocal(filepath.FromSlash(f.Path)) {
			return fmt.Errorf("write %s: file path %q is not inside the tree", out, f.Path)
		}
	}
	if info, err := os.Stat(out); err == nil && !info.IsDir() {
		return fmt.Errorf("write %s: exists and is not a directory", out)
	}
	cur, err := listTree(out)
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	reuse, same := cur.compare(out, files)
	if same {
		return nil
	}

	if err := os.MkdirAll(parent, dirMode); err != nil {
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
	if err := os.Chmod(tmp, dirMode); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	dirs := map[string]bool{}
	for i, f := range files {
		p := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if d := filepath.Dir(p); !dirs[d] {
			if err := os.MkdirAll(d, dirMode); err != nil {
				return fmt.Errorf("write %s: %w", out, err)
			}
			dirs[d] = true
		}
		if reuse[i] && os.Link(filepath.Join(out, filepath.FromSlash(f.Path)), p) == nil {
			continue
		}
		if err := os.WriteFile(p, f.Data, fileMode); err != nil {
			return fmt.Errorf("write %s: %w", out, err)
		}
	}

	// Swap: out -> old, tmp -> out, then remove old. A failure in between
	// moves old back.
	old := ""
	if _, err := os.Lstat(out); err == nil {
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

// tree is what a directory WriteTree would replace holds.
type tree struct {
	// files are the sizes of its regular files of fileMode, by slash path.
	files map[string]int64
	// dirs counts its directories of dirMode below the root.
	dirs int
	// other: it is missing, or holds something WriteTree does not make
	// (another kind of file, another mode).
	other bool
}

// listTree lists the directory out; a missing out is a tree with other set.
func listTree(out string) (tree, error) {
	t := tree{files: map[string]int64{}}
	info, err := os.Lstat(out)
	if err != nil || !info.IsDir() || info.Mode().Perm() != dirMode {
		t.other = true
		if errors.Is(err, os.ErrNotExist) {
			err = nil
		}
		return t, err
	}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == out {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir() && info.Mode().Perm() == dirMode:
			t.dirs++
		case info.Mode().IsRegular() && info.Mode().Perm() == fileMode:
			rel, err := filepath.Rel(out, p)
			if err != nil {
				return err
			}
			t.files[filepath.ToSlash(rel)] = info.Size()
		default:
			t.other = true
		}
		return nil
	})
	return t, err
}

// compare reports which of files the tree at out already holds, byte for
// byte, and whether it holds exactly files and nothing else. A file that
// cannot be read is one it does not hold.
func (t tree) compare(out string, files []File) (reuse []bool, same bool) {
	reuse = make([]bool, len(files))
	same = !t.other && len(files) == len(t.files)
	dirs := map[string]bool{}
	for i, f := range files {
		for d := path.Dir(f.Path); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
		if size, ok := t.files[f.Path]; ok && size == int64(len(f.Data)) {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f.Path)))
			reuse[i] = err == nil && bytes.Equal(data, f.Data)
		}
		same = same && reuse[i]
	}
	// Every file being there, its directories are: one more is an empty
	// directory, which a new tree would not have.
	return reuse, same && len(dirs) == t.dirs
}
