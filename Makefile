# The spec the SDK is generated from. It is read where it is and never copied
# into this repository.
SPEC ?= ../shared/swagger/platform-api-v2.json
FUZZTIME ?= 60s

.PHONY: generate test bench fuzz

# Regenerate sdk/ from $(SPEC).
generate:
	go run ./cmd/sdkgen generate --spec $(SPEC) --out sdk

# Everything CI checks: go vet, the generator's tests, and the whole-spec test,
# which regenerates the SDK into a temporary folder, compares it with sdk/,
# builds it, vets it and runs its tests.
test:
	go vet ./...
	go test -timeout 30m ./...

# Cold-build and generation figures, each beside a baseline measured in the
# same run, then the loader and generator benchmarks.
bench:
	go run ./cmd/buildbench -sdk sdk -spec $(SPEC)
	go test ./swagger ./generator -run '^$$' -bench . -benchmem -benchtime 3x
	cd sdk && go test ./platformclient -run '^$$' -bench . -benchmem -count 3

# Fuzz the loader, the model builder and the renderer.
fuzz:
	go test ./generator -run '^$$' -fuzz FuzzBuild -fuzztime $(FUZZTIME)
