// Package swaggerdiff compares two descriptions of the Platform API (full
// specs or snapshots written by swagger.Snapshot) and says what changed, how
// much each change matters and the bump it requires (the release package
// turns the bump into the next SDK version).
//
// Two rule sets: RulesOfficial reproduces the differ of the official SDK
// build (its change kinds, impacts with SDK versioning on, line texts,
// grouping, ordering and release-notes layout); RulesGo, the default, rates
// each change by what it does to the Go API this project's generator writes.
package swaggerdiff

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/purecloud-go/platform-client/generator"
)

// Impact is how much a change matters for the SDK's version.
type Impact int

// The impacts, in increasing order.
const (
	None  Impact = iota // no change to report
	Patch               // documentation only ("point" in the official differ)
	Minor               // something added; existing code keeps compiling
	Major               // existing code may break
)

var impactNames = [...]string{None: "none", Patch: "patch", Minor: "minor", Major: "major"}

// String returns none, patch, minor or major.
func (i Impact) String() string {
	if i < None || i > Major {
		return fmt.Sprintf("Impact(%d)", int(i))
	}
	return impactNames[i]
}

// MarshalJSON writes the impact as its name.
func (i Impact) MarshalJSON() ([]byte, error) { return json.Marshal(i.String()) }

// UnmarshalJSON reads an impact name.
func (i *Impact) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	v, err := ParseImpact(s)
	*i = v
	return err
}

// ParseImpact reads a bump name: major, minor, patch (or point, the official
// differ's word) or none. It is what `release --bump` takes.
func ParseImpact(s string) (Impact, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "major":
		return Major, nil
	case "minor":
		return Minor, nil
	case "patch", "point":
		return Patch, nil
	case "none", "":
		return None, nil
	}
	return None, fmt.Errorf("unknown bump %q: want major, minor or patch", s)
}

// Rules names a rule set.
type Rules string

// The rule sets.
const (
	// RulesGo rates a change by what it does to the generated Go API.
	RulesGo Rules = "go"
	// RulesOfficial reproduces the official SDK differ.
	RulesOfficial Rules = "official"
)

// ParseRules reads a rule set name; "" means RulesGo.
func ParseRules(s string) (Rules, error) {
	switch Rules(strings.ToLower(strings.TrimSpace(s))) {
	case RulesGo, "":
		return RulesGo, nil
	case RulesOfficial:
		return RulesOfficial, nil
	}
	return "", fmt.Errorf("unknown rules %q: want go or official", s)
}

// Options says how Compare works.
type Options struct {
	// Rules is the rule set; "" means RulesGo.
	Rules Rules
	// Tombstones says the generator keeps what the spec removes (operations,
	// parameters, models, properties, enum values) as Deprecated:
	// identifiers, so such a removal is Minor under RulesGo: the new side's
	// Go API is read from generator.Merge(new, old, false), as a release
	// generates it, so what Merge cannot keep is still Major. It does not
	// change RulesOfficial.
	Tombstones bool
	// Names are the Go names the old side was released with where they
	// differ from its items' base names (generator.Names.Overrides, as the
	// release record keeps them); nil: the names the old side gets alone.
	// Under RulesGo the new side keeps the old side's names (see
	// generator.Names), so a colliding addition is no rename.
	Names *generator.Names
}

// Change is one difference between the two descriptions.
type Change struct {
	// Kind names the kind of change; stable, for tools.
	Kind Kind `json:"kind"`
	// Group is the heading the change is listed under in the release notes:
	// a path, "METHOD path" or a definition name.
	Group string `json:"group"`
	// Path and Method (upper case) locate a change to an operation.
	Path   string `json:"path,omitempty"`
	Method string `json:"method,omitempty"`
	// Parameter names the parameter (or response code) it is about.
	Parameter string `json:"parameter,omitempty"`
	// Model and Property locate a change to a definition.
	Model    string `json:"model,omitempty"`
	Property string `json:"property,omitempty"`
	// Line is the human line of the release notes.
	Line string `json:"line"`
	// Impact is what the change requires of the version.
	Impact Impact `json:"impact"`
}

// Result is the outcome of Compare.
type Result struct {
	// Rules is the rule set that rated the changes.
	Rules Rules `json:"rules"`
	// Changes in recording order (see the package documentation).
	Changes []Change `json:"changes"`
	// Bump is the largest impact of the changes (None when there are none).
	Bump Impact `json:"bump"`
}

// Count returns how many changes have impact i.
func (r *Result) Count(i Impact) int {
	n := 0
	for _, c := range r.Changes {
		if c.Impact == i {
			n++
		}
	}
	return n
}
