package swaggerdiff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/purecloud-go/platform-client/generator"
	"github.com/purecloud-go/platform-client/swagger"
)

// surface is the Go API generated from one description: what code using the
// SDK can refer to. It is read from the generator's own model, so that every
// name and type is the one the generator writes.
type surface struct {
	ops map[string]*goOp // by "METHOD path"
	// types of the models package: name -> shape ("struct", "= json.RawMessage",
	// "string" for an enum type).
	types map[string]string
	// fields of each struct type: field name -> Go type.
	fields map[string]map[string]string
	// consts of each enum type: constant name -> value.
	consts map[string]map[string]string
	// owner maps a models package type to the definition it comes from.
	owner map[string]string
	// defModel maps a definition name to its Go type, fieldOf a definition's
	// property (definition + "." + JSON name) to its Go field.
	defModel map[string]*generator.Model
	// penums are the enum types of parameters, declared in API packages: by
	// package + "." + type name.
	penums map[string]paramEnum
	// sdk is the generator's model it was read from.
	sdk *generator.SDK
}

// paramEnum is a parameter's enum type and the operation ("METHOD path") whose
// parameter it is.
type paramEnum struct {
	op string
	e  *generator.Enum
}

// goOp is one operation's Go API: the same method in each API package of its tags.
type goOp struct {
	op       *generator.Operation
	packages []string
}

// surfaceCache, when set (by tests that compare many copies of one spec and
// generate code from them), is asked for the surface of a spec before it is
// built and told of every surface built.
var surfaceCache interface {
	get(*swagger.Spec) *surface
	put(*swagger.Spec, *surface)
}

// prior are the Go names to keep (generator.BuildNamed); the cache is by
// spec, which Compare builds with one prior only.
func buildSurface(spec *swagger.Spec, prior *generator.Names) (*surface, error) {
	if surfaceCache != nil {
		if s := surfaceCache.get(spec); s != nil {
			return s, nil
		}
	}
	sdk, err := generator.BuildNamed(spec, generator.DefaultModule, prior)
	if err != nil {
		return nil, err
	}
	s := newSurface(sdk)
	if surfaceCache != nil {
		surfaceCache.put(spec, s)
	}
	return s, nil
}

func newSurface(sdk *generator.SDK) *surface {
	s := &surface{
		sdk:      sdk,
		ops:      map[string]*goOp{},
		types:    map[string]string{},
		fields:   map[string]map[string]string{},
		consts:   map[string]map[string]string{},
		owner:    map[string]string{},
		defModel: map[string]*generator.Model{},
		penums:   map[string]paramEnum{},
	}
	for _, api := range sdk.APIs {
		enums := make(map[string]*generator.Enum, len(api.Enums))
		for _, e := range api.Enums {
			enums[e.Name] = e
		}
		for _, op := range api.Operations {
			k := op.Method + " " + op.Path
			g := s.ops[k]
			if g == nil {
				g = &goOp{op: op}
				s.ops[k] = g
			}
			g.packages = append(g.packages, api.Package)
			for _, p := range op.Params {
				t := p.Type
				if t.Kind == generator.KindArray {
					t = t.Elem
				}
				if e := enums[t.Name]; t.Local && e != nil {
					s.penums[api.Package+"."+e.Name] = paramEnum{k, e}
				}
			}
		}
	}
	for _, m := range sdk.Models {
		def := m.SpecName
		if m.Inline {
			// definitions.X.properties.y...: owned by X
			def = strings.TrimPrefix(def, "definitions.")
			if i := strings.Index(def, ".properties."); i >= 0 {
				def = def[:i]
			}
		} else {
			s.defModel[def] = m
		}
		s.owner[m.Name] = def
		switch {
		case m.Underlying != nil:
			s.types[m.Name] = m.UnderlyingGoType()
		case m.Freeform:
			s.types[m.Name] = "= json.RawMessage"
		default:
			s.types[m.Name] = "struct"
			fields := make(map[string]string, len(m.Fields))
			for _, f := range m.Fields {
				fields[f.Name] = f.GoType()
			}
			s.fields[m.Name] = fields
		}
		for _, e := range m.Enums {
			s.types[e.Name] = "string"
			s.owner[e.Name] = def
			consts := make(map[string]string, len(e.Values))
			for _, v := range e.Values {
				consts[v.Name] = v.Value
			}
			s.consts[e.Name] = consts
		}
	}
	return s
}

