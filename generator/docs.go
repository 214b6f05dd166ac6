package generator

import (
	"fmt"
	"strings"
)

// The documentation pages: docs/<Api>.md for each API and docs/README.md, the
// index. They are rendered in the same pass as the code, from the same model,
// so they cannot describe a method the code does not have.

// docsJobs are the documentation pages.
func docsJobs(sdk *SDK) []job {
	ix := &docIndex{module: sdk.Module, models: map[string]*Model{}, enums: map[string]*Enum{}}
	for _, m := range sdk.Models {
		ix.models[m.Name] = m
		for _, e := range m.Enums {
			ix.enums[e.Name] = e
		}
	}
	idx := docsIndexData{Module: sdk.Module, SDK: sdk}
	for _, api := range sdk.APIs {
		idx.Methods += len(api.Operations)
	}
	jobs := []job{{"docs/README.md", "docs_index.md.tmpl", idx}}
	for _, api := range sdk.APIs {
		jobs = append(jobs, job{"docs/" + api.Name + ".md", "docs_api.md.tmpl", docsAPIData{ix: ix, Module: sdk.Module, API: api}})
	}
	return jobs
}

// docIndex finds the models and enums that types name.
type docIndex struct {
	module string
	models map[string]*Model
	enums  map[string]*Enum
}

// docsIndexData is what docs/README.md is rendered with.
type docsIndexData struct {
	Module  string
	SDK     *SDK
	Methods int
}

// docIndexRow is the line of one API in the index.
type docIndexRow struct {
	Name, Package, Description string
	Methods                    int
}

// Rows are the lines of the index, one per API.
func (d docsIndexData) Rows() []docIndexRow {
	rows := make([]docIndexRow, len(d.SDK.APIs))
	for i, api := range d.SDK.APIs {
		rows[i] = docIndexRow{Name: api.Name, Package: api.Package, Description: cell(api.Description), Methods: len(api.Operations)}
	}
	return rows
}

// docsAPIData is what the page of one API is rendered with. Its methods do
// the work, so that it happens in the parallel rendering workers.
type docsAPIData struct {
	ix     *docIndex
	Module string
	API    *API
}

// docMethod is the documentation of one method.
type docMethod struct {
	Op        *Operation
	Anchor    string // the fragment GitHub gives the method's heading
	Summary   string // one line, for the table
	Signature string
	// Requires is "ALL" or "ANY" ("" without permissions).
	Requires string
	// Body is the JSON outline of the request body ("" without one).
	Body    string
	Example string
	Params  []docParam
	Return  string // markdown
	Others  []string
}

// docParam is a row of a method's parameter table.
type docParam struct {
	Name, Type, Description, Notes string
}

// PkgURL is the pkg.go.dev page of the API's package.
func (d docsAPIData) PkgURL() string {
	return "https://pkg.go.dev/" + d.Module + "/api/" + d.API.Package
}

// NotificationsURL is the pkg.go.dev page of the notifications package when
// this is the API it is built on, else "".
func (d docsAPIData) NotificationsURL() string {
	if !hasNotificationsOps(d.API) {
		return ""
	}
	return "https://pkg.go.dev/" + d.Module + "/notifications"
}

// Description is the API's description as one paragraph.
func (d docsAPIData) Description() string {
	return sentence(oneLine(d.API.Description))
}

// Methods documents every operation of the API.
func (d docsAPIData) Methods() []docMethod {
	out := make([]docMethod, len(d.API.Operations))
	for i, op := range d.API.Operations {
		m := docMethod{
			Op:        op,
			Anchor:    strings.ToLower(op.Name),
			Summary:   cell(op.Summary),
			Signature: d.signature(op),
			Body:      d.ix.bodyOutline(op),
			Example:   d.example(op),
			Params:    d.params(op),
			Return:    "void (no response body)",
		}
		switch {
		case op.Tombstone:
			m.Summary = strings.TrimSpace("**Removed from the API.** " + m.Summary)
		case op.Deprecated:
			m.Summary = strings.TrimSpace("**Deprecated.** " + m.Summary)
		}
		if op.Permissions != nil {
			m.Requires = "ANY"
			if op.Permissions.All {
				m.Requires = "ALL"
			}
		}
		if op.Result != nil {
			m.Return = d.typeRef(resultType(op), op.Result)
		}
		for _, r := range op.OtherResults {
			if r.Type == nil {
				m.Others = append(m.Others, fmt.Sprintf("A %s response has no body: the result is then nil.", r.Status))
			} else {
				m.Others = append(m.Others, fmt.Sprintf("A %s response carries %s instead: the result then holds only the fields the two types share, and the whole body is in the response's `Body`.", r.Status, d.typeRef(goType(r.Type, "models."), r.Type)))
			}
		}
		out[i] = m
	}
	return out
}

