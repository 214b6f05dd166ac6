// The pinned apidiff predates types.Alias; the generated models package declares
// aliases (type X = json.RawMessage), so aliases are type-checked the old way.

//go:debug gotypesalias=0

package swaggerdiff

import (
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/exp/apidiff"

	"github.com/purecloud-go/platform-client/generator"
	"github.com/purecloud-go/platform-client/swagger"
)

// exportData finds the compiled export data of the packages the generated
// SDK imports (the standard library and golang.org/x/oauth2) with go list,
// run in the committed SDK module, which requires what every generated SDK
// requires. One importer reading all of them keeps types identical across
// packages (a *http.Client of net/http is the one oauth2 uses).
type exportData struct {
	mu    sync.Mutex
	files map[string]string // import path -> export data file
}

func (e *exportData) lookup(path string) (io.ReadCloser, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.files == nil {
		e.files = map[string]string{}
	}
	if _, ok := e.files[path]; !ok {
		sdkDir, err := filepath.Abs(filepath.Join("..", "sdk"))
		if err != nil {
			return nil, err
		}
		cmd := exec.Command("go", "list", "-export", "-deps", "-f", "{{.ImportPath}}={{.Export}}", path)
		cmd.Dir = sdkDir
		out, err := cmd.Output()
		if err != nil {
			var stderr []byte
			if ee, ok := err.(*exec.ExitError); ok {
				stderr = ee.Stderr
			}
			return nil, fmt.Errorf("go list -export %s in %s: %v\n%s", path, sdkDir, err, stderr)
		}
		for line := range strings.Lines(string(out)) {
			if p, file, ok := strings.Cut(strings.TrimSpace(line), "="); ok && file != "" {
				e.files[p] = file
			}
		}
	}
	file, ok := e.files[path]
	if !ok {
		return nil, fmt.Errorf("no export data for %s", path)
	}
	return os.Open(file)
}

// goPkgs type-checks generated packages in memory: the SDK's dependencies
// from their export data, the SDK's packages from rendered files.
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
func subset(old, new *generator.SDK) (o, n []generator.File, apis []string, err error) {
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
			types := make([]*generator.Type, 0, len(m.Fields)+1)
			for _, f := range m.Fields {
				types = append(types, f.Type)
			}
			if m.Underlying != nil { // a named slice or map type
				types = append(types, m.Underlying)
			}
			for _, ty := range types {
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
	pick := func(sdk *generator.SDK, apisBy map[string]*generator.API) ([]generator.File, error) {
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
		return generator.Render(sub, "0.0.0")
	}
	if o, err = pick(old, oAPIs); err != nil {
		return nil, nil, nil, fmt.Errorf("render old: %w", err)
	}
	if n, err = pick(new, nAPIs); err != nil {
		return nil, nil, nil, fmt.Errorf("render new: %w", err)
	}
	return o, n, changedAPIs, nil
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
func incompatible(g *goPkgs, oldFiles, newFiles []generator.File, apis []string) ([]string, error) {
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
			return nil, fmt.Errorf("platformclient: %w", err)
		}
		g.pkgs[module+"/platformclient"] = p
	}
	var out []string
	side := func(dirs map[string][]generator.File, dir string) (*types.Package, error) {
		path := module + "/" + dir
		if len(dirs[dir]) == 0 {
			return types.NewPackage(path, dir[strings.LastIndex(dir, "/")+1:]), nil
		}
		p, err := g.check(path, dirs[dir])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
		return p, nil
	}
	om, err := side(od, "models")
	if err != nil {
		return nil, err
	}
	nm, err := side(nd, "models")
	if err != nil {
		return nil, err
	}
	for _, c := range apidiff.Changes(om, nm).Changes {
		if !c.Compatible {
			out = append(out, "models: "+c.Message)
		}
	}
	for _, api := range apis {
		dir := "api/" + api
		g.pkgs[module+"/models"] = om
		op, err := side(od, dir)
		if err != nil {
			return nil, err
		}
		g.pkgs[module+"/models"] = nm
		np, err := side(nd, dir)
		if err != nil {
			return nil, err
		}
		for _, c := range apidiff.Changes(op, np).Changes {
			if !c.Compatible {
				out = append(out, api+": "+c.Message)
			}
		}
	}
	delete(g.pkgs, module+"/models")
	return out, nil
}

