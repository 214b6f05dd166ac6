package generator

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/purecloud-go/platform-client/swagger"
)

// doc assembles a small Swagger 2.0 document from its paths and definitions
// objects (the text between the braces).
func doc(paths, definitions string) string {
	return `{"swagger":"2.0","info":{"title":"T","version":"v2"},"host":"api.example.com",
"tags":[{"name":"Things","description":"Things and stuff"}],
"paths":{` + paths + `},"definitions":{` + definitions + `}}`
}

func build(t *testing.T, src string) (*SDK, error) {
	t.Helper()
	spec, err := swagger.Parse([]byte(src), "test.json")
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return Build(spec, "example.com/sdk")
}

func mustBuild(t *testing.T, src string) *SDK {
	t.Helper()
	sdk, err := build(t, src)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return sdk
}

func model(t *testing.T, sdk *SDK, name string) *Model {
	t.Helper()
	for _, m := range sdk.Models {
		if m.Name == name {
			return m
		}
	}
	t.Fatalf("no model %s", name)
	return nil
}

func TestTypeMapping(t *testing.T) {
	sdk := mustBuild(t, doc(``, `
"Thing": {"type":"object","required":["name"],"properties":{
  "id": {"type":"string","readOnly":true,"description":"The ID."},
  "name": {"type":"string"},
  "count": {"type":"integer","format":"int32"},
  "total": {"type":"integer","format":"int64"},
  "plain": {"type":"integer"},
  "ratio": {"type":"number","format":"float"},
  "score": {"type":"number","format":"double"},
  "amount": {"type":"number"},
  "ok": {"type":"boolean"},
  "when": {"type":"string","format":"date-time"},
  "day": {"type":"string","format":"date"},
  "wall": {"type":"string","format":"local-date-time"},
  "clock": {"type":"string","format":"local-time"},
  "link": {"type":"string","format":"uri"},
  "state": {"type":"string","enum":["active","INACTIVE","in-progress"]},
  "states": {"type":"array","items":{"type":"string","enum":["a","b"]}},
  "level": {"type":"integer","format":"int32","enum":[1,2]},
  "parent": {"$ref":"#/definitions/Thing"},
  "children": {"type":"array","items":{"$ref":"#/definitions/Thing"}},
  "labels": {"type":"object","additionalProperties":{"type":"string"}},
  "byName": {"type":"object","additionalProperties":{"$ref":"#/definitions/Thing"}},
  "extra": {"type":"object","additionalProperties":{"type":"object"}},
  "anything": {"type":"object"},
  "raw": {"$ref":"#/definitions/Blob"},
  "late": {"$ref":"#/definitions/Zed"},
  "grid": {"type":"array","items":{"type":"array","items":{"type":"string"}}},
  "inner": {"type":"object","properties":{"x":{"type":"string"}}}
}},
"Blob": {"type":"object"},
"Zed": {"type":"object"}`))

	str := &Type{Kind: KindString}
	thing := &Type{Kind: KindModel, Name: "Thing"}
	want := []*Field{
		{Name: "ID", JSON: "id", Type: str, Description: "The ID.", ReadOnly: true},
		{Name: "Name", JSON: "name", Type: str, Required: true},
		{Name: "Count", JSON: "count", Type: &Type{Kind: KindInt32}, Format: "int32"},
		{Name: "Total", JSON: "total", Type: &Type{Kind: KindInt64, Format: "int64"}, Format: "int64"},
		{Name: "Plain", JSON: "plain", Type: &Type{Kind: KindInt64}},
		{Name: "Ratio", JSON: "ratio", Type: &Type{Kind: KindFloat32}, Format: "float"},
		{Name: "Score", JSON: "score", Type: &Type{Kind: KindFloat64, Format: "double"}, Format: "double"},
		{Name: "Amount", JSON: "amount", Type: &Type{Kind: KindFloat64}},
		{Name: "Ok", JSON: "ok", Type: &Type{Kind: KindBool}},
		{Name: "When", JSON: "when", Type: &Type{Kind: KindDateTime}, Format: "date-time"},
		{Name: "Day", JSON: "day", Type: &Type{Kind: KindDate}, Format: "date"},
		{Name: "Wall", JSON: "wall", Type: &Type{Kind: KindLocalDateTime}, Format: "local-date-time"},
		{Name: "Clock", JSON: "clock", Type: &Type{Kind: KindLocalTime}, Format: "local-time"},
		{Name: "Link", JSON: "link", Type: &Type{Kind: KindString, Format: "uri"}, Format: "uri"},
		{Name: "State", JSON: "state", Type: &Type{Kind: KindEnum, Name: "ThingState"}},
		{Name: "States", JSON: "states", Type: &Type{Kind: KindArray, Elem: &Type{Kind: KindEnum, Name: "ThingStates"}}},
		{Name: "Level", JSON: "level", Type: &Type{Kind: KindInt32}, Format: "int32", Enum: []string{"1", "2"}},
		{Name: "Parent", JSON: "parent", Type: thing},
		{Name: "Children", JSON: "children", Type: &Type{Kind: KindArray, Elem: thing}},
		{Name: "Labels", JSON: "labels", Type: &Type{Kind: KindMap, Elem: str}},
		{Name: "ByName", JSON: "byName", Type: &Type{Kind: KindMap, Elem: thing}},
		{Name: "Extra", JSON: "extra", Type: &Type{Kind: KindMap, Elem: &Type{Kind: KindAny}}},
		{Name: "Anything", JSON: "anything", Type: &Type{Kind: KindAny}},
		{Name: "Raw", JSON: "raw", Type: &Type{Kind: KindFreeform, Name: "Blob"}},
		// Zed sorts after Thing, so it is built after Thing's fields: still
		// free-form.
		{Name: "Late", JSON: "late", Type: &Type{Kind: KindFreeform, Name: "Zed"}},
		{Name: "Grid", JSON: "grid", Type: &Type{Kind: KindArray, Elem: &Type{Kind: KindArray, Elem: str}}},
		{Name: "Inner", JSON: "inner", Type: &Type{Kind: KindModel, Name: "ThingInner"}},
	}
	m := model(t, sdk, "Thing")
	if diff := cmp.Diff(want, m.Fields); diff != "" {
		t.Errorf("Thing fields, in spec order (-want +got):\n%s", diff)
	}
	wantEnums := []*Enum{
		{Name: "ThingState", Model: "Thing", Field: "State", Values: []EnumValue{
			{Name: "ThingStateActive", Value: "active"}, {Name: "ThingStateInactive", Value: "INACTIVE"}, {Name: "ThingStateInProgress", Value: "in-progress"}}},
		{Name: "ThingStates", Model: "Thing", Field: "States", Values: []EnumValue{{Name: "ThingStatesA", Value: "a"}, {Name: "ThingStatesB", Value: "b"}}},
	}
	if diff := cmp.Diff(wantEnums, m.Enums); diff != "" {
		t.Errorf("Thing enums (-want +got):\n%s", diff)
	}
	if blob := model(t, sdk, "Blob"); !blob.Freeform || len(blob.Fields) != 0 {
		t.Errorf("Blob = %+v, want a free-form model", blob)
	}
	inner := model(t, sdk, "ThingInner")
	if !inner.Inline || len(inner.Fields) != 1 || inner.Fields[0].Name != "X" || inner.SpecName != "definitions.Thing.properties.inner" {
		t.Errorf("ThingInner = %+v, want the inline object of Thing.inner", inner)
	}
	var names []string
	for _, m := range sdk.Models {
		names = append(names, m.Name+"="+m.File)
	}
	if diff := cmp.Diff([]string{"Blob=blob.go", "Thing=thing.go", "ThingInner=thinginner.go", "Zed=zed.go"}, names); diff != "" {
		t.Errorf("models and files, sorted (-want +got):\n%s", diff)
	}
}

