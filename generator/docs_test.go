package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// docExample is the example program of one method on a documentation page.
type docExample struct {
	page   string // docs/OAuthApi.md
	method string // the "## " heading it is under
	code   string
}

// docExamples extracts the example programs of a documentation page: its Go
// blocks that are a main package, each with the method heading it is under.
func docExamples(page string, data []byte) []docExample {
	var out []docExample
	method := ""
	lines := strings.SplitAfter(string(data), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if h, ok := strings.CutPrefix(line, "## "); ok {
			method = strings.TrimSpace(h)
			continue
		}
		if line != "```go\n" || i+1 == len(lines) || !strings.HasPrefix(lines[i+1], "package main") {
			continue
		}
		var code strings.Builder
		for i++; i < len(lines) && lines[i] != "```\n" && lines[i] != "```"; i++ {
			code.WriteString(lines[i])
		}
		out = append(out, docExample{page: page, method: method, code: code.String()})
	}
	return out
}

// docPages are the API pages among the generated files, by path.
func docPages(files []File) map[string][]byte {
	pages := map[string][]byte{}
	for _, f := range files {
		if strings.HasPrefix(f.Path, "docs/") && f.Path != "docs/README.md" {
			pages[f.Path] = f.Data
		}
	}
	return pages
}

// exampleDir is where the examples go in a copy of the SDK. Its name starts
// with "_", so that ./... patterns (go vet ./..., go test ./...) leave the
// examples out: they are built on their own.
const exampleDir = "_docexamples"

var (
	packageMain = regexp.MustCompile(`(?m)^package main$`)
	funcMain    = regexp.MustCompile(`(?m)^func main\(\) \{$`)
)

