package swaggerdiff

import (
	"os"
	"sync"
	"testing"

	"github.com/purecloud-go/platform-client/swagger"
)

const realSpecPath = "../../shared/swagger/platform-api-v2.json"

var (
	realOnce sync.Once
	realSpec *swagger.Spec
	realErr  error
)

// loadReal parses the real spec once for the whole package's tests. Tests
// never change it: they work on Clone()s and replace what they mutate.
func loadReal(t testing.TB) *swagger.Spec {
	t.Helper()
	realOnce.Do(func() {
		data, err := os.ReadFile(realSpecPath)
		if err != nil {
			realErr = err
			return
		}
		realSpec, realErr = swagger.Parse(data, realSpecPath)
		if realErr != nil {
			return
		}
		// The real spec's Go API is built once; copies are built each time.
		var realSurface *surface
		realSurface, realErr = buildSurface(realSpec)
		reusedSurface = func(s *swagger.Spec) *surface {
			if s == realSpec {
				return realSurface
			}
			return nil
		}
	})
	if os.IsNotExist(realErr) {
		t.Skipf("the real spec: %v", realErr)
	}
	if realErr != nil {
		t.Fatal(realErr)
	}
	return realSpec
}

func TestIdentical(t *testing.T) {
	spec := loadReal(t)
	for _, rules := range []Rules{RulesOfficial, RulesGo} {
		res, err := Compare(spec, spec, Options{Rules: rules})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Changes) != 0 || res.Bump != None {
			t.Errorf("%s: the spec against itself: bump %s, %d changes, first %+v", rules, res.Bump, len(res.Changes), res.Changes[0])
		}
	}
}

// TestSnapshotAgainstSpec: the snapshot of a spec describes the same API, so
// the diff against the spec itself is empty in both rule sets.
func TestSnapshotAgainstSpec(t *testing.T) {
	spec := loadReal(t)
	data, err := swagger.Snapshot(spec)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := swagger.Parse(data, "snapshot")
	if err != nil {
		t.Fatal(err)
	}
	for _, rules := range []Rules{RulesOfficial, RulesGo} {
		res, err := Compare(snap, spec, Options{Rules: rules})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Changes) != 0 {
			t.Errorf("%s: snapshot against its spec: bump %s, %d changes, first %+v", rules, res.Bump, len(res.Changes), res.Changes[0])
		}
	}
}
