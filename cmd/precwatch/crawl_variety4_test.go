package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// A fourth round of marketplaces: shapes of partner platforms the earlier
// rounds did not cover.

// crawl4 runs crawl on cfg (DATA replaced by a fresh data directory) with
// env as the command's environment and returns the extracted listings keyed
// by URL path (the id itself when it is no URL), the data directory and
// crawl's output.
func crawl4(t *testing.T, env map[string]string, cfg string) (map[string]precwatch.Listing, string, string) {
	t.Helper()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, strings.ReplaceAll(cfg, "DATA", data))
	out := filepath.Join(dir, "listings.jsonl")
	code, stdout, stderr := runCmd(t, env, "crawl", "--config", cfgPath, "--listings", out)
	if code != 0 {
		t.Fatalf("crawl: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]precwatch.Listing{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r precwatch.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("listings line %q: %v", sc.Text(), err)
		}
		key := r.Listing.ID
		if u, err := url.Parse(r.Listing.ID); err == nil && u.Host != "" {
			key = u.RequestURI()
		}
		got[key] = r.Listing
	}
	return got, data, stdout + stderr
}

// completeColumn returns the COMPLETE column of crawl's summary row for
// target name ("yes"/"no"), or "" when there is no such row.
func completeColumn(out, name string) string {
	for line := range strings.SplitSeq(out, "\n") {
		f := strings.Fields(line)
		if len(f) > 2 && f[0] == name {
			return f[len(f)-1]
		}
	}
	return ""
}

func gzipBytes(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestVariety4Sitemaps crawls a shop read through its sitemap: a sitemap
// index naming two gzipped child sitemaps, which list product pages and
// other pages, given as the start URL or found through robots.txt's
// Sitemap line (a start URL naming robots.txt; before, it gave nothing and
// the run was complete, an empty shop).
func TestVariety4Sitemaps(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprintf(w, "User-agent: *\nDisallow: /cart\nSitemap: %s/sitemap_index.xml\n", srv.URL)
		case "/sitemap_index.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/sitemap-products-1.xml.gz</loc><lastmod>2026-11-01</lastmod></sitemap>
<sitemap><loc>%[1]s/sitemap-pages.xml.gz</loc></sitemap>
</sitemapindex>`, srv.URL)
		case "/sitemap-products-1.xml.gz":
			w.Header().Set("Content-Type", "application/x-gzip")
			w.Write(gzipBytes(t, fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>%[1]s/product/1-safrole</loc><image:image><image:loc>%[1]s/img/1.jpg</image:loc></image:image></url>
<url><loc>%[1]s/product/2-acetone</loc></url>
</urlset>`, srv.URL)))
		case "/sitemap-pages.xml.gz":
			w.Header().Set("Content-Type", "application/x-gzip")
			w.Write(gzipBytes(t, fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%[1]s/about</loc></url></urlset>`, srv.URL)))
		case "/product/1-safrole":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping, Wickr: chem1</p></body></html>`)
		case "/product/2-acetone":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><body><h1>Acetone 5 l</h1><p class="d">Technical grade</p></body></html>`)
		case "/about":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><body><h1>About us</h1></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	// From the sitemap index, and from robots.txt, which names it.
	for _, start := range []string{"/sitemap_index.xml", "/robots.txt"} {
		got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: sitemap
    platform: Sitemap
    start_urls: ["%s%s"]
    allow_private_networks: true
    delay: 0s
    follow: ["loc"]
    listing:
      url_pattern: "/product/"
      fields: {title: h1, description: p.d}
`, srv.URL, start))
		if keys := listingKeys(got); !slices.Equal(keys, []string{"/product/1-safrole", "/product/2-acetone"}) {
			t.Errorf("start %s: listings %v, want the two products\n%s", start, keys, out)
		}
		if c := completeColumn(out, "sitemap"); c != "yes" {
			t.Errorf("start %s: complete %q, want yes\n%s", start, c, out)
		}
	}
}

// TestVariety4RefreshInterstitial crawls a shop behind a JS-free bot check:
// the first visit to a page answers 200 with a cookie and a <meta
// http-equiv="refresh"> to the same address (the catalogue) or a "Refresh: 1"
// header (the offers); asked again, the page itself comes. Before, the
// catalogue read as an empty shop: no listing, and a complete run that
// would have marked every listing removed. A second shop never lets the
// crawler through: its run is incomplete and says why.
func TestVariety4RefreshInterstitial(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	shop := func(pass bool) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hits[r.Host+r.URL.Path]++
			mu.Unlock()
			if r.URL.Path == "/robots.txt" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			if r.URL.Path == "/offer/live" {
				// A live auction page that refreshes itself: read
				// as it is, not reloaded.
				fmt.Fprint(w, `<html><head><meta http-equiv="refresh" content="5"></head><body><h1>Ephedrine 1 kg auction</h1><p class="d">Bids close soon</p></body></html>`)
				return
			}
			if c, err := r.Cookie("cf_clearance"); !pass || err != nil || c.Value != r.URL.Path {
				http.SetCookie(w, &http.Cookie{Name: "cf_clearance", Value: r.URL.Path, Path: r.URL.Path})
				if strings.HasPrefix(r.URL.Path, "/offer/") {
					w.Header().Set("Refresh", "1")
					fmt.Fprint(w, `<html><body><p>One moment…</p></body></html>`)
					return
				}
				fmt.Fprintf(w, `<html><head><meta http-equiv="refresh" content="1; url=%s"><title>Just a moment...</title></head>
<body><p>Checking your browser before accessing the shop.</p></body></html>`, r.URL.Path)
				return
			}
			switch r.URL.Path {
			case "/catalog":
				fmt.Fprint(w, `<html><body><a class="o" href="/offer/1">1</a> <a class="o" href="/offer/2">2</a> <a class="o" href="/offer/live">live</a></body></html>`)
			case "/offer/1":
				fmt.Fprint(w, `<html><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping, Wickr: chem1</p></body></html>`)
			case "/offer/2":
				fmt.Fprint(w, `<html><body><h1>Acetone 5 l</h1><p class="d">Technical grade</p></body></html>`)
			default:
				http.NotFound(w, r)
			}
		}
	}
	srv := httptest.NewServer(shop(true))
	defer srv.Close()
	stuck := httptest.NewServer(shop(false))
	defer stuck.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: gate
    platform: Gate
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "/offer/"
      fields: {title: h1, description: p.d}
  - name: stuck
    platform: Stuck
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "/offer/"
      fields: {title: h1, description: p.d}
