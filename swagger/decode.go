package swagger

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"
)

// This file is the loader's fast path: a decoder that reads the JSON bytes
// once and fills kin-openapi's openapi2 types directly, as kin-openapi's
// json.Unmarshal would (every key its types do not know goes to Extensions),
// recording key order on the way. It decodes the path items and definitions
// on all cores.
//
// It also keeps what those types cannot hold and the official differ reads
// (see presence.go): an explicit "required": false or "description": "" in
// Extensions under the key itself, and a readOnly beside a $ref in
// SchemaRef.Extensions.
//
// Anything it does not expect (invalid JSON, a value of the wrong type, a key
// that differs from a known one only in case, which encoding/json would
// match) makes it give up: Parse then decodes the document the slow way,
// whose errors name their place precisely.

// errSlow is what the fast decoder gives up with.
type errSlow struct {
	pos int
	msg string
}

func (e *errSlow) Error() string { return fmt.Sprintf("offset %d: %s", e.pos, e.msg) }

type dec struct {
	data  []byte
	pos   int
	stack []string // JSON pointer tokens of the value being decoded
	order map[string][]string
	// shared holds the objects and arrays kept in Extensions, by their
	// text: the spec repeats them (x-inin-error-codes, a third of its bytes,
	// on 38,000 responses), and one decoded value serves every copy.
	shared map[string]any
}

func (d *dec) fail(msg string) {
	panic(&errSlow{d.pos, msg})
}

// catch turns the decoder's panic into an error.
func catch(err *error) {
	if r := recover(); r != nil {
		e, ok := r.(*errSlow)
		if !ok {
			panic(r)
		}
		*err = e
	}
}

func (d *dec) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek returns the next non-space byte.
func (d *dec) peek() byte {
	d.ws()
	if d.pos >= len(d.data) {
		d.fail("unexpected end of document")
	}
	return d.data[d.pos]
}

// null consumes a null literal if one is next.
func (d *dec) null() bool {
	if d.peek() == 'n' {
		d.literal("null")
		return true
	}
	return false
}

func (d *dec) literal(lit string) {
	if !bytes.HasPrefix(d.data[d.pos:], []byte(lit)) {
		d.fail("invalid literal")
	}
	d.pos += len(lit)
}

// begin consumes the opening byte c of an object or array.
func (d *dec) begin(c byte) {
	if d.peek() != c {
		d.fail("expected " + string(c))
	}
	d.pos++
}

// more reports whether another member or element follows in the object or
// array closed by end, consuming the separator; n counts the members seen.
func (d *dec) more(end byte, n *int) bool {
	c := d.peek()
	if c == end {
		d.pos++
		return false
	}
	if *n > 0 {
		if c != ',' {
			d.fail("expected , or " + string(end))
		}
		d.pos++
	}
	*n++
	return true
}

// key reads an object key and the colon after it. The bytes are the
// document's own when the key has no escapes: compare them (switch
// string(k) does not copy) and copy them only to keep them.
func (d *dec) key() []byte {
	if d.peek() != '"' {
		d.fail("expected a string key")
	}
	start := d.pos + 1
	i := start
	for i < len(d.data) && plain[d.data[i]] {
		i++
	}
	var k []byte
	if i < len(d.data) && d.data[i] == '"' {
		k = d.data[start:i]
		d.pos = i + 1
	} else {
		k = []byte(d.slowStr(start))
	}
	if d.peek() != ':' {
		d.fail("expected :")
	}
	d.pos++
	return k
}

func (d *dec) push(tok string) { d.stack = append(d.stack, tok) }
func (d *dec) pop()            { d.stack = d.stack[:len(d.stack)-1] }

// plain marks the bytes a string can hold without decoding.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads a string value.
func (d *dec) str() string {
	if d.peek() != '"' {
		d.fail("expected a string")
	}
	start := d.pos + 1
	i := start
	for i < len(d.data) && plain[d.data[i]] {
		i++
	}
	if i < len(d.data) && d.data[i] == '"' {
		d.pos = i + 1
		return string(d.data[start:i])
	}
	return d.slowStr(start)
}

