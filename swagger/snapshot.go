package swagger

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"
)

// SnapshotFormat is the format number Snapshot writes in the root extension
// x-sdk-snapshot ({"format": 2}). Format 1 lacks the raw facts of
// presence.go (see RecordsRaw); it is still read, and a snapshot of a format 1
// snapshot stays format 1. A snapshot of another format is refused by
// CheckSnapshot.
const SnapshotFormat = 2

// Extensions a snapshot reads and writes.
const (
	// SnapshotExt marks a document as a snapshot: {"format": SnapshotFormat}.
	SnapshotExt = "x-sdk-snapshot"
	// HashExt holds the hashes (TextHash) of the texts a snapshot drops:
	// {"description": "...", "summary": "..."} on operations, and the
	// description's hash alone, as a string, on the root info, tags,
	// parameters and schemas.
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
	if f != 1 && f != SnapshotFormat {
		return fmt.Errorf("%s: snapshot format %v is not supported (this tool reads formats 1 and %d)", s.Source, f, SnapshotFormat)
	}
	return nil
}

// RecordsRaw reports whether the description records the raw facts the
// official differ reads and kin-openapi's types lose (presence.go): a full
// spec does, and so does a snapshot of format 2 on; a format 1 snapshot
// does not.
func (s *Spec) RecordsRaw() bool {
	m, ok := s.Doc.Extensions[SnapshotExt].(map[string]any)
	if !ok {
		return !s.IsSnapshot()
	}
	f, _ := m["format"].(float64)
	return f >= 2
}

// Hash returns the hash of the text named key ("description" or "summary")
// of an object whose text and extensions are given: TextHash(text) for a full
// spec, the recorded x-hash for a snapshot, "" when there is no text.
func Hash(text string, ext map[string]any, key string) string {
	if text != "" {
		return TextHash(text)
	}
	switch h := ext[HashExt].(type) {
	case string: // the short form: the description's hash alone
		if key == "description" {
			return h
		}
	case map[string]any:
		if s, ok := h[key].(string); ok {
			return s
		}
	}
	return ""
}