// signature is the method's declaration, as in its package.
func (d docsAPIData) signature(op *Operation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "func (a *%s) %s(ctx context.Context", d.API.Name, op.Name)
	for _, p := range op.Positional {
		fmt.Fprintf(&b, ", %s %s", p.Var, argType(p))
	}
	fmt.Fprintf(&b, ", opts *%s) (", op.OptionsType)
	if op.Result != nil {
		b.WriteString(resultType(op) + ", ")
	}
	b.WriteString("*platformclient.APIResponse, error)")
	return b.String()
}

// params are the rows of the parameter table: the positional parameters,
// then the fields of the options struct.
func (d docsAPIData) params(op *Operation) []docParam {
	var rows []docParam
	row := func(p *Param, name, typ, need string) {
		notes := []string{need}
		if p.Tombstone {
			notes = append(notes, "no longer in the API"+sinceRelease(p.RemovedIn)+": accepted and not sent")
		}
		if p.In == "body" {
			notes = append(notes, "request body")
		} else {
			notes = append(notes, fmt.Sprintf("%s `%s`", p.In, p.Name))
		}
		if live := liveEnum(p); len(live) > 0 {
			notes = append(notes, "values: "+codeList(live))
		}
		if p.Default != "" {
			notes = append(notes, "default: `"+p.Default+"`")
		}
		rows = append(rows, docParam{Name: name, Type: d.typeRef(typ, p.Type), Description: cell(p.Description), Notes: strings.Join(notes, "; ")})
	}
	for _, p := range op.Positional {
		row(p, "**"+p.Var+"**", argType(p), "required")
	}
	for _, p := range op.Options {
		row(p, "opts."+p.Field, optionType(p), "optional")
	}
	if nullFields(op) {
		rows = append(rows, docParam{
			Name:        "opts." + NullFieldsName,
			Type:        "[]string",
			Description: "JSON properties of the request body to send as `null`, which clears them (a nil field is left out of the body)" + nullFieldsExample(op, d.ix.models) + ".",
			Notes:       "optional; each path is checked against the body's type before anything is sent",
		})
	}
	return rows
}

// typeRef is the Go type typ, which spells t, in markdown: a link to the
// model's documentation on pkg.go.dev when t is or holds a model.
func (d docsAPIData) typeRef(typ string, t *Type) string {
	for t.Kind == KindArray || t.Kind == KindMap {
		t = t.Elem
	}
	if t.Local {
		return fmt.Sprintf("[`%s`](https://pkg.go.dev/%s/api/%s#%s)", typ, d.Module, d.API.Package, t.Name)
	}
	switch t.Kind {
	case KindModel, KindFreeform, KindEnum, KindDateTime, KindDate, KindLocalDateTime, KindLocalTime:
		if strings.Contains(typ, "models.") {
			return fmt.Sprintf("[`%s`](https://pkg.go.dev/%s/models#%s)", typ, d.Module, goType(t, ""))
		}
	}
	return "`" + typ + "`"
}

// liveEnum is the enum of a parameter without the values kept as tombstones.
func liveEnum(p *Param) []string {
	if len(p.TombstoneEnum) == 0 {
		return p.Enum
	}
	var out []string
	for _, v := range p.Enum {
		if _, gone := p.TombstoneEnum[v]; !gone {
			out = append(out, v)
		}
	}
	return out
}

// cell makes text fit one cell of a markdown table.
func cell(s string) string {
	return strings.ReplaceAll(oneLine(s), "|", `\|`)
}

