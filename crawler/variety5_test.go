package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestRefuseOwnAddrs checks which addresses precwatch's own listeners
// refuse, without connecting anywhere.
func TestRefuseOwnAddrs(t *testing.T) {
	var own ownAddrs
	for _, a := range []string{"127.0.0.1:8080", "0.0.0.0:9090", "10.0.0.5:7070", "[::1]:6060"} {
		own.add(netip.MustParseAddrPort(a))
	}
	local := "127.0.0.1"
	if len(own.local) > 0 {
		local = own.local[len(own.local)-1].String()
	}
	for _, tc := range []struct {
		addr    string
		refused bool
	}{
		{"127.0.0.1:8080", true},
		{"127.0.0.2:8080", true},
		{"[::1]:8080", true},
		{"0.0.0.0:8080", true},
		{"[::ffff:127.0.0.1]:8080", true},
		{"127.0.0.1:8081", false},
		{"10.0.0.5:7070", true},
		{"10.0.0.6:7070", false},
		{"10.0.0.5:8080", false},
		{"127.0.0.1:9090", true},
		{netip.AddrPortFrom(netip.MustParseAddr(local), 9090).String(), true},
		{"192.0.2.1:9090", false},
		{"127.0.0.1:6060", true},
		{"93.184.216.34:443", false},
	} {
		ap := netip.MustParseAddrPort(tc.addr)
		err := own.check(ap.Addr(), ap.Port())
		if got := err != nil; got != tc.refused || err != nil && !errors.Is(err, ErrBlocked) {
			t.Errorf("check(%s) = %v, want refused %v", tc.addr, err, tc.refused)
		}
	}
	var none *ownAddrs
	if err := none.check(netip.MustParseAddr("127.0.0.1"), 8080); err != nil {
		t.Errorf("nil ownAddrs refuses: %v", err)
	}
}

// TestRefuseOwnServer crawls a loopback shop (allow_private_networks) whose
// pages link to precwatch's own server on loopback, by IP and as
// localhost: the server is never asked, its links fail as blocked, and
// the shop's listing is read. Before, loopback was one host to the scope
// check and the guard let it through: the API's pages would have been
// crawled.
func TestRefuseOwnServer(t *testing.T) {
	var ownHits atomic.Int32
	own := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ownHits.Add(1)
		fmt.Fprint(w, `<html><body><h1>precwatch_tickets_total 42</h1><p class="description">metrics</p></body></html>`)
	}))
	ownPort := own.URL[strings.LastIndexByte(own.URL, ':')+1:]
	shop := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprintf(w, `<a href="/p/1">1</a> <a href="%s/p/metrics">m</a> <a href="http://localhost:%s/p/api">a</a>`, own.URL, ownPort)
		default:
			fmt.Fprint(w, listingPage(r.URL.Path))
		}
	}))
	lookup := func(ctx context.Context, host string) ([]netip.Addr, error) {
		if host == "localhost" {
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
		}
		return nil, fmt.Errorf("lookup %s: no such host in this test", host)
	}
	tg := singlePageTarget(shop.URL, "/")
	tg.Follow = []string{"a"}
	tg.Listing.URLPattern = "/p/"
	tg.MaxRetries = 0
	tg.Listing.Fields = map[string]string{"title": "h1", "description": ".description"}
	c := mustCrawler(t, Options{LookupIP: lookup})
	if err := c.RefuseOwn(own.Listener.Addr().String()); err != nil {
		t.Fatal(err)
	}
	sink := &collector{}
	res, err := c.Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if n := ownHits.Load(); n != 0 {
		t.Errorf("the own server was asked %d times", n)
	}
	if got := sink.titles(); len(got) != 1 || got[0] != "/p/1" {
		t.Errorf("titles %q, want [/p/1]", got)
	}
	if res.ErrorsByKind[KindBlocked] != 2 {
		t.Errorf("errors %v, want 2 blocked", res.ErrorsByKind)
	}
	// target test (the API's "test a target") is refused alike.
	rep, err := c.Test(context.Background(), singlePageTarget(own.URL, "/"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Pages) != 1 || !strings.Contains(rep.Pages[0].Error, "own listen address") || ownHits.Load() != 0 {
		t.Errorf("Test of the own server: %+v, %d hits; want refused", rep.Pages, ownHits.Load())
	}
	for _, bad := range []string{"nohost", "example.com:80"} {
		if err := c.RefuseOwn(bad); err == nil {
			t.Errorf("RefuseOwn(%q) = nil, want an error", bad)
		}
	}
	for _, ok := range []string{":8080", "localhost:8080", "[::]:8080"} {
		if err := c.RefuseOwn(ok); err != nil {
			t.Errorf("RefuseOwn(%q) = %v", ok, err)
		}
	}
}

