package generator

import (
	"fmt"
	"strings"
)

// Paged listings: which operations return one page of a longer list, and how
// to ask for the next page. The templates give each such operation an
// iterator method over the items of every page.

// Paging kinds.
const (
	// PageByNumber: a page number (a pageNumber query parameter, even one
	// typed as a string, or a
	// pageNumber property of the body or of its paging object), and a
	// listing with its items and counts (pageCount, total, totalHits) or
	// links.
	PageByNumber = "number"
	// PageByCursor: a cursor (a cursor, after or q64 query parameter, or a
	// cursor or after property of the body), and a listing with its items
	// and the next cursor, or a nextUri that carries it.
	PageByCursor = "cursor"
)

// Where the page is asked for (Paging.Where).
const (
	// PageInQuery: an optional query parameter (pageNumber, cursor, after).
	PageInQuery = "query"
	// PageInArgument: a required query parameter: pageNumber, or q64
	// replaced for each page by the listing's token for the next one.
	PageInArgument = "argument"
	// PageInBody: a property of the request body (pageNumber, after,
	// cursor), set in a copy of the body.
	PageInBody = "body"
	// PageInBodyPaging: the pageNumber of the body's paging object, set in
	// a copy of the body and of that object.
	PageInBodyPaging = "body.paging"
)

// itemFields are the names of a listing's array of items, in order of
// preference, as the Platform API spells them.
var itemFields = []string{"entities", "results", "conversations", "userDetails"}

// rawArray is the definition the spec gives an array of untyped JSON values
// (Jackson's ArrayNode): its items are decoded as json.RawMessage.
const rawArray = "ArrayNode"

// Paging says how to walk the pages of an operation's result.
type Paging struct {
	Kind string // PageByNumber or PageByCursor
	// Where the page is asked for: PageInQuery, PageInArgument, PageInBody
	// or PageInBodyPaging.
	Where string
	// Method is the name of the iterator method.
	Method string
	// Pages is the name of the page view method (Method's Pages twin), ""
	// when that name is already taken by another method of the API.
	Pages string
	// Param is the parameter set for each page: the pageNumber, cursor or
	// after option (PageInQuery), the required q64 or pageNumber argument
	// (PageInArgument), or the body, required or optional (PageInBody,
	// PageInBodyPaging).
	Param *Param
	// BodyField is the property of the body set for each page (pageNumber,
	// after, cursor), or of its Nested object; nil in the query.
	BodyField *Field
	// Nested is the body's object (paging) that holds BodyField, nil when
	// BodyField is the body's own.
	Nested *Field
	// NestedType is the Go type of Nested (models.PagingSpec).
	NestedType string
	// Items is the listing's array of items (entities, results, ...). Its
	// type is an array, or ArrayNode (RawItems).
	Items *Field
	// RawItems is set when Items is an ArrayNode: a JSON array whose items
	// the spec gives no type, decoded as json.RawMessage.
	RawItems bool
	// PageCount and Total are the listing's counts (PageByNumber); either
	// may be nil. Total is totalHits where the listing has that.
	PageCount, Total *Field
	// Cursor is the listing's next cursor (PageByCursor): cursor, after or
	// nextPage, or the after of its CursorIn object; nil when the cursor is
	// read from NextURI.
	Cursor *Field
	// CursorIn is the listing's object (cursors) that holds Cursor, nil
	// when Cursor is the listing's own.
	CursorIn *Field
	// NextURI is the listing's nextUri (PageByCursor without Cursor).
	NextURI *Field
}

// Shape names the paging shape, for counting: the HTTP method, where the
// page is asked for and the kind, such as "POST body number".
func (p *Paging) Shape(op *Operation) string {
	return op.Method + " " + p.Where + " " + p.Kind
}

// detectPaging sets Operation.Paging on every GET or POST operation that
// returns a paged listing, and Operation.PagingNote on those whose listing
// gives cursors the operation has no parameter to take. The shapes are
// recognised by name, as the Platform API spells them; anything else is left
// without an iterator.
func (b *builder) detectPaging(apis []*API) {
	models := map[string]*Model{}
	for _, m := range b.models {
		models[m.Name] = m
	}
	for _, api := range apis {
		taken := map[string]bool{}
		for _, op := range api.Operations {
			taken[op.Name] = true
		}
		for _, op := range api.Operations {
			if op.Paging != nil || op.Method != "GET" && op.Method != "POST" || op.Result == nil || op.Result.Kind != KindModel {
				continue
			}
			p, note := pagingOf(op, models[op.Result.Name], models)
			if p == nil {
				op.PagingNote = note
				continue
			}
			p.Method = op.Name + "Iter"
			if taken[p.Method] {
				// Another operation's method has the name: that method
				// keeps it, and this listing is walked by hand.
				op.PagingNote = fmt.Sprintf("The result holds one page of a listing, but %s, the name its iterator would have, is the name of another method of %s: this method therefore has no iterator.", p.Method, api.Name)
				continue
			}
			taken[p.Method] = true
			if pages := op.Name + "Pages"; !taken[pages] {
				p.Pages = pages
				taken[pages] = true
			}
			op.Paging = p
		}
	}
}

