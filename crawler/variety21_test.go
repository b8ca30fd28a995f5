package crawler

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestVariety21CosmosContinuation pages a Cosmos DB query whose
// continuation is only in the x-ms-continuation response header, which
// the service takes back as the request header of that name on the same
// address, in a run and in a target test. Before, the run read the first
// page only, complete.
func TestVariety21CosmosContinuation(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := r.Header.Get("x-ms-continuation")
		mu.Lock()
		asked = append(asked, c)
		mu.Unlock()
		n := map[string]int{"": 1, `{"token":"+RID:~a#RT:1","range":{"min":"","max":"FF"}}`: 2, `{"token":"+RID:~b#RT:2","range":{"min":"","max":"FF"}}`: 3}[c]
		switch n {
		case 1:
			w.Header().Set("x-ms-continuation", `{"token":"+RID:~a#RT:1","range":{"min":"","max":"FF"}}`)
		case 2:
			w.Header().Set("x-ms-continuation", `{"token":"+RID:~b#RT:2","range":{"min":"","max":"FF"}}`)
		case 0:
			w.WriteHeader(400)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"_rid":"x","Documents":[{"id":"d%d","title":"item %d"}],"_count":1}`, n, n)
	}))
	tg := loopbackTarget("cosmos", srv.URL+"/dbs/shop/colls/products/docs")
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: "Documents", Fields: map[string]string{"id": "id", "title": "title"}}
	sink := &collector{}
	c := mustCrawler(t, Options{})
	res, err := c.Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	got := sink.titles()
	slices.Sort(got)
	mu.Lock()
	if want := []string{"item 1", "item 2", "item 3"}; !res.Complete || !slices.Equal(got, want) {
		t.Errorf("complete %v, titles %q, errors %v, asked %q; want complete, %q", res.Complete, got, res.ErrorsByKind, asked, want)
	}
	mu.Unlock()
	rep, err := c.Test(context.Background(), tg, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Listings) != 3 {
		t.Errorf("target test: %d listings, want 3", len(rep.Listings))
	}
}

// TestVariety21NextPageQuery pages a search whose next request is only in
// an X-NextPage response header holding its query string (Wallapop's
// "search_id=…&start=2"). Before, the run read the first page only,
// complete.
func TestVariety21NextPageQuery(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		start, _ := strconv.Atoi(q.Get("start"))
		if q.Get("keywords") != "x" || start > 0 && q.Get("search_id") != "s1" {
			w.WriteHeader(400)
			return
		}
		if start < 2 {
			w.Header().Set("X-NextPage", fmt.Sprintf("search_id=s1&keywords=x&start=%d", start+1))
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"search_objects":[{"id":"w%d","title":"item %d"}]}`, start, start)
	}))
	tg := loopbackTarget("wp", srv.URL+"/api/v3/search?keywords=x")
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: "search_objects", Fields: map[string]string{"id": "id", "title": "title"}}
	sink := &collector{}
	res, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	got := sink.titles()
	slices.Sort(got)
	if want := []string{"item 0", "item 1", "item 2"}; !res.Complete || !slices.Equal(got, want) {
		t.Errorf("complete %v, titles %q, errors %v; want complete, %q", res.Complete, got, res.ErrorsByKind, want)
	}
}

// TestVariety21CanonicalCatalogue reads product pages that declare their
// catalogue page canonical (a theme's bug), on a target without
// url_pattern: each is named by its own address. A canonical naming
// another product page still names the listing. Before, the products of
// a catalogue page were one listing named by the catalogue.
func TestVariety21CanonicalCatalogue(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch p := r.URL.Path; {
		case p == "/shop":
			fmt.Fprint(w, `<html><body><h1>Shop</h1><a class="p" href="/p/1">1</a><a class="p" href="/p/2">2</a><a class="p" href="/p/3?variant=2">3</a></body></html>`)
		case strings.HasPrefix(p, "/p/"):
			canon := "http://" + r.Host + "/shop"
			if p == "/p/3" {
				canon = "http://" + r.Host + "/p/3"
			}
			fmt.Fprintf(w, `<html><head><link rel="canonical" href="%s"></head><body><h1>item %s</h1><p class="d">text</p></body></html>`, canon, strings.TrimPrefix(p, "/p/"))
		default:
			http.NotFound(w, r)
		}
	}))
	tg := loopbackTarget("cc", srv.URL+"/shop")
	tg.Follow = []string{"a.p"}
	tg.Listing = precwatch.ListingSpec{Fields: map[string]string{"title": "h1", "description": "p.d"}}
	sink := &collector{}
	res, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	sink.mu.Lock()
	for _, l := range sink.listings {
		names[strings.TrimPrefix(l.URL, srv.URL)] = l.Title
	}
	sink.mu.Unlock()
	for u, title := range map[string]string{"/p/1": "item 1", "/p/2": "item 2", "/p/3": "item 3"} {
		if names[u] != title {
			t.Errorf("%s: title %q, want %q (listings %v, complete %v)", u, names[u], title, names, res.Complete)
		}
	}
	// target test names them alike.
	rep, err := mustCrawler(t, Options{}).Test(context.Background(), tg, 10)
	if err != nil {
		t.Fatal(err)
	}
	names = map[string]string{}
	for _, l := range rep.Listings {
		names[strings.TrimPrefix(l.URL, srv.URL)] = l.Title
	}
	for u, title := range map[string]string{"/p/1": "item 1", "/p/2": "item 2", "/p/3": "item 3"} {
		if names[u] != title {
			t.Errorf("target test: %s: title %q, want %q (listings %v)", u, names[u], title, names)
		}
	}
}

// TestVariety21ErrorNextPage fails a catalogue's linked next page answered
// with status 200 and an empty body, or with a PHP fatal error: the run is
// not complete. Before, the catalogue ended there, complete.
func TestVariety21ErrorNextPage(t *testing.T) {
	for _, page2 := range []string{"", "<br />\n<b>Fatal error</b>:  Maximum execution time of 30 seconds exceeded in <b>/var/www/x.php</b><br />"} {
		srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			switch {
			case r.URL.Path == "/shop" && r.URL.Query().Get("page") == "2":
				fmt.Fprint(w, page2)
			case r.URL.Path == "/shop":
				fmt.Fprint(w, `<html><head><title>Shop</title></head><body><a class="p" href="/p/1">1</a><a class="next" href="/shop?page=2">next</a></body></html>`)
			case r.URL.Path == "/p/1":
				fmt.Fprint(w, `<html><body><h1>item 1</h1></body></html>`)
			default:
				http.NotFound(w, r)
			}
		}))
		tg := loopbackTarget("e", srv.URL+"/shop")
		tg.Follow = []string{"a.p"}
		tg.NextPage = []string{"a.next"}
		tg.MaxRetries = 0
		tg.Listing = precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}
		sink := &collector{}
		res, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
		if err != nil {
			t.Fatal(err)
		}
		want := KindEmpty
		if page2 != "" {
			want = KindErrorPage
		}
		if res.Complete || res.ErrorsByKind[want] != 1 || len(sink.titles()) != 1 {
			t.Errorf("page 2 %.20q: complete %v, errors %v, titles %q; want incomplete, 1 × %s, item 1", page2, res.Complete, res.ErrorsByKind, sink.titles(), want)
		}
	}
}
