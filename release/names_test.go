package release

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/purecloud-go/platform-client/generator"
)

// TestReleaseKeepsGoNames: a release of a spec with one of each Go name
// collision (definitions differing in case, tags differing in spaces and
// case, a method name repeated in an API) records the names it gave; the
// next release, of a spec that adds a second colliding definition, tag and
// method (each of which alone would take an existing name), keeps them all
// and is minor.
func TestReleaseKeepsGoNames(t *testing.T) {
	clearForceEnv(t)
	out := filepath.Join(t.TempDir(), "sdk")
	release(t, out, "testdata/collisions-v1.json", nil)
	first := readNames(t, out)
	want := &generator.Names{
		Types:   map[string]string{"wrapupcode": "Wrapupcode2"},
		APIs:    map[string]string{"routing": "RoutingApi2", " Groups": "GroupsApi2"},
		Methods: map[string]string{generator.MethodKey("Groups", "POST", "/b"): "GetThing2"},
	}
	if diff := cmp.Diff(want, first, cmp.AllowUnexported(generator.Names{})); diff != "" {
		t.Fatalf("%s after the first release (-want +got):\n%s", NamesFile, diff)
	}
	v1 := readVersion(t, out)

	release(t, out, "testdata/collisions-v2.json", nil)
	if v2 := readVersion(t, out); v2.Major != v1.Major || v2.Minor != v1.Minor+1 {
		t.Errorf("second release %s after %s, want a minor release", v2, v1)
	}
	second := readNames(t, out)
	want.Types["Wrapupcode "] = "Wrapupcode3"
	want.APIs["Routing"] = "RoutingApi3"
	want.Methods[generator.MethodKey("Groups", "GET", "/0")] = "GetThing3"
	if diff := cmp.Diff(want, second, cmp.AllowUnexported(generator.Names{})); diff != "" {
		t.Errorf("%s after the second release (-want +got):\n%s", NamesFile, diff)
	}
	// What the first release exposed is where it was.
	for file, text := range map[string]string{
		"api/groupsapi/groupsapi.go":     "func (a *GroupsApi) GetThing2(ctx context.Context",
		"api/groupsapi2/groupsapi2.go":   "func (a *GroupsApi2) GetThing(ctx context.Context, opts *GetThingOptions) (*models.Wrapupcode2,",
		"api/routingapi2/routingapi2.go": "func (a *RoutingApi2) GetD(",
		"api/routingapi3/routingapi3.go": "func (a *RoutingApi3) GetThing(ctx context.Context, opts *GetThingOptions) (*models.Wrapupcode3,",
		"models/wrapupcode.go":           "Xß *string `json:\"ß,omitempty\"`",
		"models/list.go":                 "type List []Wrapupcode\n",
	} {
		if got := readFile(t, filepath.Join(out, file)); !strings.Contains(got, text) {
			t.Errorf("%s lacks %q", file, text)
		}
	}
	// Regenerating from the same spec keeps the names too.
	if err := generate(t, out, "testdata/collisions-v2.json"); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(second, readNames(t, out), cmp.AllowUnexported(generator.Names{})); diff != "" {
		t.Errorf("after generate (-release +generate):\n%s", diff)
	}
	if testing.Short() {
		return
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = out
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go vet in the released SDK: %v\n%s", err, msg)
	}
}

func readNames(t *testing.T, sdkDir string) *generator.Names {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(StateDir(sdkDir), NamesFile))
	if err != nil {
		t.Fatal(err)
	}
	n := new(generator.Names)
	if err := json.Unmarshal(data, n); err != nil {
		t.Fatal(err)
	}
	return n
}
