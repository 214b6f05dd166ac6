package generator

import (
	"testing"

	"golang.org/x/tools/imports"
)

// TestFormatQuickMatchesImports: where formatQuick formats a file, it gives
// the bytes imports.Process gives; where it cannot tell, it declines.
func TestFormatQuickMatchesImports(t *testing.T) {
	tests := []struct {
		name, src string
		quick     bool
	}{
		{"unused imports removed", "package p\n\nimport (\n\t\"context\"\n\t\"strings\"\n\t\"time\"\n\n\t\"example.com/m/models\"\n)\n\nfunc f(ctx context.Context)  { _ = models.X\n}\n", true},
		{"all imports unused", "package p\n\nimport (\n\t\"strings\"\n\t\"time\"\n)\n\n// F does nothing with time.\nfunc F() {}\n", true},
		{"a package to add", "package p\n\nimport \"strings\"\n\nvar c = tls.Config{}\nvar s = strings.ToUpper\n", false},
		{"a local name shadows nothing", "package p\n\nimport \"time\"\n\nfunc f() { time := 1; _ = time }\n", true},
		{"a name declared in another file", "package p\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n)\n\nvar ok = defaultTransport.Proxy != nil\nvar _ http.Header\n", true},
		{"a lower-case name that may be a package", "package p\n\nimport \"strings\"\n\nvar ok = transport.Proxy != nil\n", false},
		{"renamed import", "package p\n\nimport str \"strings\"\n\nvar s = str.ToUpper\n", false},
		{"versioned path", "package p\n\nimport \"math/rand/v2\"\n\nvar n = rand.N(3)\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := formatQuick("x.go", []byte(tt.src))
			if ok != tt.quick {
				t.Fatalf("formatQuick ok = %v, want %v", ok, tt.quick)
			}
			if !ok {
				return
			}
			want, err := imports.Process("x.go", []byte(tt.src), importOptions)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("formatQuick:\n%s\nimports.Process:\n%s", got, want)
			}
		})
	}
}
