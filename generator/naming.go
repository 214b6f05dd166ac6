package generator

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"
	"unicode"
)

// initialisms are the words Go spells in upper case (after golint's list), so
// that "selfUri" becomes SelfURI and "roleIds" becomes RoleIDs.
var initialisms = map[string]string{
	"acl": "ACL", "api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS",
	"dns": "DNS", "eof": "EOF", "guid": "GUID", "html": "HTML", "http": "HTTP",
	"https": "HTTPS", "id": "ID", "ip": "IP", "json": "JSON", "jwt": "JWT",
	"lhs": "LHS", "qps": "QPS", "ram": "RAM", "rhs": "RHS", "rpc": "RPC",
	"sla": "SLA", "smtp": "SMTP", "sms": "SMS", "sql": "SQL", "ssh": "SSH",
	"tcp": "TCP", "tls": "TLS", "ttl": "TTL", "udp": "UDP", "ui": "UI",
	"uid": "UID", "uuid": "UUID", "uri": "URI", "url": "URL", "utf8": "UTF8",
	"vm": "VM", "xml": "XML", "xmpp": "XMPP", "xsrf": "XSRF", "xss": "XSS",
	// plurals that read better than "Ids"
	"ids": "IDs", "uris": "URIs", "urls": "URLs", "uuids": "UUIDs", "ips": "IPs",
}

// words splits a spec name into words: at every character that is not a
// letter or digit, and at case changes ("selfUri" -> self Uri,
// "OAuthClient" -> O Auth Client, "HTTPServer" -> HTTP Server, "v1Http" -> v1 Http).
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if !isASCIIAlnum(r) {
			flush()
			continue
		}
		if len(cur) > 0 {
			prev := cur[len(cur)-1]
			switch {
			case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
				flush() // selfUri, v1Http
			case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
				flush() // HTTPServer: the last capital starts a word
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// exportWord spells one word for an exported identifier.
func exportWord(w string) string {
	if in, ok := initialisms[strings.ToLower(w)]; ok {
		return in
	}
	if isAllUpper(w) && len(w) > 1 {
		return w[:1] + strings.ToLower(w[1:]) // ACD_VOICEMAIL -> AcdVoicemail
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

func isAllUpper(w string) bool {
	hasLetter := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			hasLetter = true
		}
	}
	return hasLetter
}

// exportedName builds an exported Go identifier with Go initialisms from a
// property, parameter or enum value name. It returns "" when s holds no
// letter or digit.
func exportedName(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		b.WriteString(exportWord(w))
	}
	return b.String()
}

// fallbackFieldName is the Go field name of a property whose name has no
// ASCII letter or digit ("ß", "$", "€uro" has one: Uro): X, then each letter
// or digit as it is (Go takes letters outside ASCII) and every other
// character as U and its code point in hex ("ß" -> Xß, "$" -> XU0024). The
// struct tag keeps the JSON name.
func fallbackFieldName(s string) string {
	var b strings.Builder
	b.WriteString("X")
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "U%04X", r)
		}
	}
	return b.String()
}

// unexportedName builds a local variable name: exportedName with its first
// word lower-cased ("clientId" -> clientID, "Accept-Language" -> acceptLanguage,
// "ID" -> id).
func unexportedName(s string) string {
	ws := words(s)
	if len(ws) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(strings.ToLower(ws[0]))
	for _, w := range ws[1:] {
		b.WriteString(exportWord(w))
	}
	return b.String()
}

// typeName builds a type or method name from a definition name, a tag or an
// x-purecloud-method-name: words keep their spelling, each starts upper case
// ("OAuthClient" stays, "Speech & Text Analytics" -> SpeechTextAnalytics,
// "getOauthClients" -> GetOauthClients).
func typeName(s string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return !isASCIIAlnum(r) }) {
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}
	return b.String()
}

// validIdent reports whether name can be used as a Go identifier as built by
// the functions above: not empty and not starting with a digit.
func validIdent(name string) bool {
	return name != "" && !unicode.IsDigit(rune(name[0])) && token.IsIdentifier(name)
}

// reservedLocals are the identifiers a generated method uses itself, so a
// parameter must not take them: receiver, context, request, options and the
// packages the API files import.
var reservedLocals = map[string]bool{
	"a": true, "ctx": true, "req": true, "opts": true, "resp": true, "err": true,
	"models": true, "platformclient": true, "context": true, "http": true,
	"strconv": true, "strings": true, "time": true,
}

// predeclared are Go's predeclared identifiers; a variable may shadow them but
// generated code should not.
var predeclared = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true, "clear": true,
	"close": true, "comparable": true, "complex": true, "complex128": true, "complex64": true,
	"copy": true, "delete": true, "error": true, "false": true, "float32": true, "float64": true,
	"imag": true, "int": true, "int16": true, "int32": true, "int64": true, "int8": true,
	"iota": true, "len": true, "make": true, "max": true, "min": true, "new": true, "nil": true,
	"panic": true, "print": true, "println": true, "real": true, "recover": true, "rune": true,
	"string": true, "true": true, "uint": true, "uint16": true, "uint32": true, "uint64": true,
	"uint8": true, "uintptr": true,
}

// varName is the name of a positional parameter variable.
func varName(spec string) string {
	n := unexportedName(spec)
	if n == "" {
		return ""
	}
	if token.IsKeyword(n) || predeclared[n] || reservedLocals[n] {
		n += "Param"
	}
	if unicode.IsDigit(rune(n[0])) {
		n = "p" + n
	}
	return n
}

// enumConstName is the constant name for one enum value of type typ.
func enumConstName(typ, value string) string {
	n := exportedName(value)
	if n == "" {
		return ""
	}
	return typ + n
}

// uniqueName returns name, or name with the smallest numeric suffix from 2 on
// that taken does not hold, and records the result in taken.
func uniqueName(taken map[string]bool, name string) string {
	n := name
	for i := 2; taken[n]; i++ {
		n = name + strconv.Itoa(i)
	}
	taken[n] = true
	return n
}
