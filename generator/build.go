package generator

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/purecloud-go/platform-client/swagger"
)

// maxErrors bounds how many problems one Build reports.
const maxErrors = 25

// maxSchemaDepth bounds the nesting of inline schemas.
const maxSchemaDepth = 32

// Names the models package declares itself; a definition that takes one of
// them is renamed with a "Model" suffix.
var builtinModelTypes = []string{"DateTime", "Date", "LocalDateTime", "LocalTime"}

// Build turns a loaded spec into the intermediate model of an SDK whose Go
// module path is module. It reports every problem it finds (up to a limit),
// each with its location in the spec.
func Build(spec *swagger.Spec, module string) (*SDK, error) {
	return BuildNamed(spec, module, nil)
}

// BuildNamed is Build keeping the Go names prior gave (see Names): the names
// the last release gave, so that what it exposed keeps its name.
func BuildNamed(spec *swagger.Spec, module string, prior *Names) (*SDK, error) {
	b := &builder{
		spec:  spec,
		doc:   spec.Doc,
		defs:  map[string]*Model{},
		taken: map[string]bool{},
		names: NameSpec(spec, prior),
	}
	sdk := &SDK{Module: module, Title: b.doc.Info.Title, Description: b.doc.Info.Description, Host: b.doc.Host, Names: b.names}
	b.nameDefinitions()
	b.buildDefinitions()
	sdk.APIs = b.buildOperations()
	b.detectPaging(sdk.APIs)
	sdk.JobNotes = b.detectJobs(sdk.APIs)
	b.nameEnumValues()
	if len(b.errs) > 0 {
		return nil, b.err()
	}
	sdk.Models = b.models
	slices.SortFunc(sdk.Models, func(x, y *Model) int { return cmp.Compare(x.Name, y.Name) })
	assignFiles(sdk.Models)
	return sdk, nil
}

type builder struct {
	spec   *swagger.Spec
	doc    *openapi2.T
	errs   []error
	defs   map[string]*Model // by definition name
	models []*Model
	enums  []*Enum
	// taken holds every type name of the models package.
	taken map[string]bool
	// names are the Go names of definitions, tags and methods.
	names *Names
}

func (b *builder) errorf(at string, format string, args ...any) {
	b.errs = append(b.errs, fmt.Errorf("%s: %s", at, fmt.Sprintf(format, args...)))
}

func (b *builder) err() error {
	slices.SortStableFunc(b.errs, func(x, y error) int { return cmp.Compare(x.Error(), y.Error()) })
	errs := b.errs
	if len(errs) > maxErrors {
		errs = append(errs[:maxErrors:maxErrors], fmt.Errorf("and %d more problems", len(b.errs)-maxErrors))
	}
	return errors.Join(errs...)
}

func defLoc(name string) string { return "definitions." + name }

// nameDefinitions gives every definition its Go type name.
func (b *builder) nameDefinitions() {
	for _, n := range builtinModelTypes {
		b.taken[n] = true
	}
	for _, name := range slices.Sorted(maps.Keys(b.doc.Definitions)) {
		goName, ok := b.names.Types[name]
		if !ok {
			b.errorf(defLoc(name), "the definition name %q cannot become a Go type name", name)
			continue
		}
		b.taken[goName] = true
		m := &Model{Name: goName, SpecName: name}
		// Known before any field is built, so that every reference to a
		// definition without properties gets the same type, whatever the
		// order definitions are built in.
		if ref := b.doc.Definitions[name]; ref != nil && ref.Ref == "" && ref.Value != nil && len(ref.Value.Properties) == 0 {
			m.Freeform = true
		}
		b.defs[name] = m
		b.models = append(b.models, m)
	}
}

