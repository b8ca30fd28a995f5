package crawler

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestVariety23StartSid reads a search's results whose start URL, copied
// from the browser, holds the search's id (?sid=…): the id is kept, as on
// next pages. Before, the start URL lost it, the page answered "search
// expired", and the run was complete without a listing.
func TestVariety23StartSid(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		q := r.URL.Query()
		switch r.URL.Path {
		case "/results":
			if q.Get("sid") != "a1b2c3d4e5f6" {
				fmt.Fprint(w, `<html><body><p>Your search has expired.</p><a href="/search">Search again</a></body></html>`)
				return
			}
			n := max(1, atoiOr(q.Get("page"), 1))
			next := ""
			if n < 2 {
				next = `<a class="next" href="/results?sid=a1b2c3d4e5f6&amp;page=2">next</a>`
			}
			fmt.Fprintf(w, `<html><body><a class="p" href="/p/%d">x</a>%s</body></html>`, n, next)
		default:
			fmt.Fprintf(w, `<html><body><h1>item %s</h1></body></html>`, strings.TrimPrefix(r.URL.Path, "/p/"))
		}
	}))
	tg := loopbackTarget("sid", srv.URL+"/results?sid=a1b2c3d4e5f6")
	tg.Follow = []string{"a.p"}
	tg.NextPage = []string{"a.next"}
	tg.Listing = precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}
	got, res := v22Run(t, tg, srv.URL)
	if want := map[string]string{"/p/1": "item 1", "/p/2": "item 2"}; !maps.Equal(got, want) || !res.Complete {
		t.Errorf("listings %v, complete %v; want %v, complete", got, res.Complete, want)
	}
}

func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return n
}

// TestVariety23BasicAuthOrigin reads a feed behind HTTP Basic auth given
// in its start URL's userinfo, whose next pages are absolute URLs without
// it: they are asked with the credentials, and a next page on another
// origin (another port) is asked without them. Before, page 2 answered 401.
func TestVariety23BasicAuthOrigin(t *testing.T) {
	var mu sync.Mutex
	var leaked []string
	other := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			mu.Lock()
			leaked = append(leaked, r.URL.RequestURI())
			mu.Unlock()
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"items": [{"id": "o-1", "title": "other"}], "next": null}`)
	}))
	var srv = mustServer(t, nil)
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if u, p, ok := r.BasicAuth(); !ok || u != "feed" || p != "pw-123" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		n := atoiOr(r.URL.Query().Get("page"), 1)
		next := "null"
		switch n {
		case 1:
			next = fmt.Sprintf(`"%s/items?page=2"`, srv.URL)
		case 2:
			next = fmt.Sprintf(`"%s/items"`, other.URL)
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"items": [{"id": "i-%d", "title": "item %d"}], "next": %s}`, n, n, next)
	})
	tg := loopbackTarget("basic", strings.Replace(srv.URL, "http://", "http://feed:pw-123@", 1)+"/items?page=1")
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: "items", Fields: map[string]string{"id": "id", "title": "title"}}
	sink := &collector{}
	res, err := mustCrawler(t, Options{}).Run(t.Context(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	sink.mu.Lock()
	for _, l := range sink.listings {
		got[l.ID] = l.Title
	}
	sink.mu.Unlock()
	if want := map[string]string{"i-1": "item 1", "i-2": "item 2", "o-1": "other"}; !maps.Equal(got, want) || !res.Complete {
		t.Errorf("listings %v, complete %v, errors %v; want %v, complete", got, res.Complete, res.ErrorsByKind, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(leaked) > 0 {
		t.Errorf("credentials sent to another origin: %v", leaked)
	}
}

// TestBasicOrigin: credentials are keyed by scheme and host, default
// ports dropped.
func TestBasicOrigin(t *testing.T) {
	f := &fetcher{basic: basicCredentials([]string{"https://u:p@Shop.Example:443/a", "http://x.example/no-creds"})}
	for _, c := range []struct {
		url  string
		want bool
	}{
		{"https://shop.example/b?page=2", true},
		{"https://shop.example:443/b", true},
		{"http://shop.example/b", false},
		{"https://shop.example:8443/b", false},
		{"https://cdn.shop.example/b", false},
		{"https://v:q@shop.example/b", false},
		{"http://x.example/", false},
	} {
		hdr := http.Header{}
		f.addBasicAuth(c.url, hdr)
		if got := hdr.Get("Authorization") != ""; got != c.want {
			t.Errorf("%s: Authorization set %v, want %v", c.url, got, c.want)
		}
	}
}

// TestVariety23LazyFragments reads catalogues whose grid the browser loads
// after the page: a lazy Turbo Frame, GitHub's include-fragment, and an
// htmx part loaded on load. A part loaded on a click is not read. Before,
// each read as a shop without listings, complete.
func TestVariety23LazyFragments(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/tf":
			fmt.Fprint(w, `<html><body><turbo-frame id="products" src="/tf/grid" loading="lazy">Loading…</turbo-frame></body></html>`)
		case "/if":
			fmt.Fprint(w, `<html><body><include-fragment src="/if/grid"><p>Loading…</p></include-fragment></body></html>`)
		case "/hx":
			fmt.Fprint(w, `<html><body><div hx-get="/hx/grid" hx-trigger="load delay:100ms"></div><button hx-get="/hx/more" hx-trigger="click">more</button></body></html>`)
		case "/tf/grid", "/if/grid", "/hx/grid":
			pre := strings.TrimSuffix(r.URL.Path, "/grid")
			fmt.Fprintf(w, `<turbo-frame id="products"><a class="p" href="%[1]s/p/1">1</a><a class="p" href="%[1]s/p/2">2</a></turbo-frame>`, pre)
		case "/hx/more":
			fmt.Fprint(w, `<a class="p" href="/hx/p/3">3</a>`)
		default:
			fmt.Fprintf(w, `<html><body><h1>item %s</h1></body></html>`, r.URL.Path)
		}
	}))
	for _, c := range []string{"/tf", "/if", "/hx"} {
		tg := loopbackTarget("lazy", srv.URL+c)
		tg.Follow = []string{"a.p"}
		tg.Listing = precwatch.ListingSpec{URLPattern: `/p/\d+$`, Fields: map[string]string{"title": "h1"}}
		got, res := v22Run(t, tg, srv.URL)
		want := map[string]string{c + "/p/1": "item " + c + "/p/1", c + "/p/2": "item " + c + "/p/2"}
		if !maps.Equal(got, want) || !res.Complete {
			t.Errorf("%s: listings %v, complete %v; want %v, complete", c, got, res.Complete, want)
		}
	}
}

