package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// outputShop is a loopback marketplace whose catalogue, detail page
// statuses and files can change between crawls.
type outputShop struct {
	mu      sync.Mutex
	offers  []string       // ids the catalogue links to
	status  map[string]int // path → forced status
	files   []string       // paths linked like offers that answer with a PDF
	srv     *httptest.Server
	noPrice map[string]bool // offers without a .price element
	// redesigned serves detail pages in a markup the selectors miss;
	// relinked, catalogue links in a class the follow selector misses.
	redesigned, relinked bool
	ld                   map[string]bool // offers with schema.org JSON-LD carrying the price
}

func newOutputShop(t *testing.T, offers ...string) *outputShop {
	s := &outputShop{offers: offers, status: map[string]int{}, noPrice: map[string]bool{}, ld: map[string]bool{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *outputShop) set(f func(s *outputShop)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

func (s *outputShop) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if code := s.status[r.URL.Path]; code != 0 {
		http.Error(w, http.StatusText(code), code)
		return
	}
	switch {
	case r.URL.Path == "/catalog":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><ul>")
		class := "offer"
		if s.relinked {
			class = "card-link"
		}
		for _, id := range s.offers {
			fmt.Fprintf(w, `<li><a class="%s" href="/offer/%s">%s</a></li>`, class, id, id)
		}
		for _, f := range s.files {
			fmt.Fprintf(w, `<li><a class="%s" href="%s">data sheet</a></li>`, class, f)
		}
		fmt.Fprint(w, "</ul></body></html>")
	case r.URL.Path == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	case strings.HasPrefix(r.URL.Path, "/offer/") && s.redesigned:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><body><section class="v2"><h2>BMK glycidate</h2><div class="text">Stealth shipping</div></section></body></html>`)
	case strings.HasPrefix(r.URL.Path, "/offer/"):
		id := strings.TrimPrefix(r.URL.Path, "/offer/")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		price := `<span class="price">120 EUR</span>`
		if s.noPrice[id] {
			price = ""
		}
		ld := ""
		if s.ld[id] {
			ld = fmt.Sprintf(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
"name":"BMK glycidate %s","offers":{"@type":"Offer","price":"95","priceCurrency":"EUR"}}</script>`, id)
		}
		fmt.Fprintf(w, `<html><head>%s</head><body><div class="offer" data-id="%s"><h1>BMK glycidate %s, CAS 5449-12-7</h1>
<p class="d">Stealth shipping, contact Wickr: chem%s</p>%s</div></body></html>`, ld, id, id, id, price)
	default:
		for _, f := range s.files {
			if r.URL.Path == f {
				w.Header().Set("Content-Type", "application/pdf")
				fmt.Fprint(w, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
				return
			}
		}
		http.NotFound(w, r)
	}
}

// outputConfig is a config of one target "shop" crawling s, with max_pages.
func outputConfig(s *outputShop, maxPages int) string {
	return outputConfigWith(s, maxPages, false, "/catalog")
}

// outputConfigWith is outputConfig with robots.txt respected or not and
// the given start paths.
func outputConfigWith(s *outputShop, maxPages int, robots bool, starts ...string) string {
	urls := make([]string, len(starts))
	for i, p := range starts {
		urls[i] = fmt.Sprintf("%q", s.srv.URL+p)
	}
	return fmt.Sprintf(`data_dir: DATA
targets:
  - name: shop
    platform: Shop
    start_urls: [%s]
    allow_private_networks: true
    respect_robots_txt: %t
    delay: 0s
    max_retries: 0
    max_pages: %d
    follow: ["a.offer"]
    listing:
      url_pattern: "^/offer/"
      fields: {id: "div.offer@data-id", title: h1, description: .d, price: .price}
`, strings.Join(urls, ", "), robots, maxPages)
}

// TestCrawlOutputIncompleteSaysWhy: a run with a failed detail page or cut
// short by max_pages says so under the summary table, in words, and that
// the listing no longer in the catalogue was therefore kept active; a
// complete run then removes it and says nothing of the kind. A link to a
// PDF is reported as skipped, not as a failure.
func TestCrawlOutputIncompleteSaysWhy(t *testing.T) {
	shop := newOutputShop(t, "a1", "a2", "a3")
	shop.set(func(s *outputShop) { s.files = []string{"/sheet/a1"} })
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	const kept = "shop: incomplete, so listings not seen in this run were NOT marked removed:\n"

	out := crawlOnce(t, dir, data, outputConfig(shop, 100))
	if got := summaryColumn(out, "shop", "COMPLETE"); got != "yes" {
		t.Fatalf("first crawl: COMPLETE %q, want yes:\n%s", got, out)
	}
	if strings.Contains(out, "incomplete") {
		t.Errorf("first crawl, complete, explains an incompleteness:\n%s", out)
	}
	if want := "shop: complete; its errors are the site's answers, not failures: 1 link to files (images, PDFs, archives) skipped\n"; !strings.Contains(out, want) {
		t.Errorf("first crawl with a PDF link: output lacks %q:\n%s", want, out)
	}
	if got := listingStatuses(t, data); len(got) != 3 || got["/offer/a2"] != "active" {
		t.Fatalf("first crawl: listing statuses %v, want 3 active", got)
	}

	// a2 leaves the catalogue and a3 answers 503: a2 must stay active.
	shop.set(func(s *outputShop) {
		s.offers = []string{"a1", "a3"}
		s.status["/offer/a3"] = http.StatusServiceUnavailable
	})
	out = crawlOnce(t, dir, data, outputConfig(shop, 100))
	if got := summaryColumn(out, "shop", "COMPLETE"); got != "no" {
		t.Errorf("crawl with a 503 detail page: COMPLETE %q, want no:\n%s", got, out)
	}
	for _, want := range []string{kept,
		"  - 1 page failed: 1 × server error (HTTP 503); listings behind it may exist unseen\n",
		"  (its other errors are the site's answers, not failures: 1 link to files (images, PDFs, archives) skipped)\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("crawl with a 503 detail page: output lacks %q:\n%s", want, out)
		}
	}
	if got := listingStatuses(t, data)["/offer/a2"]; got != "active" {
		t.Errorf("crawl with a 503 detail page: /offer/a2 listing_status %q, want active", got)
	}

	// a3 is back, but max_pages 2 stops after the catalogue and one offer.
	shop.set(func(s *outputShop) { delete(s.status, "/offer/a3") })
	out = crawlOnce(t, dir, data, outputConfig(shop, 2))
	for _, want := range []string{kept,
		"  - max_pages (2) reached before every page was read; raise max_pages to read the whole site\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("crawl stopped by max_pages: output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "failed") {
		t.Errorf("crawl stopped by max_pages reports a failure:\n%s", out)
	}
	if got := listingStatuses(t, data)["/offer/a2"]; got != "active" {
		t.Errorf("crawl stopped by max_pages: /offer/a2 listing_status %q, want active", got)
	}

	// A complete run removes a2, and explains nothing.
	out = crawlOnce(t, dir, data, outputConfig(shop, 100))
	if strings.Contains(out, "incomplete") || summaryColumn(out, "shop", "REMOVED") != "1" {
		t.Errorf("complete crawl: want REMOVED 1 and no incompleteness:\n%s", out)
	}
	if got := listingStatuses(t, data)["/offer/a2"]; got != "removed" {
		t.Errorf("complete crawl: /offer/a2 listing_status %q, want removed", got)
	}
}

