// End-to-end tests of the iterator methods of the paging shapes beyond GET
// listings with entities: analytics job results walked by cursor, searches
// walked by q64, and POST queries that page through their body or their
// query. Each fake server serves several pages and checks what it is asked.
// The whole-spec test copies this file into the generated SDK at
// api/usersapi/ and runs it there, beside paging_e2e_test.go.

package usersapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/purecloud-go/platform-client/sdk/api/businessrulesapi"
	"github.com/purecloud-go/platform-client/sdk/api/conversationsapi"
	"github.com/purecloud-go/platform-client/sdk/api/taskmanagementapi"
	"github.com/purecloud-go/platform-client/sdk/api/usageapi"
	"github.com/purecloud-go/platform-client/sdk/api/usersapi"
	"github.com/purecloud-go/platform-client/sdk/api/usersrulesapi"
	"github.com/purecloud-go/platform-client/sdk/models"
	"github.com/purecloud-go/platform-client/sdk/platformclient"
)

// bodies records the raw bodies and queries of the requests a fake server
// gets.
type bodies struct {
	mu      sync.Mutex
	raw     []string
	queries []string
}

// read records r's body and query and decodes the body into v (unless nil).
func (b *bodies) read(t *testing.T, r *http.Request, v any) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		t.Error(err)
	}
	b.mu.Lock()
	b.raw = append(b.raw, string(data))
	b.queries = append(b.queries, r.URL.RawQuery)
	b.mu.Unlock()
	if v != nil {
		if err := json.Unmarshal(data, v); err != nil {
			t.Errorf("request body %s: %v", data, err)
		}
	}
}

func (b *bodies) seen() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.raw...)
}

func (b *bodies) query() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.queries...)
}

func (b *bodies) reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.raw, b.queries = nil, nil
}

// items returns the JSON array of the items from (0-based) to from+size of
// a listing of total, each an object with its id in key.
func items(key string, from, size, total int) string {
	var s []string
	for i := from; i < min(from+size, total); i++ {
		s = append(s, fmt.Sprintf(`{%q:"item-%d"}`, key, i+1))
	}
	return "[" + strings.Join(s, ",") + "]"
}

// drain ranges over all of seq and returns the ids of its items and every
// error it yielded.
func drain[T any](seq func(func(T, error) bool), id func(T) string) (ids []string, errs []error) {
	for item, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, id(item))
	}
	return ids, errs
}

func boom(w http.ResponseWriter) {
	http.Error(w, `{"message":"boom","code":"internal","status":500}`, http.StatusInternalServerError)
}

func userID(u models.User) string { return platformclient.Deref(u.ID) }

