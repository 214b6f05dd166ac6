package swaggerdiff

import (
	"os"
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
