package swaggerdiff

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/purecloud-go/platform-client/generator"
	"github.com/purecloud-go/platform-client/swagger"
)

// Compare compares the API description old (a spec or a snapshot) with new and
// returns the changes in recording order, each rated by opts.Rules.
//
// Recording order (the official differ's, which decides the release notes):
// removed paths in old order; then the new paths in order (an added path with
// its keys, or for an existing path its removed methods in old order and then
// each method in new order); removed definitions in old order; then the new
// definitions in order. Inside an operation: operationId, method name,
// description, summary, deprecated, removed parameters, added or changed
// parameters, removed responses, added or changed responses, removed tags,
// added tags. Response codes that look like integers come first in numeric
// order, then the others in document order; parameters are matched by name
// (a later one with the same name wins).
//
// Under RulesGo both descriptions must build with the generator: the impact
// of each change is read from the Go API generated from each side. Something
// old marks as a tombstone and new no longer has is not a change. With
// opts.Tombstones the new side's Go API is generated from
// generator.Merge(new, old, false), as a release does.
func Compare(old, new *swagger.Spec, opts Options) (*Result, error) {
	rules, err := ParseRules(string(opts.Rules))
	if err != nil {
		return nil, err
	}
	for i, s := range []*swagger.Spec{old, new} {
		if s == nil || s.Doc == nil {
			return nil, fmt.Errorf("swaggerdiff: no %s API description (nil spec)", []string{"old", "new"}[i])
		}
		if err := s.CheckSnapshot(); err != nil {
			return nil, err
		}
	}
	d := &differ{old: old, new: new, rules: rules, tomb: opts.Tombstones && rules == RulesGo,
		raw: old.RecordsRaw() && new.RecordsRaw()}
	var wg sync.WaitGroup
	var errOld, errNew error
	if rules == RulesGo {
		// The Go APIs are built while the walk runs (it only reads the
		// descriptions; the Go impacts are read after, in resolveGo).
		wg.Go(func() { d.goOld, errOld = buildSurface(old, opts.Names) })
		wg.Go(func() {
			// With tombstones the SDK is generated from the spec merged with
			// what old had, so the new Go API is that of the merge.
			gen := new
			if d.tomb {
				if gen, errNew = generator.Merge(new, old, false); errNew != nil {
					return
				}
			}
			// The new side keeps the Go names the old one has (a colliding
			// addition takes a number), as a release generates it.
			d.goNew, errNew = buildSurface(gen, generator.NameSpec(old, opts.Names))
		})
	}
	d.walk()
	if rules == RulesGo {
		wg.Wait()
		if errOld != nil {
			return nil, fmt.Errorf("old API description %s: %w", old.Source, errOld)
		}
		if errNew != nil {
			return nil, fmt.Errorf("new API description %s: %w", new.Source, errNew)
		}
		d.resolveGo()
		d.explainBreaks()
	}
	res := &Result{Rules: rules, Changes: d.changes}
	if res.Changes == nil {
		res.Changes = []Change{}
	}
	for _, c := range res.Changes {
		res.Bump = max(res.Bump, c.Impact)
	}
	return res, nil
}

type differ struct {
	old, new *swagger.Spec
	rules    Rules
	tomb     bool
	// raw: both sides record the raw facts of swagger/presence.go (a
	// snapshot of format 1 does not: then they are not compared).
	raw          bool
	goOld, goNew *surface
	breakList    []goBreak
	changes      []Change
	// goImpacts[i] gives the Go impact of changes[i]: under RulesGo the
	// walk runs while the Go APIs are built, and resolveGo reads them after.
	goImpacts []func() Impact
}

// rec records a change with the impact of the rule set in use.
func (d *differ) rec(c Change, official Impact, goImpact func() Impact) {
	if d.rules == RulesGo {
		d.recGo(c, goImpact)
		return
	}
	if c.Impact = official; c.Impact != None {
		d.changes = append(d.changes, c)
	}
}

// recGo records a change only RulesGo reports.
func (d *differ) recGo(c Change, impact func() Impact) {
	if d.rules != RulesGo {
		return
	}
	d.changes = append(d.changes, c)
	d.goImpacts = append(d.goImpacts, impact)
}

// resolveGo sets the Go impact of the changes the walk recorded, once both
// Go APIs are built, and drops those without one.
func (d *differ) resolveGo() {
	kept := d.changes[:0]
	for i, c := range d.changes {
		if c.Impact = d.goImpacts[i](); c.Impact != None {
			kept = append(kept, c)
		}
	}
	d.changes, d.goImpacts = kept, nil
}

