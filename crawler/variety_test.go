package crawler

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/precwatch/precwatch"
)

// TestChangedTargetStartsAfresh checks that an unfinished run is not resumed
// once the target's definition changed: its frontier came from the old
// start URLs and selectors. A change of politeness settings still resumes.
func TestChangedTargetStartsAfresh(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*precwatch.Target)
		resume bool
	}{
		{"fields changed", func(t *precwatch.Target) { t.Listing.Fields["description"] = ".desc" }, false},
		{"follow changed", func(t *precwatch.Target) { t.Follow = []string{"a.product-link", "a.other"} }, false},
		{"max_pages and delay changed", func(t *precwatch.Target) { t.MaxPages = 1000; t.Delay = 0 }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHits()
			srv := mustServer(t, catalogSite(5, 4, h))
			tg := catalogTarget(srv.URL)
			tg.Parallelism = 1
			tg.Delay = 10 * time.Millisecond
			dir := t.TempDir()
			c := mustCrawler(t, Options{DataDir: dir})
			ctx, cancel := context.WithCancel(context.Background())
			seen := 0
			run, err := c.Run(ctx, tg, SinkFunc(func(ctx context.Context, l precwatch.Listing) error {
				if seen++; seen == 5 {
					cancel()
				}
				return nil
			}))
			if err == nil || run.Complete {
				t.Fatalf("cancelled run = %+v, %v; want incomplete", run, err)
			}
			changed := catalogTarget(srv.URL)
			changed.Parallelism = 1
			changed.Delay = tg.Delay
			changed.Listing.Fields = map[string]string{}
			for k, v := range tg.Listing.Fields {
				changed.Listing.Fields[k] = v
			}
			tc.change(&changed)
			sink := &collector{}
			run2, err := c.Run(context.Background(), changed, sink)
			if err != nil || !run2.Complete {
				t.Fatalf("second run = %+v, %v", run2, err)
			}
			if run2.Resumed != tc.resume {
				t.Errorf("second run resumed = %v, want %v", run2.Resumed, tc.resume)
			}
			if !tc.resume && (run2.ID == run.ID || run2.Pages != 25 || len(sink.listings) != 20) {
				t.Errorf("fresh run id %s (old %s), %d pages, %d listings; want a new id, 25 pages, 20 listings",
					run2.ID, run.ID, run2.Pages, len(sink.listings))
			}
			if tc.resume && (run2.ID != run.ID || run2.Pages != 25 || len(sink.listings) >= 20) {
				t.Errorf("resumed run id %s (old %s), %d pages, %d listings delivered; want the old id, 25 pages in all, fewer than 20 listings",
					run2.ID, run.ID, run2.Pages, len(sink.listings))
			}
		})
	}
}

func TestFingerprint(t *testing.T) {
	a := catalogTarget("http://127.0.0.1:1")
	b := catalogTarget("http://127.0.0.1:1")
	b.Delay, b.MaxPages, b.Parallelism, b.Timeout = time.Hour, 7, 9, time.Second
	if Fingerprint(&a) != Fingerprint(&b) {
		t.Error("politeness settings changed the fingerprint")
	}
	b.Listing.URLPattern = "/other/"
	if Fingerprint(&a) == Fingerprint(&b) {
		t.Error("url_pattern change kept the fingerprint")
	}
}

