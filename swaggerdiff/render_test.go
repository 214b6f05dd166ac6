package swaggerdiff

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func ch(group string, impact Impact, line string) Change {
	return Change{Group: group, Line: line, Impact: impact}
}

func ptr(s string) *string { return &s }

// TestReleaseNotesGolden compares the official layout with release notes
// hand-written from the official Go SDK's releaseNotes.md.
func TestReleaseNotesGolden(t *testing.T) {
	cases := []struct {
		file       string
		apiVersion string
		notes      *string
		changes    []Change
	}{
		{"releasenotes-76.0.0.md", "5907", nil, []Change{
			ch("GET /api/v2/speechandtextanalytics/programs", Major, "Parameter state was added"),
			// Definitions in spec order: PolicyConditions and PunctualityEvent
			// come before LocalizedLabels, hence its place in the Minor section.
			ch("PolicyConditions", Minor, "Optional property customerParticipation was added"),
			ch("PunctualityEvent", Minor, "Optional property activityName was added"),
			ch("LocalizedLabels", Major, "Enum value MessengerHomeTitle was removed from property key"),
			ch("LocalizedLabels", Major, "Enum value MessengerHomeSubTitle was removed from property key"),
			ch("LocalizedLabels", Minor, "Enum value MessengerHomeHeaderTitle was added to property key"),
			ch("LocalizedLabels", Minor, "Enum value MessengerHomeHeaderSubTitle was added to property key"),
		}},
		{"releasenotes-124.1.0.md", "7867", ptr(""), []Change{
			ch("ContactIdentifier", Minor, "Optional property id was added"),
			ch("ContactIdentifier", Minor, "Optional property selfUri was added"),
		}},
		{"releasenotes-all-sections.md", "10311", ptr("Tombstones kept for removed operations."), []Change{
			ch("/api/v2/telephony/providers/edges/{edgeId}/lines/{lineId}", Major, "Path /api/v2/telephony/providers/edges/{edgeId}/lines/{lineId} was removed"),
			ch("GET /api/v2/users/development/activities", Major, "Parameter pass was added"),
			ch("GET /api/v2/users/development/activities", Patch, "Description was changed for parameter pageSize"),
			ch("GET /api/v2/telephony/providers/edges/lines", Patch, "Description was changed for parameter expand"),
			ch("EdgeLine", Minor, "Optional property schedule was added"),
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			got := ReleaseNotes(&Result{Changes: c.changes}, c.apiVersion, c.notes)
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("release notes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReleaseSummaryAndFormats(t *testing.T) {
	res := &Result{Rules: RulesGo, Bump: Major, Changes: []Change{
		{Kind: ParameterAdded, Group: "GET /x", Path: "/x", Method: "GET", Parameter: "q", Line: "Parameter q was added", Impact: Major},
		{Kind: DescriptionChanged, Group: "GET /x", Path: "/x", Method: "GET", Line: "Description was changed", Impact: Patch},
	}}
	want := "Platform API version: 1\n\n\n# Changes in this version\n\n* Major changes: 1\n* Minor changes: 0\n* Point changes: 1\n\nFor the full changelog, read the releaseNotes.md file in the repo."
	if got := string(ReleaseSummary(res, "1", nil)); got != want {
		t.Errorf("summary:\n%q\nwant\n%q", got, want)
	}
	text, _ := Render(res, FormatText)
	if want := "go rules: bump major (1 major, 0 minor, 1 patch)\nmajor\tGET /x\tParameter q was added\npatch\tGET /x\tDescription was changed\n"; string(text) != want {
		t.Errorf("text:\n%s", text)
	}
	data, err := Render(res, FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	var back Result
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(*res, back); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
	if !strings.Contains(string(data), `"impact": "major"`) || !strings.Contains(string(data), `"kind": "parameter-added"`) {
		t.Errorf("JSON field names:\n%s", data)
	}
}

func TestParseNames(t *testing.T) {
	for in, want := range map[string]Impact{"major": Major, "Minor": Minor, "patch": Patch, "point": Patch} {
		if got, err := ParseImpact(in); err != nil || got != want {
			t.Errorf("ParseImpact(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseImpact("huge"); err == nil || !strings.Contains(err.Error(), `unknown bump "huge"`) {
		t.Errorf("ParseImpact(huge): %v", err)
	}
	if r, err := ParseRules(""); err != nil || r != RulesGo {
		t.Errorf("ParseRules(\"\") = %v, %v", r, err)
	}
	if _, err := ParseRules("oficial"); err == nil || !strings.Contains(err.Error(), `unknown rules "oficial": want go or official`) {
		t.Errorf("ParseRules(oficial): %v", err)
	}
	if _, err := ParseFormat("yaml"); err == nil {
		t.Error("ParseFormat(yaml): no error")
	}
}
