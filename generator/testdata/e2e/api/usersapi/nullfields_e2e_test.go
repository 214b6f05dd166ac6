// End-to-end tests of NullFields, the option of every operation whose body
// is a JSON object, through a generated method. The whole-spec test copies
// this file into the generated SDK at api/usersapi/ and runs it there.

package usersapi_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/purecloud-go/platform-client/sdk/api/usersapi"
	"github.com/purecloud-go/platform-client/sdk/models"
	"github.com/purecloud-go/platform-client/sdk/platformclient"
)

// bodyRecorder is a fake API that records the request bodies.
type bodyRecorder struct {
	mu     sync.Mutex
	bodies []string
}

func (b *bodyRecorder) serve(t *testing.T) *platformclient.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		b.mu.Lock()
		b.bodies = append(b.bodies, r.Method+" "+r.URL.Path+" "+string(data))
		b.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"u1"}`)
	}))
	t.Cleanup(srv.Close)
	c, err := platformclient.NewClient(platformclient.WithBaseURL(srv.URL), platformclient.WithAccessToken("tok"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (b *bodyRecorder) sent() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.bodies...)
}

func TestNullFieldsOnTheWire(t *testing.T) {
	var rec bodyRecorder
	api := usersapi.New(rec.serve(t))
	name := "Jo"
	body := &models.UpdateUser{Name: &name, Version: platformclient.Ptr(int32(3))}
	// Without NullFields, nil fields are left out.
	if _, _, err := api.PatchUser(t.Context(), "u1", body, nil); err != nil {
		t.Fatal(err)
	}
	// With them, the listed properties are null, nested ones too.
	opts := &usersapi.PatchUserOptions{NullFields: []string{"manager", "addresses", "biography.hobbies"}}
	if _, _, err := api.PatchUser(t.Context(), "u1", body, opts); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`PATCH /api/v2/users/u1 {"name":"Jo","version":3}`,
		`PATCH /api/v2/users/u1 {"name":"Jo","version":3,"manager":null,"addresses":null,"biography":{"hobbies":null}}`,
	}
	got := rec.sent()
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("sent\n%q\nwant\n%q", got, want)
	}
	// A path the body's type does not have fails before anything is sent.
	for _, bad := range []string{"managr", "name.first", "addresses.street", "biography.", ""} {
		_, _, err := api.PatchUser(t.Context(), "u1", body, &usersapi.PatchUserOptions{NullFields: []string{bad}})
		var pe *platformclient.ParamError
		if !errors.As(err, &pe) || pe.Param != "NullFields" || pe.Operation != "patchUser" {
			t.Errorf("NullFields %q: err = %v", bad, err)
		}
	}
	if n := len(rec.sent()); n != 2 {
		t.Errorf("bad paths sent %d requests", n-2)
	}
}