// TestBodyPageNumberIterator: a search that pages through the pageNumber of
// its body (PostUsersSearch), whose server checks the page number and size
// it is sent.
func TestBodyPageNumberIterator(t *testing.T) {
	const total = 7
	var rec bodies
	failAt := 0
	ignorePage := false
	c := start(t, func(w http.ResponseWriter, r *http.Request) {
		var req models.UserSearchRequest
		rec.read(t, r, &req)
		n := int(platformclient.Deref(req.PageNumber))
		if n == 0 {
			n = 1 // the API's default
		}
		if ignorePage {
			n = 1
		}
		if n == failAt {
			boom(w)
			return
		}
		size := int(platformclient.Deref(req.PageSize))
		if size == 0 {
			size = 25
		}
		count := (total + size - 1) / size
		if ignorePage {
			count = 1000
		}
		fmt.Fprintf(w, `{"results":%s,"pageNumber":%d,"pageSize":%d,"total":%d,"pageCount":%d,"types":["users"]}`,
			items("id", (n-1)*size, size, total), n, size, total, count)
	})
	api := usersapi.New(c)
	body := &models.UserSearchRequest{PageSize: platformclient.Ptr(int32(3)), Query: []models.UserSearchCriteria{{Value: platformclient.Ptr("ann")}}}
	before, _ := json.Marshal(body)

	// The plain method's request, for the iterator's first one.
	if _, _, err := api.PostUsersSearch(t.Context(), body, nil); err != nil {
		t.Fatal(err)
	}
	plain := rec.seen()[0]
	rec.reset()

	ids, errs := drain(api.PostUsersSearchIter(t.Context(), body, nil), userID)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantIDs(t, ids, 1, 7)
	sent := rec.seen()
	if len(sent) != 3 || sent[0] != plain {
		t.Fatalf("requests %q; want 3, the first %s", sent, plain)
	}
	for i, s := range sent[1:] {
		var req models.UserSearchRequest
		_ = json.Unmarshal([]byte(s), &req)
		if platformclient.Deref(req.PageNumber) != int32(i+2) || platformclient.Deref(req.PageSize) != 3 || len(req.Query) != 1 {
			t.Errorf("request %d: %s", i+2, s)
		}
	}
	if after, _ := json.Marshal(body); string(after) != string(before) || body.PageNumber != nil {
		t.Errorf("the caller's body changed: %s, was %s", after, before)
	}

	// Lazy: breaking after 4 items fetches 2 pages; a start page is honoured.
	rec.reset()
	got, _ := collect(api.PostUsersSearchIter(t.Context(), body, nil), userID, 4)
	wantIDs(t, got, 1, 4)
	if len(rec.seen()) != 2 {
		t.Errorf("breaking after 4 items fetched %d pages, want 2", len(rec.seen()))
	}
	from2 := *body
	from2.PageNumber = platformclient.Ptr(int32(2))
	got, _ = collect(api.PostUsersSearchIter(t.Context(), &from2, nil), userID, 0)
	wantIDs(t, got, 4, 7)

	// An error on page 3 is yielded once, after the items before it.
	failAt = 3
	ids, errs = drain(api.PostUsersSearchIter(t.Context(), body, nil), userID)
	var apiErr *platformclient.APIError
	if len(errs) != 1 || !errors.As(errs[0], &apiErr) || apiErr.StatusCode != 500 || len(ids) != 6 {
		t.Errorf("error on page 3: %d items, errors %v", len(ids), errs)
	}
	failAt = 0

	// A canceled context stops it before the next request.
	rec.reset()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	ids, errs = nil, nil
	for u, err := range api.PostUsersSearchIter(ctx, body, nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, userID(u))
		cancel()
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) || len(ids) != 3 || len(rec.seen()) != 1 {
		t.Errorf("canceled after the first item: %d items, errors %v, %d requests", len(ids), errs, len(rec.seen()))
	}

	// A server that ignores the page number and announces 1000 pages: the
	// walk ends at the second page, which is the first again.
	ignorePage = true
	rec.reset()
	ids, errs = drain(api.PostUsersSearchIter(t.Context(), body, nil), userID)
	if len(errs) != 1 || !errors.Is(errs[0], platformclient.ErrRepeatedPage) || len(ids) != 3 || len(rec.seen()) != 2 {
		t.Errorf("server ignoring the page: %d items, errors %v, %d requests", len(ids), errs, len(rec.seen()))
	}
}

// TestBodyPagingIterator: an analytics query paged by the pageNumber of the
// paging object of its body, whose listing gives totalHits and no
// pageCount (PostAnalyticsUsersDetailsQuery).
func TestBodyPagingIterator(t *testing.T) {
	const total = 7
	var rec bodies
	c := start(t, func(w http.ResponseWriter, r *http.Request) {
		var req models.UserDetailsQuery
		rec.read(t, r, &req)
		if req.Paging == nil {
			t.Errorf("no paging in %s", rec.seen()[len(rec.seen())-1])
			return
		}
		n := max(int(platformclient.Deref(req.Paging.PageNumber)), 1)
		size := int(platformclient.Deref(req.Paging.PageSize))
		fmt.Fprintf(w, `{"userDetails":%s,"totalHits":%d}`, items("userId", (n-1)*size, size, total), total)
	})
	paging := &models.PagingSpec{PageSize: platformclient.Ptr(int32(3))}
	body := &models.UserDetailsQuery{Interval: platformclient.Ptr("2026-01-01T00:00:00Z/2026-01-02T00:00:00Z"), Paging: paging}
	before, _ := json.Marshal(body)
	ids, errs := drain(usersapi.New(c).PostAnalyticsUsersDetailsQueryIter(t.Context(), body, nil),
		func(d models.AnalyticsUserDetail) string { return platformclient.Deref(d.UserID) })
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantIDs(t, ids, 1, 7)
	var pages []string
	for _, s := range rec.seen() {
		var req models.UserDetailsQuery
		_ = json.Unmarshal([]byte(s), &req)
		pages = append(pages, fmt.Sprint(platformclient.Deref(req.Paging.PageNumber), "/", platformclient.Deref(req.Paging.PageSize), " ", platformclient.Deref(req.Interval)))
	}
	want := "[0/3 2026-01-01T00:00:00Z/2026-01-02T00:00:00Z 2/3 2026-01-01T00:00:00Z/2026-01-02T00:00:00Z 3/3 2026-01-01T00:00:00Z/2026-01-02T00:00:00Z]"
	if fmt.Sprint(pages) != want {
		t.Errorf("pages asked %v, want %s", pages, want)
	}
	if after, _ := json.Marshal(body); string(after) != string(before) || body.Paging != paging || paging.PageNumber != nil {
		t.Errorf("the caller's body or its paging changed: %s, was %s", after, before)
	}
}