// TestRobotsVariants crawls sites whose robots.txt is written in the ways
// found in the wild: a group for our product token inside a browser-like
// User-Agent, a BOM and CRLF line ends, wildcards and "$", an HTML page
// served for /robots.txt, a 403.
func TestRobotsVariants(t *testing.T) {
	for _, tc := range []struct {
		name, ua   string
		status     int
		robots     string
		allowed    []string
		disallowed []string
	}{
		{
			name:       "own group beats *",
			ua:         "Mozilla/5.0 (compatible; PrecwatchBot/2.0; +https://precwatch.example/bot)",
			status:     200,
			robots:     "User-agent: *\nDisallow: /\n\nUser-agent: precwatchbot\nDisallow: /nope/\n",
			allowed:    []string{"/p/1"},
			disallowed: []string{"/nope/2"},
		},
		{
			name:       "BOM, CRLF, wildcards",
			ua:         "precwatch/1.0",
			status:     200,
			robots:     "\ufeffUser-agent: *\r\nDisallow: /*?sort=\r\nDisallow: /*.htm$\r\n# comment\r\n",
			allowed:    []string{"/p/1", "/p/2.htm?x=1"},
			disallowed: []string{"/p/3?sort=price", "/doc.htm"},
		},
		{
			name:    "HTML served for robots.txt",
			ua:      "precwatch/1.0",
			status:  200,
			robots:  "<!doctype html><html><body><h1>Shop</h1><p>Disallow nothing</p></body></html>",
			allowed: []string{"/p/1"},
		},
		{
			name:    "403",
			ua:      "precwatch/1.0",
			status:  403,
			robots:  "forbidden",
			allowed: []string{"/p/1"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHits()
			srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				h.add(r)
				switch r.URL.Path {
				case "/robots.txt":
					w.WriteHeader(tc.status)
					fmt.Fprint(w, tc.robots)
				case "/":
					for _, p := range append(append([]string{}, tc.allowed...), tc.disallowed...) {
						fmt.Fprintf(w, `<a href="%s">x</a>`, p)
					}
				default:
					fmt.Fprint(w, listingPage(r.URL.Path))
				}
			}))
			tg := singlePageTarget(srv.URL, "/")
			tg.RespectRobotsTxt = true
			tg.UserAgent = tc.ua
			tg.Follow = []string{"a"}
			tg.Listing.URLPattern = "/(p|nope|doc)"
			c := mustCrawler(t, Options{})
			run, err := c.Run(context.Background(), tg, &collector{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tc.allowed {
				if h.get(p) == 0 {
					t.Errorf("%s: %s not fetched (errors %v)", tc.name, p, run.ErrorsByKind)
				}
			}
			for _, p := range tc.disallowed {
				if h.get(p) != 0 {
					t.Errorf("%s: %s fetched although disallowed", tc.name, p)
				}
			}
			if run.ErrorsByKind[KindRobots] != len(tc.disallowed) {
				t.Errorf("%s: robots errors %d, want %d", tc.name, run.ErrorsByKind[KindRobots], len(tc.disallowed))
			}
		})
	}
}

// TestCharsetHeaderLies checks pages whose header says UTF-8 (as Go's
// http.Server says of any HTML it is not told about) while the bytes are in
// the charset their <meta> declares.
func TestCharsetHeaderLies(t *testing.T) {
	const ru = "Эфедрин гидрохлорид"
	cp1251, _ := charmap.Windows1251.NewEncoder().String(ru)
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// No Content-Type set: net/http sniffs "text/html; charset=utf-8".
		fmt.Fprintf(w, `<html><head><meta charset="windows-1251"></head><body><div class="product" data-id="r1"><h1>%s</h1><p class="description">x</p></div></body></html>`, cp1251)
	}))
	c := mustCrawler(t, Options{})
	sink := &collector{}
	if _, err := c.Run(context.Background(), singlePageTarget(srv.URL, "/"), sink); err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); len(got) != 1 || got[0] != ru {
		t.Errorf("titles = %q, want [%q]", got, ru)
	}
}

