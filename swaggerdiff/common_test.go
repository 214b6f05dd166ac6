package swaggerdiff

import (
	"os"
	"sync"
	"testing"

	"github.com/purecloud-go/platform-client/generator"
	"github.com/purecloud-go/platform-client/swagger"
)

const realSpecPath = "../../shared/swagger/platform-api-v2.json"

// surfaces keeps the real spec's Go API for the whole run, and those of
// the specs a test asks for (want) until it drops them, so that a test that
// generates code from a spec reuses what Compare built.
var surfaces surfaceStore

type surfaceStore struct {
	mu   sync.Mutex
	keep map[*swagger.Spec]*surface // nil value: wanted, not built yet
}

func (c *surfaceStore) get(s *swagger.Spec) *surface {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.keep[s]
}

func (c *surfaceStore) put(s *swagger.Spec, sf *surface) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.keep[s]; ok {
		c.keep[s] = sf
	}
}

// want asks the store to keep the surfaces of specs when they are built.
func (c *surfaceStore) want(specs ...*swagger.Spec) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range specs {
		if _, ok := c.keep[s]; !ok {
			c.keep[s] = nil
		}
	}
}

// drop forgets the surfaces of specs, except the real spec's.
func (c *surfaceStore) drop(specs ...*swagger.Spec) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range specs {
		if s != realSpec {
			delete(c.keep, s)
		}
	}
}

// sdk returns the generator's model of s: the one Compare built when the
// store kept it, else a new one.
func (c *surfaceStore) sdk(s *swagger.Spec) (*generator.SDK, error) {
	if sf := c.get(s); sf != nil {
		return sf.sdk, nil
	}
	return generator.Build(s, generator.DefaultModule)
}

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
		realSurface, realErr = buildSurface(realSpec, nil)
		surfaces.keep = map[*swagger.Spec]*surface{realSpec: realSurface}
		surfaceCache = &surfaces
	})
	if os.IsNotExist(realErr) {
		t.Skipf("the real spec: %v", realErr)
	}
	if realErr != nil {
		t.Fatal(realErr)
	}
	return realSpec
}

// TestIdentical compares two copies of the real spec parsed apart, so that
// no path item or schema is shared and the differ walks all of them.
func TestIdentical(t *testing.T) {
	spec := loadReal(t)
	data, err := os.ReadFile(realSpecPath)
	if err != nil {
		t.Fatal(err)
	}
	other, err := swagger.Parse(data, "copy")
	if err != nil {
		t.Fatal(err)
	}
	for _, rules := range []Rules{RulesOfficial, RulesGo} {
		res, err := Compare(spec, other, Options{Rules: rules})
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

// TestFormat1SnapshotAgainstSpec: the committed snapshot of the SDK's last
// release (format 1, which does not record the raw facts of
// swagger/presence.go) describes the spec it was made from: diffing it
// against that spec finds nothing, in both rule sets, though the spec has
// explicit "required": false, empty descriptions and readOnly beside $refs.
func TestFormat1SnapshotAgainstSpec(t *testing.T) {
	spec := loadReal(t)
	data, err := os.ReadFile("../release/state/api-snapshot.json")
	if err != nil {
		t.Fatal(err)
	}
	snap, err := swagger.Parse(data, "release/state/api-snapshot.json")
	if err != nil {
		t.Fatal(err)
	}
	if snap.RecordsRaw() {
		t.Skip("the committed snapshot is of a later format")
	}
	for _, rules := range []Rules{RulesOfficial, RulesGo} {
		res, err := Compare(snap, spec, Options{Rules: rules})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Changes) != 0 {
			t.Errorf("%s: format 1 snapshot against its spec: bump %s, %d changes, first %+v", rules, res.Bump, len(res.Changes), res.Changes[0])
		}
	}
	// Snapshot of a format 1 snapshot stays format 1, byte for byte.
	again, err := swagger.Snapshot(snap)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(data) {
		t.Errorf("the snapshot of the format 1 snapshot differs: %d bytes against %d", len(again), len(data))
	}
}

// TestSnapshotKeepsPathExtensions: a snapshot records the extension keys of
// a path item (the official differ reports them as operations), so the next
// release does not report them as added again.
func TestSnapshotKeepsPathExtensions(t *testing.T) {
	spec, err := swagger.Parse([]byte(`{"swagger":"2.0","info":{"title":"t","version":"v"},"paths":{"/a":{"x-inin-meta":{"summary":"S","other":1},`+
		`"get":{"tags":["T"],"operationId":"getA","responses":{"200":{"description":"ok"}}},"x-inin-owner":"o"}}}`), "spec")
	if err != nil {
		t.Fatal(err)
	}
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
			t.Errorf("%s: snapshot against its spec: %v", rules, render(res))
		}
	}
}
