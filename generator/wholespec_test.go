package generator

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/purecloud-go/platform-client/swagger"
)

// realSpec is the Platform API spec the SDK is generated from.
const realSpec = "../../shared/swagger/platform-api-v2.json"

// e2eTests are test files copied into the generated SDK and run there.
const e2eTests = "testdata/e2e"

// TestWholeSpec generates the SDK from the real spec and checks it: the
// counts of APIs, methods and models, determinism, that the module builds
// and passes go vet, and that its tests (runtime tests and the end-to-end
// tests of testdata/e2e) pass. That the committed sdk/ is what
// `sdkgen generate` writes, with the record of the last release, is the
// release package's TestCommittedSDK.
func TestWholeSpec(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and builds the whole SDK")
	}
	if _, err := os.Stat(realSpec); err != nil {
		t.Fatalf("the Platform API spec is expected at %s (the shared folder beside the repository): %v", realSpec, err)
	}
	spec, err := swagger.Load(t.Context(), realSpec, 0)
	if err != nil {
		t.Fatal(err)
	}
	files, sdk, err := Files(spec, DefaultModule, DefaultVersion)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("counts", func(t *testing.T) {
		methods := 0
		for _, api := range sdk.APIs {
			methods += len(api.Operations)
		}
		// Iterator methods by shape (an operation in several APIs counts in
		// each): the HTTP method, where the page is asked for, and the kind.
		paged := map[string]int{}
		iterators := 0
		for _, api := range sdk.APIs {
			for _, op := range api.Operations {
				if op.Paging != nil {
					paged[op.Paging.Shape(op)]++
					iterators++
				}
			}
		}
		wantPaged := map[string]int{
			// GET listings with entities: 283 by a pageNumber option with
			// pageCount or total (and 1 whose pageNumber is a string), 96 by
			// cursor (3 with a cursor field, 93 with a nextUri).
			"GET query number": 284,
			// ... and 96 + 28: the analytics job results (23 results, 2
			// conversations, 2 userDetails, each with a cursor field) and
			// the usage search results (the after of cursors).
			"GET query cursor": 124,
			// Searches by a q64 argument, walked by nextPage.
			"GET argument cursor": 16,
			// POST queries paging through their body: pageNumber (6 with
			// entities, 28 with results), paging.pageNumber with totalHits
			// (4), after or cursor (7).
			"POST body number":        34,
			"POST body.paging number": 4,
			"POST body cursor":        7,
			// POST queries paging through their query: a pageNumber option
			// (2, and 1 typed as a string), a required pageNumber argument
			// (1), an after option with a nextUri (3).
			"POST query number":    3,
			"POST argument number": 1,
			"POST query cursor":    3,
		}
		if fmt.Sprint(paged) != fmt.Sprint(wantPaged) {
			t.Errorf("iterator methods by shape: %v; want %v", paged, wantPaged)
		}
		if got := countSuffixed(t, files, "Iter"); got != iterators || got != 476 {
			t.Errorf("generated code: %d iterator methods, the model %d; want 476", got, iterators)
		}
		// A page view beside every iterator; a waiter for every job status
		// operation with a state that ends the job and a POST that creates
		// it (an operation in several APIs counts in each). jobs_test.go
		// lists the job status operations left out.
		pages, waiters := 0, 0
		for _, api := range sdk.APIs {
			for _, op := range api.Operations {
				if op.Paging != nil && op.Paging.Pages != "" {
					pages++
				}
				if op.Job != nil {
					waiters++
				}
			}
		}
		if gotPages, gotWaiters := countSuffixed(t, files, "Pages"), countSuffixed(t, files, "Wait"); pages != 476 || gotPages != pages || waiters != 77 || gotWaiters != waiters {
			t.Errorf("page views: %d, in the code %d; waiters: %d, in the code %d; want 476 and 77", pages, gotPages, waiters, gotWaiters)
		}
		if len(sdk.APIs) != 87 || methods != 3324 || len(sdk.Models) != 4672 {
			t.Errorf("model: %d APIs, %d methods, %d models; want 87, 3324, 4672", len(sdk.APIs), methods, len(sdk.Models))
		}
		// The same, counted in the generated Go code itself.
		apiTypes, goMethods, modelTypes := countGo(t, files)
		if apiTypes != 87 || goMethods != 3324 || modelTypes != 4672 {
			t.Errorf("generated code: %d API types, %d methods, %d model types; want 87, 3324, 4672", apiTypes, goMethods, modelTypes)
		}
	})

	t.Run("every exported name documented", func(t *testing.T) {
		if missing := undocumented(t, files); len(missing) > 0 {
			t.Errorf("%d exported names without a doc comment, such as %v", len(missing), head(missing))
		}
	})

	t.Run("documentation pages", func(t *testing.T) { checkDocs(t, sdk, files) })

	t.Run("deterministic", func(t *testing.T) {
		spec2, err := swagger.Load(t.Context(), realSpec, 0)
		if err != nil {
			t.Fatal(err)
		}
		again, _, err := Files(spec2, DefaultModule, DefaultVersion)
		if err != nil {
			t.Fatal(err)
		}
		compareTrees(t, fileMap(files), fileMap(again), "make the generator deterministic")
	})

	t.Run("merge with its own snapshot carries nothing", func(t *testing.T) {
		snap, err := swagger.Snapshot(spec)
		if err != nil {
			t.Fatal(err)
		}
		prev, err := swagger.Parse(snap, "snapshot")
		if err != nil {
			t.Fatal(err)
		}
		if merged, err := Merge(spec, prev, false); err != nil || merged != spec {
			t.Errorf("Merge(spec, its snapshot) = %p, %v; want spec itself", merged, err)
		}
	})

	t.Run("builds, vets and passes its tests", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "sdk")
		if err := WriteTree(out, files); err != nil {
			t.Fatal(err)
		}
		copyREADMEExamples(t, out)
		goCmd(t, out, "build", "./...")
		start := time.Now()
		n := buildDocExamples(t, out, files)
		t.Logf("built the %d examples of the documentation pages in %.1fs", n, time.Since(start).Seconds())
		goCmd(t, out, "vet", "./...")
		copyE2E(t, out)
		writeSecretNamesTest(t, out, spec)
		goCmd(t, out, "test", "./...")
		// The runtime's concurrency (1000 goroutines sharing a client while
		// its token is renewed) is checked by the race detector.
		goCmd(t, out, "test", "-race", "./platformclient")
		// So are the notifications package's goroutines (sockets, channel
		// replacements, the buffer).
		goCmd(t, out, "test", "-race", "./notifications")
	})
}