`, srv.URL, stuck.URL))
	if keys := listingKeys(got); !slices.Equal(keys, []string{"/offer/1", "/offer/2", "/offer/live"}) {
		t.Errorf("listings %v, want /offer/1, /offer/2 and /offer/live\n%s", keys, out)
	}
	if c := completeColumn(out, "gate"); c != "yes" {
		t.Errorf("gate: complete %q, want yes\n%s", c, out)
	}
	if c := completeColumn(out, "stuck"); c != "no" {
		t.Errorf("stuck: complete %q, want no\n%s", c, out)
	}
	if !strings.Contains(out, "kept reloading itself") {
		t.Errorf("crawl output does not say the stuck shop's page kept reloading itself:\n%s", out)
	}
	mu.Lock()
	if n := hits[strings.TrimPrefix(stuck.URL, "http://")+"/catalog"]; n != 3 {
		t.Errorf("stuck shop's catalogue asked for %d times, want 3 (two reloads)", n)
	}
	if n := hits[strings.TrimPrefix(srv.URL, "http://")+"/offer/live"]; n != 1 {
		t.Errorf("live auction page asked for %d times, want 1 (it has a listing)", n)
	}
	mu.Unlock()

	// target test passes the check the same way.
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %s
targets:
  - name: gate
    platform: Gate
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "/offer/"
      fields: {title: h1, description: p.d}
`, filepath.Join(dir, "data"), srv.URL))
	code, stdout, stderr := runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "gate", "--pages", "3")
	if code != 0 || !strings.Contains(stdout, "Safrole 99%") {
		t.Errorf("target test: exit %d, want the listings behind the check\n%s%s", code, stdout, stderr)
	}
}

