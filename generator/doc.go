package generator

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// commentWidth is where comment text wraps.
const commentWidth = 100

// comment renders text as a // comment block, each line prefixed with
// indent. Paragraphs (blank-line separated) stay paragraphs, lines are
// wrapped at word boundaries, and lines the spec indents stay as they are.
func comment(indent, text string) string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	text = strings.Map(commentRune, text)
	var b strings.Builder
	blank := true // suppress leading and repeated blank lines
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, " \t")
		if line == "" {
			if !blank {
				b.WriteString(indent + "//\n")
				blank = true
			}
			continue
		}
		blank = false
		if line[0] == ' ' || line[0] == '\t' {
			b.WriteString(indent + "// " + line + "\n")
			continue
		}
		for _, l := range wrap(line, commentWidth-len(indent)-3) {
			b.WriteString(indent + "// " + l + "\n")
		}
	}
	return strings.TrimSuffix(strings.TrimSuffix(b.String(), indent+"//\n"), "\n")
}

// commentRune drops what Go source cannot hold in a comment (NUL, a byte
// order mark, invalid UTF-8) and turns other control characters into spaces.
func commentRune(r rune) rune {
	switch {
	case r == 0 || r == '\uFEFF' || r == utf8.RuneError:
		return -1
	case r == '\n' || r == '\t':
		return r
	case unicode.IsControl(r):
		return ' '
	}
	return r
}

