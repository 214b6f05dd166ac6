// End-to-end tests of the generated iterator methods of paged listings, one
// per shape the generator detects, against a fake server that serves several
// pages. The whole-spec test copies this file into the generated SDK at
// api/usersapi/ and runs it there.

package usersapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"

	"github.com/purecloud-go/platform-client/sdk/api/agentassistantsapi"
	"github.com/purecloud-go/platform-client/sdk/api/usersapi"
	"github.com/purecloud-go/platform-client/sdk/models"
	"github.com/purecloud-go/platform-client/sdk/platformclient"
)

// pager serves total items ("item-1", ...) in pages of the requested
// pageSize, and records the query of every request.
type pager struct {
	total  int
	failAt string // a page (number or cursor) answered with 500

	mu      sync.Mutex
	queries []string
}

func (p *pager) record(r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.queries = append(p.queries, r.URL.RawQuery)
}

func (p *pager) seen() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.queries...)
}

// entities returns the JSON array of items from (0-based) to from+size.
func (p *pager) entities(from, size int) string {
	s := "["
	for i := from; i < min(from+size, p.total); i++ {
		if i > from {
			s += ","
		}
		s += fmt.Sprintf(`{"id":"item-%d"}`, i+1)
	}
	return s + "]"
}

func start(t *testing.T, h http.HandlerFunc) *platformclient.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := platformclient.NewClient(platformclient.WithBaseURL(srv.URL), platformclient.WithHTTPClient(srv.Client()),
		platformclient.WithAccessToken("t"), platformclient.WithoutRetries())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func pageSize(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("pageSize"))
	if err != nil {
		return 25
	}
	return n
}

// collect ranges over seq, stopping after limit items (0: all).
func collect[T any](seq func(func(T, error) bool), id func(T) string, limit int) ([]string, error) {
	var ids []string
	for item, err := range seq {
		if err != nil {
			return ids, err
		}
		ids = append(ids, id(item))
		if len(ids) == limit {
			break
		}
	}
	return ids, nil
}

func wantIDs(t *testing.T, got []string, from, to int) {
	t.Helper()
	if len(got) != to-from+1 {
		t.Fatalf("got %d items %v, want item-%d to item-%d", len(got), got, from, to)
	}
	for i, id := range got {
		if id != fmt.Sprintf("item-%d", from+i) {
			t.Fatalf("item %d is %s, want item-%d", i, id, from+i)
		}
	}
}

func TestPageNumberIterator(t *testing.T) {
	p := &pager{total: 7}
	c := start(t, func(w http.ResponseWriter, r *http.Request) {
		p.record(r)
		n, _ := strconv.Atoi(r.URL.Query().Get("pageNumber"))
		if r.URL.Query().Get("pageNumber") == p.failAt {
			http.Error(w, `{"message":"boom","code":"internal","status":500}`, http.StatusInternalServerError)
			return
		}
		size := pageSize(r)
		count := (p.total + size - 1) / size
		fmt.Fprintf(w, `{"entities":%s,"pageNumber":%d,"pageSize":%d,"total":%d,"pageCount":%d}`,
			p.entities((n-1)*size, size), n, size, p.total, count)
	})
	api := usersapi.New(c)
	userID := func(u models.User) string { return platformclient.Deref(u.ID) }

	got, err := collect(api.GetUsersIter(t.Context(), &usersapi.GetUsersOptions{PageSize: platformclient.Ptr(int32(3)), State: platformclient.Ptr(usersapi.GetUsersStateActive)}), userID, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, got, 1, 7)
	want := []string{"pageNumber=1&pageSize=3&state=active", "pageNumber=2&pageSize=3&state=active", "pageNumber=3&pageSize=3&state=active"}
	if q := p.seen(); fmt.Sprint(q) != fmt.Sprint(want) {
		t.Errorf("queries %q, want %q", q, want)
	}

	// Lazy: breaking after 4 items fetches 2 pages; a start page is honoured.
	p.queries = nil
	got, _ = collect(api.GetUsersIter(t.Context(), &usersapi.GetUsersOptions{PageSize: platformclient.Ptr(int32(3))}), userID, 4)
	wantIDs(t, got, 1, 4)
	if len(p.seen()) != 2 {
		t.Errorf("breaking after 4 items fetched %d pages, want 2", len(p.seen()))
	}
	p.queries = nil
	got, _ = collect(api.GetUsersIter(t.Context(), &usersapi.GetUsersOptions{PageSize: platformclient.Ptr(int32(3)), PageNumber: platformclient.Ptr(int32(2))}), userID, 0)
	wantIDs(t, got, 4, 7)

	// The first error stops the iteration, after the items before it.
	p.failAt = "2"
	got, err = collect(api.GetUsersIter(t.Context(), &usersapi.GetUsersOptions{PageSize: platformclient.Ptr(int32(3))}), userID, 0)
	var apiErr *platformclient.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 500 || len(got) != 3 {
		t.Errorf("error on page 2: %d items, err %v", len(got), err)
	}

	// A canceled context stops it before any request.
	p.queries = nil
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = collect(api.GetUsersIter(ctx, nil), userID, 0)
	if !errors.Is(err, context.Canceled) || len(p.seen()) != 0 {
		t.Errorf("canceled: %v, %d requests", err, len(p.seen()))
	}
}

func TestCursorIterators(t *testing.T) {
	// The cursor shape: a cursor parameter, and the next cursor in the
	// listing's cursor field (GetUsersQuery).
	p := &pager{total: 5}
	c := start(t, func(w http.ResponseWriter, r *http.Request) {
		p.record(r)
		from, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		size := pageSize(r)
		next := ""
		if from+size < p.total {
			next = fmt.Sprintf(`,"cursor":"%d"`, from+size)
		}
		fmt.Fprintf(w, `{"entities":%s%s}`, p.entities(from, size), next)
	})
	got, err := collect(usersapi.New(c).GetUsersQueryIter(t.Context(), &usersapi.GetUsersQueryOptions{PageSize: platformclient.Ptr(int32(2))}),
		func(u models.User) string { return platformclient.Deref(u.ID) }, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, got, 1, 5)
	if q := p.seen(); fmt.Sprint(q) != "[pageSize=2 cursor=2&pageSize=2 cursor=4&pageSize=2]" {
		t.Errorf("queries %q", q)
	}

	// The after shape: an after parameter, and the next one in nextUri
	// (GetAssistants).
	p = &pager{total: 5}
	c = start(t, func(w http.ResponseWriter, r *http.Request) {
		p.record(r)
		from, _ := strconv.Atoi(r.URL.Query().Get("after"))
		size := pageSize(r)
		next := ""
		if from+size < p.total {
			next = fmt.Sprintf(`,"nextUri":"/api/v2/assistants?pageSize=%d&after=%d"`, size, from+size)
		}
		fmt.Fprintf(w, `{"entities":%s%s}`, p.entities(from, size), next)
	})
	got, err = collect(agentassistantsapi.New(c).GetAssistantsIter(t.Context(), &agentassistantsapi.GetAssistantsOptions{PageSize: platformclient.Ptr("2")}),
		func(a models.Assistant) string { return platformclient.Deref(a.ID) }, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, got, 1, 5)
	if q := p.seen(); fmt.Sprint(q) != "[pageSize=2 after=2&pageSize=2 after=4&pageSize=2]" {
		t.Errorf("queries %q", q)
	}
}
