package generator

import (
	"fmt"
	"go/format"
	"slices"
	"strconv"
	"strings"
)

// The example program of each method in the documentation pages: it creates
// a client from environment variables, fills every required parameter and one
// optional one with an example value of the right type, calls the method and
// prints the result or the API's error.

// exampleWriter writes the example of one method, noting which packages it
// uses.
type exampleWriter struct {
	ix *docIndex
	// api is the API whose method the example calls: its package declares
	// the parameters' enum types.
	api        *API
	usesTime   bool
	usesModels bool
	// indent is the indentation of the line being written.
	indent string
	// align is set by a composite literal of several fields, whose values
	// gofmt aligns.
	align bool
}

// exampleNames are the identifiers the example program declares or imports;
// a parameter variable with one of these names is renamed.
var exampleNames = []string{"api", "apiErr", "client", "context", "ctx", "err", "errors", "fmt", "json", "log", "main",
	"models", "opts", "os", "out", "platformclient", "region", "resp", "result", "time"}

// example is the example program of op, formatted like gofmt.
func (d docsAPIData) example(op *Operation) string {
	w := &exampleWriter{ix: d.ix, api: d.API, indent: "\t"}
	taken := map[string]bool{d.API.Package: true}
	for _, n := range exampleNames {
		taken[n] = true
	}
	var body strings.Builder
	args := []string{"ctx"}
	for _, p := range op.Positional {
		name := p.Var
		for taken[name] {
			name += "Value"
		}
		taken[name] = true
		args = append(args, name)
		if p.Description != "" {
			fmt.Fprintf(&body, "\t// %s\n", oneLine(p.Description))
		}
		var value string
		if requiredPtr(p) {
			value = w.pointer(p.Type, hintOf(p), p.In != "body", 0)
		} else {
			value = w.value(p.Type, hintOf(p), p.In != "body", true, 0)
		}
		fmt.Fprintf(&body, "\t%s := %s\n", name, value)
	}
	if len(op.Options) == 0 {
		args = append(args, "nil")
	} else {
		args = append(args, "opts")
		shown := op.Options[0]
		for _, p := range op.Options {
			if p.In == "query" {
				shown = p
				break
			}
		}
		fmt.Fprintf(&body, "\topts := &%s.%s{\n", d.API.Package, op.OptionsType)
		w.indent = "\t\t"
		fmt.Fprintf(&body, "\t\t%s: %s,\n", shown.Field, w.option(shown))
		var others []string
		for _, p := range op.Options {
			if p != shown {
				others = append(others, p.Field)
			}
		}
		if len(others) > 0 {
			fmt.Fprintf(&body, "\t\t// Also: %s.\n", strings.Join(others, ", "))
		}
		body.WriteString("\t}\n")
	}
	call := fmt.Sprintf("api.%s(%s)", op.Name, strings.Join(args, ", "))
	if op.Result != nil {
		fmt.Fprintf(&body, "\tresult, _, err := %s\n", call)
	} else {
		fmt.Fprintf(&body, "\tresp, err := %s\n", call)
	}
	fmt.Fprintf(&body, `	if err != nil {
		var apiErr *platformclient.APIError
		if errors.As(err, &apiErr) {
			log.Fatalf("%s: status %%d (%%s): %%s", apiErr.StatusCode, apiErr.Code, apiErr.Message)
		}
		log.Fatal(err)
	}
`, op.Name)
	if op.Result != nil {
		body.WriteString(`	out, err := json.MarshalIndent(result, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(out))
`)
	} else {
		body.WriteString("\tfmt.Println(resp.Status)\n")
	}

	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"context\"\n")
	if op.Result != nil {
		b.WriteString("\t\"encoding/json\"\n")
	}
	b.WriteString("\t\"errors\"\n\t\"fmt\"\n\t\"log\"\n\t\"os\"\n")
	if w.usesTime {
		b.WriteString("\t\"time\"\n")
	}
	fmt.Fprintf(&b, "\n\t\"%s/api/%s\"\n", d.Module, d.API.Package)
	if w.usesModels {
		fmt.Fprintf(&b, "\t\"%s/models\"\n", d.Module)
	}
	fmt.Fprintf(&b, "\t\"%s/platformclient\"\n)\n\n", d.Module)
	b.WriteString(`func main() {
	region, err := platformclient.ParseRegion(os.Getenv("GENESYSCLOUD_REGION"))
	if err != nil {
		log.Fatal(err)
	}
	client, err := platformclient.NewClient(
		platformclient.WithRegion(region),
		platformclient.WithClientCredentials(os.Getenv("GENESYSCLOUD_OAUTHCLIENT_ID"), os.Getenv("GENESYSCLOUD_OAUTHCLIENT_SECRET")),
	)
	if err != nil {
		log.Fatal(err)
	}
`)
	fmt.Fprintf(&b, "\tapi := %s.New(client)\n\tctx := context.Background()\n\n", d.API.Package)
	b.WriteString(body.String())
	b.WriteString("}\n")
	if !w.align {
		return b.String()
	}
	// The values of composite literals of several fields are aligned by
	// gofmt's rules; everything else is written in gofmt's layout already.
	// The tests check that every example is formatted.
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		return b.String() // the tests report it, with the page and method
	}
	return string(src)
}