// buildDefinitions fills the fields of every definition's model, in name
// order so that names given to enums and inline models do not depend on the
// order of the spec.
func (b *builder) buildDefinitions() {
	for _, name := range slices.Sorted(maps.Keys(b.defs)) {
		m := b.defs[name]
		ref := b.doc.Definitions[name]
		at := defLoc(name)
		if ref == nil || (ref.Ref == "" && ref.Value == nil) {
			b.errorf(at, "the definition is empty")
			continue
		}
		if ref.Ref != "" {
			b.errorf(at, "a definition that is only a $ref (%s) is not supported", ref.Ref)
			continue
		}
		s := ref.Value
		m.Description = s.Description
		m.Tombstone, m.RemovedIn = IsTombstone(s.Extensions), removedIn(s.Extensions)
		if len(s.Properties) == 0 && (s.Type.Is("array") || (s.Type.Is("object") || s.Type == nil) && hasAdditional(s)) {
			// A named slice or map type.
			m.Underlying = b.schemaType(ref, at, typeOwner{model: m, field: "Item", ptr: swagger.Pointer("definitions", name)}, 1)
			continue
		}
		if len(s.Properties) == 0 {
			if err := checkObjectSchema(s); err != "" {
				b.errorf(at, "%s", err)
				continue
			}
			continue // Freeform, set by nameDefinitions
		}
		b.fillModel(m, s, at, swagger.Pointer("definitions", name, "properties"), 0)
	}
}

// hasAdditional reports whether an object schema has additionalProperties
// (a schema, or true).
func hasAdditional(s *openapi2.Schema) bool {
	ap := s.AdditionalProperties
	return ap.Schema != nil || ap.Has != nil && *ap.Has
}

// checkObjectSchema reports why a schema without properties cannot be a
// definition of its own, or "".
func checkObjectSchema(s *openapi2.Schema) string {
	switch {
	case len(s.AllOf) > 0:
		return "allOf is not supported"
	case s.Type != nil && !s.Type.Is("object"):
		return fmt.Sprintf("a definition of type %q without properties is not supported", strings.Join(s.Type.Slice(), ","))
	}
	return ""
}

// fillModel builds the fields of m from an object schema.
func (b *builder) fillModel(m *Model, s *openapi2.Schema, at, propsPtr string, depth int) {
	if len(s.AllOf) > 0 {
		b.errorf(at, "allOf is not supported")
		return
	}
	required := map[string]bool{}
	for _, r := range s.Required {
		required[r] = true
	}
	fieldNames := map[string]bool{}
	for _, prop := range swagger.OrderedKeys(b.spec, propsPtr, s.Properties) {
		pat := at + ".properties." + prop
		if !validJSONName(prop) {
			b.errorf(pat, "the property name %q cannot be written in a Go struct tag", prop)
			continue
		}
		name := exportedName(prop)
		if name == "" {
			name = fallbackFieldName(prop)
		}
		if !validIdent(name) {
			name = "X" + name
		}
		f := &Field{
			Name:     uniqueName(fieldNames, name),
			JSON:     prop,
			Required: required[prop],
		}
		ref := s.Properties[prop]
		if ref != nil {
			f.Tombstone, f.RemovedIn = IsTombstone(ref.Extensions), removedIn(ref.Extensions)
			// A $ref's own readOnly sits beside it (the loader keeps it).
			f.ReadOnly = swagger.ReadOnly(ref)
		}
		if ref != nil && ref.Value != nil {
			ps := ref.Value
			if IsTombstone(ps.Extensions) {
				f.Tombstone, f.RemovedIn = true, removedIn(ps.Extensions)
			}
			f.Description = ps.Description
			f.ReadOnly = f.ReadOnly || ps.ReadOnly
			f.Format = ps.Format
			if ps.Type.Is("integer") {
				f.Enum = enumStrings(ps.Enum)
			}
		}
		f.Type = b.schemaType(ref, pat, typeOwner{model: m, field: f.Name, ptr: propsPtr + "/" + swaggerEscape(prop)}, depth+1)
		if f.Type == nil {
			continue
		}
		m.Fields = append(m.Fields, f)
	}
}

// validJSONName reports whether encoding/json takes name from a struct tag:
// letters, digits and the punctuation it allows, nothing else.
func validJSONName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return true
}

func swaggerEscape(token string) string {
	return strings.TrimPrefix(swagger.Pointer(token), "/")
}

// typeOwner says where a schema sits, which names the enums and inline
// models it declares. A zero owner (parameters, bodies and results) declares
// no enum: string enums stay strings there.
type typeOwner struct {
	model  *Model
	field  string
	inline string // name for an inline object schema when model is nil
	ptr    string // JSON pointer of the schema, for the key order of its properties
}

var definitionRef = regexp.MustCompile(`^#/definitions/([^/]+)$`)