// fieldOf returns the field of m named json whose kind is one of kinds, or
// nil.
func fieldOf(m *Model, json string, kinds ...Kind) *Field {
	if m == nil {
		return nil
	}
	for _, f := range m.Fields {
		if f.JSON == json && !f.Tombstone {
			for _, k := range kinds {
				if f.Type.Kind == k {
					return f
				}
			}
		}
	}
	return nil
}

// pagingOf returns the paging of op, whose result is the model m, or nil and
// why a listing with cursors cannot be walked ("" when it is no listing).
func pagingOf(op *Operation, m *Model, models map[string]*Model) (*Paging, string) {
	if m == nil {
		return nil, ""
	}
	field := func(json string, kinds ...Kind) *Field { return fieldOf(m, json, kinds...) }
	option := func(name string, kinds ...Kind) *Param {
		for _, p := range op.Options {
			if p.Name == name && p.In == "query" && !p.Tombstone {
				for _, k := range kinds {
					if p.Type.Kind == k {
						return p
					}
				}
			}
		}
		return nil
	}
	var items *Field
	raw := false
	for _, name := range itemFields {
		if items = field(name, KindArray); items != nil {
			break
		}
		if f := field(name, KindFreeform); f != nil && f.Type.Name == rawArray {
			items, raw = f, true
			break
		}
	}
	if items == nil {
		return nil, ""
	}
	count, total := field("pageCount", KindInt32, KindInt64), field("total", KindInt32, KindInt64)
	if total == nil {
		total = field("totalHits", KindInt32, KindInt64)
	}
	next := field("nextUri", KindString)
	// A number walk needs the listing to say where it is: its counts, or
	// for a POST query, links or the number of the page it holds.
	numbered := count != nil || total != nil
	if op.Method == "POST" && !numbered {
		numbered = next != nil || field("nextPage", KindString) != nil || field("pageNumber", KindInt32, KindInt64) != nil
	}
	// The after cursor of the listing's cursors object (before and after).
	cursors := field("cursors", KindModel)
	var cursorsAfter *Field
	if cursors != nil {
		cursorsAfter = fieldOf(models[cursors.Type.Name], "after", KindString)
	}
	p := &Paging{Items: items, RawItems: raw}

	// The page in the query.
	if param := option("pageNumber", KindInt32, KindInt64, KindString); param != nil && numbered {
		p.Kind, p.Where, p.Param, p.PageCount, p.Total = PageByNumber, PageInQuery, param, count, total
		return p, ""
	}
	if param := option("cursor", KindString); param != nil {
		if cursor := field("cursor", KindString); cursor != nil {
			p.Kind, p.Where, p.Param, p.Cursor = PageByCursor, PageInQuery, param, cursor
			return p, ""
		}
		if next != nil {
			p.Kind, p.Where, p.Param, p.NextURI = PageByCursor, PageInQuery, param, next
			return p, ""
		}
	}
	if param := option("after", KindString); param != nil {
		switch {
		case next != nil:
			p.Kind, p.Where, p.Param, p.NextURI = PageByCursor, PageInQuery, param, next
			return p, ""
		case cursorsAfter != nil:
			p.Kind, p.Where, p.Param, p.Cursor, p.CursorIn = PageByCursor, PageInQuery, param, cursorsAfter, cursors
			return p, ""
		}
	}
	// A search by a q64 argument, whose listing gives the q64 of the next
	// page.
	if nextPage := field("nextPage", KindString); nextPage != nil && op.Method == "GET" {
		for _, param := range op.Positional {
			if param.Name == "q64" && param.In == "query" && param.Type.Kind == KindString && !param.Tombstone {
				p.Kind, p.Where, p.Param, p.Cursor = PageByCursor, PageInArgument, param, nextPage
				return p, ""
			}
		}
	}
	// A required pageNumber argument.
	for _, param := range op.Positional {
		if param.Name == "pageNumber" && param.In == "query" && (param.Type.Kind == KindInt32 || param.Type.Kind == KindInt64) && !param.Tombstone && numbered {
			p.Kind, p.Where, p.Param, p.PageCount, p.Total = PageByNumber, PageInArgument, param, count, total
			return p, ""
		}
	}
	// The page in the body, required or optional.
	if op.Method == "POST" {
		for _, param := range append(append([]*Param(nil), op.Positional...), op.Options...) {
			if param.In != "body" || param.Tombstone || param.Type.Kind != KindModel {
				continue
			}
			body := models[param.Type.Name]
			if f := fieldOf(body, "pageNumber", KindInt32, KindInt64); f != nil && numbered {
				p.Kind, p.Where, p.Param, p.BodyField, p.PageCount, p.Total = PageByNumber, PageInBody, param, f, count, total
				return p, ""
			}
			if nested := fieldOf(body, "paging", KindModel); nested != nil && numbered {
				if f := fieldOf(models[nested.Type.Name], "pageNumber", KindInt32, KindInt64); f != nil {
					p.Kind, p.Where, p.Param, p.BodyField, p.Nested, p.PageCount, p.Total = PageByNumber, PageInBodyPaging, param, f, nested, count, total
					p.NestedType = goType(nested.Type, "models.")
					return p, ""
				}
			}
			// The next cursor is the listing's property of the same name, or
			// the parameter of that name in its nextUri.
			for _, name := range []string{"cursor", "after"} {
				f := fieldOf(body, name, KindString)
				if f == nil {
					continue
				}
				if cursor := field(name, KindString); cursor != nil {
					p.Kind, p.Where, p.Param, p.BodyField, p.Cursor = PageByCursor, PageInBody, param, f, cursor
					return p, ""
				}
				if next != nil {
					p.Kind, p.Where, p.Param, p.BodyField, p.NextURI = PageByCursor, PageInBody, param, f, next
					return p, ""
				}
			}
		}
	}
	if cursorsAfter != nil {
		return nil, "The result holds one page of a listing with the cursors of the pages around it, but the operation has no parameter to send a cursor back: the listing cannot be walked through this method, which therefore has no iterator."
	}
	return nil, ""
}