func fixed(i Impact) func() Impact { return func() Impact { return i } }

// removal is the Go impact of removing something the generator keeps as a
// tombstone when asked to.
func (d *differ) removal() Impact {
	if d.tomb {
		return Minor
	}
	return Major
}

// schemaExt returns the extensions of a schema, where its marks are read.
// The marks of a property that is a $ref sit beside the $ref, where
// kin-openapi keeps them in SchemaRef.Extensions.
func schemaExt(ref *openapi2.SchemaRef) map[string]any {
	switch {
	case ref == nil:
		return nil
	case ref.Ref != "":
		return ref.Extensions
	case ref.Value == nil:
		return nil
	}
	return ref.Value.Extensions
}

func (d *differ) walk() {
	oldPaths, newPaths := d.old.Doc.Paths, d.new.Doc.Paths
	for _, p := range jsOrder(swagger.OrderedKeys(d.old, "/paths", oldPaths)) {
		if _, ok := newPaths[p]; ok || allTombstones(oldPaths[p]) {
			continue
		}
		d.rec(Change{Kind: PathRemoved, Group: p, Path: p, Line: "Path " + p + " was removed"}, Major, d.removal)
	}
	for _, p := range jsOrder(swagger.OrderedKeys(d.new, "/paths", newPaths)) {
		ni := newPaths[p]
		oi, ok := oldPaths[p]
		if !ok || allTombstones(oi) {
			d.addedPath(p, ni)
			continue
		}
		if oi == ni {
			// The same item (a copy of a spec shares what it did not
			// change): what the walk reports depends only on the item.
			continue
		}
		d.path(p, oi, ni)
	}
	oldDefs, newDefs := d.old.Doc.Definitions, d.new.Doc.Definitions
	for _, name := range jsOrder(swagger.OrderedKeys(d.old, "/definitions", oldDefs)) {
		if _, ok := newDefs[name]; ok || generator.IsTombstone(schemaExt(oldDefs[name])) {
			continue
		}
		d.rec(Change{Kind: ModelRemoved, Group: name, Model: name, Line: "Model " + name + " was removed"}, Major, d.removal)
	}
	for _, name := range jsOrder(swagger.OrderedKeys(d.new, "/definitions", newDefs)) {
		od, ok := oldDefs[name]
		if ok && generator.IsTombstone(schemaExt(od)) {
			ok = false
		}
		if ok && od == newDefs[name] {
			continue // the same schema, as for path items
		}
		d.model(name, od, newDefs[name], ok)
	}
}

// allTombstones reports whether every operation of a path item is a tombstone.
func allTombstones(item *openapi2.PathItem) bool {
	if item == nil {
		return false
	}
	ops := item.Operations()
	if len(ops) == 0 {
		return false
	}
	for _, o := range ops {
		if o == nil || !generator.IsTombstone(o.Extensions) {
			return false
		}
	}
	return true
}

func (d *differ) addedPath(p string, item *openapi2.PathItem) {
	d.rec(Change{Kind: PathAdded, Group: p, Path: p, Line: "Path was added"}, Minor, fixed(Minor))
	keys := d.new.Keys(swagger.Pointer("paths", p))
	if keys == nil && item != nil {
		keys = pathKeys(d.new, p, item)
	}
	for _, k := range jsOrder(keys) {
		m := strings.ToUpper(k)
		goImpact := fixed(Minor)
		if k == "parameters" {
			goImpact = fixed(None) // not an operation: each one's Go API has the parameters
		}
		d.rec(Change{Kind: PathKeyAdded, Group: p, Path: p, Method: m, Line: "Operation " + m + " was added"}, Minor, goImpact)
	}
}