// TestBodyCursorIterators: queries paged by an after or cursor property of
// their body, the next one in the listing's after or cursor, the walk ending
// with an absent one (PostTaskmanagementWorkbinsQuery); and a search whose
// items the spec gives no type (PostConversationsParticipantsAttributesSearch).
func TestBodyCursorIterators(t *testing.T) {
	const total = 5
	var rec bodies
	cycle := false
	c := start(t, func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			After, Cursor string
			PageSize      int
		}
		rec.read(t, r, &req)
		at := req.After + req.Cursor
		from, _ := strconv.Atoi(at)
		size := max(req.PageSize, 2)
		next := ""
		if from+size < total {
			next = strconv.Itoa(from + size)
		}
		if cycle {
			next = map[string]string{"": "a", "a": "b", "b": "a"}[at]
		}
		if strings.Contains(r.URL.Path, "workbins") {
			if next != "" {
				next = fmt.Sprintf(`,"after":%q`, next)
			}
			fmt.Fprintf(w, `{"entities":%s%s}`, items("id", from, size, total), next)
			return
		}
		if next != "" {
			next = fmt.Sprintf(`,"cursor":%q`, next)
		}
		fmt.Fprintf(w, `{"results":%s%s,"types":["conversations"]}`, items("id", from, size, total), next)
	})
	body := &models.WorkbinQueryRequest{PageSize: platformclient.Ptr(int32(2)), Attributes: []string{"name"}}
	before, _ := json.Marshal(body)
	tm := taskmanagementapi.New(c)
	ids, errs := drain(tm.PostTaskmanagementWorkbinsQueryIter(t.Context(), body, nil),
		func(w models.Workbin) string { return platformclient.Deref(w.ID) })
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantIDs(t, ids, 1, 5)
	if got := fmt.Sprint(rec.seen()); got != `[{"pageSize":2,"attributes":["name"]} {"pageSize":2,"attributes":["name"],"after":"2"} {"pageSize":2,"attributes":["name"],"after":"4"}]` {
		t.Errorf("requests %s", got)
	}
	if after, _ := json.Marshal(body); string(after) != string(before) {
		t.Errorf("the caller's body changed: %s, was %s", after, before)
	}

	// Raw items, by the cursor of the body.
	rec.reset()
	ids, errs = drain(conversationsapi.New(c).PostConversationsParticipantsAttributesSearchIter(t.Context(), &models.ConversationParticipantSearchRequest{}, nil),
		func(raw json.RawMessage) string {
			var v struct{ ID string }
			_ = json.Unmarshal(raw, &v)
			return v.ID
		})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantIDs(t, ids, 1, 5)
	if got := fmt.Sprint(rec.seen()); got != `[{} {"cursor":"2"} {"cursor":"4"}]` {
		t.Errorf("requests %s", got)
	}

	// Cursors that cycle (a, b, a): an error, not an endless walk.
	cycle = true
	rec.reset()
	ids, errs = drain(tm.PostTaskmanagementWorkbinsQueryIter(t.Context(), body, nil),
		func(w models.Workbin) string { return platformclient.Deref(w.ID) })
	if len(errs) != 1 || !errors.Is(errs[0], platformclient.ErrRepeatedPage) || len(rec.seen()) != 3 {
		t.Errorf("cycling cursors: %d items, errors %v, %d requests", len(ids), errs, len(rec.seen()))
	}
}

