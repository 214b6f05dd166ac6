package generator

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// readAll returns the files under dir, by slash path, and fails on anything
// but regular files of mode 0644 and directories of mode 0755.
func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			if info.Mode().Perm() != 0o755 {
				t.Errorf("%s: mode %v", p, info.Mode())
			}
			if rel != "." {
				got[filepath.ToSlash(rel)+"/"] = ""
			}
			return nil
		}
		if !info.Mode().IsRegular() || info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v", p, info.Mode())
		}
		data, err := os.ReadFile(p)
		got[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func wantTree(t *testing.T, dir string, files []File) {
	t.Helper()
	got := readAll(t, dir)
	want := map[string]string{}
	for _, f := range files {
		want[f.Path] = string(f.Data)
		for d := path.Dir(f.Path); d != "."; d = path.Dir(d) {
			want[d+"/"] = ""
		}
	}
	for p, data := range want {
		if got[p] != data {
			t.Errorf("%s: %q, want %q", p, got[p], data)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: stale file", p)
		}
	}
}

func testFiles() []File {
	return []File{
		{Path: "a.go", Data: []byte("package a\n")},
		{Path: "api/x/x.go", Data: []byte("package x\n")},
		{Path: "api/y/y.go", Data: []byte("package y\n")},
		{Path: "models/m.go", Data: []byte("package models\n")},
	}
}

// TestWriteTreeUnchanged: writing what the tree holds writes nothing, not
// even a new directory.
func TestWriteTreeUnchanged(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "sdk")
	files := testFiles()
	if err := WriteTree(out, files); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(filepath.Join(out, "api", "x", "x.go"))
	if err != nil {
		t.Fatal(err)
	}
	dirBefore, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(out, "api", "x", "x.go"), old, old); err != nil {
		t.Fatal(err)
	}
	if err := WriteTree(out, files); err != nil {
		t.Fatal(err)
	}
	wantTree(t, out, files)
	after, err := os.Stat(filepath.Join(out, "api", "x", "x.go"))
	if err != nil {
		t.Fatal(err)
	}
	dirAfter, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) || after.ModTime().Unix() != old.Unix() {
		t.Error("an unchanged file was written again")
	}
	if !os.SameFile(dirBefore, dirAfter) {
		t.Error("an unchanged tree was replaced")
	}
	assertNoLeftovers(t, parent)
}

// TestWriteTreeChanges: a changed file is written, an unchanged one kept,
// and what is no longer generated disappears: files, empty directories,
// anything that is not a regular file, files of another mode.
func TestWriteTreeChanges(t *testing.T) {
	cases := map[string]func(t *testing.T, out string){
		"stale file": func(t *testing.T, out string) {
			write(t, filepath.Join(out, "api", "x", "z.go"), "package x\n", 0o644)
		},
		"stale package": func(t *testing.T, out string) {
			write(t, filepath.Join(out, "api", "z", "z.go"), "package z\n", 0o644)
		},
		"as many files, one stale": func(t *testing.T, out string) {
			os.Remove(filepath.Join(out, "models", "m.go"))
			write(t, filepath.Join(out, "models", "n.go"), "package models\n", 0o644)
		},
		"empty directory": func(t *testing.T, out string) {
			if err := os.Mkdir(filepath.Join(out, "api", "gone"), 0o755); err != nil {
				t.Fatal(err)
			}
		},
		"symlink": func(t *testing.T, out string) {
			if err := os.Symlink("a.go", filepath.Join(out, "link.go")); err != nil {
				t.Fatal(err)
			}
		},
		"mode": func(t *testing.T, out string) {
			if err := os.Chmod(filepath.Join(out, "a.go"), 0o600); err != nil {
				t.Fatal(err)
			}
		},
		"directory mode": func(t *testing.T, out string) {
			if err := os.Chmod(filepath.Join(out, "api", "y"), 0o700); err != nil {
				t.Fatal(err)
			}
		},
		"content": func(t *testing.T, out string) {
			write(t, filepath.Join(out, "models", "m.go"), "package other\n", 0o644)
		},
		"same size": func(t *testing.T, out string) {
			write(t, filepath.Join(out, "models", "m.go"), "package modelz\n", 0o644)
		},
		"a directory for a file": func(t *testing.T, out string) {
			os.Remove(filepath.Join(out, "a.go"))
			write(t, filepath.Join(out, "a.go", "b.go"), "package b\n", 0o644)
		},
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "sdk")
			files := testFiles()
			if err := WriteTree(out, files); err != nil {
				t.Fatal(err)
			}
			change(t, out)
			if err := WriteTree(out, files); err != nil {
				t.Fatal(err)
			}
			wantTree(t, out, files)
			assertNoLeftovers(t, parent)
		})
	}

	// A new file's content replaces the old one's, and the other files
	// are those of the previous tree (linked, not copied).
	parent := t.TempDir()
	out := filepath.Join(parent, "sdk")
	files := testFiles()
	if err := WriteTree(out, files); err != nil {
		t.Fatal(err)
	}
	kept, err := os.Stat(filepath.Join(out, "api", "y", "y.go"))
	if err != nil {
		t.Fatal(err)
	}
	files = slices.Clone(files)
	files[1].Data = []byte("package x // changed\n")
	files = append(files, File{Path: "api/new/new.go", Data: []byte("package new\n")})
	if err := WriteTree(out, files); err != nil {
		t.Fatal(err)
	}
	wantTree(t, out, files)
	now, err := os.Stat(filepath.Join(out, "api", "y", "y.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(kept, now) {
		t.Log("an unchanged file was written, not linked (a file system without hard links?)")
	}
	assertNoLeftovers(t, parent)
}

// TestWriteTreeFailureKeepsTree: a failure after some files were linked from
// the old tree into the new one leaves the old tree as it was.
func TestWriteTreeFailureKeepsTree(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "sdk")
	files := testFiles()
	if err := WriteTree(out, files); err != nil {
		t.Fatal(err)
	}
	// models/m.go is a file, so models/m.go/n.go cannot be written; the
	// files before it in the list are linked first.
	bad := append(slices.Clone(files), File{Path: "models/m.go/n.go", Data: []byte("package n\n")})
	bad[1].Data = []byte("package x // changed\n")
	if err := WriteTree(out, bad); err == nil {
		t.Fatal("WriteTree wrote a file below a file")
	}
	wantTree(t, out, files)
	assertNoLeftovers(t, parent)

	// Refused paths are refused before anything is written.
	if err := WriteTree(out, append(slices.Clone(files), File{Path: "../x.go"})); err == nil {
		t.Fatal("WriteTree accepted a path outside the tree")
	}
	wantTree(t, out, files)
	assertNoLeftovers(t, parent)
}

func write(t *testing.T, p, data string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
}
