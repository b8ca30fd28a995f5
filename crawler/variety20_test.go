package crawler

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestVariety20AzureContinuation pages an Azure Table storage query whose
// continuation is only in the x-ms-continuation-NextPartitionKey and
// -NextRowKey headers, taken back as query parameters of those names.
// Before, the run read the first page only, complete.
func TestVariety20AzureContinuation(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		mu.Lock()
		asked = append(asked, q.Get("NextPartitionKey")+"/"+q.Get("NextRowKey"))
		mu.Unlock()
		n := map[string]int{"/": 1, "1!4!cA--/1!4!cjI-": 2, "1!4!cA--/": 3}[q.Get("NextPartitionKey")+"/"+q.Get("NextRowKey")]
		switch n {
		case 1:
			w.Header().Set("x-ms-continuation-NextPartitionKey", "1!4!cA--")
			w.Header().Set("x-ms-continuation-NextRowKey", "1!4!cjI-")
		case 2:
			// A partition key alone: the row key must not be sent again.
			w.Header().Set("x-ms-continuation-NextPartitionKey", "1!4!cA--")
		case 0:
			w.WriteHeader(400)
			return
		}
		w.Header().Set("Content-Type", "application/json;odata=nometadata")
		fmt.Fprintf(w, `{"value":[{"RowKey":"r%d","Title":"item %d"}]}`, n, n)
	}))
	tg := loopbackTarget("az", srv.URL+"/products()?$top=1")
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: "value", Fields: map[string]string{"id": "RowKey", "title": "Title"}}
	sink := &collector{}
	res, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	got := sink.titles()
	slices.Sort(got)
	mu.Lock()
	defer mu.Unlock()
	if want := []string{"item 1", "item 2", "item 3"}; !res.Complete || !slices.Equal(got, want) {
		t.Errorf("complete %v, titles %q, errors %v, asked %q; want complete, %q", res.Complete, got, res.ErrorsByKind, asked, want)
	}
}

// TestVariety20SpringStartPage reads page 0 of a Spring Data feed given a
// start URL at ?page=1, in a run and in a target test. Before, page 0 was
// never asked for and the run was complete without it.
func TestVariety20SpringStartPage(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(r.URL.Query().Get("page"))
		if err != nil {
			n = 0
		}
		w.Header().Set("Content-Type", "application/json")
		content := fmt.Sprintf(`[{"id":"p%d","name":"item %d"}]`, n, n)
		if n > 2 {
			content = "[]"
		}
		fmt.Fprintf(w, `{"content":%s,"number":%d,"size":1,"totalPages":3,"totalElements":3,"first":%v,"last":%v}`, content, n, n == 0, n >= 2)
	}))
	tg := loopbackTarget("spring", srv.URL+"/api/products?page=1&size=1")
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: "content", Fields: map[string]string{"id": "id", "title": "name"}}
	sink := &collector{}
	c := mustCrawler(t, Options{})
	res, err := c.Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	got := sink.titles()
	slices.Sort(got)
	if want := []string{"item 0", "item 1", "item 2"}; !res.Complete || !slices.Equal(got, want) {
		t.Errorf("complete %v, titles %q, errors %v; want complete, %q", res.Complete, got, res.ErrorsByKind, want)
	}
	rep, err := c.Test(context.Background(), tg, 5)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, l := range rep.Listings {
		titles = append(titles, l.Title)
	}
	slices.Sort(titles)
	if want := []string{"item 0", "item 1", "item 2"}; !slices.Equal(titles, want) {
		t.Errorf("target test: titles %q, want %q", titles, want)
	}
}