// TestJobResultsIterator: analytics job results walked by the cursor query
// parameter (GetAnalyticsUsersDetailsJobResults), the last page without a
// cursor; an error on page 3; a server whose cursors cycle.
func TestJobResultsIterator(t *testing.T) {
	const total = 7
	var rec bodies
	cycle := false
	c := start(t, func(w http.ResponseWriter, r *http.Request) {
		rec.read(t, r, nil)
		if !strings.HasSuffix(r.URL.Path, "/jobs/j1/results") {
			t.Errorf("path %s", r.URL.Path)
		}
		at := r.URL.Query().Get("cursor")
		from, _ := strconv.Atoi(strings.TrimPrefix(at, "c"))
		size := pageSize(r)
		next := ""
		if from+size < total {
			next = fmt.Sprintf(`,"cursor":"c%d"`, from+size)
		}
		if cycle {
			next = fmt.Sprintf(`,"cursor":%q`, map[string]string{"": "c1", "c1": "c2", "c2": "c3", "c3": "c1"}[at])
		}
		fmt.Fprintf(w, `{"userDetails":%s%s}`, items("userId", from, size, total), next)
	})
	api := usersapi.New(c)
	id := func(d models.AnalyticsUserDetail) string { return platformclient.Deref(d.UserID) }
	opts := &usersapi.GetAnalyticsUsersDetailsJobResultsOptions{PageSize: platformclient.Ptr(int32(3))}
	ids, errs := drain(api.GetAnalyticsUsersDetailsJobResultsIter(t.Context(), "j1", opts), id)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantIDs(t, ids, 1, 7)
	if q := fmt.Sprint(rec.query()); q != "[pageSize=3 cursor=c3&pageSize=3 cursor=c6&pageSize=3]" {
		t.Errorf("queries %s", q)
	}
	if opts.Cursor != nil {
		t.Errorf("the caller's options changed: cursor %q", *opts.Cursor)
	}

	// Page 3 fails: the error once, after 6 items.
	rec.reset()
	c2 := start(t, func(w http.ResponseWriter, r *http.Request) {
		rec.read(t, r, nil)
		n, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		if n == 2 {
			boom(w)
			return
		}
		fmt.Fprintf(w, `{"userDetails":%s,"cursor":"%d"}`, items("userId", n*3, 3, 100), n+1)
	})
	ids, errs = drain(usersapi.New(c2).GetAnalyticsUsersDetailsJobResultsIter(t.Context(), "j1", nil), id)
	var apiErr *platformclient.APIError
	if len(errs) != 1 || !errors.As(errs[0], &apiErr) || len(ids) != 6 || len(rec.seen()) != 3 {
		t.Errorf("error on page 3: %d items, errors %v, %d requests", len(ids), errs, len(rec.seen()))
	}

	// Cursors c1, c2, c3, then c1 again: an error after 4 pages.
	cycle = true
	rec.reset()
	ids, errs = drain(api.GetAnalyticsUsersDetailsJobResultsIter(t.Context(), "j1", &usersapi.GetAnalyticsUsersDetailsJobResultsOptions{PageSize: platformclient.Ptr(int32(1))}), id)
	if len(errs) != 1 || !errors.Is(errs[0], platformclient.ErrRepeatedPage) || len(rec.seen()) != 4 {
		t.Errorf("cycling cursors: %d items, errors %v, %d requests", len(ids), errs, len(rec.seen()))
	}
}

// TestQ64Iterator: a search walked by its q64 argument, the listing giving
// the q64 of the next page in nextPage (GetUsersSearch).
func TestQ64Iterator(t *testing.T) {
	const total = 7
	var rec bodies
	c := start(t, func(w http.ResponseWriter, r *http.Request) {
		rec.read(t, r, nil)
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Query().Get("q64"), "q-page"))
		next := ""
		if n*3 < total {
			next = fmt.Sprintf(`,"nextPage":"q-page%d"`, n+1)
		}
		fmt.Fprintf(w, `{"results":%s,"pageNumber":%d,"pageSize":3,"pageCount":3,"total":%d%s,"types":["users"]}`, items("id", (n-1)*3, 3, total), n, total, next)
	})
	ids, errs := drain(usersapi.New(c).GetUsersSearchIter(t.Context(), "q-page1", &usersapi.GetUsersSearchOptions{Expand: []string{"groups"}}), userID)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantIDs(t, ids, 1, 7)
	if q := fmt.Sprint(rec.query()); q != "[expand=groups&q64=q-page1 expand=groups&q64=q-page2 expand=groups&q64=q-page3]" {
		t.Errorf("queries %s", q)
	}
}

