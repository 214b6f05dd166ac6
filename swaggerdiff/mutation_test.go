package swaggerdiff

import (
	"reflect"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/purecloud-go/platform-client/swagger"
)

// A mutation changes a copy of the real spec (new, and old when a case needs
// the old side to differ from the real spec) and says what both rule sets
// must report: lines as "impact | group | line", and the bump.
type mutation struct {
	name      string
	old       func(*swagger.Spec) // optional
	new       func(*swagger.Spec)
	official  []string
	officialB Impact
	goLines   []string
	goB       Impact
	// tombB is the Go bump with Options.Tombstones (checked when set).
	tombB Impact
}

const (
	clients  = "/api/v2/oauth/clients"
	client   = "/api/v2/oauth/clients/{clientId}"
	users    = "/api/v2/users"
	gClient  = "GET " + client
	gUsers   = "GET " + users
	putCl    = "PUT " + client
	delCl    = "DELETE " + client
	oauthCli = "OAuthClient"
	bulk     = "/api/v2/alerting/alerts/bulk"
	// detailsJobs creates the jobs whose status GET detailsJobs/{jobId}
	// reports, which has a waiter.
	detailsJobs = "/api/v2/analytics/conversations/details/jobs"
)

// deepCopy copies a kin-openapi value field by field (not through JSON,
// which would lose what the loader keeps beyond kin-openapi: the marks
// beside a $ref, an explicit "required": false or empty description).
func deepCopy[T any](v *T) *T {
	return copyValue(reflect.ValueOf(v)).Interface().(*T)
}

var responsesType = reflect.TypeFor[*openapi2.Responses]()

func copyValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		if v.Type() == responsesType { // its map is unexported
			r := v.Interface().(*openapi2.Responses)
			n := openapi2.NewResponsesWithCapacity(r.Len())
			n.Extensions = copyValue(reflect.ValueOf(r.Extensions)).Interface().(map[string]any)
			for code, resp := range r.Map() {
				n.Set(code, deepCopy(resp))
			}
			return reflect.ValueOf(n)
		}
		n := reflect.New(v.Type().Elem())
		n.Elem().Set(copyValue(v.Elem()))
		return n
	case reflect.Struct:
		n := reflect.New(v.Type()).Elem()
		for i := range v.NumField() {
			if n.Field(i).CanSet() {
				n.Field(i).Set(copyValue(v.Field(i)))
			}
		}
		return n
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		n := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			n.Index(i).Set(copyValue(v.Index(i)))
		}
		return n
	case reflect.Map:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		n := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			n.SetMapIndex(it.Key(), copyValue(it.Value()))
		}
		return n
	case reflect.Interface:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		n := reflect.New(v.Type()).Elem()
		n.Set(copyValue(v.Elem()))
		return n
	}
	return v
}

// editPath replaces the path item at p with an edited copy.
func editPath(s *swagger.Spec, p string, f func(*openapi2.PathItem)) {
	item := deepCopy(s.Doc.Paths[p])
	f(item)
	s.Doc.Paths[p] = item
}

func editOp(s *swagger.Spec, p, method string, f func(*openapi2.Operation)) {
	editPath(s, p, func(item *openapi2.PathItem) { f(item.GetOperation(method)) })
}

func editParam(s *swagger.Spec, p, method, name string, f func(*openapi2.Parameter)) {
	editOp(s, p, method, func(o *openapi2.Operation) {
		for _, prm := range o.Parameters {
			if prm.Name == name {
				f(prm)
				return
			}
		}
		panic("no parameter " + name)
	})
}

func editDef(s *swagger.Spec, name string, f func(*openapi2.Schema)) {
	ref := deepCopy(s.Doc.Definitions[name])
	f(ref.Value)
	s.Doc.Definitions[name] = ref
}

func editProp(s *swagger.Spec, def, prop string, f func(*openapi2.Schema)) {
	editDef(s, def, func(d *openapi2.Schema) { f(d.Properties[prop].Value) })
}

func typ(t string) *openapi3.Types { return &openapi3.Types{t} }

func ptrTo[T any](v T) *T { return &v }

func refTo(name string) *openapi2.SchemaRef {
	return &openapi2.SchemaRef{Ref: "#/definitions/" + name}
}

// renamedOp is a copy of an operation under new names.
func renamedOp(s *swagger.Spec, p, method, id string) *openapi2.Operation {
	o := deepCopy(s.Doc.Paths[p].GetOperation(method))
	o.OperationID = id
	o.Extensions["x-purecloud-method-name"] = id
	return o
}

func line(i Impact, group, text string) string { return i.String() + " | " + group + " | " + text }