func TestGoSpelling(t *testing.T) {
	tests := []struct {
		t          *Type
		field, val string
	}{
		{&Type{Kind: KindString}, "*string", "string"},
		{&Type{Kind: KindInt32}, "*int32", "int32"},
		{&Type{Kind: KindDateTime}, "*DateTime", "models.DateTime"},
		{&Type{Kind: KindEnum, Name: "UserState"}, "*UserState", "models.UserState"},
		{&Type{Kind: KindModel, Name: "User"}, "*User", "models.User"},
		{&Type{Kind: KindFreeform, Name: "JsonNode"}, "JsonNode", "models.JsonNode"},
		{&Type{Kind: KindAny}, "any", "any"},
		{&Type{Kind: KindArray, Elem: &Type{Kind: KindModel, Name: "User"}}, "[]User", "[]models.User"},
		{&Type{Kind: KindMap, Elem: &Type{Kind: KindArray, Elem: &Type{Kind: KindString}}}, "map[string][]string", "map[string][]string"},
	}
	for _, tt := range tests {
		if got := fieldType(tt.t); got != tt.field {
			t.Errorf("fieldType(%+v) = %s, want %s", tt.t, got, tt.field)
		}
		if got := goType(tt.t, "models."); got != tt.val {
			t.Errorf("goType(%+v) = %s, want %s", tt.t, got, tt.val)
		}
	}
	if got := jsonTag(&Field{JSON: "ids", Type: &Type{Kind: KindArray, Elem: &Type{Kind: KindString}}}); got != "`json:\"ids,omitzero\"`" {
		t.Errorf("jsonTag of a slice = %s", got)
	}
	if got := jsonTag(&Field{JSON: "$ref", Type: &Type{Kind: KindString}}); got != "`json:\"$ref,omitempty\"`" {
		t.Errorf("jsonTag of a scalar = %s", got)
	}
}

const thingsOps = `
"/api/v2/things/{thingId}/parts/{partNo}/days/{day}": {
  "parameters": [{"name":"thingId","in":"path","required":true,"type":"string","description":"Path-level."}],
  "put": {"tags":["Things"],"operationId":"putPart","x-purecloud-method-name":"putThingPart",
    "summary":"Update a part","deprecated":true,
    "x-inin-requires-permissions":{"type":"ALL","permissions":["things:part:edit","things:part:view"]},
    "security":[{"OAuth":["things"]}],
    "parameters":[
      {"name":"body","in":"body","required":true,"schema":{"$ref":"#/definitions/Part"}},
      {"name":"partNo","in":"path","required":true,"type":"integer","format":"int32"},
      {"name":"day","in":"path","required":true,"type":"string","format":"date"},
      {"name":"type","in":"query","required":true,"type":"string","enum":["a","b"]},
      {"name":"pageSize","in":"query","type":"integer","format":"int32","default":25},
      {"name":"id","in":"query","type":"array","items":{"type":"string"},"collectionFormat":"multi"},
      {"name":"tags","in":"query","type":"array","items":{"type":"integer","format":"int64"}},
      {"name":"after","in":"query","type":"string","format":"date-time"},
      {"name":"If-Match","in":"header","type":"string"}
    ],
    "responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Part"}},
      "202":{"description":"accepted"},
      "201":{"description":"created","schema":{"type":"array","items":{"$ref":"#/definitions/Part"}}},
      "404":{"description":"nope","schema":{"$ref":"#/definitions/Part"}}}}
}`