// writeDocExamples writes the examples of every page into the SDK at
// sdkDir, one package per page and one file per example. The only changes
// to an example are mechanical: "package main" and "func main() {" are
// renamed, so that the examples of a page compile as one package and
// without linking a program each. It returns the packages' import paths
// (relative, "./...") and the example in each file.
func writeDocExamples(t *testing.T, sdkDir string, files []File) (pkgs []string, byFile map[string]docExample) {
	t.Helper()
	byFile = map[string]docExample{}
	pages := docPages(files)
	for _, page := range slices.Sorted(maps.Keys(pages)) {
		examples := docExamples(page, pages[page])
		if len(examples) == 0 {
			continue
		}
		pkg := strings.ToLower(strings.TrimSuffix(path.Base(page), ".md")) + "examples"
		dir := filepath.Join(sdkDir, exampleDir, pkg)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, ex := range examples {
			code := packageMain.ReplaceAllLiteralString(ex.code, "package "+pkg)
			code = funcMain.ReplaceAllLiteralString(code, fmt.Sprintf("func example%d() {", i))
			if code == ex.code || strings.Count(code, "func example") != 1 {
				t.Fatalf("%s, %s: the example is not a main package with one func main", ex.page, ex.method)
			}
			name := fmt.Sprintf("%04d_%s.go", i, ex.method)
			rel := path.Join(exampleDir, pkg, name)
			byFile[rel] = ex
			if err := os.WriteFile(filepath.Join(dir, name), []byte(code), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		pkgs = append(pkgs, "./"+path.Join(exampleDir, pkg))
	}
	return pkgs, byFile
}

// compileError matches the first line of a compiler error: file:line:col.
var compileError = regexp.MustCompile(`(?m)^(?:\./)?(` + exampleDir + `/[^:\s]+\.go):(\d+):\d+: (.*)$`)

// buildDocExamples writes the examples of the documentation pages into the
// SDK at sdkDir and compiles them, failing on the first that does not
// compile with its page and method. It returns how many examples it built.
func buildDocExamples(t *testing.T, sdkDir string, files []File) int {
	t.Helper()
	pkgs, byFile := writeDocExamples(t, sdkDir, files)
	if len(pkgs) == 0 {
		t.Fatal("the documentation pages have no examples")
	}
	// -gcflags applies to the packages named only (the SDK is built
	// already): compiling without optimizations or inlining takes a third
	// less CPU time and finds the same errors.
	cmd := exec.Command("go", append([]string{"build", "-gcflags=-N -l"}, pkgs...)...)
	cmd.Dir = sdkDir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err == nil {
		return len(byFile)
	}
	if m := compileError.FindSubmatch(out); m != nil {
		ex := byFile[string(m[1])]
		line := 0
		fmt.Sscan(string(m[2]), &line)
		t.Fatalf("the example of %s on %s does not compile: line %s: %s\n%s\nall errors:\n%s",
			ex.method, ex.page, m[2], m[3], numbered(ex.code, line), out)
	}
	t.Fatalf("go build of the documentation examples: %v\n%s", err, out)
	return 0
}

// numbered returns the lines of code around line, numbered.
func numbered(code string, line int) string {
	lines := strings.Split(code, "\n")
	var b strings.Builder
	for i := max(line-4, 1); i <= min(line+3, len(lines)); i++ {
		fmt.Fprintf(&b, "%5d  %s\n", i, lines[i-1])
	}
	return b.String()
}

// checkDocs checks the documentation pages against the model they were
// rendered from: a page per API whose table, headings and examples list
// every method in order, the examples formatted like gofmt, links that
// resolve, and an index of every API with its method count.
func checkDocs(t *testing.T, sdk *SDK, files []File) {
	t.Helper()
	tree := fileMap(files)
	index := string(tree["docs/README.md"])
	models := map[string]*Model{}
	for _, m := range sdk.Models {
		models[m.Name] = m
	}
	for _, api := range sdk.APIs {
		page := "docs/" + api.Name + ".md"
		data, ok := tree[page]
		if !ok {
			t.Errorf("%s is missing", page)
			continue
		}
		if row := fmt.Sprintf("| [%s](%s.md) | [`api/%s`]", api.Name, api.Name, api.Package); !strings.Contains(index, row) ||
			!strings.Contains(index, fmt.Sprintf("/api/%s) | %d |", api.Package, len(api.Operations))) {
			t.Errorf("docs/README.md lacks %s with its %d methods", api.Name, len(api.Operations))
		}
		var want, table, headings, examples []string
		for _, op := range api.Operations {
			want = append(want, op.Name)
		}
		for _, m := range regexp.MustCompile(`(?m)^\| \[(\w+)\]\(#\w+\) \| `+"`").FindAllSubmatch(data, -1) {
			table = append(table, string(m[1]))
		}
		for _, m := range regexp.MustCompile(`(?m)^## (\w+)$`).FindAllSubmatch(data, -1) {
			headings = append(headings, string(m[1]))
		}
		for _, ex := range docExamples(page, data) {
			examples = append(examples, ex.method)
			switch formatted, err := format.Source([]byte(ex.code)); {
			case err != nil:
				t.Errorf("%s, %s: the example is not valid Go: %v", page, ex.method, err)
			case !bytes.Equal(formatted, []byte(ex.code)):
				t.Errorf("%s, %s: the example is not formatted like gofmt", page, ex.method)
			}
		}
		for what, got := range map[string][]string{"method table": table, "method headings": headings, "examples": examples} {
			if !slices.Equal(got, want) {
				t.Errorf("%s: the %s name %d methods %v, want the %d operations %v", page, what, len(got), head(got), len(want), head(want))
			}
		}
		checkLinks(t, page, data, tree)
		checkNullFieldsNames(t, page, data, api, models)
	}
	checkLinks(t, "docs/README.md", []byte(index), tree)
}

// suggestedNull are the property paths a NullFields row suggests.
var suggestedNull = regexp.MustCompile("`\"([^\"`]+)\"`")

// checkNullFieldsNames checks that every property a page's NullFields row
// suggests is one the method's body accepts: each segment the JSON name of
// a settable property, every segment but the last a nested object model
// (what the runtime's NullFields check lets through).
func checkNullFieldsNames(t *testing.T, page string, data []byte, api *API, models map[string]*Model) {
	t.Helper()
	sections := regexp.MustCompile(`(?m)^## `).Split(string(data), -1)
	for _, op := range api.Operations {
		var body *Model
		for _, p := range op.Params {
			if p.In == "body" && p.Type.Kind == KindModel {
				body = models[p.Type.Name]
			}
		}
		if body == nil {
			continue
		}
		var section string
		for _, s := range sections {
			if strings.HasPrefix(s, op.Name+"\n") {
				section = s
			}
		}
		_, row, ok := strings.Cut(section, "| opts.NullFields |")
		if !ok {
			t.Errorf("%s, %s: no NullFields row", page, op.Name)
			continue
		}
		row, _, _ = strings.Cut(row, "\n")
		for _, m := range suggestedNull.FindAllStringSubmatch(row, -1) {
			if err := nullPathOK(body, m[1], models); err != nil {
				t.Errorf("%s, %s: NullFields suggests %q: %v", page, op.Name, m[1], err)
			}
		}
	}
}

// nullPathOK resolves path against model m.
func nullPathOK(m *Model, path string, models map[string]*Model) error {
	segs := strings.Split(path, ".")
	for i, seg := range segs {
		if m == nil {
			return fmt.Errorf("%s is not an object model", strings.Join(segs[:i], "."))
		}
		var found *Field
		for _, f := range m.Fields {
			if f.JSON == seg && !f.ReadOnly && !f.Tombstone {
				found = f
			}
		}
		if found == nil {
			return fmt.Errorf("%s has no settable property %q", m.Name, seg)
		}
		m = nil
		if found.Type.Kind == KindModel {
			m = models[found.Type.Name]
		}
	}
	return nil
}

var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// checkLinks checks the relative links of a markdown file: the file must be
// generated and a fragment must be the anchor GitHub gives one of its
// headings. Links with a scheme are left alone.
func checkLinks(t *testing.T, page string, data []byte, tree map[string][]byte) {
	t.Helper()
	anchors := map[string][]string{} // by page, lazily
	for _, m := range mdLink.FindAllSubmatch(stripCode(data), -1) {
		link := string(m[1])
		if strings.Contains(link, "://") {
			continue
		}
		file, frag, _ := strings.Cut(link, "#")
		target := page
		if file != "" {
			target = path.Join(path.Dir(page), file)
		}
		body, ok := tree[target]
		if !ok {
			t.Errorf("%s: the link %s names %s, which is not generated", page, link, target)
			continue
		}
		if frag == "" {
			continue
		}
		if anchors[target] == nil {
			anchors[target] = githubAnchors(body)
		}
		if !slices.Contains(anchors[target], frag) {
			t.Errorf("%s: the link %s names no heading of %s", page, link, target)
		}
	}
}

// stripCode removes fenced code blocks, whose text is not markdown.
func stripCode(data []byte) []byte {
	var out bytes.Buffer
	in := false
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("```")) {
			in = !in
			continue
		}
		if !in {
			out.Write(line)
		}
	}
	return out.Bytes()
}

