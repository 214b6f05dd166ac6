// Package swagger loads a Swagger 2.0 document (the Platform API spec) from a
// file or a URL, in JSON or YAML, into kin-openapi's openapi2 types, and keeps
// what those types lose: the order of keys as the document lists them.
package swagger

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi2"
)

// Spec is a loaded Swagger 2.0 document.
type Spec struct {
	// Source is the file path or URL the document was read from.
	Source string
	// Doc is the document, decoded by kin-openapi.
	Doc *openapi2.T

	order map[string][]string
}

// DefaultFetchTimeout bounds the download of a spec given by URL.
const DefaultFetchTimeout = 60 * time.Second

// maxSpecSize bounds what is read from a file or URL (the real spec is 28 MB).
const maxSpecSize = 512 << 20

// Load reads the spec at source, an http(s) URL or a file path. A download
// gives up after fetchTimeout (DefaultFetchTimeout when 0) or when ctx ends.
func Load(ctx context.Context, source string, fetchTimeout time.Duration) (*Spec, error) {
	data, err := read(ctx, source, fetchTimeout)
	if err != nil {
		return nil, err
	}
	return Parse(data, source)
}

func read(ctx context.Context, source string, timeout time.Duration) ([]byte, error) {
	if !strings.HasPrefix(source, "http://") && !strings.HasPrefix(source, "https://") {
		data, err := os.ReadFile(source)
		if err != nil {
			return nil, fmt.Errorf("read spec: %w", err)
		}
		return data, nil
	}
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, source, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch spec: %w", err)
	}
	req.Header.Set("Accept", "application/json, application/yaml;q=0.9, */*;q=0.1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch spec: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch spec %s: %s", source, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxSpecSize+1))
	if err != nil {
		return nil, fmt.Errorf("fetch spec %s: %w", source, err)
	}
	if len(data) > maxSpecSize {
		return nil, fmt.Errorf("fetch spec %s: larger than %d bytes", source, maxSpecSize)
	}
	return data, nil
}

// Parse decodes a Swagger 2.0 document given as JSON or YAML. source names the
// document in error messages.
func Parse(data []byte, source string) (*Spec, error) {
	spec, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	spec.Source = source
	return spec, nil
}

func parse(data []byte) (*Spec, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) == 0 {
		return nil, errors.New("the document is empty")
	}
	if trimmed[0] != '{' {
		converted, err := yamlToJSON(data)
		if err != nil {
			return nil, err
		}
		data = converted
	}
	doc, order, err := fastDecode(data)
	if err != nil {
		// The slow path: kin-openapi decodes, with errors that name their
		// place (the fast decoder gives up on anything unexpected).
		if doc, order, err = slowDecode(data); err != nil {
			return nil, err
		}
	}
	if err := resolveShared(doc); err != nil {
		return nil, err
	}
	if doc.Swagger != "2.0" {
		if doc.Swagger == "" {
			return nil, errors.New(`not a Swagger 2.0 document: the "swagger" field is missing`)
		}
		return nil, fmt.Errorf(`not a Swagger 2.0 document: "swagger" is %q`, doc.Swagger)
	}
	return &Spec{Doc: doc, order: order}, nil
}

// slowDecode splits the document with the scanner and has kin-openapi decode
// the parts.
func slowDecode(data []byte) (*openapi2.T, map[string][]string, error) {
	res, err := scan(data)
	if err != nil {
		// The scanner's message is precise enough, but encoding/json's is the
		// one people know; prefer it when it finds the problem too.
		var syn *json.SyntaxError
		if jerr := json.Unmarshal(data, new(any)); errors.As(jerr, &syn) {
			line, col := lineCol(data, int(syn.Offset)-1) // Offset is just past the bad byte
			return nil, nil, fmt.Errorf("line %d, column %d: invalid JSON: %v", line, col, syn)
		}
		return nil, nil, fmt.Errorf("invalid JSON: %w", err)
	}
	doc, err := decode(data, res)
	if err != nil {
		return nil, nil, err
	}
	return doc, res.order, nil
}

