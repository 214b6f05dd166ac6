package generator

import "strings"

// Request bodies: which operations take NullFields, and how a string body
// is sent.

// NullFieldsName is the options field that lists the body's JSON properties
// to send as null. Build reserves it in every options struct, so that no
// parameter's Go field takes it.
const NullFieldsName = "NullFields"

// bodyParam returns the body parameter the operation sends, nil for none.
func bodyParam(op *Operation) *Param {
	for _, p := range op.Params {
		if p.In == "body" && !p.Tombstone {
			return p
		}
	}
	return nil
}

// consumesJSON reports whether the operation's body is JSON.
func consumesJSON(op *Operation) bool {
	ct := strings.ToLower(op.ContentType)
	return ct == "" || strings.Contains(ct, "json")
}

// nullFields reports whether the operation's options struct has NullFields:
// its body is an object model (which the runtime always encodes as JSON). A
// body kept as a tombstone keeps the field too, so that removing the body
// from the spec does not change the options struct.
func nullFields(op *Operation) bool {
	for _, p := range op.Params {
		if p.In == "body" && p.Type.Kind == KindModel {
			return true
		}
	}
	return false
}

// rawStringBody reports whether parameter p is a string body, which is sent
// as it is: a JSON document for an operation that consumes JSON, not a JSON
// string.
func rawStringBody(p *Param) bool {
	return p.In == "body" && p.Type.Kind == KindString
}

// nullFieldsDoc is the doc comment of the NullFields option.
func nullFieldsDoc(op *Operation) string {
	return comment("\t", NullFieldsName+" lists JSON properties of the request body to send as null, which clears them (a nil field is left out of the body, so it is never sent as null): \"manager\", \"addresses\", or \"routing.skills\" for a property of a nested object. A listed property is null whatever the body holds for it. A path that is not a property of the body's type fails the call with a *platformclient.ParamError before anything is sent.")
}

// stringBodyDoc is the paragraph of a method whose body is a string.
func stringBodyDoc(op *Operation) string {
	p := bodyParam(op)
	if p == nil || !rawStringBody(p) {
		return ""
	}
	if consumesJSON(op) {
		return "The body is a string that holds a JSON document: it is sent as it is, not encoded as a JSON string."
	}
	return "The body is a string: it is sent as it is."
}
