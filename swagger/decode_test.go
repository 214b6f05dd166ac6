package swagger

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi2"
)

// stripPresence removes what the fast decoder keeps beyond kin-openapi (see
// presence.go), so that the two decodings can be compared.
func stripPresence(doc *openapi2.T) {
	var schema func(*openapi2.SchemaRef)
	seen := map[*openapi2.SchemaRef]bool{}
	schema = func(r *openapi2.SchemaRef) {
		if r == nil || seen[r] {
			return
		}
		seen[r] = true
		if r.Ref != "" {
			delete(r.Extensions, "readOnly")
			if len(r.Extensions) == 0 {
				r.Extensions = nil
			}
			return
		}
		if s := r.Value; s != nil {
			schema(s.Items)
			schema(s.Not)
			for _, a := range s.AllOf {
				schema(a)
			}
			for _, p := range s.Properties {
				schema(p)
			}
		}
	}
	param := func(p *openapi2.Parameter) {
		if p == nil {
			return
		}
		if v, ok := p.Extensions["required"]; ok && v == false {
			delete(p.Extensions, "required")
		}
		if v, ok := p.Extensions["description"]; ok && v == "" {
			delete(p.Extensions, "description")
		}
		if len(p.Extensions) == 0 {
			p.Extensions = nil
		}
		schema(p.Schema)
		schema(p.Items)
	}
	for _, p := range doc.Parameters {
		param(p)
	}
	for _, r := range doc.Responses {
		if r != nil {
			schema(r.Schema)
		}
	}
	for _, d := range doc.Definitions {
		schema(d)
	}
	for _, item := range doc.Paths {
		if item == nil {
			continue
		}
		for _, p := range item.Parameters {
			param(p)
		}
		for _, o := range item.Operations() {
			if v, ok := o.Extensions["description"]; ok && v == "" {
				delete(o.Extensions, "description")
			}
			if len(o.Extensions) == 0 {
				o.Extensions = nil
			}
			for _, p := range o.Parameters {
				param(p)
			}
			for _, r := range o.Responses.Map() {
				if r != nil {
					schema(r.Schema)
				}
			}
		}
	}
}

// TestFastDecodeMatchesSlow: the fast decoder fills the same values as the
// slow path (kin-openapi), apart from what it keeps beyond it, and records
// the same key order.
func TestFastDecodeMatchesSlow(t *testing.T) {
	t.Run("small", func(t *testing.T) { fastMatchesSlow(t, []byte(specJSON)) })
	// Inline objects in every place a schema sits, and the raw facts.
	t.Run("inline objects", func(t *testing.T) {
		obj := `{"type":"object","properties":{"zulu":{"type":"string"},"alpha":{"type":"string","enum":[]},"mike":{"$ref":"#/definitions/H","readOnly":true,"x-a":[1,{"b":null}]}}}`
		fastMatchesSlow(t, []byte(`{"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{"/a":{"parameters":[{"name":"p","in":"query","type":"string","required":false}],
  "post":{"description":"","parameters":[{"name":"body","in":"body","description":"","required":true,"schema":`+obj+`}],
  "responses":{"200":{"description":"ok","schema":`+obj+`,"x-e":{"a":"\u00e9\"\\"}},"default":{"description":"d"}}}}},
  "definitions":{"H":{"type":"object","properties":{"list":{"type":"array","items":`+obj+`},"byKey":{"type":"object","additionalProperties":`+obj+`},
  "all":{"allOf":[`+obj+`]},"not":{"not":`+obj+`}}}}}`))
	})
	if real, err := os.ReadFile(realSpec); err == nil && !testing.Short() {
		t.Run("real spec", func(t *testing.T) { fastMatchesSlow(t, real) })
	}
}

func fastMatchesSlow(t *testing.T, data []byte) {
	fast, forder, err := fastDecode(data)
	if err != nil {
		t.Fatal(err)
	}
	slow, sorder, err := slowDecode(data)
	if err != nil {
		t.Fatal(err)
	}
	stripPresence(fast)
	a, _ := json.Marshal(fast)
	b, _ := json.Marshal(slow)
	if string(a) != string(b) {
		t.Errorf("fast and slow decoding disagree: %d vs %d bytes re-encoded: %s", len(a), len(b), firstDiff(a, b))
	}
	for ptr, keys := range forder {
		if !reflect.DeepEqual(keys, sorder[ptr]) {
			t.Errorf("order of %s: fast %v, slow %v", ptr, keys, sorder[ptr])
		}
	}
	for ptr := range sorder {
		// The scanner also records the keys of a property named
		// "properties", which are not a properties object.
		if _, ok := forder[ptr]; !ok && !strings.HasSuffix(ptr, "/properties/properties") {
			t.Errorf("order of %s: recorded by the slow path only", ptr)
		}
	}
}
