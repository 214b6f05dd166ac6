package generator

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/imports"

	"github.com/purecloud-go/platform-client/templates"
)

// File is one generated file.
type File struct {
	// Path is slash-separated and relative to the SDK's root.
	Path string
	Data []byte
}

// staticData is what the fixed files of the SDK are rendered with.
type staticData struct {
	Module     string
	Version    string
	SDK        *SDK
	Operations int // methods over all APIs
	// Notifications: the SDK has the notifications package (and its
	// dependency, github.com/coder/websocket).
	Notifications bool
}

type apiData struct {
	Module string
	API    *API
}

type modelData struct {
	Model *Model
}

// parsedTemplates parses the embedded templates once per process.
var parsedTemplates = sync.OnceValues(func() (*template.Template, error) {
	patterns := []string{"*.tmpl", "module/*.tmpl", "platformclient/*.tmpl", "models/*.tmpl", "docs/*.tmpl", "notifications/*.tmpl"}
	// A template is named by its file name: a second file of the same name
	// would silently replace the first.
	seen := map[string]string{}
	for _, p := range patterns {
		names, err := fs.Glob(templates.FS, p)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			base := path.Base(name)
			if other, ok := seen[base]; ok {
				return nil, fmt.Errorf("templates %s and %s have the same file name", other, name)
			}
			seen[base] = name
		}
	}
	return template.New("sdk").Funcs(funcs).ParseFS(templates.FS, patterns...)
})

// notificationsOps are the operations the notifications package calls.
var notificationsOps = []string{
	"PostNotificationsChannels",
	"PutNotificationsChannelSubscriptions",
	"PostNotificationsChannelSubscriptions",
	"DeleteNotificationsChannelSubscriptions",
}

// hasNotifications reports whether the SDK can have the notifications
// package: the spec has the NotificationsApi operations it calls.
func hasNotifications(sdk *SDK) bool {
	return slices.ContainsFunc(sdk.APIs, hasNotificationsOps)
}

// hasNotificationsOps reports whether api is the NotificationsApi with the
// operations the notifications package calls.
func hasNotificationsOps(api *API) bool {
	if api.Package != "notificationsapi" {
		return false
	}
	for _, name := range notificationsOps {
		if !slices.ContainsFunc(api.Operations, func(op *Operation) bool { return op.Name == name && !op.Tombstone }) {
			return false
		}
	}
	return true
}

// A job renders one file.
type job struct {
	path     string
	template string
	data     any
}

// Render renders every file of the SDK, Go files formatted by goimports, in
// path order. version is the SDK's version.
func Render(sdk *SDK, version string) ([]File, error) {
	static := staticData{Module: sdk.Module, Version: version, SDK: sdk, Notifications: hasNotifications(sdk)}
	for _, api := range sdk.APIs {
		static.Operations += len(api.Operations)
	}
	dirs := []string{"module", "platformclient", "models"}
	if static.Notifications {
		dirs = append(dirs, "notifications")
	}
	var jobs []job
	for _, dir := range dirs {
		entries, err := fs.ReadDir(templates.FS, dir)
		if err != nil {
			return nil, err
		}
		out := dir
		if dir == "module" {
			out = ""
		}
		for _, e := range entries {
			name := e.Name()
			jobs = append(jobs, job{path.Join(out, strings.TrimSuffix(name, ".tmpl")), name, static})
		}
	}
	jobs = append(jobs, specJobs(sdk)...)
	return render(append(jobs, docsJobs(sdk)...))
}

// specJobs are the files whose content depends on the spec: one per model,
// one per API.
func specJobs(sdk *SDK) []job {
	var jobs []job
	for _, m := range sdk.Models {
		jobs = append(jobs, job{"models/" + m.File, "model.go.tmpl", modelData{m}})
	}
	for _, api := range sdk.APIs {
		jobs = append(jobs, job{"api/" + api.Package + "/" + api.Package + ".go", "api.go.tmpl", apiData{sdk.Module, api}})
	}
	return jobs
}