const thingsSecurity = `,"securityDefinitions":{"OAuth":{"type":"oauth2","flow":"implicit","authorizationUrl":"https://login.example.com/authorize","scopes":{"things":"Things"}}}}`

func TestOperation(t *testing.T) {
	src := strings.TrimSuffix(doc(thingsOps, `"Part":{"type":"object","properties":{"n":{"type":"string"}}}`), "}") + thingsSecurity
	sdk := mustBuild(t, src)
	if len(sdk.APIs) != 1 || sdk.APIs[0].Name != "ThingsApi" || sdk.APIs[0].Package != "thingsapi" || sdk.APIs[0].Description != "Things and stuff" {
		t.Fatalf("APIs = %+v", sdk.APIs)
	}
	op := sdk.APIs[0].Operations[0]
	str := &Type{Kind: KindString}
	want := &Operation{
		ID: "putPart", Name: "PutThingPart", Method: "PUT",
		Path:        "/api/v2/things/{thingId}/parts/{partNo}/days/{day}",
		Summary:     "Update a part",
		Deprecated:  true,
		Permissions: &Permissions{All: true, List: []string{"things:part:edit", "things:part:view"}},
		Scopes:      []string{"things"},
		Params: []*Param{
			{Name: "thingId", In: "path", Field: "ThingID", Var: "thingID", Required: true, Type: str, Description: "Path-level."},
			{Name: "body", In: "body", Field: "Body", Var: "body", Required: true, Type: &Type{Kind: KindModel, Name: "Part"}},
			{Name: "partNo", In: "path", Field: "PartNo", Var: "partNo", Required: true, Type: &Type{Kind: KindInt32}},
			{Name: "day", In: "path", Field: "Day", Var: "day", Required: true, Type: &Type{Kind: KindDate}},
			{Name: "type", In: "query", Field: "Type", Var: "typeParam", Required: true, Type: &Type{Kind: KindEnum, Name: "PutThingPartType", Local: true}, Enum: []string{"a", "b"}},
			{Name: "pageSize", In: "query", Field: "PageSize", Var: "pageSize", Type: &Type{Kind: KindInt32}, Default: "25"},
			{Name: "id", In: "query", Field: "ID", Var: "id", Type: &Type{Kind: KindArray, Elem: str}, Collection: "multi"},
			{Name: "tags", In: "query", Field: "Tags", Var: "tags", Type: &Type{Kind: KindArray, Elem: &Type{Kind: KindInt64, Format: "int64"}}, Collection: "csv"},
			{Name: "after", In: "query", Field: "After", Var: "after", Type: &Type{Kind: KindDateTime}},
			{Name: "If-Match", In: "header", Field: "IfMatch", Var: "ifMatch", Type: str},
		},
		OptionsType:  "PutThingPartOptions",
		Result:       &Type{Kind: KindModel, Name: "Part"},
		ResultStatus: "200",
		OtherResults: []AltResult{
			{Status: "201", Type: &Type{Kind: KindArray, Elem: &Type{Kind: KindModel, Name: "Part"}}},
			{Status: "202"},
		},
		Accept:      "application/json",
		ContentType: "application/json",
	}
	want.Positional = want.Params[:5]
	want.Options = want.Params[5:]
	if diff := cmp.Diff(want, op, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("operation (-want +got):\n%s", diff)
	}

	// How each parameter is put into the request.
	wantSet := []string{
		`req.SetPathParam("thingId", thingID)`,
		`req.SetBody(body)`,
		`req.SetPathParam("partNo", platformclient.FormatInt32(partNo))`,
		`req.SetPathParam("day", platformclient.FormatDate(day))`,
		`req.SetQuery("type", string(typeParam))`,
	}
	for i, p := range op.Positional {
		if got := setParam(p, p.Var); got != wantSet[i] {
			t.Errorf("setParam(%s) = %s, want %s", p.Name, got, wantSet[i])
		}
	}
	wantOpt := []struct{ typ, cond, set string }{
		{"*int32", "opts.PageSize != nil", `req.SetQuery("pageSize", platformclient.FormatInt32(*opts.PageSize))`},
		{"[]string", "len(opts.ID) > 0", `req.AddQuery("id", opts.ID...)`},
		{"[]int64", "len(opts.Tags) > 0", `req.SetQuery("tags", strings.Join(platformclient.FormatEach(opts.Tags, platformclient.FormatInt64), ","))`},
		{"*time.Time", "opts.After != nil", `req.SetQuery("after", platformclient.FormatDateTime(*opts.After))`},
		{"*string", "opts.IfMatch != nil", `req.SetHeader("If-Match", *opts.IfMatch)`},
	}
	for i, p := range op.Options {
		expr := "opts." + p.Field
		got := []string{optionType(p), optionSet(p, expr), setParam(p, optionValue(p, expr))}
		if diff := cmp.Diff([]string{wantOpt[i].typ, wantOpt[i].cond, wantOpt[i].set}, got); diff != "" {
			t.Errorf("option %s (-want +got):\n%s", p.Name, diff)
		}
	}
	wantArgs := []string{"string", "*models.Part", "int32", "time.Time", "PutThingPartType"}
	for i, p := range op.Positional {
		if got := argType(p); got != wantArgs[i] {
			t.Errorf("argType(%s) = %s, want %s", p.Name, got, wantArgs[i])
		}
	}
	if got := resultType(op); got != "*models.Part" {
		t.Errorf("resultType = %s", got)
	}
}

