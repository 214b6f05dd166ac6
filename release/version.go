package release

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"golang.org/x/mod/semver"

	"github.com/purecloud-go/platform-client/swaggerdiff"
)

// Version is the SDK's version, as VersionFile stores it (2-space JSON).
type Version struct {
	Major      int    `json:"major"`
	Minor      int    `json:"minor"`
	Patch      int    `json:"patch"`
	Prerelease string `json:"prerelease"`
	// Display is "M.m.p", with "-prerelease" when there is one.
	Display string `json:"display"`
}

// DefaultVersion is the version of an SDK that has none yet.
var DefaultVersion = Version{Major: 0, Minor: 1, Patch: 0, Display: "0.1.0"}

// String returns M.m.p, with -prerelease when there is one.
func (v Version) String() string {
	s := fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
	if v.Prerelease != "" {
		s += "-" + v.Prerelease
	}
	return s
}

// Semver returns the version as Go modules and tags spell it: vM.m.p[-pre].
func (v Version) Semver() string { return "v" + v.String() }

// Check reports what is wrong with v, or nil: negative numbers, a
// prerelease that is not a semantic versioning one (what Go module versions
// accept), a Display that is not String.
func (v Version) Check() error {
	switch {
	case v.Major < 0 || v.Minor < 0 || v.Patch < 0:
		return fmt.Errorf("version %s: negative numbers", v)
	case !semver.IsValid(v.Semver()) || semver.Build(v.Semver()) != "":
		return fmt.Errorf("version %s: the prerelease %q is not dot-separated letters, digits and hyphens (without leading zeros in numbers)", v, v.Prerelease)
	case v.Display != "" && v.Display != v.String():
		return fmt.Errorf("version %s: display is %q", v, v.Display)
	}
	return nil
}

// Next returns the version after v for changes that require `required` and a
// bump forced by the maintainers (None when not forced). The bump is the
// larger of the two: a forced bump never lowers what the changes require.
// Major resets minor and patch, minor resets patch; the prerelease is carried
// over; Display is recomputed. With no bump at all, v is returned unchanged
// (Display filled in).
func (v Version) Next(required, forced swaggerdiff.Impact) Version {
	switch max(required, forced) {
	case swaggerdiff.Major:
		v.Major, v.Minor, v.Patch = v.Major+1, 0, 0
	case swaggerdiff.Minor:
		v.Minor, v.Patch = v.Minor+1, 0
	case swaggerdiff.Patch:
		v.Patch++
	}
	v.Display = v.String()
	return v
}

// bumpFrom says which part of the version went up from a to v.
func (v Version) bumpFrom(a Version) string {
	switch {
	case v.Major != a.Major:
		return "major"
	case v.Minor != a.Minor:
		return "minor"
	case v.Patch != a.Patch:
		return "patch"
	}
	return "no bump"
}

// MarshalFile returns v as VersionFile holds it: 2-space JSON, Display
// filled in, a final newline.
func (v Version) MarshalFile() []byte {
	v.Display = v.String()
	data, _ := json.MarshalIndent(v, "", "  ") // a struct of ints and strings cannot fail
	return append(data, '\n')
}

// ParseVersion reads VersionFile's content; source names it in errors.
func ParseVersion(data []byte, source string) (Version, error) {
	var v Version
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return Version{}, fmt.Errorf("%s: not a version file: %w", source, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Version{}, fmt.Errorf("%s: not a version file: data after the version object", source)
	}
	if err := v.Check(); err != nil {
		return Version{}, fmt.Errorf("%s: %w", source, err)
	}
	v.Display = v.String()
	return v, nil
}

// ModulePath is the Go module path of the SDK at major version major: base,
// with the suffix /vN that Go requires from major version 2 on.
func ModulePath(base string, major int) string {
	if major < 2 {
		return base
	}
	return base + "/v" + strconv.Itoa(major)
}
