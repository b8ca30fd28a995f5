package crawler

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler/extract"
)

// v22Run runs tg and returns its listings' titles keyed by their URLs
// without the server's address, and the run.
func v22Run(t *testing.T, tg precwatch.Target, base string) (map[string]string, *Run) {
	t.Helper()
	sink := &collector{}
	res, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	sink.mu.Lock()
	defer sink.mu.Unlock()
	for _, l := range sink.listings {
		got[strings.TrimPrefix(l.URL, base)] = l.Title
	}
	return got, res
}

// TestVariety22CookielessSession: ASP.NET's cookieless session segment is
// no part of a page's address. Before, every visit's new session id
// renamed every listing.
func TestVariety22CookielessSession(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://s.example/shop/(S(lit3py55t21z5v55vlm25s55))/Product.aspx?id=4", "https://s.example/shop/Product.aspx?id=4"},
		{"https://s.example/(X(1)S(3x2n1wabc5dfhj0s4kp3ph45))/Default.aspx", "https://s.example/Default.aspx"},
		{"https://s.example/(A(ABCD)S(x1y2))/p/1", "https://s.example/p/1"},
		{"https://s.example/(S(x))", "https://s.example/"},
		// Parentheses that are no session segment stay.
		{"https://s.example/p/(1)/x", "https://s.example/p/%281%29/x"},
		{"https://s.example/p/(s(x))/x", "https://s.example/p/%28s%28x%29%29/x"},
		{"https://s.example/wiki/Acetone_(solvent)", "https://s.example/wiki/Acetone_%28solvent%29"},
	} {
		got, err := extract.Canonical(nil, c.in)
		if err != nil || got != c.want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// TestVariety22CanonicalFollowedCategory reads product pages that declare
// their category page canonical, the categories reached by follow from
// the home page, on a target without url_pattern: each product is named
// by its own address. Before, the products of a category were one
// listing named by the category.
func TestVariety22CanonicalFollowedCategory(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch p := r.URL.Path; {
		case p == "/":
			fmt.Fprint(w, `<html><body><h1>Home</h1><a class="c" href="/c/a">A</a><a class="c" href="/c/b">B</a></body></html>`)
		case p == "/c/a":
			fmt.Fprint(w, `<html><body><h1>A</h1><a class="p" href="/p/1">1</a><a class="p" href="/p/2">2</a></body></html>`)
		case p == "/c/b":
			fmt.Fprint(w, `<html><body><h1>B</h1><a class="p" href="/p/3">3</a></body></html>`)
		case strings.HasPrefix(p, "/p/"):
			cat := "/c/a"
			if p == "/p/3" {
				cat = "/c/b"
			}
			fmt.Fprintf(w, `<html><head><link rel="canonical" href="http://%s%s"></head><body><h1>item %s</h1><p class="d">text</p></body></html>`, r.Host, cat, strings.TrimPrefix(p, "/p/"))
		default:
			http.NotFound(w, r)
		}
	}))
	tg := loopbackTarget("cf", srv.URL+"/")
	tg.Follow = []string{"a.c", "a.p"}
	tg.Listing = precwatch.ListingSpec{Fields: map[string]string{"title": "h1", "description": "p.d"}}
	got, res := v22Run(t, tg, srv.URL)
	// The home page and categories are title-only listings of their own
	// on a target without url_pattern, as before.
	want := map[string]string{"/": "Home", "/c/a": "A", "/c/b": "B", "/p/1": "item 1", "/p/2": "item 2", "/p/3": "item 3"}
	if !maps.Equal(got, want) || !res.Complete {
		t.Errorf("listings %v, complete %v; want %v, complete", got, res.Complete, want)
	}
	// target test names them alike.
	rep, err := mustCrawler(t, Options{}).Test(context.Background(), tg, 10)
	if err != nil {
		t.Fatal(err)
	}
	got = map[string]string{}
	for _, l := range rep.Listings {
		got[strings.TrimPrefix(l.URL, srv.URL)] = l.Title
	}
	if !maps.Equal(got, want) {
		t.Errorf("target test: listings %v; want %v", got, want)
	}
}