// TestVariety4MerchantFeed crawls a Google Merchant Center RSS feed
// (elements in the g: namespace) as an html target whose selectors name the
// elements as the feed writes them, g:id or g\:title. Before, the escaped
// form matched nothing (elements are named by local name) and the plain
// one was refused as an unknown pseudo-class.
func TestVariety4MerchantFeed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/feeds/google.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?>
<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel><title>Shop</title><link>https://shop.example</link>
<item><g:id>SKU-1</g:id><g:title>Safrole 99%, CAS 94-59-7</g:title><g:description><![CDATA[<p>Discreet shipping, Wickr: chem1</p>]]></g:description>
<g:link>https://shop.example/p/1</g:link><g:price>120.00 EUR</g:price><g:brand>aromachem</g:brand></item>
<item><g:id>SKU-2</g:id><g:title>Acetone 5 l</g:title><g:description>Technical grade</g:description>
<g:link>https://shop.example/p/2</g:link><g:price>9.90 EUR</g:price><g:brand>solv</g:brand></item>
</channel></rss>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: gmc
    platform: GMC
    start_urls: ["%s/feeds/google.xml"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: item
      fields: {id: "g:id", url: "g:link", title: "g\\:title", description: "g\\:description", price: "g\\:price", seller: "g\\:brand"}
`, srv.URL))
	if keys := listingKeys(got); !slices.Equal(keys, []string{"SKU-1", "SKU-2"}) {
		t.Fatalf("listings %v, want SKU-1 and SKU-2\n%s", keys, out)
	}
	checkListing(t, "SKU-1", got["SKU-1"], map[string]string{
		"title": "Safrole 99%, CAS 94-59-7", "description": "Discreet shipping, Wickr: chem1",
		"price": "120.00 EUR", "seller": "aromachem", "url": "https://shop.example/p/1",
	})
}

// TestVariety4NestedJSON crawls two APIs whose listings sit in arrays of
// arrays: a catalogue grouped by category (each with its products) and a
// GraphQL connection (edges, each with its node). Before, an items path
// through an array found nothing.
func TestVariety4NestedJSON(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/api/catalog":
			fmt.Fprint(w, `{"data":{"categories":[
{"name":"Solvents","products":[{"id":1,"title":"Acetone 5 l","body":"Technical grade"},{"id":2,"title":"Toluene","body":"1 l"}]},
{"name":"Empty","products":[]},
{"name":"Aromatics","products":[{"id":3,"title":"Safrole 99%, CAS 94-59-7","body":"Discreet shipping, Wickr: chem1"}]}]}}`)
		case "/graphql":
			fmt.Fprint(w, `{"data":{"products":{"edges":[
{"cursor":"a","node":{"id":"P7","title":"BMK glycidate, CAS 5449-12-7","description":"Stealth shipping","vendor":{"name":"chemx"}}},
{"cursor":"b","node":{"id":"P8","title":"Ethanol","description":"96 %","vendor":{"name":"solv"}}}],
"pageInfo":{"hasNextPage":false,"endCursor":"b"}}}}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: nested
    platform: Nested
    kind: json
    start_urls: ["%[1]s/api/catalog"]
    allow_private_networks: true
    delay: 0s
    json:
      items: "data.categories[*].products[*]"
      fields: {id: id, title: title, description: body}
  - name: relay
    platform: Relay
    kind: json
    start_urls: ["%[1]s/graphql"]
    allow_private_networks: true
    delay: 0s
    json:
      items: "data.products.edges.node"
      fields: {id: id, title: title, description: description, seller: vendor}
`, srv.URL))
	want := []string{"1", "2", "3", "P7", "P8"}
	if keys := listingKeys(got); !slices.Equal(keys, want) {
		t.Fatalf("listings %v, want %v\n%s", keys, want, out)
	}
	checkListing(t, "3", got["3"], map[string]string{"title": "Safrole 99%, CAS 94-59-7", "description": "Discreet shipping, Wickr: chem1"})
	checkListing(t, "P7", got["P7"], map[string]string{"title": "BMK glycidate, CAS 5449-12-7", "seller": "chemx"})
	for _, name := range []string{"nested", "relay"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes\n%s", name, c, out)
		}
	}
}

// TestVariety4RetryAfterHTML crawls a shop that answers a burst with 429 and
// Retry-After, and a detail page with 503 and Retry-After once: every
// listing comes through and the run is complete.
func TestVariety4RetryAfterHTML(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		n := hits[r.URL.Path]
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/catalog":
			fmt.Fprint(w, `<html><body><a class="o" href="/offer/1">1</a> <a class="o" href="/offer/2">2</a> <a class="o" href="/offer/3">3</a></body></html>`)
		case strings.HasPrefix(r.URL.Path, "/offer/") && n == 1:
			w.Header().Set("Retry-After", "1")
			if r.URL.Path == "/offer/2" {
				w.WriteHeader(http.StatusServiceUnavailable)
			} else {
				w.WriteHeader(http.StatusTooManyRequests)
			}
			fmt.Fprint(w, "slow down")
		case strings.HasPrefix(r.URL.Path, "/offer/"):
			fmt.Fprintf(w, `<html><body><h1>Offer %s</h1><p class="d">Acetone</p></body></html>`, strings.TrimPrefix(r.URL.Path, "/offer/"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: busy
    platform: Busy
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    parallelism: 2
    follow: ["a.o"]
    listing:
      url_pattern: "/offer/"
      fields: {title: h1, description: p.d}
`, srv.URL))
	if keys := listingKeys(got); !slices.Equal(keys, []string{"/offer/1", "/offer/2", "/offer/3"}) {
		t.Errorf("listings %v, want three\n%s", keys, out)
	}
	if c := completeColumn(out, "busy"); c != "yes" {
		t.Errorf("complete %q, want yes\n%s", c, out)
	}
}

// TestVariety4Headers crawls a partner API that answers 401 without its
// API key (sent as a bearer token read from the environment) and a shop
// behind an age gate that a cookie passes, which also sets a session cookie
// of its own on the first visit. Before, a target could not send either:
// `headers` was an unknown key.
func TestVariety4Headers(t *testing.T) {
	const token = "s3cr3t-token"
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("Authorization") != "Bearer "+token || r.Header.Get("X-Partner") != "precwatch" {
			w.Header().Set("WWW-Authenticate", "Bearer")
			http.Error(w, `{"error":"unauthorized"}`, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"results":[{"id":"a1","title":"Safrole 99%, CAS 94-59-7","text":"Discreet shipping, Wickr: chem1"},{"id":"a2","title":"Acetone","text":"5 l"}],"next":null}`)
	}))
	defer api.Close()
	gated := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if c, err := r.Cookie("age_verified"); err != nil || c.Value != "1" {
			http.Redirect(w, r, "/age-gate?return="+url.QueryEscape(r.URL.RequestURI()), http.StatusFound)
			return
		}
		if r.URL.Path == "/age-gate" {
			fmt.Fprint(w, `<html><body><form method="post" action="/age-gate"><button>I am 18 or older</button></form></body></html>`)
			return
		}
		if _, err := r.Cookie("sess"); err != nil {
			http.SetCookie(w, &http.Cookie{Name: "sess", Value: "xyz", Path: "/"})
			http.Redirect(w, r, r.URL.RequestURI(), http.StatusFound)
			return
		}
		switch r.URL.Path {
		case "/shop":
			fmt.Fprint(w, `<html><body><a class="o" href="/item/1">1</a> <a class="o" href="/item/2">2</a></body></html>`)
		case "/item/1":
			fmt.Fprint(w, `<html><body><h1>Pseudoephedrine 60 mg x 1000</h1><p class="d">No prescription, bulk</p></body></html>`)
		case "/item/2":
			fmt.Fprint(w, `<html><body><h1>Vape liquid</h1><p class="d">Menthol</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer gated.Close()
	cfg := fmt.Sprintf(`data_dir: DATA
targets:
  - name: api
    platform: API
    kind: json
    start_urls: ["%s/v1/offers"]
    allow_private_networks: true
    delay: 0s
    headers:
      Authorization: "Bearer ${SHOP_TOKEN}"
      X-Partner: precwatch
    json:
      items: results
      fields: {id: id, title: title, description: text}
  - name: gated
    platform: Gated
    start_urls: ["%s/shop"]
    allow_private_networks: true
    delay: 0s
    headers: {Cookie: "age_verified=1", Accept-Language: "en"}
    follow: ["a.o"]
    listing:
      url_pattern: "/item/"
      fields: {title: h1, description: p.d}
`, api.URL, gated.URL)
	env := map[string]string{"SHOP_TOKEN": token}
	got, _, out := crawl4(t, env, cfg)
	want := []string{"/item/1", "/item/2", "a1", "a2"}
	if keys := listingKeys(got); !slices.Equal(keys, want) {
		t.Errorf("listings %v, want %v\n%s", keys, want, out)
	}
	for _, name := range []string{"api", "gated"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes\n%s", name, c, out)
		}
	}
	if strings.Contains(out, token) {
		t.Errorf("crawl output shows the API token:\n%s", out)
	}

	// target test sends them too.
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, strings.ReplaceAll(cfg, "DATA", filepath.Join(dir, "data")))
	for _, name := range []string{"api", "gated"} {
		code, stdout, stderr := runCmd(t, env, "target", "test", "--config", cfgPath, "--target", name)
		if code != 0 || strings.Contains(stdout+stderr, token) {
			t.Errorf("target test %s: exit %d (or shows the token)\n%s%s", name, code, stdout, stderr)
		}
		if !strings.Contains(stdout, "Safrole") && !strings.Contains(stdout, "Pseudoephedrine") {
			t.Errorf("target test %s: no listing shown\n%s", name, stdout)
		}
	}
}

