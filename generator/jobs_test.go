package generator

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/purecloud-go/platform-client/swagger"
)

// TestJobs checks the waiters the real spec gives: which states end a job
// of each state enum shape, where the job's message is read, and the job
// status operations left without a waiter, with why (the SDK README lists
// them).
func TestJobs(t *testing.T) {
	if _, err := os.Stat(realSpec); err != nil {
		t.Skipf("the Platform API spec is not at %s: %v", realSpec, err)
	}
	spec, err := swagger.Load(t.Context(), realSpec, 0)
	if err != nil {
		t.Fatal(err)
	}
	sdk, err := Build(spec, DefaultModule)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*Operation{}
	waiters := 0
	for _, api := range sdk.APIs {
		for _, op := range api.Operations {
			if op.Job != nil {
				waiters++
				byPath[op.Path] = op
			}
		}
	}
	if waiters != 77 || len(byPath) != 68 {
		t.Errorf("%d waiters for %d status operations; want 77 for 68", waiters, len(byPath))
	}
	for _, tc := range []struct {
		path, creator, message string
		succeeded, failed      []string
	}{
		{"/api/v2/analytics/conversations/details/jobs/{jobId}", "PostAnalyticsConversationsDetailsJobs", "errorMessage",
			[]string{"FULFILLED"}, []string{"FAILED", "CANCELLED", "EXPIRED"}},
		// READY: the recording job waits for PUT to execute it.
		{"/api/v2/recording/jobs/{jobId}", "PostRecordingJobs", "errorMessage",
			[]string{"FULFILLED", "READY"}, []string{"CANCELLED", "FAILED"}},
		{"/api/v2/flows/export/jobs/{jobId}", "PostFlowsExportJobs", "",
			[]string{"Success"}, []string{"Failure"}},
		{"/api/v2/workforcemanagement/shifttrading/trades/jobs/{jobId}", "PostWorkforcemanagementShifttradingTradesJobs", "error.message",
			[]string{"Complete"}, []string{"Canceled", "Error"}},
		{"/api/v2/flows/datatables/{datatableId}/export/jobs/{exportJobId}", "PostFlowsDatatableExportJobs", "errorInformation.message",
			[]string{"Succeeded"}, []string{"Failed"}},
		// ValidationCompleted: the import waits for PATCH to start it; an
		// export has no PATCH, so it goes on by itself.
		{"/api/v2/knowledge/knowledgebases/{knowledgeBaseId}/import/jobs/{importJobId}", "PostKnowledgeKnowledgebaseImportJobs", "",
			[]string{"ValidationCompleted", "Completed", "PartialCompleted"}, []string{"ValidationFailed", "Failed", "Aborted"}},
		{"/api/v2/knowledge/knowledgebases/{knowledgeBaseId}/export/jobs/{exportJobId}", "PostKnowledgeKnowledgebaseExportJobs", "errorInformation.message",
			[]string{"Completed", "PartialCompleted"}, []string{"ValidationFailed", "Failed", "Aborted"}},
		{"/api/v2/routing/assessments/jobs/{jobId}", "PostRoutingAssessmentsJobs", "",
			[]string{"Finished"}, nil},
	} {
		op := byPath[tc.path]
		if op == nil {
			t.Errorf("%s: no waiter", tc.path)
			continue
		}
		j := op.Job
		msg := ""
		if j.Message != nil {
			msg = j.Message.JSON
			if j.MessageIn != nil {
				msg = j.MessageIn.JSON + "." + msg
			}
		}
		if j.Creator.Name != tc.creator || msg != tc.message || !slices.Equal(j.Succeeded, tc.succeeded) || !slices.Equal(j.Failed, tc.failed) || j.Method != op.Name+"Wait" {
			t.Errorf("%s: %s created by %s, message %q, succeeded %v, failed %v; want %sWait created by %s, %q, %v, %v",
				tc.path, j.Method, j.Creator.Name, msg, j.Succeeded, j.Failed, op.Name, tc.creator, tc.message, tc.succeeded, tc.failed)
		}
	}
	var notes []string
	for _, n := range sdk.JobNotes {
		reason, _, _ := strings.Cut(n.Reason, " (")
		notes = append(notes, fmt.Sprintf("%s %s: %s", n.API, n.Op.Path, reason))
	}
	want := []string{
		"CoachingApi /api/v2/coaching/scheduleslots/jobs/{jobId}: the result",
		"ArchitectApi /api/v2/flows/instances/jobs/{jobId}: the result",
		"AIStudioApi /api/v2/guides/{guideId}/jobs/{jobId}: no POST /api/v2/guides/{guideId}/jobs creates the job",
		"JourneyApi /api/v2/journey/actionmaps/estimates/jobs/{jobId}: the result is not a model",
		"LearningApi /api/v2/learning/scheduleslots/jobs/{jobId}: the result",
		"OutboundApi /api/v2/outbound/contactlists/{contactListId}/contacts/bulk/jobs/{jobId}: no POST /api/v2/outbound/contactlists/{contactListId}/contacts/bulk/jobs creates the job",
		"SpeechTextAnalyticsApi /api/v2/speechandtextanalytics/programs/topiclinks/jobs/{jobId}: no POST /api/v2/speechandtextanalytics/programs/topiclinks/jobs creates the job",
		"TelephonyProvidersEdgeApi /api/v2/telephony/providers/edges/{edgeId}/logs/jobs/{jobId}: the state of EdgeLogsJob",
		"UsageApi /api/v2/usage/aggregates/query/jobs/{jobId}: the result",
		"UsageApi /api/v2/usage/client/{clientId}/aggregates/query/jobs/{jobId}: the result",
		"WorkforceManagementApi /api/v2/workforcemanagement/adherence/explanations/jobs/{jobId}: no POST /api/v2/workforcemanagement/adherence/explanations/jobs creates the job",
		"WorkforceManagementApi /api/v2/workforcemanagement/adherence/historical/bulk/jobs/{jobId}: the result",
		"WorkforceManagementApi /api/v2/workforcemanagement/adherence/historical/jobs/{jobId}: the result",
		"WorkforceManagementApi /api/v2/workforcemanagement/agents/me/adherence/historical/jobs/{jobId}: the result",
		"WorkforceManagementApi /api/v2/workforcemanagement/alternativeshifts/trades/jobs/{jobId}: no POST /api/v2/workforcemanagement/alternativeshifts/trades/jobs creates the job",
		"WorkforceManagementApi /api/v2/workforcemanagement/alternativeshifts/trades/state/jobs/{jobId}: no POST /api/v2/workforcemanagement/alternativeshifts/trades/state/jobs creates the job",
		"WorkforceManagementApi /api/v2/workforcemanagement/businessunits/{businessUnitId}/alternativeshifts/trades/search/jobs/{jobId}: no POST /api/v2/workforcemanagement/businessunits/{businessUnitId}/alternativeshifts/trades/search/jobs creates the job",
		"WorkforceManagementApi /api/v2/workforcemanagement/historicaldata/importstatus/{jobId}: the result",
		"WorkforceManagementApi /api/v2/workforcemanagement/integrations/hris/timeofftypes/jobs/{jobId}: no POST /api/v2/workforcemanagement/integrations/hris/timeofftypes/jobs creates the job",
		"WorkforceManagementApi /api/v2/workforcemanagement/schedulingjobs/{jobId}: no POST /api/v2/workforcemanagement/schedulingjobs creates the job",
		"WorkforceManagementApi /api/v2/workforcemanagement/shrinkage/jobs/{jobId}: no POST /api/v2/workforcemanagement/shrinkage/jobs creates the job",
	}
	if !slices.Equal(notes, want) {
		t.Errorf("job status operations without a waiter:\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
}
