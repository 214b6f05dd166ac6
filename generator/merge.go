package generator

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/purecloud-go/platform-client/swagger"
)

// The extensions that mark tombstones: what the last release of the SDK had
// and the spec no longer has, kept in the Go API as Deprecated identifiers so
// that a removal does not break the code using them.
const (
	// ExtTombstone (true) marks an operation, a parameter, a definition or a
	// property schema that is no longer in the API. On a property that is a
	// $ref it sits beside the $ref (kin-openapi keeps it in
	// SchemaRef.Extensions); a writer of the merged document must keep it there.
	ExtTombstone = "x-sdk-tombstone"
	// ExtTombstoneEnum lists the values of a string schema's enum that are no
	// longer in the API; they are also in its enum, at their old position.
	ExtTombstoneEnum = "x-sdk-tombstone-enum"
	// ExtRemovedIn, beside ExtTombstone, is the SDK version of the release
	// that first kept the item as a tombstone (see MergeLabeled).
	ExtRemovedIn = "x-sdk-removed-in"
	// ExtRemovedInEnum, beside ExtTombstoneEnum, maps tombstone enum values
	// to the version of the release that first kept them.
	ExtRemovedInEnum = "x-sdk-removed-in-enum"
)

// Merge returns spec plus, marked as tombstones, what previous (the spec or
// snapshot of the last release) has and spec removed: operations, their
// parameters, definitions, their properties (at any depth of inline object
// schemas) and the values of string enums of properties. With prune (a
// forced major release) nothing is carried over and Merge returns spec.
// Merge never modifies spec or previous; when nothing is carried over it
// returns spec itself.
//
// A carried item is as previous has it: from a snapshot (the normal case) it
// has no descriptions, since a snapshot keeps only their hashes.
//
// Marks found in previous are not read: whatever previous has and spec lacks
// is carried, so an old tombstone stays one until it is pruned, and one whose
// item comes back in spec becomes a live item again. Merge is idempotent:
// merging spec with the snapshot of Merge(spec, previous) gives the same SDK
// (when previous is a snapshot too: a full spec's carried descriptions are
// not in a snapshot).
//
// Order: a carried item goes right after the item that preceded it in
// previous and is still in the result (the first place when there is none);
// several carried items after one anchor keep previous's order. So items keep
// their old place, and merging again gives the same order.
//
// Not carried, because the Go API could not keep the old identifier without
// renaming a live one or because the SDK has no identifier for it: an
// operation whose Go method name a live operation of the same tag now has; a
// parameter whose name a live parameter of the operation has (in another
// location); a definition whose Go type name a live definition has; a
// property whose Go field name a live property has; an enum value whose
// constant name a live value has; response codes; parameter enums (they
// stay plain strings in the SDK); enum-only definitions; inline schemas of
// bodies, responses and map values.
//
// A removed parameter is carried to the operation's own parameter list,
// resolved when it was a $ref. A string property that lost its whole enum
// keeps it as tombstones, so its Go type stays the same named string type
// (which accepts any value).
func Merge(spec, previous *swagger.Spec, prune bool) (*swagger.Spec, error) {
	return MergeLabeled(spec, previous, prune, "")
}

// MergeLabeled is Merge that also labels what it newly keeps as a tombstone
// with removedIn, the version of the release being made (ExtRemovedIn,
// ExtRemovedInEnum); the label is the documentation's "as of" version. An
// item previous already kept keeps the label it has there, so the label is
// that of the first release that kept it. With removedIn "" (regenerating,
// not releasing) new tombstones get no label.
func MergeLabeled(spec, previous *swagger.Spec, prune bool, removedIn string) (*swagger.Spec, error) {
	if spec == nil || spec.Doc == nil {
		return nil, errors.New("merge: no spec")
	}
	if prune {
		return spec, nil
	}
	if previous == nil || previous.Doc == nil {
		return nil, errors.New("merge: no previous release")
	}
	m := &merger{spec: spec, prev: previous, doc: new(openapi2.T), label: removedIn}
	*m.doc = *spec.Doc
	if err := m.mergePaths(); err != nil {
		return nil, fmt.Errorf("merge with the last release (%s): %w", previous.Source, err)
	}
	m.mergeDefinitions()
	if m.order == nil {
		return spec, nil
	}
	return swagger.NewSpec(spec.Source, m.doc, m.order), nil
}