// TestContentEncodings checks the codings servers send: zlib and raw
// deflate, x-gzip, a .gz file without Content-Encoding, a deflate bomb
// (capped after decompression) and a coding we never asked for.
func TestContentEncodings(t *testing.T) {
	page := listingPage("encoded")
	deflate := func(w io.Writer, raw bool, s string) {
		var zw io.WriteCloser
		if raw {
			zw, _ = flate.NewWriter(w, flate.BestCompression)
		} else {
			zw = zlib.NewWriter(w)
		}
		io.WriteString(zw, s)
		zw.Close()
	}
	var bomb bytes.Buffer
	deflate(&bomb, false, strings.Repeat("<p>x</p>", 1<<20)) // 8 MB inflated
	var accept string
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/zlib" {
			accept = r.Header.Get("Accept-Encoding")
		}
		switch r.URL.Path {
		case "/zlib":
			w.Header().Set("Content-Encoding", "deflate")
			deflate(w, false, page)
		case "/raw":
			w.Header().Set("Content-Encoding", "Deflate")
			deflate(w, true, page)
		case "/xgzip":
			w.Header().Set("Content-Encoding", "x-gzip")
			zw := gzip.NewWriter(w)
			io.WriteString(zw, page)
			zw.Close()
		case "/file.html.gz":
			w.Header().Set("Content-Type", "application/gzip")
			zw := gzip.NewWriter(w)
			io.WriteString(zw, page)
			zw.Close()
		case "/bomb":
			w.Header().Set("Content-Encoding", "deflate")
			w.Write(bomb.Bytes()) // compressed once: compressing 8 MB per request timed out under load
		case "/zstd":
			w.Header().Set("Content-Encoding", "zstd")
			io.WriteString(w, "\x28\xb5\x2f\xfd\x00\x58\x00\x00")
		}
	}))
	for _, tc := range []struct {
		path, kind string
	}{
		{"/zlib", ""}, {"/raw", ""}, {"/xgzip", ""}, {"/file.html.gz", ""},
		{"/bomb", KindTooLarge}, {"/zstd", KindDecode},
	} {
		tg := singlePageTarget(srv.URL, tc.path)
		tg.MaxBodyBytes = 1 << 20
		tg.MaxRetries = 0
		c := mustCrawler(t, Options{})
		sink := &collector{}
		run, err := c.Run(context.Background(), tg, sink)
		if err != nil {
			t.Fatal(err)
		}
		if tc.kind == "" {
			if got := sink.titles(); len(got) != 1 || got[0] != "encoded" || run.Errors != 0 {
				t.Errorf("%s: titles %q, errors %v; want [encoded] and none", tc.path, got, run.ErrorsByKind)
			}
			continue
		}
		if run.ErrorsByKind[tc.kind] != 1 || len(sink.listings) != 0 {
			t.Errorf("%s: errors %v, %d listings; want one %s error", tc.path, run.ErrorsByKind, len(sink.listings), tc.kind)
		}
	}
	if accept != "gzip, deflate, br" {
		t.Errorf("Accept-Encoding = %q, want %q", accept, "gzip, deflate, br")
	}
}

// TestSessionCookie crawls a shop that sets a session cookie on the first
// visit and redirects until the cookie comes back.
func TestSessionCookie(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("sid"); err != nil {
			http.SetCookie(w, &http.Cookie{Name: "sid", Value: "s1", Path: "/"})
			http.Redirect(w, r, r.URL.RequestURI(), http.StatusFound)
			return
		}
		fmt.Fprint(w, listingPage("with cookie"))
	}))
	c := mustCrawler(t, Options{})
	sink := &collector{}
	run, err := c.Run(context.Background(), singlePageTarget(srv.URL, "/p"), sink)
	if err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); len(got) != 1 || got[0] != "with cookie" {
		t.Errorf("titles %q, errors %v; want [with cookie]", got, run.ErrorsByKind)
	}
}

// TestRobotsRetried checks that a robots.txt failing once (503, or a dropped
// connection) is fetched again rather than closing the host for the run.
func TestRobotsRetried(t *testing.T) {
	for _, fail := range []string{"503", "drop"} {
		h := newHits()
		srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := h.add(r)
			switch r.URL.Path {
			case "/robots.txt":
				if n == 1 {
					if fail == "503" {
						w.WriteHeader(http.StatusServiceUnavailable)
						return
					}
					conn, _, _ := w.(http.Hijacker).Hijack()
					conn.Close()
					return
				}
				fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
			default:
				fmt.Fprint(w, listingPage("robots retried"))
			}
		}))
		tg := singlePageTarget(srv.URL, "/p")
		tg.RespectRobotsTxt = true
		c := mustCrawler(t, Options{})
		sink := &collector{}
		run, err := c.Run(context.Background(), tg, sink)
		if err != nil {
			t.Fatal(err)
		}
		if got := sink.titles(); len(got) != 1 || h.get("/robots.txt") != 2 {
			t.Errorf("robots.txt %s once: titles %q, robots.txt fetched %d times, errors %v; want the page and 2 fetches",
				fail, got, h.get("/robots.txt"), run.ErrorsByKind)
		}
	}
}

// TestLoopbackAliases crawls a loopback shop whose links name it
// "localhost" while its start URL says 127.0.0.1; a link to another host is
// still out of scope and reported by Test.
func TestLoopbackAliases(t *testing.T) {
	var port string
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprintf(w, `<a href="http://localhost:%s/p/1">1</a><a href="http://shop.example/p/2">2</a>`, port)
		default:
			fmt.Fprint(w, listingPage(r.URL.Path))
		}
	}))
	port = srv.URL[strings.LastIndexByte(srv.URL, ':')+1:]
	lookup := func(ctx context.Context, host string) ([]netip.Addr, error) {
		if host == "localhost" {
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
		}
		return nil, fmt.Errorf("lookup %s: no such host in this test", host)
	}
	tg := singlePageTarget(srv.URL, "/")
	tg.Follow = []string{"a"}
	tg.Listing.URLPattern = "/p/"
	c := mustCrawler(t, Options{LookupIP: lookup})
	sink := &collector{}
	if _, err := c.Run(context.Background(), tg, sink); err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); len(got) != 1 || got[0] != "/p/1" {
		t.Errorf("titles %q, want [/p/1] (localhost link followed, shop.example not)", got)
	}
	rep, err := c.Test(context.Background(), tg, 3)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OffScope != 1 || len(rep.OffScopeExamples) != 1 || rep.OffScopeExamples[0] != "http://shop.example/p/2" {
		t.Errorf("Test off scope = %d %q, want 1 [http://shop.example/p/2]", rep.OffScope, rep.OffScopeExamples)
	}
}