// paramSig is a parameter's place in the Go API: a positional argument of a
// type, or an options field of a name and type.
type paramSig struct {
	positional bool
	field      string
	typ        string
}

func sigOf(p *generator.Param) paramSig {
	if p.Required {
		return paramSig{positional: true, typ: p.GoType()}
	}
	return paramSig{field: p.Field, typ: p.GoType()}
}

// signature is a method's Go signature (without parameter names).
func signature(op *generator.Operation) string {
	var b strings.Builder
	b.WriteString(op.Name + "(ctx")
	for _, p := range op.Positional {
		b.WriteString(", " + sigOf(p).typ)
	}
	b.WriteString(", *" + op.OptionsType + ") (" + op.GoResult() + ")")
	return b.String()
}

// iterSignature is the Go signature of an operation's iterator method.
func iterSignature(op *generator.Operation) string {
	var b strings.Builder
	b.WriteString(op.Paging.Method + "(ctx")
	for _, p := range op.Positional {
		b.WriteString(", " + sigOf(p).typ)
	}
	b.WriteString(", *" + op.OptionsType + ") iter.Seq2[" + strings.TrimPrefix(op.Paging.Items.GoType(), "[]") + ", error]")
	return b.String()
}

func (d *differ) goOps(p, M string) (o, n *goOp) {
	return d.goOld.ops[M+" "+p], d.goNew.ops[M+" "+p]
}

func (d *differ) goMethodRenamed(p, M string) bool {
	o, n := d.goOps(p, M)
	return o != nil && n != nil && o.op.Name != n.op.Name
}

type paramPlace struct {
	paramSig
	found bool
}

func (d *differ) goParam(s *surface, p, M, name string) paramPlace {
	g := s.ops[M+" "+p]
	if g == nil {
		return paramPlace{}
	}
	var out paramPlace
	for _, prm := range g.op.Params {
		if prm.Name == name { // the later one wins, as in the official match
			out = paramPlace{sigOf(prm), true}
		}
	}
	return out
}

// goParamConst reports whether the Go API of s has a constant for value v
// of the enum type of parameter name of the operation.
func (d *differ) goParamConst(s *surface, p, M, name, v string) bool {
	g := s.ops[M+" "+p]
	if g == nil {
		return false
	}
	for _, prm := range g.op.Params {
		t := prm.Type
		if t.Kind == generator.KindArray {
			t = t.Elem
		}
		if prm.Name != name || !t.Local {
			continue
		}
		if pe, ok := s.penums[g.packages[0]+"."+t.Name]; ok {
			for _, c := range pe.e.Values {
				if c.Value == v {
					return true
				}
			}
		}
	}
	return false
}

func (d *differ) goParamChanged(p, M, name string) bool {
	o, n := d.goParam(d.goOld, p, M, name), d.goParam(d.goNew, p, M, name)
	return o != n
}

func (d *differ) goResultChanged(p, M string) bool {
	o, n := d.goOps(p, M)
	return o != nil && n != nil && o.op.GoResult() != n.op.GoResult()
}

func goField(s *surface, def, prop string) *generator.Field {
	m := s.defModel[def]
	if m == nil {
		return nil
	}
	for _, f := range m.Fields {
		if f.JSON == prop {
			return f
		}
	}
	return nil
}