var mutations = []mutation{
	// 2.1 paths and operations
	{name: "1 path removed", new: func(s *swagger.Spec) { delete(s.Doc.Paths, client) },
		official: []string{line(Major, client, "Path "+client+" was removed")}, officialB: Major,
		goLines: []string{line(Major, client, "Path "+client+" was removed")}, goB: Major, tombB: Minor},
	{name: "2 path added", new: func(s *swagger.Spec) {
		p := clients + "/copy"
		s.Doc.Paths[p] = &openapi2.PathItem{Get: renamedOp(s, clients, "GET", "getOauthClientsCopy"), Post: renamedOp(s, clients, "POST", "postOauthClientsCopy")}
		s.SetKeys(swagger.Pointer("paths", p), []string{"get", "post"})
	}, official: []string{line(Minor, clients+"/copy", "Path was added"), line(Minor, clients+"/copy", "Operation GET was added"), line(Minor, clients+"/copy", "Operation POST was added")}, officialB: Minor,
		goLines: []string{line(Minor, clients+"/copy", "Path was added"), line(Minor, clients+"/copy", "Operation GET was added"), line(Minor, clients+"/copy", "Operation POST was added")}, goB: Minor},
	{name: "3 operation removed", new: func(s *swagger.Spec) { editPath(s, client, func(i *openapi2.PathItem) { i.Delete = nil }) },
		official: []string{line(Major, client, "Operation DELETE was removed")}, officialB: Major,
		goLines: []string{line(Major, client, "Operation DELETE was removed")}, goB: Major, tombB: Minor},
	{name: "4 operation added with summary", new: func(s *swagger.Spec) {
		o := renamedOp(s, client, "PUT", "patchOauthClient")
		editPath(s, client, func(i *openapi2.PathItem) { i.Patch = o })
	}, official: []string{line(Minor, client, "Operation patch was added. Summary: Update OAuth Client")}, officialB: Minor,
		goLines: []string{line(Minor, client, "Operation patch was added. Summary: Update OAuth Client")}, goB: Minor},
	{name: "5 operation added without summary", new: func(s *swagger.Spec) {
		o := renamedOp(s, client, "PUT", "patchOauthClient")
		o.Summary = ""
		editPath(s, client, func(i *openapi2.PathItem) { i.Patch = o })
	}, official: []string{line(Minor, client, "Operation PATCH was added")}, officialB: Minor,
		goLines: []string{line(Minor, client, "Operation PATCH was added")}, goB: Minor},
	{name: "6 operationId changed", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.OperationID = "getOauthClientById" })
	}, official: []string{line(Major, gClient, "Operation operationId was changed from getOauthClient to getOauthClientById")}, officialB: Major,
		goLines: []string{line(Patch, gClient, "Operation operationId was changed from getOauthClient to getOauthClientById")}, goB: Patch},
	{name: "7 method name changed", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Extensions["x-purecloud-method-name"] = "getOauthClientById" })
	}, official: []string{line(Major, gClient, "Operation x-purecloud-method-name was changed from getOauthClient to getOauthClientById")}, officialB: Major,
		goLines: []string{line(Major, gClient, "Operation x-purecloud-method-name was changed from getOauthClient to getOauthClientById")}, goB: Major},
	{name: "7 method name added (generic line)", old: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { delete(o.Extensions, "x-purecloud-method-name") })
	}, new: func(*swagger.Spec) {},
		official: []string{line(Major, gClient, "Operation x-purecloud-method-name was added")}, officialB: Major,
		goLines: []string{line(Patch, gClient, "Operation x-purecloud-method-name was added")}, goB: Patch},
	{name: "8 description changed", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Description = "Another text." })
	}, official: []string{line(Patch, gClient, "Description was changed")}, officialB: Patch,
		goLines: []string{line(Patch, gClient, "Description was changed")}, goB: Patch},
	{name: "9 summary changed", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Summary = "Get a client" })
	}, official: []string{line(Patch, gClient, "Summary was changed")}, officialB: Patch,
		goLines: []string{line(Patch, gClient, "Summary was changed")}, goB: Patch},
	{name: "10 deprecated", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Deprecated = true })
	}, official: []string{line(Major, gClient, "Has been deprecated")}, officialB: Major,
		goLines: []string{line(Patch, gClient, "Has been deprecated")}, goB: Patch},
	{name: "11 undeprecated", old: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Deprecated = true })
	}, new: func(*swagger.Spec) {},
		official: []string{line(Major, gClient, "Has been undeprecated")}, officialB: Major,
		goLines: []string{line(Patch, gClient, "Has been undeprecated")}, goB: Patch},
	{name: "12 parameter removed", new: func(s *swagger.Spec) {
		editOp(s, users, "GET", func(o *openapi2.Operation) {
			o.Parameters = slices.DeleteFunc(o.Parameters, func(p *openapi2.Parameter) bool { return p.Name == "sortOrder" })
		})
	}, official: []string{line(Major, gUsers, "Parameter sortOrder was removed")}, officialB: Major,
		goLines: []string{line(Major, gUsers, "Parameter sortOrder was removed")}, goB: Major, tombB: Minor},
	{name: "13 optional parameter added", new: func(s *swagger.Spec) {
		editOp(s, clients, "GET", func(o *openapi2.Operation) {
			o.Parameters = append(o.Parameters, &openapi2.Parameter{Name: "filter", In: "query", Type: typ("string")})
		})
	}, official: []string{line(Major, "GET "+clients, "Parameter filter was added")}, officialB: Major,
		goLines: []string{line(Minor, "GET "+clients, "Parameter filter was added")}, goB: Minor},
	{name: "13 required parameter added", new: func(s *swagger.Spec) {
		editOp(s, clients, "GET", func(o *openapi2.Operation) {
			o.Parameters = append(o.Parameters, &openapi2.Parameter{Name: "filter", In: "query", Type: typ("string"), Required: true})
		})
	}, official: []string{line(Major, "GET "+clients, "Parameter filter was added")}, officialB: Major,
		goLines: []string{line(Major, "GET "+clients, "Parameter filter was added")}, goB: Major},
	{name: "14 parameter in changed", new: func(s *swagger.Spec) {
		editParam(s, users, "GET", "pageSize", func(p *openapi2.Parameter) { p.In = "header" })
	}, official: []string{line(Major, gUsers, "Parameter pageSize was changed from query to header")}, officialB: Major,
		goLines: []string{line(Patch, gUsers, "Parameter pageSize was changed from query to header")}, goB: Patch},
	{name: "15 parameter type changed", new: func(s *swagger.Spec) {
		editParam(s, users, "GET", "pageSize", func(p *openapi2.Parameter) { p.Type, p.Format = typ("string"), "" })
	}, official: []string{line(Major, gUsers, "Parameter pageSize was changed from integer to string")}, officialB: Major,
		goLines: []string{line(Major, gUsers, "Parameter pageSize was changed from integer to string")}, goB: Major},
	{name: "15 paging parameter type changed: the iterator goes", new: func(s *swagger.Spec) {
		// A string page number still walks (some listings have one); a
		// boolean cannot.
		editParam(s, users, "GET", "pageNumber", func(p *openapi2.Parameter) { p.Type, p.Format = typ("boolean"), "" })
	}, official: []string{line(Major, gUsers, "Parameter pageNumber was changed from integer to boolean")}, officialB: Major,
		goLines: []string{
			line(Major, gUsers, "Parameter pageNumber was changed from integer to boolean"),
			line(Major, gUsers, "Go API: methods GetUsersIter and GetUsersPages were removed"),
		}, goB: Major},
	{name: "3 job creator removed: the waiter goes", new: func(s *swagger.Spec) {
		editPath(s, detailsJobs, func(i *openapi2.PathItem) { i.Post = nil })
	}, official: []string{line(Major, detailsJobs, "Operation POST was removed")}, officialB: Major,
		goLines: []string{
			line(Major, detailsJobs, "Operation POST was removed"),
			line(Major, "GET "+detailsJobs+"/{jobId}", "Go API: method GetAnalyticsConversationsDetailsJobWait was removed"),
		}, goB: Major, tombB: Minor},
	{name: "15 parameter type added (generic line)", new: func(s *swagger.Spec) {
		editParam(s, client, "PUT", "body", func(p *openapi2.Parameter) { p.Type = typ("object") })
	}, official: []string{line(Major, putCl, "Parameter body was added")}, officialB: Major,
		goLines: []string{line(Patch, putCl, "Parameter body was added")}, goB: Patch},
	{name: "16 parameter description changed", new: func(s *swagger.Spec) {
		editParam(s, users, "GET", "pageSize", func(p *openapi2.Parameter) { p.Description = "How many" })
	}, official: []string{line(Patch, gUsers, "Description was changed for parameter pageSize")}, officialB: Patch,
		goLines: []string{line(Patch, gUsers, "Description was changed for parameter pageSize")}, goB: Patch},
	{name: "17 parameter made required", new: func(s *swagger.Spec) {
		editParam(s, users, "GET", "pageSize", func(p *openapi2.Parameter) { p.Required = true })
	}, official: []string{line(Major, gUsers, "Parameter pageSize was made required")}, officialB: Major,
		goLines: []string{line(Major, gUsers, "Parameter pageSize was made required")}, goB: Major},
	{name: "18 body parameter made optional", new: func(s *swagger.Spec) {
		editParam(s, client, "PUT", "body", func(p *openapi2.Parameter) { p.Required = false })
	}, official: []string{line(Minor, putCl, "Parameter body was made optional")}, officialB: Minor,
		goLines: []string{line(Major, putCl, "Parameter body was made optional")}, goB: Major},
	{name: "18 path parameter made optional", new: func(s *swagger.Spec) {
		editParam(s, client, "GET", "clientId", func(p *openapi2.Parameter) { p.Required = false })
	}, official: []string{line(Minor, gClient, "Parameter clientId was made optional")}, officialB: Minor,
		goLines: []string{line(Patch, gClient, "Parameter clientId was made optional")}, goB: Patch},
	{name: "19 result response removed", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Responses.Delete("200") })
	}, official: []string{line(Major, gClient, "Response 200 was removed")}, officialB: Major,
		goLines: []string{line(Major, gClient, "Response 200 was removed")}, goB: Major},
	{name: "19 error response removed", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Responses.Delete("404") })
	}, official: []string{line(Major, gClient, "Response 404 was removed")}, officialB: Major,
		goLines: []string{line(Patch, gClient, "Response 404 was removed")}, goB: Patch},
	{name: "20 response added", new: func(s *swagger.Spec) {
		editOp(s, client, "DELETE", func(o *openapi2.Operation) { o.Responses.Set("204", &openapi2.Response{Description: "deleted"}) })
	}, official: []string{line(Minor, delCl, "Response 204 was added")}, officialB: Minor,
		goLines: []string{line(Patch, delCl, "Response 204 was added")}, goB: Patch},
	{name: "21 response description changed", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Responses.Value("404").Description = "Not there." })
	}, official: []string{line(Patch, gClient, "Response 404 was changed from The requested resource was not found. to Not there.")}, officialB: Patch,
		goLines: []string{line(Patch, gClient, "Response 404 was changed from The requested resource was not found. to Not there.")}, goB: Patch},
	{name: "21 response description emptied (generic line)", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Responses.Value("404").Description = "" })
	}, official: []string{line(Patch, gClient, "Response 404 was removed")}, officialB: Patch,
		goLines: []string{line(Patch, gClient, "Response 404 was removed")}, goB: Patch},
	{name: "21 response description filled (generic line)", old: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Responses.Value("404").Description = "" })
	}, new: func(*swagger.Spec) {},
		official: []string{line(Patch, gClient, "Response 404 was added")}, officialB: Patch,
		goLines: []string{line(Patch, gClient, "Response 404 was added")}, goB: Patch},
	{name: "22 result type changed", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Responses.Value("200").Schema = refTo("DomainEntityRef") })
	}, official: []string{line(Major, gClient, "Response 200 type was changed from OAuthClient to DomainEntityRef")}, officialB: Major,
		goLines: []string{line(Major, gClient, "Response 200 type was changed from OAuthClient to DomainEntityRef")}, goB: Major},
	{name: "22 error schema dropped", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Responses.Value("400").Schema = nil })
	}, official: []string{line(Major, gClient, "Response 400 type was changed from ErrorBody to _undefined_")}, officialB: Major,
		goLines: []string{line(Patch, gClient, "Response 400 type was changed from ErrorBody to _undefined_")}, goB: Patch},
	{name: "23 24 tag moved", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Tags = []string{"Users"} })
	}, official: []string{line(Major, gClient, "Tag OAuth was removed"), line(Major, gClient, "Tag Users was added")}, officialB: Major,
		goLines: []string{line(Major, gClient, "Tag OAuth was removed"), line(Minor, gClient, "Tag Users was added")}, goB: Major},
	{name: "24 tag added", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Tags = append(o.Tags, "Users") })
	}, official: []string{line(Major, gClient, "Tag Users was added")}, officialB: Major,
		goLines: []string{line(Minor, gClient, "Tag Users was added")}, goB: Minor},

	{name: "24 tag listed twice", new: func(s *swagger.Spec) {
		// The official differ compares tags by inclusion; the generator
		// puts the method in its API once.
		editOp(s, client, "GET", func(o *openapi2.Operation) { o.Tags = append(o.Tags, o.Tags...) })
	}, official: nil, officialB: None, goLines: nil, goB: None},

	// 2.2 models
	{name: "25 model removed", old: func(s *swagger.Spec) { s.Doc.Definitions["ZzRetired"] = deepCopy(s.Doc.Definitions["LocalizedLabels"]) },
		new:      func(*swagger.Spec) {},
		official: []string{line(Major, "ZzRetired", "Model ZzRetired was removed")}, officialB: Major,
		goLines: []string{line(Major, "ZzRetired", "Model ZzRetired was removed")}, goB: Major, tombB: Minor},
	{name: "26 model added", new: func(s *swagger.Spec) { s.Doc.Definitions["ZzNew"] = deepCopy(s.Doc.Definitions["LocalizedLabels"]) },
		official: []string{line(Minor, "ZzNew", "Model was added")}, officialB: Minor,
		goLines: []string{line(Minor, "ZzNew", "Model was added")}, goB: Minor},
	{name: "26 model without properties added (go only)", new: func(s *swagger.Spec) {
		s.Doc.Definitions["ZzFree"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("object")}}
	}, official: nil, officialB: None,
		goLines: []string{line(Minor, "ZzFree", "Model was added")}, goB: Minor},
	{name: "27 property removed", new: func(s *swagger.Spec) {
		editDef(s, oauthCli, func(d *openapi2.Schema) { delete(d.Properties, "description") })
	}, official: []string{line(Major, oauthCli, "Property description was removed")}, officialB: Major,
		goLines: []string{line(Major, oauthCli, "Property description was removed")}, goB: Major, tombB: Minor},
	{name: "28 required property added", new: func(s *swagger.Spec) {
		editDef(s, oauthCli, func(d *openapi2.Schema) {
			d.Properties["tier"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("string")}}
			d.Required = append(d.Required, "tier")
		})
	}, official: []string{line(Major, oauthCli, "Required property tier was added")}, officialB: Major,
		goLines: []string{line(Minor, oauthCli, "Required property tier was added")}, goB: Minor},
	{name: "29 optional property added", new: func(s *swagger.Spec) {
		editDef(s, oauthCli, func(d *openapi2.Schema) {
			d.Properties["tier"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("string")}}
		})
	}, official: []string{line(Minor, oauthCli, "Optional property tier was added")}, officialB: Minor,
		goLines: []string{line(Minor, oauthCli, "Optional property tier was added")}, goB: Minor},
	{name: "30 property type changed", new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "name", func(p *openapi2.Schema) { p.Type = typ("integer") })
	}, official: []string{line(Major, oauthCli, "Property name was changed from string to integer")}, officialB: Major,
		goLines: []string{line(Major, oauthCli, "Property name was changed from string to integer")}, goB: Major},
	{name: "31 made readonly", new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "name", func(p *openapi2.Schema) { p.ReadOnly = true })
	}, official: []string{line(Major, oauthCli, "name has been made readonly")}, officialB: Major,
		goLines: []string{line(Patch, oauthCli, "name has been made readonly")}, goB: Patch},
	{name: "32 no longer readonly", new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "id", func(p *openapi2.Schema) { p.ReadOnly = false })
	}, official: []string{line(Minor, oauthCli, "id is no longer readonly")}, officialB: Minor,
		goLines: []string{line(Patch, oauthCli, "id is no longer readonly")}, goB: Patch},
	{name: "33 enum added", new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "name", func(p *openapi2.Schema) { p.Enum = []any{"a", "b"} })
	}, official: []string{line(Major, oauthCli, "Values are now constrained by enum members")}, officialB: Major,
		goLines: []string{line(Major, oauthCli, "Values are now constrained by enum members")}, goB: Major},
	{name: "34 enum removed", new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "state", func(p *openapi2.Schema) { p.Enum = nil })
	}, official: []string{line(Minor, oauthCli, "Values are no longer constrained by enum members")}, officialB: Minor,
		goLines: []string{line(Major, oauthCli, "Values are no longer constrained by enum members")}, goB: Major},
	{name: "35 enum value removed", new: func(s *swagger.Spec) {
		editProp(s, "LocalizedLabels", "key", func(p *openapi2.Schema) { p.Enum = p.Enum[1:] })
	}, official: []string{line(Major, "LocalizedLabels", "Enum value MessengerHomeHeaderTitle was removed from property key")}, officialB: Major,
		goLines: []string{line(Major, "LocalizedLabels", "Enum value MessengerHomeHeaderTitle was removed from property key")}, goB: Major, tombB: Minor},
	{name: "36 enum value added", new: func(s *swagger.Spec) {
		editProp(s, "LocalizedLabels", "key", func(p *openapi2.Schema) { p.Enum = append(p.Enum, "ZzTitle") })
	}, official: []string{line(Minor, "LocalizedLabels", "Enum value ZzTitle was added to property key")}, officialB: Minor,
		goLines: []string{line(Minor, "LocalizedLabels", "Enum value ZzTitle was added to property key")}, goB: Minor},

	// What the official differ reads of the raw document (issue 13).
	{name: "31 made readonly beside a $ref", new: func(s *swagger.Spec) {
		editDef(s, oauthCli, func(d *openapi2.Schema) { d.Properties["createdBy"].Extensions = map[string]any{"readOnly": true} })
	}, official: []string{line(Major, oauthCli, "createdBy has been made readonly")}, officialB: Major,
		goLines: []string{line(Patch, oauthCli, "createdBy has been made readonly")}, goB: Patch},
	{name: "32 no longer readonly beside a $ref", new: func(s *swagger.Spec) {
		editDef(s, "User", func(d *openapi2.Schema) { delete(d.Properties["presence"].Extensions, "readOnly") })
	}, official: []string{line(Minor, "User", "presence is no longer readonly")}, officialB: Minor,
		goLines: []string{line(Patch, "User", "presence is no longer readonly")}, goB: Patch},
	{name: "18 explicit required false dropped", new: func(s *swagger.Spec) {
		editParam(s, users, "GET", "pageSize", func(p *openapi2.Parameter) { delete(p.Extensions, "required") })
	}, official: []string{line(Minor, gUsers, "Parameter pageSize was made optional")}, officialB: Minor},
	{name: "18 explicit required false added", old: func(s *swagger.Spec) {
		editParam(s, users, "GET", "pageSize", func(p *openapi2.Parameter) { delete(p.Extensions, "required") })
	}, new: func(*swagger.Spec) {},
		official: []string{line(Minor, gUsers, "Parameter pageSize was made optional")}, officialB: Minor},
	{name: "8 empty description dropped", new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) { delete(o.Extensions, "description") })
	}, official: []string{line(Patch, gClient, "Description was changed")}, officialB: Patch},
	{name: "16 empty body parameter description added", new: func(s *swagger.Spec) {
		editParam(s, bulk, "PATCH", "body", func(p *openapi2.Parameter) { p.Extensions = map[string]any{"description": ""} })
	}, official: []string{line(Patch, "PATCH "+bulk, "Description was changed for parameter body")}, officialB: Patch},
	{name: "16 body parameter description filled from empty", old: func(s *swagger.Spec) {
		editParam(s, bulk, "PATCH", "body", func(p *openapi2.Parameter) { p.Extensions = map[string]any{"description": ""} })
	}, new: func(s *swagger.Spec) {
		editParam(s, bulk, "PATCH", "body", func(p *openapi2.Parameter) { p.Description = "Alerts" })
	}, official: []string{line(Patch, "PATCH "+bulk, "Description was changed for parameter body")}, officialB: Patch,
		goLines: []string{line(Patch, "PATCH "+bulk, "Description was changed for parameter body")}, goB: Patch},
	{name: "3 path-level parameters added to an existing path", new: func(s *swagger.Spec) {
		editPath(s, client, func(i *openapi2.PathItem) {
			i.Parameters = openapi2.Parameters{{Name: "clientId", In: "path", Required: true, Type: typ("string")}}
		})
	}, official: []string{line(Minor, client, "Operation PARAMETERS was added")}, officialB: Minor},
	{name: "3 path-level parameters removed from an existing path", old: func(s *swagger.Spec) {
		editPath(s, clients, func(i *openapi2.PathItem) {
			i.Parameters = openapi2.Parameters{{Name: "filter", In: "query", Type: typ("string")}}
		})
		s.SetKeys(swagger.Pointer("paths", clients), []string{"parameters", "get", "post"})
	}, new: func(*swagger.Spec) {},
		official: []string{line(Major, clients, "Operation PARAMETERS was removed")}, officialB: Major,
		goLines: []string{line(Major, "GET "+clients, "Parameter filter was removed"), line(Major, "POST "+clients, "Parameter filter was removed")}, goB: Major, tombB: Minor},
	{name: "4 path-level parameter added: each operation's Go API has it", new: func(s *swagger.Spec) {
		editPath(s, clients, func(i *openapi2.PathItem) {
			i.Parameters = openapi2.Parameters{{Name: "filter", In: "query", Type: typ("string")}}
		})
	}, official: []string{line(Minor, clients, "Operation PARAMETERS was added")}, officialB: Minor,
		goLines: []string{line(Minor, "GET "+clients, "Parameter filter was added"), line(Minor, "POST "+clients, "Parameter filter was added")}, goB: Minor},
	{name: "33 empty enum added", new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "name", func(p *openapi2.Schema) { p.Enum = []any{} })
	}, official: []string{line(Major, oauthCli, "Values are now constrained by enum members")}, officialB: Major,
		goLines: []string{line(Patch, oauthCli, "Values are now constrained by enum members")}, goB: Patch},
	{name: "35 enum emptied", new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "state", func(p *openapi2.Schema) { p.Enum = []any{} })
	}, official: []string{
		line(Major, oauthCli, "Enum value active was removed from property state"),
		line(Major, oauthCli, "Enum value disabled was removed from property state"),
		line(Major, oauthCli, "Enum value inactive was removed from property state"),
	}, officialB: Major,
		goLines: []string{
			line(Major, oauthCli, "Enum value active was removed from property state"),
			line(Major, oauthCli, "Enum value disabled was removed from property state"),
			line(Major, oauthCli, "Enum value inactive was removed from property state"),
		}, goB: Major},
	{name: "36 numbers printed as JavaScript does", old: func(s *swagger.Spec) {
		editProp(s, oauthCli, "accessTokenValiditySeconds", func(p *openapi2.Schema) { p.Enum = []any{300.0} })
	}, new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "accessTokenValiditySeconds", func(p *openapi2.Schema) { p.Enum = []any{300.0, 10000000.0, 172800000000.0, 1e21, 2.5e-7} })
	}, official: []string{
		line(Minor, oauthCli, "Enum value 10000000 was added to property accessTokenValiditySeconds"),
		line(Minor, oauthCli, "Enum value 172800000000 was added to property accessTokenValiditySeconds"),
		line(Minor, oauthCli, "Enum value 1e+21 was added to property accessTokenValiditySeconds"),
		line(Minor, oauthCli, "Enum value 2.5e-7 was added to property accessTokenValiditySeconds"),
	}, officialB: Minor,
		goLines: []string{
			line(Patch, oauthCli, "Enum value 10000000 was added to property accessTokenValiditySeconds"),
			line(Patch, oauthCli, "Enum value 172800000000 was added to property accessTokenValiditySeconds"),
			line(Patch, oauthCli, "Enum value 1e+21 was added to property accessTokenValiditySeconds"),
			line(Patch, oauthCli, "Enum value 2.5e-7 was added to property accessTokenValiditySeconds"),
		}, goB: Patch},
	{name: "JavaScript key order: integer-like names first", new: func(s *swagger.Spec) {
		editDef(s, oauthCli, func(d *openapi2.Schema) {
			d.Properties["zz"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("string")}}
			d.Properties["10"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("string")}}
			d.Properties["2"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("string")}}
		})
		s.SetKeys(swagger.Pointer("definitions", oauthCli, "properties"), append(s.Keys(swagger.Pointer("definitions", oauthCli, "properties")), "zz", "10", "2"))
		s.Doc.Definitions["Zz2024"] = deepCopy(s.Doc.Definitions["LocalizedLabels"])
		s.Doc.Definitions["2024"] = deepCopy(s.Doc.Definitions["LocalizedLabels"])
		s.SetKeys("/definitions", append(s.Keys("/definitions"), "Zz2024", "2024"))
		editOp(s, clients, "GET", func(o *openapi2.Operation) {
			o.Parameters = append(o.Parameters, &openapi2.Parameter{Name: "b", In: "query", Type: typ("string")}, &openapi2.Parameter{Name: "7", In: "query", Type: typ("string")})
		})
	}, official: []string{
		line(Major, "GET "+clients, "Parameter 7 was added"),
		line(Major, "GET "+clients, "Parameter b was added"),
		line(Minor, "2024", "Model was added"),
		line(Minor, oauthCli, "Optional property 2 was added"),
		line(Minor, oauthCli, "Optional property 10 was added"),
		line(Minor, oauthCli, "Optional property zz was added"),
		line(Minor, "Zz2024", "Model was added"),
	}, officialB: Major,
		goLines: []string{
			line(Minor, "GET "+clients, "Parameter 7 was added"),
			line(Minor, "GET "+clients, "Parameter b was added"),
			line(Minor, "2024", "Model was added"),
			line(Minor, oauthCli, "Optional property 2 was added"),
			line(Minor, oauthCli, "Optional property 10 was added"),
			line(Minor, oauthCli, "Optional property zz was added"),
			line(Minor, "Zz2024", "Model was added"),
		}, goB: Minor},
	{name: "30 array without items (official type string)", new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "roleIds", func(p *openapi2.Schema) { p.Items = nil })
	}, official: []string{line(Major, oauthCli, "Property roleIds was changed from string[] to array")}, officialB: Major,
		goLines: []string{line(Major, oauthCli, "Property roleIds was changed from string[] to array")}, goB: Major},
	{name: "30 additionalProperties true (official type string)", old: func(s *swagger.Spec) {
		editProp(s, oauthCli, "name", func(p *openapi2.Schema) { p.Type = typ("object") })
	}, new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "name", func(p *openapi2.Schema) {
			p.Type = typ("object")
			p.AdditionalProperties = openapi3.AdditionalProperties{Has: ptrTo(true)}
		})
	}, official: []string{line(Major, oauthCli, "Property name was changed from object to Map<object, _undefined_>")}, officialB: Major,
		goLines: []string{line(Major, oauthCli, "Property name was changed from object to Map<object, _undefined_>")}, goB: Major},
	{name: "deliberately not JavaScript: a property named constructor", new: func(s *swagger.Spec) {
		// The official differ finds constructor on every object's prototype
		// and so never reports it added; this differ does.
		editDef(s, oauthCli, func(d *openapi2.Schema) {
			d.Properties["constructor"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("string")}}
		})
	}, official: []string{line(Minor, oauthCli, "Optional property constructor was added")}, officialB: Minor,
		goLines: []string{line(Minor, oauthCli, "Optional property constructor was added")}, goB: Minor},

	// Go only: what the official differ does not see.
	{name: "go property format int64 to int32", new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "accessTokenValiditySeconds", func(p *openapi2.Schema) { p.Format = "int32" })
	}, goLines: []string{line(Major, oauthCli, "Property accessTokenValiditySeconds format was changed from int64 to int32")}, goB: Major},
	{name: "go property format without Go effect", new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "selfUri", func(p *openapi2.Schema) { p.Format = "url" })
	}, goLines: []string{line(Patch, oauthCli, "Property selfUri format was changed from uri to url")}, goB: Patch},
	{name: "go property items format", new: func(s *swagger.Spec) {
		editProp(s, oauthCli, "roleIds", func(p *openapi2.Schema) { p.Items.Value.Format = "date-time" })
	}, goLines: []string{line(Major, oauthCli, "Property roleIds items were changed")}, goB: Major},
	{name: "go required list changed", new: func(s *swagger.Spec) {
		editDef(s, oauthCli, func(d *openapi2.Schema) { d.Required = []string{"authorizedGrantType"} })
	}, goLines: []string{line(Patch, oauthCli, "Property name was made optional")}, goB: Patch},
	{name: "go property and model descriptions", new: func(s *swagger.Spec) {
		editDef(s, oauthCli, func(d *openapi2.Schema) {
			d.Description = "A client."
			d.Properties["name"].Value.Description = "Its name."
		})
	}, goLines: []string{line(Patch, oauthCli, "Description was changed"), line(Patch, oauthCli, "Description was changed for property name")}, goB: Patch},
	{name: "go model lost its properties", new: func(s *swagger.Spec) {
		editDef(s, "LocalizedLabels", func(d *openapi2.Schema) { d.Properties = nil })
	}, goLines: []string{line(Major, "LocalizedLabels", "Model lost all its properties")}, goB: Major},
	{name: "go parameter format", new: func(s *swagger.Spec) {
		editParam(s, users, "GET", "pageSize", func(p *openapi2.Parameter) { p.Format = "int64" })
	}, goLines: []string{line(Major, gUsers, "Parameter pageSize format was changed from int32 to int64")}, goB: Major},
	{name: "go parameter items", new: func(s *swagger.Spec) {
		editParam(s, users, "GET", "id", func(p *openapi2.Parameter) { p.Items.Value.Type = typ("integer") })
	}, goLines: []string{line(Major, gUsers, "Parameter id format was changed from none, items {string|}, collectionFormat multi to none, items {integer|}, collectionFormat multi")}, goB: Major},
	{name: "go body schema", new: func(s *swagger.Spec) {
		editParam(s, client, "PUT", "body", func(p *openapi2.Parameter) { p.Schema = refTo("DomainEntityRef") })
	}, goLines: []string{line(Major, putCl, "Parameter body schema was changed from OAuthClientRequest to DomainEntityRef")}, goB: Major},
	{name: "go parameter enum", new: func(s *swagger.Spec) {
		editParam(s, users, "GET", "sortOrder", func(p *openapi2.Parameter) { p.Enum = []any{"ascending", "random"} })
	}, goLines: []string{line(Major, gUsers, "Enum value descending was removed from parameter sortOrder"), line(Minor, gUsers, "Enum value random was added to parameter sortOrder")}, goB: Major, tombB: Minor},
	{name: "go parameter enum value added", new: func(s *swagger.Spec) {
		editParam(s, users, "GET", "sortOrder", func(p *openapi2.Parameter) { p.Enum = append(p.Enum, "random") })
	}, goLines: []string{line(Minor, gUsers, "Enum value random was added to parameter sortOrder")}, goB: Minor},
	{name: "go parameter items enum value removed", new: func(s *swagger.Spec) {
		editParam(s, users, "GET", "expand", func(p *openapi2.Parameter) { p.Items.Value.Enum = p.Items.Value.Enum[1:] })
	}, goLines: []string{line(Major, gUsers, "Enum value routingStatus was removed from parameter expand")}, goB: Major, tombB: Minor},
	{name: "go response array items", old: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) {
			o.Responses.Value("200").Schema = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("array"), Items: refTo("OAuthClient")}}
		})
	}, new: func(s *swagger.Spec) {
		editOp(s, client, "GET", func(o *openapi2.Operation) {
			o.Responses.Value("200").Schema = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("array"), Items: refTo("DomainEntityRef")}}
		})
	}, goLines: []string{line(Major, gClient, "Response 200 schema was changed from OAuthClient[] to DomainEntityRef[]")}, goB: Major},
	{name: "2 extension keys added to an existing path: reported as operations", new: func(s *swagger.Spec) {
		// The official differ walks every key of a path item; the generator
		// reads no extension of a path item, so the Go API is the same.
		editPath(s, client, func(i *openapi2.PathItem) {
			i.Extensions = map[string]any{"x-inin-owner": "team", "x-inin-meta": map[string]any{"summary": "Owned by the team"}}
		})
	}, official: []string{
		line(Minor, client, "Operation x-inin-meta was added. Summary: Owned by the team"),
		line(Minor, client, "Operation X-ININ-OWNER was added"),
	}, officialB: Minor},
	{name: "3 extension key removed from an existing path", old: func(s *swagger.Spec) {
		editPath(s, client, func(i *openapi2.PathItem) { i.Extensions = map[string]any{"x-inin-owner": "team"} })
	}, new: func(*swagger.Spec) {},
		official: []string{line(Major, client, "Operation X-ININ-OWNER was removed")}, officialB: Major},
	{name: "35 36 enum values that change JSON type only", new: func(s *swagger.Spec) {
		editProp(s, "DomainNetworkAddress", "family", func(p *openapi2.Schema) { p.Enum = []any{"2", "23"} })
	}, official: []string{
		line(Major, "DomainNetworkAddress", "Enum value 2 was removed from property family"),
		line(Major, "DomainNetworkAddress", "Enum value 23 was removed from property family"),
		line(Minor, "DomainNetworkAddress", "Enum value 2 was added to property family"),
		line(Minor, "DomainNetworkAddress", "Enum value 23 was added to property family"),
	}, officialB: Major},
	// Shapes the official tools take that the generator once refused.
	{name: "accepted: a definition whose Go name collides (case only)", new: func(s *swagger.Spec) {
		s.Doc.Definitions["oAuthClient"] = deepCopy(s.Doc.Definitions["DomainEntityRef"])
	}, official: []string{line(Minor, "oAuthClient", "Model was added")}, officialB: Minor,
		goLines: []string{line(Minor, "oAuthClient", "Model was added")}, goB: Minor},
	{name: "accepted: a tag whose Go name collides (spaces and case)", new: func(s *swagger.Spec) {
		p := clients + "/copy"
		o := renamedOp(s, clients, "GET", "getOauthClientsCopy")
		o.Tags = []string{" oauth"}
		s.Doc.Paths[p] = &openapi2.PathItem{Get: o}
	}, official: []string{line(Minor, clients+"/copy", "Path was added"), line(Minor, clients+"/copy", "Operation GET was added")}, officialB: Minor,
		goLines: []string{line(Minor, clients+"/copy", "Path was added"), line(Minor, clients+"/copy", "Operation GET was added")}, goB: Minor},
	{name: "accepted: a method name repeated in one API", new: func(s *swagger.Spec) {
		// /api/v2/oauth/a sorts before /api/v2/oauth/clients: alone it
		// would take GetOauthClients; against the old side it does not.
		s.Doc.Paths["/api/v2/oauth/a"] = &openapi2.PathItem{Get: renamedOp(s, clients, "GET", "getOauthClients")}
	}, official: []string{line(Minor, "/api/v2/oauth/a", "Path was added"), line(Minor, "/api/v2/oauth/a", "Operation GET was added")}, officialB: Minor,
		goLines: []string{line(Minor, "/api/v2/oauth/a", "Path was added"), line(Minor, "/api/v2/oauth/a", "Operation GET was added")}, goB: Minor},
	{name: "accepted: a property whose name is no ASCII identifier", new: func(s *swagger.Spec) {
		editDef(s, oauthCli, func(d *openapi2.Schema) {
			d.Properties["straßenname"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("string")}}
			d.Properties["ß"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("string")}}
		})
	}, official: []string{line(Minor, oauthCli, "Optional property straßenname was added"), line(Minor, oauthCli, "Optional property ß was added")}, officialB: Minor,
		goLines: []string{line(Minor, oauthCli, "Optional property straßenname was added"), line(Minor, oauthCli, "Optional property ß was added")}, goB: Minor},
	{name: "accepted: array and map definitions without properties", new: func(s *swagger.Spec) {
		// The official differ skips definitions without properties.
		s.Doc.Definitions["OAuthClientArray"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("array"), Items: refTo(oauthCli)}}
		s.Doc.Definitions["OAuthClientMap"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("object"),
			AdditionalProperties: openapi3.AdditionalProperties{Schema: &openapi3.SchemaRef{Ref: "#/definitions/" + oauthCli}}}}
	}, goLines: []string{line(Minor, "OAuthClientArray", "Model was added"), line(Minor, "OAuthClientMap", "Model was added")}, goB: Minor},
	{name: "accepted: an array definition's items change", old: func(s *swagger.Spec) {
		s.Doc.Definitions["OAuthClientArray"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("array"), Items: refTo(oauthCli)}}
	}, new: func(s *swagger.Spec) {
		s.Doc.Definitions["OAuthClientArray"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("array"), Items: refTo("DomainEntityRef")}}
	}, goLines: []string{line(Major, "OAuthClientArray", "Go API: type models.OAuthClientArray changed from []models.OAuthClient to []models.DomainEntityRef")}, goB: Major},
	{name: "accepted across releases: a second colliding definition, tag and method rename nothing", old: oneOfEachCollision,
		new: func(s *swagger.Spec) {
			oneOfEachCollision(s)
			// Each sorts before the item already named: alone, it would
			// take that item's name (oAuth-Client before oAuthClient,
			// OAUTH before "oauth ", /api/v2/oauth/a before /b).
			s.Doc.Definitions["oAuth-Client"] = deepCopy(s.Doc.Definitions["DomainEntityRef"])
			o := renamedOp(s, clients, "GET", "getOauthClients")
			o.Tags = []string{"OAuth", "OAUTH"}
			s.Doc.Paths["/api/v2/oauth/a"] = &openapi2.PathItem{Get: o}
		},
		official: []string{line(Minor, "/api/v2/oauth/a", "Path was added"), line(Minor, "/api/v2/oauth/a", "Operation GET was added"), line(Minor, "oAuth-Client", "Model was added")}, officialB: Minor,
		goLines: []string{line(Minor, "/api/v2/oauth/a", "Path was added"), line(Minor, "/api/v2/oauth/a", "Operation GET was added"), line(Minor, "oAuth-Client", "Model was added")}, goB: Minor},
	{name: "go-api-changed: a new model takes the name of an enum type", new: func(s *swagger.Spec) {
		// The generator names the enum of LocalizedLabels.key
		// LocalizedLabelsKey; a definition of that name takes the name and
		// the enum becomes LocalizedLabelsKeyEnum. No change of
		// LocalizedLabels explains the break: the catch-all reports it.
		s.Doc.Definitions["LocalizedLabelsKey"] = deepCopy(s.Doc.Definitions["DomainEntityRef"])
	}, official: []string{line(Minor, "LocalizedLabelsKey", "Model was added")}, officialB: Minor,
		goLines: []string{
			line(Minor, "LocalizedLabelsKey", "Model was added"),
			line(Major, "LocalizedLabels", "Go API: field models.LocalizedLabels.Key changed from *models.LocalizedLabelsKey to *models.LocalizedLabelsKeyEnum"),
			line(Major, "LocalizedLabels", "Go API: type models.LocalizedLabelsKey changed from string to struct"),
		}, goB: Major},
	{name: "go tag renamed: the methods move to another package", new: func(s *swagger.Spec) {
		editOp(s, clients, "GET", func(o *openapi2.Operation) { o.Tags = []string{"OAuth Clients"} })
	}, official: []string{line(Major, "GET "+clients, "Tag OAuth was removed"), line(Major, "GET "+clients, "Tag OAuth Clients was added")}, officialB: Major,
		goLines: []string{line(Major, "GET "+clients, "Tag OAuth was removed"), line(Minor, "GET "+clients, "Tag OAuth Clients was added")}, goB: Major},
}

