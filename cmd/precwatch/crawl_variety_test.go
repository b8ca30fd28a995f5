package main

import (
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/precwatch/precwatch"
)

// Marketplaces unlike the bundled fixtures, written the way a partner's own
// site might be, crawled end to end through `precwatch crawl --listings` with
// a config written per DESIGN.md.

// varietyCrawl writes cfg (a YAML config; "DATA" is replaced by a temporary
// data dir) and runs `precwatch crawl --listings`. It returns the extracted
// listings keyed by URL path (plus "#fragment" for ids that are not URLs) and
// the data dir.
func varietyCrawl(t *testing.T, cfg string) (map[string]precwatch.Listing, string) {
	t.Helper()
	got, data, _ := crawl4(t, nil, cfg)
	return got, data
}

func listingKeys(m map[string]precwatch.Listing) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// checkListing compares the named fields of l ("attributes.x" for an
// attribute) with want.
func checkListing(t *testing.T, name string, l precwatch.Listing, want map[string]string) {
	t.Helper()
	for k, w := range want {
		var g string
		switch k {
		case "id":
			g = l.ID
		case "url":
			g = l.URL
		case "title":
			g = l.Title
		case "description":
			g = l.Description
		case "price":
			g = l.Price
		case "seller":
			g = l.Seller
		case "location":
			g = l.Location
		default:
			g = l.Attributes[strings.TrimPrefix(k, "attributes.")]
		}
		if g != w {
			t.Errorf("%s: %s = %q, want %q", name, k, g, w)
		}
	}
}

// TestVarietyHTMLLinks crawls a shop whose links are relative to a <base
// href>, protocol-relative, carry fragments and tracking parameters, whose
// pagination is a <link rel=next> in the head and then numbered page links,
// and whose detail pages are reached through redirects with relative
// Location headers.
func TestVarietyHTMLLinks(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := strings.TrimPrefix(srv.URL, "http://")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n")
		case "/shop/":
			switch r.URL.Query().Get("page") {
			case "", "1":
				fmt.Fprintf(w, `<!doctype html><html><head><base href="/shop/items/">
<link rel="next" href="/shop/?page=2"></head><body><ul class="grid">
<li><a class="card" href="p1.html">one</a></li>
<li><a class="card" href="//%s/shop/items/p2.html?utm_source=grid#reviews">two</a></li>
<li><a class="card" href="p1.html?utm_campaign=x">one again</a></li>
</ul></body></html>`, host)
			case "2":
				fmt.Fprint(w, `<html><body><ul class="grid">
<li><a class="card" href="/go/3">three</a></li>
</ul><nav class="pager"><a href="/shop/?page=1">1</a> <a href="/shop/?page=2">2</a> <a href="/shop/?page=3">3</a></nav></body></html>`)
			case "3":
				fmt.Fprint(w, `<html><body><ul class="grid">
<li><a class="card" href="/old/p4">four</a></li>
</ul><nav class="pager"><a href="/shop/?page=2">2</a> <a href="/shop/?page=3">3</a></nav></body></html>`)
			default:
				http.NotFound(w, r)
			}
		case "/go/3":
			w.Header().Set("Location", "../shop/items/p3.html")
			w.WriteHeader(http.StatusFound)
		case "/old/p4":
			w.Header().Set("Location", "/shop/items/p4.html")
			w.WriteHeader(http.StatusMovedPermanently)
		case "/shop/items/p1.html", "/shop/items/p2.html", "/shop/items/p3.html", "/shop/items/p4.html", "/shop/items/p5.html":
			n := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/shop/items/p"), ".html")
			related := ""
			if n == "4" {
				// Relative to the page's final URL, not to /old/p4.
				related = `<a class="card" href="p5.html">five</a>`
			}
			fmt.Fprintf(w, `<html><body><div class="product" data-sku="SKU-%s"><h1>Product %s</h1>
<div class="desc">Reagent lot %s.</div>%s</div></body></html>`, n, n, n, related)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _ := varietyCrawl(t, fmt.Sprintf(`data_dir: DATA
targets:
  - name: links
    platform: Links
    start_urls: ["%s/shop/"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.card"]
    next_page: ["link[rel=next]", "nav.pager a"]
    listing:
      url_pattern: "/shop/items/p[0-9]+\\.html$"
      fields: {id: "div.product@data-sku", title: "h1", description: ".desc"}
`, srv.URL))
	want := []string{"SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5"}
	if g := listingKeys(got); strings.Join(g, ",") != strings.Join(want, ",") {
		t.Fatalf("listings %v, want %v", g, want)
	}
	for i, id := range want {
		n := i + 1
		checkListing(t, id, got[id], map[string]string{
			"url":   fmt.Sprintf("%s/shop/items/p%d.html", srv.URL, n),
			"title": fmt.Sprintf("Product %d", n),
		})
	}
}

