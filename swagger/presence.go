package swagger

import "github.com/getkin/kin-openapi/openapi2"

// What the loader keeps beyond kin-openapi's types, because the official
// differ compares the document's raw values and those types cannot tell them
// apart (Snapshot writes them too, so a snapshot keeps them):
//
//   - an explicit "required": false on a parameter, as Extensions["required"]
//     = false (the typed field cannot tell it from no "required" key);
//   - an explicit empty "description" on an operation or a parameter, as
//     Extensions["description"] = "";
//   - readOnly: true beside a $ref, as SchemaRef.Extensions["readOnly"]
//     (kin-openapi keeps only the x- extensions beside a $ref).
//
// An empty enum list is kept by the types themselves: Enum is then empty but
// not nil.

// RawRequired returns a parameter's "required" as the document has it: true,
// false, or nil when the key is absent.
func RawRequired(p *openapi2.Parameter) any {
	if p == nil {
		return nil
	}
	if p.Required {
		return true
	}
	if v, ok := p.Extensions["required"]; ok && v == false {
		return false
	}
	return nil
}

// HasEmptyDescription reports whether an object whose description is text
// and extensions ext has an explicit empty description.
func HasEmptyDescription(text string, ext map[string]any) bool {
	v, ok := ext["description"]
	return text == "" && ok && v == ""
}

// ReadOnly reports whether a schema is read-only: its readOnly, or for a
// $ref, the readOnly beside it.
func ReadOnly(ref *openapi2.SchemaRef) bool {
	switch {
	case ref == nil:
		return false
	case ref.Ref != "":
		return ref.Extensions["readOnly"] == true
	case ref.Value != nil:
		return ref.Value.ReadOnly
	}
	return false
}