func TestOperationTagsAndResults(t *testing.T) {
	sdk := mustBuild(t, doc(`
"/a": {"get": {"tags":["Things","Other Stuff"],"operationId":"getA","responses":{"200":{"description":"ok","schema":{"type":"array","items":{"$ref":"#/definitions/A"}}}}},
       "delete": {"tags":["Things"],"operationId":"deleteA","responses":{"204":{"description":"gone"}}}},
"/b": {"get": {"tags":["Things"],"x-purecloud-method-name":"getBText","produces":["text/plain"],"responses":{"200":{"description":"ok","schema":{"type":"string"}}}},
       "post": {"tags":["Things"],"operationId":"postB","consumes":["application/scim+json"],"produces":["application/scim+json"],
         "parameters":[{"name":"body","in":"body","schema":{"type":"object","additionalProperties":{"type":"object"}}}],
         "responses":{"200":{"description":"ok","schema":{"type":"object","properties":{"ok":{"type":"boolean"}}}}}}}`,
		`"A":{"type":"object","properties":{"x":{"type":"string"}}}`))
	var got []string
	for _, api := range sdk.APIs {
		for _, op := range api.Operations {
			res := "-"
			if op.Result != nil {
				res = resultType(op) + " via " + callFunc(op)
			}
			got = append(got, api.Name+"."+op.Name+" "+res+" accept="+op.Accept+" content="+op.ContentType)
		}
	}
	want := []string{
		"OtherStuffApi.GetA []models.A via CallValue accept=application/json content=",
		"ThingsApi.DeleteA - accept=application/json content=",
		"ThingsApi.GetA []models.A via CallValue accept=application/json content=",
		"ThingsApi.GetBText *string via Call accept=text/plain content=",
		"ThingsApi.PostB *models.PostBResponse via Call accept=application/scim+json content=application/scim+json",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("operations (-want +got):\n%s", diff)
	}
	postB := sdk.APIs[1].Operations[3]
	if p := postB.Options[0]; optionType(p) != "map[string]any" || setParam(p, optionValue(p, "opts.Body")) != "req.SetBody(opts.Body)" {
		t.Errorf("optional map body: type %s, set %s", optionType(p), setParam(p, optionValue(p, "opts.Body")))
	}
	if m := model(t, sdk, "PostBResponse"); !m.Inline {
		t.Errorf("PostBResponse should be an inline model")
	}
}

func TestBuildErrors(t *testing.T) {
	op := func(path, method, params string) string {
		return `"` + path + `":{"` + method + `":{"tags":["Things"],"operationId":"op","parameters":[` + params + `],"responses":{"200":{"description":"ok"}}}}`
	}
	tests := []struct {
		name, src string
		want      []string // substrings of the error, each a location and a reason
	}{
		{"dangling ref in a property", doc(``, `"A":{"type":"object","properties":{"b":{"$ref":"#/definitions/Nope"}}}`),
			[]string{`definitions.A.properties.b: $ref "#/definitions/Nope" points to a definition that does not exist`}},
		{"dangling ref in a response", doc(`"/x":{"get":{"tags":["Things"],"operationId":"getX","responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Gone"}}}}}`, ``),
			[]string{`paths./x.get.responses.200.schema: $ref "#/definitions/Gone"`}},
		{"external ref", doc(``, `"A":{"type":"object","properties":{"b":{"$ref":"other.json#/definitions/B"}}}`),
			[]string{`definitions.A.properties.b: unsupported $ref "other.json#/definitions/B"`}},
		{"path parameter missing from the path", doc(op("/x", "get", `{"name":"id","in":"path","required":true,"type":"string"}`), ``),
			[]string{`paths./x.get.parameters[0] (id): the path parameter "id" does not appear in the path /x`}},
		{"path template without parameter", doc(op("/x/{id}", "get", ``), ``),
			[]string{`paths./x/{id}.get: the path /x/{id} has {id} but the operation declares no path parameter "id"`}},
		{"method name that is no identifier", doc(`"/a":{"get":{"tags":["Things"],"operationId":"7up","responses":{}}}`, ``),
			[]string{`paths./a.get: the method name "7up" cannot become a Go identifier`}},
		{"definition name that is no identifier", doc(``, `"%%%":{"type":"object","properties":{"a":{"type":"string"}}}`),
			[]string{`definitions.%%%: the definition name "%%%" cannot become a Go type name`}},
		{"property name that cannot be a JSON tag", doc(``, `"A":{"type":"object","properties":{"a,b":{"type":"string"},"c`+"`"+`":{"type":"string"}}}`),
			[]string{`definitions.A.properties.a,b: the property name "a,b" cannot be written in a Go struct tag`, "definitions.A.properties.c`"}},
		{"tag that is no identifier", doc(`"/a":{"get":{"tags":["&&"],"operationId":"getA","responses":{}}}`, ``),
			[]string{`paths./a.get: the tag "&&" cannot become a Go type name`}},
		{"no tag", doc(`"/a":{"get":{"operationId":"getA","responses":{}}}`, ``),
			[]string{`paths./a.get: the operation has no tag`}},
		{"no method name", doc(`"/a":{"get":{"tags":["Things"],"responses":{}}}`, ``),
			[]string{`paths./a.get: the operation has neither x-purecloud-method-name nor operationId`}},
		{"unknown type", doc(``, `"A":{"type":"object","properties":{"b":{"type":"decimal"}}}`),
			[]string{`definitions.A.properties.b: unsupported type "decimal"`}},
		{"allOf", doc(``, `"A":{"allOf":[{"$ref":"#/definitions/B"}]},"B":{"type":"object","properties":{"a":{"type":"string"}}}`),
			[]string{`definitions.A: allOf is not supported`}},
		{"formData", doc(op("/a", "post", `{"name":"f","in":"formData","type":"file"}`), ``),
			[]string{`paths./a.post.parameters[0] (f): formData parameters are not supported`}},
		{"bad collectionFormat", doc(op("/a", "get", `{"name":"ids","in":"query","type":"array","items":{"type":"string"},"collectionFormat":"json"}`), ``),
			[]string{`paths./a.get.parameters[0] (ids): unknown collectionFormat "json"`}},
		{"several problems, all reported", doc(op("/x", "get", `{"name":"id","in":"path","required":true,"type":"string"}`), `"A":{"type":"object","properties":{"b":{"$ref":"#/definitions/Nope"}}}`),
			[]string{`definitions.A.properties.b:`, `paths./x.get.parameters[0] (id):`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sdk, err := build(t, tt.src)
			if err == nil {
				t.Fatalf("Build succeeded (%d APIs), want an error", len(sdk.APIs))
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\nlacks %q", err, w)
				}
			}
		})
	}
}