// pathKeys lists the keys of a path item the official differ walks: its
// methods (lower case), "parameters" when the item has that key and its
// extensions (x-…, not the generator's own x-sdk-… marks), in the order the
// spec records, in JavaScript object order. Keys it does not record follow:
// the methods in MethodOrder, parameters, the extensions sorted.
func pathKeys(spec *swagger.Spec, p string, item *openapi2.PathItem) []string {
	present := swagger.MethodOrder(spec, p, item)
	if item.Parameters != nil {
		present = append(present, "parameters")
	}
	present = append(present, pathExtKeys(item)...)
	keys := make([]string, 0, len(present))
	for _, k := range spec.Keys(swagger.Pointer("paths", p)) {
		if !isPathExt(k) {
			k = strings.ToLower(k)
		}
		if slices.Contains(present, k) && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, k := range present {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return jsOrder(keys)
}

// pathExtKeys lists the extension keys (x-…) of a path item, sorted, less
// the generator's own marks (x-sdk-…).
func pathExtKeys(item *openapi2.PathItem) []string {
	var out []string
	for _, k := range slicesSortedKeys(item.Extensions) {
		if isPathExt(k) {
			out = append(out, k)
		}
	}
	return out
}

func isPathExt(k string) bool {
	return strings.HasPrefix(strings.ToLower(k), "x-") && !strings.HasPrefix(k, "x-sdk-")
}

// extSummary is the summary of an extension's value, as the official differ
// reads an operation's: "" when the value is no object or has none.
func extSummary(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return ""
	}
	s, _ := m["summary"].(string)
	return s
}

func (d *differ) path(p string, oi, ni *openapi2.PathItem) {
	oops, nops := oi.Operations(), ni.Operations()
	// The official differ walks the keys of the path items: the methods and
	// a path-level "parameters", which it reports as an operation. Under the
	// go rules the path-level parameters are compared in each operation,
	// where the generator puts them.
	okeys, nkeys := pathKeys(d.old, p, oi), pathKeys(d.new, p, ni)
	for _, m := range okeys {
		M := strings.ToUpper(m)
		if m == "parameters" || isPathExt(m) {
			if !slices.Contains(nkeys, m) {
				d.rec(Change{Kind: OperationRemoved, Group: p, Path: p, Method: M, Line: "Operation " + M + " was removed"}, Major, fixed(None))
			}
			continue
		}
		if _, ok := nops[M]; ok || generator.IsTombstone(oops[M].Extensions) {
			continue
		}
		d.rec(Change{Kind: OperationRemoved, Group: p, Path: p, Method: M, Line: "Operation " + M + " was removed"}, Major, d.removal)
	}
	for _, m := range nkeys {
		M := strings.ToUpper(m)
		if m == "parameters" || isPathExt(m) {
			if !slices.Contains(okeys, m) {
				line := "Operation " + M + " was added"
				if s := extSummary(ni.Extensions[m]); s != "" {
					line = "Operation " + m + " was added. Summary: " + s
				}
				d.rec(Change{Kind: OperationAdded, Group: p, Path: p, Method: M, Line: line}, Minor, fixed(None))
			}
			continue
		}
		no := nops[M]
		oo, ok := oops[M]
		if !ok || generator.IsTombstone(oo.Extensions) {
			line := "Operation " + M + " was added"
			if no.Summary != "" {
				line = "Operation " + m + " was added. Summary: " + no.Summary
			}
			d.rec(Change{Kind: OperationAdded, Group: p, Path: p, Method: M, Line: line}, Minor, fixed(Minor))
			continue
		}
		d.operation(p, M, oi, ni, oo, no)
	}
}

// descKey is what the official differ compares of a description: its text
// (or the hash a snapshot records), and an explicit empty one apart from
// none at all. hasText reports whether there is a text.
func descKey(text string, ext map[string]any) (key string, hasText bool) {
	if h := swagger.Hash(text, ext, "description"); h != "" {
		return h, true
	}
	if swagger.HasEmptyDescription(text, ext) {
		return "(empty)", false
	}
	return "", false
}

// descChanged compares two descriptions as the official differ does; the go
// rules see a change only where one side has a text (an empty description
// and none give the same Go doc).
func (d *differ) descChanged(otext string, oext map[string]any, ntext string, next map[string]any) (official bool, goImpact func() Impact) {
	ok, ot := descKey(otext, oext)
	nk, nt := descKey(ntext, next)
	if ot || nt {
		return ok != nk, fixed(Patch)
	}
	return d.raw && ok != nk, fixed(None)
}

// effectiveParams is what the generator makes of an operation's parameters:
// the path item's first, each replaced by the operation's of the same name
// and location, then the operation's others.
func effectiveParams(item *openapi2.PathItem, o *openapi2.Operation) openapi2.Parameters {
	if item == nil || len(item.Parameters) == 0 {
		return o.Parameters
	}
	out := slices.Clone(item.Parameters)
	for _, p := range o.Parameters {
		i := slices.IndexFunc(out, func(q *openapi2.Parameter) bool {
			return p != nil && q != nil && q.Name == p.Name && q.In == p.In
		})
		if i >= 0 && i < len(item.Parameters) {
			out[i] = p
		} else {
			out = append(out, p)
		}
	}
	return out
}

// generic builds a line by the official differ's generic rule.
func generic(loc, old, new string) string {
	switch {
	case old == "" && new != "":
		return loc + " was added"
	case old != "" && new == "":
		return loc + " was removed"
	}
	return loc + " was changed from " + old + " to " + new
}

func (d *differ) operation(p, M string, oi, ni *openapi2.PathItem, oo, no *openapi2.Operation) {
	group := M + " " + p
	at := func(kind Kind, line string) Change {
		return Change{Kind: kind, Group: group, Path: p, Method: M, Line: line}
	}
	nameChanged := func() Impact {
		if d.goMethodRenamed(p, M) {
			return Major
		}
		return Patch
	}
	if oo.OperationID != no.OperationID {
		d.rec(at(OperationIDChanged, generic("Operation operationId", oo.OperationID, no.OperationID)), Major, nameChanged)
	}
	on, nn := extString(oo.Extensions, "x-purecloud-method-name"), extString(no.Extensions, "x-purecloud-method-name")
	if on != nn {
		d.rec(at(MethodNameChanged, generic("Operation x-purecloud-method-name", on, nn)), Major, nameChanged)
	}
	if changed, goImpact := d.descChanged(oo.Description, oo.Extensions, no.Description, no.Extensions); changed {
		d.rec(at(DescriptionChanged, "Description was changed"), Patch, goImpact)
	}
	if swagger.Hash(oo.Summary, oo.Extensions, "summary") != swagger.Hash(no.Summary, no.Extensions, "summary") {
		d.rec(at(SummaryChanged, "Summary was changed"), Patch, fixed(Patch))
	}
	if !oo.Deprecated && no.Deprecated {
		d.rec(at(Deprecated, "Has been deprecated"), Major, fixed(Patch))
	}
	if oo.Deprecated && !no.Deprecated {
		d.rec(at(Undeprecated, "Has been undeprecated"), Major, fixed(Patch))
	}

	// Parameters, matched by name.
	oList, nList := oo.Parameters, no.Parameters
	if d.rules == RulesGo {
		oList, nList = effectiveParams(oi, oo), effectiveParams(ni, no)
	}
	oNames, oParams := paramsByName(oList)
	nNames, nParams := paramsByName(nList)
	for _, name := range oNames {
		if _, ok := nParams[name]; ok || generator.IsTombstone(oParams[name].Extensions) {
			continue
		}
		c := at(ParameterRemoved, "Parameter "+name+" was removed")
		c.Parameter = name
		d.rec(c, Major, d.removal)
	}
	for _, name := range nNames {
		np := nParams[name]
		op, ok := oParams[name]
		if ok && generator.IsTombstone(op.Extensions) {
			ok = false
		}
		pc := func(kind Kind, line string) Change {
			c := at(kind, line)
			c.Parameter = name
			return c
		}
		if !ok {
			d.rec(pc(ParameterAdded, "Parameter "+name+" was added"), Major, func() Impact {
				if d.goParam(d.goNew, p, M, name).positional {
					return Major
				}
				return Minor
			})
			continue
		}
		paramGo := func() Impact {
			if d.goParamChanged(p, M, name) {
				return Major
			}
			return Patch
		}
		if op.In != np.In {
			d.rec(pc(ParameterInChanged, generic("Parameter "+name, op.In, np.In)), Major, paramGo)
		}
		if ot, nt := typeName(op.Type), typeName(np.Type); ot != nt {
			d.rec(pc(ParameterTypeChanged, generic("Parameter "+name, ot, nt)), Major, paramGo)
		}
		if changed, goImpact := d.descChanged(op.Description, op.Extensions, np.Description, np.Extensions); changed {
			d.rec(pc(ParameterDescriptionChanged, "Description was changed for parameter "+name), Patch, goImpact)
		}
		// The official differ compares the raw values: no "required" key
		// and "required": false differ.
		if or, nr := swagger.RawRequired(op), swagger.RawRequired(np); or != nr {
			switch {
			case nr == true:
				d.rec(pc(ParameterMadeRequired, "Parameter "+name+" was made required"), Major, paramGo)
			case or == true:
				d.rec(pc(ParameterMadeOptional, "Parameter "+name+" was made optional"), Minor, paramGo)
			case d.raw: // false and absent: optional either way
				d.rec(pc(ParameterMadeOptional, "Parameter "+name+" was made optional"), Minor, fixed(None))
			}
		}
		// What the official differ does not compare.
		if typeName(op.Type) == typeName(np.Type) {
			if of, nf := paramFormat(op), paramFormat(np); of != nf {
				d.recGo(pc(ParameterFormatChanged, "Parameter "+name+" format was changed from "+of+" to "+nf), paramGo)
			}
		}
		if op.Schema != nil || np.Schema != nil {
			if os, ns := schemaShape(op.Schema), schemaShape(np.Schema); os != ns {
				d.recGo(pc(ParameterSchemaChanged, "Parameter "+name+" schema was changed from "+officialType(op.Schema)+" to "+officialType(np.Schema)), paramGo)
			}
		}
		// A value of a string parameter's enum is a constant of its Go
		// type: removing it breaks code using it, adding it adds one.
		// With tombstones the constant stays (generator.Merge), a minor
		// change; a value the last release kept as a tombstone already is
		// not removed again.
		removed, added := enumDiff(paramEnumValues(op), paramEnumValues(np))
		kept := generator.TombstoneEnum(op.Extensions)
		for _, v := range removed {
			if slices.Contains(kept, v) {
				continue
			}
			d.recGo(pc(ParameterEnumChanged, "Enum value "+v+" was removed from parameter "+name), func() Impact {
				if d.goParamConst(d.goOld, p, M, name, v) {
					return d.removal()
				}
				return Patch
			})
		}
		for _, v := range added {
			d.recGo(pc(ParameterEnumChanged, "Enum value "+v+" was added to parameter "+name), func() Impact {
				if d.goParamConst(d.goNew, p, M, name, v) && !d.goParamConst(d.goOld, p, M, name, v) {
					return Minor
				}
				return Patch
			})
		}
	}

	// Responses.
	oCodes, nCodes := responseCodes(d.old, p, M, oo), responseCodes(d.new, p, M, no)
	resultGo := func(otherwise Impact) func() Impact {
		return func() Impact {
			if d.goResultChanged(p, M) {
				return Major
			}
			return otherwise
		}
	}
	for _, code := range oCodes {
		if no.Responses.Value(code) == nil {
			c := at(ResponseRemoved, "Response "+code+" was removed")
			c.Parameter = code
			d.rec(c, Major, resultGo(Patch))
		}
	}
	for _, code := range nCodes {
		nr := no.Responses.Value(code)
		or := oo.Responses.Value(code)
		rc := func(kind Kind, line string) Change {
			c := at(kind, line)
			c.Parameter = code
			return c
		}
		if or == nil {
			d.rec(rc(ResponseAdded, "Response "+code+" was added"), Minor, resultGo(Patch))
			continue
		}
		if nr == nil {
			continue
		}
		if or.Description != nr.Description {
			d.rec(rc(ResponseDescriptionChanged, generic("Response "+code, or.Description, nr.Description)), Patch, fixed(Patch))
		}
		officialSeen := (or.Schema == nil) != (nr.Schema == nil) || (or.Schema != nil && or.Schema.Ref != nr.Schema.Ref)
		if officialSeen {
			d.rec(rc(ResponseTypeChanged, "Response "+code+" type was changed from "+officialType(or.Schema)+" to "+officialType(nr.Schema)), Major, resultGo(Patch))
		} else if schemaShape(or.Schema) != schemaShape(nr.Schema) {
			d.recGo(rc(ResponseSchemaChanged, "Response "+code+" schema was changed from "+officialType(or.Schema)+" to "+officialType(nr.Schema)), resultGo(Patch))
		}
	}

	// Tags.
	for _, t := range oo.Tags {
		if !slices.Contains(no.Tags, t) {
			d.rec(at(TagRemoved, "Tag "+t+" was removed"), Major, fixed(Major))
		}
	}
	for _, t := range no.Tags {
		if !slices.Contains(oo.Tags, t) {
			d.rec(at(TagAdded, "Tag "+t+" was added"), Major, fixed(Minor))
		}
	}
}

func extString(ext map[string]any, key string) string {
	v, ok := ext[key]
	if !ok || v == nil {
		return ""
	}
	return jsString(v)
}

// paramsByName indexes parameters by name: the first occurrence gives the
// position, the last one the value, and names iterate in JavaScript object
// order (integer-like names first), as the official differ's object does.
func paramsByName(list openapi2.Parameters) ([]string, map[string]*openapi2.Parameter) {
	var names []string
	m := map[string]*openapi2.Parameter{}
	for _, p := range list {
		if p == nil {
			continue
		}
		if _, ok := m[p.Name]; !ok {
			names = append(names, p.Name)
		}
		m[p.Name] = p
	}
	return jsOrder(names), m
}

func typeName(t interface{ Slice() []string }) string {
	if t == nil {
		return ""
	}
	s := t.Slice()
	if len(s) == 0 {
		return ""
	}
	return strings.Join(s, ",")
}

// paramFormat describes what of a parameter's type the official differ does
// not compare: format, items and collectionFormat.
// paramEnumValues is the enum of a parameter, or of its items for an array.
func paramEnumValues(p *openapi2.Parameter) []any {
	if len(p.Enum) == 0 && p.Items != nil && p.Items.Value != nil {
		return p.Items.Value.Enum
	}
	return p.Enum
}

func paramFormat(p *openapi2.Parameter) string {
	parts := []string{cmp.Or(p.Format, "none")}
	if p.Items != nil {
		parts = append(parts, "items "+schemaShape(p.Items))
	}
	if p.CollectionFormat != "" {
		parts = append(parts, "collectionFormat "+p.CollectionFormat)
	}
	return strings.Join(parts, ", ")
}

// schemaShape is a canonical text of what of a schema shapes a Go type:
// $ref, type, format, items, additionalProperties, properties (names and
// shapes) and enum presence. Descriptions and the like are left out.
func schemaShape(ref *openapi2.SchemaRef) string {
	var b strings.Builder
	writeShape(&b, ref, 0)
	return b.String()
}

func writeShape(b *strings.Builder, ref *openapi2.SchemaRef, depth int) {
	if ref == nil {
		b.WriteString("_")
		return
	}
	if ref.Ref != "" {
		b.WriteString(ref.Ref)
		return
	}
	s := ref.Value
	if s == nil || depth > 32 {
		b.WriteString("_")
		return
	}
	b.WriteString("{" + typeName(s.Type) + "|" + s.Format)
	if len(s.Enum) > 0 {
		b.WriteString("|enum")
	}
	if s.Items != nil {
		b.WriteString("|items:")
		writeShape(b, s.Items, depth+1)
	}
	if ap := s.AdditionalProperties; ap.Schema != nil {
		b.WriteString("|map:")
		if v2, err := v2(ap.Schema); err == nil {
			writeShape(b, v2, depth+1)
		}
	} else if ap.Has != nil && *ap.Has {
		b.WriteString("|map")
	}
	if s.Properties != nil {
		b.WriteString("|props:")
		for _, k := range slicesSortedKeys(s.Properties) {
			b.WriteString(k + "=")
			writeShape(b, s.Properties[k], depth+1)
			b.WriteString(";")
		}
	}
	b.WriteString("}")
}

func slicesSortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// officialType is the type string of the official differ's lines (its
// documented rule): a $ref gives the definition's name; an array gives its
// items' name or type with "[]" (a plain "array" when its items have
// neither, or it has none); an object with additionalProperties (a schema or
// true) gives "Map<object, T>", T the values' type string ("_undefined_" for
// true); else the type, "_undefined_" when there is none.
func officialType(ref *openapi2.SchemaRef) string {
	if ref == nil {
		return "_undefined_"
	}
	if ref.Ref != "" {
		return ref.Ref[strings.LastIndex(ref.Ref, "/")+1:]
	}
	s := ref.Value
	if s == nil {
		return "_undefined_"
	}
	switch t := typeName(s.Type); t {
	case "array":
		switch it := s.Items; {
		case it == nil:
		case it.Ref != "":
			return officialType(it) + "[]"
		case it.Value != nil && typeName(it.Value.Type) != "":
			return typeName(it.Value.Type) + "[]"
		}
		return t
	case "object":
		switch ap := s.AdditionalProperties; {
		case ap.Schema != nil:
			inner := "_undefined_"
			if v, err := v2(ap.Schema); err == nil {
				inner = officialType(v)
			}
			return "Map<object, " + inner + ">"
		case ap.Has != nil && *ap.Has:
			return "Map<object, _undefined_>"
		}
		return t
	case "":
		return "_undefined_"
	default:
		return t
	}
}

func v2(ref any) (*openapi2.SchemaRef, error) {
	data, err := json.Marshal(ref)
	if err != nil {
		return nil, err
	}
	out := new(openapi2.SchemaRef)
	return out, json.Unmarshal(data, out)
}

// responseCodes lists an operation's response codes in JavaScript object
// order: integer-like keys ascending, then the rest in document order.
func responseCodes(spec *swagger.Spec, p, M string, o *openapi2.Operation) []string {
	if o.Responses == nil {
		return nil
	}
	return jsOrder(swagger.OrderedKeys(spec, swagger.Pointer("paths", p, strings.ToLower(M), "responses"), o.Responses.Map()))
}

// enumDiff returns the values of old not in new (old order) and of new not
// in old (new order), compared by their text (String(v)): 2 and "2" are the
// same value, as they are for the Go API, where every enum value is a string.
func enumDiff(old, new []any) (removed, added []string) {
	return enumDiffBy(old, new, jsString)
}

// strictEnumDiff is enumDiff with JavaScript's strict equality, as the
// official differ compares: 2 and "2" differ, so a list whose values change
// JSON type has each one removed and added.
func strictEnumDiff(old, new []any) (removed, added []string) {
	return enumDiffBy(old, new, strictKey)
}

func enumDiffBy(old, new []any, key func(any) string) (removed, added []string) {
	os, ns := enumKeys(old, key), enumKeys(new, key)
	for i, k := range os {
		if !slices.Contains(ns, k) {
			removed = append(removed, jsString(old[i]))
		}
	}
	for i, k := range ns {
		if !slices.Contains(os, k) {
			added = append(added, jsString(new[i]))
		}
	}
	return removed, added
}

func enumKeys(vals []any, key func(any) string) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = key(v)
	}
	return out
}

