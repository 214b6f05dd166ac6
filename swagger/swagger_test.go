package swagger

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/google/go-cmp/cmp"
)

const realSpec = "../../shared/swagger/platform-api-v2.json"

const specJSON = `{
  "swagger": "2.0",
  "info": {"title": "T", "version": "v2"},
  "paths": {
    "/z": {"post": {"operationId": "postZ", "responses": {"default": {"description": "d"}, "404": {"description": "n"}, "200": {"description": "ok"}}},
           "get": {"operationId": "getZ", "responses": {"200": {"description": "ok"}}}},
    "/a/{id}": {"get": {"operationId": "getA", "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}],
                        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/B"}}}}}
  },
  "definitions": {
    "B": {"type": "object", "properties": {"zeta": {"type": "string"}, "alpha": {"type": "integer", "format": "int32"},
          "inner": {"type": "object", "properties": {"y": {"type": "boolean"}, "x": {"type": "number"}}}}},
    "A": {"type": "object", "properties": {"m": {"type": "string", "enum": ["1", "2"]}}}
  }
}`

const specYAML = `swagger: "2.0"
info: {title: T, version: v2}
paths:
  /z:
    post:
      operationId: postZ
      responses:
        default: {description: d}
        404: {description: n}
        200: {description: ok}
    get:
      operationId: getZ
      responses:
        200: {description: ok}
  /a/{id}:
    get:
      operationId: getA
      parameters:
        - {name: id, in: path, required: true, type: string}
      responses:
        200:
          description: ok
          schema: {$ref: "#/definitions/B"}
definitions:
  B:
    type: object
    properties:
      zeta: {type: string}
      alpha: {type: integer, format: int32}
      inner:
        type: object
        properties:
          y: {type: boolean}
          x: {type: number}
  A:
    type: object
    properties:
      m: {type: string, enum: ["1", "2"]}
`

func TestParseKeepsOrder(t *testing.T) {
	for name, src := range map[string]string{"json": specJSON, "yaml": specYAML} {
		t.Run(name, func(t *testing.T) {
			spec, err := Parse([]byte(src), "spec")
			if err != nil {
				t.Fatal(err)
			}
			want := map[string][]string{
				"/paths":                    {"/z", "/a/{id}"},
				"/paths/~1z":                {"post", "get"},
				"/paths/~1z/post/responses": {"default", "404", "200"},
				"/definitions":              {"B", "A"},
				"/definitions/B/properties": {"zeta", "alpha", "inner"},
				"/definitions/B/properties/inner/properties": {"y", "x"},
			}
			for ptr, keys := range want {
				if diff := cmp.Diff(keys, spec.Keys(ptr)); diff != "" {
					t.Errorf("Keys(%s) (-want +got):\n%s", ptr, diff)
				}
			}
			if got := spec.Keys("/info"); got != nil {
				t.Errorf("Keys(/info) = %v, want nil (order not recorded)", got)
			}
			if Pointer("paths", "/a/{id}", "get") != "/paths/~1a~1{id}/get" {
				t.Errorf("Pointer escaping: %s", Pointer("paths", "/a/{id}", "get"))
			}
			if op := spec.Doc.Paths["/a/{id}"].Get; op == nil || op.OperationID != "getA" || op.Parameters[0].Name != "id" {
				t.Fatalf("paths not decoded: %+v", spec.Doc.Paths["/a/{id}"])
			}
			if b := spec.Doc.Definitions["B"].Value; b == nil || !b.Properties["alpha"].Value.Type.Is("integer") {
				t.Fatalf("definitions not decoded: %+v", spec.Doc.Definitions["B"])
			}
		})
	}
}

