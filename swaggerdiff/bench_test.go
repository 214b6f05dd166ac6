package swaggerdiff

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/purecloud-go/platform-client/swagger"
)

// benchSpecs parses the real spec and a modified copy, outside the timing.
func benchSpecs(b *testing.B) (old, new *swagger.Spec) {
	data, err := os.ReadFile(realSpecPath)
	if err != nil {
		b.Skip(err)
	}
	if old, err = swagger.Parse(data, "old"); err != nil {
		b.Fatal(err)
	}
	if new, err = swagger.Parse(data, "new"); err != nil {
		b.Fatal(err)
	}
	for _, m := range mutations[5:12] {
		m.new(new)
	}
	return old, new
}

// BenchmarkParse is the baseline: loading one copy of the spec.
func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile(realSpecPath)
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		if _, err := swagger.Parse(data, "spec"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompareOfficial(b *testing.B) { benchCompare(b, RulesOfficial) }
func BenchmarkCompareGo(b *testing.B)       { benchCompare(b, RulesGo) }

func benchCompare(b *testing.B, rules Rules) {
	old, new := benchSpecs(b)
	for b.Loop() {
		if _, err := Compare(old, new, Options{Rules: rules}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiffProcess is what `sdkgen diff` does on the whole spec against
// a copy of it: read and load both files (at once), compare with the go
// rules and tombstones. BenchmarkDecodeAny is its baseline: encoding/json decoding both
// files into any.
func BenchmarkDiffProcess(b *testing.B) {
	copyPath := benchCopy(b)
	for b.Loop() {
		var old *swagger.Spec
		var errOld error
		var wg sync.WaitGroup
		wg.Go(func() { old, errOld = swagger.Load(b.Context(), realSpecPath, 0) })
		new, err := swagger.Load(b.Context(), copyPath, 0)
		wg.Wait()
		if err != nil || errOld != nil {
			b.Fatal(err, errOld)
		}
		if _, err := Compare(old, new, Options{Rules: RulesGo, Tombstones: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeAny(b *testing.B) {
	copyPath := benchCopy(b)
	for b.Loop() {
		for _, f := range []string{realSpecPath, copyPath} {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// benchCopy writes a copy of the real spec in a temporary directory.
func benchCopy(b *testing.B) string {
	data, err := os.ReadFile(realSpecPath)
	if err != nil {
		b.Skip(err)
	}
	path := filepath.Join(b.TempDir(), "copy.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}
