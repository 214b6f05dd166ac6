package generator

import (
	"fmt"
	"strconv"
	"strings"
	"text/template"
)

// Template functions: how IR types and parameters are spelled in Go. The
// templates decide the layout; these decide the spelling.
var funcs = template.FuncMap{
	"comment":         comment,
	"quote":           strconv.Quote,
	"fieldType":       fieldType,
	"jsonTag":         jsonTag,
	"fieldDoc":        fieldDoc,
	"modelDoc":        modelDoc,
	"enumDoc":         enumDoc,
	"opDoc":           opDoc,
	"optionDoc":       optionDoc,
	"optionsTypeDoc":  optionsTypeDoc,
	"argType":         argType,
	"optionType":      optionType,
	"resultType":      resultType,
	"callFunc":        callFunc,
	"setParam":        setParam,
	"requiredPtr":     requiredPtr,
	"emptyBody":       emptyBody,
	"apiDoc":          apiDoc,
	"title":           title,
	"optionSet":       optionSet,
	"optionValue":     optionValue,
	"resultValueType": resultValueType,
	"paging":          newPagingData,
	"job":             newJobData,
	"jobWaiters":      jobWaiters,
	"jobNotes":        jobNotes,
	"itemType":        itemType,
	"intField":        intField,
	"trimStar":        trimStar,
	"sent":            sent,
	"enumValueDoc":    enumValueDoc,
	"nullFields":      nullFields,
	"nullFieldsDoc":   nullFieldsDoc,
}

// sent returns the parameters a method sends: all but tombstones.
func sent(params []*Param) []*Param {
	out := make([]*Param, 0, len(params))
	for _, p := range params {
		if !p.Tombstone {
			out = append(out, p)
		}
	}
	return out
}

// title spells an upper-case HTTP method as net/http's constants do: Get.
func title(method string) string {
	return method[:1] + strings.ToLower(method[1:])
}

// optionSet is the condition under which an option held in expr is sent: not
// nil, and for arrays not empty.
func optionSet(p *Param, expr string) string {
	if p.In != "body" && p.Type.Kind == KindArray {
		return "len(" + expr + ") > 0"
	}
	return expr + " != nil"
}

// optionValue is the value of an option held in expr: dereferenced unless it
// is a body (encoded through its pointer) or of a type that is not a pointer.
func optionValue(p *Param, expr string) string {
	if p.In == "body" && !rawStringBody(p) || nilable(p.Type) {
		return expr
	}
	return "*" + expr
}

// resultValueType is the type argument of Call or CallValue.
func resultValueType(op *Operation) string {
	return goType(op.Result, "models.")
}

// goType spells t as a value type; qual qualifies the models package's names
// ("models." outside it, "" inside).
func goType(t *Type, qual string) string {
	switch t.Kind {
	case KindString:
		return "string"
	case KindInt32:
		return "int32"
	case KindInt64:
		return "int64"
	case KindFloat32:
		return "float32"
	case KindFloat64:
		return "float64"
	case KindBool:
		return "bool"
	case KindDateTime:
		return qual + "DateTime"
	case KindDate:
		return qual + "Date"
	case KindLocalDateTime:
		return qual + "LocalDateTime"
	case KindLocalTime:
		return qual + "LocalTime"
	case KindEnum:
		if t.Local {
			return t.Name
		}
		return qual + t.Name
	case KindModel, KindFreeform:
		return qual + t.Name
	case KindAny:
		return "any"
	case KindArray:
		return "[]" + goType(t.Elem, qual)
	case KindMap:
		return "map[string]" + goType(t.Elem, qual)
	}
	panic(fmt.Sprintf("generator: unknown kind %d", t.Kind))
}

// nilable reports whether the Go type of t has nil as a value of its own:
// such types are not wrapped in a pointer to express "not set".
func nilable(t *Type) bool {
	switch t.Kind {
	case KindArray, KindMap, KindAny, KindFreeform:
		return true
	}
	return false
}

// fieldType is the type of a model field: a pointer, unless nil is a value of
// the type already.
func fieldType(t *Type) string { return fieldTypeIn(t, "") }

// fieldTypeIn is fieldType with model types qualified by qual ("models.").
func fieldTypeIn(t *Type, qual string) string {
	if nilable(t) {
		return goType(t, qual)
	}
	return "*" + goType(t, qual)
}

// jsonTag is the struct tag of a field: omitzero for slices and maps, so that
// an empty one is still sent, omitempty for the rest.
func jsonTag(f *Field) string {
	omit := "omitempty"
	if f.Type.Kind == KindArray || f.Type.Kind == KindMap {
		omit = "omitzero"
	}
	return fmt.Sprintf("`json:%q`", f.JSON+","+omit)
}

// paramType is the Go type of a non-body parameter: dates and date-times are
// time.Time.
func paramType(t *Type) string {
	switch t.Kind {
	case KindDate, KindDateTime:
		return "time.Time"
	case KindArray:
		return "[]" + paramType(t.Elem)
	}
	return goType(t, "models.")
}

// argType is the type of a positional parameter.
func argType(p *Param) string {
	switch {
	case p.In != "body":
		return paramType(p.Type)
	case requiredPtr(p):
		return "*" + goType(p.Type, "models.")
	}
	return goType(p.Type, "models.")
}