// TestVariety23TargetTestStatefulPager: target test pages a JSF-style
// catalogue whose "next" link is the same address on every page, as a
// crawl does. Before, it read the repeated page once: 4 of 6 listings.
func TestVariety23TargetTestStatefulPager(t *testing.T) {
	var mu sync.Mutex
	pos := map[string]int{}
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/list":
			mu.Lock()
			c, err := r.Cookie("S")
			if err != nil {
				c = &http.Cookie{Name: "S", Value: strconv.Itoa(len(pos) + 1), Path: "/"}
				http.SetCookie(w, c)
			}
			if r.URL.Query().Get("nav") == "next" {
				pos[c.Value]++
			} else {
				pos[c.Value] = 1
			}
			n := min(pos[c.Value], 3)
			mu.Unlock()
			next := `<a class="next" href="/list?nav=next">next</a>`
			if n == 3 {
				next = ""
			}
			fmt.Fprintf(w, `<html><body><a class="p" href="/p/%d">%[1]d</a><a class="p" href="/p/%d">%[2]d</a>%s</body></html>`, 2*n-1, 2*n, next)
		default:
			fmt.Fprintf(w, `<html><body><h1>item %s</h1></body></html>`, strings.TrimPrefix(r.URL.Path, "/p/"))
		}
	}))
	tg := loopbackTarget("sf", srv.URL+"/list")
	tg.Follow = []string{"a.p"}
	tg.NextPage = []string{"a.next"}
	tg.Parallelism = 1
	tg.Listing = precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}
	rep, err := mustCrawler(t, Options{}).Test(t.Context(), tg, 30)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, l := range rep.Listings {
		titles = append(titles, l.Title)
	}
	slices.Sort(titles)
	if want := []string{"item 1", "item 2", "item 3", "item 4", "item 5", "item 6"}; !slices.Equal(titles, want) || len(rep.Pages) > 12 {
		t.Errorf("listings %v in %d pages; want %v", titles, len(rep.Pages), want)
	}
}