// slowStr decodes a string with escapes or non-ASCII bytes as encoding/json
// does (invalid UTF-8 and lone surrogates become U+FFFD).
func (d *dec) slowStr(start int) string {
	data := d.data
	var b []byte
	i := start
	for {
		if i >= len(data) {
			d.fail("unterminated string")
		}
		c := data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			return string(b)
		case c == '\\':
			if i+1 >= len(data) {
				d.fail("unterminated string")
			}
			switch e := data[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
				i += 2
			case 'b':
				b = append(b, '\b')
				i += 2
			case 'f':
				b = append(b, '\f')
				i += 2
			case 'n':
				b = append(b, '\n')
				i += 2
			case 'r':
				b = append(b, '\r')
				i += 2
			case 't':
				b = append(b, '\t')
				i += 2
			case 'u':
				r := d.hex4(i + 2)
				i += 6
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' {
						r2 = d.hex4(i + 2)
					}
					if dec := utf16.DecodeRune(r, r2); dec != unicode.ReplacementChar {
						r = dec
						i += 6
					} else {
						r = unicode.ReplacementChar
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				d.pos = i
				d.fail("invalid escape")
			}
		case c < 0x20:
			d.pos = i
			d.fail("control character in a string")
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, unicode.ReplacementChar)
			} else {
				b = append(b, data[i:i+size]...)
			}
			i += size
		}
	}
}

func (d *dec) hex4(i int) rune {
	if i+4 > len(d.data) {
		d.fail("invalid \\u escape")
	}
	var r rune
	for _, c := range d.data[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			d.fail("invalid \\u escape")
		}
		r = r*16 + rune(c)
	}
	return r
}

// number reads a JSON number and returns its text.
func (d *dec) number() []byte {
	d.ws()
	data, i := d.data, d.pos
	start := i
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	default:
		d.fail("invalid number")
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.fail("invalid number")
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.fail("invalid number")
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	d.pos = i
	return data[start:i]
}

func (d *dec) float() float64 {
	text := d.number()
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil {
		d.fail(err.Error())
	}
	return f
}

func (d *dec) boolean() bool {
	switch d.peek() {
	case 't':
		d.literal("true")
		return true
	case 'f':
		d.literal("false")
		return false
	}
	d.fail("expected a boolean")
	return false
}

// any reads any value as encoding/json decodes it into an interface.
func (d *dec) any() any {
	switch c := d.peek(); c {
	case '{':
		d.pos++
		m := map[string]any{}
		n := 0
		for d.more('}', &n) {
			k := string(d.key())
			m[k] = d.any()
		}
		return m
	case '[':
		d.pos++
		s := []any{}
		n := 0
		for d.more(']', &n) {
			s = append(s, d.any())
		}
		return s
	case '"':
		return d.str()
	case 't', 'f':
		return d.boolean()
	case 'n':
		d.literal("null")
		return nil
	default:
		return d.float()
	}
}

// Typed fields: a null leaves the field as it is, as with encoding/json.

func (d *dec) strField(dst *string) {
	if !d.null() {
		*dst = d.str()
	}
}

func (d *dec) boolField(dst *bool) {
	if !d.null() {
		*dst = d.boolean()
	}
}

func (d *dec) floatPtr(dst **float64) {
	if d.null() {
		*dst = nil
		return
	}
	f := d.float()
	*dst = &f
}

func (d *dec) uintField(dst *uint64) {
	if d.null() {
		return
	}
	u, err := strconv.ParseUint(string(d.number()), 10, 64)
	if err != nil {
		d.fail(err.Error())
	}
	*dst = u
}

func (d *dec) uintPtr(dst **uint64) {
	if d.null() {
		*dst = nil
		return
	}
	var u uint64
	d.uintField(&u)
	*dst = &u
}

func (d *dec) strings() []string {
	if d.null() {
		return nil
	}
	d.begin('[')
	out := []string{}
	n := 0
	for d.more(']', &n) {
		var s string
		d.strField(&s)
		out = append(out, s)
	}
	return out
}

func (d *dec) anyList() []any {
	if d.null() {
		return nil
	}
	if d.peek() != '[' {
		d.fail("expected an array")
	}
	return d.any().([]any)
}

// viaJSON decodes the next value with encoding/json into v (for the rare
// members kept as kin-openapi decodes them: headers, externalDocs, xml,
// additionalProperties).
func (d *dec) viaJSON(v any) {
	d.ws()
	start := d.pos
	d.any()
	if err := json.Unmarshal(d.data[start:d.pos], v); err != nil {
		d.pos = start
		d.fail(err.Error())
	}
}

