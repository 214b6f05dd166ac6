package swagger

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"
)

// SnapshotFormat is the format number Snapshot writes in the root extension
// x-sdk-snapshot ({"format": 1}). A snapshot of another format is refused by
// CheckSnapshot.
const SnapshotFormat = 1

// Extensions a snapshot reads and writes.
const (
	// SnapshotExt marks a document as a snapshot: {"format": SnapshotFormat}.
	SnapshotExt = "x-sdk-snapshot"
	// HashExt holds the hashes (TextHash) of the texts a snapshot drops:
	// {"description": "...", "summary": "..."}, on the root info, tags,
	// operations, parameters and schemas.
	HashExt = "x-hash"
)

// TextHash is the short hash a snapshot keeps in place of a description or
// summary: the first 16 hex digits of the SHA-256 of s. Two texts with the
// same hash are taken to be equal.
func TextHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// IsSnapshot reports whether the document is a snapshot written by Snapshot
// (it carries the root extension x-sdk-snapshot), rather than a full spec.
func (s *Spec) IsSnapshot() bool {
	_, ok := s.Doc.Extensions[SnapshotExt]
	return ok
}

// CheckSnapshot returns an error naming the problem when the document says it
// is a snapshot but not one of SnapshotFormat; nil for a full spec or a valid
// snapshot.
func (s *Spec) CheckSnapshot() error {
	v, ok := s.Doc.Extensions[SnapshotExt]
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: %s must be an object, not %s", s.Source, SnapshotExt, jsonText(v))
	}
	f, ok := m["format"].(float64)
	if !ok {
		return fmt.Errorf("%s: %s.format is missing or not a number", s.Source, SnapshotExt)
	}
	if f != SnapshotFormat {
		return fmt.Errorf("%s: snapshot format %v is not supported (this tool reads format %d)", s.Source, f, SnapshotFormat)
	}
	return nil
}

// Hash returns the hash of the text named key ("description" or "summary")
// of an object whose text and extensions are given: TextHash(text) for a full
// spec, the recorded x-hash for a snapshot, "" when there is no text.
func Hash(text string, ext map[string]any, key string) string {
	if text != "" {
		return TextHash(text)
	}
	if h, ok := ext[HashExt].(map[string]any); ok {
		if s, ok := h[key].(string); ok {
			return s
		}
	}
	return ""
}