// decode fills an openapi2.T. Path items and definitions, which hold almost
// all of the document, are decoded in parallel.
func decode(data []byte, res *scanResult) (*openapi2.T, error) {
	// The top level without paths and definitions is small: decode it whole.
	var pathsVal, defsVal *span
	for i, m := range res.top {
		switch m.key {
		case "paths":
			pathsVal = &res.top[i].val
		case "definitions":
			defsVal = &res.top[i].val
		}
	}
	top := objectWithout(data, res.top, "paths", "definitions")
	doc := new(openapi2.T)
	if err := json.Unmarshal(top, doc); err != nil {
		return nil, fmt.Errorf("top level: %w", err)
	}
	if pathsVal != nil && data[pathsVal.start] != '{' {
		return nil, locate(data, pathsVal.start, "paths", errors.New("must be an object"))
	}
	if defsVal != nil && data[defsVal.start] != '{' {
		return nil, locate(data, defsVal.start, "definitions", errors.New("must be an object"))
	}

	type job struct {
		m    member
		path bool
	}
	jobs := make([]job, 0, len(res.paths)+len(res.definitions))
	for _, m := range res.paths {
		jobs = append(jobs, job{m, true})
	}
	for _, m := range res.definitions {
		jobs = append(jobs, job{m, false})
	}
	items := make([]*openapi2.PathItem, len(jobs))
	schemas := make([]*openapi2.SchemaRef, len(jobs))
	errs := make([]error, len(jobs))
	var next sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		next.Go(func() {
			for i := range work {
				j := jobs[i]
				raw := data[j.m.val.start:j.m.val.end]
				if j.path {
					item := new(openapi2.PathItem)
					if err := json.Unmarshal(raw, item); err != nil {
						errs[i] = locate(data, j.m.val.start, "paths."+j.m.key, err)
					}
					items[i] = item
				} else {
					schema := new(openapi2.SchemaRef)
					if err := json.Unmarshal(raw, schema); err != nil {
						errs[i] = locate(data, j.m.val.start, "definitions."+j.m.key, err)
					}
					schemas[i] = schema
				}
			}
		})
	}
	for i := range jobs {
		work <- i
	}
	close(work)
	next.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if pathsVal != nil {
		doc.Paths = make(map[string]*openapi2.PathItem, len(res.paths))
	}
	if defsVal != nil {
		doc.Definitions = make(map[string]*openapi2.SchemaRef, len(res.definitions))
	}
	for i, j := range jobs {
		if j.path {
			doc.Paths[j.m.key] = items[i]
		} else {
			doc.Definitions[j.m.key] = schemas[i]
		}
	}
	return doc, nil
}

// locate prefixes a decoding error with the spec location and the line and
// column in the document: of the error itself when it carries an offset, else
// of the value at base that failed to decode.
func locate(data []byte, base int, where string, err error) error {
	offset := base
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		offset = base + int(syn.Offset) - 1
	case errors.As(err, &typ):
		offset = base + int(typ.Offset)
	}
	line, col := lineCol(data, offset)
	return fmt.Errorf("%s (line %d, column %d): %w", where, line, col, err)
}

// Keys returns the keys of the object at the JSON pointer ptr in document
// order, or nil when the document does not record that object's order.
// Recorded objects: /paths, each /paths/{path} item, each operation's
// responses, /definitions, and every "properties" object.
func (s *Spec) Keys(ptr string) []string {
	return s.order[ptr]
}

// Pointer builds an RFC 6901 JSON pointer from unescaped tokens, for Keys.
func Pointer(tokens ...string) string {
	return pointer(tokens)
}

// objectWithout encodes the object of members (spans of data) again, less
// the members named in skip: the small part of a document decoded whole.
func objectWithout(data []byte, members []member, skip ...string) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for _, m := range members {
		if slices.Contains(skip, m.key) {
			continue
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		writeJSONString(&b, m.key)
		b.WriteByte(':')
		b.Write(data[m.val.start:m.val.end])
	}
	b.WriteByte('}')
	return b.Bytes()
}
