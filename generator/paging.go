package generator

import "strings"

// Paged listings: which operations return one page of a longer list, and how
// to ask for the next page. The templates give each such operation an
// iterator method over the items of every page.

// Paging kinds.
const (
	// PageByNumber: a pageNumber query parameter, and a listing with
	// entities and pageCount or total.
	PageByNumber = "number"
	// PageByCursor: a cursor or after query parameter, and a listing with
	// entities and the next cursor, or a nextUri that carries it.
	PageByCursor = "cursor"
)

// Paging says how to walk the pages of an operation's result.
type Paging struct {
	Kind string // PageByNumber or PageByCursor
	// Method is the name of the iterator method.
	Method string
	// Param is the option set for each page: pageNumber, cursor or after.
	Param *Param
	// Items is the listing's array of items (entities).
	Items *Field
	// PageCount and Total are the listing's counts (PageByNumber); either
	// may be nil.
	PageCount, Total *Field
	// Cursor is the listing's next cursor (PageByCursor), nil when the
	// cursor is read from NextURI.
	Cursor *Field
	// NextURI is the listing's nextUri (PageByCursor without Cursor).
	NextURI *Field
}

// detectPaging sets Operation.Paging on every GET operation that returns a
// paged listing. The shapes are recognised by name, as the Platform API
// spells them; anything else is left without an iterator.
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
			if op.Paging != nil || op.Method != "GET" || op.Result == nil || op.Result.Kind != KindModel {
				continue
			}
			p := pagingOf(op, models[op.Result.Name])
			if p == nil {
				continue
			}
			p.Method = op.Name + "Iter"
			if taken[p.Method] {
				b.errorf("paths."+op.Path+".get", "the iterator method %s of %s is already a method of %s", p.Method, op.Name, api.Name)
				continue
			}
			taken[p.Method] = true
			op.Paging = p
		}
	}
}

// pagingOf returns the paging of op, whose result is the model m, or nil.
func pagingOf(op *Operation, m *Model) *Paging {
	if m == nil {
		return nil
	}
	field := func(json string, kinds ...Kind) *Field {
		for _, f := range m.Fields {
			if f.JSON == json {
				for _, k := range kinds {
					if f.Type.Kind == k {
						return f
					}
				}
			}
		}
		return nil
	}
	option := func(name string, kinds ...Kind) *Param {
		for _, p := range op.Options {
			if p.Name == name && p.In == "query" {
				for _, k := range kinds {
					if p.Type.Kind == k {
						return p
					}
				}
			}
		}
		return nil
	}
	items := field("entities", KindArray)
	if items == nil {
		return nil
	}
	if param := option("pageNumber", KindInt32, KindInt64); param != nil {
		count, total := field("pageCount", KindInt32, KindInt64), field("total", KindInt32, KindInt64)
		if count != nil || total != nil {
			return &Paging{Kind: PageByNumber, Param: param, Items: items, PageCount: count, Total: total}
		}
	}
	next := field("nextUri", KindString)
	if param := option("cursor", KindString); param != nil {
		if cursor := field("cursor", KindString); cursor != nil {
			return &Paging{Kind: PageByCursor, Param: param, Items: items, Cursor: cursor}
		}
		if next != nil {
			return &Paging{Kind: PageByCursor, Param: param, Items: items, NextURI: next}
		}
	}
	if param := option("after", KindString); param != nil && next != nil {
		return &Paging{Kind: PageByCursor, Param: param, Items: items, NextURI: next}
	}
	return nil
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

// itemType is the Go type of the items of a paged listing.
func itemType(p *Paging) string {
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