// githubAnchors lists the anchors GitHub gives the headings of a markdown
// file, in order: lower case, punctuation but hyphens and underscores
// dropped, spaces as hyphens, and -1, -2, ... after a repeated one.
func githubAnchors(data []byte) []string {
	var out []string
	seen := map[string]int{}
	for _, line := range strings.Split(string(stripCode(data)), "\n") {
		text := strings.TrimLeft(line, "#")
		if len(text) == len(line) || len(line)-len(text) > 6 || !strings.HasPrefix(text, " ") {
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(strings.TrimSpace(text)) {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
				b.WriteRune(r)
			case r == ' ':
				b.WriteByte('-')
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			seen[a]++
			a = fmt.Sprintf("%s-%d", a, n)
		} else {
			seen[a] = 1
		}
		out = append(out, a)
	}
	return out
}

func TestGithubAnchors(t *testing.T) {
	got := githubAnchors([]byte("# OAuthApi\n## GetOauthClient\n### Example\n```go\n# not a heading\n```\n### Example\n#### Return type\n####### seven\n"))
	want := []string{"oauthapi", "getoauthclient", "example", "example-1", "return-type"}
	if !slices.Equal(got, want) {
		t.Errorf("githubAnchors = %v, want %v", got, want)
	}
}

func TestDocExamples(t *testing.T) {
	page := "## A\n\n```go\nfunc (a *X) A()\n```\n\n```go\npackage main\n\nfunc main() {\n}\n```\n\n## B\n\n```go\npackage main\n```\n"
	got := docExamples("docs/X.md", []byte(page))
	want := []docExample{{"docs/X.md", "A", "package main\n\nfunc main() {\n}\n"}, {"docs/X.md", "B", "package main\n"}}
	if !slices.Equal(got, want) {
		t.Errorf("docExamples = %q, want %q", got, want)
	}
}

// BenchmarkDocs times rendering the documentation pages alone, to compare
// with BenchmarkRender (every file, pages included).
func BenchmarkDocs(b *testing.B) {
	spec := loadReal(b)
	sdk, err := Build(spec, DefaultModule)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := render(docsJobs(sdk)); err != nil {
			b.Fatal(err)
		}
	}
}