// pagingData is what the pagingMethod template renders.
type pagingData struct {
	API *API
	Op  *Operation
	P   *Paging
}

func newPagingData(api *API, op *Operation) pagingData {
	return pagingData{api, op, op.Paging}
}

// Args are the arguments of the operation's method inside the iterator's
// fetch function: the positional parameters, with the one the page is asked
// with replaced by v.
func (d pagingData) Args(v string) string {
	var s strings.Builder
	for _, p := range d.Op.Positional {
		s.WriteString(", ")
		if p == d.P.Param {
			s.WriteString(v)
		} else {
			s.WriteString(p.Var)
		}
	}
	return s.String()
}

// Walk is the name of the unexported method that builds the walk the
// iterator and the page view share.
func (d pagingData) Walk() string {
	return strings.ToLower(d.Op.Name[:1]) + d.Op.Name[1:] + "Walk"
}

// CallArgs are the arguments the iterator passes to Walk.
func (d pagingData) CallArgs() string {
	var s strings.Builder
	for _, p := range d.Op.Positional {
		s.WriteString(p.Var + ", ")
	}
	s.WriteString("opts")
	return s.String()
}

// Listing is the Go type of the listing, without its pointer.
func (d pagingData) Listing() string {
	return goType(d.Op.Result, "models.")
}

// ReadType is the type of ReadFunc.
func (d pagingData) ReadType() string {
	if d.P.Kind == PageByNumber {
		return "func(*" + d.Listing() + ") ([]" + itemType(d.P) + ", int64, int64, error)"
	}
	return "func(*" + d.Listing() + ") ([]" + itemType(d.P) + ", string, error)"
}

// FetchType is the type of the function that fetches a page.
func (d pagingData) FetchType() string {
	arg := "int64"
	if d.P.Kind == PageByCursor {
		arg = "string"
	}
	return "func(context.Context, " + arg + ") (*" + d.Listing() + ", *platformclient.APIResponse, error)"
}

