package generator

import (
	"strings"
	"testing"
)

// TestOutlineLeavesOutReadOnlyRefs: a request-body outline leaves out a
// property whose readOnly sits beside its $ref, as it does a read-only
// property of its own type, and keeps the writable ones.
func TestOutlineLeavesOutReadOnlyRefs(t *testing.T) {
	sdk := mustBuild(t, doc(`
"/a":{"put":{"tags":["Things"],"operationId":"putA","parameters":[
  {"name":"body","in":"body","required":true,"schema":{"$ref":"#/definitions/A"}}],"responses":{"200":{"description":"ok"}}}}`,
		`"A":{"type":"object","properties":{
  "name":{"type":"string"},
  "selfUri":{"type":"string","readOnly":true},
  "division":{"$ref":"#/definitions/B","readOnly":true},
  "parent":{"$ref":"#/definitions/B"}}},
"B":{"type":"object","properties":{"id":{"type":"string"}}}`))
	ix := &docIndex{models: map[string]*Model{}}
	for _, m := range sdk.Models {
		ix.models[m.Name] = m
	}
	out := ix.bodyOutline(sdk.APIs[0].Operations[0])
	for _, gone := range []string{"selfUri", "division"} {
		if strings.Contains(out, `"`+gone+`"`) {
			t.Errorf("the outline shows the read-only %s:\n%s", gone, out)
		}
	}
	for _, kept := range []string{"name", "parent", "id"} {
		if !strings.Contains(out, `"`+kept+`"`) {
			t.Errorf("the outline lacks %s:\n%s", kept, out)
		}
	}
	if ex := nullFieldsExample(sdk.APIs[0].Operations[0], ix.models); !strings.Contains(ex, `"name"`) || !strings.Contains(ex, `"parent.id"`) || strings.Contains(ex, "division") {
		t.Errorf("the NullFields example %q", ex)
	}
}