type merger struct {
	spec, prev *swagger.Spec
	label      string      // ExtRemovedIn of new tombstones, "" for none
	doc        *openapi2.T // a shallow copy of spec.Doc, changed copy on write
	// order is spec's key order, copied on the first change (nil before:
	// every change calls write, and a nil order means nothing was carried).
	order      map[string][]string
	prevOrder  map[string][]string
	prevKeys   []string                      // sorted keys of prevOrder, for prefix searches
	specKeys   []string                      // the same for spec
	paths      map[string]*openapi2.PathItem // copied on the first change
	defs       map[string]*openapi2.SchemaRef
	liveMethod map[string]map[string]bool // tag -> Go method names of spec
}

// write makes the merged document's order map writable.
func (m *merger) write() {
	if m.order == nil {
		m.order = m.spec.Order()
	}
}

// copyOrder copies the key orders previous records at and under the JSON
// pointer from to the pointer to.
func (m *merger) copyOrder(from, to string) {
	m.write()
	if m.prevOrder == nil {
		m.prevOrder = m.prev.Order()
		m.prevKeys = slices.Sorted(maps.Keys(m.prevOrder))
	}
	for _, k := range underPointer(m.prevKeys, from) {
		m.order[to+k[len(from):]] = m.prevOrder[k]
	}
}

// moveOrder renames the key orders spec records at and under the JSON
// pointers in moves (old pointer -> new pointer), all at once.
func (m *merger) moveOrder(moves map[string]string) {
	if len(moves) == 0 {
		return
	}
	m.write()
	if m.specKeys == nil {
		m.specKeys = slices.Sorted(maps.Keys(m.spec.Order()))
	}
	orig := m.spec.Order()
	for from := range moves {
		for _, k := range underPointer(m.specKeys, from) {
			delete(m.order, k)
		}
	}
	for from, to := range moves {
		for _, k := range underPointer(m.specKeys, from) {
			m.order[to+k[len(from):]] = orig[k]
		}
	}
}

// underPointer returns the pointers of sorted that are ptr or under it.
func underPointer(sorted []string, ptr string) []string {
	var out []string
	i := sort.SearchStrings(sorted, ptr)
	for ; i < len(sorted) && strings.HasPrefix(sorted[i], ptr); i++ {
		if rest := sorted[i][len(ptr):]; rest == "" || rest[0] == '/' {
			out = append(out, sorted[i])
		}
	}
	return out
}

// mergeKeys is the order rule of Merge for one list: the live keys in their
// order, each carried key of old right after the old key before it that is
// in the result. carried says which keys of old absent from live are kept.
func mergeKeys(live, old []string, carried func(string) bool) []string {
	in := make(map[string]bool, len(live))
	for _, k := range live {
		in[k] = true
	}
	after := map[string][]string{} // live anchor -> carried keys
	var front []string
	anchor, anchored := "", false
	seen := make(map[string]bool, len(old))
	for _, k := range old {
		if seen[k] {
			continue
		}
		seen[k] = true
		switch {
		case in[k]:
			anchor, anchored = k, true
		case carried(k):
			if anchored {
				after[anchor] = append(after[anchor], k)
			} else {
				front = append(front, k)
			}
		}
	}
	if len(after) == 0 && len(front) == 0 {
		return live
	}
	out := append(slices.Clip(front), nil...)
	for _, k := range live {
		out = append(out, k)
		out = append(out, after[k]...)
	}
	return out
}