// TestJSONAccept crawls an API that negotiates: HTML for browsers, JSON for
// clients that ask for it.
func TestJSONAccept(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.Header.Get("Accept"), "text/html") {
			fmt.Fprint(w, "<html><body><h1>Browsable API</h1></body></html>")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"results": [{"id": 1, "title": "Negotiated"}], "next": null}`)
	}))
	tg := loopbackTarget("api", srv.URL+"/api/items/")
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: "results", NextPage: "next", Fields: map[string]string{"id": "id", "title": "title"}}
	c := mustCrawler(t, Options{})
	sink := &collector{}
	run, err := c.Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); len(got) != 1 || got[0] != "Negotiated" {
		t.Errorf("titles %q, errors %v; want [Negotiated]", got, run.ErrorsByKind)
	}
}

// TestCompleteNeedsEveryPage checks that a run is complete only when no page
// failed: a 5xx index page, a blocked (403) page or a timed-out page leave
// listings unseen, while 404/410 pages and robots.txt exclusions are the
// site's answers.
func TestCompleteNeedsEveryPage(t *testing.T) {
	for _, tc := range []struct {
		name     string
		status   int // of /catalog?page=2
		complete bool
	}{
		{"all pages read", 200, true},
		{"index page 503", 503, false},
		{"index page 500", 500, false},
		{"index page 403", 403, false},
		{"index page 429", 429, false},
		{"index page 404", 404, true},
		{"index page 410", 410, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch r.URL.RequestURI() {
				case "/catalog?page=1":
					fmt.Fprint(w, `<html><body><a class="p" href="/p/1">1</a><a class="next" href="/catalog?page=2">2</a></body></html>`)
				case "/catalog?page=2":
					if tc.status != 200 {
						http.Error(w, "no", tc.status)
						return
					}
					fmt.Fprint(w, `<html><body><a class="p" href="/p/2">2</a></body></html>`)
				case "/p/1", "/p/2":
					fmt.Fprint(w, `<html><body><h1>Acetone</h1></body></html>`)
				default:
					http.NotFound(w, r)
				}
			}))
			defer srv.Close()
			tg := precwatch.Target{Name: "complete", Platform: "C", StartURLs: []string{srv.URL + "/catalog?page=1"},
				AllowPrivateNetworks: true, MaxRetries: 0, Follow: []string{"a.p"}, NextPage: []string{"a.next"},
				Listing: precwatch.ListingSpec{URLPattern: "^/p/", Fields: map[string]string{"title": "h1"}}}
			run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, SinkFunc(func(context.Context, precwatch.Listing) error { return nil }))
			if err != nil {
				t.Fatal(err)
			}
			if run.Complete != tc.complete {
				t.Errorf("page 2 answering %d: complete %v (errors %v), want %v", tc.status, run.Complete, run.ErrorsByKind, tc.complete)
			}
		})
	}
	if got := Failed(map[string]int{"http-404": 2, KindRobots: 1, "http-503": 1, KindTimeout: 2}); got != 3 {
		t.Errorf("Failed(404×2, robots, 503, timeout×2) = %d, want 3", got)
	}
}

// TestLatin1LabelOnUTF8 checks pages whose server labels every response
// ISO-8859-1 (a Tomcat or Apache default) while the bytes are UTF-8: they
// read as UTF-8, and real Latin-1 pages still read as Latin-1.
func TestLatin1LabelOnUTF8(t *testing.T) {
	latin1, _ := charmap.ISO8859_1.NewEncoder().String("Acétone pure")
	cp1251, _ := charmap.Windows1251.NewEncoder().String("Эфедрин гидрохлорид")
	for _, c := range []struct{ name, contentType, body, want string }{
		{"utf-8 bytes, meta utf-8", "text/html; charset=ISO-8859-1", `<html><head><meta charset="utf-8"></head><body><div class="product" data-id="x"><h1>Эфедрин café</h1></div></body></html>`, "Эфедрин café"},
		{"utf-8 bytes, no meta", "text/html; charset=iso-8859-1", `<html><body><div class="product" data-id="x"><h1>Acétone – 99 %</h1></div></body></html>`, "Acétone – 99 %"},
		{"real latin-1", "text/html; charset=ISO-8859-1", `<html><body><div class="product" data-id="x"><h1>` + latin1 + `</h1></div></body></html>`, "Acétone pure"},
		{"utf-8 bytes labelled windows-1251", "text/html; charset=windows-1251", `<html><body><div class="product" data-id="x"><h1>Эфедрин</h1></div></body></html>`, "Эфедрин"},
		{"real windows-1251", "text/html; charset=windows-1251", `<html><body><div class="product" data-id="x"><h1>` + cp1251 + `</h1></div></body></html>`, "Эфедрин гидрохлорид"},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", c.contentType)
				fmt.Fprint(w, c.body)
			}))
			sink := &collector{}
			if _, err := mustCrawler(t, Options{}).Run(context.Background(), singlePageTarget(srv.URL, "/"), sink); err != nil {
				t.Fatal(err)
			}
			if got := sink.titles(); len(got) != 1 || got[0] != c.want {
				t.Errorf("%s: titles %q, want [%q]", c.name, got, c.want)
			}
		})
	}
}

// TestNonDocumentLinks checks that links to images, PDFs and archives are
// not fetched (by their extension) and that a page answering with such a
// content type is skipped without failing the run.
func TestNonDocumentLinks(t *testing.T) {
	h := newHits()
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><body><a href="/p/1">1</a><a href="/files/catalog.PDF">pdf</a><a href="/img/1.jpg?w=200">img</a>
<a href="/dl/price-list.xlsx">xlsx</a><a href="/download?id=9">download</a><a href="/p/2">2</a></body></html>`)
		case "/download":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write(bytes.Repeat([]byte("%PDF-1.4 binary "), 1<<16))
		case "/p/1", "/p/2":
			fmt.Fprint(w, listingPage("Acetone "+r.URL.Path))
		default:
			http.NotFound(w, r)
		}
	}))
	tg := loopbackTarget("docs", srv.URL+"/")
	tg.MaxBodyBytes = 64 << 10
	tg.Follow = []string{"a"}
	tg.Listing = precwatch.ListingSpec{Fields: map[string]string{"title": "h1"}}
	sink := &collector{}
	run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/files/catalog.PDF", "/img/1.jpg?w=200", "/dl/price-list.xlsx"} {
		if n := h.get(p); n != 0 {
			t.Errorf("%s fetched %d times, want never", p, n)
		}
	}
	if !run.Complete || Failed(run.ErrorsByKind) != 0 || len(sink.titles()) != 2 {
		t.Errorf("run complete %v errors %v listings %q; want complete, no failures, 2 listings", run.Complete, run.ErrorsByKind, sink.titles())
	}
}

func TestSeenKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://shop.example/", "https://shop.example/"},
		{"https://shop.example/offer/5/", "https://shop.example/offer/5"},
		{"https://shop.example/offer/5", "https://shop.example/offer/5"},
		{"https://shop.example/list/?page=2", "https://shop.example/list?page=2"},
		{"https://shop.example/?page=2", "https://shop.example/?page=2"},
		{"https://shop.example/q?next=/a/", "https://shop.example/q?next=/a/"},
	} {
		if got := seenKey(c.in); got != c.want {
			t.Errorf("seenKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestEmptyPageEndsPagination checks that a pagination page with nothing
// on it (no listing, no detail link) ends its sequence: shops whose "next"
// link counts on forever are read to their end, and the run is complete, not
// cut at max_pages (which would keep the store from seeing removals).
func TestEmptyPageEndsPagination(t *testing.T) {
	h := newHits()
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		switch r.URL.Path {
		case "/cat":
			n, _ := strconv.Atoi(r.URL.Query().Get("page"))
			fmt.Fprint(w, `<html><body><nav><a class="sub" href="/cat/acids?page=1">acids</a></nav>`)
			if n <= 2 {
				fmt.Fprintf(w, `<a class="p" href="/p/%d">p</a>`, n)
			}
			fmt.Fprintf(w, `<a class="next" href="/cat?page=%d">next</a></body></html>`, n+1)
		case "/cat/acids":
			// An empty category whose link leads elsewhere: followed.
			fmt.Fprint(w, `<html><body><a class="next" href="/cat/bases?page=1">bases</a></body></html>`)
		case "/cat/bases":
			fmt.Fprint(w, `<html><body><a class="p" href="/p/9">p</a></body></html>`)
		default:
			fmt.Fprint(w, listingPage("Acetone "+r.URL.Path))
		}
	}))
	tg := loopbackTarget("trap", srv.URL+"/cat?page=1")
	tg.MaxPages = 50
	tg.Follow = []string{"a.p"}
	tg.NextPage = []string{"a.next", "a.sub"}
	tg.Listing = precwatch.ListingSpec{URLPattern: "^/p/", Fields: map[string]string{"title": "h1"}}
	sink := &collector{}
	run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if !run.Complete || len(sink.titles()) != 3 || h.get("/cat?page=5") != 0 {
		t.Errorf("run complete %v pages %d listings %q, /cat?page=5 fetched %d times; want complete, 3 listings, page 5 never",
			run.Complete, run.Pages, sink.titles(), h.get("/cat?page=5"))
	}
}

