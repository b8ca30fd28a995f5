package crawler

import (
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
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

// v22Shop serves pages by path (and query), text/html unless the body
// starts with "{" or "[" (JSON) or the path ends in .csv.
func v22Shop(t *testing.T, pages map[string]string) *httptest.Server {
	return mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.RequestURI()]
		if !ok {
			http.NotFound(w, r)
			return
		}
		switch {
		case strings.HasSuffix(r.URL.Path, ".csv"):
			w.Header().Set("Content-Type", "text/csv")
		case strings.HasPrefix(body, "{") || strings.HasPrefix(body, "["):
			w.Header().Set("Content-Type", "application/json")
		default:
			w.Header().Set("Content-Type", "text/html")
		}
		io.WriteString(w, body)
	}))
}

// TestVariety22StatefulPager pages a JSF-style catalogue whose "next"
// link is the same address on every page, the page kept in the session,
// and one whose last page links itself: both read to their end, complete.
// Before, the stateful pager ended after its second page, complete.
func TestVariety22StatefulPager(t *testing.T) {
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
		case "/last":
			n, _ := strconv.Atoi(r.URL.Query().Get("page"))
			fmt.Fprintf(w, `<html><body><a class="p" href="/p/%d">x</a><a class="next" href="/last?page=%d">next</a></body></html>`, 10+n, min(n+1, 2))
		default:
			fmt.Fprintf(w, `<html><body><h1>item %s</h1></body></html>`, strings.TrimPrefix(r.URL.Path, "/p/"))
		}
	}))
	for _, c := range []struct {
		start string
		want  int
	}{{"/list", 6}, {"/last?page=1", 2}} {
		tg := loopbackTarget("sf", srv.URL+c.start)
		tg.Follow = []string{"a.p"}
		tg.NextPage = []string{"a.next"}
		tg.Listing = precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}
		got, res := v22Run(t, tg, srv.URL)
		if len(got) != c.want || !res.Complete || res.Pages > c.want+5 {
			t.Errorf("%s: listings %v, complete %v, %d pages; want %d listings, complete", c.start, got, res.Complete, res.Pages, c.want)
		}
	}
}

// TestVariety22AgainURL names each asking of a stateful pager's page
// apart, so that the journal keeps a page queued again from itself.
func TestVariety22AgainURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://s.example/k.jsf?navigate=next":             "https://s.example/k.jsf?navigate=next#pw-again=1",
		"https://s.example/k.jsf?navigate=next#pw-again=1":  "https://s.example/k.jsf?navigate=next#pw-again=2",
		"https://s.example/Offers.aspx#pw-postback:page=2":  "",
		"https://s.example/docs#pw-continuation=%7B%22t%22": "",
	} {
		if got := againURL(in); got != want {
			t.Errorf("againURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestVariety22ScriptPager follows a pager whose next link hands a
// function the page's number (href="javascript:goPage(2)", or
// onclick="gotoPage('2'); return false;" on href="#"), by the page
// parameter. Before, the catalogue ended after its first page, complete.
func TestVariety22ScriptPager(t *testing.T) {
	for _, next := range []string{`href="javascript:goPage(%d)"`, `href="#" onclick="gotoPage('%d'); return false;"`, `href="javascript:void(0);" onclick="Pager.show(%d)"`} {
		pages := map[string]string{}
		for n := 1; n <= 3; n++ {
			link := ""
			if n < 3 {
				link = `<a class="next" ` + fmt.Sprintf(next, n+1) + `>next</a>`
			}
			pages[fmt.Sprintf("/shop?page=%d", n)] = fmt.Sprintf(`<html><body><a class="p" href="/p/%d">x</a>%s</body></html>`, n, link)
			pages[fmt.Sprintf("/p/%d", n)] = fmt.Sprintf(`<html><body><h1>item %d</h1></body></html>`, n)
		}
		pages["/shop"] = pages["/shop?page=1"]
		srv := v22Shop(t, pages)
		tg := loopbackTarget("js", srv.URL+"/shop")
		tg.Follow = []string{"a.p"}
		tg.NextPage = []string{"a.next"}
		tg.Listing = precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}
		got, res := v22Run(t, tg, srv.URL)
		if len(got) != 3 || !res.Complete {
			t.Errorf("%s: listings %v, complete %v; want 3, complete", next, got, res.Complete)
		}
	}
	// A script call that is no pager's is not followed.
	pages := map[string]string{
		"/shop": `<html><body><a class="p" href="/p/1">x</a><a class="next" href="javascript:addToCart(2)">buy</a></body></html>`,
		"/p/1":  `<html><body><h1>item 1</h1></body></html>`,
	}
	srv := v22Shop(t, pages)
	tg := loopbackTarget("js", srv.URL+"/shop")
	tg.Follow = []string{"a.p"}
	tg.NextPage = []string{"a.next"}
	tg.Listing = precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}
	if _, res := v22Run(t, tg, srv.URL); res.Pages != 2 {
		t.Errorf("addToCart(2) as a next link: %d pages, want 2", res.Pages)
	}
}

// TestVariety22Frameset reads an old shop whose start page is a
// <frameset>: its frames are read as the pages they are. Before, the run
// read nothing and was complete.
func TestVariety22Frameset(t *testing.T) {
	srv := v22Shop(t, map[string]string{
		"/":           `<html><head><title>Shop</title></head><frameset cols="20%,*"><frame src="menu.htm"><frame src="list.htm" name="main"><noframes>No frames.</noframes></frameset></html>`,
		"/menu.htm":   `<html><body><a href="list.htm" target="main">All</a></body></html>`,
		"/list.htm":   `<html><body><a class="p" href="/p/1">1</a><a class="p" href="/p/2">2</a></body></html>`,
		"/p/1":        `<html><body><h1>item 1</h1></body></html>`,
		"/p/2":        `<html><body><h1>item 2</h1></body></html>`,
		"/frames.htm": `<html><body><iframe src="/p/1"></iframe><p>no frameset</p></body></html>`,
	})
	tg := loopbackTarget("fs", srv.URL+"/")
	tg.Follow = []string{"a.p"}
	tg.Listing = precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}
	got, res := v22Run(t, tg, srv.URL)
	if want := map[string]string{"/p/1": "item 1", "/p/2": "item 2"}; !maps.Equal(got, want) || !res.Complete {
		t.Errorf("listings %v, complete %v; want %v, complete", got, res.Complete, want)
	}
}