// TestParseMatchesKin checks that Parse gives what kin-openapi's own decoding
// of the whole document gives, apart from what it keeps beyond it (presence.go).
func TestParseMatchesKin(t *testing.T) {
	data := []byte(specJSON)
	if testing.Short() {
		t.Log("short: the small spec only")
	} else if real, err := os.ReadFile(realSpec); err == nil {
		data = real
	}
	spec, err := Parse(data, "spec")
	if err != nil {
		t.Fatal(err)
	}
	var whole openapi2.T
	if err := json.Unmarshal(data, &whole); err != nil {
		t.Fatal(err)
	}
	stripPresence(spec.Doc)
	mine, err := json.Marshal(spec.Doc)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := json.Marshal(&whole)
	if err != nil {
		t.Fatal(err)
	}
	if string(mine) != string(theirs) {
		t.Errorf("Parse and kin-openapi disagree (%d vs %d bytes re-encoded)", len(mine), len(theirs))
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty", "  \n", "the document is empty"},
		{"invalid JSON", "{\n  \"swagger\": \"2.0\",\n  \"paths\": {,}\n}", "line 3, column 13: invalid JSON"},
		{"truncated JSON", `{"swagger": "2.0", "paths": {`, "invalid JSON"},
		{"trailing data", `{"swagger": "2.0"} {}`, "invalid JSON"},
		{"invalid YAML", "swagger: '2.0'\npaths: [\n", "invalid YAML"},
		{"YAML list", "- a\n- b\n", "the document is not a JSON object"},
		{"no swagger field", `{"paths": {}}`, `the "swagger" field is missing`},
		{"OpenAPI 3", `{"openapi": "3.0.0", "swagger": "3.0"}`, `not a Swagger 2.0 document: "swagger" is "3.0"`},
		{"paths not an object", `{"swagger": "2.0", "paths": []}`, "paths (line 1, column 29): must be an object"},
		{"bad definition", "{\"swagger\": \"2.0\",\n\"definitions\": {\"A\": {\"type\": \"object\", \"required\": \"x\"}}}", "definitions.A (line 2, column 22): json: cannot unmarshal string into field Schema.required"},
		{"bad path item", `{"swagger": "2.0", "paths": {"/a": {"get": {"parameters": {}}}}}`, "paths./a (line 1, column 36)"},
		{"YAML merge key", "swagger: '2.0'\nx: &x {a: 1}\ny:\n  <<: *x\n", "merge keys are not supported"},
		{"YAML infinite number", "swagger: '2.0'\nx: .inf\n", "cannot be represented in JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src), "spec.txt")
			if err == nil {
				t.Fatal("Parse succeeded, want an error")
			}
			if !strings.HasPrefix(err.Error(), "spec.txt: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want the source name and %q", err, tt.want)
			}
		})
	}
}

func TestYAMLUnquotedVersion(t *testing.T) {
	spec, err := Parse([]byte("swagger: 2.0\ninfo: {title: T, version: 1.0}\npaths: {}\n"), "spec.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if spec.Doc.Swagger != "2.0" {
		t.Errorf("swagger = %q, want 2.0", spec.Doc.Swagger)
	}
	if _, err := Parse([]byte("swagger: 3.0\n"), "spec.yaml"); err == nil || !strings.Contains(err.Error(), `"swagger" is "3.0"`) {
		t.Errorf("swagger: 3.0 gave %v", err)
	}
}

func TestYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("swagger: '2.0'\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		prev := "*a" + string(rune('0'+i-1))
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" + strings.Repeat(prev+", ", 9) + prev + "]\n")
	}
	// 10^9 values once expanded: without the limit this would not finish.
	_, err := Parse([]byte(b.String()), "bomb.yaml")
	if err == nil || !strings.Contains(err.Error(), "expands to more than") {
		t.Fatalf("error = %v, want the expansion limit", err)
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "spec.yaml")
	if err := os.WriteFile(p, []byte(specYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	spec, err := Load(t.Context(), p, 0)
	if err != nil {
		t.Fatal(err)
	}
	if spec.Source != p || len(spec.Doc.Paths) != 2 {
		t.Errorf("Load = source %q, %d paths", spec.Source, len(spec.Doc.Paths))
	}
	if _, err := Load(t.Context(), filepath.Join(dir, "missing.json"), 0); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: error %v", err)
	}
}

func TestLoadURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/spec.json":
			w.Write([]byte(specJSON))
		case "/slow":
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	spec, err := Load(t.Context(), srv.URL+"/spec.json", 0)
	if err != nil {
		t.Fatal(err)
	}
	if spec.Source != srv.URL+"/spec.json" || len(spec.Doc.Definitions) != 2 {
		t.Errorf("Load(URL) = %q, %d definitions", spec.Source, len(spec.Doc.Definitions))
	}
	if _, err := Load(t.Context(), srv.URL+"/nope", 0); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("404: error %v", err)
	}
	// The server answers after 5 s; a fetch that gives up after 100 ms fails.
	if _, err := Load(t.Context(), srv.URL+"/slow", 100*time.Millisecond); err == nil || !strings.Contains(err.Error(), "deadline exceeded") {
		t.Errorf("timeout: error %v, want a deadline error", err)
	}
}

// BenchmarkParse decodes the real spec; BenchmarkKinDecode is the baseline:
// kin-openapi decoding the same document in one json.Unmarshal.
func BenchmarkParse(b *testing.B) {
	data := readReal(b)
	for b.Loop() {
		if _, err := Parse(data, "spec"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKinDecode(b *testing.B) {
	data := readReal(b)
	for b.Loop() {
		var doc openapi2.T
		if err := json.Unmarshal(data, &doc); err != nil {
			b.Fatal(err)
		}
	}
}

func readReal(b *testing.B) []byte {
	data, err := os.ReadFile(realSpec)
	if err != nil {
		b.Skipf("the real spec: %v", err)
	}
	b.SetBytes(int64(len(data)))
	return data
}