// oneLine collapses white space, new lines included.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// codeList spells values as a list of code spans.
func codeList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + strings.ReplaceAll(v, "|", `\|`) + "`"
	}
	return strings.Join(quoted, ", ")
}

// bodyOutline is the request body of op as a JSON outline: property names
// with their types, models expanded one level deep, arrays as [Type].
// Read-only properties are left out: the API ignores them in requests.
func (ix *docIndex) bodyOutline(op *Operation) string {
	for _, p := range op.Params {
		if p.In == "body" {
			var b strings.Builder
			ix.outline(&b, p.Type, 0, "")
			return b.String()
		}
	}
	return ""
}

// outlineDepth is how many levels of models an outline expands.
const outlineDepth = 2

func (ix *docIndex) outline(b *strings.Builder, t *Type, depth int, indent string) {
	switch t.Kind {
	case KindModel:
		m := ix.models[t.Name]
		switch {
		case m != nil && m.Freeform:
			b.WriteString("object")
			return
		case m == nil || depth >= outlineDepth:
			b.WriteString(t.Name)
			return
		}
		var fields []*Field
		for _, f := range m.Fields {
			if !f.ReadOnly {
				fields = append(fields, f)
			}
		}
		if len(fields) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, f := range fields {
			fmt.Fprintf(b, "%s  %q: ", indent, f.JSON)
			ix.outline(b, f.Type, depth+1, indent+"  ")
			if i < len(fields)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case KindArray:
		if t.Elem.Kind == KindModel && depth < outlineDepth {
			b.WriteString("[\n" + indent + "  ")
			ix.outline(b, t.Elem, depth, indent+"  ")
			b.WriteString("\n" + indent + "]")
			return
		}
		b.WriteByte('[')
		ix.outline(b, t.Elem, depth, indent)
		b.WriteByte(']')
	case KindMap:
		if t.Elem.Kind == KindModel && depth < outlineDepth {
			b.WriteString("{\n" + indent + `  "<key>": `)
			ix.outline(b, t.Elem, depth, indent+"  ")
			b.WriteString("\n" + indent + "}")
			return
		}
		b.WriteString(`{ "<key>": `)
		ix.outline(b, t.Elem, depth, indent)
		b.WriteString(" }")
	case KindEnum:
		b.WriteString("string")
	case KindFreeform, KindAny:
		b.WriteString("object")
	default:
		b.WriteString(goType(t, ""))
	}
}

// sinceRelease says since which SDK release a tombstone is kept, or "".
func sinceRelease(version string) string {
	if version == "" {
		return ""
	}
	return " as of SDK " + version
}

// nullFieldsExample is the example of the NullFields row: properties of
// the operation's body model, so that the page never suggests a name the
// call refuses: ": `"name"`", with ", or `"division.id"` for a property
// of a nested object" when the body has a nested object. Read-only and
// removed properties are not suggested.
func nullFieldsExample(op *Operation, models map[string]*Model) string {
	var body *Model
	for _, p := range op.Params {
		if p.In == "body" && p.Type.Kind == KindModel {
			body = models[p.Type.Name]
		}
	}
	if body == nil {
		return ""
	}
	// A name with a dot in it (SCIM's schema URNs) cannot be a path segment.
	settable := func(f *Field) bool { return !f.ReadOnly && !f.Tombstone && !strings.Contains(f.JSON, ".") }
	top, nested := "", ""
	for _, f := range body.Fields {
		if !settable(f) {
			continue
		}
		if top == "" {
			top = f.JSON
		}
		if nested != "" || f.Type.Kind != KindModel {
			continue
		}
		if sub := models[f.Type.Name]; sub != nil {
			for _, sf := range sub.Fields {
				if settable(sf) {
					nested = f.JSON + "." + sf.JSON
					break
				}
			}
		}
	}
	switch {
	case top == "":
		return ""
	case nested == "":
		return fmt.Sprintf(": `\"%s\"`", top)
	}
	return fmt.Sprintf(": `\"%s\"`, or `\"%s\"` for a property of a nested object", top, nested)
}
