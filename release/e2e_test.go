package release

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"

	"github.com/purecloud-go/platform-client/generator"
)

// consumerApp calls the released SDK against an httptest server: MODULE is
// replaced by the SDK's module path.
const consumerApp = `package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"

	"MODULE/api/larderapi"
	"MODULE/platformclient"
)

func main() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v2/larder/items/i1" || r.Header.Get("Authorization") != "Bearer tok" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, ` + "`" + `{"id":"i1","name":"plum"}` + "`" + `)
	}))
	defer srv.Close()
	client, err := platformclient.NewClient(platformclient.WithBaseURL(srv.URL), platformclient.WithAccessToken("tok"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	item, resp, err := larderapi.New(client).GetLarderItem(context.Background(), "i1", "top", nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%s %d %s %s\n", *item.ID, resp.StatusCode, *item.Name, platformclient.Version)
}
`

// TestReleaseConsumable proves a release can be used as Go modules are: in a
// scratch git repository holding this project (its files as they are, sdk/
// and the record aside), small specs are released with --commit: 1.0.0,
// then a minor 1.1.0, then a forced major 2.0.0 (module path .../sdk/v2).
// A module proxy on disk is built from each tag (the zip made from the
// tagged tree and checked by golang.org/x/mod/zip), and a separate
// application fetches the release with go get from that proxy alone
// (golang.org/x/oauth2 from the local module cache, GOSUMDB off), builds
// and calls the API against an httptest server.
func TestReleaseConsumable(t *testing.T) {
	if testing.Short() {
		t.Skip("builds applications against released modules")
	}
	clearForceEnv(t)
	isolateGit(t)
	start := time.Now()
	tmp := t.TempDir()
	repo := filepath.Join(tmp, "repo")
	copyProject(t, repo)
	newRepo(t, repo, nil)

	// The record starts at 1.0.0, so that the forced major is v2.
	out := filepath.Join(repo, "sdk")
	if err := os.MkdirAll(StateDir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	v1 := Version{Major: 1}
	if err := os.WriteFile(filepath.Join(StateDir(out), VersionFile), v1.MarshalFile(), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, repo, "add", "--all")
	gitIn(t, repo, "commit", "--quiet", "--message", "Start the SDK at 1.0.0")

	base := generator.DefaultModule
	rel := func(spec string, args ...string) *Summary {
		t.Helper()
		o := options(t, out, spec, append([]string{"--commit"}, args...)...)
		o.Module = base
		sum, err := Run(t.Context(), o)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	rel(specV1)
	minor := rel(specMinor)
	major := rel(specMinor, "--bump", "major")
	if minor.Tag != "sdk/v1.1.0" || major.Tag != "sdk/v2.0.0" || major.Module != base+"/v2" {
		t.Fatalf("tags %s, %s, module %s: want sdk/v1.1.0, sdk/v2.0.0, %s/v2", minor.Tag, major.Tag, major.Module, base)
	}
	released := time.Since(start)

	proxy := filepath.Join(tmp, "proxy")
	for _, s := range []*Summary{minor, major} {
		zipSize := publish(t, proxy, repo, s)
		t.Logf("%s@%s: module zip %d bytes", s.Module, s.Version.Semver(), zipSize)
	}
	// The SDK's own dependency comes from the local module cache, downloaded
	// there first if needed (then with the network): the test fetches
	// nothing else.
	gomod, err := os.ReadFile(filepath.Join(out, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	mf, err := modfile.ParseLax("go.mod", gomod, nil)
	if err != nil {
		t.Fatal(err)
	}
	modcache := goEnv(t, "GOMODCACHE")
	for _, r := range mf.Require {
		goCmd(t, tmp, nil, "mod", "download", r.Mod.Path+"@"+r.Mod.Version)
	}
	env := []string{
		"GOPROXY=" + fileURL(proxy) + "," + fileURL(filepath.Join(modcache, "cache", "download")),
		"GOSUMDB=off", "GOFLAGS=-mod=mod -modcacherw", "GOWORK=off", "GOTOOLCHAIN=local",
		"GOMODCACHE=" + filepath.Join(tmp, "modcache"), // the test's fake releases stay out of the real cache
		"GOPRIVATE=", "GONOPROXY=", "GONOSUMDB=",
	}
	for _, s := range []*Summary{minor, major} {
		app := filepath.Join(tmp, "app-v"+s.Version.String())
		if err := os.MkdirAll(app, 0o755); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{
			"go.mod":  "module example.com/app\n\ngo 1.24\n",
			"main.go": strings.ReplaceAll(consumerApp, "MODULE", s.Module),
		}
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(app, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		goCmd(t, app, env, "get", s.Module+"@"+s.Version.Semver())
		goCmd(t, app, env, "build", "-o", "app", ".")
		got, err := exec.Command(filepath.Join(app, "app")).CombinedOutput()
		if want := "i1 200 plum " + s.Version.String() + "\n"; err != nil || string(got) != want {
			t.Errorf("the app on %s@%s printed %q, %v; want %q", s.Module, s.Version.Semver(), got, err, want)
		}
		if sum, err := os.ReadFile(filepath.Join(app, "go.sum")); err != nil || !strings.Contains(string(sum), s.Module+" "+s.Version.Semver()+" h1:") {
			t.Errorf("go.sum of the app on %s lacks the release: %s %v", s.Version, sum, err)
		}
	}
	t.Logf("3 releases with --commit in %.1fs; proxy, 2 applications fetched, built and run in %.1fs",
		released.Seconds(), (time.Since(start) - released).Seconds())
	os.RemoveAll(filepath.Join(tmp, "modcache")) // -modcacherw: removable
}

// copyProject copies the files git tracks in this repository, as they are
// in the work tree, into dir, without the SDK and the record of its last
// release, which the test's releases write.
func copyProject(t *testing.T, dir string) {
	t.Helper()
	root := strings.TrimSpace(gitIn(t, "..", "rev-parse", "--show-toplevel"))
	list := gitIn(t, root, "ls-files", "-z")
	n := 0
	for _, name := range strings.Split(list, "\x00") {
		if name == "" || strings.HasPrefix(name, "sdk/") || strings.HasPrefix(name, "release/state/") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n < 10 {
		t.Fatalf("copied %d files of the project", n)
	}
}

// publish adds the release s, tagged in repo, to the module proxy on disk
// at proxy, in the layout GOPROXY=file:// reads: <module>/@v/list, and the
// version's .info, .mod and .zip. The zip is made from the tagged tree by
// golang.org/x/mod/zip, which checks the files and the size limits, then
// checked again as the go command would; the release record must not be in
// it. It returns the zip's size.
func publish(t *testing.T, proxy, repo string, s *Summary) int64 {
	t.Helper()
	m := module.Version{Path: s.Module, Version: s.Version.Semver()}
	if err := module.Check(m.Path, m.Version); err != nil {
		t.Fatalf("the release is not a valid module version: %v", err)
	}
	escPath, err := module.EscapePath(m.Path)
	if err != nil {
		t.Fatal(err)
	}
	escVersion, err := module.EscapeVersion(m.Version)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(proxy, filepath.FromSlash(escPath), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	zipPath := filepath.Join(dir, escVersion+".zip")
	f, err := os.Create(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	subdir := strings.TrimSuffix(s.Tag, "/"+m.Version)
	if err := modzip.CreateFromVCS(f, m, repo, s.Tag, subdir); err != nil {
		f.Close()
		t.Fatalf("module zip of %s: %v", s.Tag, err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if cf, err := modzip.CheckZip(m, zipPath); err != nil || cf.Err() != nil {
		t.Fatalf("module zip of %s: %v %v", s.Tag, err, cf.Err())
	}
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	prefix := m.Path + "@" + m.Version + "/"
	names := map[string]bool{}
	for _, zf := range zr.File {
		names[strings.TrimPrefix(zf.Name, prefix)] = true
	}
	for _, name := range []string{VersionFile, SnapshotFile} {
		if names[name] {
			t.Errorf("the module zip of %s carries the release record's %s", s.Tag, name)
		}
	}
	for _, name := range []string{"go.mod", NotesFile, "platformclient/version.go", "api/larderapi/larderapi.go"} {
		if !names[name] {
			t.Errorf("the module zip of %s lacks %s", s.Tag, name)
		}
	}
	gomod := gitIn(t, repo, "show", s.Tag+":"+subdir+"/go.mod")
	if !strings.HasPrefix(gomod, "module "+m.Path+"\n") {
		t.Errorf("go.mod of %s: %q", s.Tag, gomod)
	}
	when := strings.TrimSpace(gitIn(t, repo, "log", "-1", "--format=%cI", s.Tag))
	info, err := json.Marshal(map[string]string{"Version": m.Version, "Time": when})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{escVersion + ".mod": []byte(gomod), escVersion + ".info": info} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list, err := os.OpenFile(filepath.Join(dir, "list"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(list, m.Version)
	if err := list.Close(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// fileURL is the file:// URL of an absolute path.
func fileURL(path string) string { return "file://" + filepath.ToSlash(path) }

// goEnv returns a go env variable.
func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// goCmd runs the go command in dir with env added to the environment.
func goCmd(t *testing.T, dir string, env []string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
}
