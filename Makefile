# The spec the SDK is generated from. It is read where it is and never copied
# into this repository.
SPEC ?= ../shared/swagger/platform-api-v2.json
FUZZTIME ?= 60s
# release: BUMP forces at least that bump (major, minor or patch; empty: what
# the changes require), RULES picks the rule set (go or official), API_VERSION
# is the Platform API build named in the release notes.
BUMP ?=
RULES ?= go
API_VERSION ?=

.PHONY: generate release release-dry-run test bench fuzz

# Regenerate sdk/ from $(SPEC), keeping its version and the tombstones of its
# last release (no version bump: that is `make release`).
generate:
	go run ./cmd/sdkgen generate --spec $(SPEC) --out sdk

# Release: diff $(SPEC) against the last release recorded in sdk/, bump the
# version, regenerate sdk/ with version.json, api-snapshot.json and
# RELEASENOTES.md. Exit status 3 when nothing changed (nothing written).
#   make release SPEC=https://api.mypurecloud.com/api/v2/docs/swagger BUMP=minor
release:
	go run ./cmd/sdkgen release --spec $(SPEC) --out sdk --rules $(RULES) \
		$(if $(BUMP),--bump $(BUMP)) $(if $(API_VERSION),--api-version $(API_VERSION))

# What `make release` would do, without writing anything.
release-dry-run:
	go run ./cmd/sdkgen release --spec $(SPEC) --out sdk --rules $(RULES) --dry-run \
		$(if $(BUMP),--bump $(BUMP)) $(if $(API_VERSION),--api-version $(API_VERSION))

# Everything CI checks: go vet, the generator's tests, and the whole-spec test,
# which regenerates the SDK into a temporary folder, compares it with sdk/,
# builds it, vets it and runs its tests.
test:
	go vet ./...
	go test -timeout 30m ./...

# Cold-build, generation and diff figures, each beside a baseline measured in
# the same run (for generate and diff: encoding/json decoding the spec and a
# copy of it into any), then the loader, generator and differ benchmarks.
bench:
	go run ./cmd/buildbench -sdk sdk -spec $(SPEC)
	go test ./swagger ./generator ./swaggerdiff -run '^$$' -bench . -benchmem -benchtime 3x
	cd sdk && go test ./platformclient -run '^$$' -bench . -benchmem -count 3

# Fuzz the loader, the model builder and the renderer.
fuzz:
	go test ./generator -run '^$$' -fuzz FuzzBuild -fuzztime $(FUZZTIME)