// hint is what an example value is chosen from.
type hint struct {
	name   string // the parameter or property name
	enum   []string
	def    string
	format string
}

func hintOf(p *Param) hint {
	return hint{name: p.Name, enum: p.Enum, def: p.Default}
}

// option is the value of an options struct field.
func (w *exampleWriter) option(p *Param) string {
	if nilable(p.Type) {
		return w.value(p.Type, hintOf(p), p.In != "body", true, 0)
	}
	return w.pointer(p.Type, hintOf(p), p.In != "body", 0)
}

// pointer is an expression of type *T for a value of t.
func (w *exampleWriter) pointer(t *Type, h hint, param bool, depth int) string {
	if t.Kind == KindModel && !w.freeform(t) {
		return "&" + w.value(t, h, param, true, depth)
	}
	return "platformclient.Ptr(" + w.value(t, h, param, true, depth) + ")"
}

// value is an expression for a value of t. param spells dates and
// date-times as time.Time, as parameters take them; typed gives numbers
// their Go type (otherwise they are untyped constants, for composite
// literals whose type is known).
func (w *exampleWriter) value(t *Type, h hint, param, typed bool, depth int) string {
	switch t.Kind {
	case KindString:
		return strconv.Quote(exampleString(h))
	case KindInt32, KindInt64:
		n := "1"
		if _, err := strconv.ParseInt(h.def, 10, 64); err == nil {
			n = h.def
		} else if len(h.enum) > 0 {
			if _, err := strconv.ParseInt(h.enum[0], 10, 64); err == nil {
				n = h.enum[0]
			}
		}
		if typed {
			return goType(t, "") + "(" + n + ")"
		}
		return n
	case KindFloat32, KindFloat64:
		n := "1.5"
		if _, err := strconv.ParseFloat(h.def, 64); err == nil {
			n = h.def
		}
		if typed && t.Kind == KindFloat32 {
			return "float32(" + n + ")"
		}
		if !strings.ContainsAny(n, ".eE") {
			n += ".0"
		}
		return n
	case KindBool:
		if h.def == "false" {
			return "false"
		}
		return "true"
	case KindDateTime, KindDate, KindLocalDateTime, KindLocalTime:
		w.usesTime = true
		clock := "9, 30, 0"
		date := "2024, time.March, 1"
		switch t.Kind {
		case KindDate:
			clock = "0, 0, 0"
		case KindLocalTime:
			date = "0, time.January, 1"
		}
		tm := fmt.Sprintf("time.Date(%s, %s, 0, time.UTC)", date, clock)
		if param && (t.Kind == KindDate || t.Kind == KindDateTime) {
			return tm
		}
		w.usesModels = true
		return fmt.Sprintf("models.%s{Time: %s}", goType(t, ""), tm)
	case KindEnum:
		if t.Local {
			for _, e := range w.api.Enums {
				if e.Name == t.Name && len(e.Values) > 0 {
					return w.api.Package + "." + e.Values[0].Name
				}
			}
			return fmt.Sprintf("%s.%s(%s)", w.api.Package, t.Name, strconv.Quote(exampleString(h)))
		}
		w.usesModels = true
		if e := w.ix.enums[t.Name]; e != nil && len(e.Values) > 0 {
			return "models." + e.Values[0].Name
		}
		return fmt.Sprintf("models.%s(%s)", t.Name, strconv.Quote(exampleString(h)))
	case KindModel:
		w.usesModels = true
		if w.freeform(t) {
			return w.freeformValue(t)
		}
		return "models." + t.Name + w.structLit(w.ix.models[t.Name], depth)
	case KindFreeform:
		w.usesModels = true
		return w.freeformValue(t)
	case KindAny:
		return `map[string]any{"key": "value"}`
	case KindArray:
		typ := "[]" + goType(t.Elem, "models.")
		switch {
		case t.Elem.Local: // declared in the API's package, outside the example's
			typ = "[]" + w.api.Package + "." + t.Elem.Name
		case param:
			typ = paramType(t)
		}
		return typ + "{" + elide(w.value(t.Elem, h, param, false, depth+1), typ[2:]) + "}"
	case KindMap:
		typ := goType(t.Elem, "models.")
		return "map[string]" + typ + `{"key": ` + elide(w.value(t.Elem, h, param, false, depth+1), typ) + "}"
	}
	panic(fmt.Sprintf("generator: example of kind %d", t.Kind))
}

