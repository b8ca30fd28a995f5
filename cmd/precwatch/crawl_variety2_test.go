package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// A second round of marketplaces unlike the bundled fixtures, crawled end to
// end through the CLI with a config written per DESIGN.md.

// crawlOnce writes cfg ("DATA" replaced by data) to dir and runs `precwatch
// crawl`, returning its stdout.
func crawlOnce(t *testing.T, dir, data, cfg string) string {
	t.Helper()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, strings.ReplaceAll(cfg, "DATA", data))
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath)
	if code != 0 {
		t.Fatalf("crawl: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	return stdout
}

// summaryColumn returns the named column of target's row in crawl's
// summary table.
func summaryColumn(out, target, column string) string {
	lines := strings.Split(out, "\n")
	if len(lines) == 0 {
		return ""
	}
	head := strings.Fields(lines[0])
	// "NEW TICKETS" is one column in two words.
	for i := 0; i+1 < len(head); i++ {
		if head[i] == "NEW" && head[i+1] == "TICKETS" {
			head = append(head[:i+1], head[i+2:]...)
		}
	}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) == len(head) && f[0] == target {
			for i, h := range head {
				if h == column || h == "NEW" && column == "NEW TICKETS" {
					return f[i]
				}
			}
		}
	}
	return ""
}

// listingStatuses returns the listing_status of every exported ticket keyed
// by its URL path.
func listingStatuses(t *testing.T, data string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, e := range exportTickets(t, data) {
		out[strings.TrimPrefix(e.key(), e.Platform+"|")] = e.ListingStatus
	}
	return out
}

// removalShop is a two-page catalogue of suspicious offers whose pages can
// be made to fail, vanish or answer 404 between crawls.
type removalShop struct {
	mu     sync.Mutex
	pages  map[string][]string // index page → offer ids
	status map[string]int      // path → forced status
	hits   map[string]int
	srv    *httptest.Server
	broken bool // detail pages in a new markup
}