// TestGoVerdictAgainstApidiff generates the SDK's changed packages from the
// old and new spec of every mutation and checks the go verdict against
// golang.org/x/exp/apidiff: a go major must have an incompatible change,
// anything less none. Where the verdict with Options.Tombstones differs, the
// new side is generated as a release does, from generator.Merge(new,
// snapshot of old, false), and checked against that verdict the same way.
//
// The cases run in parallel, one type-checker per worker; Compare's Go API
// of each side is reused for the generated code (surfaces).
func TestGoVerdictAgainstApidiff(t *testing.T) {
	real := loadReal(t)
	start := time.Now()
	// The cases allocate whole-spec models; the heap they leave is small.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	var (
		mu                  sync.Mutex
		disagree, tombCases int
		realSnapOnce        sync.Once
		realSnap            *swagger.Spec
		realSnapErr         error
		next                = make(chan mutation)
		wg                  sync.WaitGroup
	)
	snapshotOf := func(s *swagger.Spec) (*swagger.Spec, error) {
		if s == real {
			realSnapOnce.Do(func() { realSnap, realSnapErr = snapshotSpec(real) })
			return realSnap, realSnapErr
		}
		return snapshotSpec(s)
	}
	exports := &exportData{}
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	for range workers {
		fset := token.NewFileSet()
		g := &goPkgs{fset: fset, std: importer.ForCompiler(fset, "gc", exports.lookup), pkgs: map[string]*types.Package{}}
		wg.Go(func() {
			for m := range next {
				tomb, bad, err := checkApidiff(g, real, m, snapshotOf)
				mu.Lock()
				if err != nil {
					t.Errorf("%s: %v", m.name, err)
				}
				disagree += bad
				if tomb {
					tombCases++
				}
				mu.Unlock()
			}
		})
	}
	for _, m := range mutations {
		next <- m
	}
	close(next)
	wg.Wait()
	if tombCases == 0 {
		t.Error("no case has another verdict with tombstones: the tombstone check checked nothing")
	}
	t.Logf("%d cases (%d also with tombstones), %d disagreements, %d workers, %s",
		len(mutations), tombCases, disagree, workers, time.Since(start).Round(time.Millisecond))
}

// snapshotSpec returns the parsed snapshot of s, as a release reads it.
func snapshotSpec(s *swagger.Spec) (*swagger.Spec, error) {
	data, err := swagger.Snapshot(s)
	if err != nil {
		return nil, err
	}
	return swagger.Parse(data, "snapshot of "+s.Source)
}

// checkApidiff checks one mutation (see TestGoVerdictAgainstApidiff): it
// returns whether the tombstone verdict differed and was checked too, and the
// number of disagreements, which it describes in the error.
func checkApidiff(g *goPkgs, real *swagger.Spec, m mutation, snapshotOf func(*swagger.Spec) (*swagger.Spec, error)) (tomb bool, disagree int, err error) {
	old, new := m.specs(real)
	surfaces.want(old, new)
	defer surfaces.drop(old, new)
	res, err := Compare(old, new, Options{Rules: RulesGo})
	if err != nil {
		return false, 0, err
	}
	oldSDK, err := surfaces.sdk(old)
	if err != nil {
		return false, 0, fmt.Errorf("old: %w", err)
	}
	newSDK, err := surfaces.sdk(new)
	if err != nil {
		return false, 0, fmt.Errorf("new: %w", err)
	}
	var errs []error
	check := func(what string, res *Result, newSDK *generator.SDK) error {
		of, nf, apis, err := subset(oldSDK, newSDK)
		if err != nil {
			return err
		}
		inc, err := incompatible(g, of, nf, apis)
		if err != nil {
			return err
		}
		if (res.Bump == Major) != (len(inc) > 0) {
			disagree++
			errs = append(errs, fmt.Errorf("%s: bump %s, apidiff incompatible changes %q; changes %v", what, res.Bump, inc, render(res)))
		}
		if miss := unexplained(res, oldSDK, inc); len(miss) > 0 {
			disagree++
			errs = append(errs, fmt.Errorf("%s: apidiff incompatible changes no change line gives: %q; changes %v", what, miss, render(res)))
		}
		return nil
	}
	if err := check("go", res, newSDK); err != nil {
		return false, disagree, err
	}
	resT, err := Compare(old, new, Options{Rules: RulesGo, Tombstones: true})
	if err != nil {
		return false, disagree, fmt.Errorf("with tombstones: %w", err)
	}
	if resT.Bump != res.Bump {
		prev, err := snapshotOf(old)
		if err != nil {
			return true, disagree, err
		}
		merged, err := generator.Merge(new, prev, false)
		if err != nil {
			return true, disagree, err
		}
		mergedSDK, err := generator.Build(merged, generator.DefaultModule)
		if err != nil {
			return true, disagree, fmt.Errorf("merged: %w", err)
		}
		if err := check("go with tombstones", resT, mergedSDK); err != nil {
			return true, disagree, err
		}
		tomb = true
	}
	return tomb, disagree, errors.Join(errs...)
}