// TestRemovedRedirect tells a taken-down listing's redirect (home page,
// start page, its category) from a listing that moved.
func TestRemovedRedirect(t *testing.T) {
	for _, tc := range []struct {
		pattern, from, to, want string
	}{
		{"", "https://s.example/offer/2", "https://s.example/", "the home page"},
		{"", "https://s.example/offer/2", "https://www.s.example/?removed=1", "the home page"},
		{"", "https://s.example/en/offer/2", "https://s.example/en/", "the home page"},
		{"", "https://s.example/offer/2", "https://s.example/catalog?page=1", "a start page"},
		{"", "https://s.example/c/solvents/offer/3", "https://s.example/c/solvents", "its category page"},
		{"", "https://s.example/offer/5", "https://s.example/offer/5-acetone", ""},
		{"", "https://s.example/p/123/old-slug", "https://s.example/p/123", ""},
		{"^/item/", "https://s.example/item/ab/old", "https://s.example/item/ab", ""},
		{"", "http://s.example/offer/5", "https://s.example/offer/5", ""},
		{"", "https://s.example/offer/5", "https://s.example/offer/5?lang=en", ""},
		{"", "https://s.example/offer/5", "https://s.example/login?next=/offer/5", ""},
	} {
		tg := loopbackTarget("r", "https://s.example/catalog")
		tg.Follow = []string{"a"}
		r := &run{t: &tg}
		if tc.pattern != "" {
			r.pattern = regexp.MustCompile(tc.pattern)
		}
		if got := r.removedRedirect(item{url: tc.from, kind: 'f'}, tc.to); got != tc.want {
			t.Errorf("%s → %s (pattern %q): %q, want %q", tc.from, tc.to, tc.pattern, got, tc.want)
		}
	}
}

// TestAccepted202 crawls pages answered "202 Accepted" with an empty body,
// as AWS WAF's challenge and pages still being prepared answer: retried,
// and a failure if it stays so. Before, 202 was a page with nothing on it:
// the catalogue read as an empty shop and the run was complete.
func TestAccepted202(t *testing.T) {
	var hits atomic.Int32
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/always":
			w.WriteHeader(http.StatusAccepted)
		case "/once":
			if hits.Add(1) == 1 {
				w.WriteHeader(http.StatusAccepted)
				return
			}
			fmt.Fprint(w, listingPage("ready"))
		default:
			http.NotFound(w, r)
		}
	}))
	c := mustCrawler(t, Options{})
	tg := singlePageTarget(srv.URL, "/always")
	tg.MaxRetries = 1
	res, err := c.Run(context.Background(), tg, &collector{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Complete || res.ErrorsByKind["http-202"] != 1 {
		t.Errorf("always 202: complete %v, errors %v; want incomplete, 1 http-202", res.Complete, res.ErrorsByKind)
	}
	tg = singlePageTarget(srv.URL, "/once")
	tg.Name = "once"
	sink := &collector{}
	if res, err = c.Run(context.Background(), tg, sink); err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); !res.Complete || len(got) != 1 || got[0] != "ready" {
		t.Errorf("202 then 200: complete %v, titles %q; want the listing", res.Complete, got)
	}
}