func fileMap(files []File) map[string][]byte {
	m := make(map[string][]byte, len(files))
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}

// countGo parses the generated Go files and counts the API types (one per
// api/ package), the methods declared on them, and the model types (the
// struct and alias types of the models package, other than its time types).
func countGo(t *testing.T, files []File) (apiTypes, methods, modelTypes int) {
	t.Helper()
	fset := token.NewFileSet()
	for _, f := range files {
		isAPI := strings.HasPrefix(f.Path, "api/")
		isModel := strings.HasPrefix(f.Path, "models/") && f.Path != "models/time_types.go"
		if !strings.HasSuffix(f.Path, ".go") || strings.HasSuffix(f.Path, "_test.go") || !isAPI && !isModel {
			continue
		}
		file, err := parser.ParseFile(fset, f.Path, f.Data, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				// The iterators, page views and waiters (XIter, XPages,
				// XWait beside X) and the walks they share are counted
				// apart.
				if isAPI && d.Recv != nil && helperOf(d) == "" && ast.IsExported(d.Name.Name) {
					methods++
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok {
						continue
					}
					_, isStruct := ts.Type.(*ast.StructType)
					switch {
					case isAPI && strings.HasSuffix(ts.Name.Name, "Api") && isStruct:
						apiTypes++
					case isModel && (isStruct || ts.Assign.IsValid()):
						modelTypes++
					}
				}
			}
		}
	}
	return apiTypes, methods, modelTypes
}