// TestAcceptedOddities: what swaggerdiff accepts, release accepts too, with
// a Go API chosen by a fixed rule.
func TestAcceptedOddities(t *testing.T) {
	sdk := mustBuild(t, doc(`"/a":{"get":{"tags":["Things","Things"],"operationId":"getA","responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/2024"}}}}}`,
		`"2024":{"type":"object","properties":{"b":{"type":"array"},"c":{"type":"array","items":{"type":"array"}}}}`))
	// A definition name starting with a digit gets the prefix Model.
	m := model(t, sdk, "Model2024")
	// An array without items holds any JSON values.
	var got []string
	for _, f := range m.Fields {
		got = append(got, f.Name+" "+f.GoType())
	}
	if diff := cmp.Diff([]string{"B []any", "C [][]any"}, got); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	// A tag listed twice gives the method once.
	if len(sdk.APIs) != 1 || len(sdk.APIs[0].Operations) != 1 {
		t.Fatalf("APIs %+v, want ThingsApi with one method", sdk.APIs)
	}
	if r := resultType(sdk.APIs[0].Operations[0]); r != "*models.Model2024" {
		t.Errorf("result %s, want *models.Model2024", r)
	}
}

// oddSpec has one of each shape the official tools take that once stopped
// generation: definitions whose names differ only in case, tags that differ
// only in spaces or case, property names that are no ASCII identifier, two
// operations of one API with one method name (operationId repeated, and
// x-purecloud-method-name repeating another's operationId), and
// definitions of type array and map without properties. extra goes into
// the definitions, more into the paths.
func oddSpec(more, extra string) string {
	return doc(`"/a":{"get":{"tags":["Groups"],"operationId":"getThing","responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Wrapupcode"}}}}},
"/b":{"get":{"tags":[" Groups"],"operationId":"getThing","responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/wrapupcode"}}}},
 "post":{"tags":["Groups"],"operationId":"postB","x-purecloud-method-name":"getThing","parameters":[{"name":"body","in":"body","schema":{"$ref":"#/definitions/List"}}],"responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Dict"}}}}},
"/c":{"get":{"tags":["Routing "],"operationId":"getC","responses":{"200":{"description":"ok"}}}},
"/d":{"get":{"tags":["routing"],"operationId":"getD","responses":{"200":{"description":"ok"}}}}`+more,
		`"wrapupcode":{"type":"object","properties":{"a":{"type":"string"}}},
"Wrapupcode":{"type":"object","properties":{"ß":{"type":"string"},"$":{"type":"integer"},"名前":{"type":"string"},"x":{"type":"string"}}},
"List":{"type":"array","items":{"$ref":"#/definitions/Wrapupcode"}},
"Dict":{"type":"object","additionalProperties":{"type":"string","enum":["x","y"]}},
"Holder":{"type":"object","properties":{"l":{"$ref":"#/definitions/List"},"d":{"$ref":"#/definitions/Dict"}}}`+extra)
}