// additionalProperties decodes additionalProperties as kin-openapi does (an
// OpenAPI 3 schema or a boolean) and records the key order of the properties
// objects inside, as the scanner of the slow path does.
func (d *dec) additionalProperties(ap *openapi3.AdditionalProperties) {
	d.ws()
	start := d.pos
	d.viaJSON(ap)
	sc := &scanner{data: d.data[:d.pos], pos: start, res: &scanResult{order: d.order},
		stack: append(append([]string(nil), d.stack...), "additionalProperties")}
	if err := sc.value(); err != nil {
		d.fail(err.Error())
	}
}

// unknown keeps a key the type does not know in *ext, as kin-openapi does,
// unless encoding/json would have matched it to a field of known, ignoring
// case: then the slow path decodes the document.
func (d *dec) unknown(ext *map[string]any, k string, known []string) {
	if !strings.HasPrefix(k, "x-") {
		for _, f := range known {
			if strings.EqualFold(f, k) {
				d.fail("key " + k + " in another case than " + f)
			}
		}
	}
	if *ext == nil {
		*ext = map[string]any{}
	}
	(*ext)[k] = d.sharedAny()
}

// sharedAny reads any value; an object or array whose text was read before
// gives the value decoded then (Extensions are read, never changed).
func (d *dec) sharedAny() any {
	if c := d.peek(); c != '{' && c != '[' {
		return d.any()
	}
	start := d.pos
	d.skip()
	text := d.data[start:d.pos]
	if v, ok := d.shared[string(text)]; ok {
		return v
	}
	sub := &dec{data: text}
	v := sub.any()
	sub.end()
	if d.shared == nil {
		d.shared = map[string]any{}
	}
	d.shared[string(text)] = v
	return v
}

func (d *dec) record(keys []string) {
	d.order[pointer(d.stack)] = keys
}

var pathItemKeys = []string{"$ref", "delete", "get", "head", "options", "patch", "post", "put", "parameters"}

// pathItem decodes a path item; the stack is at /paths/{path}.
func (d *dec) pathItem() *openapi2.PathItem {
	if d.null() {
		return nil
	}
	d.begin('{')
	item := new(openapi2.PathItem)
	keys := []string{}
	n := 0
	for d.more('}', &n) {
		kb := d.key()
		var k string
		switch string(kb) {
		case "$ref":
			k = "$ref"
			d.strField(&item.Ref)
		case "delete":
			k = "delete"
			item.Delete = d.operationAt(k)
		case "get":
			k = "get"
			item.Get = d.operationAt(k)
		case "head":
			k = "head"
			item.Head = d.operationAt(k)
		case "options":
			k = "options"
			item.Options = d.operationAt(k)
		case "patch":
			k = "patch"
			item.Patch = d.operationAt(k)
		case "post":
			k = "post"
			item.Post = d.operationAt(k)
		case "put":
			k = "put"
			item.Put = d.operationAt(k)
		case "parameters":
			k = "parameters"
			d.push(k)
			item.Parameters = d.parameters()
			d.pop()
		default:
			k = string(kb)
			d.unknown(&item.Extensions, k, pathItemKeys)
		}
		keys = append(keys, k)
	}
	d.record(keys)
	return item
}

var operationKeys = []string{"summary", "description", "deprecated", "externalDocs", "tags", "operationId", "parameters", "responses", "consumes", "produces", "schemes", "security"}

func (d *dec) operationAt(method string) *openapi2.Operation {
	d.push(method)
	defer d.pop()
	return d.operation()
}

func (d *dec) operation() *openapi2.Operation {
	if d.null() {
		return nil
	}
	d.begin('{')
	o := new(openapi2.Operation)
	n := 0
	for d.more('}', &n) {
		k := d.key()
		switch string(k) {
		case "summary":
			d.strField(&o.Summary)
		case "description":
			if !d.null() {
				o.Description = d.str()
				keepEmpty(&o.Extensions, "description", o.Description)
			}
		case "deprecated":
			d.boolField(&o.Deprecated)
		case "externalDocs":
			d.viaJSON(&o.ExternalDocs)
		case "tags":
			o.Tags = d.strings()
		case "operationId":
			d.strField(&o.OperationID)
		case "parameters":
			d.push("parameters")
			o.Parameters = d.parameters()
			d.pop()
		case "responses":
			d.push("responses")
			o.Responses = d.responses()
			d.pop()
		case "consumes":
			o.Consumes = d.strings()
		case "produces":
			o.Produces = d.strings()
		case "schemes":
			o.Schemes = d.strings()
		case "security":
			o.Security = d.security()
		default:
			d.unknown(&o.Extensions, string(k), operationKeys)
		}
	}
	return o
}

