package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/purecloud-go/platform-client/swagger"
)

// TestGenerateAtomic checks that a failure anywhere leaves the output as it
// was, with nothing half-written beside it, and that success replaces it.
func TestGenerateAtomic(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "sdk")
	if err := os.MkdirAll(filepath.Join(out, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	marker := filepath.Join(out, "old", "marker.txt")
	if err := os.WriteFile(marker, []byte("before"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := map[string]string{
		"missing.json":  "",
		"invalid.json":  `{"swagger": "2.0", "paths": {`,
		"dangling.json": doc(``, `"A":{"type":"object","properties":{"b":{"$ref":"#/definitions/Nope"}}}`),
	}
	for name, src := range bad {
		spec := filepath.Join(parent, name)
		if src != "" {
			if err := os.WriteFile(spec, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := Generate(t.Context(), Options{Spec: spec, Out: out}); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("Generate(%s): error %v, want one naming the spec", name, err)
		}
		assertUntouched(t, parent, marker)
	}

	// A file that cannot be written fails after rendering, before the swap.
	if err := WriteTree(out, []File{{Path: "ok.go", Data: []byte("package x\n")}, {Path: "../escape.go"}}); err == nil {
		t.Error("WriteTree accepted a path outside the tree")
	}
	assertUntouched(t, parent, marker)

	good := filepath.Join(parent, "good.json")
	if err := os.WriteFile(good, []byte(doc(thingsOps, `"Part":{"type":"object","properties":{"n":{"type":"string"}}}`)), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := Generate(t.Context(), Options{Spec: good, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if sum.APIs != 1 || sum.Operations != 1 || sum.Models != 1 || sum.Files < 10 {
		t.Errorf("summary %+v", sum)
	}
	if _, err := os.Stat(marker); !os.IsNotExist(err) {
		t.Errorf("the old tree survived the swap: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "api", "thingsapi", "thingsapi.go")); err != nil {
		t.Error(err)
	}
	assertNoLeftovers(t, parent)

	// The output's parent is created when missing.
	deep := filepath.Join(parent, "a", "b", "sdk")
	if _, err := Generate(t.Context(), Options{Spec: good, Out: deep}); err != nil {
		t.Fatal(err)
	}
}

func assertUntouched(t *testing.T, parent, marker string) {
	t.Helper()
	if data, err := os.ReadFile(marker); err != nil || string(data) != "before" {
		t.Fatalf("the output was touched: %q, %v", data, err)
	}
	assertNoLeftovers(t, parent)
}

func assertNoLeftovers(t *testing.T, parent string) {
	t.Helper()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestWriteTreeRefusesAFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sdk")
	if err := os.WriteFile(out, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteTree(out, []File{{Path: "a.go", Data: []byte("package a\n")}}); err == nil {
		t.Error("WriteTree replaced a file with a directory")
	}
}

// BenchmarkBuild and BenchmarkRender time the two steps after loading on the
// real spec (swagger.BenchmarkParse times the loading).
func BenchmarkBuild(b *testing.B) {
	spec := loadReal(b)
	for b.Loop() {
		if _, err := Build(spec, DefaultModule); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	spec := loadReal(b)
	sdk, err := Build(spec, DefaultModule)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Render(sdk, DefaultVersion); err != nil {
			b.Fatal(err)
		}
	}
}

func loadReal(b *testing.B) *swagger.Spec {
	spec, err := swagger.Load(b.Context(), realSpec, 0)
	if err != nil {
		b.Skipf("the real spec: %v", err)
	}
	return spec
}