// TestVariety4LoadMoreJSON crawls two shops whose "Load more" endpoint
// answers JSON wrapping rendered HTML: a WooCommerce-style
// {"success":true,"data":{"html":"…","next_url":"…"}} whose snippets carry
// the next button again, and a Drupal Views-style list of AJAX commands
// whose next page is named only by the JSON. Before, the JSON was read as
// HTML text: no links on it, so pagination ended on page 1 and the run was
// complete without the later products.
func TestVariety4LoadMoreJSON(t *testing.T) {
	card := func(n int) string {
		return fmt.Sprintf(`<div class="card"><a class="o" href="/product/%d">Product %d</a></div>`, n, n)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("page")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/woo/shop", "/drupal/shop":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<html><body><div class="grid">%s%s</div>
<button class="load-more" data-url="%s/ajax?page=2">Load more</button></body></html>`, card(1), card(2), r.URL.Path[:len(r.URL.Path)-5])
		case "/woo/ajax":
			w.Header().Set("Content-Type", "application/json; charset=UTF-8")
			var html, next string
			switch page {
			case "2":
				html = card(3) + card(4) + `<button class="load-more" data-url="/woo/ajax?page=3">Load more</button>`
				next = "/woo/ajax?page=3"
			case "3":
				html = card(5)
			}
			b, _ := json.Marshal(map[string]any{"success": true, "data": map[string]any{"html": html, "next_url": next, "found": 5}})
			w.Write(b)
		case "/drupal/ajax":
			w.Header().Set("Content-Type", "application/json")
			var html string
			var next any
			switch page {
			case "2":
				html, next = card(6)+card(7), "/drupal/ajax?page=3"
			case "3":
				html = card(8)
			}
			b, _ := json.Marshal([]any{
				map[string]any{"command": "settings", "settings": map[string]any{"views": map[string]any{"ajax_path": "/views/ajax"}}},
				map[string]any{"command": "insert", "method": "append", "selector": ".grid", "data": html},
			})
			if next != nil {
				b, _ = json.Marshal(map[string]any{"commands": json.RawMessage(b), "next": next})
			}
			w.Write(b)
		default:
			if strings.HasPrefix(r.URL.Path, "/product/") {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprintf(w, `<html><body><h1>Item %s</h1><p class="d">Acetone 5 l</p></body></html>`, r.URL.Path[9:])
				return
			}
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := `data_dir: DATA
targets:
`
	for _, name := range []string{"woo", "drupal"} {
		cfg += fmt.Sprintf(`  - name: %[1]s
    platform: %[1]s
    start_urls: ["%[2]s/%[1]s/shop"]
    allow_private_networks: true
    delay: 0s
    follow: ["div.card a.o"]
    next_page: ["button.load-more@data-url"]
    listing:
      url_pattern: "/product/"
      fields: {title: h1, description: p.d}
`, name, srv.URL)
	}
	got, _, out := crawl4(t, nil, cfg)
	var want []string
	for n := 1; n <= 8; n++ {
		want = append(want, fmt.Sprintf("/product/%d", n))
	}
	if keys := listingKeys(got); !slices.Equal(keys, want) {
		t.Errorf("listings %v, want %v\n%s", keys, want, out)
	}
}

// TestVariety4RobotsRateLimited crawls a shop whose robots.txt first answers
// 429 with Retry-After (rate limiters such as Cloudflare's cover robots.txt
// too) and then disallows /offer/2. Before, the 429 read as "no robots.txt"
// (a 4xx allows everything), and the disallowed page was fetched. A second
// shop's robots.txt answers 429 every time: its run is incomplete, and no
// page behind it is fetched.
func TestVariety4RobotsRateLimited(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	shop := func(always bool) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hits[r.Host+r.URL.Path]++
			n := hits[r.Host+r.URL.Path]
			mu.Unlock()
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			switch r.URL.Path {
			case "/robots.txt":
				if always || n == 1 {
					w.Header().Set("Retry-After", "1")
					http.Error(w, "Too Many Requests", http.StatusTooManyRequests)
					return
				}
				w.Header().Set("Content-Type", "text/plain")
				fmt.Fprint(w, "User-agent: *\nDisallow: /offer/2\n")
			case "/catalog":
				fmt.Fprint(w, `<html><body><a class="o" href="/offer/1">1</a> <a class="o" href="/offer/2">2</a></body></html>`)
			case "/offer/1", "/offer/2":
				fmt.Fprintf(w, `<html><body><h1>Offer %s</h1><p class="d">Acetone</p></body></html>`, r.URL.Path[7:])
			default:
				http.NotFound(w, r)
			}
		}
	}
	srv := httptest.NewServer(shop(false))
	defer srv.Close()
	closed := httptest.NewServer(shop(true))
	defer closed.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: polite
    platform: Polite
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    max_retries: 2
    follow: ["a.o"]
    listing:
      url_pattern: "/offer/"
      fields: {title: h1, description: p.d}
  - name: closed
    platform: Closed
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    max_retries: 1
    follow: ["a.o"]
    listing:
      url_pattern: "/offer/"
      fields: {title: h1, description: p.d}
`, srv.URL, closed.URL))
	if keys := listingKeys(got); !slices.Equal(keys, []string{"/offer/1"}) {
		t.Errorf("listings %v, want /offer/1 only (robots.txt disallows /offer/2)\n%s", keys, out)
	}
	if c := completeColumn(out, "closed"); c != "no" {
		t.Errorf("closed: complete %q, want no\n%s", c, out)
	}
	mu.Lock()
	defer mu.Unlock()
	if n := hits[strings.TrimPrefix(srv.URL, "http://")+"/offer/2"]; n != 0 {
		t.Errorf("/offer/2 fetched %d times although robots.txt disallows it", n)
	}
	if n := hits[strings.TrimPrefix(closed.URL, "http://")+"/catalog"]; n != 0 {
		t.Errorf("closed shop's catalogue fetched %d times without its robots.txt", n)
	}
}