// TestCompleteStartAndEmpty checks that a run whose start page is gone,
// disallowed or blocked, or that found no listing at all, is not complete:
// a moved catalogue, a new robots.txt or a redesign that broke the
// selectors must not make the store take every listing for removed.
func TestCompleteStartAndEmpty(t *testing.T) {
	for _, tc := range []struct {
		name    string
		robots  string
		start   int // status of the start page
		listing bool
	}{
		{"start page 404", "", 404, true},
		{"start page 410", "", 410, true},
		{"start page disallowed", "User-agent: *\nDisallow: /\n", 200, true},
		{"robots.txt 503", "503", 200, true},
		{"detail pages read, no listing found", "", 200, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch r.URL.Path {
				case "/robots.txt":
					switch tc.robots {
					case "":
						http.NotFound(w, r)
					case "503":
						http.Error(w, "down", 503)
					default:
						fmt.Fprint(w, tc.robots)
					}
				case "/catalog":
					if tc.start != 200 {
						http.Error(w, "no", tc.start)
						return
					}
					fmt.Fprint(w, `<html><body><a class="p" href="/p/1">1</a></body></html>`)
				case "/p/1":
					if tc.listing {
						fmt.Fprint(w, `<html><body><h1>Acetone</h1></body></html>`)
					} else {
						fmt.Fprint(w, `<html><body><h2 class="new-theme">Acetone</h2></body></html>`)
					}
				}
			}))
			defer srv.Close()
			tg := precwatch.Target{Name: "start", Platform: "C", StartURLs: []string{srv.URL + "/catalog"}, RespectRobotsTxt: true,
				AllowPrivateNetworks: true, Follow: []string{"a.p"}, Listing: precwatch.ListingSpec{URLPattern: "^/p/", Fields: map[string]string{"title": "h1"}}}
			run, err := mustCrawler(t, Options{RetryBase: time.Millisecond}).Run(context.Background(), tg, SinkFunc(func(context.Context, precwatch.Listing) error { return nil }))
			if err != nil {
				t.Fatal(err)
			}
			if run.Complete {
				t.Errorf("%s: complete (errors %v, listings %d), want incomplete", tc.name, run.ErrorsByKind, run.Listings)
			}
			// The run names the start page that failed.
			failed := tc.start != 200 || tc.robots != ""
			if got := len(run.StartFailed) == 1 && run.StartFailed[0].URL == srv.URL+"/catalog"; got != failed {
				t.Errorf("%s: StartFailed %v, want the start page named: %v", tc.name, run.StartFailed, failed)
			}
		})
	}
}

// TestEmptyShopIsComplete checks that a run whose start page lists nothing
// any more (every listing taken down) is complete: its listings are gone.
func TestEmptyShopIsComplete(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><p>No offers at the moment.</p></body></html>`)
	}))
	tg := loopbackTarget("empty", srv.URL+"/catalog")
	tg.Follow = []string{"a.p"}
	tg.Listing = precwatch.ListingSpec{URLPattern: "^/p/", Fields: map[string]string{"title": "h1"}}
	run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, &collector{})
	if err != nil || !run.Complete {
		t.Errorf("empty shop: complete %v err %v, want complete", run.Complete, err)
	}
	// A board whose cards are there but whose title selector no longer
	// fits them is not empty: incomplete.
	board := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><div class="card"><h3 class="new">Acetone</h3></div><div class="card"><h3 class="new">Toluene</h3></div></body></html>`)
	}))
	tg = loopbackTarget("board", board.URL+"/board")
	tg.Listing = precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"title": "h3.old"}}
	run, err = mustCrawler(t, Options{}).Run(context.Background(), tg, &collector{})
	if err != nil || run.Complete {
		t.Errorf("board with broken title selector: complete %v err %v, want incomplete", run.Complete, err)
	}
}