func (d *differ) goFieldChanged(def, prop string) bool {
	o, n := goField(d.goOld, def, prop), goField(d.goNew, def, prop)
	if o == nil || n == nil {
		return o != n
	}
	return o.Name != n.Name || o.GoType() != n.GoType()
}

func (d *differ) goFieldIsEnum(def, prop string) bool {
	f := goField(d.goOld, def, prop)
	if f == nil {
		return false
	}
	t := f.Type
	for t.Kind == generator.KindArray || t.Kind == generator.KindMap {
		t = t.Elem
	}
	return t.Kind == generator.KindEnum
}

// goModelImpact is Major when the Go types of definition def break, else otherwise.
func (d *differ) goModelImpact(def string, otherwise Impact) Impact {
	for _, b := range d.breaks() {
		if b.model == def && !b.missing {
			return Major
		}
	}
	return otherwise
}

// goBreak is one incompatible change of the Go API.
type goBreak struct {
	path, method, model string // location: an operation, or a definition
	what                string
	missing             bool // something removed (the generator can keep it as a tombstone)
	// unnamed: no spec-level line can name it (an iterator method the
	// generator stops writing), so it always has a line of its own.
	unnamed bool
}

// goBreaks lists the incompatible changes from the old Go API to the new one.
func (d *differ) goBreaks() []goBreak {
	var out []goBreak
	o, n := d.goOld, d.goNew
	for k, og := range o.ops {
		ng := n.ops[k]
		M, p, _ := strings.Cut(k, " ")
		add := func(what string, missing bool) {
			out = append(out, goBreak{path: p, method: M, what: what, missing: missing})
		}
		if ng == nil {
			add("method "+og.op.Name+" was removed", true)
			continue
		}
		for _, pkg := range og.packages {
			found := false
			for _, np := range ng.packages {
				found = found || np == pkg
			}
			if !found {
				add("method "+og.op.Name+" was removed from package "+pkg, false)
			}
		}
		if os, ns := signature(og.op), signature(ng.op); os != ns {
			add("method "+os+" is now "+ns, false)
		}
		// The iterator of a paged listing comes and goes with what the
		// generator detects (the paging parameter's type, the listing's
		// fields): its removal is said in a line of its own.
		// So does its page view (XPages, beside XIter), and the waiter of
		// a job status operation (XWait), which needs the job's state enum
		// and the POST that creates the job.
		if op := og.op; op.Paging != nil {
			np := ng.op.Paging
			switch {
			case (np == nil || np.Method != op.Paging.Method) && op.Paging.Pages != "":
				out = append(out, goBreak{path: p, method: M, what: "methods " + op.Paging.Method + " and " + op.Paging.Pages + " were removed", unnamed: true})
			case np == nil || np.Method != op.Paging.Method:
				out = append(out, goBreak{path: p, method: M, what: "method " + op.Paging.Method + " was removed", unnamed: true})
			case op.Paging.Pages != "" && np.Pages != op.Paging.Pages:
				out = append(out, goBreak{path: p, method: M, what: "method " + op.Paging.Pages + " was removed", unnamed: true})
			}
			if np != nil && np.Method == op.Paging.Method {
				if os, ns := iterSignature(op), iterSignature(ng.op); os != ns {
					add("method "+os+" is now "+ns, false)
				}
			}
		}
		if op := og.op; op.Job != nil && (ng.op.Job == nil || ng.op.Job.Method != op.Job.Method) {
			out = append(out, goBreak{path: p, method: M, what: "method " + op.Job.Method + " was removed", unnamed: true})
		}
		nf := map[string]string{}
		for _, prm := range ng.op.Options {
			nf[prm.Field] = sigOf(prm).typ
		}
		for _, prm := range og.op.Options {
			s := sigOf(prm)
			switch t, ok := nf[s.field]; {
			case !ok:
				add("option "+og.op.OptionsType+"."+s.field+" was removed", !slicesContainsName(ng.op.Params, prm.Name))
			case t != s.typ:
				add("option "+og.op.OptionsType+"."+s.field+" changed from "+s.typ+" to "+t, false)
			}
		}
	}
	// A parameter's enum type or constant that goes breaks code using it; a
	// changed parameter type is said above already, with the method.
	for name, pe := range o.penums {
		M, p, _ := strings.Cut(pe.op, " ")
		add := func(what string) {
			out = append(out, goBreak{path: p, method: M, what: what})
		}
		npe, ok := n.penums[name]
		if !ok {
			add("type " + name + " was removed")
			continue
		}
		pkg, _, _ := strings.Cut(name, ".")
		nconsts := make(map[string]string, len(npe.e.Values))
		for _, v := range npe.e.Values {
			nconsts[v.Name] = v.Value
		}
		for _, v := range pe.e.Values {
			switch nv, ok := nconsts[v.Name]; {
			case !ok:
				add("constant " + pkg + "." + v.Name + " was removed")
			case nv != v.Value:
				add("constant " + pkg + "." + v.Name + " changed from " + v.Value + " to " + nv)
			}
		}
	}
	for name, shape := range o.types {
		def := o.owner[name]
		add := func(what string, missing bool) {
			out = append(out, goBreak{model: def, what: what, missing: missing})
		}
		nshape, ok := n.types[name]
		if !ok {
			add("type models."+name+" was removed", true)
			continue
		}
		if nshape != shape {
			add("type models."+name+" changed from "+shape+" to "+nshape, false)
			continue
		}
		nfields := n.fields[name]
		for f, t := range o.fields[name] {
			switch nt, ok := nfields[f]; {
			case !ok:
				add("field models."+name+"."+f+" was removed", true)
			case nt != t:
				add("field models."+name+"."+f+" changed from "+t+" to "+nt, false)
			}
		}
		nconsts := n.consts[name]
		for c, v := range o.consts[name] {
			switch nv, ok := nconsts[c]; {
			case !ok:
				add("constant models."+c+" was removed", true)
			case nv != v:
				add("constant models."+c+" changed from "+v+" to "+nv, false)
			}
		}
	}
	return out
}