// TestAcceptedOdditiesNames: the shapes of oddSpec build, each by the rule
// documented on Names and fallbackFieldName, and render to Go.
func TestAcceptedOdditiesNames(t *testing.T) {
	sdk := mustBuild(t, oddSpec(``, ``))
	var got []string
	for _, api := range sdk.APIs {
		for _, op := range api.Operations {
			res := "-"
			if op.Result != nil {
				res = resultType(op)
			}
			got = append(got, fmt.Sprintf("%s(%q).%s %s %s -> %s", api.Name, api.Tag, op.Name, op.Method, op.Path, res))
		}
	}
	want := []string{
		`GroupsApi("Groups").GetThing GET /a -> *models.Wrapupcode`,
		`GroupsApi("Groups").GetThing2 POST /b -> models.Dict`,
		`GroupsApi2(" Groups").GetThing GET /b -> *models.Wrapupcode2`,
		`RoutingApi("Routing ").GetC GET /c -> -`,
		`RoutingApi2("routing").GetD GET /d -> -`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("methods (-want +got):\n%s", diff)
	}
	for _, api := range sdk.APIs {
		if api.Package != strings.ToLower(api.Name) {
			t.Errorf("%s: package %s", api.Name, api.Package)
		}
	}
	// The definition spelled as its Go name keeps it.
	if m := model(t, sdk, "Wrapupcode2"); m.SpecName != "wrapupcode" {
		t.Errorf("Wrapupcode2 is %s, want wrapupcode", m.SpecName)
	}
	got = nil
	for _, f := range model(t, sdk, "Wrapupcode").Fields {
		got = append(got, f.Name+" "+f.JSON)
	}
	if diff := cmp.Diff([]string{"Xß ß", "XU0024 $", "X名前 名前", "X x"}, got); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	if m := model(t, sdk, "List"); m.Underlying == nil || fieldType(m.Underlying) != "[]Wrapupcode" {
		t.Errorf("List: underlying %+v, want []Wrapupcode", m.Underlying)
	}
	if m := model(t, sdk, "Dict"); m.Underlying == nil || fieldType(m.Underlying) != "map[string]DictItem" {
		t.Errorf("Dict: underlying %+v, want map[string]DictItem", m.Underlying)
	}
	if f := model(t, sdk, "Holder").Fields; fieldType(f[0].Type) != "List" || fieldType(f[1].Type) != "Dict" {
		t.Errorf("Holder fields %s %s, want List and Dict (no pointer)", fieldType(f[0].Type), fieldType(f[1].Type))
	}
	files, err := Render(sdk, "1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		switch f.Path {
		case "models/list.go", "models/dict.go":
			if !strings.Contains(string(f.Data), map[string]string{"models/list.go": "type List []Wrapupcode\n", "models/dict.go": "type Dict map[string]DictItem\n"}[f.Path]) {
				t.Errorf("%s:\n%s", f.Path, f.Data)
			}
		}
	}
}

// TestNamesStable: a spec that adds a colliding definition, tag and method
// keeps the Go names the earlier spec gave when built with them (what a
// release does), and Overrides lists only the names that are no base name.
func TestNamesStable(t *testing.T) {
	parse := func(src string) *swagger.Spec {
		spec, err := swagger.Parse([]byte(src), "test.json")
		if err != nil {
			t.Fatal(err)
		}
		return spec
	}
	first := parse(oddSpec(``, ``))
	// Additions that alone would take the names: the tag "Routing" is
	// spelled as its Go name, the definition "Wrapupcode " sorts before
	// "wrapupcode", and GET /0 before POST /b.
	second := parse(oddSpec(`,"/0":{"get":{"tags":["Groups","Routing"],"operationId":"getThing","responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Wrapupcode "}}}}}`,
		`,"Wrapupcode ":{"type":"object","properties":{"a":{"type":"string"}}}`))
	names := NameSpec(first, nil)
	if o := names.Overrides(); o == nil || o.Types["wrapupcode"] != "Wrapupcode2" || o.APIs[" Groups"] != "GroupsApi2" || o.Methods[MethodKey("Groups", "POST", "/b")] != "GetThing2" {
		t.Errorf("overrides %+v", o)
	}
	alone, err := Build(second, "example.com/sdk")
	if err != nil {
		t.Fatal(err)
	}
	kept, err := BuildNamed(second, "example.com/sdk", names)
	if err != nil {
		t.Fatal(err)
	}
	if alone.Names.APIs["Routing"] != "RoutingApi" || alone.Names.Types["Wrapupcode "] != "Wrapupcode2" || alone.Names.Methods[MethodKey("Groups", "GET", "/0")] != "GetThing" {
		t.Fatalf("the check checks nothing: alone, the additions do not take the names: %+v", alone.Names.Overrides())
	}
	for k, v := range names.Types {
		if kept.Names.Types[k] != v {
			t.Errorf("definition %s: %s, was %s", k, kept.Names.Types[k], v)
		}
	}
	for k, v := range names.APIs {
		if kept.Names.APIs[k] != v {
			t.Errorf("tag %q: %s, was %s", k, kept.Names.APIs[k], v)
		}
	}
	for k, v := range names.Methods {
		if kept.Names.Methods[k] != v {
			t.Errorf("method %s: %s, was %s", k, kept.Names.Methods[k], v)
		}
	}
	if got := kept.Names.APIs["Routing"]; got != "RoutingApi3" {
		t.Errorf("the new tag Routing: %s, want RoutingApi3", got)
	}
	if got := kept.Names.Types["Wrapupcode "]; got != "Wrapupcode3" {
		t.Errorf("the new definition: %s, want Wrapupcode3", got)
	}
	if got := kept.Names.Methods[MethodKey("Groups", "GET", "/0")]; got != "GetThing3" {
		t.Errorf("the new method: %s, want GetThing3", got)
	}
	// Built again with the names it gave, the second spec keeps them all.
	again, err := BuildNamed(second, "example.com/sdk", NameSpec(second, kept.Names.Overrides()))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(kept.Names, again.Names, cmpopts.IgnoreUnexported(Names{})); diff != "" {
		t.Errorf("rebuilt from the overrides (-first +again):\n%s", diff)
	}
}

func TestBuildErrorLimit(t *testing.T) {
	var defs []string
	for i := range 40 {
		defs = append(defs, `"D`+strings.Repeat("x", i)+`":{"type":"object","properties":{"b":{"$ref":"#/definitions/Nope"}}}`)
	}
	_, err := build(t, doc(``, strings.Join(defs, ",")))
	if err == nil || !strings.Contains(err.Error(), "and 15 more problems") {
		t.Fatalf("error = %v, want 25 problems and a count of the rest", err)
	}
}