// TestVariety4SearchContextLinks crawls a marketplace whose category and
// search-result pages link the same offers with the search context and
// affiliate tracking of the big platforms in the URL (eBay's _trksid and
// _trkparms, Etsy's click_key, click_sum and ga_*, AliExpress' algo_pvid and
// pdp_*, Amazon's ref_, crid and sprefix, Shopee's sp_atk, Mercado Libre's
// tracking_id, Allegro's bi_*), without rel=canonical: one listing and one
// ticket per offer. Before, every variant was a listing of its own.
func TestVariety4SearchContextLinks(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/c/aromatics":
			fmt.Fprint(w, `<html><body>
<a class="o" href="/itm/101?_trksid=p2380057.m570.l1313&amp;_trkparms=ispr%3D1%26amclksrc%3DITM">Safrole</a>
<a class="o" href="/itm/102?hash=none&amp;mkevt=1&amp;mkcid=1&amp;campid=5338">BMK</a>
<a class="o" href="/listing/103?click_key=abc&amp;click_sum=1f2e&amp;ga_order=most_relevant&amp;ga_search_type=all&amp;ga_view_type=gallery&amp;ga_search_query=safrole&amp;ref=sr_gallery-1-3&amp;organic_search_click=1">Sassafras</a>
</body></html>`)
		case "/s":
			fmt.Fprint(w, `<html><body>
<a class="o" href="/itm/101?_trksid=p2047675.m4100&amp;algo_pvid=7d1&amp;algo_exp_id=7d1-0&amp;pdp_npi=4%40dis&amp;pdp_ext_f=%7B%7D&amp;aff_fcid=x&amp;aff_trace_key=y">Safrole</a>
<a class="o" href="/itm/102?hash=none&amp;ref_=sr_1_1&amp;crid=2M4&amp;sprefix=bmk%2Caps%2C200&amp;sp_atk=9f&amp;xptdk=9f">BMK</a>
<a class="o" href="/listing/103?tracking_id=ab12&amp;bi_s=ads&amp;bi_m=listing&amp;bi_c=1&amp;bi_term=safrole">Sassafras</a>
</body></html>`)
		case "/itm/101":
			fmt.Fprint(w, `<html><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping, Wickr: chem1</p></body></html>`)
		case "/itm/102":
			fmt.Fprint(w, `<html><body><h1>BMK glycidate, CAS 5449-12-7</h1><p class="d">Stealth shipping</p></body></html>`)
		case "/listing/103":
			fmt.Fprint(w, `<html><body><h1>Sassafras oil, safrole 80%</h1><p class="d">No paperwork needed, discreet</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, data, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: market
    platform: Market
    start_urls: ["%[1]s/c/aromatics", "%[1]s/s?q=safrole"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "^/(itm|listing)/"
      fields: {title: h1, description: p.d}
`, srv.URL))
	want := []string{"/itm/101", "/itm/102?hash=none", "/listing/103"}
	if keys := listingKeys(got); !slices.Equal(keys, want) {
		t.Errorf("listings %v, want %v\n%s", keys, want, out)
	}
	if ts := exportTickets(t, data); len(ts) != 3 {
		var urls []string
		for _, e := range ts {
			urls = append(urls, e.ListingURL)
		}
		t.Errorf("%d tickets (%v), want 3", len(ts), urls)
	}
}