// TestTargetTestFieldRatiosStructuredAndFiles: target test says on how many
// items each field's selector matched, naming the selector that matched
// nothing, how many listings schema.org data filled, and shows a link to a
// PDF as skipped, not as an error.
func TestTargetTestFieldRatiosStructuredAndFiles(t *testing.T) {
	shop := newOutputShop(t, "a1", "a2", "a3")
	shop.set(func(s *outputShop) {
		s.noPrice = map[string]bool{"a1": true, "a2": true, "a3": true}
		s.ld["a3"] = true
		s.files = []string{"/sheet/a1"}
	})
	dir := t.TempDir()
	cfg := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfg, strings.ReplaceAll(outputConfig(shop, 100), "DATA", filepath.Join(dir, "data")))

	code, out, errOut := runCmd(t, nil, "target", "test", "--config", cfg, "--target", "shop", "--pages", "10")
	if code != 0 {
		t.Fatalf("target test: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	for _, want := range []string{
		"target shop (Shop): 5 pages, 3 listings\n",
		"1 of 3 listings filled from schema.org structured data (JSON-LD, microdata or OpenGraph)\n",
		"--- " + shop.srv.URL + `/sheet/a1  skipped: a file, not a page (content-type "application/pdf")` + "\n",
		"fields found on 3 items:\n",
		"  title        3/3 items\n",
		"  description  3/3 items\n",
		`  price        0/3 items  (listing.fields.price: ".price" matched nothing)` + "\n",
		"price:       95 EUR",
		"1 link to files (images, PDFs, archives), not pages: skipped, as a crawl skips them\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("target test output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "ERROR") || strings.Contains(out, "pages failed") {
		t.Errorf("target test reports the PDF link as a failure:\n%s", out)
	}

	// One offer in three has a price: the ratio says which part missed.
	shop.set(func(s *outputShop) { s.noPrice = map[string]bool{"a1": true, "a2": true} })
	code, out, _ = runCmd(t, nil, "target", "test", "--config", cfg, "--target", "shop", "--pages", "10")
	if want := `  price        1/3 items  (listing.fields.price: ".price" missed 2)` + "\n"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("target test with one price of three: exit %d, output lacks %q:\n%s", code, want, out)
	}

	// The catalogue's links change class: the follow selector finds none.
	shop.set(func(s *outputShop) { s.relinked = true })
	code, out, _ = runCmd(t, nil, "target", "test", "--config", cfg, "--target", "shop", "--pages", "10")
	if want := `3 links on catalogue pages match listing.url_pattern "^/offer/", but the follow selectors ["a.offer"] found none of them: the site's markup changed?` + "\n"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("target test with renamed catalogue links: exit %d, output lacks %q:\n%s", code, want, out)
	}
}

