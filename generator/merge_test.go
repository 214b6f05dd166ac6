package generator

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/purecloud-go/platform-client/swagger"
)

const (
	tombstoneDir  = "testdata/golden/tombstone/"
	itemPath      = "/api/v2/larder/items/{itemId}"
	jarsPath      = "/api/v2/larder/jars"
	shelvesPath   = "/api/v2/larder/shelves"
	tombstoneNote = "the golden case testdata/golden/tombstone"
)

func loadSpec(t *testing.T, path string) *swagger.Spec {
	t.Helper()
	spec, err := swagger.Load(t.Context(), path, 0)
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

// mergeTombstoneCase merges the spec of the golden tombstone case with the
// snapshot of its previous release.
func mergeTombstoneCase(t *testing.T) (merged, spec, previous *swagger.Spec) {
	t.Helper()
	spec = loadSpec(t, tombstoneDir+"spec.json")
	// The last release as the next one finds it: its snapshot.
	previous = reparse(t, loadSpec(t, tombstoneDir+"previous.json"))
	merged, err := Merge(spec, previous, false)
	if err != nil {
		t.Fatal(err)
	}
	return merged, spec, previous
}

// docJSON is the document with every key order the spec records, for
// comparing two specs whole.
func docJSON(t *testing.T, s *swagger.Spec) string {
	t.Helper()
	doc, err := json.Marshal(s.Doc)
	if err != nil {
		t.Fatal(err)
	}
	order, err := json.Marshal(s.Order())
	if err != nil {
		t.Fatal(err)
	}
	return string(doc) + "\n" + string(order)
}

func TestMergeCarriesRemovals(t *testing.T) {
	merged, _, _ := mergeTombstoneCase(t)
	doc := merged.Doc

	if got, want := merged.Keys("/paths"), []string{itemPath, jarsPath, shelvesPath}; !slices.Equal(got, want) {
		t.Errorf("paths in order %q, want %q (the removed path at its old place)", got, want)
	}
	if got, want := merged.Keys(swagger.Pointer("paths", itemPath)), []string{"get", "delete"}; !slices.Equal(got, want) {
		t.Errorf("methods of %s: %q, want %q", itemPath, got, want)
	}
	get := doc.Paths[itemPath].Get
	if IsTombstone(get.Extensions) {
		t.Error("the live operation is marked as a tombstone")
	}
	var params []string
	for _, p := range get.Parameters {
		name := p.Name
		if IsTombstone(p.Extensions) {
			name += "†"
		}
		params = append(params, name)
	}
	if want := []string{"itemId", "shelf†", "expand", "sortOrder", "fresh†"}; !slices.Equal(params, want) {
		t.Errorf("parameters of getLarderItem %q, want %q († tombstone)", params, want)
	}
	if del := doc.Paths[itemPath].Delete; del == nil || !IsTombstone(del.Extensions) || len(del.Parameters) != 2 {
		t.Errorf("deleteLarderItem not carried as a tombstone with its 2 parameters: %+v", del)
	}
	if jars := doc.Paths[jarsPath]; jars == nil || jars.Get == nil || !IsTombstone(jars.Get.Extensions) {
		t.Errorf("the removed path's operation is not a tombstone: %+v", jars)
	}
	if doc.Paths[shelvesPath].Get == nil || IsTombstone(doc.Paths[shelvesPath].Get.Extensions) {
		t.Error("the added operation is missing or marked")
	}

	if got, want := merged.Keys("/definitions"), []string{"Item", "Jar", "JarList", "Shelf"}; !slices.Equal(got, want) {
		t.Errorf("definitions in order %q, want %q", got, want)
	}
	for name, want := range map[string]bool{"Item": false, "Jar": true, "JarList": true, "Shelf": false} {
		if got := IsTombstone(doc.Definitions[name].Value.Extensions); got != want {
			t.Errorf("definition %s tombstone = %v, want %v", name, got, want)
		}
	}
	// A carried definition keeps the order of its inline schemas' properties.
	if got, want := merged.Keys("/definitions/Jar/properties/lid/properties"), []string{"color", "material"}; !slices.Equal(got, want) {
		t.Errorf("Jar.lid properties in order %q, want %q", got, want)
	}

	item := doc.Definitions["Item"].Value
	if got, want := merged.Keys("/definitions/Item/properties"), []string{"id", "weight", "jar", "state", "labels", "name"}; !slices.Equal(got, want) {
		t.Errorf("Item properties in order %q, want %q", got, want)
	}
	if !IsTombstone(item.Properties["weight"].Value.Extensions) {
		t.Error("Item.weight is not a tombstone")
	}
	if jar := item.Properties["jar"]; jar.Ref != "#/definitions/Jar" || !IsTombstone(jar.Extensions) {
		t.Errorf("Item.jar = %+v, want the $ref marked beside it", jar)
	}
	if slices.Contains(item.Required, "weight") {
		t.Error("a tombstone property is required")
	}
	state := item.Properties["state"].Value
	if diff := cmp.Diff([]any{"fresh", "stale", "ripe", "spoiled", "frozen"}, state.Enum); diff != "" {
		t.Errorf("Item.state enum (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]any{"stale", "spoiled"}, state.Extensions[ExtTombstoneEnum]); diff != "" {
		t.Errorf("Item.state tombstone values (-want +got):\n%s", diff)
	}
	labels := item.Properties["labels"].Value.Items.Value
	if diff := cmp.Diff([]any{"organic", "vegan"}, sortedAny(labels.Extensions[ExtTombstoneEnum])); diff != "" {
		t.Errorf("Item.labels items: a property that lost its whole enum keeps it as tombstones (-want +got):\n%s", diff)
	}
}

func sortedAny(v any) []any {
	list, _ := v.([]any)
	out := slices.Clone(list)
	slices.SortFunc(out, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
	return out
}

func TestMergeLeavesInputsAlone(t *testing.T) {
	spec := loadSpec(t, tombstoneDir+"spec.json")
	previous := loadSpec(t, tombstoneDir+"previous.json")
	before, prevBefore := docJSON(t, spec), docJSON(t, previous)
	if _, err := Merge(spec, previous, false); err != nil {
		t.Fatal(err)
	}
	if docJSON(t, spec) != before {
		t.Error("Merge modified spec")
	}
	if docJSON(t, previous) != prevBefore {
		t.Error("Merge modified previous")
	}
}

func TestMergeIdempotent(t *testing.T) {
	merged, spec, _ := mergeTombstoneCase(t)
	again, err := Merge(spec, merged, false)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(docJSON(t, merged), docJSON(t, again)); diff != "" {
		t.Errorf("merging with the merged spec changed it (-once +twice):\n%s", diff)
	}
	// And through the snapshot of the merged document, as the next release reads it.
	reparsed := reparse(t, merged)
	third, err := Merge(spec, reparsed, false)
	if err != nil {
		t.Fatal(err)
	}
	f1, _, err := Files(merged, goldenModule, "1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	f3, _, err := Files(third, goldenModule, "1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(f1, f3); diff != "" {
		t.Errorf("the SDK of a merge with the written merged document differs (-once +again):\n%s", diff)
	}
}

// reparse writes the snapshot of a spec and loads it again: what the next
// release reads from release/state/api-snapshot.json.
func reparse(t *testing.T, s *swagger.Spec) *swagger.Spec {
	t.Helper()
	data, err := swagger.Snapshot(s)
	if err != nil {
		t.Fatal(err)
	}
	out, err := swagger.Parse(data, "api-snapshot.json")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMergePruneAndNoRemoval(t *testing.T) {
	spec := loadSpec(t, tombstoneDir+"spec.json")
	previous := loadSpec(t, tombstoneDir+"previous.json")
	if got, err := Merge(spec, previous, true); err != nil || got != spec {
		t.Errorf("prune: Merge = %p, %v; want spec itself (%p): a forced major carries nothing", got, err, spec)
	}
	if got, err := Merge(spec, reparse(t, spec), false); err != nil || got != spec {
		t.Errorf("nothing removed: Merge = %p, %v; want spec itself (%p)", got, err, spec)
	}
	// Pruning the merged spec's tombstones: merging the merged spec as the
	// new one with prune gives back exactly what it has, and Build of the
	// plain spec has no tombstone at all.
	sdk, err := Build(spec, goldenModule)
	if err != nil {
		t.Fatal(err)
	}
	for _, api := range sdk.APIs {
		for _, op := range api.Operations {
			if op.Tombstone || slices.ContainsFunc(op.Params, func(p *Param) bool { return p.Tombstone }) {
				t.Errorf("%s has tombstones without a merge", op.Name)
			}
		}
	}
	if _, err := Merge(spec, nil, false); err == nil {
		t.Error("Merge without a previous release gave no error")
	}
}

// TestMergeBuild checks what Build reads from the marks.
func TestMergeBuild(t *testing.T) {
	merged, _, _ := mergeTombstoneCase(t)
	sdk, err := Build(merged, goldenModule)
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]*Operation{}
	for _, op := range sdk.APIs[0].Operations {
		ops[op.Name] = op
	}
	for name, want := range map[string]bool{"GetLarderItem": false, "DeleteLarderItem": true, "GetLarderJars": true, "GetLarderShelves": false} {
		if op := ops[name]; op == nil || op.Tombstone != want {
			t.Errorf("%s: %+v, want Tombstone %v", name, op, want)
		}
	}
	get := ops["GetLarderItem"]
	var pos []string
	for _, p := range get.Positional {
		pos = append(pos, p.Var+map[bool]string{true: "†"}[p.Tombstone])
	}
	if want := []string{"itemID", "shelf†"}; !slices.Equal(pos, want) {
		t.Errorf("positional %q, want %q: a removed required parameter keeps its argument", pos, want)
	}
	var opts []string
	for _, p := range get.Options {
		opts = append(opts, p.Field+map[bool]string{true: "†"}[p.Tombstone])
	}
	if want := []string{"Expand", "SortOrder", "Fresh†"}; !slices.Equal(opts, want) {
		t.Errorf("options %q, want %q: a removed optional parameter stays in the options struct, marked", opts, want)
	}
	// The values a live parameter's enum lost stay, marked, whether the
	// parameter is inline (expand's items) or shared through a $ref
	// (sortOrder); Merge gives no release label.
	for _, p := range get.Options[:2] {
		if want := map[string]string{"Expand": "seal", "SortOrder": "random"}[p.Field]; !slices.Contains(p.Enum, want) || !maps.Equal(p.TombstoneEnum, map[string]string{want: ""}) {
			t.Errorf("%s: enum %q, tombstones %v, want %q kept", p.Field, p.Enum, p.TombstoneEnum, want)
		}
	}
	models := map[string]*Model{}
	for _, m := range sdk.Models {
		models[m.Name] = m
	}
	for name, want := range map[string]bool{"Item": false, "Jar": true, "JarLid": true, "JarList": true, "Shelf": false} {
		if m := models[name]; m == nil || m.Tombstone != want {
			t.Errorf("model %s: Tombstone want %v (%+v)", name, want, m)
		}
	}
	var fields []string
	for _, f := range models["Item"].Fields {
		fields = append(fields, f.Name+map[bool]string{true: "†"}[f.Tombstone])
	}
	if want := []string{"ID", "Weight†", "Jar†", "State", "Labels", "Name"}; !slices.Equal(fields, want) {
		t.Errorf("Item fields %q, want %q", fields, want)
	}
	var values []string
	for _, v := range models["Item"].Enums[0].Values {
		values = append(values, v.Name+map[bool]string{true: "†"}[v.Tombstone])
	}
	if want := []string{"ItemStateFresh", "ItemStateStale†", "ItemStateRipe", "ItemStateSpoiled†", "ItemStateFrozen"}; !slices.Equal(values, want) {
		t.Errorf("ItemState values %q, want %q", values, want)
	}
}

// TestMergeKeepsLiveNames: nothing is carried that would take the Go name of
// a live identifier (Build would otherwise rename the live one or fail).
func TestMergeKeepsLiveNames(t *testing.T) {
	prev := `{"swagger":"2.0","info":{"title":"T","version":"v2"},
"paths":{"/a":{"get":{"tags":["T"],"operationId":"getThing","parameters":[{"name":"page_size","in":"query","type":"integer"}],"responses":{"200":{"description":"ok"}}}},
"/c":{"get":{"tags":["T"],"operationId":"getOther","responses":{"200":{"description":"ok"}}}}},
"definitions":{"thing_one":{"type":"object"},"Thing":{"type":"object","properties":{"user_id":{"type":"string"},"kind":{"type":"string","enum":["a-b","c"]}}}}}`
	next := `{"swagger":"2.0","info":{"title":"T","version":"v2"},
"paths":{"/a":{"get":{"tags":["T"],"operationId":"getThing","parameters":[{"name":"pageSize","in":"query","type":"integer"}],"responses":{"200":{"description":"ok"}}}},
"/d":{"get":{"tags":["T"],"operationId":"getOther","responses":{"200":{"description":"ok"}}}}},
"definitions":{"ThingOne":{"type":"object"},"Thing":{"type":"object","properties":{"userId":{"type":"string"},"kind":{"type":"string","enum":["a_b","c"]}}}}}`
	p, err := swagger.Parse([]byte(prev), "prev")
	if err != nil {
		t.Fatal(err)
	}
	n, err := swagger.Parse([]byte(next), "next")
	if err != nil {
		t.Fatal(err)
	}
	merged, err := Merge(n, p, false)
	if err != nil {
		t.Fatal(err)
	}
	if merged != n {
		t.Errorf("something was carried although every removed item's Go name is taken:\n%s", docJSON(t, merged))
	}
	if _, err := Build(merged, goldenModule); err != nil {
		t.Error(err)
	}
}

func TestMergeBadPrevious(t *testing.T) {
	prev := `{"swagger":"2.0","info":{"title":"T","version":"v2"},
"paths":{"/a":{"get":{"tags":["T"],"operationId":"getA","parameters":[{"$ref":"#/parameters/gone"}],"responses":{"200":{"description":"ok"}}}}}}`
	p, err := swagger.Parse([]byte(prev), "prev.json")
	if err != nil {
		t.Fatal(err)
	}
	spec := loadSpec(t, tombstoneDir+"spec.json")
	_, err = Merge(spec, p, false)
	want := `merge with the last release (prev.json): paths./a.get.parameters[0]: $ref "#/parameters/gone" points to no parameter`
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// BenchmarkMerge merges the real spec, with one operation in 50, one
// definition in 50 and one property of every definition in 20 removed, with
// the snapshot of the whole spec (the baseline is BenchmarkBuild: Merge runs
// before it on every release that carries tombstones).
func BenchmarkMerge(b *testing.B) {
	full := loadReal(b)
	snap, err := swagger.Snapshot(full)
	if err != nil {
		b.Fatal(err)
	}
	prev, err := swagger.Parse(snap, "snapshot")
	if err != nil {
		b.Fatal(err)
	}
	spec := loadReal(b)
	i := 0
	for _, path := range swagger.OrderedKeys(spec, "/paths", spec.Doc.Paths) {
		if i++; i%50 == 0 {
			delete(spec.Doc.Paths, path)
		}
	}
	for _, name := range swagger.OrderedKeys(spec, "/definitions", spec.Doc.Definitions) {
		i++
		def := spec.Doc.Definitions[name]
		switch {
		case i%50 == 0:
			delete(spec.Doc.Definitions, name)
		case i%20 == 0 && def.Value != nil && len(def.Value.Properties) > 1:
			for p := range def.Value.Properties {
				delete(def.Value.Properties, p)
				break
			}
		}
	}
	for b.Loop() {
		merged, err := Merge(spec, prev, false)
		if err != nil || merged == spec {
			b.Fatalf("Merge: %v (nothing carried: %v)", err, merged == spec)
		}
	}
}

// TestMergeLabels: a tombstone is labelled with the release that first kept
// it, and keeps that label in later releases and regenerations.
func TestMergeLabels(t *testing.T) {
	spec := loadSpec(t, tombstoneDir+"spec.json")
	first, err := MergeLabeled(spec, reparse(t, loadSpec(t, tombstoneDir+"previous.json")), false, "0.2.0")
	if err != nil {
		t.Fatal(err)
	}
	// The next release also removes Item.name.
	next := loadSpec(t, tombstoneDir+"spec.json")
	delete(next.Doc.Definitions["Item"].Value.Properties, "name")
	second, err := MergeLabeled(next, reparse(t, first), false, "0.3.0")
	if err != nil {
		t.Fatal(err)
	}
	sdk, err := Build(second, goldenModule)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, op := range sdk.APIs[0].Operations {
		got["op "+op.Name] = op.RemovedIn
		for _, p := range op.Params {
			got["param "+op.Name+"."+p.Name] = p.RemovedIn
		}
	}
	for _, m := range sdk.Models {
		got["model "+m.Name] = m.RemovedIn
		for _, f := range m.Fields {
			got["field "+m.Name+"."+f.Name] = f.RemovedIn
		}
		for _, e := range m.Enums {
			for _, v := range e.Values {
				got["value "+v.Name] = v.RemovedIn
			}
		}
	}
	want := map[string]string{
		"op DeleteLarderItem":           "0.2.0",
		"op GetLarderJars":              "0.2.0",
		"op GetLarderItem":              "",
		"param GetLarderItem.shelf":     "0.2.0",
		"param GetLarderItem.expand":    "",
		"model Jar":                     "0.2.0",
		"model JarLid":                  "0.2.0",
		"model Item":                    "",
		"field Item.Weight":             "0.2.0",
		"field Item.Name":               "0.3.0",
		"field Item.ID":                 "",
		"value ItemStateStale":          "0.2.0",
		"value ItemStateFresh":          "",
		"value ItemLabelsVegan":         "0.2.0",
		"param DeleteLarderItem.itemId": "",
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || g != w {
			t.Errorf("%s: RemovedIn %q (found %v), want %q", k, g, ok, w)
		}
	}
	// Regenerating (no label) from the release's snapshot keeps the labels.
	again, err := Merge(next, reparse(t, second), false)
	if err != nil {
		t.Fatal(err)
	}
	f1, _, err := Files(second, goldenModule, "0.3.0")
	if err != nil {
		t.Fatal(err)
	}
	f2, _, err := Files(again, goldenModule, "0.3.0")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(f1, f2); diff != "" {
		t.Errorf("regenerating from the release's snapshot changed the SDK (-release +again):\n%s", diff)
	}
}

// TestMergeSharedParamEnum: a parameter shared through #/parameters that
// lost an enum value keeps it, in an inline copy on the operation (the
// snapshot, which the last release is read from, names shared parameters
// its own way), labelled with the release; the shared definition and the
// other operations using it are left as the spec has them.
func TestMergeSharedParamEnum(t *testing.T) {
	spec := func(values string) *swagger.Spec {
		src := `{"swagger":"2.0","info":{"title":"t","version":"v2"},
		"parameters":{"sort":{"name":"sortOrder","in":"query","type":"string","enum":` + values + `}},
		"paths":{"/a":{"get":{"tags":["A"],"operationId":"getA","parameters":[{"$ref":"#/parameters/sort"}],"responses":{"204":{"description":"ok"}}}}}}`
		s, err := swagger.Parse([]byte(src), "test.json")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	live := spec(`["asc","desc"]`)
	merged, err := MergeLabeled(live, reparse(t, spec(`["asc","desc","random"]`)), false, "2.1.0")
	if err != nil {
		t.Fatal(err)
	}
	if got := live.Doc.Paths["/a"].Get.Parameters[0].Ref; got != "#/parameters/sort" {
		t.Errorf("the live spec's parameter changed: %q", got)
	}
	sdk, err := Build(merged, goldenModule)
	if err != nil {
		t.Fatal(err)
	}
	e := sdk.APIs[0].Enums
	if len(e) != 1 || len(e[0].Values) != 3 || e[0].Values[2] != (EnumValue{Name: "GetASortOrderRandom", Value: "random", Tombstone: true, RemovedIn: "2.1.0"}) || e[0].Values[0].Tombstone {
		t.Errorf("enums %+v, want GetASortOrder with random kept as of 2.1.0", e)
	}
}
