package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/purecloud-go/platform-client/swagger"
)

// FuzzBuild feeds arbitrary documents to the loader, the model builder and
// the renderer. Any of them may reject a document, with an error; none may
// panic or hang, and a document they accept must render to valid Go (every
// Go file is formatted, which parses it). Seeds: the golden specs and the specs of
// the unit tests.
//
//	go test ./generator -run '^$' -fuzz FuzzBuild -fuzztime 60s
func FuzzBuild(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/golden/*/spec.*")
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(doc(thingsOps, `"Part":{"type":"object","properties":{"n":{"type":"string"}}}`)))
	f.Add([]byte(doc(``, `"A":{"type":"object","properties":{"b":{"$ref":"#/definitions/A"},"c":{"type":"array","items":{"type":"object","properties":{"d":{"type":"string","enum":["x","y"]}}}}}}`)))
	f.Add([]byte("swagger: '2.0'\ninfo: {title: t, version: v}\npaths: {}\n"))
	f.Add([]byte(`{"swagger":"2.0","paths":{"/a/{b}":{"get":{"tags":["T"],"operationId":"x","parameters":[{"name":"b","in":"path","type":"string"}],"responses":{"200":{"description":"","schema":{"type":"string"}}}}}}}`))
	// The shapes accepted by a naming rule rather than refused (see Names).
	f.Add([]byte(oddSpec(``, ``)))
	f.Add([]byte(oddSpec(`,"/0":{"get":{"tags":["Groups","Routing","GROUPS"],"operationId":"getThing","responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Wrapupcode "}}}}}`,
		`,"Wrapupcode ":{"type":"object","properties":{"$":{"type":"string"},"$$":{"type":"string"},"Ω":{"type":"array","items":{"type":"string","enum":["a"]}}}},"L2":{"type":"array","items":{"$ref":"#/definitions/L2"}},"M":{"type":"object","additionalProperties":true}`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang would stall the fuzzer without a report: crash instead, so
		// that the input is recorded.
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				panic(fmt.Sprintf("input still running after 20s: %q", data))
			}
		}()
		spec, err := swagger.Parse(data, "fuzz")
		if err != nil {
			return
		}
		sdk, err := Build(spec, "example.com/sdk")
		if err != nil {
			return
		}
		// The files that do not depend on the spec are left out for speed.
		if _, err := render(append(specJobs(sdk), docsJobs(sdk)...)); err != nil {
			t.Fatalf("rendering an accepted spec failed: %v", err)
		}
	})
}