// strictKey is a key equal for two JSON values that JavaScript's === finds
// equal: same type and value (an array or object is compared by its text,
// where === would compare references; enums of those do not occur).
func strictKey(v any) string {
	switch v.(type) {
	case string:
		return "s" + jsString(v)
	case float64, int, int64:
		return "n" + jsString(v)
	case bool:
		return "b" + jsString(v)
	case nil:
		return "null"
	}
	data, _ := json.Marshal(v)
	return "o" + string(data)
}

// skippedModels are definitions the official differ never looks into.
var skippedModels = map[string]bool{"ArrayNode": true, "JsonNode": true}

func (d *differ) model(name string, od, nd *openapi2.SchemaRef, existed bool) {
	mc := func(kind Kind, prop, line string) Change {
		return Change{Kind: kind, Group: name, Model: name, Property: prop, Line: line}
	}
	ns := schemaValue(nd)
	if !existed {
		if ns != nil && ns.Properties != nil && !skippedModels[name] {
			d.rec(mc(ModelAdded, "", "Model was added"), Minor, fixed(Minor))
		} else if ns != nil {
			d.recGo(mc(ModelAdded, "", "Model was added"), fixed(Minor))
		}
		return
	}
	os := schemaValue(od)
	if os == nil || ns == nil {
		return
	}
	if swagger.Hash(os.Description, os.Extensions, "description") != swagger.Hash(ns.Description, ns.Extensions, "description") {
		d.recGo(mc(ModelDescriptionChanged, "", "Description was changed"), fixed(Patch))
	}
	if os.Properties == nil || ns.Properties == nil || skippedModels[name] {
		if (os.Properties == nil) != (ns.Properties == nil) {
			line := "Model lost all its properties"
			if os.Properties == nil {
				line = "Model gained properties"
			}
			d.recGo(mc(ModelShapeChanged, "", line), func() Impact { return d.goModelImpact(name, Patch) })
		}
		return
	}
	optr := swagger.Pointer("definitions", name, "properties")
	for _, prop := range jsOrder(swagger.OrderedKeys(d.old, optr, os.Properties)) {
		if _, ok := ns.Properties[prop]; ok || generator.IsTombstone(schemaExt(os.Properties[prop])) {
			continue
		}
		d.rec(mc(PropertyRemoved, prop, "Property "+prop+" was removed"), Major, d.removal)
	}
	for _, prop := range jsOrder(swagger.OrderedKeys(d.new, optr, ns.Properties)) {
		np := ns.Properties[prop]
		op, ok := os.Properties[prop]
		if ok && generator.IsTombstone(schemaExt(op)) {
			ok = false
		}
		if !ok {
			if slices.Contains(ns.Required, prop) {
				d.rec(mc(RequiredPropertyAdded, prop, "Required property "+prop+" was added"), Major, fixed(Minor))
			} else {
				d.rec(mc(OptionalPropertyAdded, prop, "Optional property "+prop+" was added"), Minor, fixed(Minor))
			}
			continue
		}
		fieldGo := func(otherwise Impact) func() Impact {
			return func() Impact {
				if d.goFieldChanged(name, prop) {
					return Major
				}
				return otherwise
			}
		}
		ot, nt := officialType(op), officialType(np)
		if ot != nt {
			d.rec(mc(PropertyTypeChanged, prop, "Property "+prop+" was changed from "+ot+" to "+nt), Major, fieldGo(Patch))
		}
		ov, nv := schemaValue(op), schemaValue(np)
		oro, nro := d.readOnly(op), d.readOnly(np)
		if !oro && nro {
			d.rec(mc(PropertyMadeReadOnly, prop, prop+" has been made readonly"), Major, fixed(Patch))
		}
		if oro && !nro {
			d.rec(mc(PropertyNoLongerReadOnly, prop, prop+" is no longer readonly"), Minor, fixed(Patch))
		}
		// An empty enum list is an enum for the official differ.
		oe, ne := d.propEnum(ov), d.propEnum(nv)
		if oe == nil && ne != nil {
			d.rec(mc(PropertyEnumAdded, prop, "Values are now constrained by enum members"), Major, fieldGo(Patch))
		}
		if oe != nil && ne == nil {
			d.rec(mc(PropertyEnumRemoved, prop, "Values are no longer constrained by enum members"), Minor, fieldGo(Patch))
		}
		if oe != nil && ne != nil {
			diff := enumDiff
			if d.rules == RulesOfficial {
				diff = strictEnumDiff
			}
			removed, added := diff(oe, ne)
			kept := tombEnum(ov)
			for _, v := range removed {
				if slices.Contains(kept, v) {
					continue
				}
				d.rec(mc(EnumValueRemoved, prop, "Enum value "+v+" was removed from property "+prop), Major, func() Impact {
					if d.goFieldIsEnum(name, prop) {
						return d.removal()
					}
					return Patch
				})
			}
			for _, v := range added {
				d.rec(mc(EnumValueAdded, prop, "Enum value "+v+" was added to property "+prop), Minor, func() Impact {
					if d.goFieldIsEnum(name, prop) {
						return Minor
					}
					return Patch
				})
			}
		}
		// What the official differ does not compare.
		if ot == nt && ov != nil && nv != nil {
			if ov.Format != nv.Format {
				d.recGo(mc(PropertyFormatChanged, prop, "Property "+prop+" format was changed from "+cmp.Or(ov.Format, "none")+" to "+cmp.Or(nv.Format, "none")), fieldGo(Patch))
			} else if schemaShapeNoEnum(op) != schemaShapeNoEnum(np) {
				d.recGo(mc(PropertyItemsChanged, prop, "Property "+prop+" items were changed"), fieldGo(Patch))
			}
		}
		if or, nr := slices.Contains(os.Required, prop), slices.Contains(ns.Required, prop); or != nr {
			line := "Property " + prop + " was made required"
			if or {
				line = "Property " + prop + " was made optional"
			}
			d.recGo(mc(PropertyRequiredChanged, prop, line), fixed(Patch))
		}
		if ov != nil && nv != nil && swagger.Hash(ov.Description, ov.Extensions, "description") != swagger.Hash(nv.Description, nv.Extensions, "description") {
			d.recGo(mc(PropertyDescriptionChanged, prop, "Description was changed for property "+prop), fixed(Patch))
		}
	}
}