// unexplained returns the incompatible changes of apidiff (inc, as
// incompatible returns them) that no change line of res gives: every one
// must have a major line where it is (the operation of a method or options
// field, the definition of a models type, field or constant, or of the type
// a field has), and a removed iterator method, which no spec-level line
// names, a line that names it.
func unexplained(res *Result, oldSDK *generator.SDK, inc []string) []string {
	sf := newSurface(oldSDK)
	type place struct{ path, method, model string }
	ops := map[string]*generator.Operation{} // by method, options type and iterator name
	iters := map[string]bool{}
	for _, api := range oldSDK.APIs {
		for _, op := range api.Operations {
			ops[op.Name], ops[op.OptionsType] = op, op
			if op.Paging != nil {
				ops[op.Paging.Method] = op
				iters[op.Paging.Method] = true
				if op.Paging.Pages != "" {
					ops[op.Paging.Pages] = op
					iters[op.Paging.Pages] = true
				}
			}
			if op.Job != nil {
				ops[op.Job.Method] = op
				iters[op.Job.Method] = true
			}
		}
	}
	// A parameter's enum type and its constants belong to its operation.
	for name, pe := range sf.penums {
		_, typ, _ := strings.Cut(name, ".")
		op := sf.ops[pe.op].op
		ops[typ] = op
		for _, v := range pe.e.Values {
			ops[v.Name] = op
		}
	}
	constOwner := map[string]string{}
	for typ, consts := range sf.consts {
		for c := range consts {
			constOwner[c] = sf.owner[typ]
		}
	}
	var out []string
	for _, msg := range inc {
		pkg, rest, _ := strings.Cut(msg, ": ")
		obj, _, _ := strings.Cut(rest, ": ")
		name := obj // (*XApi).Method, Type.Field, Type, Const
		if i := strings.LastIndex(obj, ")."); i >= 0 {
			name = obj[i+2:]
		}
		first, _, _ := strings.Cut(name, ".")
		var at place
		needName := ""
		if pkg == "models" {
			at.model = sf.owner[first]
			if at.model == "" {
				at.model = constOwner[first]
			}
		} else if op := ops[first]; op != nil {
			at.path, at.method = op.Path, op.Method
			if iters[first] && strings.HasSuffix(rest, ": removed") {
				needName = first
			}
		}
		explained := false
		for _, c := range res.Changes {
			switch {
			case needName != "":
				explained = explained || strings.Contains(c.Line, needName)
			case c.Impact != Major:
			case at.model != "":
				// Where it is, or the type it uses (a field of a model
				// whose type changed).
				explained = explained || c.Model == at.model || c.Model != "" && mentions(msg, c.Model)
			case at.path != "":
				explained = explained || c.Path == at.path && (c.Method == at.method || c.Method == "")
			default:
				explained = explained || strings.Contains(c.Line, first)
			}
		}
		if !explained {
			out = append(out, msg)
		}
	}
	return out
}

// mentions reports whether text has the Go identifier name as a whole word.
func mentions(text, name string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(name)
		before := j == 0 || !isIdentByte(text[j-1])
		after := end == len(text) || !isIdentByte(text[end])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isIdentByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