// keepEmpty records an explicit empty description in ext (see presence.go).
func keepEmpty(ext *map[string]any, k, v string) {
	if v != "" {
		if *ext != nil {
			delete(*ext, k)
		}
		return
	}
	if *ext == nil {
		*ext = map[string]any{}
	}
	(*ext)[k] = ""
}

func (d *dec) security() *openapi2.SecurityRequirements {
	if d.null() {
		return nil
	}
	d.begin('[')
	reqs := openapi2.SecurityRequirements{}
	n := 0
	for d.more(']', &n) {
		if d.null() {
			reqs = append(reqs, nil)
			continue
		}
		d.begin('{')
		req := map[string][]string{}
		m := 0
		for d.more('}', &m) {
			k := string(d.key())
			req[k] = d.strings()
		}
		reqs = append(reqs, req)
	}
	return &reqs
}

func (d *dec) parameters() openapi2.Parameters {
	if d.null() {
		return nil
	}
	d.begin('[')
	list := openapi2.Parameters{}
	n := 0
	for d.more(']', &n) {
		d.push(strconv.Itoa(n - 1))
		list = append(list, d.parameter())
		d.pop()
	}
	return list
}

var parameterKeys = []string{"$ref", "in", "name", "description", "collectionFormat", "type", "format", "pattern", "allowEmptyValue", "required", "uniqueItems", "exclusiveMinimum", "exclusiveMaximum", "schema", "items", "enum", "multipleOf", "minimum", "maximum", "maxLength", "maxItems", "minLength", "minItems", "default"}

func (d *dec) parameter() *openapi2.Parameter {
	if d.null() {
		return nil
	}
	d.begin('{')
	p := new(openapi2.Parameter)
	n := 0
	for d.more('}', &n) {
		k := d.key()
		switch string(k) {
		case "$ref":
			d.strField(&p.Ref)
		case "in":
			d.strField(&p.In)
		case "name":
			d.strField(&p.Name)
		case "description":
			if !d.null() {
				p.Description = d.str()
				keepEmpty(&p.Extensions, "description", p.Description)
			}
		case "collectionFormat":
			d.strField(&p.CollectionFormat)
		case "type":
			p.Type = d.types()
		case "format":
			d.strField(&p.Format)
		case "pattern":
			d.strField(&p.Pattern)
		case "allowEmptyValue":
			d.boolField(&p.AllowEmptyValue)
		case "required":
			if d.null() {
				break
			}
			p.Required = d.boolean()
			if p.Required {
				if p.Extensions != nil {
					delete(p.Extensions, "required")
				}
			} else {
				if p.Extensions == nil {
					p.Extensions = map[string]any{}
				}
				p.Extensions["required"] = false
			}
		case "uniqueItems":
			d.boolField(&p.UniqueItems)
		case "exclusiveMinimum":
			d.boolField(&p.ExclusiveMin)
		case "exclusiveMaximum":
			d.boolField(&p.ExclusiveMax)
		case "schema":
			d.push("schema")
			p.Schema = d.schemaRef()
			d.pop()
		case "items":
			d.push("items")
			p.Items = d.schemaRef()
			d.pop()
		case "enum":
			p.Enum = d.anyList()
		case "multipleOf":
			d.floatPtr(&p.MultipleOf)
		case "minimum":
			d.floatPtr(&p.Minimum)
		case "maximum":
			d.floatPtr(&p.Maximum)
		case "maxLength":
			d.uintPtr(&p.MaxLength)
		case "maxItems":
			d.uintPtr(&p.MaxItems)
		case "minLength":
			d.uintField(&p.MinLength)
		case "minItems":
			d.uintField(&p.MinItems)
		case "default":
			p.Default = d.any()
		default:
			d.unknown(&p.Extensions, string(k), parameterKeys)
		}
	}
	return p
}