// elide drops the type of a composite literal that is an element of a
// composite literal of elements of that type, as gofmt -s does.
func elide(elem, typ string) string {
	if rest, ok := strings.CutPrefix(elem, typ); ok && strings.HasPrefix(rest, "{") {
		return rest
	}
	return elem
}

// freeformValue is a value of a definition without properties: raw JSON, or
// an empty slice or map of a named slice or map type.
func (w *exampleWriter) freeformValue(t *Type) string {
	if m := w.ix.models[t.Name]; m != nil && m.Underlying != nil {
		return "models." + t.Name + "{}"
	}
	return "models." + t.Name + "(`{\"key\": \"value\"}`)"
}

// freeform reports whether t names a model that declares no properties. A
// reference to one can be KindModel: the builder marks a definition
// freeform only when it gets to it, in name order.
func (w *exampleWriter) freeform(t *Type) bool {
	m := w.ix.models[t.Name]
	return m != nil && m.Freeform
}

// structLit is the braces of a composite literal of m with a field or two
// set: the required ones, or else Name or the first simple property.
func (w *exampleWriter) structLit(m *Model, depth int) string {
	if m == nil {
		return "{}"
	}
	cheap := func(f *Field) bool {
		switch f.Type.Kind {
		case KindModel:
			return depth == 0
		case KindArray, KindMap:
			return f.Type.Elem.Kind != KindModel || depth == 0
		}
		return true
	}
	var pick []*Field
	for _, f := range m.Fields {
		if f.Required && !f.ReadOnly && cheap(f) && len(pick) < 3 {
			pick = append(pick, f)
		}
	}
	if len(pick) == 0 {
		i := slices.IndexFunc(m.Fields, func(f *Field) bool { return f.Name == "Name" && !f.ReadOnly && f.Type.Kind == KindString })
		if i < 0 {
			i = slices.IndexFunc(m.Fields, func(f *Field) bool { return !f.ReadOnly && simple(f.Type) })
		}
		if i >= 0 {
			pick = append(pick, m.Fields[i])
		}
	}
	if len(pick) == 0 {
		return "{}"
	}
	if len(pick) > 1 {
		w.align = true
	}
	outer := w.indent
	w.indent += "\t"
	defer func() { w.indent = outer }()
	var b strings.Builder
	b.WriteString("{\n")
	for _, f := range pick {
		h := hint{name: f.JSON, enum: f.Enum, format: f.Format}
		var v string
		if nilable(f.Type) {
			v = w.value(f.Type, h, false, true, depth+1)
		} else {
			v = w.pointer(f.Type, h, false, depth+1)
		}
		fmt.Fprintf(&b, "%s%s: %s,\n", w.indent, f.Name, v)
	}
	b.WriteString(outer + "}")
	return b.String()
}

// simple reports whether t is a scalar, an enum or a time.
func simple(t *Type) bool {
	switch t.Kind {
	case KindModel, KindFreeform, KindAny, KindArray, KindMap:
		return false
	}
	return true
}

// exampleString is an example value for a string: the first allowed value,
// the default, or a placeholder that names what goes there.
func exampleString(h hint) string {
	switch {
	case len(h.enum) > 0:
		return h.enum[0]
	case h.def != "":
		return h.def
	case h.format == "uri" || h.format == "url":
		return "https://example.com"
	case h.name == "":
		return "example"
	}
	return "your-" + h.name
}
