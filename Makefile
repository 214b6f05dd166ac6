# The spec the SDK is generated from. It is read where it is and never copied
# into this repository.
SPEC ?= ../shared/swagger/platform-api-v2.json
FUZZTIME ?= 60s
# release: BUMP forces at least that bump (major, minor or patch; empty: what
# the changes require), RULES picks the rule set (go or official), API_VERSION
# is the Platform API build named in the release notes, COMMIT (any value)
# commits the release and tags it sdk/vX.Y.Z.
BUMP ?=
RULES ?= go
API_VERSION ?=
COMMIT ?=

.PHONY: generate release release-dry-run test bench fuzz

# Regenerate sdk/ from $(SPEC), keeping its version and the tombstones of its
# last release (no version bump: that is `make release`).
generate:
	go run ./cmd/sdkgen generate --spec $(SPEC) --out sdk

# Release: diff $(SPEC) against the last release recorded in release/state,
# bump the version, regenerate sdk/ with RELEASENOTES.md and write the new
# record; with COMMIT, commit it and tag it. Exit status 3 when nothing
# changed (nothing written); go run reports it as 1, so make fails.
#   make release SPEC=https://api.mypurecloud.com/api/v2/docs/swagger BUMP=minor COMMIT=1
release:
	go run ./cmd/sdkgen release --spec $(SPEC) --out sdk --rules $(RULES) \
		$(if $(BUMP),--bump $(BUMP)) $(if $(API_VERSION),--api-version $(API_VERSION)) $(if $(COMMIT),--commit)

# What `make release` would do, without writing anything.
release-dry-run:
	go run ./cmd/sdkgen release --spec $(SPEC) --out sdk --rules $(RULES) --dry-run \
		$(if $(BUMP),--bump $(BUMP)) $(if $(API_VERSION),--api-version $(API_VERSION))

# Everything CI checks (.github/workflows/test.yml): go vet, the generator's
# tests, the whole-spec tests, which regenerate the SDK, compare it with sdk/
# and release/state, build it, vet it and run its tests, the release tests
# (a release consumed through go get) and the lint of the workflows.
test:
	go vet ./...
	go test -timeout 30m ./...

# Cold-build, generation and diff figures, each beside a baseline measured in
# the same run (for generate and diff: encoding/json decoding the spec and a
# copy of it into any), then the loader, generator and differ benchmarks, and
# the runtime's and notifications' against bare net/http and coder/websocket.
bench:
	go run ./cmd/buildbench -sdk sdk -spec $(SPEC)
	go test ./swagger ./generator ./swaggerdiff -run '^$$' -bench . -benchmem -benchtime 3x
	cd sdk && go test ./platformclient ./notifications -run '^$$' -bench . -benchmem -count 3

# Fuzz the loader, the model builder and the renderer.
fuzz:
	go test ./generator -run '^$$' -fuzz FuzzBuild -fuzztime $(FUZZTIME)