func (d *dec) types() *openapi3.Types {
	switch d.peek() {
	case 'n':
		d.literal("null")
		return nil
	case '[':
		t := openapi3.Types(d.strings())
		return &t
	}
	return &openapi3.Types{d.str()}
}

// responses decodes an operation's responses; the stack is at .../responses.
func (d *dec) responses() *openapi2.Responses {
	if d.null() {
		return nil
	}
	d.begin('{')
	r := openapi2.NewResponsesWithCapacity(4)
	keys := []string{}
	n := 0
	for d.more('}', &n) {
		k := string(d.key())
		keys = append(keys, k)
		d.push(k)
		if strings.HasPrefix(k, "x-") {
			if r.Extensions == nil {
				r.Extensions = map[string]any{}
			}
			r.Extensions[k] = d.sharedAny()
		} else {
			r.Set(k, d.response())
		}
		d.pop()
	}
	if len(d.stack) == 4 && d.stack[0] == "paths" {
		d.record(keys)
	}
	return r
}

var responseKeys = []string{"$ref", "description", "schema", "headers", "examples"}

func (d *dec) response() *openapi2.Response {
	if d.null() {
		return nil
	}
	d.begin('{')
	r := new(openapi2.Response)
	n := 0
	for d.more('}', &n) {
		k := d.key()
		switch string(k) {
		case "$ref":
			d.strField(&r.Ref)
		case "description":
			d.strField(&r.Description)
		case "schema":
			d.push("schema")
			r.Schema = d.schemaRef()
			d.pop()
		case "headers":
			d.viaJSON(&r.Headers)
		case "examples":
			if d.null() {
				r.Examples = nil
				break
			}
			if d.peek() != '{' {
				d.fail("expected an object")
			}
			r.Examples = d.any().(map[string]any)
		default:
			d.unknown(&r.Extensions, string(k), responseKeys)
		}
	}
	return r
}

var schemaKeys = []string{"allOf", "not", "type", "title", "format", "description", "enum", "default", "example", "externalDocs", "uniqueItems", "exclusiveMinimum", "exclusiveMaximum", "readOnly", "writeOnly", "allowEmptyValue", "deprecated", "xml", "minimum", "maximum", "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems", "items", "required", "properties", "minProperties", "maxProperties", "additionalProperties", "discriminator"}

// schemaRef decodes a schema or a $ref to one. Beside a $ref kin-openapi
// keeps only the x- extensions; this keeps readOnly too (see presence.go).
func (d *dec) schemaRef() *openapi2.SchemaRef {
	if d.null() {
		return nil
	}
	s := d.schema()
	if ref, ok := s.Extensions["$ref"].(string); ok && ref != "" {
		out := &openapi2.SchemaRef{Ref: ref}
		for k, v := range s.Extensions {
			if strings.HasPrefix(k, "x-") {
				if out.Extensions == nil {
					out.Extensions = map[string]any{}
				}
				out.Extensions[k] = v
			}
		}
		if s.ReadOnly {
			if out.Extensions == nil {
				out.Extensions = map[string]any{}
			}
			out.Extensions["readOnly"] = true
		}
		return out
	}
	return &openapi2.SchemaRef{Value: s}
}

func (d *dec) schemaList() openapi2.SchemaRefs {
	if d.null() {
		return nil
	}
	d.begin('[')
	list := openapi2.SchemaRefs{}
	n := 0
	for d.more(']', &n) {
		d.push(strconv.Itoa(n - 1))
		list = append(list, d.schemaRef())
		d.pop()
	}
	return list
}