func newRemovalShop(t *testing.T) *removalShop {
	s := &removalShop{
		pages:  map[string][]string{"1": {"a1", "a2", "a3"}, "2": {"b1", "b2", "b3"}},
		status: map[string]int{},
		hits:   map[string]int{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *removalShop) set(f func(s *removalShop)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

func (s *removalShop) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[r.URL.RequestURI()]++
	if code := s.status[r.URL.RequestURI()]; code != 0 {
		http.Error(w, http.StatusText(code), code)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	switch {
	case r.URL.Path == "/robots.txt":
		http.NotFound(w, r)
	case r.URL.Path == "/catalog":
		p := r.URL.Query().Get("page")
		ids, ok := s.pages[p]
		if !ok {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, "<html><body><ul>")
		for _, id := range ids {
			fmt.Fprintf(w, `<li><a class="offer" href="/offer/%s">%s</a></li>`, id, id)
		}
		fmt.Fprint(w, "</ul>")
		if p == "1" {
			fmt.Fprint(w, `<a class="next" href="/catalog?page=2">next</a>`)
		}
		fmt.Fprint(w, "</body></html>")
	case strings.HasPrefix(r.URL.Path, "/offer/"):
		id := strings.TrimPrefix(r.URL.Path, "/offer/")
		if s.broken {
			fmt.Fprintf(w, `<html><body><section class="item-v2"><h2>BMK glycidate %s</h2></section></body></html>`, id)
			return
		}
		fmt.Fprintf(w, `<html><body><div class="offer" data-id="%s"><h1>BMK glycidate %s, CAS 5449-12-7</h1>
<p class="d">Stealth shipping, contact Wickr: chem%s</p></div></body></html>`, id, id, id)
	default:
		http.NotFound(w, r)
	}
}

// TestVarietyRemovalNeedsCompleteRun crawls a catalogue four times: a
// listing gone from every index page or answering 404 is removed only by a
// run that read every page; a run in which an index page failed (5xx after
// retries) or that stopped at max_pages leaves every listing active.
func TestVarietyRemovalNeedsCompleteRun(t *testing.T) {
	shop := newRemovalShop(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfg := func(maxPages int) string {
		return fmt.Sprintf(`data_dir: DATA
targets:
  - name: removal
    platform: Removal
    start_urls: ["%s/catalog?page=1"]
    allow_private_networks: true
    delay: 0s
    max_retries: 1
    max_pages: %d
    follow: ["a.offer"]
    next_page: ["a.next"]
    listing:
      url_pattern: "^/offer/"
      fields: {id: "div.offer@data-id", title: h1, description: .d}
`, shop.srv.URL, maxPages)
	}
	all := map[string]string{"/offer/a1": "active", "/offer/a2": "active", "/offer/a3": "active",
		"/offer/b1": "active", "/offer/b2": "active", "/offer/b3": "active"}
	check := func(step string, want map[string]string) {
		t.Helper()
		got := listingStatuses(t, data)
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s: %s listing_status %q, want %q (all: %v)", step, k, got[k], w, got)
			}
		}
	}
	crawlOnce(t, dir, data, cfg(100))
	check("first crawl", all)

	// Page 2 of the catalogue fails: b1..b3 were not seen, but that
	// proves nothing.
	shop.set(func(s *removalShop) { s.status["/catalog?page=2"] = http.StatusServiceUnavailable })
	out := crawlOnce(t, dir, data, cfg(100))
	check("crawl with a failing index page", all)
	if got := summaryColumn(out, "removal", "COMPLETE"); got != "no" {
		t.Errorf("crawl with a failing index page: COMPLETE %q, want no:\n%s", got, out)
	}

	// A detail page times out / fails: its listing stays.
	shop.set(func(s *removalShop) {
		delete(s.status, "/catalog?page=2")
		s.status["/offer/a2"] = http.StatusInternalServerError
	})
	crawlOnce(t, dir, data, cfg(100))
	check("crawl with a failing detail page", all)

	// max_pages cuts the run short before page 2's offers.
	shop.set(func(s *removalShop) { delete(s.status, "/offer/a2") })
	crawlOnce(t, dir, data, cfg(4))
	check("crawl cut by max_pages", all)

	// A complete run: a3 is no longer listed, b2 is listed but answers
	// 404, b3 answers 410.
	shop.set(func(s *removalShop) {
		s.pages["1"] = []string{"a1", "a2"}
		s.status["/offer/b2"] = http.StatusNotFound
		s.status["/offer/b3"] = http.StatusGone
	})
	crawlOnce(t, dir, data, cfg(100))
	check("complete crawl", map[string]string{"/offer/a1": "active", "/offer/a2": "active", "/offer/a3": "removed",
		"/offer/b1": "active", "/offer/b2": "removed", "/offer/b3": "removed"})

	// The detail pages' markup changes: nothing is extracted, which proves
	// nothing.
	shop.set(func(s *removalShop) { s.broken = true })
	crawlOnce(t, dir, data, cfg(100))
	check("crawl after a redesign", map[string]string{"/offer/a1": "active", "/offer/a2": "active", "/offer/b1": "active"})

	// Every offer is taken down: the catalogue lists nothing. One
	// complete run that finds no listing at all is not taken at its word
	// (a login wall or maintenance page answering 200 looks the same, see
	// TestCrawlEmptyRunKeepsListings): it keeps them; the second in a row
	// removes them.
	shop.set(func(s *removalShop) { s.broken, s.pages["1"], s.pages["2"] = false, nil, nil })
	crawlOnce(t, dir, data, cfg(100))
	check("first crawl of the emptied catalogue", map[string]string{"/offer/a1": "active", "/offer/a2": "active", "/offer/b1": "active"})
	crawlOnce(t, dir, data, cfg(100))
	check("second crawl of the emptied catalogue", map[string]string{"/offer/a1": "removed", "/offer/a2": "removed", "/offer/b1": "removed"})
}

// TestVarietyStructuredData crawls a shop whose detail pages describe their
// product in JSON-LD, microdata or OpenGraph tags: a target without fields
// reads them, and a target whose title selector fits only the old theme
// still gets every title.
func TestVarietyStructuredData(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><head><meta property="og:type" content="website"><meta property="og:title" content="Shop"></head><body>
<a class="p" href="/item/ld">1</a><a class="p" href="/item/md">2</a><a class="p" href="/item/og">3</a><a class="p" href="/item/old">4</a></body></html>`)
		case "/item/ld":
			fmt.Fprint(w, `<html><head><script type="application/ld+json">
[{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[]},
 {"@context":"https://schema.org","@type":"Product","name":"BMK glycidate (CAS 5449-12-7)","sku":"BMK-1",
  "description":"Powder, 99%.\nStealth shipping, contact Wickr: bmkman",
  "offers":{"@type":"Offer","price":1200,"priceCurrency":"USD","seller":{"@type":"Organization","name":"ChemLab"}}}]
</script></head><body><div class="new-theme"><h2>BMK glycidate (CAS 5449-12-7)</h2></div></body></html>`)
		case "/item/md":
			fmt.Fprint(w, `<html><body><main itemscope itemtype="https://schema.org/Product">
<h2 itemprop="name">Red phosphorus 500 g</h2><div itemprop="description">Crypto only, no paperwork.</div>
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="300">$300</span>
<meta itemprop="priceCurrency" content="USD"></div></main></body></html>`)
		case "/item/og":
			fmt.Fprint(w, `<html><head><meta property="og:type" content="product"><meta property="og:title" content="Acetone 20 L">
<meta property="og:description" content="Technical grade solvent."><meta property="product:price:amount" content="40">
<meta property="product:price:currency" content="EUR"></head><body></body></html>`)
		case "/item/old":
			fmt.Fprint(w, `<html><body><h1 class="title">Pseudoephedrine HCl 25 kg drum</h1><p class="d">Bulk, no prescription.</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, data := varietyCrawl(t, fmt.Sprintf(`data_dir: DATA
targets:
  - name: nofields
    platform: NoFields
    start_urls: ["%[1]s/"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    follow: ["a.p"]
    listing:
      url_pattern: "^/item/"
  - name: oldtheme
    platform: OldTheme
    start_urls: ["%[1]s/"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    follow: ["a.p"]
    listing:
      url_pattern: "^/item/"
      fields: {title: h1.title, description: p.d, price: span.price}
`, srv.URL))
	// Both targets read the same pages: got holds one of them per path;
	// the tickets below are per platform.
	checkListing(t, "/item/ld", got["/item/ld"], map[string]string{"title": "BMK glycidate (CAS 5449-12-7)",
		"description": "Powder, 99%. Stealth shipping, contact Wickr: bmkman", "price": "1200 USD"})
	checkListing(t, "/item/md", got["/item/md"], map[string]string{"title": "Red phosphorus 500 g", "price": "300 USD"})
	checkListing(t, "/item/og", got["/item/og"], map[string]string{"title": "Acetone 20 L", "price": "40 EUR"})
	checkListing(t, "/item/old", got["/item/old"], map[string]string{"title": "Pseudoephedrine HCl 25 kg drum"})
	if _, ok := got["/"]; ok {
		t.Errorf("the index page became a listing: %+v", got["/"])
	}
	byPlatform := map[string][]string{}
	for _, e := range exportTickets(t, data) {
		u, _ := url.Parse(e.ListingURL)
		byPlatform[e.Platform] = append(byPlatform[e.Platform], u.Path)
	}
	for _, p := range []string{"NoFields", "OldTheme"} {
		sort.Strings(byPlatform[p])
		if !slices.Contains(byPlatform[p], "/item/ld") {
			t.Errorf("%s tickets %v, want one for /item/ld", p, byPlatform[p])
		}
	}
	if slices.Contains(byPlatform["NoFields"], "/item/old") {
		t.Errorf("NoFields ticket for /item/old, which has no structured data")
	}
}

// TestVarietyDuplicateURLs crawls a shop that links each offer under
// several names — trailing slash, session ids of osCommerce, Zen Cart and
// generic carts, Shopify's search and recommendation parameters, Google
// Shopping's srsltid, a fragment — on several index pages that link back to
// page 1, whose next_page selector matches several links, with &amp; in
// hrefs: one listing and one ticket per offer.
func TestVarietyDuplicateURLs(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/list":
			switch r.URL.Query().Get("page") {
			case "", "1":
				fmt.Fprint(w, `<html><body>
<a class="o" href="/offer/5">5</a> <a class="o" href="/offer/5/">5 again</a>
<a class="o" href="/offer/5?osCsid=8f7e6d5c4b3a">5 session</a> <a class="o" href="/offer/6?sid=abc123&amp;utm_source=mail">6</a>
<div class="pager"><a class="next" href="/list?page=2&amp;sort=new">2</a> <a class="next" href="/list?sort=new&amp;page=2">next</a></div></body></html>`)
			case "2":
				fmt.Fprint(w, `<html><body>
<a class="o" href="/offer/6/?_pos=1&amp;_sid=9a8b7c&amp;_ss=r">6 from search</a> <a class="o" href="/offer/5?zenid=q1w2e3#reviews">5 reviews</a>
<a class="o" href="/offer/7?srsltid=AfmBOoq">7</a> <a class="o" href="/offer/7?pr_prod_strat=copurchase&amp;pr_rec_id=1&amp;pr_seq=uniform">7 rec</a>
<div class="pager"><a class="next" href="/list?page=1&amp;sort=new">1</a> <a class="next" href="/list?page=3&amp;sort=new">3</a></div></body></html>`)
			case "3":
				fmt.Fprint(w, `<html><body><a class="o" href="/offer/7/">7</a><div class="pager"><a class="next" href="/list">1</a></div></body></html>`)
			}
		case "/offer/5", "/offer/5/", "/offer/6", "/offer/6/", "/offer/7", "/offer/7/":
			id := strings.Trim(strings.TrimPrefix(r.URL.Path, "/offer/"), "/")
			fmt.Fprintf(w, `<html><body><h1>Ephedrine HCl lot %s</h1><p class="d">Bulk 25 kg, no prescription, Telegram @eph%s</p></body></html>`, id, id)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, data := varietyCrawl(t, fmt.Sprintf(`data_dir: DATA
targets:
  - name: dups
    platform: Dups
    start_urls: ["%s/list"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    next_page: ["div.pager a.next"]
    listing:
      url_pattern: "^/offer/"
      fields: {title: h1, description: p.d}
`, srv.URL))
	var paths []string
	for _, l := range got {
		u, _ := url.Parse(l.URL)
		paths = append(paths, strings.TrimSuffix(u.RequestURI(), "/"))
	}
	sort.Strings(paths)
	if want := []string{"/offer/5", "/offer/6", "/offer/7"}; !slices.Equal(paths, want) {
		t.Errorf("listings at %v (ids %v), want one per offer %v", paths, listingKeys(got), want)
	}
	if ts := exportTickets(t, data); len(ts) != 3 {
		var urls []string
		for _, e := range ts {
			urls = append(urls, e.ListingURL)
		}
		t.Errorf("%d tickets %v, want 3", len(ts), urls)
	}
}

// TestVarietyJSONAPIs crawls three APIs: one paged by a cursor token
// (meta.next_cursor) that first answers 429 with Retry-After and then 503,
// one in HAL (_embedded items, _links.next.href), one whose next page is a
// page number in a string; items carry numeric ids and HTML descriptions.
func TestVarietyJSONAPIs(t *testing.T) {
	var mu sync.Mutex
	calls := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls[r.URL.RequestURI()]++
		n := calls[r.URL.RequestURI()]
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/v2/offers":
			switch r.URL.Query().Get("cursor") {
			case "":
				fmt.Fprint(w, `{"data": [{"id": 101, "title": "Acetone", "html": "<p>Solvent &amp; cleaner</p>"}], "meta": {"next_cursor": "eyJpZCI6MTAxfQ=="}}`)
			case "eyJpZCI6MTAxfQ==":
				switch n {
				case 1:
					w.Header().Set("Retry-After", "1")
					http.Error(w, `{"error": "slow down"}`, http.StatusTooManyRequests)
				case 2:
					http.Error(w, `{"error": "unavailable"}`, http.StatusServiceUnavailable)
				default:
					fmt.Fprint(w, `{"data": [{"id": 102, "title": "Safrole", "html": "<ul><li>99%</li><li>Wickr: saf</li></ul>"}], "meta": {"next_cursor": null}}`)
				}
			}
		case "/hal/products":
			page := r.URL.Query().Get("page")
			next := `"next": {"href": "/hal/products?page=2"},`
			if page == "2" {
				next = ""
			}
			fmt.Fprintf(w, `{"_embedded": {"products": [{"sku": "H%s", "name": "Iodine lot %s"}]}, "_links": {%s "self": {"href": "/hal/products?page=%s"}}}`, page, page, next, page)
		case "/list.json":
			page := r.URL.Query().Get("page")
			if page == "" {
				page = "1"
			}
			next := `"2"`
			if page == "2" {
				next = "null"
			}
			fmt.Fprintf(w, `{"results": [{"pk": %s0, "label": "Toluene %s"}], "next_page": %s}`, page, page, next)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := fmt.Sprintf(`data_dir: DATA
targets:
  - name: cursor
    platform: Cursor
    kind: json
    start_urls: ["%[1]s/v2/offers"]
    allow_private_networks: true
    delay: 0s
    json: {items: data, next_page: meta.next_cursor, fields: {id: id, title: title, description: html}}
  - name: hal
    platform: HAL
    kind: json
    start_urls: ["%[1]s/hal/products"]
    allow_private_networks: true
    delay: 0s
    json: {items: _embedded.products, next_page: _links.next, fields: {id: sku, title: name, seller: vendor.name}}
  - name: pages
    platform: Pages
    kind: json
    start_urls: ["%[1]s/list.json"]
    allow_private_networks: true
    delay: 0s
    json: {items: results, next_page: next_page, fields: {id: pk, title: label}}
`, srv.URL)
	got, _ := varietyCrawl(t, cfg)
	if g, want := strings.Join(listingKeys(got), ","), "10,101,102,20,H,H2"; g != want {
		t.Fatalf("listings %s, want %s", g, want)
	}
	checkListing(t, "101", got["101"], map[string]string{"description": "Solvent & cleaner"})
	checkListing(t, "102", got["102"], map[string]string{"title": "Safrole", "description": "99% Wickr: saf", "url": srv.URL + "/v2/offers?cursor=eyJpZCI6MTAxfQ%3D%3D"})
	checkListing(t, "H2", got["H2"], map[string]string{"title": "Iodine lot 2"})

	// target test names the JSON path that found nothing.
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, strings.ReplaceAll(cfg, "DATA", filepath.Join(dir, "data")))
	code, out, errOut := runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "hal", "--pages", "3")
	if code != 0 {
		t.Fatalf("target test: exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"target hal (HAL): 2 pages, 2 listings",
		`field:seller  (json.fields.seller: "vendor.name")`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("target test output lacks %q:\n%s", want, out)
		}
	}
}

