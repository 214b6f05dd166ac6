// End-to-end tests of generated waiters, one per shape of job state enum
// (FULFILLED/FAILED/CANCELLED/EXPIRED with errorMessage; Success/Failure;
// Complete/Canceled/Error with error.message; Succeeded/Failed with
// errorInformation.message; READY, where the job waits for the caller),
// against a fake job service. The whole-spec test copies this file into the
// generated SDK at api/analyticsapi/ and runs it there.

package analyticsapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/purecloud-go/platform-client/sdk/api/analyticsapi"
	"github.com/purecloud-go/platform-client/sdk/api/architectapi"
	"github.com/purecloud-go/platform-client/sdk/api/recordingapi"
	"github.com/purecloud-go/platform-client/sdk/api/workforcemanagementapi"
	"github.com/purecloud-go/platform-client/sdk/platformclient"
)

// jobs is a fake job service: each job path answers its bodies in turn,
// the last for ever.
type jobs struct {
	mu     sync.Mutex
	bodies map[string][]string
	polls  map[string]int
}

func (j *jobs) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	j.mu.Lock()
	defer j.mu.Unlock()
	bodies, ok := j.bodies[r.URL.Path]
	if !ok || r.Method != http.MethodGet {
		http.Error(w, `{"message":"no such job","status":404}`, http.StatusNotFound)
		return
	}
	j.polls[r.URL.Path]++
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, bodies[min(j.polls[r.URL.Path], len(bodies))-1])
}

func (j *jobs) count(path string) int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.polls[path]
}

func jobClient(t *testing.T, j *jobs) *platformclient.Client {
	t.Helper()
	j.polls = map[string]int{}
	srv := httptest.NewServer(j)
	t.Cleanup(srv.Close)
	c, err := platformclient.NewClient(platformclient.WithBaseURL(srv.URL), platformclient.WithAccessToken("t"),
		platformclient.WithWaitPolicy(platformclient.WaitPolicy{MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestWaiters(t *testing.T) {
	j := &jobs{bodies: map[string][]string{
		"/api/v2/analytics/conversations/details/jobs/ok":   {`{"state":"QUEUED"}`, `{"state":"PENDING"}`, `{"state":"FULFILLED"}`},
		"/api/v2/analytics/conversations/details/jobs/bad":  {`{"state":"PENDING"}`, `{"state":"FAILED","errorMessage":"interval too long"}`},
		"/api/v2/analytics/conversations/details/jobs/slow": {`{"state":"PENDING"}`},
		"/api/v2/flows/export/jobs/e1":                      {`{"status":"Started"}`, `{"status":"Success"}`},
		"/api/v2/flows/export/jobs/e2":                      {`{"status":"Registered"}`, `{"status":"Failure"}`},
		"/api/v2/workforcemanagement/shifttrading/trades/jobs/w1": {`{"status":"Processing"}`,
			`{"status":"Error","error":{"message":"the week is locked"}}`},
		"/api/v2/flows/datatables/dt/export/jobs/x1": {`{"status":"Processing"}`,
			`{"status":"Failed","errorInformation":{"message":"too many rows","code":"bad.request"}}`},
		"/api/v2/recording/jobs/r1": {`{"state":"PENDING"}`, `{"state":"READY"}`},
	}}
	c := jobClient(t, j)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()

	analytics := analyticsapi.New(c)
	st, _, err := analytics.GetAnalyticsConversationsDetailsJobWait(ctx, "ok", nil)
	if err != nil || string(*st.State) != "FULFILLED" || j.count("/api/v2/analytics/conversations/details/jobs/ok") != 3 {
		t.Errorf("fulfilled job: %v, %v; want FULFILLED at the third poll", st, err)
	}
	checkJobError := func(name string, err error, state, message string) {
		t.Helper()
		var jobErr *platformclient.JobError
		if !errors.As(err, &jobErr) || jobErr.State != state || jobErr.Message != message {
			t.Errorf("%s: %v; want a JobError %s: %q", name, err, state, message)
		}
	}
	_, _, err = analytics.GetAnalyticsConversationsDetailsJobWait(ctx, "bad", nil)
	checkJobError("failed analytics job", err, "FAILED", "interval too long")

	architect := architectapi.New(c)
	if ex, _, err := architect.GetFlowsExportJobWait(ctx, "e1", nil); err != nil || string(*ex.Status) != "Success" {
		t.Errorf("flow export: %v, %v; want Success", ex, err)
	}
	_, _, err = architect.GetFlowsExportJobWait(ctx, "e2", nil)
	checkJobError("failed flow export", err, "Failure", "")
	_, _, err = architect.GetFlowsDatatableExportJobWait(ctx, "dt", "x1", nil)
	checkJobError("failed data table export", err, "Failed", "too many rows")

	_, _, err = workforcemanagementapi.New(c).GetWorkforcemanagementShifttradingTradesJobWait(ctx, "w1", nil)
	checkJobError("shift trade job", err, "Error", "the week is locked")

	// READY: the recording job waits for PutRecordingJob; the wait ends.
	if rj, _, err := recordingapi.New(c).GetRecordingJobWait(ctx, "r1", nil); err != nil || string(*rj.State) != "READY" {
		t.Errorf("recording job: %v, %v; want READY", rj, err)
	}

	// A job that never ends: the deadline ends the wait, promptly.
	short, cancelShort := context.WithTimeout(t.Context(), 2*time.Second)
	defer cancelShort()
	start := time.Now()
	st, _, err = analytics.GetAnalyticsConversationsDetailsJobWait(short, "slow", nil)
	if !errors.Is(err, context.DeadlineExceeded) || st == nil || string(*st.State) != "PENDING" {
		t.Errorf("never-ending job: %v, %v; want the PENDING status and DeadlineExceeded", st, err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the wait outlived its 2 s deadline by %v", d-2*time.Second)
	}
	// A job the service does not know: the poll's error ends the wait.
	var apiErr *platformclient.APIError
	if _, _, err := analytics.GetAnalyticsConversationsDetailsJobWait(ctx, "gone", nil); !errors.As(err, &apiErr) || apiErr.StatusCode != 404 {
		t.Errorf("unknown job: %v; want the 404", err)
	}
}