// TestReplayStartFailed checks that a resumed run remembers its failed start
// pages.
func TestReplayStartFailed(t *testing.T) {
	st, err := replay([]byte("run\tr1\t1\ntarget\tfp\nq\ts\thttp://a/\nq\ts\thttp://b/\nd\thttp://a/\t404\t0\thttp-404\t0\nq\tf\thttp://a/p\nd\thttp://a/p\t404\t0\thttp-404\t1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []PageFailure{{URL: "http://a/", Kind: "http-404"}}; !slices.Equal(st.startFailed, want) || len(st.pending) != 1 {
		t.Errorf("replay: startFailed %v pending %v, want %v and [http://b/]", st.startFailed, st.pending, want)
	}
}

// TestWWWRedirect crawls a shop whose start URL names www.shop.test while
// the site redirects to and links the bare shop.test (and the other way
// round): both names are the shop.
func TestWWWRedirect(t *testing.T) {
	for _, c := range []struct{ start, canonical string }{
		{"www.shop.test", "shop.test"},
		{"shop.test", "www.shop.test"},
	} {
		var port string
		srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			host := r.Host[:strings.LastIndexByte(r.Host, ':')]
			if host != c.canonical {
				http.Redirect(w, r, "http://"+c.canonical+":"+port+r.URL.RequestURI(), http.StatusMovedPermanently)
				return
			}
			switch r.URL.Path {
			case "/":
				fmt.Fprintf(w, `<a href="/p/1">1</a><a href="http://%s:%s/p/2">2</a>`, c.start, port)
			default:
				fmt.Fprint(w, listingPage(r.URL.Path))
			}
		}))
		port = srv.URL[strings.LastIndexByte(srv.URL, ':')+1:]
		lookup := func(ctx context.Context, host string) ([]netip.Addr, error) {
			if host == "shop.test" || host == "www.shop.test" {
				return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
			}
			return nil, fmt.Errorf("lookup %s: no such host in this test", host)
		}
		tg := singlePageTarget("http://"+c.start+":"+port, "/")
		tg.Follow = []string{"a"}
		tg.Listing.URLPattern = "/p/"
		sink := &collector{}
		run, err := mustCrawler(t, Options{LookupIP: lookup}).Run(context.Background(), tg, sink)
		if err != nil {
			t.Fatal(err)
		}
		if got := sink.titles(); len(got) != 2 {
			t.Errorf("start %s redirected to %s: titles %q errors %v, want /p/1 and /p/2", c.start, c.canonical, got, run.ErrorsByKind)
		}
	}
}

// TestClampedPaginationEnds crawls a shop that serves its last page for any
// page number past it, with a "next" link every time: the run ends after the
// repeat and is complete.
func TestClampedPaginationEnds(t *testing.T) {
	h := newHits()
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		if r.URL.Path != "/list" {
			fmt.Fprint(w, listingPage("Acetone "+r.URL.Path))
			return
		}
		n, _ := strconv.Atoi(r.URL.Query().Get("page"))
		shown := min(max(n, 1), 3)
		fmt.Fprintf(w, `<html><body><a class="p" href="/p/%d-a">a</a><a class="p" href="/p/%d-b">b</a><a class="next" href="/list?page=%d">next</a></body></html>`, shown, shown, n+1)
	}))
	tg := loopbackTarget("clamp", srv.URL+"/list?page=1")
	tg.MaxPages = 100
	tg.Follow = []string{"a.p"}
	tg.NextPage = []string{"a.next"}
	tg.Listing = precwatch.ListingSpec{URLPattern: "^/p/", Fields: map[string]string{"title": "h1"}}
	sink := &collector{}
	run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if !run.Complete || len(sink.titles()) != 6 || h.get("/list?page=6") != 0 {
		t.Errorf("complete %v pages %d listings %d, page 6 fetched %d times; want complete, 6 listings, page 5 the last fetched",
			run.Complete, run.Pages, len(sink.titles()), h.get("/list?page=6"))
	}
}