func (d *dec) schema() *openapi2.Schema {
	d.begin('{')
	s := new(openapi2.Schema)
	n := 0
	for d.more('}', &n) {
		k := d.key()
		switch string(k) {
		case "allOf":
			d.push("allOf")
			s.AllOf = d.schemaList()
			d.pop()
		case "not":
			d.push("not")
			s.Not = d.schemaRef()
			d.pop()
		case "type":
			s.Type = d.types()
		case "title":
			d.strField(&s.Title)
		case "format":
			d.strField(&s.Format)
		case "description":
			d.strField(&s.Description)
		case "enum":
			s.Enum = d.anyList()
		case "default":
			s.Default = d.any()
		case "example":
			s.Example = d.any()
		case "externalDocs":
			d.viaJSON(&s.ExternalDocs)
		case "uniqueItems":
			d.boolField(&s.UniqueItems)
		case "exclusiveMinimum":
			d.boolField(&s.ExclusiveMin)
		case "exclusiveMaximum":
			d.boolField(&s.ExclusiveMax)
		case "readOnly":
			d.boolField(&s.ReadOnly)
		case "writeOnly":
			d.boolField(&s.WriteOnly)
		case "allowEmptyValue":
			d.boolField(&s.AllowEmptyValue)
		case "deprecated":
			d.boolField(&s.Deprecated)
		case "xml":
			d.viaJSON(&s.XML)
		case "minimum":
			d.floatPtr(&s.Min)
		case "maximum":
			d.floatPtr(&s.Max)
		case "multipleOf":
			d.floatPtr(&s.MultipleOf)
		case "minLength":
			d.uintField(&s.MinLength)
		case "maxLength":
			d.uintPtr(&s.MaxLength)
		case "pattern":
			d.strField(&s.Pattern)
		case "minItems":
			d.uintField(&s.MinItems)
		case "maxItems":
			d.uintPtr(&s.MaxItems)
		case "items":
			d.push("items")
			s.Items = d.schemaRef()
			d.pop()
		case "required":
			s.Required = d.strings()
		case "properties":
			d.push("properties")
			s.Properties = d.properties()
			d.pop()
		case "minProperties":
			d.uintField(&s.MinProps)
		case "maxProperties":
			d.uintPtr(&s.MaxProps)
		case "additionalProperties":
			d.additionalProperties(&s.AdditionalProperties)
		case "discriminator":
			d.strField(&s.Discriminator)
		default:
			d.unknown(&s.Extensions, string(k), schemaKeys)
		}
	}
	return s
}

// properties decodes a "properties" object and records its key order.
func (d *dec) properties() openapi2.Schemas {
	if d.null() {
		return nil
	}
	d.begin('{')
	props := openapi2.Schemas{}
	keys := []string{}
	n := 0
	for d.more('}', &n) {
		k := string(d.key())
		keys = append(keys, k)
		d.push(k)
		props[k] = d.schemaRef()
		d.pop()
	}
	d.record(keys)
	return props
}

// skip passes over one value without decoding it, checking only what it
// needs to find its end (the decoders check the rest).
func (d *dec) skip() {
	depth := 0
	for {
		c := d.peek()
		switch c {
		case '{', '[':
			depth++
			d.pos++
			continue
		case '}', ']':
			if depth == 0 {
				d.fail("unexpected " + string(c))
			}
			depth--
			d.pos++
		case '"':
			d.pos++
			for {
				i := bytes.IndexByte(d.data[d.pos:], '"')
				if i < 0 {
					d.pos = len(d.data)
					d.fail("unterminated string")
				}
				d.pos += i + 1
				bs := 0
				for j := d.pos - 2; j >= 0 && d.data[j] == '\\'; j-- {
					bs++
				}
				if bs%2 == 0 {
					break
				}
			}
		case ',', ':':
			if depth == 0 {
				d.fail("unexpected " + string(c))
			}
			d.pos++
			continue
		default:
			for d.pos < len(d.data) {
				switch d.data[d.pos] {
				case ',', '}', ']', ' ', '\t', '\n', '\r', ':':
				default:
					d.pos++
					continue
				}
				break
			}
		}
		if depth == 0 {
			return
		}
	}
}

// members splits the object that starts at the decoder's position into its
// members, skipping their values.
func (d *dec) members() []member {
	d.begin('{')
	var out []member
	n := 0
	for d.more('}', &n) {
		k := string(d.key())
		d.ws()
		start := d.pos
		d.skip()
		out = append(out, member{k, span{start, d.pos}})
	}
	return out
}