// oneOfEachCollision adds to the real spec one of each shape whose Go name
// collides: a definition (oAuthClient, as OAuthClient), a tag ("oauth ", as
// OAuth) and a method (getOauthClients in the OAuth API), with a property
// named ß and an array definition.
func oneOfEachCollision(s *swagger.Spec) {
	s.Doc.Definitions["oAuthClient"] = deepCopy(s.Doc.Definitions["DomainEntityRef"])
	s.Doc.Definitions["OAuthClientArray"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("array"), Items: refTo(oauthCli)}}
	editDef(s, oauthCli, func(d *openapi2.Schema) {
		d.Properties["ß"] = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: typ("string")}}
	})
	o := renamedOp(s, clients, "GET", "getOauthClients")
	o.Tags = []string{"OAuth", "oauth "}
	s.Doc.Paths["/api/v2/oauth/b"] = &openapi2.PathItem{Get: o}
}

// mutated applies a case to copies of the real spec.
func (m mutation) specs(real *swagger.Spec) (old, new *swagger.Spec) {
	old = real
	if m.old != nil {
		old = real.Clone()
		m.old(old)
	}
	new = old.Clone()
	if m.old != nil {
		new = real.Clone()
		if m.new != nil {
			m.new(new)
		}
		return old, new
	}
	m.new(new)
	return old, new
}

