package swaggerdiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// ReleaseNotes renders the release notes in the official layout, byte for
// byte: "Platform API version: <apiVersion>" and two blank lines, then notes
// and a blank line when notes is not nil (the official RELEASE_NOTES
// variable: defined, even empty), then the Major, Minor and Point sections,
// always all three. apiVersion is the Platform API build the spec was taken
// from (the official pipeline reads BuildVersion from the API's health
// check; here the caller passes it, as this package makes no network call).
// Patch changes are the official "Point" ones.
func ReleaseNotes(res *Result, apiVersion string, notes *string) []byte {
	var b bytes.Buffer
	b.WriteString("Platform API version: " + apiVersion + "\n\n\n")
	if notes != nil {
		b.WriteString(*notes + "\n\n")
	}
	writeSections(&b, res)
	return b.Bytes()
}

// ReleaseNoteDetail renders the sections of the release notes alone (the
// official releaseNoteDetail.md, also the markdown format of `diff`).
func ReleaseNoteDetail(res *Result) []byte {
	var b bytes.Buffer
	writeSections(&b, res)
	return b.Bytes()
}

// ReleaseSummary renders the official GitHub release text: the header, the
// notes, the three counts and a pointer to the full notes, without a final
// newline.
func ReleaseSummary(res *Result, apiVersion string, notes *string) []byte {
	var b bytes.Buffer
	b.WriteString("Platform API version: " + apiVersion + "\n\n\n")
	if notes != nil {
		b.WriteString(*notes + "\n\n")
	}
	fmt.Fprintf(&b, "# Changes in this version\n\n* Major changes: %d\n* Minor changes: %d\n* Point changes: %d\n\n",
		res.Count(Major), res.Count(Minor), res.Count(Patch))
	b.WriteString("For the full changelog, read the releaseNotes.md file in the repo.")
	return b.Bytes()
}

func plural(n int) string {
	if n == 1 {
		return "1 change"
	}
	return fmt.Sprintf("%d changes", n)
}

func writeSections(b *bytes.Buffer, res *Result) {
	// Groups in the order of their first change, whatever its impact.
	var order []string
	first := map[string]bool{}
	for _, c := range res.Changes {
		if !first[c.Group] {
			first[c.Group] = true
			order = append(order, c.Group)
		}
	}
	sections := []struct {
		title  string
		impact Impact
	}{{"Major", Major}, {"Minor", Minor}, {"Point", Patch}}
	for i, s := range sections {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(b, "# %s Changes (%s)\n", s.title, plural(res.Count(s.impact)))
		byGroup := map[string][]string{}
		for _, c := range res.Changes {
			if c.Impact == s.impact {
				byGroup[c.Group] = append(byGroup[c.Group], c.Line)
			}
		}
		for _, g := range order {
			lines := byGroup[g]
			if len(lines) == 0 {
				continue
			}
			fmt.Fprintf(b, "\n**%s** (%s)\n\n", g, plural(len(lines)))
			for _, l := range lines {
				b.WriteString("* " + l + "\n")
			}
		}
	}
}

// Text renders the changes for a terminal: a summary line, then one line per
// change: impact, group, text, tab-separated.
func Text(res *Result) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s rules: bump %s (%d major, %d minor, %d patch)\n",
		res.Rules, res.Bump, res.Count(Major), res.Count(Minor), res.Count(Patch))
	for _, c := range res.Changes {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", c.Impact, c.Group, c.Line)
	}
	return b.Bytes()
}

// Markdown renders the changes as the sections of the release notes.
func Markdown(res *Result) []byte { return ReleaseNoteDetail(res) }

// JSON renders the result as indented JSON: {"rules", "changes": [{"kind",
// "group", "path", "method", "parameter", "model", "property", "line",
// "impact"}], "bump"}, impacts as names.
func JSON(res *Result) ([]byte, error) {
	data, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// Format names an output format of `diff`.
type Format string

// The output formats.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatJSON     Format = "json"
)

// ParseFormat reads a format name; "" means text.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case "":
		return FormatText, nil
	case FormatText, FormatMarkdown, FormatJSON:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q: want text, markdown or json", s)
}

// Render renders res in format f.
func Render(res *Result, f Format) ([]byte, error) {
	switch f {
	case FormatText, "":
		return Text(res), nil
	case FormatMarkdown:
		return Markdown(res), nil
	case FormatJSON:
		return JSON(res)
	}
	return nil, fmt.Errorf("unknown format %q", f)
}
