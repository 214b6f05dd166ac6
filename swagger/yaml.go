package swagger

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	yaml "github.com/oasdiff/yaml3"
)

// maxYAMLDepth bounds nesting so that a hostile document cannot exhaust the
// stack, and maxYAMLNodes bounds the values written, which aliases could
// otherwise multiply exponentially (the real spec has about 1.3 million).
const (
	maxYAMLDepth = 200
	maxYAMLNodes = 8_000_000
)

// textKeys are the Swagger fields that are always text. Their unquoted YAML
// values stay text (swagger: 2.0 and version: 1.0 are numbers in YAML, and
// kin-openapi would reject them).
var textKeys = map[string]bool{
	"swagger": true, "version": true, "title": true, "description": true, "summary": true, "operationId": true,
}

// yamlToJSON converts a YAML document to JSON, keeping the key order of every
// mapping, so that YAML and JSON specs give the same generated output.
func yamlToJSON(data []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("invalid YAML: %w", err)
	}
	if doc.Kind == 0 {
		return nil, errors.New("the document is empty")
	}
	w := &yamlWriter{budget: maxYAMLNodes}
	if err := w.node(&doc, 0); err != nil {
		return nil, err
	}
	return w.b.Bytes(), nil
}

type yamlWriter struct {
	b      bytes.Buffer
	budget int // values still allowed
}

func (w *yamlWriter) node(n *yaml.Node, depth int) error {
	if depth > maxYAMLDepth {
		return fmt.Errorf("line %d: YAML nested deeper than %d levels", n.Line, maxYAMLDepth)
	}
	if w.budget--; w.budget < 0 {
		return fmt.Errorf("line %d: the YAML expands to more than %d values (aliases?)", n.Line, maxYAMLNodes)
	}
	b := &w.b
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) != 1 {
			return errors.New("the document is empty")
		}
		return w.node(n.Content[0], depth+1)
	case yaml.AliasNode:
		if n.Alias == nil {
			return fmt.Errorf("line %d: unresolved YAML alias", n.Line)
		}
		return w.node(n.Alias, depth+1)
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: a mapping key must be a scalar", k.Line)
			}
			if k.Value == "<<" && k.Tag == "!!merge" {
				return fmt.Errorf("line %d: YAML merge keys are not supported", k.Line)
			}
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k.Value)
			b.WriteByte(':')
			if textKeys[k.Value] && v.Kind == yaml.ScalarNode && v.ShortTag() != "!!null" {
				writeJSONString(b, v.Value)
				continue
			}
			if err := w.node(v, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := w.node(c, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	case yaml.ScalarNode:
		return writeYAMLScalar(b, n)
	}
	return fmt.Errorf("line %d: unsupported YAML node", n.Line)
}

func writeYAMLScalar(b *bytes.Buffer, n *yaml.Node) error {
	switch n.ShortTag() {
	case "!!null":
		b.WriteString("null")
	case "!!bool":
		v, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			return fmt.Errorf("line %d: invalid boolean %q", n.Line, n.Value)
		}
		b.WriteString(strconv.FormatBool(v))
	case "!!int":
		v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil {
			return fmt.Errorf("line %d: invalid integer %q", n.Line, n.Value)
		}
		b.WriteString(strconv.FormatInt(v, 10))
	case "!!float":
		v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			return fmt.Errorf("line %d: number %q cannot be represented in JSON", n.Line, n.Value)
		}
		b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	default: // strings, timestamps, binary and custom tags stay text
		writeJSONString(b, n.Value)
	}
	return nil
}

// writeJSONString writes s as encoding/json marshals it.
func writeJSONString(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		if !jsonPlain[s[i]] {
			// Escapes, HTML characters, non-ASCII: as encoding/json does.
			q, _ := json.Marshal(s) // marshalling a string cannot fail
			b.Write(q)
			return
		}
	}
	b.WriteByte('"')
	b.WriteString(s)
	b.WriteByte('"')
}

// jsonPlain marks the bytes encoding/json writes as they are in a string.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()