// schemaType resolves a schema to a Type, or reports why it cannot and
// returns nil.
func (b *builder) schemaType(ref *openapi2.SchemaRef, at string, owner typeOwner, depth int) *Type {
	if depth > maxSchemaDepth {
		b.errorf(at, "schemas nested deeper than %d levels", maxSchemaDepth)
		return nil
	}
	if ref == nil {
		b.errorf(at, "the schema is missing")
		return nil
	}
	if ref.Ref != "" {
		return b.refType(ref.Ref, at)
	}
	s := ref.Value
	if s == nil {
		b.errorf(at, "the schema is missing")
		return nil
	}
	return b.inlineType(s, at, owner, depth)
}

// refType resolves a $ref to a definition.
func (b *builder) refType(ref, at string) *Type {
	match := definitionRef.FindStringSubmatch(ref)
	if match == nil {
		b.errorf(at, "unsupported $ref %q: only #/definitions/<name> is supported", ref)
		return nil
	}
	name := strings.NewReplacer("~1", "/", "~0", "~").Replace(match[1])
	m, ok := b.defs[name]
	if !ok {
		if _, exists := b.doc.Definitions[name]; exists {
			return nil // the definition has its own error
		}
		b.errorf(at, "$ref %q points to a definition that does not exist", ref)
		return nil
	}
	if m.Freeform {
		return &Type{Kind: KindFreeform, Name: m.Name}
	}
	return &Type{Kind: KindModel, Name: m.Name}
}

func (b *builder) inlineType(s *openapi2.Schema, at string, owner typeOwner, depth int) *Type {
	if len(s.AllOf) > 0 {
		b.errorf(at, "allOf is not supported")
		return nil
	}
	typ := ""
	if s.Type != nil {
		switch ts := s.Type.Slice(); len(ts) {
		case 0:
		case 1:
			typ = ts[0]
		default:
			b.errorf(at, "a schema with several types (%s) is not supported", strings.Join(ts, ", "))
			return nil
		}
	}
	switch typ {
	case "string", "integer", "number", "boolean":
		if typ == "string" && len(s.Enum) > 0 && owner.model != nil {
			return b.enumType(s, at, owner)
		}
		return scalarType(typ, s.Format)
	case "array":
		if s.Items == nil {
			// Items of any JSON value: []any, as for an inline object
			// without properties.
			return &Type{Kind: KindArray, Elem: &Type{Kind: KindAny}}
		}
		elemOwner := owner
		elemOwner.ptr += "/items"
		elem := b.schemaType(s.Items, at+".items", elemOwner, depth+1)
		if elem == nil {
			return nil
		}
		return &Type{Kind: KindArray, Elem: elem}
	case "object", "":
		return b.objectType(s, at, owner, depth)
	}
	b.errorf(at, "unsupported type %q", typ)
	return nil
}

// v2Schema converts the schema of additionalProperties, which kin-openapi's
// openapi2 package decodes with its OpenAPI 3 type, back to a Swagger 2.0
// schema, so that one resolver handles every schema.
func v2Schema(ref *openapi3.SchemaRef) (*openapi2.SchemaRef, error) {
	data, err := json.Marshal(ref)
	if err != nil {
		return nil, fmt.Errorf("cannot read the schema: %w", err)
	}
	out := new(openapi2.SchemaRef)
	if err := json.Unmarshal(data, out); err != nil {
		return nil, fmt.Errorf("cannot read the schema: %w", err)
	}
	return out, nil
}

// scalarType maps a string, integer, number or boolean type and its format.
func scalarType(typ, format string) *Type {
	switch typ {
	case "integer":
		if format == "int32" {
			return &Type{Kind: KindInt32}
		}
		return &Type{Kind: KindInt64, Format: format}
	case "number":
		if format == "float" {
			return &Type{Kind: KindFloat32}
		}
		return &Type{Kind: KindFloat64, Format: format}
	case "boolean":
		return &Type{Kind: KindBool}
	}
	switch format {
	case "date-time":
		return &Type{Kind: KindDateTime}
	case "date":
		return &Type{Kind: KindDate}
	case "local-date-time":
		return &Type{Kind: KindLocalDateTime}
	case "local-time":
		return &Type{Kind: KindLocalTime}
	}
	return &Type{Kind: KindString, Format: format}
}

