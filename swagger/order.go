package swagger

import (
	"maps"

	"github.com/getkin/kin-openapi/openapi2"
)

// NewSpec returns the Spec of a document made in memory (such as the
// generator's merge of a spec with the last release): doc, with the key
// order given by order, a map from JSON pointer to keys as Keys returns them.
// The map is kept, not copied.
func NewSpec(source string, doc *openapi2.T, order map[string][]string) *Spec {
	if order == nil {
		order = map[string][]string{}
	}
	return &Spec{Source: source, Doc: doc, order: order}
}

// Order returns a copy of every key order s records, by JSON pointer (the
// key slices are shared: do not modify them).
func (s *Spec) Order() map[string][]string {
	return maps.Clone(s.order)
}
