package generator

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/purecloud-go/platform-client/swagger"
)

var pathParam = regexp.MustCompile(`\{([^{}]*)\}`)

// buildOperations groups the operations by tag into APIs. An operation with
// several tags appears in each of their APIs.
func (b *builder) buildOperations() []*API {
	apis := map[string]*API{} // by tag
	tagDescriptions := map[string]string{}
	for _, t := range b.doc.Tags {
		if t != nil {
			tagDescriptions[t.Name] = t.Description
		}
	}
	for _, path := range swagger.OrderedKeys(b.spec, "/paths", b.doc.Paths) {
		item := b.doc.Paths[path]
		pat := "paths." + path
		if item == nil {
			b.errorf(pat, "the path item is empty")
			continue
		}
		if item.Ref != "" {
			b.errorf(pat, "a path item $ref is not supported")
			continue
		}
		ops := item.Operations()
		for _, method := range swagger.MethodOrder(b.spec, path, item) {
			at := pat + "." + method
			o := ops[strings.ToUpper(method)]
			op := b.buildOperation(path, strings.ToUpper(method), item, o, at)
			if op == nil {
				continue
			}
			// A tag listed twice puts the method in its API once.
			for i, tag := range o.Tags {
				if slices.Contains(o.Tags[:i], tag) {
					continue
				}
				api := apis[tag]
				if api == nil {
					name, ok := b.names.APIs[tag]
					if !ok {
						b.errorf(at, "the tag %q cannot become a Go type name", tag)
						continue
					}
					api = &API{Tag: tag, Name: name, Package: strings.ToLower(name), Description: tagDescriptions[tag]}
					apis[tag] = api
				}
				api.Operations = append(api.Operations, b.namedIn(tag, op, i > 0))
			}
		}
	}
	out := make([]*API, 0, len(apis))
	for _, api := range apis {
		slices.SortFunc(api.Operations, func(x, y *Operation) int { return cmp.Compare(x.Name, y.Name) })
		nameAPITypes(api)
		out = append(out, api)
	}
	slices.SortFunc(out, func(x, y *API) int { return cmp.Compare(x.Name, y.Name) })
	return out
}

// namedIn returns op as the method of tag's API: op itself for its first
// tag, or a copy for a further tag (each API names its own options and enum
// types) or under the name Names gave it there when it differs (two
// operations of one API with the same method name).
func (b *builder) namedIn(tag string, op *Operation, further bool) *Operation {
	name := b.names.Methods[MethodKey(tag, op.Method, op.Path)]
	if !further && (name == "" || name == op.Name) {
		return op
	}
	c := *op
	if name != "" {
		c.Name = name
	}
	c.Params, c.Positional, c.Options = nil, nil, nil
	for _, p := range op.Params {
		cp := *p
		c.Params = append(c.Params, &cp)
		if cp.Required {
			c.Positional = append(c.Positional, &cp)
		} else {
			c.Options = append(c.Options, &cp)
		}
	}
	return &c
}

// nameAPITypes names the types declared in the API's package, unique within
// it: the options struct of each operation, then the enum types of the
// parameters, then their constants, so that a new enum never renames an
// options type and a new constant never renames a type. Every operation has
// an options struct, even without optional parameters, so that the API adding
// one never changes a method's signature.
func nameAPITypes(api *API) {
	taken := map[string]bool{api.Name: true, "New": true}
	for _, op := range api.Operations {
		op.OptionsType = uniqueName(taken, op.Name+"Options")
	}
	for _, op := range api.Operations {
		for _, p := range op.Params {
			if e := paramEnum(op, p, taken); e != nil {
				api.Enums = append(api.Enums, e)
			}
		}
	}
	for _, e := range api.Enums {
		nameConsts(e, taken)
	}
}