// Snapshot returns the compact API snapshot of spec: a valid Swagger 2.0 JSON
// document (deterministic, the spec's key order kept for paths, methods,
// responses, definitions and properties) with only what the generator and
// swaggerdiff read:
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
// What the official differ reads and kin-openapi's types lose is kept too
// (see swagger/presence.go): an explicit "required": false, an empty description of an
// operation or parameter, readOnly beside a $ref, an empty enum list.
//
// Every x-sdk-* extension (tombstone marks) is copied through, and so is a
// snapshot's own x-hash, so Snapshot of a parsed snapshot gives the same bytes.
// Examples, permissions, security and the like are dropped.
//
// Compact: a response or parameter used more than once (the standard error
// responses, pageSize...) is written once in the root "responses" or
// "parameters" and referred to with $ref; Parse of a snapshot resolves them,
// so readers see plain responses and parameters. Parameter $refs of spec are
// written resolved. Layout: one line per root member, path, operation and
// definition (see snapshotLineDepth).
func Snapshot(spec *Spec) ([]byte, error) {
	w := &snapWriter{spec: spec,
		sharedResps:  sharedPool{section: "responses", mark: 'r'},
		sharedParams: sharedPool{section: "parameters", mark: 'p'},
	}
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
	format := SnapshotFormat
	if !spec.RecordsRaw() {
		format = 1 // it has no raw facts to write
	}
	w.raw(fmt.Sprintf(`{"format":%d}`, format))
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
	w.shared(&w.sharedParams)
	w.shared(&w.sharedResps)
	w.close()
	if w.err != nil {
		return nil, w.err
	}
	compact := w.fill()
	if !json.Valid(compact) {
		return nil, errors.New("snapshot: the writer produced invalid JSON")
	}
	var out bytes.Buffer
	out.Grow(len(compact) + len(compact)/8)
	indentShallow(&out, compact, snapshotLineDepth)
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// snapshotLineDepth is the nesting depth down to which a snapshot puts each
// member on its own line: the root's members (1), the members of paths (2)
// and of a path item (3), so one line per operation; the members of
// definitions and responses (2), so one line per definition. Deeper values
// are written on one line, so that a snapshot is compact and a change to one
// operation or definition changes one line of a diff.
func snapshotLineDepth(rootKey string) int {
	if rootKey == "paths" {
		return 3
	}
	return 2
}

// shared names the items of pool used more than once and writes them as the
// root section (none when there are none): the one used most under a key
// (a response code, a parameter's "in.name") is named by the key ("400",
// "query.pageSize"), others by the key and a hash of the item
// ("409-1f2e3d4c"). Operations refer to them with $ref.
func (w *snapWriter) shared(pool *sharedPool) {
	byKey := map[string][]int{}
	for i, it := range pool.items {
		if it.uses < 2 {
			continue
		}
		key := mostCommon(it.keys)
		byKey[key] = append(byKey[key], i)
	}
	if len(byKey) == 0 {
		return
	}
	var names []string
	at := map[string]int{}
	for key, list := range byKey {
		// The most used first; ties by first use (the index).
		slices.SortStableFunc(list, func(a, b int) int { return pool.items[b].uses - pool.items[a].uses })
		for k, i := range list {
			name := key
			if k > 0 {
				name = key + "-" + TextHash(pool.items[i].text)[:8]
			}
			pool.items[i].name = name
			names = append(names, name)
			at[name] = i
		}
	}
	slices.Sort(names)
	w.key(pool.section)
	w.open()
	for _, name := range names {
		w.key(name)
		w.buf.WriteString(pool.items[at[name]].text)
	}
	w.close()
}

// mostCommon returns the most frequent string of list, the first on ties.
func mostCommon(list []string) string {
	counts := map[string]int{}
	best := ""
	for _, s := range list {
		counts[s]++
		if counts[s] > counts[best] {
			best = s
		}
	}
	return best
}

// fill replaces the placeholders of the buffer by a $ref to the shared item
// or by the item itself.
func (w *snapWriter) fill() []byte {
	src := w.buf.Bytes()
	out := make([]byte, 0, len(src))
	for {
		i := bytes.IndexByte(src, 0)
		if i < 0 {
			return append(out, src...)
		}
		out = append(out, src[:i]...)
		pool := &w.sharedResps
		if src[i+1] == w.sharedParams.mark {
			pool = &w.sharedParams
		}
		src = src[i+2:]
		end := bytes.IndexByte(src, 0)
		n, _ := strconv.Atoi(string(src[:end])) // written by use
		src = src[end+1:]
		it := pool.items[n]
		if it.name == "" {
			out = append(out, it.text...)
			continue
		}
		out = append(out, `{"$ref":`...)
		out = appendJSONString(out, "#/"+pool.section+"/"+escapePointer(it.name))
		out = append(out, '}')
	}
}

func appendJSONString(dst []byte, s string) []byte {
	var b bytes.Buffer
	writeJSONString(&b, s)
	return append(dst, b.Bytes()...)
}

// indentShallow writes the compact JSON object src to dst with the members
// and elements of values nested at most maxDepth(key) deep on lines of their
// own, indented by two spaces a level, and deeper values on one line; key is
// the root member the value is in.
func indentShallow(dst *bytes.Buffer, src []byte, maxDepth func(key string) int) {
	depth, limit := 0, 1
	newline := func(d int) {
		dst.WriteByte('\n')
		for range d {
			dst.WriteString("  ")
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			start := i
			for i++; src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			dst.Write(src[start : i+1])
			if depth == 1 && i+1 < len(src) && src[i+1] == ':' {
				limit = maxDepth(string(src[start+1 : i]))
			}
		case '{', '[':
			dst.WriteByte(c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst.WriteByte(src[i+1])
				i++
				continue
			}
			depth++
			if depth <= limit {
				newline(depth)
			}
		case '}', ']':
			if depth <= limit {
				newline(depth - 1)
			}
			depth--
			dst.WriteByte(c)
		case ',':
			dst.WriteByte(c)
			if depth <= limit {
				newline(depth)
			}
		case ':':
			dst.WriteByte(c)
			if depth <= limit {
				dst.WriteByte(' ')
			}
		default:
			dst.WriteByte(c)
		}
	}
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

	// The responses and parameters of operations and path items, written
	// once in the root responses and parameters when shared.
	sharedResps, sharedParams sharedPool
}

// sharedPool holds the distinct items (responses or parameters) of a
// snapshot in order of first use. Where one is used, the buffer holds a
// placeholder: a 0 byte (which cannot occur in JSON text), the pool's mark,
// the item's index and a 0 byte.
type sharedPool struct {
	section string // the root section: "responses" or "parameters"
	mark    byte
	items   []sharedItem
	index   map[string]int // compact JSON -> index in items
}

// sharedItem is one distinct item: its compact JSON, how often and under
// which keys it is used.
type sharedItem struct {
	text string
	uses int
	keys []string
	name string // in the root section; "" when written in place
}

// use writes the placeholder of the item text used under key.
func (w *snapWriter) use(pool *sharedPool, key, text string) {
	i, ok := pool.index[text]
	if !ok {
		if pool.index == nil {
			pool.index = map[string]int{}
		}
		i = len(pool.items)
		pool.index[text] = i
		pool.items = append(pool.items, sharedItem{text: text})
	}
	pool.items[i].uses++
	pool.items[i].keys = append(pool.items[i].keys, key)
	w.buf.WriteByte(0)
	w.buf.WriteByte(pool.mark)
	w.buf.WriteString(strconv.Itoa(i))
	w.buf.WriteByte(0)
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
	w.buf.WriteByte('[')
	for i, s := range list {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		w.str(s)
	}
	w.buf.WriteByte(']')
}

// hashes writes x-hash for the texts given as key, text pairs: the hash of
// each non-empty text, or the one recorded in ext (a snapshot's own).
func (w *snapWriter) hashes(ext map[string]any, pairs ...string) {
	if len(pairs) == 2 && pairs[0] == "description" {
		if h := Hash(pairs[1], ext, pairs[0]); h != "" {
			w.key(HashExt)
			w.str(h)
		}
		return
	}
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

// emptyDescription writes an explicit empty description (see HasEmptyDescription).
func (w *snapWriter) emptyDescription(text string, ext map[string]any) {
	if HasEmptyDescription(text, ext) {
		w.key("description")
		w.str("")
	}
}

// sdkExts copies the x-sdk-* extensions, in sorted order, except skip.
func (w *snapWriter) sdkExts(ext map[string]any, skip ...string) {
	has := false
	for k := range ext {
		if strings.HasPrefix(k, "x-sdk-") {
			has = true
			break
		}
	}
	if !has {
		return
	}
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
		if !wroteParams && item.Parameters != nil && paramsBefore(w.spec.Keys(ptr), k) {
			w.params(item.Parameters, ptr)
			wroteParams = true
		}
		w.key(k)
		w.operation(path, k, ops[strings.ToUpper(k)])
	}
	if !wroteParams && item.Parameters != nil {
		w.params(item.Parameters, ptr)
	}
	w.sdkExts(item.Extensions)
	// Other extensions: the official differ reports a path item's x-… key
	// as an operation (with the summary of its value), so a snapshot keeps
	// each key and that summary, not the rest of the value.
	for _, k := range slices.Sorted(maps.Keys(item.Extensions)) {
		if !strings.HasPrefix(strings.ToLower(k), "x-") || strings.HasPrefix(k, "x-sdk-") {
			continue
		}
		w.key(k)
		w.open()
		if m, ok := item.Extensions[k].(map[string]any); ok {
			if s, ok := m["summary"].(string); ok {
				w.key("summary")
				w.str(s)
			}
		}
		w.close()
	}
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
	w.emptyDescription(o.Description, o.Extensions)
	w.sdkExts(o.Extensions)
	if len(o.Parameters) > 0 {
		w.params(o.Parameters, ptr)
	}
	w.key("responses")
	w.open()
	if o.Responses != nil {
		m := o.Responses.Map()
		for _, code := range OrderedKeys(w.spec, ptr+"/responses", m) {
			w.key(code)
			w.response(code, m[code], ptr+"/responses/"+escapePointer(code))
		}
	}
	w.close()
	w.close()
}

// response writes a response as a placeholder that Snapshot replaces by the
// response itself or by a $ref to its shared copy in the root responses.
func (w *snapWriter) response(code string, r *openapi2.Response, ptr string) {
	body := &snapWriter{spec: w.spec, err: w.err}
	body.open()
	if r != nil {
		if r.Description != "" {
			body.key("description")
			body.str(r.Description)
		}
		if r.Schema != nil {
			body.key("schema")
			body.schemaRef(r.Schema, ptr+"/schema", 0)
		}
		body.sdkExts(r.Extensions)
	}
	body.close()
	w.err = body.err
	w.use(&w.sharedResps, code, body.buf.String())
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
		body := &snapWriter{spec: w.spec, err: w.err}
		body.param(p, pptr)
		w.err = body.err
		key := ""
		if p != nil {
			key = p.In + "." + p.Name
		}
		w.use(&w.sharedParams, key, body.buf.String())
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
	switch RawRequired(p) {
	case true:
		w.key("required")
		w.raw("true")
	case false:
		w.key("required")
		w.raw("false")
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
	w.emptyDescription(p.Description, p.Extensions)
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
		if ReadOnly(ref) {
			w.key("readOnly")
			w.raw("true")
		}
		// Marks beside a $ref (a tombstoned property), kept there by kin-openapi.
		w.sdkExts(ref.Extensions)
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
	if s.Enum != nil { // an empty list too: the official differ sees it
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

// resolveShared replaces, in a snapshot, every operation response and
// parameter that is a $ref to the root "responses" or "parameters" (where
// Snapshot writes the ones it shares) by the item it points to, so that
// readers see them in place. The resolved items are shared between
// operations: never edit one in place. A full spec is left as it is.
func resolveShared(doc *openapi2.T) error {
	if _, ok := doc.Extensions[SnapshotExt]; !ok {
		return nil
	}
	var errs []error
	param := func(at string, p *openapi2.Parameter) *openapi2.Parameter {
		if p == nil || p.Ref == "" {
			return p
		}
		name, ok := strings.CutPrefix(p.Ref, "#/parameters/")
		target := doc.Parameters[unescapePointer(name)]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("%s: $ref %q is not a reference to the root parameters", at, p.Ref))
		case target == nil:
			errs = append(errs, fmt.Errorf("%s: $ref %q points to no parameter", at, p.Ref))
		case target.Ref != "":
			errs = append(errs, fmt.Errorf("%s: $ref %q points to another $ref", at, p.Ref))
		default:
			return target
		}
		return p
	}
	for _, path := range slices.Sorted(maps.Keys(doc.Paths)) {
		item := doc.Paths[path]
		if item == nil {
			continue
		}
		for i, p := range item.Parameters {
			item.Parameters[i] = param(fmt.Sprintf("paths.%s.parameters.%d", path, i), p)
		}
		for method, o := range item.Operations() {
			at := "paths." + path + "." + strings.ToLower(method)
			for i, p := range o.Parameters {
				o.Parameters[i] = param(fmt.Sprintf("%s.parameters.%d", at, i), p)
			}
			if o.Responses == nil {
				continue
			}
			for code, r := range o.Responses.Map() {
				if r == nil || r.Ref == "" {
					continue
				}
				at := at + ".responses." + code
				name, ok := strings.CutPrefix(r.Ref, "#/responses/")
				target := doc.Responses[unescapePointer(name)]
				switch {
				case !ok:
					errs = append(errs, fmt.Errorf("%s: $ref %q is not a reference to the root responses", at, r.Ref))
				case target == nil:
					errs = append(errs, fmt.Errorf("%s: $ref %q points to no response", at, r.Ref))
				case target.Ref != "":
					errs = append(errs, fmt.Errorf("%s: $ref %q points to another $ref", at, r.Ref))
				default:
					o.Responses.Set(code, target)
				}
			}
		}
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(errs...)
}

func unescapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
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