func TestBuiltinNameCollision(t *testing.T) {
	sdk := mustBuild(t, doc(``, `"DateTime":{"type":"object","properties":{"a":{"type":"string"}}},
"User":{"type":"object","properties":{"state":{"type":"string","enum":["x"]}}},
"UserState":{"type":"object","properties":{"a":{"type":"string"}}}`))
	model(t, sdk, "DateTimeModel")
	u := model(t, sdk, "User")
	if u.Enums[0].Name != "UserStateEnum" || u.Fields[0].Type.Name != "UserStateEnum" {
		t.Errorf("User.state enum = %+v, want UserStateEnum (UserState is a model)", u.Enums[0])
	}
}

func TestLocalTimeParameters(t *testing.T) {
	sdk := mustBuild(t, doc(`"/a":{"get":{"tags":["Things"],"operationId":"getA","parameters":[
  {"name":"at","in":"query","required":true,"type":"string","format":"local-date-time"},
  {"name":"opens","in":"query","type":"string","format":"local-time"},
  {"name":"days","in":"query","type":"array","items":{"type":"string","format":"local-time"},"collectionFormat":"multi"}],
  "responses":{"200":{"description":"ok"}}}}`, ``))
	op := sdk.APIs[0].Operations[0]
	var got []string
	for _, p := range op.Positional {
		got = append(got, argType(p), setParam(p, p.Var))
	}
	for _, p := range op.Options {
		expr := "opts." + p.Field
		got = append(got, optionType(p), setParam(p, optionValue(p, expr)))
	}
	want := []string{
		"models.LocalDateTime", `req.SetQuery("at", at.String())`,
		"*models.LocalTime", `req.SetQuery("opens", (*opts.Opens).String())`,
		"[]models.LocalTime", `req.AddQuery("days", platformclient.FormatEach(opts.Days, models.LocalTime.String)...)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("local time parameters (-want +got):\n%s", diff)
	}
}

// TestInlineObjectOrder checks that the fields of inline object schemas keep
// the spec's order wherever the schema sits.
func TestInlineObjectOrder(t *testing.T) {
	obj := `{"type":"object","properties":{"zulu":{"type":"string"},"alpha":{"type":"string"},"mike":{"type":"string"}}}`
	sdk := mustBuild(t, doc(`"/a":{"post":{"tags":["Things"],"operationId":"postA",
  "parameters":[{"name":"q","in":"query","type":"string"},{"name":"body","in":"body","required":true,"schema":`+obj+`}],
  "responses":{"200":{"description":"ok","schema":`+obj+`}}}}`,
		`"Holder":{"type":"object","properties":{"list":{"type":"array","items":`+obj+`},"byKey":{"type":"object","additionalProperties":`+obj+`}}}`))
	for _, name := range []string{"PostABody", "PostAResponse", "HolderList", "HolderByKey"} {
		var got []string
		for _, f := range model(t, sdk, name).Fields {
			got = append(got, f.JSON)
		}
		if diff := cmp.Diff([]string{"zulu", "alpha", "mike"}, got); diff != "" {
			t.Errorf("%s fields (-want +got):\n%s", name, diff)
		}
	}
}

func TestEmptyBody(t *testing.T) {
	list := &Param{In: "body", Type: &Type{Kind: KindArray, Elem: &Type{Kind: KindModel, Name: "A"}}}
	dict := &Param{In: "body", Type: &Type{Kind: KindMap, Elem: &Type{Kind: KindAny}}}
	one := &Param{In: "body", Type: &Type{Kind: KindModel, Name: "A"}}
	query := &Param{In: "query", Type: &Type{Kind: KindArray, Elem: &Type{Kind: KindString}}}
	for p, want := range map[*Param]string{list: "[]models.A{}", dict: "map[string]any{}", one: "", query: ""} {
		if got := emptyBody(p); got != want {
			t.Errorf("emptyBody(%s %s) = %q, want %q", p.In, goType(p.Type, "models."), got, want)
		}
	}
}

func TestAPIKeySecurity(t *testing.T) {
	src := strings.Replace(doc(`
"/guest": {"get": {"tags":["Things"],"operationId":"getGuest","security":[{"Guest JWT":[]}],"responses":{"204":{"description":"ok"}}}},
"/query": {"get": {"tags":["Things"],"operationId":"getQuery","security":[{"Query Key":[]}],"responses":{"204":{"description":"ok"}}}},
"/oauth": {"get": {"tags":["Things"],"operationId":"getOauth","responses":{"204":{"description":"ok"}}}}`, ``),
		`"paths"`, `"security":[{"OAuth":["things"]}],
"securityDefinitions":{"OAuth":{"type":"oauth2","flow":"implicit","authorizationUrl":"https://login.example.com/oauth/authorize","scopes":{"things":"Things"}},
  "Guest JWT":{"type":"apiKey","name":"Authorization","in":"header"},
  "Query Key":{"type":"apiKey","name":"key","in":"query"}},
"paths"`, 1)
	sdk := mustBuild(t, src)
	var got []string
	for _, op := range sdk.APIs[0].Operations {
		got = append(got, fmt.Sprintf("%s %q %q %v", op.Name, op.APIKeyScheme, op.APIKeyHeader, op.Scopes))
		if doc := opDoc(op); strings.Contains(doc, "ContextWithHeader") != (op.APIKeyHeader != "") {
			t.Errorf("%s doc, about the API key:\n%s", op.Name, doc)
		}
	}
	want := []string{
		`GetGuest "Guest JWT" "Authorization" []`,
		`GetOauth "" "" [things]`,
		`GetQuery "" "" []`, // a key in the query: the runtime has no way to send one per call
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("API keys of the operations (-want +got):\n%s", diff)
	}
}

// TestParamEnums checks the enum types of non-body parameters: one per
// parameter in its API's package, <Method><Field>, for string and
// string-array parameters only, declared in every API of the operation's
// tags, with constants named after the types so that no constant takes a
// type's name.
func TestParamEnums(t *testing.T) {
	sdk := mustBuild(t, doc(`"/things/{kind}":{"get":{"tags":["Things","Other"],"operationId":"getThing","parameters":[
		{"name":"kind","in":"path","required":true,"type":"string","enum":["big","small"]},
		{"name":"state","in":"query","type":"string","enum":["active","","active","x y"]},
		{"name":"expand","in":"query","type":"array","items":{"type":"string","enum":["a","b"]},"collectionFormat":"multi"},
		{"name":"level","in":"query","type":"integer","enum":[1,2]},
		{"name":"X-Mode","in":"header","type":"string","enum":["fast"]}],
		"responses":{"204":{"description":"ok"}}}},
	"/things":{"get":{"tags":["Things"],"operationId":"getThingState","parameters":[{"name":"active","in":"query","type":"string","enum":["1"]}],"responses":{"204":{"description":"ok"}}}}`, ``))
	var got []string
	for _, api := range sdk.APIs {
		for _, e := range api.Enums {
			var vals []string
			for _, v := range e.Values {
				vals = append(vals, fmt.Sprintf("%s=%q", v.Name, v.Value))
			}
			got = append(got, fmt.Sprintf("%s.%s (%s.%s): %s", api.Package, e.Name, e.Model, e.Field, strings.Join(vals, " ")))
		}
	}
	want := []string{
		`otherapi.GetThingKind (GetThing.kind): GetThingKindBig="big" GetThingKindSmall="small"`,
		`otherapi.GetThingState (GetThingOptions.State): GetThingStateActive="active" GetThingStateEmpty="" GetThingStateXY="x y"`,
		`otherapi.GetThingExpand (GetThingOptions.Expand): GetThingExpandA="a" GetThingExpandB="b"`,
		`otherapi.GetThingXMode (GetThingOptions.XMode): GetThingXModeFast="fast"`,
		`thingsapi.GetThingKind (GetThing.kind): GetThingKindBig="big" GetThingKindSmall="small"`,
		`thingsapi.GetThingState (GetThingOptions.State): GetThingStateActive2="active" GetThingStateEmpty="" GetThingStateXY="x y"`,
		`thingsapi.GetThingExpand (GetThingOptions.Expand): GetThingExpandA="a" GetThingExpandB="b"`,
		`thingsapi.GetThingXMode (GetThingOptions.XMode): GetThingXModeFast="fast"`,
		`thingsapi.GetThingStateActive (GetThingStateOptions.Active): GetThingStateActive1="1"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("enum types (-want +got):\n%s", diff)
	}
	// Each API has its own copy of the operation, whose parameters name its
	// own package's types; the integer enum stays an integer.
	for _, api := range sdk.APIs {
		op := api.Operations[0]
		var types []string
		for _, p := range op.Params {
			types = append(types, p.GoType())
		}
		if diff := cmp.Diff([]string{"GetThingKind", "*GetThingState", "[]GetThingExpand", "*int64", "*GetThingXMode"}, types); diff != "" {
			t.Errorf("%s: parameter types (-want +got):\n%s", api.Name, diff)
		}
		if got := setParam(op.Options[1], "opts.Expand"); got != `req.AddQuery("expand", platformclient.Strings(opts.Expand)...)` {
			t.Errorf("%s: expand is set with %s", api.Name, got)
		}
	}
	if sdk.APIs[0].Operations[0] == sdk.APIs[1].Operations[0] || sdk.APIs[0].Operations[0].Params[1] == sdk.APIs[1].Operations[0].Params[1] {
		t.Error("the APIs share the operation or its parameters")
	}
}