// wrap splits a line at spaces into lines no longer than width, where words
// allow.
func wrap(line string, width int) []string {
	if len(line) <= width {
		return []string{line}
	}
	var out []string
	var cur strings.Builder
	for _, w := range strings.Fields(line) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			out = append(out, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// paragraphs joins the non-empty paragraphs with blank lines.
func paragraphs(ps ...string) string {
	var keep []string
	for _, p := range ps {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n\n")
}

// sentence ends s with a period unless it ends with punctuation already.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:") {
		return s
	}
	return s + "."
}

func apiDoc(api *API) string {
	first := fmt.Sprintf("Package %s calls the %s operations of the Genesys Cloud Platform API", api.Package, api.Tag)
	if api.Description != "" {
		first += ": " + api.Description
	}
	return comment("", paragraphs(sentence(first),
		fmt.Sprintf("New returns a *%s for a *platformclient.Client; its methods are the operations.", api.Name)))
}

func modelDoc(m *Model) string {
	var first string
	switch {
	case m.Underlying != nil && m.Underlying.Kind == KindArray:
		first = fmt.Sprintf("%s is the %s definition of the Platform API, a list.", m.Name, m.SpecName)
	case m.Underlying != nil:
		first = fmt.Sprintf("%s is the %s definition of the Platform API, a map from keys to values.", m.Name, m.SpecName)
	case m.Freeform:
		first = fmt.Sprintf("%s is the %s definition of the Platform API, which declares no properties: it holds the JSON as received.", m.Name, m.SpecName)
	case m.Inline:
		first = fmt.Sprintf("%s is the object schema at %s in the Platform API spec.", m.Name, m.SpecName)
	case m.Name != m.SpecName:
		first = fmt.Sprintf("%s is the %s model of the Platform API.", m.Name, m.SpecName)
	default:
		first = fmt.Sprintf("%s is a model of the Platform API.", m.Name)
	}
	var gone string
	if m.Tombstone {
		gone = fmt.Sprintf("Deprecated: the %s definition is no longer in the Platform API%s; the type is kept so that code using it still compiles.", m.SpecName, asOf(m.RemovedIn))
		if m.Inline {
			gone = fmt.Sprintf("Deprecated: the definition of this schema is no longer in the Platform API%s; the type is kept so that code using it still compiles.", asOf(m.RemovedIn))
		}
	}
	return comment("", paragraphs(first, m.Description, gone))
}

func fieldDoc(f *Field) string {
	desc := f.Description
	if desc == "" {
		desc = fmt.Sprintf("%s is the %q property.", f.Name, f.JSON)
	}
	var notes []string
	if f.Required {
		notes = append(notes, "Required.")
	}
	if f.ReadOnly {
		notes = append(notes, "Read-only: set by the API, ignored in requests.")
	}
	if f.Format != "" && f.Type.Kind == KindString {
		notes = append(notes, fmt.Sprintf("Format: %s.", f.Format))
	}
	if len(f.Enum) > 0 {
		notes = append(notes, "Values: "+strings.Join(f.Enum, ", ")+".")
	}
	var gone string
	if f.Tombstone {
		gone = fmt.Sprintf("Deprecated: the property is no longer in the Platform API%s: responses no longer carry it, and a value set here is still encoded in requests. The field is kept so that code using it still compiles.", asOf(f.RemovedIn))
	}
	return comment("\t", paragraphs(desc, strings.Join(notes, " "), gone))
}

func enumDoc(e *Enum) string {
	if e.Arg {
		return comment("", fmt.Sprintf("%s is the type of the argument %s of %s. A value not listed below is sent as it is.", e.Name, e.Field, e.Model))
	}
	if e.Param {
		return comment("", fmt.Sprintf("%s is the type of %s.%s. A value not listed below is sent as it is.", e.Name, e.Model, e.Field))
	}
	return comment("", fmt.Sprintf("%s is the type of %s.%s. A value not listed below decodes as it is.", e.Name, e.Model, e.Field))
}

// localEnum is the name of the API package's enum type of a parameter's
// value (or items), "" when it has none.
func localEnum(t *Type) string {
	if t != nil && t.Kind == KindArray {
		t = t.Elem
	}
	if t == nil || !t.Local {
		return ""
	}
	return t.Name
}

// asOf says since which SDK release a tombstone is one, or nothing when the
// release is not known.
func asOf(version string) string {
	if version == "" {
		return ""
	}
	return " as of SDK release " + version
}

// enumValueDoc documents a tombstone constant of an enum.
func enumValueDoc(e *Enum, v EnumValue) string {
	return comment("\t", fmt.Sprintf("Deprecated: %q is no longer a value of %s.%s in the Platform API%s; the constant is kept so that code using it still compiles.", v.Value, e.Model, e.Field, asOf(v.RemovedIn)))
}

func opDoc(op *Operation) string {
	first := fmt.Sprintf("%s calls %s %s", op.Name, op.Method, op.Path)
	if op.Summary != "" {
		first += ": " + op.Summary
	}
	var perms string
	if op.Permissions != nil {
		kind := "ANY"
		if op.Permissions.All {
			kind = "ALL"
		}
		perms = fmt.Sprintf("Requires %s permissions: %s", kind, strings.Join(op.Permissions.List, ", "))
	}
	var scopes string
	if len(op.Scopes) > 0 {
		scopes = "OAuth scopes: " + strings.Join(op.Scopes, ", ")
	}
	if op.APIKeyHeader != "" {
		scopes = paragraphs(scopes, apiKeyDoc(op))
	}
	var params []string
	for _, p := range op.Positional {
		line := "  - " + p.Var
		if p.Description != "" {
			line += ": " + strings.Join(strings.Fields(p.Description), " ")
		}
		if len(p.Enum) > 0 {
			line += " (" + strings.Join(p.Enum, ", ") + ")"
		}
		if p.Tombstone {
			line += " (no longer in the Platform API" + asOf(p.RemovedIn) + ": ignored, not sent)"
		}
		params = append(params, line)
	}
	var paramDoc string
	if len(params) > 0 {
		paramDoc = "Parameters:\n\n" + strings.Join(params, "\n")
	}
	switch {
	case len(op.Options) > 0:
		paramDoc = paragraphs(paramDoc, fmt.Sprintf("The optional parameters are in %s; opts may be nil.", op.OptionsType))
	case nullFields(op):
		paramDoc = paragraphs(paramDoc, fmt.Sprintf("The operation has no optional parameters; %s holds NullFields, the body properties to send as null. opts may be nil.", op.OptionsType))
	default:
		paramDoc = paragraphs(paramDoc, "The operation has no optional parameters: pass nil for opts.")
	}
	var results []string
	for _, r := range op.OtherResults {
		if r.Type == nil {
			results = append(results, fmt.Sprintf("A %s response has no body: the result is then nil.", r.Status))
		} else {
			results = append(results, fmt.Sprintf("A %s response carries a %s instead: the result then holds only the fields the two types share, and the whole body is in the response's Body.", r.Status, goType(r.Type, "models.")))
		}
	}
	var deprecated string
	switch {
	case op.Tombstone:
		deprecated = "Deprecated: this operation is no longer in the Platform API" + asOf(op.RemovedIn) + ". The method is kept so that code calling it still compiles; it still sends the request, which the API is expected to reject (an *platformclient.APIError such as 404 Not Found)."
	case op.Deprecated:
		deprecated = "Deprecated: the Platform API marks this operation as deprecated."
	}
	return comment("", paragraphs(sentence(first), op.Description, perms, scopes, paramDoc, stringBodyDoc(op), strings.Join(results, " "), op.PagingNote, deprecated))
}

// apiKeyDoc tells how to send the API key an operation is authorized with.
func apiKeyDoc(op *Operation) string {
	return fmt.Sprintf("Authorized with the API key %q in the %s header rather than the client's OAuth token: send it with ctx = platformclient.ContextWithHeader(ctx, %q, key), where key is the whole header value (for a JWT, \"Bearer \" and the token).", op.APIKeyScheme, op.APIKeyHeader, op.APIKeyHeader)
}

func optionsTypeDoc(op *Operation) string {
	if len(op.Options) == 0 && nullFields(op) {
		return comment("", fmt.Sprintf("%s holds the options of %s, which has no optional parameters yet: NullFields, the body properties to send as null.", op.OptionsType, op.Name))
	}
	if len(op.Options) == 0 {
		return comment("", fmt.Sprintf("%s holds the optional parameters of %s, which has none yet: it keeps the method's signature unchanged when the API adds some.", op.OptionsType, op.Name))
	}
	return comment("", fmt.Sprintf("%s holds the optional parameters of %s. A nil field is not sent.", op.OptionsType, op.Name))
}

func optionDoc(p *Param) string {
	var where string
	switch p.In {
	case "query":
		where = fmt.Sprintf("%s is the query parameter %s.", p.Field, p.Name)
	case "header":
		where = fmt.Sprintf("%s is the %s header.", p.Field, p.Name)
	case "body":
		where = fmt.Sprintf("%s is the request body.", p.Field)
	}
	var notes []string
	if e := localEnum(p.Type); e != "" {
		notes = append(notes, "Values: the constants of "+e+".")
	} else if len(p.Enum) > 0 {
		notes = append(notes, "Values: "+strings.Join(p.Enum, ", ")+".")
	}
	if p.Default != "" {
		notes = append(notes, "The API's default: "+p.Default+".")
	}
	var gone string
	if p.Tombstone {
		gone = "Deprecated: the parameter is no longer in the Platform API" + asOf(p.RemovedIn) + ": it is ignored, not sent. The field is kept so that code setting it still compiles."
	}
	return comment("\t", paragraphs(where+" "+sentence(p.Description), strings.Join(notes, " "), gone))
}