func (b *builder) objectType(s *openapi2.Schema, at string, owner typeOwner, depth int) *Type {
	if len(s.Properties) > 0 {
		name := owner.inline
		if owner.model != nil {
			name = owner.model.Name + owner.field
		}
		if name == "" {
			b.errorf(at, "an inline object schema is not supported here")
			return nil
		}
		m := &Model{Name: b.typeName(name, "Object"), SpecName: at, Inline: true, Description: s.Description}
		// The inline schemas of a tombstone definition are gone with it.
		if owner.model != nil {
			m.Tombstone, m.RemovedIn = owner.model.Tombstone, owner.model.RemovedIn
		}
		b.models = append(b.models, m)
		b.fillModel(m, s, at, owner.ptr+"/properties", depth)
		return &Type{Kind: KindModel, Name: m.Name}
	}
	if ap := s.AdditionalProperties; ap.Schema != nil {
		elemOwner := owner
		elemOwner.ptr += "/additionalProperties"
		apAt := at + ".additionalProperties"
		v2, err := v2Schema(ap.Schema)
		if err != nil {
			b.errorf(apAt, "%v", err)
			return nil
		}
		elem := b.schemaType(v2, apAt, elemOwner, depth+1)
		if elem == nil {
			return nil
		}
		return &Type{Kind: KindMap, Elem: elem}
	} else if ap.Has != nil && *ap.Has {
		return &Type{Kind: KindMap, Elem: &Type{Kind: KindAny}}
	}
	return &Type{Kind: KindAny}
}

// typeName reserves a unique type name in the models package: name, or
// name+suffix, or name+suffix+N.
func (b *builder) typeName(name, suffix string) string {
	if !b.taken[name] {
		b.taken[name] = true
		return name
	}
	return uniqueName(b.taken, name+suffix)
}

func (b *builder) enumType(s *openapi2.Schema, at string, owner typeOwner) *Type {
	e := &Enum{Name: b.typeName(owner.model.Name+owner.field, "Enum"), Model: owner.model.Name, Field: owner.field}
	gone := map[string]bool{}
	for _, v := range TombstoneEnum(s.Extensions) {
		gone[v] = true
	}
	labels, _ := s.Extensions[ExtRemovedInEnum].(map[string]any)
	seen := map[string]bool{}
	for i, v := range s.Enum {
		str, ok := v.(string)
		if !ok {
			b.errorf(fmt.Sprintf("%s.enum[%d]", at, i), "the value %v of a string enum is not a string", v)
			return nil
		}
		if !seen[str] {
			seen[str] = true
			v := EnumValue{Value: str, Tombstone: gone[str]}
			if v.Tombstone {
				v.RemovedIn, _ = labels[str].(string)
			}
			e.Values = append(e.Values, v)
		}
	}
	owner.model.Enums = append(owner.model.Enums, e)
	b.enums = append(b.enums, e)
	return &Type{Kind: KindEnum, Name: e.Name}
}

// nameEnumValues names every enum constant once all type names are known, so
// that no constant takes a type's name.
func (b *builder) nameEnumValues() {
	slices.SortFunc(b.enums, func(x, y *Enum) int { return cmp.Compare(x.Name, y.Name) })
	taken := maps.Clone(b.taken)
	for _, e := range b.enums {
		nameConsts(e, taken)
	}
}

// nameConsts names the constants of e, each unique in taken: the type's
// name and the value's, <Type>Empty for "", <Type>Value<N> for a value
// without a letter or digit.
func nameConsts(e *Enum, taken map[string]bool) {
	for i := range e.Values {
		v := &e.Values[i]
		name := enumConstName(e.Name, v.Value)
		switch {
		case v.Value == "":
			name = e.Name + "Empty"
		case name == "":
			name = e.Name + "Value" + strconv.Itoa(i+1)
		}
		v.Name = uniqueName(taken, name)
	}
}

// removedIn is the version label of a tombstone, "" when it has none.
func removedIn(ext map[string]any) string {
	if !IsTombstone(ext) {
		return ""
	}
	v, _ := ext[ExtRemovedIn].(string)
	return v
}

func enumStrings(vals []any) []string {
	var out []string
	for _, v := range vals {
		out = append(out, fmt.Sprint(v))
	}
	return out
}

// assignFiles gives every model a file name that is unique even on
// case-insensitive file systems and never ends in a build-constraint suffix.
func assignFiles(models []*Model) {
	taken := map[string]bool{}
	for _, m := range models {
		base := strings.ToLower(m.Name)
		name := base
		for i := 2; taken[name]; i++ {
			name = base + "_" + strconv.Itoa(i)
		}
		taken[name] = true
		m.File = name + ".go"
	}
}