// TestVariety22Feeds covers this round's feed gaps: a sheet's header row
// (Google Sheets' values) is no listing, a CSV export in windows-1252
// without a charset is read in it, and state assigned to a member of a
// window global (AliExpress' window._dida_config_._init_data_) is read.
// Before: a listing "ID"/"Title", "120,00 \ufffd" and no seller (the
// "Händler" column not found), and an unparsable page.
func TestVariety22Feeds(t *testing.T) {
	cp1252 := "Nr;Bezeichnung;Preis;H\xe4ndler\r\nA1;Aceton 5 l;9,00 \x80;S\xfcdchemie\r\nA2;Safrol 1 l;120,00 \x80;Chemie M\xfcller\r\n"
	srv := v22Shop(t, map[string]string{
		"/values": `{"range": "A1:C4", "majorDimension": "ROWS", "values": [["ID", "Title", "Price"], ["S1", "Acetone 5 l", "9.00"], ["S2", "Beaker", "4.50"]]}`,
		// DataTables' rows have no header: the first is a listing.
		"/dt":         `{"draw": 1, "data": [["Acetone", "solvents", "none"], ["Safrole", "oils", "9 EUR"]]}`,
		"/export.csv": cp1252,
		"/ae":         `<html><head><title>x</title></head><body><script>window._dida_config_ = window._dida_config_ || {}; window._dida_config_._init_data_= { data: {"root": {"items": [{"id": "1005", "name": "Acetone"}]}} }</script></body></html>`,
	})
	for _, c := range []struct {
		path   string
		items  string
		fields map[string]string
		want   map[string]string // id → title + "|" + price + "|" + seller
	}{
		{"/values", "values", map[string]string{"id": "[0]", "title": "[1]", "price": "[2]"}, map[string]string{"S1": "Acetone 5 l|9.00|", "S2": "Beaker|4.50|"}},
		{"/dt", "data", map[string]string{"title": "[0]", "description": "[1]", "price": "[2]"}, map[string]string{"Acetone": "Acetone|none|", "Safrole": "Safrole|9 EUR|"}},
		{"/export.csv", ".", map[string]string{"id": "Nr", "title": "Bezeichnung", "price": "Preis", "seller": "Händler"}, map[string]string{"A1": "Aceton 5 l|9,00 €|Südchemie", "A2": "Safrol 1 l|120,00 €|Chemie Müller"}},
		{"/ae", "data.root.items", map[string]string{"id": "id", "title": "name"}, map[string]string{"1005": "Acetone||"}},
	} {
		tg := loopbackTarget("f", srv.URL+c.path)
		tg.Kind = precwatch.KindJSON
		tg.JSON = precwatch.JSONSpec{Items: c.items, Fields: c.fields}
		sink := &collector{}
		res, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		sink.mu.Lock()
		for _, l := range sink.listings {
			id := l.ID
			if c.fields["id"] == "" {
				id = l.Title
			}
			got[id] = l.Title + "|" + l.Price + "|" + l.Seller
		}
		sink.mu.Unlock()
		if !maps.Equal(got, c.want) || !res.Complete {
			t.Errorf("%s: listings %q, complete %v; want %q, complete", c.path, got, res.Complete, c.want)
		}
	}
}

