package swagger

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func loadReal(t testing.TB) (*Spec, []byte) {
	t.Helper()
	data, err := os.ReadFile(realSpec)
	if err != nil {
		t.Skipf("the real spec: %v", err)
	}
	spec, err := Parse(data, realSpec)
	if err != nil {
		t.Fatal(err)
	}
	return spec, data
}

// TestSnapshotRealSpec: a snapshot of the real spec parses as a snapshot,
// keeps the recorded key order and the texts the differ prints, hashes the
// others, and a snapshot of that snapshot is the same bytes.
func TestSnapshotRealSpec(t *testing.T) {
	spec, data := loadReal(t)
	if spec.IsSnapshot() {
		t.Fatal("the real spec reads as a snapshot")
	}
	snap, err := Snapshot(spec)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("snapshot of the real spec: %d bytes (%.1f%% of the spec's %d bytes)",
		len(snap), 100*float64(len(snap))/float64(len(data)), len(data))
	parsed, err := Parse(snap, "snapshot")
	if err != nil {
		t.Fatalf("the snapshot does not parse: %v", err)
	}
	if !parsed.IsSnapshot() {
		t.Fatal("a parsed snapshot does not read as one")
	}
	if err := parsed.CheckSnapshot(); err != nil {
		t.Fatal(err)
	}
	again, err := Snapshot(parsed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(snap, again) {
		t.Fatalf("Snapshot(Parse(Snapshot(spec))) differs from Snapshot(spec):\n%s", firstDiff(snap, again))
	}

	// Every recorded order of the spec is the snapshot's too.
	checked := 0
	for ptr, keys := range spec.order {
		if strings.HasPrefix(ptr, "/parameters") || strings.HasSuffix(ptr, "/properties/properties") {
			continue // the second: a property named "properties", which the scanner records too
		}
		if diff := cmp.Diff(keys, parsed.Keys(ptr)); diff != "" {
			t.Errorf("key order of %s (-spec +snapshot):\n%s", ptr, diff)
			if checked++; checked > 5 {
				break
			}
		}
	}
	if len(parsed.Keys("/paths")) != len(spec.Doc.Paths) || len(parsed.Keys("/definitions")) != len(spec.Doc.Definitions) {
		t.Errorf("snapshot has %d paths and %d definitions, want %d and %d",
			len(parsed.Keys("/paths")), len(parsed.Keys("/definitions")), len(spec.Doc.Paths), len(spec.Doc.Definitions))
	}

	// Texts: response descriptions verbatim, the others as hashes.
	op := spec.Doc.Paths["/api/v2/users/{userId}"].Patch
	sop := parsed.Doc.Paths["/api/v2/users/{userId}"].Patch
	if sop.Description != "" || sop.Summary != "" {
		t.Errorf("the snapshot keeps an operation's description or summary")
	}
	if got, want := Hash(sop.Description, sop.Extensions, "description"), Hash(op.Description, nil, ""); got != want {
		t.Errorf("description hash %q, want %q", got, want)
	}
	if got, want := Hash(sop.Summary, sop.Extensions, "summary"), TextHash(op.Summary); got != want || op.Summary == "" {
		t.Errorf("summary hash %q, want %q", got, want)
	}
	if got, want := sop.Responses.Value("409").Description, op.Responses.Value("409").Description; got != want || got == "" {
		t.Errorf("response 409 description %q, want %q", got, want)
	}
	if got, want := sop.OperationID, op.OperationID; got != want {
		t.Errorf("operationId %q, want %q", got, want)
	}
	if got, want := sop.Extensions["x-purecloud-method-name"], op.Extensions["x-purecloud-method-name"]; got != want {
		t.Errorf("x-purecloud-method-name %v, want %v", got, want)
	}
	if _, ok := sop.Extensions["x-inin-requires-permissions"]; ok {
		t.Errorf("the snapshot keeps the permissions")
	}
	user, suser := spec.Doc.Definitions["User"].Value, parsed.Doc.Definitions["User"].Value
	if diff := cmp.Diff(user.Required, suser.Required); diff != "" {
		t.Errorf("User.required (-spec +snapshot):\n%s", diff)
	}
	for name, p := range user.Properties {
		sp := suser.Properties[name]
		if sp == nil {
			t.Errorf("User.%s is missing", name)
			continue
		}
		if p.Ref != sp.Ref || (p.Value != nil && (p.Value.ReadOnly != sp.Value.ReadOnly || p.Value.Format != sp.Value.Format ||
			!cmp.Equal(p.Value.Enum, sp.Value.Enum) || !cmp.Equal(p.Value.Type, sp.Value.Type))) {
			t.Errorf("User.%s differs in the snapshot", name)
		}
	}
}

func TestSnapshotTombstoneMarksAndBadFormat(t *testing.T) {
	const doc = `{"swagger": "2.0", "info": {"title": "T", "version": "v2", "description": "about"},
	  "paths": {"/a": {"get": {"operationId": "getA", "x-sdk-tombstone": true, "tags": ["A"],
	    "parameters": [{"name": "q", "in": "query", "type": "string", "x-sdk-tombstone": true, "x-example": "z"}],
	    "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/B"}}}}}},
	  "definitions": {"B": {"type": "object", "x-sdk-tombstone-enum": ["x"], "properties": {
	    "b": {"type": "string", "enum": ["x", "y"], "x-sdk-tombstone": true, "example": "y"}}}}}`
	spec, err := Parse([]byte(doc), "doc")
	if err != nil {
		t.Fatal(err)
	}
	snap, err := Snapshot(spec)
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, snap); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"x-sdk-tombstone":true`, `"x-sdk-tombstone-enum":[`, `"x-sdk-snapshot":{`, `"x-hash":"` + TextHash("about") + `"`} {
		if !bytes.Contains(compact.Bytes(), []byte(want)) {
			t.Errorf("snapshot lacks %s:\n%s", want, snap)
		}
	}
	for _, gone := range []string{"x-example", "example"} {
		if bytes.Contains(snap, []byte(gone)) {
			t.Errorf("snapshot keeps %s:\n%s", gone, snap)
		}
	}

	bad := strings.Replace(compact.String(), `"format":2`, `"format":7`, 1)
	parsed, err := Parse([]byte(bad), "old.json")
	if err != nil {
		t.Fatal(err)
	}
	err = parsed.CheckSnapshot()
	if err == nil || !strings.Contains(err.Error(), "old.json: snapshot format 7 is not supported") {
		t.Errorf("format 7: error %v", err)
	}
	bad = strings.Replace(compact.String(), `"format":2`, `"version":1`, 1)
	parsed, err = Parse([]byte(bad), "old.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := parsed.CheckSnapshot(); err == nil || !strings.Contains(err.Error(), "x-sdk-snapshot.format is missing") {
		t.Errorf("no format: error %v", err)
	}
}

func TestCloneIsIndependent(t *testing.T) {
	spec, err := Parse([]byte(specJSON), "s")
	if err != nil {
		t.Fatal(err)
	}
	c := spec.Clone()
	delete(c.Doc.Paths, "/z")
	c.SetKeys("/paths", []string{"/a/{id}"})
	if spec.Doc.Paths["/z"] == nil || len(spec.Keys("/paths")) != 2 {
		t.Error("changing the clone changed the original")
	}
	if got := OrderedKeys(c, "/paths", c.Doc.Paths); !cmp.Equal(got, []string{"/a/{id}"}) {
		t.Errorf("clone paths %v", got)
	}
}

// BenchmarkSnapshot writes the snapshot of the real spec (Parse excluded).
func BenchmarkSnapshot(b *testing.B) {
	spec, _ := loadReal(b)
	var n int
	for b.Loop() {
		snap, err := Snapshot(spec)
		if err != nil {
			b.Fatal(err)
		}
		n = len(snap)
	}
	b.ReportMetric(float64(n), "bytes")
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-200)
	return fmt.Sprintf("at byte %d: ...%s\n---\n...%s", i, a[lo:min(len(a), i+200)], b[lo:min(len(b), i+200)])
}

// TestSnapshotSharesResponses: a response or parameter used more than once
// is written once in the root responses or parameters and referred to; Parse
// of a snapshot resolves the references,
// so readers see plain responses; a reference to nothing is an error naming
// the operation.
func TestSnapshotSharesResponses(t *testing.T) {
	const doc = `{"swagger": "2.0", "info": {"title": "T", "version": "v2"},
	  "paths": {
	    "/a": {"get": {"operationId": "getA", "parameters": [{"name": "q", "in": "query", "type": "string"}], "responses": {
	      "200": {"description": "ok", "schema": {"$ref": "#/definitions/B"}},
	      "404": {"description": "gone", "schema": {"$ref": "#/definitions/E"}},
	      "409": {"description": "clash"}}}},
	    "/b": {"parameters": [{"name": "q", "in": "query", "type": "string", "description": "shared"}],
	      "get": {"operationId": "getB", "parameters": [{"name": "q", "in": "query", "type": "string"}], "responses": {
	      "200": {"description": "fine"},
	      "404": {"description": "gone", "schema": {"$ref": "#/definitions/E"}},
	      "409": {"description": "clash again"}}},
	      "put": {"operationId": "putB", "responses": {
	      "204": {"description": "fine"},
	      "409": {"description": "clash"}}}}},
	  "definitions": {"B": {"type": "object"}, "E": {"type": "object"}}}`
	spec, err := Parse([]byte(doc), "doc")
	if err != nil {
		t.Fatal(err)
	}
	snap, err := Snapshot(spec)
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, snap); err != nil {
		t.Fatal(err)
	}
	// "fine" is shared by 200 and 204: named by its most common code, the
	// first on ties; "clash" by 409; "gone" by 404.
	for _, want := range []string{
		`"responses":{"200":{"description":"fine"},"404":{"description":"gone","schema":{"$ref":"#/definitions/E"}},"409":{"description":"clash"}}`,
		`"parameters":{"query.q":{"name":"q","in":"query","type":"string"}}`,
		`"/b":{"parameters":[{"name":"q","in":"query","type":"string","x-hash":"` + TextHash("shared") + `"}],`,
		`"getA","parameters":[{"$ref":"#/parameters/query.q"}],"responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/B"}},"404":{"$ref":"#/responses/404"},"409":{"$ref":"#/responses/409"}}`,
		`"getB","parameters":[{"$ref":"#/parameters/query.q"}],"responses":{"200":{"$ref":"#/responses/200"},"404":{"$ref":"#/responses/404"},"409":{"description":"clash again"}}`,
		`"putB","responses":{"204":{"$ref":"#/responses/200"},"409":{"$ref":"#/responses/409"}}`,
	} {
		if !strings.Contains(compact.String(), want) {
			t.Errorf("snapshot lacks %s:\n%s", want, snap)
		}
	}
	// One line per operation.
	if !bytes.Contains(snap, []byte("\n      \"put\": {\"operationId\":\"putB\",")) {
		t.Errorf("an operation is not on one line:\n%s", snap)
	}
	parsed, err := Parse(snap, "snapshot")
	if err != nil {
		t.Fatal(err)
	}
	put := parsed.Doc.Paths["/b"].Put.Responses
	if r := put.Value("204"); r == nil || r.Ref != "" || r.Description != "fine" {
		t.Errorf("204 of putB after Parse: %+v", r)
	}
	if p := parsed.Doc.Paths["/b"].Get.Parameters[0]; p.Ref != "" || p.Name != "q" || p.In != "query" {
		t.Errorf("parameter of getB after Parse: %+v", p)
	}
	if r := parsed.Doc.Paths["/a"].Get.Responses.Value("404"); r == nil || r.Schema == nil || r.Schema.Ref != "#/definitions/E" {
		t.Errorf("404 of getA after Parse: %+v", r)
	}

	bad := strings.Replace(compact.String(), `"404":{"$ref":"#/responses/404"}`, `"404":{"$ref":"#/responses/4040"}`, 1)
	_, err = Parse([]byte(bad), "old.json")
	if err == nil || !strings.Contains(err.Error(), `old.json: paths./a.get.responses.404: $ref "#/responses/4040" points to no response`) {
		t.Errorf("a $ref to no response: error %v", err)
	}
	bad = strings.Replace(compact.String(), `"getA","parameters":[{"$ref":"#/parameters/query.q"}]`, `"getA","parameters":[{"$ref":"#/parameters/q"}]`, 1)
	_, err = Parse([]byte(bad), "old.json")
	if err == nil || !strings.Contains(err.Error(), `old.json: paths./a.get.parameters.0: $ref "#/parameters/q" points to no parameter`) {
		t.Errorf("a $ref to no parameter: error %v", err)
	}
}