// TestCrawlOutputStartPageRobotsAndSelectors: a start page that answers 404
// or 503, a robots.txt that cannot be read and detail pages that give no
// listing each leave the run incomplete, and crawl says which, naming the
// start page; the listing gone from the catalogue meanwhile stays active.
func TestCrawlOutputStartPageRobotsAndSelectors(t *testing.T) {
	shop := newOutputShop(t, "a1", "a2", "a3")
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	const kept = "shop: incomplete, so listings not seen in this run were NOT marked removed:\n"
	if out := crawlOnce(t, dir, data, outputConfig(shop, 100)); summaryColumn(out, "shop", "COMPLETE") != "yes" {
		t.Fatalf("first crawl: want COMPLETE yes:\n%s", out)
	}
	shop.set(func(s *outputShop) { s.offers = []string{"a1", "a3"} })

	cases := []struct {
		name  string
		set   func(s *outputShop)
		cfg   string
		wants []string
	}{
		{
			name:  "second start page answers 404",
			cfg:   outputConfigWith(shop, 100, false, "/catalog", "/old-catalog"),
			wants: []string{"  - start page " + shop.srv.URL + "/old-catalog answered HTTP 404 (a moved catalogue?): check start_urls; nothing behind it was read\n"},
		},
		{
			name:  "start page answers 503",
			set:   func(s *outputShop) { s.status["/catalog"] = http.StatusServiceUnavailable },
			cfg:   outputConfig(shop, 100),
			wants: []string{"  - start page " + shop.srv.URL + "/catalog failed: server error (HTTP 503); nothing behind it was read\n"},
		},
		{
			name: "robots.txt answers 503",
			set: func(s *outputShop) {
				delete(s.status, "/catalog")
				s.status["/robots.txt"] = http.StatusServiceUnavailable
			},
			cfg:   outputConfigWith(shop, 100, true, "/catalog"),
			wants: []string{"  - robots.txt could not be read (server error or no connection), so 1 page was not fetched\n"},
		},
		{
			name: "detail pages in a new markup",
			set: func(s *outputShop) {
				delete(s.status, "/robots.txt")
				s.redesigned = true
			},
			cfg:   outputConfig(shop, 100),
			wants: []string{"  - pages were read but gave no listing (detail pages or items without title or description, or catalogue links to listing pages that the follow selectors no longer find): a redesign may have broken the selectors; check them with precwatch target test\n"},
		},
	}
	for _, c := range cases {
		if c.set != nil {
			shop.set(c.set)
		}
		out := crawlOnce(t, dir, data, c.cfg)
		if got := summaryColumn(out, "shop", "COMPLETE"); got != "no" {
			t.Errorf("%s: COMPLETE %q, want no:\n%s", c.name, got, out)
		}
		for _, want := range append([]string{kept}, c.wants...) {
			if !strings.Contains(out, want) {
				t.Errorf("%s: output lacks %q:\n%s", c.name, want, out)
			}
		}
		if strings.Contains(out, "other errors") {
			t.Errorf("%s: the start page's error is told twice:\n%s", c.name, out)
		}
		if got := listingStatuses(t, data)["/offer/a2"]; got != "active" {
			t.Errorf("%s: /offer/a2 listing_status %q, want active", c.name, got)
		}
	}
}

// TestTargetTestFieldRatiosJSON: for a json feed the ratios count feed
// items and name the json.fields path that found nothing or missed some.
func TestTargetTestFieldRatiosJSON(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/offers" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"items":[
 {"id":"1","title":"Acetone 99.5%","price":{"amount":"12","currency":"EUR"}},
 {"id":"2","title":"Toluene 1 L"}],"next":null}`)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfg, fmt.Sprintf(`data_dir: %s
targets:
  - name: feed
    platform: Feed
    kind: json
    start_urls: ["%s/api/offers"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    json:
      items: items
      fields: {id: id, title: title, price: price.amount, seller: seller.name}
`, filepath.Join(dir, "data"), srv.URL))
	code, out, errOut := runCmd(t, nil, "target", "test", "--config", cfg, "--target", "feed")
	if code != 0 {
		t.Fatalf("target test: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"fields found on 2 items:\n",
		"  id           2/2 items\n",
		"  title        2/2 items\n",
		`  price        1/2 items  (json.fields.price: "price.amount" missed 1)` + "\n",
		`  seller       0/2 items  (json.fields.seller: "seller.name" matched nothing)` + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("target test of a json feed: output lacks %q:\n%s", want, out)
		}
	}
}