func withMark(ext map[string]any, key string, v any) map[string]any {
	out := make(map[string]any, len(ext)+1)
	maps.Copy(out, ext)
	out[key] = v
	return out
}

// tombstone returns the extensions of a carried item: ext, marked, with the
// label it had or else the merge's own.
// IsTombstone reports whether extensions mark a tombstone: an operation,
// parameter, definition or property that Merge kept although the spec no
// longer has it.
func IsTombstone(ext map[string]any) bool {
	v, _ := ext[ExtTombstone].(bool)
	return v
}

// TombstoneEnum lists the values of a string enum that a schema's extensions
// mark as tombstones (see ExtTombstoneEnum).
func TombstoneEnum(ext map[string]any) []string {
	list, _ := ext[ExtTombstoneEnum].([]any)
	var out []string
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func (m *merger) tombstone(ext map[string]any) map[string]any {
	out := withMark(ext, ExtTombstone, true)
	if _, ok := ext[ExtRemovedIn].(string); !ok {
		if m.label == "" {
			delete(out, ExtRemovedIn)
		} else {
			out[ExtRemovedIn] = m.label
		}
	}
	return out
}

// methodName is the Go method name an operation gets ("" when it gets none).
func methodName(o *openapi2.Operation) string {
	src, _ := o.Extensions["x-purecloud-method-name"].(string)
	if src == "" {
		src = o.OperationID
	}
	return typeName(src)
}

func (m *merger) mergePaths() error {
	m.liveMethod = map[string]map[string]bool{}
	for _, item := range m.spec.Doc.Paths {
		if item == nil {
			continue
		}
		for _, o := range item.Operations() {
			if o == nil {
				continue
			}
			for _, tag := range o.Tags {
				if m.liveMethod[tag] == nil {
					m.liveMethod[tag] = map[string]bool{}
				}
				m.liveMethod[tag][methodName(o)] = true
			}
		}
	}
	prevPaths := m.prev.Doc.Paths
	carriedPath := map[string]bool{}
	for _, path := range swagger.OrderedKeys(m.prev, "/paths", prevPaths) {
		pitem := prevPaths[path]
		if pitem == nil || pitem.Ref != "" {
			continue
		}
		item := m.spec.Doc.Paths[path]
		if item != nil && item.Ref != "" {
			continue
		}
		var changed *openapi2.PathItem // the merged path item, once it differs
		var carried []string           // methods carried as tombstones
		pops := pitem.Operations()
		for _, method := range swagger.MethodOrder(m.prev, path, pitem) {
			pop := pops[strings.ToUpper(method)]
			if pop == nil {
				continue
			}
			var op *openapi2.Operation
			if item != nil {
				op = item.GetOperation(strings.ToUpper(method))
			}
			var merged *openapi2.Operation
			if op != nil {
				merged = m.mergeParams(path, method, item, op, pitem, pop)
			} else {
				var err error
				merged, err = m.tombstoneOperation(path, method, pitem, pop)
				if err != nil {
					return err
				}
				if merged != nil {
					carried = append(carried, method)
				}
			}
			if merged == nil || merged == op {
				continue
			}
			if changed == nil {
				changed = new(openapi2.PathItem)
				if item != nil {
					*changed = *item
				}
			}
			changed.SetOperation(strings.ToUpper(method), merged)
		}
		if changed == nil {
			continue
		}
		m.write()
		if m.paths == nil {
			m.paths = maps.Clone(m.spec.Doc.Paths)
			if m.paths == nil {
				m.paths = map[string]*openapi2.PathItem{}
			}
			m.doc.Paths = m.paths
		}
		m.paths[path] = changed
		if len(carried) > 0 {
			m.write()
			ptr := swagger.Pointer("paths", path)
			m.order[ptr] = mergeKeys(m.spec.Keys(ptr), m.prev.Keys(ptr), func(k string) bool { return slices.Contains(carried, k) })
		}
		if item == nil {
			carriedPath[path] = true
		}
	}
	if len(carriedPath) > 0 {
		m.order["/paths"] = mergeKeys(swagger.OrderedKeys(m.spec, "/paths", m.spec.Doc.Paths), swagger.OrderedKeys(m.prev, "/paths", prevPaths), func(k string) bool { return carriedPath[k] })
	}
	return nil
}

// A param is one parameter with where the spec has it, as a JSON pointer.
type param struct {
	p   *openapi2.Parameter
	ptr string
}

func paramKey(p *openapi2.Parameter) string { return p.In + " " + p.Name }

// effectiveParams resolves the parameters of an operation as Build does:
// path-level ones first, overridden by operation-level ones of the same name
// and location. Unresolvable references are left out (Build reports them
// for the live spec).
func effectiveParams(doc *openapi2.T, path, method string, item *openapi2.PathItem, o *openapi2.Operation) []param {
	var out []param
	index := map[string]int{}
	add := func(list openapi2.Parameters, ptr ...string) {
		for i, p := range list {
			if p == nil {
				continue
			}
			src := param{p, swagger.Pointer(append(ptr, "parameters", strconv.Itoa(i))...)}
			if p.Ref != "" {
				name := strings.TrimPrefix(p.Ref, "#/parameters/")
				if name == p.Ref || doc.Parameters[name] == nil {
					continue
				}
				src = param{doc.Parameters[name], swagger.Pointer("parameters", name)}
			}
			k := paramKey(src.p)
			if j, ok := index[k]; ok {
				out[j] = src
				continue
			}
			index[k] = len(out)
			out = append(out, src)
		}
	}
	add(item.Parameters, "paths", path)
	add(o.Parameters, "paths", path, method)
	return out
}

// mergeParams returns op with the parameters of pop it lost carried as
// tombstones, or op itself when it lost none.
func (m *merger) mergeParams(path, method string, item *openapi2.PathItem, op *openapi2.Operation, pitem *openapi2.PathItem, pop *openapi2.Operation) *openapi2.Operation {
	live := effectiveParams(m.spec.Doc, path, method, item, op)
	liveKey := map[string]bool{}
	liveName := map[string]bool{}
	liveField := map[string]bool{}
	for _, p := range live {
		liveKey[paramKey(p.p)] = true
		liveName[p.p.Name] = true
		liveField[exportedName(p.p.Name)] = true
	}
	prev := effectiveParams(m.prev.Doc, path, method, pitem, pop)
	removed := map[string]param{}
	prevParam := map[string]param{}
	var oldKeys []string
	for _, p := range prev {
		k := paramKey(p.p)
		oldKeys = append(oldKeys, k)
		prevParam[k] = p
		if !liveKey[k] && !liveName[p.p.Name] && !liveField[exportedName(p.p.Name)] {
			removed[k] = p
		}
	}
	// A parameter of the operation's own list that lost enum values carries
	// them; a $ref'd one becomes an inline copy (the snapshot names shared
	// parameters its own way, so they cannot be matched by name).
	enumKept := map[string]param{} // the copy, and where prev had the parameter
	for _, p := range op.Parameters {
		live := p
		if p != nil && p.Ref != "" {
			live = m.spec.Doc.Parameters[strings.TrimPrefix(p.Ref, "#/parameters/")]
		}
		if live == nil {
			continue
		}
		if pp, ok := prevParam[paramKey(live)]; ok {
			if c := m.mergeParamEnum(live, pp.p); c != nil {
				enumKept[paramKey(live)] = param{c, pp.ptr}
			}
		}
	}
	if len(removed) == 0 && len(enumKept) == 0 {
		return op
	}
	m.write()
	// The operation's own list, keyed; a $ref keeps its place under the key
	// of what it points to.
	opPtr := swagger.Pointer("paths", path, method)
	own := map[string]param{}
	var ownKeys []string
	for i, p := range op.Parameters {
		if p == nil {
			continue
		}
		k := paramKey(p)
		if p.Ref != "" {
			if r := m.spec.Doc.Parameters[strings.TrimPrefix(p.Ref, "#/parameters/")]; r != nil {
				k = paramKey(r)
			} else {
				k = "$ref " + p.Ref
			}
		}
		own[k] = param{p, opPtr + "/parameters/" + strconv.Itoa(i)}
		ownKeys = append(ownKeys, k)
	}
	order := mergeKeys(ownKeys, oldKeys, func(k string) bool { _, ok := removed[k]; return ok })
	merged := *op
	merged.Parameters = make(openapi2.Parameters, 0, len(order))
	moves := map[string]string{}
	var copies [][2]string
	for _, k := range order {
		to := opPtr + "/parameters/" + strconv.Itoa(len(merged.Parameters))
		if p, ok := own[k]; ok {
			if c, ok := enumKept[k]; ok {
				if p.p.Ref != "" {
					copies = append(copies, [2]string{c.ptr, to})
				}
				p.p = c.p
			}
			merged.Parameters = append(merged.Parameters, p.p)
			if p.ptr != to {
				moves[p.ptr] = to
			}
			continue
		}
		p := removed[k]
		t := *p.p
		t.Ref = ""
		t.Extensions = m.tombstone(p.p.Extensions)
		merged.Parameters = append(merged.Parameters, &t)
		copies = append(copies, [2]string{p.ptr, to})
	}
	m.moveOrder(moves)
	for _, c := range copies {
		m.copyOrder(c[0], c[1])
	}
	return &merged
}

// paramEnumOf is the enum of a parameter, or of its items for an array.
func paramEnumOf(p *openapi2.Parameter) []any {
	if len(p.Enum) == 0 && p.Items != nil && p.Items.Value != nil {
		return p.Items.Value.Enum
	}
	return p.Enum
}

// mergeParamEnum returns a copy of the live parameter that keeps the values
// of its string enum (or its items') that prev had and it lost, marked with
// ExtTombstoneEnum as a property's are, so that their constants stay; nil
// when it lost none (or has no enum any more: its type changes then).
func (m *merger) mergeParamEnum(live, prev *openapi2.Parameter) *openapi2.Parameter {
	lv, pv := paramEnumOf(live), paramEnumOf(prev)
	if len(lv) == 0 || len(pv) == 0 {
		return nil
	}
	enum, gone := mergeEnum(lv, pv)
	if len(gone) == 0 {
		return nil
	}
	c := *live
	if len(live.Enum) == 0 {
		items := *live.Items.Value
		items.Enum = enum
		c.Items = &openapi2.SchemaRef{Extensions: live.Items.Extensions, Value: &items}
	} else {
		c.Enum = enum
	}
	c.Extensions = m.enumMarks(live.Extensions, prev.Extensions, gone)
	return &c
}

// enumMarks returns the live extensions ext marked with the enum values gone
// that are kept (ExtTombstoneEnum) and their labels (ExtRemovedInEnum): the
// one prevExt gave, else the merge's own.
func (m *merger) enumMarks(ext, prevExt map[string]any, gone []any) map[string]any {
	out := withMark(ext, ExtTombstoneEnum, gone)
	old, _ := prevExt[ExtRemovedInEnum].(map[string]any)
	labels := map[string]any{}
	for _, v := range gone {
		if l, ok := old[v.(string)].(string); ok {
			labels[v.(string)] = l
		} else if m.label != "" {
			labels[v.(string)] = m.label
		}
	}
	if len(labels) > 0 {
		out[ExtRemovedInEnum] = labels
	} else {
		delete(out, ExtRemovedInEnum)
	}
	return out
}

// tombstoneOperation returns pop marked as a tombstone, with its parameters
// resolved into its own list, or nil when a live operation took its Go name.
func (m *merger) tombstoneOperation(path, method string, pitem *openapi2.PathItem, pop *openapi2.Operation) (*openapi2.Operation, error) {
	name := methodName(pop)
	for _, tag := range pop.Tags {
		if m.liveMethod[tag][name] {
			return nil, nil
		}
	}
	opPtr := swagger.Pointer("paths", path, method)
	for i, p := range pop.Parameters {
		if p != nil && p.Ref != "" {
			n := strings.TrimPrefix(p.Ref, "#/parameters/")
			if n == p.Ref || m.prev.Doc.Parameters[n] == nil {
				return nil, fmt.Errorf("paths.%s.%s.parameters[%d]: $ref %q points to no parameter", path, method, i, p.Ref)
			}
		}
	}
	t := *pop
	t.Extensions = m.tombstone(pop.Extensions)
	t.Parameters = nil
	m.write()
	// Responses and their schemas keep their pointers; parameters are renumbered.
	m.copyOrder(opPtr+"/responses", opPtr+"/responses")
	for i, p := range effectiveParams(m.prev.Doc, path, method, pitem, pop) {
		t.Parameters = append(t.Parameters, p.p)
		m.copyOrder(p.ptr, opPtr+"/parameters/"+strconv.Itoa(i))
	}
	return &t, nil
}

func (m *merger) mergeDefinitions() {
	var liveType map[string]bool // made when a definition is missing
	carried := map[string]bool{}
	prevDefs := m.prev.Doc.Definitions
	setDef := func(name string, s *openapi2.SchemaRef) {
		m.write()
		if m.defs == nil {
			m.defs = maps.Clone(m.spec.Doc.Definitions)
			if m.defs == nil {
				m.defs = map[string]*openapi2.SchemaRef{}
			}
			m.doc.Definitions = m.defs
		}
		m.defs[name] = s
	}
	for _, name := range swagger.OrderedKeys(m.prev, "/definitions", prevDefs) {
		ps := prevDefs[name]
		if ps == nil {
			continue
		}
		ptr := swagger.Pointer("definitions", name)
		live, ok := m.spec.Doc.Definitions[name]
		if !ok {
			if liveType == nil {
				liveType = make(map[string]bool, len(m.spec.Doc.Definitions))
				for name := range m.spec.Doc.Definitions {
					liveType[typeName(name)] = true
				}
			}
			if liveType[typeName(name)] {
				continue
			}
			carried[name] = true
			setDef(name, m.markSchema(ps))
			m.copyOrder(ptr, ptr)
			continue
		}
		if merged := m.mergeSchema(live, ps, ptr, ptr); merged != live {
			setDef(name, merged)
		}
	}
	if len(carried) > 0 {
		m.order["/definitions"] = mergeKeys(swagger.OrderedKeys(m.spec, "/definitions", m.spec.Doc.Definitions), swagger.OrderedKeys(m.prev, "/definitions", prevDefs), func(k string) bool { return carried[k] })
	}
}

// markSchema returns a copy of s marked as a tombstone.
func (m *merger) markSchema(s *openapi2.SchemaRef) *openapi2.SchemaRef {
	if s.Ref != "" || s.Value == nil {
		return &openapi2.SchemaRef{Ref: s.Ref, Extensions: m.tombstone(s.Extensions)}
	}
	v := *s.Value
	v.Extensions = m.tombstone(v.Extensions)
	return &openapi2.SchemaRef{Value: &v}
}

func isType(s *openapi2.Schema, typ string) bool {
	return s.Type != nil && s.Type.Is(typ)
}

// mergeSchema returns live with what prev had and it lost carried as
// tombstones (properties, string enum values, and the same inside property
// and array item schemas), or live itself when it lost nothing.
func (m *merger) mergeSchema(live, prev *openapi2.SchemaRef, ptr, prevPtr string) *openapi2.SchemaRef {
	if live == nil || prev == nil || live.Ref != "" || prev.Ref != "" || live.Value == nil || prev.Value == nil {
		return live
	}
	ls, ps := live.Value, prev.Value
	var out *openapi2.Schema // the copy, once it differs
	change := func() *openapi2.Schema {
		if out == nil {
			c := *ls
			out = &c
		}
		return out
	}

	objectLike := ls.Type == nil || len(ls.Type.Slice()) == 0 || isType(ls, "object")
	if len(ps.Properties) > 0 && objectLike && len(ls.AllOf) == 0 {
		var liveField map[string]bool // made when a property is missing
		var props openapi2.Schemas    // the copy of the properties, once they differ
		var carried []string
		for _, name := range swagger.OrderedKeys(m.prev, prevPtr+"/properties", ps.Properties) {
			pp := ps.Properties[name]
			lp, ok := ls.Properties[name]
			if pp == nil {
				continue
			}
			esc := strings.TrimPrefix(swagger.Pointer(name), "/")
			var merged *openapi2.SchemaRef
			if ok {
				merged = m.mergeSchema(lp, pp, ptr+"/properties/"+esc, prevPtr+"/properties/"+esc)
				if merged == lp {
					continue
				}
			} else {
				if liveField == nil {
					liveField = make(map[string]bool, len(ls.Properties))
					for name := range ls.Properties {
						liveField[exportedName(name)] = true
					}
				}
				if liveField[exportedName(name)] {
					continue
				}
				merged = m.markSchema(pp)
				carried = append(carried, name)
				m.copyOrder(prevPtr+"/properties/"+esc, ptr+"/properties/"+esc)
			}
			if props == nil {
				props = maps.Clone(ls.Properties)
				if props == nil {
					props = openapi2.Schemas{}
				}
				change().Properties = props
			}
			props[name] = merged
		}
		if len(carried) > 0 {
			m.write()
			m.order[ptr+"/properties"] = mergeKeys(swagger.OrderedKeys(m.spec, ptr+"/properties", ls.Properties), swagger.OrderedKeys(m.prev, prevPtr+"/properties", ps.Properties), func(k string) bool { return slices.Contains(carried, k) })
		}
	}

	if ls.Items != nil && ps.Items != nil && isType(ls, "array") && isType(ps, "array") {
		if items := m.mergeSchema(ls.Items, ps.Items, ptr+"/items", prevPtr+"/items"); items != ls.Items {
			change().Items = items
		}
	}

	if isType(ls, "string") && isType(ps, "string") && len(ps.Enum) > 0 {
		if enum, gone := mergeEnum(ls.Enum, ps.Enum); len(gone) > 0 {
			c := change()
			c.Enum = enum
			c.Extensions = m.enumMarks(ls.Extensions, ps.Extensions, gone)
		}
	}
	if out == nil {
		return live
	}
	return &openapi2.SchemaRef{Extensions: live.Extensions, Value: out}
}

// mergeEnum returns the live values of a string enum with the old values it
// lost (and whose constant would not take a live value's name) at their old
// place, and those values.
func mergeEnum(live, old []any) ([]any, []any) {
	str := func(vs []any) []string {
		out := make([]string, 0, len(vs))
		for _, v := range vs {
			s, ok := v.(string)
			if !ok {
				return nil // not a string enum: Build reports it
			}
			out = append(out, s)
		}
		return out
	}
	ls, olds := str(live), str(old)
	if ls == nil && len(live) > 0 || olds == nil {
		return live, nil
	}
	liveConst := map[string]bool{}
	for _, v := range ls {
		c := enumConstName("", v)
		if c == "" && v != "" {
			// Build names this constant by its index, which a value put
			// before it would change: carry nothing.
			return live, nil
		}
		liveConst[c] = true
	}
	var gone []any
	merged := mergeKeys(ls, olds, func(v string) bool {
		if c := enumConstName("", v); c == "" || liveConst[c] {
			return false
		}
		gone = append(gone, v)
		return true
	})
	if len(gone) == 0 {
		return live, nil
	}
	out := make([]any, len(merged))
	for i, v := range merged {
		out[i] = v
	}
	return out, gone
}