// requiredPtr reports whether a positional parameter is a pointer that must
// not be nil: a body that is neither a string nor of a type nil belongs to.
func requiredPtr(p *Param) bool {
	return p.In == "body" && !nilable(p.Type) && p.Type.Kind != KindString
}

// emptyBody is the empty value sent for a nil required body that is a slice
// or a map ("" for other bodies): JSON null would be refused, and in Go a nil
// slice or map is an empty one.
func emptyBody(p *Param) string {
	if p.In != "body" || p.Type.Kind != KindArray && p.Type.Kind != KindMap {
		return ""
	}
	return goType(p.Type, "models.") + "{}"
}

// optionType is the type of an options struct field: a pointer, unless nil
// is a value of the type already.
func optionType(p *Param) string {
	if nilable(p.Type) {
		if p.In == "body" {
			return goType(p.Type, "models.")
		}
		return paramType(p.Type)
	}
	if p.In == "body" {
		return "*" + goType(p.Type, "models.")
	}
	return "*" + paramType(p.Type)
}

// resultType is the first result of an operation's method.
func resultType(op *Operation) string {
	if nilable(op.Result) {
		return goType(op.Result, "models.")
	}
	return "*" + goType(op.Result, "models.")
}

// callFunc is the platformclient function that sends a request and decodes
// its result.
func callFunc(op *Operation) string {
	if nilable(op.Result) {
		return "CallValue"
	}
	return "Call"
}

// formatFuncs are the platformclient functions that format parameter values.
var formatFuncs = map[Kind]string{
	KindInt32:    "platformclient.FormatInt32",
	KindInt64:    "platformclient.FormatInt64",
	KindFloat32:  "platformclient.FormatFloat32",
	KindFloat64:  "platformclient.FormatFloat64",
	KindBool:     "platformclient.FormatBool",
	KindDate:     "platformclient.FormatDate",
	KindDateTime: "platformclient.FormatDateTime",
}

// formatValue is the expression that formats a scalar parameter value.
func formatValue(t *Type, expr string) string {
	switch t.Kind {
	case KindString:
		return expr
	case KindEnum:
		return "string(" + expr + ")"
	case KindLocalDateTime, KindLocalTime:
		if strings.HasPrefix(expr, "*") {
			expr = "(" + expr + ")"
		}
		return expr + ".String()"
	}
	return formatFunc(t) + "(" + expr + ")"
}

// formatFunc is the function that formats a scalar parameter value, for
// FormatEach.
func formatFunc(t *Type) string {
	switch t.Kind {
	case KindLocalDateTime, KindLocalTime:
		return goType(t, "models.") + ".String"
	}
	f, ok := formatFuncs[t.Kind]
	if !ok {
		panic(fmt.Sprintf("generator: parameter of kind %d", t.Kind))
	}
	return f
}

// collectionSeparators joins array values for each collectionFormat but multi.
var collectionSeparators = map[string]string{"csv": ",", "ssv": " ", "tsv": "\t", "pipes": "|"}

// setParam is the statement that puts parameter p, held in expr, into the
// request req. expr is a value: the caller dereferences option pointers.
func setParam(p *Param, expr string) string {
	if rawStringBody(p) {
		return "req.SetRawBody(" + expr + ")"
	}
	if p.In == "body" {
		return "req.SetBody(" + expr + ")"
	}
	if p.Type.Kind == KindArray {
		values := expr
		if p.Type.Elem.Kind == KindEnum {
			values = "platformclient.Strings(" + expr + ")"
		} else if p.Type.Elem.Kind != KindString {
			values = "platformclient.FormatEach(" + expr + ", " + formatFunc(p.Type.Elem) + ")"
		}
		if p.Collection == "multi" {
			return fmt.Sprintf("req.AddQuery(%q, %s...)", p.Name, values)
		}
		joined := fmt.Sprintf("strings.Join(%s, %q)", values, collectionSeparators[p.Collection])
		if p.In == "header" {
			return fmt.Sprintf("req.SetHeader(%q, %s)", p.Name, joined)
		}
		return fmt.Sprintf("req.SetQuery(%q, %s)", p.Name, joined)
	}
	value := formatValue(p.Type, expr)
	switch p.In {
	case "path":
		return fmt.Sprintf("req.SetPathParam(%q, %s)", p.Name, value)
	case "header":
		return fmt.Sprintf("req.SetHeader(%q, %s)", p.Name, value)
	}
	return fmt.Sprintf("req.SetQuery(%q, %s)", p.Name, value)
}

// GoType is the type of the field in its model's struct, as code outside
// the models package spells it (*models.Address).
func (f *Field) GoType() string { return fieldTypeIn(f.Type, "models.") }

// UnderlyingGoType is the Go type a named slice or map model is defined as
// (Underlying), qualified as in GoType; "" for other models.
func (m *Model) UnderlyingGoType() string {
	if m.Underlying == nil {
		return ""
	}
	return fieldTypeIn(m.Underlying, "models.")
}

// GoType is the type of the parameter in the method's Go API: the type of its
// positional argument when it is required, else of its options field.
func (p *Param) GoType() string {
	if p.Required {
		return argType(p)
	}
	return optionType(p)
}

// GoResult is the type of the method's first result, "" when the operation
// has no result.
func (op *Operation) GoResult() string {
	if op.Result == nil {
		return ""
	}
	return resultType(op)
}
