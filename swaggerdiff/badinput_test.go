package swaggerdiff

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/purecloud-go/platform-client/swagger"
)

// small is a spec the generator builds; bad inputs are edits of its text.
const small = `{"swagger": "2.0", "info": {"title": "T", "version": "v2"}, "host": "api.example.com",
  "paths": {"/api/v2/things/{thingId}": {"get": {"operationId": "getThing", "tags": ["Things"],
    "x-purecloud-method-name": "getThing",
    "parameters": [{"name": "thingId", "in": "path", "type": "string", "required": true}],
    "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}}}}},
  "definitions": {"Thing": {"type": "object", "properties": {"id": {"type": "string"}}}}}`

func parseText(t *testing.T, text, source string) *swagger.Spec {
	t.Helper()
	s, err := swagger.Parse([]byte(text), source)
	if err != nil {
		t.Fatalf("%s: %v", source, err)
	}
	return s
}

// TestCompareBadInput: what Compare cannot compare gets an error naming the
// problem and where it is, in both rule sets where it applies; never a panic.
func TestCompareBadInput(t *testing.T) {
	good := parseText(t, small, "good.json")
	indented, err := swagger.Snapshot(good)
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, indented); err != nil {
		t.Fatal(err)
	}
	snapData := compact.Bytes()
	snap := parseText(t, string(snapData), "snap.json")
	if res, err := Compare(snap, good, Options{}); err != nil || len(res.Changes) != 0 {
		t.Fatalf("the small spec against its snapshot: %v, %+v", err, res)
	}
	edit := func(source, text, old, new string) *swagger.Spec {
		if !strings.Contains(text, old) {
			t.Fatalf("%s: %q is not in the text", source, old)
		}
		return parseText(t, strings.Replace(text, old, new, 1), source)
	}
	for _, c := range []struct {
		name     string
		old, new *swagger.Spec
		opts     Options
		want     []string // substrings of the error
	}{
		{"nil old", nil, good, Options{}, []string{"no old API description"}},
		{"nil new", good, &swagger.Spec{}, Options{}, []string{"no new API description"}},
		{"unknown rules", good, good, Options{Rules: "strict"}, []string{`unknown rules "strict"`}},
		{"snapshot format", edit("v7.json", string(snapData), `"format":2`, `"format":7`), good, Options{Rules: RulesOfficial},
			[]string{"v7.json: snapshot format 7 is not supported"}},
		{"snapshot without format", good, edit("nofmt.json", string(snapData), `"format":2`, `"release":1`), Options{},
			[]string{"nofmt.json: x-sdk-snapshot.format is missing"}},
		{"snapshot marker not an object", edit("str.json", string(snapData), `{"format":2}`, `"1"`), good, Options{},
			[]string{"str.json: x-sdk-snapshot must be an object"}},
		{"new spec the generator cannot build", good, edit("noresp.json", small, `"responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}}`, `"responses": null`),
			Options{}, []string{"new API description noresp.json: paths./api/v2/things/{thingId}.get: the operation has no responses"}},
		{"old spec the generator cannot build", edit("badref.json", small, `"$ref": "#/definitions/Thing"`, `"$ref": "#/definitions/Nothing"`), good,
			Options{Tombstones: true}, []string{"old API description badref.json: paths./api/v2/things/{thingId}.get.responses.200.schema", `"#/definitions/Nothing"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Compare(c.old, c.new, c.opts)
			if err == nil {
				t.Fatalf("no error; result %+v", res)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}