func schemaValue(ref *openapi2.SchemaRef) *openapi2.Schema {
	if ref == nil {
		return nil
	}
	return ref.Value
}

// propEnum is a property's enum, or its array items' enum: nil when it has
// none, empty (not nil) for an empty list (when both sides record it).
func (d *differ) propEnum(s *openapi2.Schema) []any {
	var e []any
	switch {
	case s == nil:
	case s.Enum != nil:
		e = s.Enum
	case s.Items != nil && s.Items.Value != nil:
		e = s.Items.Value.Enum
	}
	if len(e) == 0 && !d.raw {
		return nil
	}
	return e
}

// readOnly is a property's readOnly, beside a $ref too when both sides
// record it.
func (d *differ) readOnly(ref *openapi2.SchemaRef) bool {
	if ref != nil && ref.Ref != "" && !d.raw {
		return false
	}
	return swagger.ReadOnly(ref)
}

// tombEnum lists the enum values a schema keeps as tombstones.
func tombEnum(s *openapi2.Schema) []string {
	if s == nil {
		return nil
	}
	return generator.TombstoneEnum(s.Extensions)
}

// schemaShapeNoEnum is schemaShape of a property whose enum changes are
// reported on their own.
func schemaShapeNoEnum(ref *openapi2.SchemaRef) string {
	return strings.ReplaceAll(schemaShape(ref), "|enum", "")
}