// render executes the jobs in parallel and returns the files in path order.
func render(jobs []job) ([]File, error) {
	tmpl, err := parsedTemplates()
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	files := make([]File, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := range next {
				j := jobs[i]
				buf.Reset()
				if err := tmpl.ExecuteTemplate(&buf, j.template, j.data); err != nil {
					errs[i] = fmt.Errorf("render %s: %w", j.path, err)
					continue
				}
				data := bytes.Clone(buf.Bytes())
				if strings.HasSuffix(j.path, ".go") {
					formatted, err := formatGo(j.path, data)
					if err != nil {
						errs[i] = err
						continue
					}
					data = formatted
				}
				files[i] = File{Path: j.path, Data: data}
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	for i := 1; i < len(files); i++ {
		if strings.EqualFold(files[i-1].Path, files[i].Path) {
			return nil, fmt.Errorf("two generated files have the path %s", files[i].Path)
		}
	}
	return files, nil
}

// importOptions format like gofmt and fix imports. FormatOnly stays false:
// the templates import a superset and goimports removes what a file does not
// use, but a few runtime templates leave a standard package to add (crypto/tls
// in client.go, for one), which it finds in its index of the standard library.
// A name that is no standard package makes it search every module (0.2 s):
// formatQuick keeps the names with capitals (declared in another file) from
// it, so only a lower-case one would get there.
var importOptions = &imports.Options{Comments: true, TabIndent: true, TabWidth: 8}

// formatGo formats a generated Go file. A template that produced invalid Go
// is a bug in the generator; the error shows where.
func formatGo(name string, src []byte) ([]byte, error) {
	if out, ok := formatQuick(name, src); ok {
		return out, nil
	}
	out, err := imports.Process(name, src, importOptions)
	if err != nil {
		return nil, fmt.Errorf("generated %s is not valid Go (a generator bug): %w\n%s", name, err, excerpt(src, err))
	}
	return out, nil
}

// formatQuick formats as imports.Process does what the templates give it
// (imports grouped and all present, some unused), in one parse and one print
// where imports.Process parses and prints twice: it deletes the imports
// nothing refers to and prints the file as gofmt does. It reports false for
// anything else (a parse error, a dot or renamed import, a name that may be a
// package to import), which imports.Process then handles.
func formatQuick(name string, src []byte) ([]byte, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, false
	}
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil {
				used[id.Name] = true
			}
		}
		return true
	})
	var unused []string
	imported := map[string]bool{}
	for _, imp := range f.Imports {
		if imp.Name != nil {
			return nil, false
		}
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			return nil, false
		}
		pkg := path.Base(p)
		if strings.ContainsAny(pkg, ".-") || len(pkg) > 1 && pkg[0] == 'v' && strings.Trim(pkg[1:], "0123456789") == "" {
			return nil, false // the package name is not the last element
		}
		imported[pkg] = true
		if !used[pkg] {
			unused = append(unused, p)
		}
	}
	for name := range used {
		if !imported[name] && strings.ToLower(name) == name {
			// A package to import, or a name declared in another file:
			// imports.Process tells. A name with capitals is not a package
			// (their names are lower case): it is declared in another file
			// of the package, such as platformclient's defaultTransport,
			// which imports.Process would look for in every module
			// (0.2 s).
			return nil, false
		}
	}
	for _, p := range unused {
		astutil.DeleteImport(fset, f, p)
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, false
	}
	return buf.Bytes(), true
}

// excerpt returns the lines of src around the line an error names as
// "name:line:col: ...".
func excerpt(src []byte, err error) string {
	var line int
	msg := err.Error()
	if i := strings.Index(msg, ":"); i >= 0 {
		fmt.Sscanf(msg[i+1:], "%d", &line)
	}
	lines := strings.Split(string(src), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	lo, hi := max(line-4, 0), min(line+3, len(lines))
	var b strings.Builder
	for i := lo; i < hi; i++ {
		fmt.Fprintf(&b, "%5d  %s\n", i+1, lines[i])
	}
	return b.String()
}