func render(res *Result) []string {
	out := []string{}
	for _, c := range res.Changes {
		out = append(out, line(c.Impact, c.Group, c.Line))
	}
	return out
}

// TestMutations runs every case through both rule sets.
func TestMutations(t *testing.T) {
	real := loadReal(t)
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			old, new := m.specs(real)
			for _, rs := range []struct {
				rules Rules
				lines []string
				bump  Impact
			}{{RulesOfficial, m.official, m.officialB}, {RulesGo, m.goLines, m.goB}} {
				res, err := Compare(old, new, Options{Rules: rs.rules})
				if err != nil {
					t.Fatalf("%s: %v", rs.rules, err)
				}
				want := rs.lines
				if want == nil {
					want = []string{}
				}
				if diff := cmp.Diff(want, render(res)); diff != "" {
					t.Errorf("%s lines (-want +got):\n%s", rs.rules, diff)
				}
				if res.Bump != rs.bump {
					t.Errorf("%s bump %s, want %s", rs.rules, res.Bump, rs.bump)
				}
			}
			if m.tombB != None {
				res, err := Compare(old, new, Options{Rules: RulesGo, Tombstones: true})
				if err != nil {
					t.Fatal(err)
				}
				if res.Bump != m.tombB {
					t.Errorf("go with tombstones: bump %s, want %s: %v", res.Bump, m.tombB, render(res))
				}
			}
		})
	}
}