// fastDecode decodes a JSON document with the fast decoder, or fails with an
// *errSlow when the slow path must do it.
func fastDecode(data []byte) (doc *openapi2.T, order map[string][]string, err error) {
	defer catch(&err)
	d := &dec{data: data}
	top := d.members()
	d.ws()
	if d.pos != len(data) {
		d.fail("data after the top-level object")
	}
	order = map[string][]string{}
	var paths, defs []member
	var pathsAt, defsAt, paramsAt, respsAt *span
	for i, m := range top {
		v := &top[i].val
		switch m.key {
		case "paths":
			pathsAt = v
		case "definitions":
			defsAt = v
		case "parameters":
			paramsAt = v
		case "responses":
			respsAt = v
		}
	}
	rest := objectWithout(data, top, "paths", "definitions", "parameters", "responses")
	doc = new(openapi2.T)
	if err := json.Unmarshal(rest, doc); err != nil {
		return nil, nil, &errSlow{0, err.Error()}
	}
	sub := func(at *span) *dec {
		return &dec{data: data[:at.end], pos: at.start, order: order}
	}
	if pathsAt != nil {
		if data[pathsAt.start] != '{' {
			d.pos = pathsAt.start
			d.fail("paths is not an object")
		}
		paths = sub(pathsAt).members()
	}
	if defsAt != nil {
		if data[defsAt.start] != '{' {
			d.pos = defsAt.start
			d.fail("definitions is not an object")
		}
		defs = sub(defsAt).members()
	}
	// The root parameters and responses (a snapshot's shared ones) are few.
	if paramsAt != nil {
		s := sub(paramsAt)
		s.push("parameters")
		if !s.null() {
			doc.Parameters = map[string]*openapi2.Parameter{}
			s.begin('{')
			n := 0
			for s.more('}', &n) {
				k := string(s.key())
				s.push(k)
				doc.Parameters[k] = s.parameter()
				s.pop()
			}
		}
	}
	if respsAt != nil {
		s := sub(respsAt)
		s.push("responses")
		if !s.null() {
			doc.Responses = map[string]*openapi2.Response{}
			s.begin('{')
			n := 0
			for s.more('}', &n) {
				k := string(s.key())
				s.push(k)
				doc.Responses[k] = s.response()
				s.pop()
			}
		}
	}

	// Path items and definitions, on every core.
	type result struct {
		order map[string][]string
		err   error
	}
	items := make([]*openapi2.PathItem, len(paths))
	schemas := make([]*openapi2.SchemaRef, len(defs))
	workers := min(runtime.GOMAXPROCS(0), 8)
	results := make([]result, workers)
	var next sync.Mutex
	i := 0
	const batch = 16
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			r := &results[w]
			r.order = map[string][]string{}
			defer catch(&r.err)
			for {
				next.Lock()
				from := i
				i += batch
				next.Unlock()
				if from >= len(paths)+len(defs) {
					return
				}
				for j := from; j < min(from+batch, len(paths)+len(defs)); j++ {
					if j < len(paths) {
						m := paths[j]
						wd := &dec{data: data[:m.val.end], pos: m.val.start, order: r.order, stack: []string{"paths", m.key}}
						items[j] = wd.pathItem()
						wd.end()
					} else {
						m := defs[j-len(paths)]
						wd := &dec{data: data[:m.val.end], pos: m.val.start, order: r.order, stack: []string{"definitions", m.key}}
						schemas[j-len(paths)] = wd.schemaRef()
						wd.end()
					}
				}
			}
		})
	}
	wg.Wait()
	for _, r := range results {
		if r.err != nil {
			return nil, nil, r.err
		}
	}
	for _, r := range results {
		for k, v := range r.order {
			order[k] = v
		}
	}
	if pathsAt != nil {
		doc.Paths = make(map[string]*openapi2.PathItem, len(paths))
		keys := make([]string, 0, len(paths))
		for j, m := range paths {
			doc.Paths[m.key] = items[j]
			keys = append(keys, m.key)
		}
		order["/paths"] = keys
	}
	if defsAt != nil {
		doc.Definitions = make(map[string]*openapi2.SchemaRef, len(defs))
		keys := make([]string, 0, len(defs))
		for j, m := range defs {
			doc.Definitions[m.key] = schemas[j]
			keys = append(keys, m.key)
		}
		order["/definitions"] = keys
	}
	return doc, order, nil
}

// end checks that a sub-decoder consumed its whole value.
func (d *dec) end() {
	d.ws()
	if d.pos != len(d.data) {
		d.fail("unexpected data after a value")
	}
}

// errorIsSlow reports whether err asks for the slow path.
func errorIsSlow(err error) bool {
	var e *errSlow
	return errors.As(err, &e)
}
