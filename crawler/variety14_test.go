package crawler

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestVariety14XNextPage pages a feed whose next page is only in GitLab's
// X-Next-Page header (a page number, empty on the last page), from a start
// URL that names no page (before: page 1 only, and the run was complete,
// so page 2's listings would have been marked removed).
func TestVariety14XNextPage(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := r.URL.Query().Get("page")
		if n == "" {
			n = "1"
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Page", n)
		w.Header().Set("X-Total-Pages", "3")
		next := map[string]string{"1": "2", "2": "3"}[n]
		w.Header().Set("X-Next-Page", next)
		fmt.Fprintf(w, `[{"id":"%s","t":"item %s"}]`, n, n)
	}))
	tg := loopbackTarget("gl", srv.URL+"/api/v4/items")
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: ".", Fields: map[string]string{"id": "id", "title": "t"}}
	sink := &collector{}
	res, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	got := sink.titles()
	slices.Sort(got)
	if want := []string{"item 1", "item 2", "item 3"}; !res.Complete || !slices.Equal(got, want) {
		t.Errorf("complete %v, titles %q, errors %v; want complete, %q", res.Complete, got, res.ErrorsByKind, want)
	}
}

// TestVariety14NoContentPastEnd ends a feed whose page past the end answers
// 204 No Content, counted on by its page parameter or linked as its next
// page: an answer, not a failure (before: the page could not be parsed and
// the run was incomplete).
func TestVariety14NoContentPastEnd(t *testing.T) {
	for _, linked := range []bool{false, true} {
		srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := r.URL.Query().Get("page")
			if n != "1" && n != "2" {
				w.WriteHeader(http.StatusNoContent)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			next := ""
			if linked {
				next = fmt.Sprintf(`,"next":"/api/items?page=%d"`, map[string]int{"1": 2, "2": 3}[n])
			}
			fmt.Fprintf(w, `{"items":[{"id":"%s","t":"item %s"}]%s}`, n, n, next)
		}))
		tg := loopbackTarget("nc", srv.URL+"/api/items?page=1")
		tg.Kind = precwatch.KindJSON
		tg.JSON = precwatch.JSONSpec{Items: "items", Fields: map[string]string{"id": "id", "title": "t"}}
		sink := &collector{}
		res, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
		if err != nil {
			t.Fatal(err)
		}
		if got := sink.titles(); !res.Complete || len(got) != 2 || res.ErrorsByKind[KindPastEnd] != 1 {
			t.Errorf("linked %v: complete %v, titles %q, errors %v; want complete, 2 titles, 1 past-end", linked, res.Complete, got, res.ErrorsByKind)
		}
	}
}