// TestEmptyBody fails a start page answered 200 with no body at all (a
// broken backend behind a healthy proxy); before, it was an empty shop and
// the run complete. A next page past a "Load more" endpoint's end may be
// empty: that ends the pagination, the run is complete.
func TestEmptyBody(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/empty":
			w.Header().Set("Content-Type", "text/html")
		case "/more":
			if r.URL.Query().Get("page") == "1" {
				fmt.Fprint(w, `<html><body><div class="card"><h2>Acetone</h2></div><a class="more" href="/more?page=2">more</a></body></html>`)
			}
		default:
			http.NotFound(w, r)
		}
	}))
	c := mustCrawler(t, Options{})
	tg := loopbackTarget("empty", srv.URL+"/empty")
	tg.Follow = []string{"a.p"}
	tg.MaxRetries = 0
	tg.Listing = precwatch.ListingSpec{URLPattern: "^/p/", Fields: map[string]string{"title": "h1"}}
	res, err := c.Run(context.Background(), tg, &collector{})
	if err != nil || res.Complete || res.ErrorsByKind[KindEmpty] != 1 {
		t.Errorf("empty start page: complete %v, errors %v, err %v; want incomplete, 1 empty", res.Complete, res.ErrorsByKind, err)
	}
	tg = loopbackTarget("more", srv.URL+"/more?page=1")
	tg.NextPage = []string{"a.more"}
	tg.Listing = precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"title": "h2"}}
	sink := &collector{}
	if res, err = c.Run(context.Background(), tg, sink); err != nil || !res.Complete || len(sink.titles()) != 1 {
		t.Errorf("load more ending empty: complete %v, errors %v, titles %q, err %v", res.Complete, res.ErrorsByKind, sink.titles(), err)
	}
}

// TestTotalPagesHeader ends a counted-on feed at the last page its
// X-WP-TotalPages (or X-Total-Pages) header names, without asking for the
// page after it.
func TestTotalPagesHeader(t *testing.T) {
	var hits atomic.Int32
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-WP-TotalPages", "2")
		fmt.Fprintf(w, `[{"id":"%s","t":"item %s"}]`, r.URL.Query().Get("page"), r.URL.Query().Get("page"))
	}))
	tg := loopbackTarget("wp", srv.URL+"/wp-json/wp/v2/listing?page=1")
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: ".", Fields: map[string]string{"id": "id", "title": "t"}}
	sink := &collector{}
	res, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); !res.Complete || len(got) != 2 || hits.Load() != 2 {
		t.Errorf("complete %v, titles %q, %d requests; want 2 pages, 2 requests", res.Complete, got, hits.Load())
	}
}

// TestUnavailableForLegalReasons takes a listing page answered "451
// Unavailable For Legal Reasons" (taken down on a legal request) as gone,
// an answer like 404. Before, it was a failure: the run was incomplete and
// the listing never marked removed.
func TestUnavailableForLegalReasons(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<a href="/p/1">1</a> <a href="/p/2">2</a>`)
		case "/p/2":
			http.Error(w, "Unavailable For Legal Reasons", http.StatusUnavailableForLegalReasons)
		default:
			fmt.Fprint(w, listingPage(r.URL.Path))
		}
	}))
	tg := singlePageTarget(srv.URL, "/")
	tg.Follow = []string{"a"}
	tg.Listing.URLPattern = "^/p/"
	tg.Listing.Fields = map[string]string{"title": "h1", "description": ".description"}
	res, err := mustCrawler(t, Options{}).Run(context.Background(), tg, &collector{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Complete || len(res.Gone) != 1 || !strings.HasSuffix(res.Gone[0], "/p/2") {
		t.Errorf("complete %v, gone %q, errors %v; want complete, /p/2 gone", res.Complete, res.Gone, res.ErrorsByKind)
	}
}