func slicesContainsName(params []*generator.Param, name string) bool {
	for _, p := range params {
		if p.Name == name {
			return true
		}
	}
	return false
}

// breaks returns goBreaks, computed once.
func (d *differ) breaks() []goBreak {
	if d.breakList == nil {
		d.breakList = d.goBreaks()
		if d.breakList == nil {
			d.breakList = []goBreak{}
		}
	}
	return d.breakList
}

// explainBreaks makes sure that every incompatible change of the Go API is
// behind a Major change: one the walk did not rate Major at that location,
// or one no spec-level line names (a removed iterator method), is reported
// as GoAPIChanged. With tombstones the new surface is generated from
// the merged description, so what is missing from it is what the generator
// could not keep.
func (d *differ) explainBreaks() {
	var extra []Change
	seen := map[string]bool{}
	for _, b := range d.breaks() {
		explained := false
		for _, c := range d.changes {
			if b.unnamed {
				break
			}
			if c.Impact != Major {
				continue
			}
			if b.model != "" && c.Model == b.model || b.path != "" && c.Path == b.path && (c.Method == b.method || c.Method == "") {
				explained = true
				break
			}
		}
		if explained {
			continue
		}
		c := Change{Kind: GoAPIChanged, Line: "Go API: " + b.what, Impact: Major}
		if b.model != "" {
			c.Group, c.Model = b.model, b.model
		} else {
			c.Group, c.Path, c.Method = b.method+" "+b.path, b.path, b.method
		}
		if !seen[c.Group+"\x00"+c.Line] {
			seen[c.Group+"\x00"+c.Line] = true
			extra = append(extra, c)
		}
	}
	slices.SortFunc(extra, func(x, y Change) int { return cmp.Or(cmp.Compare(x.Group, y.Group), cmp.Compare(x.Line, y.Line)) })
	d.changes = append(d.changes, extra...)
}