// TestHTMLLinkHeaderNext crawls an html target without next_page whose
// pages name the next one only in a Link header.
func TestHTMLLinkHeaderNext(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.RequestURI() {
		case "/list":
			w.Header().Set("Link", `</list?page=2>; rel="next"`)
			fmt.Fprint(w, `<html><body><div class="product" data-id="a"><h1>Acetone</h1></div></body></html>`)
		case "/list?page=2":
			fmt.Fprint(w, `<html><body><div class="product" data-id="b"><h1>Toluene</h1></div></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	sink := &collector{}
	if _, err := mustCrawler(t, Options{}).Run(context.Background(), singlePageTarget(srv.URL, "/list"), sink); err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); len(got) != 2 {
		t.Errorf("titles %q, want Acetone and Toluene", got)
	}
}

// TestStartPagesAreListings checks a target whose start URLs are the
// listing pages themselves: one that answers 410 is gone.
func TestStartPagesAreListings(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/offer/2" {
			http.Error(w, "gone", http.StatusGone)
			return
		}
		fmt.Fprint(w, listingPage("Acetone"))
	}))
	tg := singlePageTarget(srv.URL, "/offer/1")
	tg.StartURLs = append(tg.StartURLs, srv.URL+"/offer/2")
	run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, &collector{})
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Gone) != 1 || run.Gone[0] != srv.URL+"/offer/2" {
		t.Errorf("gone %v, want [%s/offer/2]", run.Gone, srv.URL)
	}
}

// TestBrokenFollowIsIncomplete checks that a run whose catalogue still
// links listing pages (by url_pattern) that the follow selectors no longer
// find — a redesign renamed the link class — is not complete, so the store
// does not take every listing for removed; a catalogue without such links
// is an empty shop, and complete.
func TestBrokenFollowIsIncomplete(t *testing.T) {
	for _, tc := range []struct {
		name, catalog string
		complete      bool
	}{
		{"link class renamed", `<html><body><a class="product-card" href="/p/1">Acetone</a><a class="product-card" href="/p/2">Toluene</a></body></html>`, false},
		{"no listing links", `<html><body><p>No offers at the moment.</p><a href="/about">About</a></body></html>`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/catalog" {
					fmt.Fprint(w, tc.catalog)
					return
				}
				fmt.Fprint(w, listingPage(r.URL.Path))
			}))
			tg := loopbackTarget("redesign", srv.URL+"/catalog")
			tg.Follow = []string{"a.p"}
			tg.Listing = precwatch.ListingSpec{URLPattern: "^/p/", Fields: map[string]string{"title": "h1"}}
			run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, &collector{})
			if err != nil {
				t.Fatal(err)
			}
			if run.Complete != tc.complete {
				t.Errorf("%s: complete %v (listings %d, pages %d), want %v", tc.name, run.Complete, run.Listings, run.Pages, tc.complete)
			}
		})
	}
}

// TestCanonicalListingNotGone checks a product reachable as /p/1-safrole
// and /c/solvents/p/1, both declaring the canonical /p/1-safrole: one
// listing, named by the canonical, which is not gone when /p/1-safrole
// itself answers 404 while /c/solvents/p/1 still shows it. /p/2, which
// answers 410 and is read nowhere else, is gone.
func TestCanonicalListingNotGone(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/p/1-safrole":
			http.NotFound(w, r)
		case "/p/2":
			http.Error(w, "gone", http.StatusGone)
		case "/c/solvents/p/1":
			fmt.Fprint(w, `<html><head><link rel="canonical" href="/p/1-safrole"></head><body><h1>Safrole</h1></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	tg := loopbackTarget("canon", srv.URL+"/p/1-safrole")
	tg.StartURLs = append(tg.StartURLs, srv.URL+"/c/solvents/p/1", srv.URL+"/p/2")
	tg.Listing = precwatch.ListingSpec{URLPattern: "/p/", Fields: map[string]string{"title": "h1"}}
	sink := &collector{}
	run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if len(sink.listings) != 1 || sink.listings[0].URL != srv.URL+"/p/1-safrole" {
		t.Errorf("listings %+v, want one at %s/p/1-safrole", sink.listings, srv.URL)
	}
	if len(run.Gone) != 1 || run.Gone[0] != srv.URL+"/p/2" {
		t.Errorf("gone %v, want [%s/p/2]", run.Gone, srv.URL)
	}
}