// Snapshot returns the compact API snapshot of spec: a valid Swagger 2.0 JSON
// document (2-space indent, deterministic, the spec's key order kept for
// paths, methods, responses, definitions and properties) with only what the
// generator and swaggerdiff read:
//
//   - root: swagger, info (title, version, x-hash of the description), host,
//     consumes, produces, tags (name, x-hash), x-sdk-snapshot {"format": 1};
//   - operations: operationId, tags, x-purecloud-method-name, deprecated,
//     consumes, produces, parameters (name, in, type, format, items, enum,
//     collectionFormat, required, default, schema), responses (code ->
//     description verbatim, schema), x-hash of description and summary;
//   - schemas, at any depth: $ref, type, format, items, additionalProperties,
//     enum, readOnly, properties, required, x-hash of the description.
//
// Every x-sdk-* extension (tombstone marks) is copied through, and so is a
// snapshot's own x-hash, so Snapshot of a parsed snapshot gives the same bytes.
// Examples, permissions, security and the like are dropped. Parameter $refs
// are written resolved, so a snapshot needs no root "parameters".
func Snapshot(spec *Spec) ([]byte, error) {
	w := &snapWriter{spec: spec}
	doc := spec.Doc
	w.open()
	w.key("swagger")
	w.str("2.0")
	w.key("info")
	w.open()
	w.key("title")
	w.str(doc.Info.Title)
	w.key("version")
	w.str(doc.Info.Version)
	w.hashes(doc.Info.Extensions, "description", doc.Info.Description)
	w.close()
	if doc.Host != "" {
		w.key("host")
		w.str(doc.Host)
	}
	w.strList("consumes", doc.Consumes)
	w.strList("produces", doc.Produces)
	if len(doc.Tags) > 0 {
		w.key("tags")
		w.buf.WriteByte('[')
		for i, t := range doc.Tags {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			w.open()
			w.key("name")
			w.str(t.Name)
			w.hashes(t.Extensions, "description", t.Description)
			w.close()
		}
		w.buf.WriteByte(']')
	}
	w.key(SnapshotExt)
	w.raw(fmt.Sprintf(`{"format":%d}`, SnapshotFormat))
	w.sdkExts(doc.Extensions, SnapshotExt)
	w.key("paths")
	w.open()
	for _, path := range OrderedKeys(spec, "/paths", doc.Paths) {
		w.key(path)
		w.pathItem(path, doc.Paths[path])
	}
	w.close()
	w.key("definitions")
	w.open()
	for _, name := range OrderedKeys(spec, "/definitions", doc.Definitions) {
		w.key(name)
		w.schemaRef(doc.Definitions[name], Pointer("definitions", name), 0)
	}
	w.close()
	w.close()
	if w.err != nil {
		return nil, w.err
	}
	var out bytes.Buffer
	out.Grow(w.buf.Len() * 2)
	if err := json.Indent(&out, w.buf.Bytes(), "", "  "); err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// OrderedKeys returns the keys of m in the order the spec records for the
// object at the JSON pointer ptr, then the keys it does not record (added in
// code) in sorted order.
func OrderedKeys[V any](spec *Spec, ptr string, m map[string]V) []string {
	out := make([]string, 0, len(m))
	seen := make(map[string]bool, len(m))
	for _, k := range spec.Keys(ptr) {
		if _, ok := m[k]; ok && !seen[k] {
			out = append(out, k)
			seen[k] = true
		}
	}
	if len(out) == len(m) {
		return out
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !seen[k] {
			out = append(out, k)
		}
	}
	return out
}

// MethodOrder returns the methods (lower case) of the path item at path in
// the order the spec lists them; methods it does not record follow in the
// order get, put, post, delete, options, head, patch.
func MethodOrder(spec *Spec, path string, item *openapi2.PathItem) []string {
	ops := item.Operations()
	out := make([]string, 0, len(ops))
	for _, k := range spec.Keys(Pointer("paths", path)) {
		k = strings.ToLower(k)
		if _, ok := ops[strings.ToUpper(k)]; ok && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	for _, m := range []string{"get", "put", "post", "delete", "options", "head", "patch"} {
		if _, ok := ops[strings.ToUpper(m)]; ok && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// maxSnapshotDepth bounds the nesting of schemas a snapshot follows.
const maxSnapshotDepth = 64

// snapWriter writes compact JSON; Snapshot indents it at the end.
type snapWriter struct {
	spec  *Spec
	buf   bytes.Buffer
	first []bool // per open object: no member written yet
	err   error
}

func (w *snapWriter) open() {
	w.buf.WriteByte('{')
	w.first = append(w.first, true)
}

func (w *snapWriter) close() {
	w.buf.WriteByte('}')
	w.first = w.first[:len(w.first)-1]
}

func (w *snapWriter) key(k string) {
	if n := len(w.first); !w.first[n-1] {
		w.buf.WriteByte(',')
	} else {
		w.first[n-1] = false
	}
	w.str(k)
	w.buf.WriteByte(':')
}

func (w *snapWriter) str(s string) {
	writeJSONString(&w.buf, s)
}

func (w *snapWriter) raw(s string) {
	w.buf.WriteString(s)
}

// value writes any JSON value decoded by encoding/json (maps are sorted).
func (w *snapWriter) value(v any) {
	data, err := json.Marshal(v)
	if err != nil && w.err == nil {
		w.err = fmt.Errorf("snapshot: %w", err)
	}
	w.buf.Write(data)
}

func (w *snapWriter) strList(k string, list []string) {
	if len(list) == 0 {
		return
	}
	w.key(k)
	w.value(list)
}

// hashes writes x-hash for the texts given as key, text pairs: the hash of
// each non-empty text, or the one recorded in ext (a snapshot's own).
func (w *snapWriter) hashes(ext map[string]any, pairs ...string) {
	started := false
	for i := 0; i+1 < len(pairs); i += 2 {
		h := Hash(pairs[i+1], ext, pairs[i])
		if h == "" {
			continue
		}
		if !started {
			w.key(HashExt)
			w.open()
			started = true
		}
		w.key(pairs[i])
		w.str(h)
	}
	if started {
		w.close()
	}
}

// sdkExts copies the x-sdk-* extensions, in sorted order, except skip.
func (w *snapWriter) sdkExts(ext map[string]any, skip ...string) {
	for _, k := range slices.Sorted(maps.Keys(ext)) {
		if strings.HasPrefix(k, "x-sdk-") && !slices.Contains(skip, k) {
			w.key(k)
			w.value(ext[k])
		}
	}
}

func (w *snapWriter) pathItem(path string, item *openapi2.PathItem) {
	w.open()
	if item == nil {
		w.close()
		return
	}
	ops := item.Operations()
	ptr := Pointer("paths", path)
	// The recorded order of the item's keys decides where "parameters" goes.
	wroteParams := false
	for _, k := range MethodOrder(w.spec, path, item) {
		if !wroteParams && len(item.Parameters) > 0 && paramsBefore(w.spec.Keys(ptr), k) {
			w.params(item.Parameters, ptr)
			wroteParams = true
		}
		w.key(k)
		w.operation(path, k, ops[strings.ToUpper(k)])
	}
	if !wroteParams && len(item.Parameters) > 0 {
		w.params(item.Parameters, ptr)
	}
	w.sdkExts(item.Extensions)
	w.close()
}

// paramsBefore reports whether "parameters" comes before method in keys.
func paramsBefore(keys []string, method string) bool {
	for _, k := range keys {
		switch strings.ToLower(k) {
		case "parameters":
			return true
		case method:
			return false
		}
	}
	return false
}

func (w *snapWriter) operation(path, method string, o *openapi2.Operation) {
	w.open()
	ptr := Pointer("paths", path, method)
	if o.OperationID != "" {
		w.key("operationId")
		w.str(o.OperationID)
	}
	w.strList("tags", o.Tags)
	if name, ok := o.Extensions["x-purecloud-method-name"]; ok {
		w.key("x-purecloud-method-name")
		w.value(name)
	}
	if o.Deprecated {
		w.key("deprecated")
		w.raw("true")
	}
	w.strList("consumes", o.Consumes)
	w.strList("produces", o.Produces)
	w.hashes(o.Extensions, "description", o.Description, "summary", o.Summary)
	w.sdkExts(o.Extensions)
	if len(o.Parameters) > 0 {
		w.params(o.Parameters, ptr)
	}
	w.key("responses")
	w.open()
	if o.Responses != nil {
		m := o.Responses.Map()
		for _, code := range OrderedKeys(w.spec, ptr+"/responses", m) {
			r := m[code]
			w.key(code)
			w.open()
			if r != nil {
				if r.Description != "" {
					w.key("description")
					w.str(r.Description)
				}
				if r.Schema != nil {
					w.key("schema")
					w.schemaRef(r.Schema, ptr+"/responses/"+escapePointer(code)+"/schema", 0)
				}
				w.sdkExts(r.Extensions)
			}
			w.close()
		}
	}
	w.close()
	w.close()
}

func (w *snapWriter) params(list openapi2.Parameters, ptr string) {
	w.key("parameters")
	w.buf.WriteByte('[')
	for i, p := range list {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		pptr := fmt.Sprintf("%s/parameters/%d", ptr, i)
		if p != nil && p.Ref != "" {
			name := strings.TrimPrefix(p.Ref, "#/parameters/")
			resolved := w.spec.Doc.Parameters[name]
			if resolved == nil {
				if w.err == nil {
					w.err = fmt.Errorf("snapshot: %s: $ref %q points to no parameter", pptr, p.Ref)
				}
				w.buf.WriteString("{}")
				continue
			}
			p, pptr = resolved, Pointer("parameters", name)
		}
		w.param(p, pptr)
	}
	w.buf.WriteByte(']')
}

func (w *snapWriter) param(p *openapi2.Parameter, ptr string) {
	w.open()
	if p == nil {
		w.close()
		return
	}
	w.key("name")
	w.str(p.Name)
	w.key("in")
	w.str(p.In)
	w.types(p.Type)
	if p.Format != "" {
		w.key("format")
		w.str(p.Format)
	}
	if p.Items != nil {
		w.key("items")
		w.schemaRef(p.Items, ptr+"/items", 0)
	}
	if len(p.Enum) > 0 {
		w.key("enum")
		w.value(p.Enum)
	}
	if p.CollectionFormat != "" {
		w.key("collectionFormat")
		w.str(p.CollectionFormat)
	}
	if p.Required {
		w.key("required")
		w.raw("true")
	}
	if p.Default != nil {
		w.key("default")
		w.value(p.Default)
	}
	if p.Schema != nil {
		w.key("schema")
		w.schemaRef(p.Schema, ptr+"/schema", 0)
	}
	w.hashes(p.Extensions, "description", p.Description)
	w.sdkExts(p.Extensions)
	w.close()
}

func (w *snapWriter) types(t *openapi3.Types) {
	if t == nil || len(t.Slice()) == 0 {
		return
	}
	w.key("type")
	if ts := t.Slice(); len(ts) == 1 {
		w.str(ts[0])
	} else {
		w.value(ts)
	}
}

func (w *snapWriter) schemaRef(ref *openapi2.SchemaRef, ptr string, depth int) {
	if depth > maxSnapshotDepth {
		if w.err == nil {
			w.err = fmt.Errorf("snapshot: %s: schemas nested deeper than %d levels", ptr, maxSnapshotDepth)
		}
		w.buf.WriteString("{}")
		return
	}
	w.open()
	switch {
	case ref == nil:
	case ref.Ref != "":
		w.key("$ref")
		w.str(ref.Ref)
	case ref.Value != nil:
		w.schema(ref.Value, ptr, depth)
	}
	w.close()
}

func (w *snapWriter) schema(s *openapi2.Schema, ptr string, depth int) {
	w.types(s.Type)
	if s.Format != "" {
		w.key("format")
		w.str(s.Format)
	}
	if len(s.AllOf) > 0 {
		w.key("allOf")
		w.buf.WriteByte('[')
		for i, sub := range s.AllOf {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			w.schemaRef(sub, fmt.Sprintf("%s/allOf/%d", ptr, i), depth+1)
		}
		w.buf.WriteByte(']')
	}
	if s.Items != nil {
		w.key("items")
		w.schemaRef(s.Items, ptr+"/items", depth+1)
	}
	if ap := s.AdditionalProperties; ap.Schema != nil {
		v2, err := v2Schema(ap.Schema)
		if err != nil {
			if w.err == nil {
				w.err = fmt.Errorf("snapshot: %s/additionalProperties: %w", ptr, err)
			}
		} else {
			w.key("additionalProperties")
			w.schemaRef(v2, ptr+"/additionalProperties", depth+1)
		}
	} else if ap.Has != nil {
		w.key("additionalProperties")
		w.value(*ap.Has)
	}
	if len(s.Enum) > 0 {
		w.key("enum")
		w.value(s.Enum)
	}
	if s.ReadOnly {
		w.key("readOnly")
		w.raw("true")
	}
	if len(s.Required) > 0 {
		w.key("required")
		w.value(s.Required)
	}
	if s.Properties != nil {
		w.key("properties")
		w.open()
		pptr := ptr + "/properties"
		for _, name := range OrderedKeys(w.spec, pptr, s.Properties) {
			w.key(name)
			w.schemaRef(s.Properties[name], pptr+"/"+escapePointer(name), depth+1)
		}
		w.close()
	}
	w.hashes(s.Extensions, "description", s.Description)
	w.sdkExts(s.Extensions)
}

// v2Schema converts the schema of additionalProperties, which kin-openapi's
// openapi2 package decodes with its OpenAPI 3 type, back to a Swagger 2.0 one.
func v2Schema(ref *openapi3.SchemaRef) (*openapi2.SchemaRef, error) {
	data, err := json.Marshal(ref)
	if err != nil {
		return nil, err
	}
	out := new(openapi2.SchemaRef)
	if err := json.Unmarshal(data, out); err != nil {
		return nil, err
	}
	return out, nil
}

func jsonText(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(data)
}

// Clone returns a copy of s that can be changed without changing s: the
// document's paths and definitions maps and the recorded key order are
// copied; the path items and schemas themselves are shared, so replace an
// entry (never edit it in place) to change it. For tests and tools that
// derive a spec from another.
func (s *Spec) Clone() *Spec {
	doc := *s.Doc
	doc.Paths = maps.Clone(s.Doc.Paths)
	doc.Definitions = maps.Clone(s.Doc.Definitions)
	doc.Extensions = maps.Clone(s.Doc.Extensions)
	return &Spec{Source: s.Source, Doc: &doc, order: maps.Clone(s.order)}
}

// SetKeys records the key order of the object at the JSON pointer ptr (see
// Keys), for a document built or changed in code.
func (s *Spec) SetKeys(ptr string, keys []string) {
	if s.order == nil {
		s.order = map[string][]string{}
	}
	s.order[ptr] = slices.Clone(keys)
}