// TestPostQueryIterators: POST queries paged in their query string: by a
// pageNumber whose listing gives no counts (PostUsersRulesQuery, ending at
// its short last page, the first request being the plain method's), and by
// an after cursor read from the after of the listing's cursors object
// (GetUsageSimplesearchExecutionIdResults).
func TestPostQueryIterators(t *testing.T) {
	const total = 7
	var rec bodies
	c := start(t, func(w http.ResponseWriter, r *http.Request) {
		rec.read(t, r, nil)
		size := pageSize(r)
		if strings.Contains(r.URL.Path, "usage") {
			from, _ := strconv.Atoi(r.URL.Query().Get("after"))
			next := ""
			if from+size < total {
				next = fmt.Sprintf(`,"cursors":{"after":"%d"}`, from+size)
			}
			fmt.Fprintf(w, `{"results":%s%s,"queryStatus":"Complete"}`, items("userId", from, size, total), next)
			return
		}
		n := max(1, func() int { n, _ := strconv.Atoi(r.URL.Query().Get("pageNumber")); return n }())
		fmt.Fprintf(w, `{"entities":%s,"pageNumber":%d,"pageSize":%d}`, items("id", (n-1)*size, size, total), n, size)
	})
	body := &models.UsersRulesQueryRuleRequest{UserIDs: []string{"u1"}}
	ids, errs := drain(usersrulesapi.New(c).PostUsersRulesQueryIter(t.Context(), body, &usersrulesapi.PostUsersRulesQueryOptions{PageSize: platformclient.Ptr(int32(3))}),
		func(u models.UserReference) string { return platformclient.Deref(u.ID) })
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantIDs(t, ids, 1, 7)
	if q := fmt.Sprint(rec.query()); q != "[pageSize=3 pageNumber=2&pageSize=3 pageNumber=3&pageSize=3]" {
		t.Errorf("queries %s", q)
	}
	if b := rec.seen(); !reflect.DeepEqual(b, []string{`{"userIds":["u1"]}`, `{"userIds":["u1"]}`, `{"userIds":["u1"]}`}) {
		t.Errorf("bodies %q", b)
	}

	rec.reset()
	ids, errs = drain(usageapi.New(c).GetUsageSimplesearchExecutionIdResultsIter(t.Context(), "e1", &usageapi.GetUsageSimplesearchExecutionIdResultsOptions{PageSize: platformclient.Ptr(int32(3))}),
		func(u models.ApiUsageRow) string { return platformclient.Deref(u.UserID) })
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantIDs(t, ids, 1, 7)
	if q := fmt.Sprint(rec.query()); q != "[pageSize=3 after=3&pageSize=3 after=6&pageSize=3]" {
		t.Errorf("queries %s", q)
	}
}

// TestStringPageNumberIterator: a POST search whose pageNumber query
// parameter the spec types as a string
// (PostBusinessrulesDecisiontableVersionRowsSearch): formatted for each page,
// the start page parsed, the first request the plain method's.
func TestStringPageNumberIterator(t *testing.T) {
	const total = 7
	var rec bodies
	c := start(t, func(w http.ResponseWriter, r *http.Request) {
		rec.read(t, r, nil)
		n := max(1, func() int { n, _ := strconv.Atoi(r.URL.Query().Get("pageNumber")); return n }())
		size := pageSize(r)
		fmt.Fprintf(w, `{"entities":%s,"pageNumber":%d,"pageSize":%d,"total":%d,"pageCount":%d}`, items("id", (n-1)*size, size, total), n, size, total, (total+size-1)/size)
	})
	api := businessrulesapi.New(c)
	id := func(r models.DecisionTableRow) string { return platformclient.Deref(r.ID) }
	body := &models.SearchDecisionTableRowsRequest{}
	ids, errs := drain(api.PostBusinessrulesDecisiontableVersionRowsSearchIter(t.Context(), "t1", 2, body, &businessrulesapi.PostBusinessrulesDecisiontableVersionRowsSearchOptions{PageSize: platformclient.Ptr("3")}), id)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantIDs(t, ids, 1, 7)
	if q := fmt.Sprint(rec.query()); q != "[pageSize=3 pageNumber=2&pageSize=3 pageNumber=3&pageSize=3]" {
		t.Errorf("queries %s", q)
	}
	rec.reset()
	ids, errs = drain(api.PostBusinessrulesDecisiontableVersionRowsSearchIter(t.Context(), "t1", 2, body, &businessrulesapi.PostBusinessrulesDecisiontableVersionRowsSearchOptions{PageSize: platformclient.Ptr("3"), PageNumber: platformclient.Ptr("2")}), id)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	wantIDs(t, ids, 4, 7)
	if q := fmt.Sprint(rec.query()); q != "[pageNumber=2&pageSize=3 pageNumber=3&pageSize=3]" {
		t.Errorf("queries from page 2: %s", q)
	}
}