// TestIteratorNameTaken: a paged listing whose iterator name another method
// of the API has gets no iterator (nor page view), with a note saying why,
// instead of stopping the build; in another API the name is free.
func TestIteratorNameTaken(t *testing.T) {
	listing := `"Things":{"type":"object","properties":{"entities":{"type":"array","items":{"type":"string"}},"pageCount":{"type":"integer","format":"int32"}}}`
	sdk := mustBuild(t, doc(`"/things":{"get":{"tags":["A","B"],"operationId":"getThings","parameters":[{"name":"pageNumber","in":"query","type":"integer","format":"int32"}],"responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Things"}}}}},
	"/things/iter":{"get":{"tags":["A"],"operationId":"getThingsIter","responses":{"204":{"description":"ok"}}}}`, listing))
	for _, api := range sdk.APIs {
		op := api.Operations[0]
		switch {
		case op.Name != "GetThings":
			t.Fatalf("%s: first method %s", api.Name, op.Name)
		case api.Name == "AApi" && (op.Paging != nil || !strings.Contains(op.PagingNote, "GetThingsIter")):
			t.Errorf("AApi: paging %+v, note %q: want no iterator and a note naming GetThingsIter", op.Paging, op.PagingNote)
		case api.Name == "BApi" && (op.Paging == nil || op.Paging.Method != "GetThingsIter" || op.Paging.Pages != "GetThingsPages"):
			t.Errorf("BApi: paging %+v, want GetThingsIter and GetThingsPages", op.Paging)
		}
	}
}
