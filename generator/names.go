package generator

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/purecloud-go/platform-client/swagger"
)

// Names are the Go names of a spec's definitions, tags and methods: the
// spec-level names that can collide once spelled in Go. The release record
// keeps the ones a release gave (see Overrides), and the next generation
// passes them to BuildNamed, so that an addition whose Go name collides with
// one already released takes a suffix instead of taking the name.
//
// The rule (Name): each item gets its base name, the one it would have alone
// (typeName of the definition, of the tag plus "Api", of
// x-purecloud-method-name or else operationId). Items whose base names
// collide (definitions: the same spelling; tags: the same in lower case, as
// they become package names; methods: the same within one API) are ordered:
// one that had the name in prior keeps it; then one spelled exactly as its
// base name ("Wrapupcode" before "wrapupcode"); then by spec name in byte
// order. The first takes the base name, the others the base name followed by
// the smallest number from 2 on that is free (Wrapupcode2, GroupsApi2,
// GetThing2).
type Names struct {
	// Types maps a definition name to its Go type.
	Types map[string]string `json:"types,omitempty"`
	// APIs maps a tag to the Go type of its API (its package is that name
	// in lower case).
	APIs map[string]string `json:"apis,omitempty"`
	// Methods maps MethodKey(tag, method, path) to the method's Go name in
	// the tag's API.
	Methods map[string]string `json:"methods,omitempty"`

	// base holds every item's base name, by category, for Overrides.
	base [3]map[string]string
}

// MethodKey is the key of an operation's method in Names.Methods: its tag,
// HTTP method (upper case) and path.
func MethodKey(tag, method, path string) string { return tag + " " + method + " " + path }

// Overrides returns the names that differ from the items' base names: all a
// release record needs, since an item without one had its base name. Nil
// when there are none (a spec without collisions).
func (n *Names) Overrides() *Names {
	if n == nil {
		return nil
	}
	out := &Names{}
	pick := func(m, base map[string]string) map[string]string {
		var o map[string]string
		for k, v := range m {
			if base[k] != v {
				if o == nil {
					o = map[string]string{}
				}
				o[k] = v
			}
		}
		return o
	}
	out.Types, out.APIs, out.Methods = pick(n.Types, n.base[0]), pick(n.APIs, n.base[1]), pick(n.Methods, n.base[2])
	if out.Types == nil && out.APIs == nil && out.Methods == nil {
		return nil
	}
	return out
}

// definitionBase is the base Go type name of a definition, "" when it
// cannot have one.
func definitionBase(name string) string {
	goName := typeName(name)
	if goName != "" && unicode.IsDigit(rune(goName[0])) {
		// "2024" -> Model2024: a Go name cannot start with a digit.
		goName = "Model" + goName
	}
	if !validIdent(goName) {
		return ""
	}
	if slices.Contains(builtinModelTypes, goName) {
		goName += "Model"
	}
	return goName
}

// apiBase is the base Go type name of a tag's API, "" when it cannot have one.
func apiBase(tag string) string {
	t := typeName(tag)
	if t == "" || !validIdent(t+"Api") {
		return ""
	}
	return t + "Api"
}

// methodSource is what an operation's method is named from.
func methodSource(ext map[string]any, operationID string) string {
	if s, _ := ext["x-purecloud-method-name"].(string); s != "" {
		return s
	}
	return operationID
}

// NameSpec gives the definitions, tags and methods of spec their Go names by
// the rule of Names, keeping those prior gave (nil: none). Items that cannot
// have a Go name are left out (Build reports them).
func NameSpec(spec *swagger.Spec, prior *Names) *Names {
	if prior == nil {
		prior = &Names{}
	}
	n := &Names{}
	doc := spec.Doc
	var defs []claim
	for name := range doc.Definitions {
		if base := definitionBase(name); base != "" {
			defs = append(defs, claim{key: name, base: base, exact: base == name})
		}
	}
	taken := map[string]bool{}
	for _, t := range builtinModelTypes {
		taken[t] = true
	}
	n.Types, n.base[0] = assignNames(defs, prior.Types, taken, false)

	var apis []claim
	seenTag := map[string]bool{}
	methods := map[string][]claim{} // by tag
	for path, item := range doc.Paths {
		if item == nil || item.Ref != "" {
			continue
		}
		for method, o := range item.Operations() {
			if o == nil {
				continue
			}
			base := typeName(methodSource(o.Extensions, o.OperationID))
			for _, tag := range o.Tags {
				if !seenTag[tag] {
					seenTag[tag] = true
					if b := apiBase(tag); b != "" {
						apis = append(apis, claim{key: tag, base: b, exact: b == tag+"Api"})
					}
				}
				if validIdent(base) {
					key := MethodKey(tag, method, path)
					if !slices.ContainsFunc(methods[tag], func(c claim) bool { return c.key == key }) {
						methods[tag] = append(methods[tag], claim{key: key, base: base})
					}
				}
			}
		}
	}
	n.APIs, n.base[1] = assignNames(apis, prior.APIs, map[string]bool{}, true)
	n.Methods, n.base[2] = map[string]string{}, map[string]string{}
	for _, tag := range slices.Sorted(maps.Keys(methods)) {
		got, base := assignNames(methods[tag], prior.Methods, map[string]bool{}, false)
		maps.Copy(n.Methods, got)
		maps.Copy(n.base[2], base)
	}
	return n
}

// claim is an item that wants a Go name.
type claim struct {
	key   string // spec name (definition, tag) or MethodKey
	base  string // its base name
	exact bool   // spelled as its base name: first in a collision
}

// assignNames gives each claim a name unique in taken (compared in lower
// case when fold is set) by the rule of Names, and returns the names and
// the base names by key.
func assignNames(claims []claim, prior map[string]string, taken map[string]bool, fold bool) (names, bases map[string]string) {
	names, bases = make(map[string]string, len(claims)), make(map[string]string, len(claims))
	norm := func(s string) string {
		if fold {
			return strings.ToLower(s)
		}
		return s
	}
	slices.SortFunc(claims, func(x, y claim) int {
		if x.exact != y.exact {
			if x.exact {
				return -1
			}
			return 1
		}
		return cmp.Compare(x.key, y.key)
	})
	take := func(c claim, name string) {
		names[c.key] = name
		taken[norm(name)] = true
	}
	for _, c := range claims {
		bases[c.key] = c.base
		if p := prior[c.key]; p != "" && !taken[norm(p)] && isBaseOrSuffixed(p, c.base) {
			take(c, p)
		}
	}
	// The base names, before any suffix, so that a suffixed name never
	// takes another item's base name.
	for _, c := range claims {
		if _, done := names[c.key]; !done && !taken[norm(c.base)] {
			take(c, c.base)
		}
	}
	for _, c := range claims {
		if _, done := names[c.key]; done {
			continue
		}
		name := c.base
		for i := 2; taken[norm(name)]; i++ {
			name = c.base + strconv.Itoa(i)
		}
		take(c, name)
	}
	return names, bases
}

// isBaseOrSuffixed reports whether name is base or base followed by a
// number from 2 on: a name the rule can give an item of that base (a prior
// name of another base, after a rename in the spec, is not kept).
func isBaseOrSuffixed(name, base string) bool {
	rest, ok := strings.CutPrefix(name, base)
	if !ok {
		return false
	}
	if rest == "" {
		return true
	}
	i, err := strconv.Atoi(rest)
	return err == nil && i >= 2 && strconv.Itoa(i) == rest
}
