// What the tombstones of the golden tombstone case do on the wire. The golden
// test copies this file into the generated SDK at api/larderapi/ and runs it
// there; under generator/testdata it is never compiled by the generator
// module.

package larderapi_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/kitchen/sdk/api/larderapi"
	"example.com/kitchen/sdk/platformclient"
)

func server(t *testing.T) (*larderapi.LarderApi, *[]string) {
	t.Helper()
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Method+" "+r.URL.RequestURI())
		if r.Method == http.MethodGet && r.URL.Path == "/api/v2/larder/items/i1" {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"id":"i1","weight":12.5}`))
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	client, err := platformclient.NewClient(platformclient.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return larderapi.New(client), &got
}

// A removed parameter, required or optional, is accepted and not sent.
func TestTombstoneParamsNotSent(t *testing.T) {
	api, got := server(t)
	fresh := true
	item, _, err := api.GetLarderItem(t.Context(), "i1", "top shelf", &larderapi.GetLarderItemOptions{Expand: []larderapi.GetLarderItemExpand{"jar"}, Fresh: &fresh})
	if err != nil {
		t.Fatal(err)
	}
	if len(*got) != 1 || (*got)[0] != "GET /api/v2/larder/items/i1?expand=jar" {
		t.Errorf("requests %q, want only the live parameters sent", *got)
	}
	// A removed property still decodes when a response carries it.
	if item.Weight == nil || *item.Weight != 12.5 {
		t.Errorf("Weight = %v", item.Weight)
	}
}

// A removed operation still sends its request; the API's refusal is an
// *APIError.
func TestTombstoneOperationSends(t *testing.T) {
	api, got := server(t)
	_, err := api.DeleteLarderItem(t.Context(), "i1", nil)
	var apiErr *platformclient.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
		t.Errorf("error %v, want an *APIError with 404", err)
	}
	if len(*got) != 1 || (*got)[0] != "DELETE /api/v2/larder/items/i1" {
		t.Errorf("requests %q", *got)
	}
}

// A value removed from a parameter's enum keeps its constant, which is still
// sent as it is (the API is expected to refuse it), beside the live ones.
func TestTombstoneParamEnumValues(t *testing.T) {
	api, got := server(t)
	opts := &larderapi.GetLarderItemOptions{
		Expand:    []larderapi.GetLarderItemExpand{larderapi.GetLarderItemExpandLid, larderapi.GetLarderItemExpandSeal},
		SortOrder: platformclient.Ptr(larderapi.GetLarderItemSortOrderRandom),
	}
	if _, _, err := api.GetLarderItem(t.Context(), "i1", "top shelf", opts); err != nil {
		t.Fatal(err)
	}
	if len(*got) != 1 || (*got)[0] != "GET /api/v2/larder/items/i1?expand=lid%2Cseal&sortOrder=random" {
		t.Errorf("requests %q", *got)
	}
}