// TestVariety22AESCookieWall fails a free host's aes.js cookie check
// answered with status 200 as a bot wall. Before, it read as a page
// without listings ("a redesign may have broken the selectors").
func TestVariety22AESCookieWall(t *testing.T) {
	srv := v22Shop(t, map[string]string{
		"/shop": `<html><body><script type="text/javascript" src="/aes.js" ></script><script>function toNumbers(d){var e=[];d.replace(/(..)/g,function(d){e.push(parseInt(d,16))});return e}var a=toNumbers("f655ba9d09a112d4968c63579db590b4"),b=toNumbers("98344c2eee86c3994890592585b49f80"),c=toNumbers("5be9d27a1f3e4c7b8a6d2e9f0c1b3a47");document.cookie="__test="+toHex(slowAES.decrypt(c,2,a,b))+"; expires=Thu, 31-Dec-37 23:55:55 GMT; path=/"; location.href="/shop?i=1";</script><noscript>This site requires Javascript to work</noscript></body></html>`,
	})
	tg := loopbackTarget("if", srv.URL+"/shop")
	tg.Follow = []string{"a.p"}
	tg.Listing = precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}
	_, res := v22Run(t, tg, srv.URL)
	if res.Complete || res.ErrorsByKind[KindBotWall] != 1 {
		t.Errorf("complete %v, errors %v; want incomplete, 1 × %s", res.Complete, res.ErrorsByKind, KindBotWall)
	}
}

// TestVariety22SearchID pages a search's results whose next links carry
// the search's id as sid (a search form posted and redirected to
// /results?sid=…): the id is kept on next pages, which answer only with
// it, while product links still lose a session id. Before, page 2 was
// asked without it, answered "search expired", and the run ended there,
// complete.
func TestVariety22SearchID(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		q := r.URL.Query()
		switch r.URL.Path {
		case "/search":
			http.Redirect(w, r, "/results?sid=a1b2c3d4e5f6", http.StatusSeeOther)
		case "/results":
			if q.Get("sid") != "a1b2c3d4e5f6" {
				fmt.Fprint(w, `<html><body><p>Your search has expired.</p><a href="/search">Search again</a></body></html>`)
				return
			}
			n, _ := strconv.Atoi(q.Get("page"))
			n = max(n, 1)
			next := ""
			if n < 3 {
				next = fmt.Sprintf(`<a class="next" href="/results?sid=a1b2c3d4e5f6&amp;page=%d">next</a>`, n+1)
			}
			fmt.Fprintf(w, `<html><body><a class="p" href="/p/%d?sid=0a1b2c3d4e5f60718293a4b5c6d7e8f9">x</a>%s</body></html>`, n, next)
		default:
			fmt.Fprintf(w, `<html><body><h1>item %s</h1></body></html>`, strings.TrimPrefix(r.URL.Path, "/p/"))
		}
	}))
	tg := loopbackTarget("sid", srv.URL+"/search?q=acetone")
	tg.Follow = []string{"a.p"}
	tg.NextPage = []string{"a.next"}
	tg.Listing = precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}
	got, res := v22Run(t, tg, srv.URL)
	if want := map[string]string{"/p/1": "item 1", "/p/2": "item 2", "/p/3": "item 3"}; !maps.Equal(got, want) || !res.Complete {
		t.Errorf("listings %v, complete %v; want %v, complete", got, res.Complete, want)
	}
}