// ReadFunc is the function that reads a page's items and counts (number)
// or items and next cursor (cursor) from a listing r; nil is an empty page.
func (d pagingData) ReadFunc() string {
	p := d.P
	var out, ret, zero string
	if p.Kind == PageByNumber {
		out, zero = "int64, int64, error", "0, 0"
		ret = intField(p.PageCount, "r") + ", " + intField(p.Total, "r")
	} else {
		out, zero = "string, error", `""`
		ret = d.NextCursor("r")
	}
	sig := "func(r *" + d.Listing() + ") ([]" + itemType(p) + ", " + out + ") {\nif r == nil {\nreturn nil, " + zero + ", nil\n}\n"
	if p.RawItems {
		return sig + "items, err := platformclient.RawItems(" + d.Items("r") + ")\nreturn items, " + ret + ", err\n}"
	}
	return sig + "return " + d.Items("r") + ", " + ret + ", nil\n}"
}

// PagesDoc is the documentation of the page view method.
func (d pagingData) PagesDoc() string {
	p := d.P
	resume := "page number (Next)"
	if p.Kind == PageByCursor {
		resume = "cursor (NextCursor)"
	}
	return comment("", p.Pages+" returns an iterator over the pages of "+d.Op.Name+", walked as "+p.Method+
		" walks them (same arguments, same end). Each page holds the listing as the API sent it"+d.CountsDoc()+
		", its response, and the "+resume+" to resume from, as "+d.ResumeDoc()+".")
}

// CountsDoc names the listing's counts, for the page view's documentation.
func (d pagingData) CountsDoc() string {
	var names []string
	for _, f := range []*Field{d.P.Total, d.P.PageCount, d.P.NextURI} {
		if f != nil {
			names = append(names, f.JSON)
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return " (with its " + names[0] + ")"
	}
	return " (with its " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + ")"
}

// ResumeDoc names where a walk is resumed from: the option, argument or
// body field the page is asked with.
func (d pagingData) ResumeDoc() string {
	p := d.P
	switch {
	case p.Where == PageInQuery:
		return "opts." + p.Param.Field
	case p.Where == PageInArgument:
		return "the argument " + p.Param.Var
	case p.Nested != nil:
		return d.BodyDoc() + "." + p.Nested.Name + "." + p.BodyField.Name
	}
	return d.BodyDoc() + "." + p.BodyField.Name
}

// PageString reports whether the page number option is a string (as the
// spec types two of them): it is then formatted and parsed.
func (d pagingData) PageString() bool {
	return d.P.Param.Type.Kind == KindString
}

// BodyType is the Go type of the body, without its pointer.
func (d pagingData) BodyType() string {
	return goType(d.P.Param.Type, "models.")
}

// Body is the expression of the body the caller gave: the argument, or the
// field of the copy o of the options.
func (d pagingData) Body() string {
	if d.P.Param.Required {
		return d.P.Param.Var
	}
	return "o." + d.P.Param.Field
}

// BodyDoc names the body the caller gave, for the documentation.
func (d pagingData) BodyDoc() string {
	if d.P.Param.Required {
		return d.P.Param.Var
	}
	return "opts." + d.P.Param.Field
}

// ArgType is the Go type of the argument the page is asked with.
func (d pagingData) ArgType() string {
	return argType(d.P.Param)
}

// PageType is the Go type of the page number in the body (int32).
func (d pagingData) PageType() string {
	return goType(d.P.BodyField.Type, "models.")
}

// Items is the expression of the items of the listing r (an ArrayNode to
// decode when RawItems is set).
func (d pagingData) Items(r string) string {
	return r + "." + d.P.Items.Name
}

// NextCursor is the expression of the next cursor of the listing r.
func (d pagingData) NextCursor(r string) string {
	p := d.P
	switch {
	case p.CursorIn != nil:
		return "platformclient.Deref(platformclient.Deref(" + r + "." + p.CursorIn.Name + ")." + p.Cursor.Name + ")"
	case p.Cursor != nil:
		return "platformclient.Deref(" + r + "." + p.Cursor.Name + ")"
	}
	name := p.Param.Name
	if p.BodyField != nil {
		name = p.BodyField.JSON
	}
	return "platformclient.CursorFromURI(platformclient.Deref(" + r + "." + p.NextURI.Name + "), " + fmt.Sprintf("%q", name) + ")"
}

// itemType is the Go type of the items of a paged listing.
func itemType(p *Paging) string {
	if p.RawItems {
		return "json.RawMessage"
	}
	return goType(p.Items.Type.Elem, "models.")
}

// intField reads an integer field of the listing r as an int64 expression,
// 0 when the listing has no such field.
func intField(f *Field, r string) string {
	if f == nil {
		return "0"
	}
	return "int64(platformclient.Deref(" + r + "." + f.Name + "))"
}

// trimStar drops the * of a pointer type.
func trimStar(t string) string {
	return strings.TrimPrefix(t, "*")
}