// TestVarietyHTMLFields crawls detail pages whose fields are in the head
// (meta og:title, <title>), in definition lists and spec tables, spread over
// several paragraphs, next to hidden, script and style text.
func TestVarietyHTMLFields(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			fmt.Fprint(w, `<html><body><a class="x" href="/offer/77">77</a></body></html>`)
		case "/offer/77":
			fmt.Fprint(w, `<!DOCTYPE html>
<html lang="en"><head><title>Offer 77 | ReagentBazaar</title>
<meta property="og:title" content="  Pure Safrole   oil &amp; more ">
<meta name="description" content="Safrole oil 99%, bulk.">
<link rel="canonical" href="/offer/77?utm_source=og">
<style>.desc { color: red } /* safrole style */</style>
<script>var tracking = "wickr: fake";</script>
</head><body data-offer-id="o-77">
<main>
  <div class="desc">
    <p>Safrole&nbsp;oil,   high   purity.<br>Fast shipping.</p>
    <p>Contact on Telegram: @oilman<br/>Discreet packaging.</p>
    <p hidden>internal note: pseudoephedrine</p>
    <p style="display: none">seo spam ephedrine</p>
    <script>document.write("ignored")</script>
  </div>
  <dl class="specs"><dt>CAS</dt><dd>94-59-7</dd><dt>Purity</dt><dd>99 %</dd><dt>MOQ</dt><dd> 5 kg </dd></dl>
  <table class="spec"><tr><th>Origin</th><td>Rotterdam, NL</td></tr><tr><th>Seller</th><td><a href="/u/9">Oil &amp; Co</a></td></tr></table>
  <ul class="tags"><li>oil</li><li>aroma</li><li>bulk</li></ul>
  <img class="main" data-src="/img/77.jpg" src="data:image/gif;base64,R0lGOD">
</main></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _ := varietyCrawl(t, fmt.Sprintf(`data_dir: DATA
targets:
  - name: fields
    platform: ReagentBazaar
    start_urls: ["%s/"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.x"]
    listing:
      url_pattern: "/offer/"
      fields:
        id: "@data-offer-id"
        title: "meta[property='og:title']@content"
        page_title: "title"
        summary: "meta[name=description]@content"
        url: "link[rel=canonical]@href"
        description: ".desc p"
        cas: "dl.specs dt:contains('CAS') + dd"
        purity: "dt:containsOwn(\"Purity\") + dd"
        moq: "dl.specs dt:contains(MOQ) + dd"
        location: "table.spec th:contains(Origin) + td"
        seller: "table.spec tr:has(th:contains(Seller)) td"
        tags: "ul.tags li"
        image: "img.main@data-src"
`, srv.URL))
	l, ok := got["o-77"]
	if !ok {
		t.Fatalf("no listing o-77 in %v", listingKeys(got))
	}
	checkListing(t, "o-77", l, map[string]string{
		"url":                   srv.URL + "/offer/77",
		"title":                 "Pure Safrole oil & more",
		"attributes.page_title": "Offer 77 | ReagentBazaar",
		"attributes.summary":    "Safrole oil 99%, bulk.",
		"description":           "Safrole oil, high purity. Fast shipping. Contact on Telegram: @oilman Discreet packaging.",
		"attributes.cas":        "94-59-7",
		"attributes.purity":     "99 %",
		"attributes.moq":        "5 kg",
		"location":              "Rotterdam, NL",
		"seller":                "Oil & Co",
		"attributes.tags":       "oil, aroma, bulk",
		"attributes.image":      srv.URL + "/img/77.jpg",
	})
}

// TestVarietyCharsets crawls pages in windows-1251 (declared by a <meta>
// after a long head), GBK (declared by the header only) and Shift_JIS
// (declared by <meta http-equiv>), one of them sent deflate-compressed.
func TestVarietyCharsets(t *testing.T) {
	longHead := "<script>" + strings.Repeat("var a = 1; ", 200) + "</script>"
	ru, _ := charmap.Windows1251.NewEncoder().String(`<html><head>` + longHead + `<meta charset="windows-1251"></head><body><h1>Эфедрин гидрохлорид</h1></body></html>`)
	zh, _ := simplifiedchinese.GBK.NewEncoder().String(`<html><body><h1>麻黄碱 出售</h1></body></html>`)
	ja, _ := japanese.ShiftJIS.NewEncoder().String(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><h1>エフェドリン 販売</h1></body></html>`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><body><a href="/ru">ru</a><a href="/zh">zh</a><a href="/ja">ja</a></body></html>`)
		case "/ru":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, ru)
		case "/zh":
			w.Header().Set("Content-Type", "text/html; charset=GBK")
			fmt.Fprint(w, zh)
		case "/ja":
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "deflate")
			zw := zlib.NewWriter(w)
			fmt.Fprint(zw, ja)
			zw.Close()
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _ := varietyCrawl(t, fmt.Sprintf(`data_dir: DATA
targets:
  - name: charsets
    platform: Charsets
    start_urls: ["%s/"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    follow: ["a"]
    listing:
      url_pattern: "/(ru|zh|ja)$"
      fields: {title: "h1"}
`, srv.URL))
	for path, want := range map[string]string{"/ru": "Эфедрин гидрохлорид", "/zh": "麻黄碱 出售", "/ja": "エフェドリン 販売"} {
		checkListing(t, path, got[path], map[string]string{"title": want})
	}
}

// TestVarietyJSONFeeds crawls two feeds: a root array served as text/plain
// with a BOM and paginated by a Link header (second page gzip-compressed),
// and a nested feed with JSONPath-style paths, numeric ids, no url, arrays,
// numbers and nulls as values, a relative then an absolute next link.
func TestVarietyJSONFeeds(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/api/v1/products":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			switch r.URL.Query().Get("page") {
			case "":
				w.Header().Set("Link", `</api/v1/products?page=2>; rel="next", </api/v1/products?page=9>; rel="last"`)
				fmt.Fprint(w, "\ufeff"+`[{"sku": 1001, "name": "Acetone 99%", "body": "<p>Lab grade.</p>", "cas": "67-64-1", "in_stock": true, "link": "/p/1001"},
{"sku": 1002, "name": "Toluene", "body": "Solvent", "cas": null, "in_stock": false, "link": "/p/1002"}]`)
			case "2":
				w.Header().Set("Content-Encoding", "gzip")
				zw := gzip.NewWriter(w)
				fmt.Fprint(zw, `[{"sku": 1003, "name": "Safrole", "body": "Oil", "cas": "94-59-7", "link": "/p/1003"}]`)
				zw.Close()
			default:
				http.NotFound(w, r)
			}
		case "/search":
			w.Header().Set("Content-Type", "application/json")
			switch r.URL.Query().Get("p") {
			case "":
				fmt.Fprint(w, `{"data": {"results": [{"id": 1, "title": "Ephedrine HCl", "specs": {"purity": 99.5, "moq": "1 kg"}, "tags": ["pharma", "bulk"]}]}, "next": "search?p=2"}`)
			case "2":
				fmt.Fprintf(w, `{"data": {"results": [{"id": 2, "title": "Red phosphorus", "specs": {"purity": null}}]}, "next": "%s/search?p=3"}`, srv.URL)
			case "3":
				fmt.Fprint(w, `{"data": {"results": [{"id": 3, "title": "Iodine", "specs": {}}]}, "next": null}`)
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := fmt.Sprintf(`data_dir: DATA
targets:
  - name: products
    platform: Products
    kind: json
    start_urls: ["%[1]s/api/v1/products"]
    allow_private_networks: true
    delay: 0s
    json:
      items: "$[*]"
      fields: {id: sku, title: name, description: body, url: link, cas: cas, in_stock: in_stock}
  - name: search
    platform: Search
    kind: json
    start_urls: ["%[1]s/search"]
    allow_private_networks: true
    delay: 0s
    json:
      items: $.data.results
      next_page: next
      fields: {id: "$.id", title: title, purity: specs.purity, moq: specs.moq, tags: tags}
`, srv.URL)
	got, _ := varietyCrawl(t, cfg)
	want := []string{"1", "1001", "1002", "1003", "2", "3"}
	if g := listingKeys(got); strings.Join(g, ",") != strings.Join(want, ",") {
		t.Fatalf("listings %v, want %v", g, want)
	}
	checkListing(t, "1001", got["1001"], map[string]string{"url": srv.URL + "/p/1001", "description": "Lab grade.", "attributes.cas": "67-64-1", "attributes.in_stock": "true"})
	checkListing(t, "1002", got["1002"], map[string]string{"attributes.cas": "", "attributes.in_stock": "false"})
	checkListing(t, "1003", got["1003"], map[string]string{"title": "Safrole", "url": srv.URL + "/p/1003"})
	checkListing(t, "1", got["1"], map[string]string{"url": srv.URL + "/search", "attributes.purity": "99.5", "attributes.moq": "1 kg", "attributes.tags": "pharma, bulk"})
	checkListing(t, "3", got["3"], map[string]string{"title": "Iodine", "url": srv.URL + "/search?p=3"})

	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, strings.ReplaceAll(cfg, "DATA", filepath.Join(dir, "data")))
	code, out, errOut := runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "products", "--pages", "5")
	if code != 0 {
		t.Fatalf("target test: exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"target products (Products): 2 pages, 3 listings",
		"200 " + srv.URL + "/api/v1/products?page=2  1 listing",
		"cas:         94-59-7",
		"every selector matched",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("target test output lacks %q:\n%s", want, out)
		}
	}
}

// TestVarietyInlineCards crawls a board whose listings are cards on the
// index pages (listing.item with a per-item url), paginated by a "Load more"
// button holding its URL in data-url, and checks `target test` on it too.
func TestVarietyInlineCards(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
			return
		}
		if r.URL.Path != "/board" {
			http.NotFound(w, r)
			return
		}
		page := r.URL.Query().Get("offset")
		var cards string
		switch page {
		case "":
			cards = `<article class="ad" data-ad="a1"><h3><a href="/ad/a1?utm_medium=board">Pseudoephedrine 60mg x 10000 tabs</a></h3><div class="txt">Wholesale, no prescription.</div><b class="p">900 $</b></article>
<article class="ad" data-ad="a2"><h3><a href="/ad/a2">Used centrifuge</a></h3><div class="txt">Good state.</div></article>`
			cards += `<button class="load-more" data-url="/board?offset=2" onclick="more()">Load more</button>`
		case "2":
			cards = `<article class="ad" data-ad="a3"><h3><a href="/ad/a3">Acetone 20 L</a></h3><div class="txt">Solvent.</div></article>`
		}
		fmt.Fprintf(w, `<html><body><section id="ads">%s</section></body></html>`, cards)
	}))
	defer srv.Close()
	cfg := fmt.Sprintf(`data_dir: DATA
targets:
  - name: board
    platform: Board
    start_urls: %s/board
    allow_private_networks: true
    delay: 0s
    next_page: button.load-more@data-url
    listing:
      item: article.ad
      fields: {id: "@data-ad", url: "h3 a@href", title: h3, description: .txt, price: .p, seller: .seller}
`, srv.URL)
	got, _ := varietyCrawl(t, cfg)
	if g, want := strings.Join(listingKeys(got), ","), "a1,a2,a3"; g != want {
		t.Fatalf("listings %s, want %s", g, want)
	}
	checkListing(t, "a1", got["a1"], map[string]string{"url": srv.URL + "/ad/a1", "title": "Pseudoephedrine 60mg x 10000 tabs", "price": "900 $"})
	checkListing(t, "a3", got["a3"], map[string]string{"url": srv.URL + "/ad/a3", "description": "Solvent."})

	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, strings.ReplaceAll(cfg, "DATA", filepath.Join(dir, "data")))
	code, out, errOut := runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "board", "--pages", "5")
	if code != 0 {
		t.Fatalf("target test: exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"target board (Board): 2 pages, 3 listings",
		"200 " + srv.URL + "/board?offset=2  1 listing",
		"url:         " + srv.URL + "/ad/a1\n",
		"selectors that matched nothing:\n  field:seller  (listing.fields.seller: \".seller\")\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("target test output lacks %q:\n%s", want, out)
		}
	}
}

// TestVarietyTargetTestEnv checks that `target test` expands ${ENV} from the
// command's environment, as crawl does.
func TestVarietyTargetTestEnv(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><h1>Iodine crystals</h1></body></html>`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, `targets:
  - name: env
    platform: Env
    start_urls: ["${SHOP_URL}/"]
    allow_private_networks: true
    respect_robots_txt: false
    listing: {fields: {title: h1}}
`)
	code, out, errOut := runCmd(t, map[string]string{"SHOP_URL": srv.URL}, "target", "test", "--config", cfgPath, "--target", "env")
	if code != 0 || !strings.Contains(out, "title:       Iodine crystals") {
		t.Errorf("target test with ${SHOP_URL}: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
}

// TestVarietyAttributesReachTickets checks that a substance named only in an
// extra field (a spec table's CAS row) makes a ticket and a search hit.
func TestVarietyAttributesReachTickets(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><body><a class="o" href="/offer/1">1</a><a class="o" href="/offer/2">2</a></body></html>`)
		case "/offer/1":
			fmt.Fprint(w, `<html><body><h1>Premium oil 1 L</h1><div class="d">Bulk drums available.</div>
<table class="spec"><tr><th>CAS No.</th><td>94-59-7</td></tr><tr><th>Purity</th><td>99%</td></tr></table></body></html>`)
		case "/offer/2":
			fmt.Fprint(w, `<html><body><h1>Premium soap 1 L</h1><div class="d">Hand soap.</div>
<table class="spec"><tr><th>CAS No.</th><td>-</td></tr></table></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, data := varietyCrawl(t, fmt.Sprintf(`data_dir: DATA
targets:
  - name: specs
    platform: Specs
    start_urls: ["%s/"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "/offer/"
      fields: {title: h1, description: .d, cas: "table.spec th:contains('CAS') + td", purity: "th:contains(Purity) + td"}
`, srv.URL))
	checkListing(t, "/offer/1", got["/offer/1"], map[string]string{"attributes.cas": "94-59-7", "attributes.purity": "99%"})
	ts := exportTickets(t, data)
	if len(ts) != 1 || !strings.HasSuffix(ts[0].ListingURL, "/offer/1") {
		t.Fatalf("tickets = %+v, want one for /offer/1", ts)
	}
	if len(ts[0].Substances) == 0 || ts[0].Substances[0].CAS != "94-59-7" {
		t.Errorf("ticket substances = %+v, want safrole 94-59-7", ts[0].Substances)
	}
	code, out, errOut := runCmd(t, nil, "search", "--data", data, "--format", "json", "cas:94-59-7")
	if code != 0 || !strings.Contains(out, "/offer/1") {
		t.Errorf("search cas:94-59-7: exit %d\n%s\n%s", code, out, errOut)
	}
}

// TestVarietyRSSFeed crawls an RSS feed in windows-1251 (declared only in
// its XML declaration) as an html target with item and fields.
func TestVarietyRSSFeed(t *testing.T) {
	rss, _ := charmap.Windows1251.NewEncoder().String(`<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>Доска</title>
<item><title>Эфедрин 1 кг</title><link>/ad/1</link><guid isPermaLink="false">ad-1</guid><description><![CDATA[<p>Оптом, <b>telegram</b>: @chem</p>]]></description></item>
<item><title>Ацетон</title><link>/ad/2</link><guid>ad-2</guid><description>Растворитель</description></item>
</channel></rss>`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss)
	}))
	defer srv.Close()
	got, _ := varietyCrawl(t, fmt.Sprintf(`data_dir: DATA
targets:
  - name: rss
    platform: RSS
    start_urls: ["%s/feed.xml"]
    allow_private_networks: true
    respect_robots_txt: false
    listing:
      item: item
      fields: {id: guid, url: link, title: title, description: description}
`, srv.URL))
	checkListing(t, "ad-1", got["ad-1"], map[string]string{"url": srv.URL + "/ad/1", "title": "Эфедрин 1 кг", "description": "Оптом, telegram: @chem"})
	checkListing(t, "ad-2", got["ad-2"], map[string]string{"title": "Ацетон", "description": "Растворитель"})
}