// helperOf returns what a method of an API package is, when it is a
// helper beside an operation's method: "Iter", "Pages" or "Wait", by its
// name and the runtime function it returns; "" for any other.
func helperOf(d *ast.FuncDecl) string {
	calls := map[string]string{"NumberItems": "Iter", "CursorItems": "Iter", "NumberPages": "Pages", "CursorPages": "Pages", "WaitJob": "Wait"}
	found := ""
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "platformclient" && calls[sel.Sel.Name] != "" && strings.HasSuffix(d.Name.Name, calls[sel.Sel.Name]) {
				found = calls[sel.Sel.Name]
			}
		}
		return found == ""
	})
	return found
}

// countSuffixed counts the helper methods of the generated API packages
// of a kind (Iter, Pages, Wait; see helperOf).
func countSuffixed(t *testing.T, files []File, kind string) int {
	t.Helper()
	n := 0
	fset := token.NewFileSet()
	for _, f := range files {
		if !strings.HasPrefix(f.Path, "api/") || !strings.HasSuffix(f.Path, ".go") || strings.HasSuffix(f.Path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Path, f.Data, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			if d, ok := decl.(*ast.FuncDecl); ok && d.Recv != nil && helperOf(d) == kind {
				n++
			}
		}
	}
	return n
}

// undocumented lists the exported names of the generated Go files (not
// tests) that have no doc comment: packages, types, functions, methods,
// struct fields, and constants and variables unless their group has a
// comment.
func undocumented(t *testing.T, files []File) []string {
	t.Helper()
	var missing []string
	packageDoc := map[string]bool{} // by directory
	fset := token.NewFileSet()
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") || strings.HasSuffix(f.Path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Path, f.Data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Dir(f.Path)
		packageDoc[dir] = packageDoc[dir] || file.Doc != nil
		report := func(name string) { missing = append(missing, f.Path+": "+name) }
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				// A method of an unexported type is not part of the API
				// (it implements an interface): go doc does not show it.
				if d.Name.IsExported() && d.Doc == nil && (d.Recv == nil || ast.IsExported(recvType(d.Recv))) {
					report(d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() && d.Doc == nil && s.Doc == nil {
							report(s.Name.Name)
						}
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, field := range st.Fields.List {
								for _, n := range field.Names {
									if n.IsExported() && field.Doc == nil && field.Comment == nil {
										report(s.Name.Name + "." + n.Name)
									}
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() && d.Doc == nil && s.Doc == nil && s.Comment == nil {
								report(n.Name)
							}
						}
					}
				}
			}
		}
	}
	for dir, ok := range packageDoc {
		if !ok {
			missing = append(missing, dir+": package comment")
		}
	}
	return missing
}

// recvType is the name of a method's receiver type.
func recvType(recv *ast.FieldList) string {
	t := recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr: // generic type
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// copyREADMEExamples writes every Go block of the SDK's README that is a
// main package into its own directory of the module, so that building the
// module compiles them.
func copyREADMEExamples(t *testing.T, sdkDir string) {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join(sdkDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, block := range strings.Split(string(readme), "```go\n")[1:] {
		code, _, ok := strings.Cut(block, "```")
		if !ok || !strings.HasPrefix(code, "package main") {
			continue
		}
		n++
		dir := filepath.Join(sdkDir, "readme-examples", fmt.Sprint(n))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(code), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n == 0 {
		t.Error("the SDK README has no Go example")
	}
}

// copyE2E copies the end-to-end tests into the generated SDK: each directory
// under testdata/e2e holds the tests of the SDK package at the same path.
func copyE2E(t *testing.T, sdkDir string) {
	t.Helper()
	copyTests(t, e2eTests, sdkDir)
}

// copyTests copies the files under dir into sdkDir, at the same relative paths.
func copyTests(t *testing.T, dir, sdkDir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(sdkDir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
