package swagger

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// A span is the byte range of one JSON value inside the document.
type span struct{ start, end int }

// scanResult is what one pass over a JSON document records: the byte ranges of
// the values that are decoded in parallel, and the key order of the objects
// whose order the generator and the differ care about.
type scanResult struct {
	top         []member // top-level members, in document order
	paths       []member // members of /paths
	definitions []member // members of /definitions
	order       map[string][]string
}

type member struct {
	key string
	val span
}

// scanner walks a JSON document without building values. It assumes nothing
// about validity: any malformed input ends the scan with an error, never a panic.
type scanner struct {
	data  []byte
	pos   int
	res   *scanResult
	stack []string // JSON pointer tokens of the value being scanned
}

// scan splits data and records key order. Objects whose key order is recorded:
// /paths, each path item, each operation's responses, /definitions, and every
// "properties" object at any depth.
func scan(data []byte) (*scanResult, error) {
	s := &scanner{data: data, res: &scanResult{order: map[string][]string{}}}
	s.ws()
	if s.pos >= len(s.data) || s.data[s.pos] != '{' {
		return nil, s.errorf("the document is not a JSON object")
	}
	if err := s.object(); err != nil {
		return nil, err
	}
	s.ws()
	if s.pos != len(s.data) {
		return nil, s.errorf("unexpected data after the top-level object")
	}
	return s.res, nil
}

func (s *scanner) errorf(format string, args ...any) error {
	line, col := lineCol(s.data, s.pos)
	return fmt.Errorf("line %d, column %d: %s", line, col, fmt.Sprintf(format, args...))
}

func (s *scanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// recordKeys reports whether the object at the current stack keeps its key order.
func (s *scanner) recordKeys() bool {
	n := len(s.stack)
	switch {
	case n == 1:
		return s.stack[0] == "paths" || s.stack[0] == "definitions"
	case n == 2 && s.stack[0] == "paths":
		return true // a path item: its methods
	case n == 4 && s.stack[0] == "paths" && s.stack[3] == "responses":
		return true
	case n >= 2 && s.stack[n-1] == "properties":
		return true
	}
	return false
}

func (s *scanner) value() error {
	s.ws()
	if s.pos >= len(s.data) {
		return s.errorf("unexpected end of document")
	}
	switch c := s.data[s.pos]; {
	case c == '{':
		return s.object()
	case c == '[':
		return s.array()
	case c == '"':
		_, err := s.str()
		return err
	default:
		return s.literal()
	}
}

func (s *scanner) object() error {
	s.pos++ // {
	record := s.recordKeys()
	var keys []string
	depth := len(s.stack)
	s.ws()
	if s.pos < len(s.data) && s.data[s.pos] == '}' {
		s.pos++
		if record {
			s.res.order[pointer(s.stack)] = []string{}
		}
		return nil
	}
	for {
		s.ws()
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return s.errorf("expected a string key")
		}
		key, err := s.str()
		if err != nil {
			return err
		}
		s.ws()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return s.errorf("expected ':' after key %q", key)
		}
		s.pos++
		s.ws()
		start := s.pos
		s.stack = append(s.stack, key)
		if err := s.value(); err != nil {
			return err
		}
		s.stack = s.stack[:depth]
		m := member{key: key, val: span{start, s.pos}}
		switch {
		case depth == 0:
			s.res.top = append(s.res.top, m)
		case depth == 1 && s.stack[0] == "paths":
			s.res.paths = append(s.res.paths, m)
		case depth == 1 && s.stack[0] == "definitions":
			s.res.definitions = append(s.res.definitions, m)
		}
		if record {
			keys = append(keys, key)
		}
		s.ws()
		if s.pos >= len(s.data) {
			return s.errorf("unexpected end of document inside an object")
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case '}':
			s.pos++
			if record {
				s.res.order[pointer(s.stack)] = keys
			}
			return nil
		default:
			return s.errorf("expected ',' or '}' in an object")
		}
	}
}

func (s *scanner) array() error {
	s.pos++ // [
	s.ws()
	if s.pos < len(s.data) && s.data[s.pos] == ']' {
		s.pos++
		return nil
	}
	depth := len(s.stack)
	for i := 0; ; i++ {
		s.stack = append(s.stack, strconv.Itoa(i))
		if err := s.value(); err != nil {
			return err
		}
		s.stack = s.stack[:depth]
		s.ws()
		if s.pos >= len(s.data) {
			return s.errorf("unexpected end of document inside an array")
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return nil
		default:
			return s.errorf("expected ',' or ']' in an array")
		}
	}
}

// str consumes a string and returns its decoded value.
func (s *scanner) str() (string, error) {
	start := s.pos
	s.pos++ // opening quote
	escaped := false
	for s.pos < len(s.data) {
		switch c := s.data[s.pos]; {
		case c == '\\':
			escaped = true
			s.pos += 2
		case c == '"':
			s.pos++
			raw := s.data[start:s.pos]
			if !escaped {
				return string(raw[1 : len(raw)-1]), nil
			}
			var v string
			if err := json.Unmarshal(raw, &v); err != nil {
				s.pos = start
				return "", s.errorf("invalid string: %v", err)
			}
			return v, nil
		case c < 0x20:
			return "", s.errorf("control character in a string")
		default:
			s.pos++
		}
	}
	s.pos = len(s.data)
	return "", s.errorf("unterminated string")
}

// literal consumes a number, true, false or null.
func (s *scanner) literal() error {
	start := s.pos
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		s.pos++
	}
	lit := s.data[start:s.pos]
	if len(lit) == 0 || !json.Valid(lit) {
		s.pos = start
		return s.errorf("invalid value")
	}
	return nil
}

// pointer renders JSON pointer tokens as an RFC 6901 pointer.
func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapePointer(t))
	}
	return b.String()
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func escapePointer(token string) string {
	if !strings.ContainsAny(token, "~/") {
		return token
	}
	return pointerEscaper.Replace(token)
}

// lineCol converts a byte offset into a 1-based line and column.
func lineCol(data []byte, offset int) (line, col int) {
	if offset > len(data) {
		offset = len(data)
	}
	line = 1
	lineStart := 0
	for i := 0; i < offset; i++ {
		if data[i] == '\n' {
			line++
			lineStart = i + 1
		}
	}
	return line, offset - lineStart + 1
}
