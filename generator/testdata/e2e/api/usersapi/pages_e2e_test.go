// End-to-end tests of the generated page views (XPages) and of concurrent
// paging through a generated iterator. The whole-spec test copies this file
// into the generated SDK at api/usersapi/ and runs it there.

package usersapi_test

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/purecloud-go/platform-client/sdk/api/usersapi"
	"github.com/purecloud-go/platform-client/sdk/models"
	"github.com/purecloud-go/platform-client/sdk/platformclient"
)

// usersPager serves GET /api/v2/users by page number, each page after
// delay, counting the requests in flight.
func usersPager(t *testing.T, p *pager, delay time.Duration) (*usersapi.UsersApi, *atomic.Int64) {
	var inFlight, most atomic.Int64
	c := start(t, func(w http.ResponseWriter, r *http.Request) {
		p.record(r)
		now := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := most.Load(); now > m && !most.CompareAndSwap(m, now); m = most.Load() {
		}
		time.Sleep(delay)
		n, _ := strconv.Atoi(r.URL.Query().Get("pageNumber"))
		size := pageSize(r)
		fmt.Fprintf(w, `{"entities":%s,"pageNumber":%d,"pageSize":%d,"total":%d,"pageCount":%d}`,
			p.entities((n-1)*size, size), n, size, p.total, (p.total+size-1)/size)
	})
	return usersapi.New(c), &most
}

func TestPageView(t *testing.T) {
	p := &pager{total: 7}
	api, _ := usersPager(t, p, 0)
	opts := &usersapi.GetUsersOptions{PageSize: platformclient.Ptr(int32(3))}
	var nexts []int64
	for page, err := range api.GetUsersPages(t.Context(), opts) {
		if err != nil {
			t.Fatal(err)
		}
		if platformclient.Deref(page.Listing.Total) != 7 || platformclient.Deref(page.Listing.PageCount) != 3 || page.Response.StatusCode != 200 {
			t.Errorf("page %d: total %d, pageCount %d; want 7 and 3", page.Number, platformclient.Deref(page.Listing.Total), platformclient.Deref(page.Listing.PageCount))
		}
		nexts = append(nexts, page.Next)
	}
	if !slices.Equal(nexts, []int64{2, 3, 0}) {
		t.Errorf("Next of each page: %v; want 2, 3, 0", nexts)
	}
	// Resume where the first page says, with the iterator.
	resume := *opts
	resume.PageNumber = platformclient.Ptr(int32(nexts[0]))
	got, err := collect(api.GetUsersIter(t.Context(), &resume), func(u models.User) string { return platformclient.Deref(u.ID) }, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, got, 4, 7)
}

func TestConcurrentPaging(t *testing.T) {
	p := &pager{total: 100}
	api, most := usersPager(t, p, 5*time.Millisecond)
	ctx := platformclient.ContextWithPageConcurrency(t.Context(), 4)
	got, err := collect(api.GetUsersIter(ctx, &usersapi.GetUsersOptions{PageSize: platformclient.Ptr(int32(10))}), func(u models.User) string { return platformclient.Deref(u.ID) }, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, got, 1, 100)
	if m := most.Load(); m < 2 || m > 4 {
		t.Errorf("%d requests in flight at most; want 2 to 4", m)
	}
	if n := len(p.seen()); n != 10 {
		t.Errorf("%d pages fetched; want 10", n)
	}
}