// TestVariety4SoftGone crawls a classifieds board whose taken-down ads
// still answer 200 with a notice ("This ad is no longer available") and
// stay linked from the stale search page for a while, with the target
// naming that notice in listing.gone. The first crawl sees both ads; in the
// second, ad 2 shows the notice: its ticket becomes removed, although the
// run is incomplete (a category page fails), and no listing is made of the
// notice. Before, the notice page read as a listing titled with the
// notice and the ticket stayed active.
func TestVariety4SoftGone(t *testing.T) {
	var mu sync.Mutex
	round := 1
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n := round
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/search":
			fmt.Fprint(w, `<html><body><a class="o" href="/ad/1">1</a> <a class="o" href="/ad/2">2</a> <a class="c" href="/cat/2">more</a></body></html>`)
		case "/cat/2":
			if n == 2 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, `<html><body></body></html>`)
		case "/ad/1":
			fmt.Fprint(w, `<html><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping, Wickr: chem1</p></body></html>`)
		case "/ad/2":
			if n == 2 {
				fmt.Fprint(w, `<html><body><div class="notice notice--removed"><h1>This ad is no longer available</h1>
<p class="d">The seller has removed this ad.</p></div><section class="similar"><a href="/ad/9">Similar ads</a></section></body></html>`)
				return
			}
			fmt.Fprint(w, `<html><body><h1>BMK glycidate, CAS 5449-12-7</h1><p class="d">Stealth shipping, Telegram @bmk</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %s
targets:
  - name: board
    platform: Board
    start_urls: ["%s/search"]
    allow_private_networks: true
    delay: 0s
    max_retries: 0
    follow: ["a.o"]
    next_page: ["a.c"]
    listing:
      url_pattern: "^/ad/"
      gone: "div.notice--removed"
      fields: {title: h1, description: p.d}
`, data, srv.URL))
	status := func() map[string]string {
		m := map[string]string{}
		for _, e := range exportTickets(t, data) {
			u, _ := url.Parse(e.ListingURL)
			m[u.Path] = e.ListingStatus
		}
		return m
	}
	if code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath); code != 0 {
		t.Fatalf("crawl 1: exit %d\n%s%s", code, stdout, stderr)
	}
	if got := status(); got["/ad/1"] != "active" || got["/ad/2"] != "active" {
		t.Fatalf("after crawl 1: tickets %v, want /ad/1 and /ad/2 active", got)
	}
	mu.Lock()
	round = 2
	mu.Unlock()
	out := filepath.Join(dir, "listings.jsonl")
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath, "--listings", out)
	if code != 0 {
		t.Fatalf("crawl 2: exit %d\n%s%s", code, stdout, stderr)
	}
	if c := completeColumn(stdout, "board"); c != "no" {
		t.Errorf("crawl 2: complete %q, want no (a category page failed)\n%s", c, stdout)
	}
	if got := status(); got["/ad/1"] != "active" || got["/ad/2"] != "removed" {
		t.Errorf("after crawl 2: tickets %v, want /ad/1 active and /ad/2 removed\n%s%s", got, stdout, stderr)
	}
	raw, _ := os.ReadFile(out)
	if bytes.Contains(raw, []byte("no longer available")) {
		t.Errorf("crawl 2 made a listing of the notice:\n%s", raw)
	}
	// target test names the page as gone, not as an error.
	code, stdout, stderr = runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "board", "--pages", "3")
	if code != 0 || !strings.Contains(stdout, "/ad/2  gone: listing.gone") || strings.Contains(stdout, "ERROR") {
		t.Errorf("target test: exit %d, want /ad/2 shown as gone\n%s%s", code, stdout, stderr)
	}
}

// TestVariety4BodyPagination crawls three APIs whose start URL names no
// page and whose body says where it is instead of linking the next page: a
// Spring Data page (zero-based "number" and "totalPages"), a custom API
// with meta.page and meta.total_pages, and one with offset, limit and
// total. Before, only the first page was read, and the run was complete.
func TestVariety4BodyPagination(t *testing.T) {
	items := func(from, n int) []map[string]any {
		var out []map[string]any
		for i := from; i < from+n; i++ {
			out = append(out, map[string]any{"id": fmt.Sprint(i), "title": fmt.Sprintf("Offer %d", i), "body": "Acetone"})
		}
		return out
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		q := r.URL.Query()
		var doc any
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
			return
		case "/spring/offers":
			p := 0
			fmt.Sscan(q.Get("page"), &p)
			doc = map[string]any{"content": items(100+2*p, 2), "number": p, "size": 2, "totalPages": 3, "totalElements": 6, "last": p == 2, "first": p == 0}
		case "/custom/offers":
			p := 1
			fmt.Sscan(q.Get("page"), &p)
			doc = map[string]any{"data": items(200+2*(p-1), 2), "meta": map[string]any{"page": p, "per_page": 2, "total_pages": 2, "total": 4}}
		case "/offset/offers":
			off := 0
			fmt.Sscan(q.Get("offset"), &off)
			n := min(2, 5-off)
			doc = map[string]any{"results": items(300+off, n), "offset": off, "limit": 2, "total": 5}
		default:
			http.NotFound(w, r)
			return
		}
		b, _ := json.Marshal(doc)
		w.Write(b)
	}))
	defer srv.Close()
	cfg := "data_dir: DATA\ntargets:\n"
	for _, c := range []struct{ name, items string }{{"spring", "content"}, {"custom", "data"}, {"offset", "results"}} {
		cfg += fmt.Sprintf(`  - name: %[1]s
    platform: %[1]s
    kind: json
    start_urls: ["%[2]s/%[1]s/offers"]
    allow_private_networks: true
    delay: 0s
    json: {items: %[3]s, fields: {id: id, title: title, description: body}}
`, c.name, srv.URL, c.items)
	}
	got, _, out := crawl4(t, nil, cfg)
	var want []string
	for _, r := range [][2]int{{100, 6}, {200, 4}, {300, 5}} {
		for i := r[0]; i < r[0]+r[1]; i++ {
			want = append(want, fmt.Sprint(i))
		}
	}
	if keys := listingKeys(got); !slices.Equal(keys, want) {
		t.Errorf("listings %v, want %v\n%s", keys, want, out)
	}
	for _, name := range []string{"spring", "custom", "offset"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes\n%s", name, c, out)
		}
	}
}