// TestVarietyServerBehaviour crawls a shop with a slow page (past the
// timeout), a page over max_body_bytes, a redirect loop, a page that is an
// image, an HTTP/1.0 server without Content-Length and a chunked page, and
// an endless pagination trap stopped by max_pages: the good listings come
// through, the crawl exits 0 and reports itself incomplete.
func TestVarietyServerBehaviour(t *testing.T) {
	// An HTTP/1.0 server that closes the connection to end the body.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				c.SetDeadline(time.Now().Add(5 * time.Second))
				buf := make([]byte, 4096)
				c.Read(buf)
				fmt.Fprint(c, "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><h1>Iodine from an old server</h1></body></html>")
			}(c)
		}
	}()
	old := "http://" + ln.Addr().String() + "/old"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			fmt.Fprintf(w, `<html><body><a href="/p/ok">ok</a><a href="/p/slow">slow</a><a href="/p/huge">huge</a>
<a href="/p/loop">loop</a><a href="/p/img">img</a><a href="/p/chunked">chunked</a><a href="%s">old</a>
<a class="next" href="/trap?n=1">more</a></body></html>`, old)
		case "/trap":
			n, _ := strconv.Atoi(r.URL.Query().Get("n"))
			// Every page brings a new product: only max_pages ends it.
			fmt.Fprintf(w, `<html><body><a href="/p/t%d">t</a><a class="next" href="/trap?n=%d">more</a></body></html>`, n, n+1)
		case "/p/ok":
			fmt.Fprint(w, `<html><body><h1>Acetone ok</h1></body></html>`)
		case "/p/t1", "/p/t2", "/p/t3", "/p/t4", "/p/t5", "/p/t6", "/p/t7", "/p/t8", "/p/t9", "/p/t10", "/p/t11", "/p/t12":
			fmt.Fprintf(w, `<html><body><h1>Trap item %s</h1></body></html>`, r.URL.Path)
		case "/p/slow":
			select {
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
			}
			fmt.Fprint(w, `<html><body><h1>Slow</h1></body></html>`)
		case "/p/huge":
			fmt.Fprint(w, `<html><body><h1>Huge</h1>`+strings.Repeat("<p>filler</p>", 20000)+`</body></html>`)
		case "/p/loop":
			http.Redirect(w, r, "/p/loop2", http.StatusFound)
		case "/p/loop2":
			http.Redirect(w, r, "/p/loop", http.StatusFound)
		case "/p/img":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		case "/p/chunked":
			fl := w.(http.Flusher)
			fmt.Fprint(w, `<html><body><h1>Chunked `)
			fl.Flush()
			fmt.Fprint(w, `toluene</h1></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	out := crawlOnce(t, dir, data, fmt.Sprintf(`data_dir: DATA
targets:
  - name: faults
    platform: Faults
    start_urls: ["%s/"]
    allowed_domains: ["127.0.0.1"]
    allow_private_networks: true
    delay: 0s
    timeout: 1s
    max_retries: 0
    max_body_bytes: 100000
    max_pages: 30
    follow: ["a[href*='/p/'], a[href$='/old']"]
    next_page: ["a.next"]
    listing:
      fields: {title: h1}
`, srv.URL))
	if got := summaryColumn(out, "faults", "COMPLETE"); got != "no" {
		t.Errorf("COMPLETE %q, want no:\n%s", got, out)
	}
	if got := summaryColumn(out, "faults", "PAGES"); got != "30" {
		t.Errorf("PAGES %q, want 30 (max_pages):\n%s", got, out)
	}
	cfgPath := filepath.Join(dir, "precwatch.yml")
	code, tt, _ := runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "faults", "--pages", "9")
	if code != 0 {
		t.Fatalf("target test exit %d:\n%s", code, tt)
	}
	for _, want := range []string{"title:       Acetone ok", "title:       Chunked toluene", "title:       Iodine from an old server"} {
		if !strings.Contains(tt, want) {
			t.Errorf("target test lacks %q:\n%s", want, tt)
		}
	}
	for _, bad := range []string{"Slow", "Huge"} {
		if strings.Contains(tt, "title:       "+bad) {
			t.Errorf("target test shows %q:\n%s", bad, tt)
		}
	}
}

// TestVarietyTargetTestStructured checks what `target test` says of a
// target without fields: the listings its pages' JSON-LD gives, or that no
// page had any.
func TestVarietyTargetTestStructured(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ld":
			fmt.Fprint(w, `<html><head><script type="application/ld+json">{"@type":"Product","name":"Iodine 1 kg","offers":{"price":"80","priceCurrency":"EUR"}}</script></head><body></body></html>`)
		default:
			fmt.Fprint(w, `<html><body><h1>No data here</h1></body></html>`)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`targets:
  - name: ld
    platform: LD
    start_urls: ["%[1]s/ld"]
    allow_private_networks: true
    respect_robots_txt: false
  - name: plain
    platform: Plain
    start_urls: ["%[1]s/plain"]
    allow_private_networks: true
    respect_robots_txt: false
`, srv.URL))
	code, out, errOut := runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "ld")
	if code != 0 || !strings.Contains(out, "title:       Iodine 1 kg") || !strings.Contains(out, "price:       80 EUR") {
		t.Errorf("target test ld: exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "plain")
	if code != 0 || !strings.Contains(out, "no fetched page had schema.org Product data") {
		t.Errorf("target test plain: exit %d, want the missing structured data named\n%s\n%s", code, out, errOut)
	}
}

// TestVarietyInlineCardsWithoutIDs crawls a board whose cards carry every
// field but neither an id nor a link, twice: when the first card is taken
// down, its ticket becomes removed and the others keep theirs.
func TestVarietyInlineCardsWithoutIDs(t *testing.T) {
	var mu sync.Mutex
	cards := []string{"BMK glycidate 1 kg", "PMK glycidate 5 kg", "APAA 10 kg"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path != "/board" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, `<html><body>`)
		for _, c := range cards {
			fmt.Fprintf(w, `<div class="card"><h3>%s</h3><p>Stealth shipping, Wickr: seller</p><span class="who">chemguy</span></div>`, c)
		}
		fmt.Fprint(w, `</body></html>`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfg := fmt.Sprintf(`data_dir: DATA
targets:
  - name: cards
    platform: Cards
    start_urls: ["%s/board"]
    allow_private_networks: true
    respect_robots_txt: false
    listing:
      item: div.card
      fields: {title: h3, description: p, seller: .who}
`, srv.URL)
	crawlOnce(t, dir, data, cfg)
	status := func() map[string]string {
		out := map[string]string{}
		for _, e := range exportTickets(t, data) {
			out[e.Title] = e.ListingStatus
		}
		return out
	}
	if got := status(); len(got) != 3 {
		t.Fatalf("first crawl: tickets %v, want 3", got)
	}
	mu.Lock()
	cards = cards[1:]
	mu.Unlock()
	crawlOnce(t, dir, data, cfg)
	got := status()
	want := map[string]string{"BMK glycidate 1 kg": "removed", "PMK glycidate 5 kg": "active", "APAA 10 kg": "active"}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("after the first card was taken down: %q %q, want %q (all %v)", k, got[k], w, got)
		}
	}
}

// TestVarietyJSONPageCounting crawls two feeds without next links: a
// Shopify-style products.json paged by ?page=N until an empty page, and an
// API that ignores its page parameter (every page is the first again). Both
// end on their own, complete, without reaching max_pages; the DRF-style
// feed beside them is paged by its "next" URL without any next_page.
func TestVarietyJSONPageCounting(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		switch r.URL.Path {
		case "/products.json":
			if page > 3 {
				fmt.Fprint(w, `{"products": []}`)
				return
			}
			fmt.Fprintf(w, `{"products": [{"id": %d1, "title": "Acetone %d", "body_html": "<p>Solvent</p>", "vendor": "ChemCo"}, {"id": %d2, "title": "Toluene %d", "vendor": "ChemCo"}]}`, page, page, page, page)
		case "/stuck":
			fmt.Fprint(w, `{"items": [{"id": 1, "name": "Iodine"}, {"id": 2, "name": "Red phosphorus"}]}`)
		case "/drf/offers/":
			next := fmt.Sprintf(`"http://%s/drf/offers/?page=2"`, r.Host)
			if page == 2 {
				next = "null"
			}
			fmt.Fprintf(w, `{"count": 2, "next": %s, "previous": null, "results": [{"id": "d%d", "title": "Safrole %d"}]}`, next, max(page, 1), max(page, 1))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	out := crawlOnce(t, dir, filepath.Join(dir, "data"), fmt.Sprintf(`data_dir: DATA
targets:
  - name: shopify
    platform: Shopify
    kind: json
    start_urls: ["%[1]s/products.json?page=1"]
    allow_private_networks: true
    respect_robots_txt: false
    max_pages: 50
    json: {items: products, fields: {id: id, title: title, description: body_html, seller: vendor}}
  - name: stuck
    platform: Stuck
    kind: json
    start_urls: ["%[1]s/stuck?page=1"]
    allow_private_networks: true
    respect_robots_txt: false
    max_pages: 50
    json: {items: items, fields: {id: id, title: name}}
  - name: drf
    platform: DRF
    kind: json
    start_urls: ["%[1]s/drf/offers/"]
    allow_private_networks: true
    respect_robots_txt: false
    json: {items: results, fields: {id: id, title: title}}
`, srv.URL))
	for _, c := range []struct{ target, pages, listings string }{
		{"shopify", "4", "6"},
		{"stuck", "2", "2"}, // page 2 repeats page 1: the same ids are the same listings, delivered once
		{"drf", "2", "2"},
	} {
		if got := summaryColumn(out, c.target, "PAGES"); got != c.pages {
			t.Errorf("%s: PAGES %q, want %s\n%s", c.target, got, c.pages, out)
		}
		if got := summaryColumn(out, c.target, "LISTINGS"); got != c.listings {
			t.Errorf("%s: LISTINGS %q, want %s\n%s", c.target, got, c.listings, out)
		}
		if got := summaryColumn(out, c.target, "COMPLETE"); got != "yes" {
			t.Errorf("%s: COMPLETE %q, want yes\n%s", c.target, got, out)
		}
	}
}

// TestVarietyOpenCart crawls a shop addressed the OpenCart way, every page
// index.php with a route parameter, the url_pattern written as the address
// bar shows it.
func TestVarietyOpenCart(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		q := r.URL.Query()
		switch q.Get("route") {
		case "product/category":
			if q.Get("page") == "2" {
				fmt.Fprint(w, `<html><body><div class="product-thumb"><h4><a href="index.php?route=product/product&amp;path=20&amp;product_id=43">Toluene</a></h4></div></body></html>`)
				return
			}
			fmt.Fprint(w, `<html><body><div class="product-thumb"><h4><a href="http://`+r.Host+`/index.php?route=product/product&amp;path=20&amp;product_id=42">Safrole</a></h4></div>
<ul class="pagination"><li><a href="index.php?route=product/category&amp;path=20&amp;page=2">&gt;</a></li></ul></body></html>`)
		case "product/product":
			fmt.Fprintf(w, `<html><body><div id="content"><h1>Item %s</h1><div id="tab-description"><p>Safrole oil, bulk drums, Wickr: oc%s</p></div></div></body></html>`, q.Get("product_id"), q.Get("product_id"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _ := varietyCrawl(t, fmt.Sprintf(`data_dir: DATA
targets:
  - name: opencart
    platform: OpenCart
    start_urls: ["%s/index.php?route=product/category&path=20"]
    allow_private_networks: true
    respect_robots_txt: false
    follow: [".product-thumb h4 a"]
    next_page: ["ul.pagination a"]
    listing:
      url_pattern: "route=product/product&path=\\d+&product_id=\\d+"
      fields: {title: "#content h1", description: "#tab-description"}
`, srv.URL))
	var titles []string
	for _, l := range got {
		titles = append(titles, l.Title)
	}
	sort.Strings(titles)
	if want := []string{"Item 42", "Item 43"}; !slices.Equal(titles, want) {
		t.Errorf("titles %v, want %v", titles, want)
	}
}
