// End-to-end test of an operation whose body is a string holding a JSON
// document: it is sent as it is. The whole-spec test copies this file into
// the generated SDK at api/processautomationapi/ and runs it there.

package processautomationapi_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/purecloud-go/platform-client/sdk/api/processautomationapi"
	"github.com/purecloud-go/platform-client/sdk/platformclient"
)

func TestStringBodySentAsIs(t *testing.T) {
	var gotBody, gotType string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		gotBody, gotType = string(data), r.Header.Get("Content-Type")
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	c, err := platformclient.NewClient(platformclient.WithBaseURL(srv.URL), platformclient.WithAccessToken("tok"))
	if err != nil {
		t.Fatal(err)
	}
	api := processautomationapi.New(c)
	doc := `{"a":1,"b":["x"]}`
	if _, _, err := api.PostProcessautomationTriggerTest(t.Context(), "t1", &processautomationapi.PostProcessautomationTriggerTestOptions{Body: &doc}); err != nil {
		t.Fatal(err)
	}
	if gotBody != doc || gotType != "application/json" {
		t.Errorf("PostProcessautomationTriggerTest sent %q (%s), want %q", gotBody, gotType, doc)
	}
	if _, _, err := api.PostProcessautomationTriggersTopicTest(t.Context(), "topic", &processautomationapi.PostProcessautomationTriggersTopicTestOptions{Body: &doc}); err != nil {
		t.Fatal(err)
	}
	if gotBody != doc {
		t.Errorf("PostProcessautomationTriggersTopicTest sent %q, want %q", gotBody, doc)
	}
}