// TestVariety4TemplatedJSONLD crawls a shop whose theme writes its JSON-LD
// with template loops that leave trailing commas (invalid JSON that
// browsers and search engines forgive) and whose marketplace offers are an
// AggregateOffer naming the seller in its own offers, with a target that
// has no fields. Before, the trailing-comma pages had no listing at all and
// the aggregate's seller was missing.
func TestVariety4TemplatedJSONLD(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		ld := ""
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
			return
		case "/collections/all":
			fmt.Fprint(w, `<html><body><a class="o" href="/products/safrole">1</a> <a class="o" href="/products/bmk">2</a></body></html>`)
			return
		case "/products/safrole":
			ld = `{
  "@context": "http://schema.org/",
  "@type": "Product",
  "name": "Safrole 99%, CAS 94-59-7",
  "description": "Discreet shipping, Wickr: chem1",
  "offers": [
    {"@type": "Offer", "price": "120.00", "priceCurrency": "EUR", "seller": {"@type": "Organization", "name": "aromachem"},},
  ],
}`
		case "/products/bmk":
			ld = `{"@context":"https://schema.org","@type":"Product","name":"BMK glycidate, CAS 5449-12-7","description":"Stealth shipping",
"offers":{"@type":"AggregateOffer","lowPrice":"80","highPrice":"95","priceCurrency":"USD","offerCount":2,
"offers":[{"@type":"Offer","price":"80","seller":{"@type":"Person","name":"chemx"}},{"@type":"Offer","price":"95","seller":{"@type":"Person","name":"other"}}]}}`
		default:
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(w, `<html><head><script type="application/ld+json">%s</script></head><body><h1>x</h1></body></html>`, ld)
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: theme
    platform: Theme
    start_urls: ["%s/collections/all"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "/products/"
`, srv.URL))
	if keys := listingKeys(got); !slices.Equal(keys, []string{"/products/bmk", "/products/safrole"}) {
		t.Fatalf("listings %v, want both products\n%s", keys, out)
	}
	checkListing(t, "safrole", got["/products/safrole"], map[string]string{"title": "Safrole 99%, CAS 94-59-7", "price": "120.00 EUR", "seller": "aromachem"})
	checkListing(t, "bmk", got["/products/bmk"], map[string]string{"title": "BMK glycidate, CAS 5449-12-7", "price": "80 USD", "seller": "chemx"})
}

// TestVariety4RateLimitHeaders crawls an API that allows 2 requests per
// 3-second window and says so in X-RateLimit-Remaining and X-RateLimit-Reset
// (epoch seconds), answering 429 without Retry-After past the limit, as
// GitHub-style APIs do. Before, the crawler retried on its own short
// backoff, ran out of retries inside the window and left the run
// incomplete; now it waits for the window to reset.
func TestVariety4RateLimitHeaders(t *testing.T) {
	var mu sync.Mutex
	var windowEnd time.Time
	used, refused := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		now := time.Now()
		if now.After(windowEnd) {
			windowEnd, used = now.Add(3*time.Second), 0
		}
		used++
		over := used > 2
		if over {
			refused++
		}
		remaining := max(2-used, 0)
		reset := windowEnd.Unix() + 1
		mu.Unlock()
		w.Header().Set("X-RateLimit-Limit", "2")
		w.Header().Set("X-RateLimit-Remaining", fmt.Sprint(remaining))
		w.Header().Set("X-RateLimit-Reset", fmt.Sprint(reset))
		w.Header().Set("Content-Type", "application/json")
		if over {
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"message":"API rate limit exceeded"}`)
			return
		}
		p := 1
		fmt.Sscan(r.URL.Query().Get("page"), &p)
		next := any(nil)
		if p < 4 {
			next = fmt.Sprintf("/api/offers?page=%d", p+1)
		}
		b, _ := json.Marshal(map[string]any{"items": []any{map[string]any{"id": fmt.Sprint(p), "title": fmt.Sprintf("Offer %d", p)}}, "next": next})
		w.Write(b)
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: limited
    platform: Limited
    kind: json
    start_urls: ["%s/api/offers"]
    allow_private_networks: true
    delay: 0s
    max_retries: 2
    json: {items: items, fields: {id: id, title: title}}
