// The pinned apidiff predates types.Alias; the generated models package declares
// aliases (type X = json.RawMessage), so aliases are type-checked the old way.

//go:debug gotypesalias=0

package swaggerdiff

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/exp/apidiff"

	"github.com/purecloud-go/platform-client/generator"
	"github.com/purecloud-go/platform-client/swagger"
)

// goPkgs type-checks generated packages in memory: the standard library
// through the default importer, the SDK's packages from rendered files.
type goPkgs struct {
	fset *token.FileSet
	std  types.Importer
	pkgs map[string]*types.Package
}

func (g *goPkgs) Import(path string) (*types.Package, error) {
	if p, ok := g.pkgs[path]; ok {
		return p, nil
	}
	return g.std.Import(path)
}

func (g *goPkgs) check(path string, files []generator.File) (*types.Package, error) {
	var parsed []*ast.File
	for _, f := range files {
		af, err := parser.ParseFile(g.fset, f.Path, f.Data, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		parsed = append(parsed, af)
	}
	conf := types.Config{Importer: g}
	return conf.Check(path, g.fset, parsed, nil)
}

// subset renders only what a case changed: the APIs and models whose model
// (IR) differs, plus every model their types reference, on both sides (the
// union, so that a type kept unchanged is present in both packages).
func subset(t *testing.T, old, new *generator.SDK) (o, n []generator.File, apis []string) {
	t.Helper()
	oAPIs, nAPIs := map[string]*generator.API{}, map[string]*generator.API{}
	for _, a := range old.APIs {
		oAPIs[a.Package] = a
	}
	for _, a := range new.APIs {
		nAPIs[a.Package] = a
	}
	oModels, nModels := map[string]*generator.Model{}, map[string]*generator.Model{}
	for _, m := range old.Models {
		oModels[m.Name] = m
	}
	for _, m := range new.Models {
		nModels[m.Name] = m
	}
	need := map[string]bool{}
	var changedAPIs []string
	for name := range union(oAPIs, nAPIs) {
		if !reflect.DeepEqual(oAPIs[name], nAPIs[name]) {
			changedAPIs = append(changedAPIs, name)
		}
	}
	for name := range union(oModels, nModels) {
		if !reflect.DeepEqual(oModels[name], nModels[name]) {
			need[name] = true
		}
	}
	enumOwner := map[string]string{}
	for _, ms := range []map[string]*generator.Model{oModels, nModels} {
		for _, m := range ms {
			for _, e := range m.Enums {
				enumOwner[e.Name] = m.Name
			}
		}
	}
	var visitType func(*generator.Type)
	var queue []string
	visitType = func(ty *generator.Type) {
		for ; ty != nil; ty = ty.Elem {
			switch ty.Kind {
			case generator.KindModel, generator.KindFreeform:
				queue = append(queue, ty.Name)
			case generator.KindEnum:
				queue = append(queue, enumOwner[ty.Name])
			}
		}
	}
	for _, name := range changedAPIs {
		for _, a := range []*generator.API{oAPIs[name], nAPIs[name]} {
			if a == nil {
				continue
			}
			for _, op := range a.Operations {
				for _, p := range op.Params {
					visitType(p.Type)
				}
				visitType(op.Result)
			}
		}
	}
	for name := range need {
		queue = append(queue, name)
	}
	for len(queue) > 0 {
		name := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if name == "" {
			continue
		}
		need[name] = true
		for _, m := range []*generator.Model{oModels[name], nModels[name]} {
			if m == nil {
				continue
			}
			for _, f := range m.Fields {
				ty := f.Type
				for ; ty != nil; ty = ty.Elem {
					n := ty.Name
					if ty.Kind == generator.KindEnum {
						n = enumOwner[n]
					}
					if (ty.Kind == generator.KindModel || ty.Kind == generator.KindFreeform || ty.Kind == generator.KindEnum) && !need[n] {
						queue = append(queue, n)
					}
				}
			}
		}
	}
	pick := func(sdk *generator.SDK, apisBy map[string]*generator.API, models map[string]*generator.Model) []generator.File {
		sub := &generator.SDK{Module: sdk.Module, Title: sdk.Title, Host: sdk.Host}
		for _, name := range changedAPIs {
			if a := apisBy[name]; a != nil {
				sub.APIs = append(sub.APIs, a)
			}
		}
		for _, m := range sdk.Models {
			if need[m.Name] {
				sub.Models = append(sub.Models, m)
			}
		}
		files, err := generator.Render(sub, "0.0.0")
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	return pick(old, oAPIs, oModels), pick(new, nAPIs, nModels), changedAPIs
}

func union[V any](a, b map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// incompatible type-checks the changed packages of both sides and returns
// apidiff's incompatible changes.
func incompatible(t *testing.T, g *goPkgs, oldFiles, newFiles []generator.File, apis []string) []string {
	t.Helper()
	module := generator.DefaultModule
	byDir := func(files []generator.File) map[string][]generator.File {
		out := map[string][]generator.File{}
		for _, f := range files {
			if !strings.HasSuffix(f.Path, ".go") || strings.HasSuffix(f.Path, "_test.go") {
				continue
			}
			dir := f.Path[:strings.LastIndex(f.Path, "/")+1]
			out[strings.TrimSuffix(dir, "/")] = append(out[strings.TrimSuffix(dir, "/")], f)
		}
		return out
	}
	od, nd := byDir(oldFiles), byDir(newFiles)
	if g.pkgs[module+"/platformclient"] == nil {
		p, err := g.check(module+"/platformclient", od["platformclient"])
		if err != nil {
			t.Fatalf("platformclient: %v", err)
		}
		g.pkgs[module+"/platformclient"] = p
	}
	var out []string
	side := func(dirs map[string][]generator.File, dir string) *types.Package {
		path := module + "/" + dir
		if len(dirs[dir]) == 0 {
			return types.NewPackage(path, dir[strings.LastIndex(dir, "/")+1:])
		}
		p, err := g.check(path, dirs[dir])
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		return p
	}
	om, nm := side(od, "models"), side(nd, "models")
	for _, c := range apidiff.Changes(om, nm).Changes {
		if !c.Compatible {
			out = append(out, "models: "+c.Message)
		}
	}
	for _, api := range apis {
		dir := "api/" + api
		g.pkgs[module+"/models"] = om
		op := side(od, dir)
		g.pkgs[module+"/models"] = nm
		np := side(nd, dir)
		for _, c := range apidiff.Changes(op, np).Changes {
			if !c.Compatible {
				out = append(out, api+": "+c.Message)
			}
		}
	}
	delete(g.pkgs, module+"/models")
	return out
}

// TestGoVerdictAgainstApidiff generates the SDK's changed packages from the
// old and new spec of every mutation and checks the go verdict against
// golang.org/x/exp/apidiff: a go major must have an incompatible change,
// anything less none.
func TestGoVerdictAgainstApidiff(t *testing.T) {
	real := loadReal(t)
	start := time.Now()
	realSDK, err := generator.Build(real, generator.DefaultModule)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	g := &goPkgs{fset: fset, std: importer.ForCompiler(fset, "source", nil), pkgs: map[string]*types.Package{}}
	disagree := 0
	for _, m := range mutations {
		old, new := m.specs(real)
		res, err := Compare(old, new, Options{Rules: RulesGo})
		if err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		oldSDK := realSDK
		if old != real {
			if oldSDK, err = generator.Build(old, generator.DefaultModule); err != nil {
				t.Fatalf("%s: old: %v", m.name, err)
			}
		}
		newSDK, err := generator.Build(new, generator.DefaultModule)
		if err != nil {
			t.Fatalf("%s: new: %v", m.name, err)
		}
		of, nf, apis := subset(t, oldSDK, newSDK)
		inc := incompatible(t, g, of, nf, apis)
		if (res.Bump == Major) != (len(inc) > 0) {
			disagree++
			t.Errorf("%s: go bump %s, apidiff incompatible changes %q; go changes %v", m.name, res.Bump, inc, render(res))
		}
	}
	t.Logf("%d cases, %d disagreements, %s", len(mutations), disagree, time.Since(start).Round(time.Millisecond))
}

var _ = swagger.Pointer
