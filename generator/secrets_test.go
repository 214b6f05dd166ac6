package generator

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/purecloud-go/platform-client/swagger"
)

// credentialWords make a property name credential-bearing when its lower
// case, without "_" and "-", contains one of them. This is the test's own
// reading of the spec, independent of the runtime's list.
var credentialWords = []string{"token", "secret", "password", "passphrase", "jwt", "assertion", "apikey", "credential", "verifier", "privatekey"}

// secretDocs returns, for every credential-bearing property name of the
// spec's definitions, a JSON document holding it with the value
// "SPEC-SECRET": {"name":"SPEC-SECRET"}, or for an authorization code, the
// code inside the object the spec puts it in ({"oauth":{"code":...}}).
func secretDocs(doc *openapi2.T) []string {
	seen := map[string]bool{}
	add := func(d string) {
		seen[d] = true
	}
	// referrers[definition] lists the property names whose schema is it.
	referrers := map[string][]string{}
	for _, def := range doc.Definitions {
		if def == nil || def.Value == nil {
			continue
		}
		for name, prop := range def.Value.Properties {
			if prop == nil {
				continue
			}
			ref := prop.Ref
			if ref == "" && prop.Value != nil && prop.Value.Items != nil {
				ref = prop.Value.Items.Ref
			}
			if target, ok := strings.CutPrefix(ref, "#/definitions/"); ok {
				referrers[target] = append(referrers[target], name)
			}
		}
	}
	for defName, def := range doc.Definitions {
		if def == nil || def.Value == nil {
			continue
		}
		// An OAuth object's code is an authorization code; an error's is not.
		lower := strings.ToLower(defName)
		inAuth := strings.Contains(lower, "oauth") && !strings.Contains(lower, "error")
		for name := range def.Value.Properties {
			n := strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(name))
			if n == "pin" || slices.ContainsFunc(credentialWords, func(w string) bool { return strings.Contains(n, w) }) {
				add(fmt.Sprintf(`{%s:"SPEC-SECRET"}`, strconv.Quote(name)))
			}
			if (n == "code" || n == "authcode" || n == "authorizationcode") && inAuth {
				for _, key := range referrers[defName] {
					add(fmt.Sprintf(`{%s:{%s:"SPEC-SECRET"}}`, strconv.Quote(key), strconv.Quote(name)))
				}
			}
		}
	}
	docs := make([]string, 0, len(seen))
	for d := range seen {
		docs = append(docs, d)
	}
	slices.Sort(docs)
	return docs
}

// writeSecretNamesTest writes into the generated SDK's runtime a test that
// checks the runtime's redactor hides the value of every credential-bearing
// property name of the spec.
func writeSecretNamesTest(t *testing.T, sdkDir string, spec *swagger.Spec) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("package platformclient\n\nimport (\n\t\"strings\"\n\t\"testing\"\n)\n\n")
	b.WriteString("// TestSpecSecretNamesRedacted: every credential-bearing property name of\n// the spec's definitions, as the generator's whole-spec test finds them.\n")
	b.WriteString("func TestSpecSecretNamesRedacted(t *testing.T) {\n\tfor _, doc := range []string{\n")
	docs := secretDocs(spec.Doc)
	for _, d := range docs {
		fmt.Fprintf(&b, "\t\t%s,\n", strconv.Quote(d))
	}
	b.WriteString("\t} {\n\t\tif got := redactJSON(doc); strings.Contains(got, \"SPEC-SECRET\") {\n\t\t\tt.Errorf(\"redactJSON(%s) = %s\", doc, got)\n\t\t}\n\t}\n}\n")
	if err := os.WriteFile(filepath.Join(sdkDir, "platformclient", "specsecrets_test.go"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d credential-bearing property names of the spec checked against the redactor", len(docs))
}

// TestSecretDocs checks the scan finds the credential names the issue
// names in the real spec, the OAuth code in its object among them.
func TestSecretDocs(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole spec")
	}
	spec, err := swagger.Load(t.Context(), realSpec, 0)
	if err != nil {
		t.Fatal(err)
	}
	docs := secretDocs(spec.Doc)
	for _, want := range []string{`{"jwt":"SPEC-SECRET"}`, `{"codeVerifier":"SPEC-SECRET"}`, `{"oauth":{"code":"SPEC-SECRET"}}`,
		`{"password":"SPEC-SECRET"}`, `{"apiKey":"SPEC-SECRET"}`, `{"refreshToken":"SPEC-SECRET"}`, `{"pin":"SPEC-SECRET"}`, `{"credentials":"SPEC-SECRET"}`} {
		if !slices.Contains(docs, want) {
			t.Errorf("the scan misses %s", want)
		}
	}
	if slices.Contains(docs, `{"code":"SPEC-SECRET"}`) {
		t.Error("the scan takes every code for a secret")
	}
}
