package release

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"time"

	"github.com/purecloud-go/platform-client/generator"
	"github.com/purecloud-go/platform-client/swagger"
)

// GenerateOptions says what Generate does; they are the flags of
// `sdkgen generate`.
type GenerateOptions struct {
	// Spec is the spec's file path or http(s) URL.
	Spec string
	// SDKDir is the SDK directory, replaced as a whole.
	SDKDir string
	// StateDir holds the record of the last release; "" means
	// StateDir(SDKDir).
	StateDir string
	// Module is the SDK's module path without the /vN suffix; "" means
	// generator.DefaultModule.
	Module string
	// FetchTimeout bounds the download of a spec given by URL; 0 means
	// swagger.DefaultFetchTimeout.
	FetchTimeout time.Duration
}

// Generate regenerates the SDK from a spec without making a release: it
// keeps the record of the last release (version, notes, and the snapshot
// with its tombstones, which it keeps in the SDK), so generating again from
// the spec of the last release gives the same bytes. Without a record it
// writes DefaultVersion and the snapshot of spec. On any error nothing is
// written.
func Generate(ctx context.Context, o GenerateOptions) (generator.Summary, error) {
	start := time.Now()
	o.StateDir = cmp.Or(o.StateDir, StateDir(o.SDKDir))
	state, err := ReadState(o.SDKDir, o.StateDir)
	if err != nil {
		return generator.Summary{}, err
	}
	spec, err := swagger.Load(ctx, o.Spec, o.FetchTimeout)
	if err != nil {
		return generator.Summary{}, err
	}
	out, err := state.regenerate(spec, cmp.Or(o.Module, generator.DefaultModule))
	if err != nil {
		return generator.Summary{}, err
	}
	if err := out.write(o.SDKDir, o.StateDir); err != nil {
		return generator.Summary{}, err
	}
	sum := generator.NewSummary(out.model, out.sdk, state.Version.String())
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// regenerate assembles the SDK of spec with st's version, notes and
// tombstones, and the snapshot kept as the record of the last release
// (rewritten by swagger.Snapshot, so in today's format).
//
// When spec is what the last release was generated from and that release
// kept no tombstone (the snapshot of spec is the recorded one, byte for
// byte), there is nothing to merge and the recorded snapshot is not parsed:
// parsing it costs about as much as loading the spec.
func (st *State) regenerate(spec *swagger.Spec, module string) (*assembled, error) {
	b := build{module: module, version: st.Version, snapshot: st.Snapshot, notes: st.Notes, names: st.Names}
	if majorSuffix(module) {
		return nil, errModuleSuffix(module)
	}
	if st.Snapshot == nil {
		return assemble(spec, b)
	}
	// Snapshotting the spec and building its model take about as long as
	// each other, on one core each: build the model while snapshotting, for
	// when there is nothing to merge, and drop it otherwise.
	type snapshot struct {
		data []byte
		err  error
	}
	snap := make(chan snapshot, 1)
	go func() {
		data, err := swagger.Snapshot(spec)
		snap <- snapshot{data, err}
	}()
	model, buildErr := generator.BuildNamed(spec, ModulePath(module, st.Version.Major), st.Names)
	own := <-snap
	if own.err != nil {
		return nil, own.err
	}
	if bytes.Equal(own.data, st.Snapshot) {
		if buildErr != nil {
			return nil, fmt.Errorf("%s: %w", spec.Source, buildErr)
		}
		b.model = model
		return assemble(spec, b)
	}
	var err error
	if b.previous, err = st.Previous(); err != nil {
		return nil, err
	}
	// The same record of the last release, written as Snapshot writes today
	// (a snapshot of a snapshot is the same bytes, unless the format changed
	// since that release).
	if b.snapshot, err = swagger.Snapshot(b.previous); err != nil {
		return nil, err
	}
	return assemble(spec, b)
}