// firstOfEach returns values without the repeats of a value.
func firstOfEach(values []string) []string {
	seen := make(map[string]bool, len(values))
	out := values[:0:0]
	for _, v := range values {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// paramEnum gives a string (or array of strings) parameter with an enum a
// named type of its own, <Method><Field>, and returns it; nil for other
// parameters.
func paramEnum(op *Operation, p *Param, taken map[string]bool) *Enum {
	t := p.Type
	if p.In == "body" || len(p.Enum) == 0 || t == nil {
		return nil
	}
	array := t.Kind == KindArray
	if array {
		t = t.Elem
	}
	if t.Kind != KindString {
		return nil
	}
	e := &Enum{Name: uniqueName(taken, op.Name+p.Field), Model: op.OptionsType, Field: p.Field, Param: true}
	if p.Required {
		e.Model, e.Field, e.Arg = op.Name, p.Var, true
	}
	for _, v := range p.Enum { // without repeats (buildParam)
		label, gone := p.TombstoneEnum[v]
		e.Values = append(e.Values, EnumValue{Value: v, Tombstone: gone, RemovedIn: label})
	}
	et := &Type{Kind: KindEnum, Name: e.Name, Local: true, Format: t.Format}
	if array {
		p.Type = &Type{Kind: KindArray, Elem: et}
	} else {
		p.Type = et
	}
	return e
}

func (b *builder) buildOperation(path, method string, item *openapi2.PathItem, o *openapi2.Operation, at string) *Operation {
	if o == nil {
		b.errorf(at, "the operation is empty")
		return nil
	}
	nameSrc, _ := o.Extensions["x-purecloud-method-name"].(string)
	if nameSrc == "" {
		nameSrc = o.OperationID
	}
	if nameSrc == "" {
		b.errorf(at, "the operation has neither x-purecloud-method-name nor operationId")
		return nil
	}
	name := typeName(nameSrc)
	if !validIdent(name) {
		b.errorf(at, "the method name %q cannot become a Go identifier", nameSrc)
		return nil
	}
	if len(o.Tags) == 0 {
		b.errorf(at, "the operation has no tag, so it belongs to no API")
		return nil
	}
	op := &Operation{
		ID:          o.OperationID,
		Name:        name,
		Method:      method,
		Path:        path,
		Summary:     o.Summary,
		Description: o.Description,
		Deprecated:  o.Deprecated,
		Tombstone:   IsTombstone(o.Extensions),
		RemovedIn:   removedIn(o.Extensions),
		Permissions: permissions(o.Extensions["x-inin-requires-permissions"]),
		Scopes:      b.scopes(o),
	}
	op.APIKeyScheme, op.APIKeyHeader = b.apiKey(o)
	errsBefore := len(b.errs)
	b.buildParams(op, item, o, at)
	b.buildResult(op, o, at)
	op.Accept = accept(firstNonEmpty(o.Produces, b.doc.Produces))
	for _, p := range op.Params {
		if p.In == "body" && !p.Tombstone {
			op.ContentType = contentType(firstNonEmpty(o.Consumes, b.doc.Consumes))
		}
	}
	if len(b.errs) > errsBefore {
		return nil
	}
	return op
}

func firstNonEmpty(lists ...[]string) []string {
	for _, l := range lists {
		if len(l) > 0 {
			return l
		}
	}
	return nil
}

// accept picks the Accept header: JSON when the operation produces it.
func accept(produces []string) string {
	switch {
	case len(produces) == 0 || slices.Contains(produces, "application/json"):
		return "application/json"
	default:
		return strings.Join(produces, ", ")
	}
}

func contentType(consumes []string) string {
	if len(consumes) == 0 || slices.Contains(consumes, "application/json") {
		return "application/json"
	}
	return consumes[0]
}

func permissions(ext any) *Permissions {
	m, ok := ext.(map[string]any)
	if !ok {
		return nil
	}
	list, _ := m["permissions"].([]any)
	p := &Permissions{All: strings.EqualFold(fmt.Sprint(m["type"]), "ALL")}
	for _, v := range list {
		if s, ok := v.(string); ok {
			p.List = append(p.List, s)
		}
	}
	if len(p.List) == 0 {
		return nil
	}
	return p
}

// security returns the operation's security requirements: its own, or the
// spec's when it has none.
func (b *builder) security(o *openapi2.Operation) openapi2.SecurityRequirements {
	if o.Security != nil {
		return *o.Security
	}
	return b.doc.Security
}

// scopes lists the OAuth scopes the operation's security requirements name.
func (b *builder) scopes(o *openapi2.Operation) []string {
	var out []string
	for _, req := range b.security(o) {
		for _, scheme := range slices.Sorted(maps.Keys(req)) {
			if def := b.doc.SecurityDefinitions[scheme]; def == nil || def.Type != "oauth2" {
				continue
			}
			for _, s := range req[scheme] {
				if !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// apiKey returns the first apiKey security scheme sent in a header that the
// operation's security requirements name, and that header; "" for none. A
// key sent in the query is left out: the spec has none, and the runtime
// sets per-call headers only.
func (b *builder) apiKey(o *openapi2.Operation) (scheme, header string) {
	for _, req := range b.security(o) {
		for _, name := range slices.Sorted(maps.Keys(req)) {
			if def := b.doc.SecurityDefinitions[name]; def != nil && def.Type == "apiKey" && def.In == "header" && def.Name != "" {
				return name, def.Name
			}
		}
	}
	return "", ""
}

// buildParams resolves the operation's parameters (path-level ones first,
// overridden by operation-level ones with the same name and location) and
// checks them against the path template.
func (b *builder) buildParams(op *Operation, item *openapi2.PathItem, o *openapi2.Operation, at string) {
	type key struct{ in, name string }
	type source struct {
		p   *openapi2.Parameter
		at  string // location in error messages
		ptr string // JSON pointer, for the key order of an inline body schema
	}
	var all []source
	index := map[key]int{}
	add := func(list openapi2.Parameters, where string, ptr ...string) {
		for i, p := range list {
			src := source{p, fmt.Sprintf("%s.parameters[%d]", where, i), swagger.Pointer(append(ptr, "parameters", strconv.Itoa(i))...)}
			if p == nil {
				b.errorf(src.at, "the parameter is empty")
				continue
			}
			if p.Ref != "" {
				resolved := b.paramRef(p.Ref, src.at)
				if resolved == nil {
					continue
				}
				src.p, src.ptr = resolved, swagger.Pointer("parameters", strings.TrimPrefix(p.Ref, "#/parameters/"))
			}
			src.at += " (" + src.p.Name + ")"
			k := key{src.p.In, src.p.Name}
			if j, ok := index[k]; ok {
				all[j] = src
				continue
			}
			index[k] = len(all)
			all = append(all, src)
		}
	}
	method := strings.ToLower(op.Method)
	add(item.Parameters, strings.TrimSuffix(at, "."+method), "paths", op.Path)
	add(o.Parameters, at, "paths", op.Path, method)

	fields := map[string]bool{NullFieldsName: true} // an option of its own (bodies.go)
	vars := map[string]bool{}
	inPath := map[string]bool{}
	for _, m := range pathParam.FindAllStringSubmatch(op.Path, -1) {
		inPath[m[1]] = true
	}
	declared := map[string]bool{}
	for _, src := range all {
		p, pat := src.p, src.at
		param := b.buildParam(op, p, pat, src.ptr)
		if param == nil {
			continue
		}
		if p.In == "path" && !param.Tombstone {
			declared[p.Name] = true
			if !inPath[p.Name] {
				b.errorf(pat, "the path parameter %q does not appear in the path %s", p.Name, op.Path)
				continue
			}
		}
		field := exportedName(p.Name)
		v := varName(p.Name)
		if field == "" || v == "" {
			b.errorf(pat, "the parameter name %q cannot become a Go identifier", p.Name)
			continue
		}
		if !validIdent(field) {
			field = "P" + field
		}
		param.Field = uniqueName(fields, field)
		param.Var = uniqueName(vars, v)
		op.Params = append(op.Params, param)
		if param.Required {
			op.Positional = append(op.Positional, param)
		} else {
			op.Options = append(op.Options, param)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(inPath)) {
		if !declared[name] {
			b.errorf(at, "the path %s has {%s} but the operation declares no path parameter %q", op.Path, name, name)
		}
	}
}

func (b *builder) paramRef(ref, at string) *openapi2.Parameter {
	const prefix = "#/parameters/"
	if !strings.HasPrefix(ref, prefix) {
		b.errorf(at, "unsupported $ref %q: only #/parameters/<name> is supported for parameters", ref)
		return nil
	}
	p := b.doc.Parameters[strings.TrimPrefix(ref, prefix)]
	if p == nil {
		b.errorf(at, "$ref %q points to a parameter that does not exist", ref)
		return nil
	}
	return p
}

func (b *builder) buildParam(op *Operation, p *openapi2.Parameter, at, ptr string) *Param {
	if p.Name == "" {
		b.errorf(at, "the parameter has no name")
		return nil
	}
	param := &Param{
		Name:        p.Name,
		In:          p.In,
		Required:    p.Required,
		Description: p.Description,
		Enum:        enumStrings(p.Enum),
		Tombstone:   IsTombstone(p.Extensions),
		RemovedIn:   removedIn(p.Extensions),
	}
	if p.Default != nil {
		param.Default = fmt.Sprint(p.Default)
	}
	if p.Type.Is("array") && p.Items != nil && p.Items.Value != nil && len(param.Enum) == 0 {
		param.Enum = enumStrings(p.Items.Value.Enum) // the allowed values of each item
	}
	param.Enum = firstOfEach(param.Enum)
	if gone := TombstoneEnum(p.Extensions); len(gone) > 0 {
		labels, _ := p.Extensions[ExtRemovedInEnum].(map[string]any)
		param.TombstoneEnum = make(map[string]string, len(gone))
		for _, v := range gone {
			param.TombstoneEnum[v], _ = labels[v].(string)
		}
	}

	switch p.In {
	case "body":
		param.Type = b.schemaType(p.Schema, at+".schema", typeOwner{inline: op.Name + "Body", ptr: ptr + "/schema"}, 0)
	case "path":
		param.Required = true // Swagger 2.0 requires it; a spec that forgets still means it
		param.Type = b.simpleParamType(p, at)
	case "query", "header":
		param.Type = b.simpleParamType(p, at)
		if param.Type != nil && param.Type.Kind == KindArray {
			param.Collection = p.CollectionFormat
			switch p.CollectionFormat {
			case "":
				param.Collection = "csv"
			case "csv", "ssv", "tsv", "pipes":
			case "multi":
				if p.In != "query" {
					b.errorf(at, "collectionFormat multi is only valid for query parameters")
					return nil
				}
			default:
				b.errorf(at, "unknown collectionFormat %q", p.CollectionFormat)
				return nil
			}
		}
	case "formData":
		b.errorf(at, "formData parameters are not supported")
		return nil
	default:
		b.errorf(at, "unknown parameter location %q", p.In)
		return nil
	}
	if param.Type == nil {
		return nil
	}
	return param
}

// simpleParamType is the type of a path, query or header parameter: a
// scalar, or for query and header parameters an array of scalars.
func (b *builder) simpleParamType(p *openapi2.Parameter, at string) *Type {
	if p.Type == nil || len(p.Type.Slice()) != 1 {
		b.errorf(at, "the parameter needs exactly one type")
		return nil
	}
	switch typ := p.Type.Slice()[0]; typ {
	case "string", "integer", "number", "boolean":
		return scalarType(typ, p.Format)
	case "array":
		if p.In == "path" {
			b.errorf(at, "array path parameters are not supported")
			return nil
		}
		if p.Items == nil || p.Items.Value == nil || p.Items.Value.Type == nil || len(p.Items.Value.Type.Slice()) != 1 {
			b.errorf(at, "an array parameter needs items with one type")
			return nil
		}
		it := p.Items.Value
		switch typ := it.Type.Slice()[0]; typ {
		case "string", "integer", "number", "boolean":
			return &Type{Kind: KindArray, Elem: scalarType(typ, it.Format)}
		default:
			b.errorf(at, "array parameters of %q items are not supported", typ)
			return nil
		}
	default:
		b.errorf(at, "unsupported parameter type %q", typ)
		return nil
	}
}

// buildResult picks the result type: the schema of the lowest 2xx status
// code that has one.
func (b *builder) buildResult(op *Operation, o *openapi2.Operation, at string) {
	if o.Responses == nil {
		b.errorf(at, "the operation has no responses")
		return
	}
	var codes []string
	for code := range o.Responses.Map() {
		if len(code) == 3 && code[0] == '2' {
			if _, err := strconv.Atoi(code); err == nil {
				codes = append(codes, code)
			}
		}
	}
	slices.Sort(codes)
	types := map[string]*Type{}
	for _, code := range codes {
		r := o.Responses.Value(code)
		rat := at + ".responses." + code
		if r == nil {
			b.errorf(rat, "the response is empty")
			continue
		}
		if r.Ref != "" {
			b.errorf(rat, "a response $ref is not supported")
			continue
		}
		if r.Schema == nil {
			continue
		}
		ptr := swagger.Pointer("paths", op.Path, strings.ToLower(op.Method), "responses", code, "schema")
		t := b.schemaType(r.Schema, rat+".schema", typeOwner{inline: op.Name + "Response", ptr: ptr}, 0)
		if t == nil {
			continue
		}
		types[code] = t
		if op.Result == nil {
			op.Result, op.ResultStatus = t, code
		}
	}
	if op.Result == nil {
		return
	}
	for _, code := range codes {
		if code == op.ResultStatus {
			continue
		}
		t := types[code]
		if t == nil || !sameType(t, op.Result) {
			op.OtherResults = append(op.OtherResults, AltResult{Status: code, Type: t})
		}
	}
}

func sameType(x, y *Type) bool {
	if x == nil || y == nil {
		return x == y
	}
	return x.Kind == y.Kind && x.Name == y.Name && sameType(x.Elem, y.Elem)
}