`, srv.URL))
	if keys := listingKeys(got); !slices.Equal(keys, []string{"1", "2", "3", "4"}) {
		t.Errorf("listings %v, want 1-4\n%s", keys, out)
	}
	if c := completeColumn(out, "limited"); c != "yes" {
		t.Errorf("complete %q, want yes\n%s", c, out)
	}
	mu.Lock()
	defer mu.Unlock()
	if refused > 1 {
		t.Errorf("%d requests refused over the limit; the crawler should wait for the reset once it is told none remain", refused)
	}
}

// TestVariety4ConsentRedirect crawls a shop that redirects a visitor
// without its consent cookie to /consent?return=…, which sets the cookie and
// sends the browser back with a <meta http-equiv="refresh">: the crawler
// asks for the page it wanted again, now with the cookie.
func TestVariety4ConsentRedirect(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
			return
		case r.URL.Path == "/consent":
			http.SetCookie(w, &http.Cookie{Name: "consent", Value: "yes", Path: "/"})
			fmt.Fprintf(w, `<html><head><meta http-equiv="refresh" content="0;URL='%s'"></head><body>We use cookies.</body></html>`, r.URL.Query().Get("return"))
			return
		}
		if c, err := r.Cookie("consent"); err != nil || c.Value != "yes" {
			http.Redirect(w, r, "/consent?return="+url.QueryEscape(r.URL.RequestURI()), http.StatusFound)
			return
		}
		switch r.URL.Path {
		case "/catalog":
			fmt.Fprint(w, `<html><body><a class="o" href="/offer/1">1</a></body></html>`)
		case "/offer/1":
			fmt.Fprint(w, `<html><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: consent
    platform: Consent
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "/offer/"
      fields: {title: h1, description: p.d}
`, srv.URL))
	if keys := listingKeys(got); !slices.Equal(keys, []string{"/offer/1"}) {
		t.Errorf("listings %v, want /offer/1\n%s", keys, out)
	}
	if c := completeColumn(out, "consent"); c != "yes" {
		t.Errorf("complete %q, want yes\n%s", c, out)
	}
}

// TestVariety4InfiniteScrollPages crawls two infinite-scroll shops whose
// catalogue pages answer ?page=N but link no next page (a script loads
// them): one with detail pages that clamps page numbers past the end to its
// last page, one a board of inline cards that answers an empty page. The
// targets name ?page=1 in their start URLs and configure no next_page.
// Before, only page 1 was read.
func TestVariety4InfiniteScrollPages(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		p := 1
		fmt.Sscan(r.URL.Query().Get("page"), &p)
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/catalog":
			p = min(p, 3)
			fmt.Fprintf(w, `<html><body><div class="grid" data-next-url="/api/grid"><a class="o" href="/p/%d">a</a><a class="o" href="/p/%d">b</a></div>
<script>window.addEventListener('scroll', loadMore)</script></body></html>`, 2*p-1, 2*p)
		case r.URL.Path == "/board":
			var cards string
			if p <= 2 {
				for i := 2*p - 1; i <= 2*p; i++ {
					cards += fmt.Sprintf(`<div class="card"><a href="/ad/%d">Ad %d</a><p>Acetone, 5 l</p></div>`, i, i)
				}
			}
			fmt.Fprintf(w, `<html><body><main>%s</main></body></html>`, cards)
		case strings.HasPrefix(r.URL.Path, "/p/"):
			fmt.Fprintf(w, `<html><body><h1>Product %s</h1><p class="d">Acetone</p></body></html>`, r.URL.Path[3:])
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: scroll
    platform: Scroll
    start_urls: ["%[1]s/catalog?page=1"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "^/p/"
      fields: {title: h1, description: p.d}
  - name: board
    platform: Board
    start_urls: ["%[1]s/board?page=1"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {url: "a@href", title: a, description: p}
`, srv.URL))
	want := []string{"/ad/1", "/ad/2", "/ad/3", "/ad/4", "/p/1", "/p/2", "/p/3", "/p/4", "/p/5", "/p/6"}
	if keys := listingKeys(got); !slices.Equal(keys, want) {
		t.Errorf("listings %v, want %v\n%s", keys, want, out)
	}
	for _, name := range []string{"scroll", "board"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes\n%s", name, c, out)
		}
	}
}

// TestVariety4XMLFeedWithoutDeclaration crawls a partner's XML product
// feed served as application/xml without an <?xml?> declaration, its root
// a <products> element: links in <link> and descriptions in CDATA. Before,
// it was parsed as HTML, which empties <link> and drops CDATA.
func TestVariety4XMLFeedWithoutDeclaration(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/export/products":
			w.Header().Set("Content-Type", "application/xml; charset=utf-8")
			fmt.Fprint(w, `<products>
<product><id>P-1</id><name>Safrole 99%, CAS 94-59-7</name><link>https://shop.example/p/1</link>
<description><![CDATA[<p>Discreet shipping, <b>Wickr</b>: chem1</p>]]></description><vendor>aromachem</vendor></product>
<product><id>P-2</id><name>Acetone 5 l</name><link>https://shop.example/p/2</link><description>Technical grade</description><vendor>solv</vendor></product>
</products>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: xmlfeed
    platform: XMLFeed
    start_urls: ["%s/export/products"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: product
      fields: {id: id, url: link, title: name, description: description, seller: vendor}
`, srv.URL))
	if keys := listingKeys(got); !slices.Equal(keys, []string{"P-1", "P-2"}) {
		t.Fatalf("listings %v, want P-1 and P-2\n%s", keys, out)
	}
	checkListing(t, "P-1", got["P-1"], map[string]string{"url": "https://shop.example/p/1", "description": "Discreet shipping, Wickr: chem1", "seller": "aromachem"})
}
