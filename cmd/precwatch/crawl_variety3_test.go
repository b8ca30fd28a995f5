package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
)

// A third round of marketplaces: shops whose products answer under several
// addresses and name one of them with <link rel="canonical">, and
// single-page-app shops whose product pages are an empty shell with the
// product embedded as JSON.

// TestVarietyCanonicalLink crawls a shop where product 123 is reachable as
// /p/123-acetone, /category/solvents/p/123 and /p/123-acetone?variant=2,
// all declaring the canonical /p/123-acetone: one listing, one ticket. Product
// 456, at /p/456 and /sale/p/456, declares a canonical on another host,
// which is ignored: two listings.
func TestVarietyCanonicalLink(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/list":
			fmt.Fprint(w, `<html><body>
<a class="o" href="/p/123-acetone">Acetone</a> <a class="o" href="/category/solvents/p/123">Acetone (solvents)</a>
<a class="o" href="/p/123-acetone?variant=2">Acetone 5 l</a>
<a class="o" href="/p/456">BMK</a> <a class="o" href="/sale/p/456">BMK on sale</a></body></html>`)
		case "/p/123-acetone", "/category/solvents/p/123":
			fmt.Fprint(w, `<html><head><link rel="canonical" href="/p/123-acetone"></head><body>
<h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Sassafras oil, 1 l to 200 l drums, discreet shipping</p></body></html>`)
		case "/p/456", "/sale/p/456":
			// A canonical on another host (a loopback address that is
			// never fetched) must not rename the listing.
			fmt.Fprint(w, `<html><head><link rel="canonical" href="http://127.0.0.2:9/p/999"></head><body>
<h1>BMK glycidate, CAS 5449-12-7</h1><p class="d">Stealth shipping, contact Wickr: chem456</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, data := varietyCrawl(t, fmt.Sprintf(`data_dir: DATA
targets:
  - name: canon
    platform: Canon
    start_urls: ["%s/list"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "/p/"
      fields: {title: h1, description: p.d}
`, srv.URL))
	var paths []string
	for _, l := range got {
		u, _ := url.Parse(l.URL)
		paths = append(paths, u.RequestURI())
	}
	sort.Strings(paths)
	if want := []string{"/p/123-acetone", "/p/456", "/sale/p/456"}; !slices.Equal(paths, want) {
		t.Errorf("listings at %v (ids %v), want %v", paths, listingKeys(got), want)
	}
	var urls []string
	for _, e := range exportTickets(t, data) {
		u, _ := url.Parse(e.ListingURL)
		urls = append(urls, u.RequestURI())
	}
	sort.Strings(urls)
	if want := []string{"/p/123-acetone", "/p/456", "/sale/p/456"}; !slices.Equal(urls, want) {
		t.Errorf("tickets for %v, want %v", urls, want)
	}
}

// TestVarietyEmbeddedJSON crawls a single-page-app shop: its product pages
// are an empty shell whose product is embedded as Next.js __NEXT_DATA__ or a
// window.__INITIAL_STATE__ assignment, next to menus and recommended
// products that must not become the listing. A page embedding only a menu
// and recommendations has no listing.
func TestVarietyEmbeddedJSON(t *testing.T) {
	const shell = `<html><head><title>Shop</title></head><body><div id="__next"></div>%s</body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/list":
			fmt.Fprint(w, `<html><body><a class="o" href="/item/1">1</a> <a class="o" href="/item/2">2</a> <a class="o" href="/item/3">3</a></body></html>`)
		case "/item/1":
			fmt.Fprintf(w, shell, `<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{
"menu":[{"name":"Home","url":"/"},{"name":"Solvents","url":"/c/solvents"}],
"product":{"id":"1","name":"Safrole oil 98%","description":"Sassafras oil, CAS 94-59-7, discreet shipping",
 "price":{"amount":120.5,"currency":"EUR"},"seller":{"name":"aromachem","city":"Rotterdam"}},
"recommendations":[{"name":"Piperonal 99%","price":80,"seller":"other"}]}},"page":"/item/[id]"}</script>`)
		case "/item/2":
			fmt.Fprintf(w, shell, `<script>window.__INITIAL_STATE__ = {"ui":{"menu":[{"title":"Home"}]},
"related":[{"title":"Red phosphorus","price":"15.00","vendor":"x"}],
"offer":{"title":"Pseudoephedrine 60 mg x 1000","body":"No prescription needed","price":"299.00","currency":"USD","vendor":"pharmabulk"}};
window.__ENV__ = "prod";</script>`)
		case "/item/3":
			fmt.Fprintf(w, shell, `<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{
"menu":[{"name":"Home","url":"/"}],
"recommendations":[{"name":"Piperonal 99%","price":80,"seller":"other"},{"name":"Acetone","price":5}]}}}</script>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _ := varietyCrawl(t, fmt.Sprintf(`data_dir: DATA
targets:
  - name: spa
    platform: SPA
    start_urls: ["%s/list"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "/item/"
      fields: {title: h1.name, description: div.desc, price: span.price, seller: a.seller}
`, srv.URL))
	if keys := listingKeys(got); !slices.Equal(keys, []string{"/item/1", "/item/2"}) {
		t.Fatalf("listings %v, want /item/1 and /item/2", keys)
	}
	checkListing(t, "/item/1", got["/item/1"], map[string]string{
		"title": "Safrole oil 98%", "description": "Sassafras oil, CAS 94-59-7, discreet shipping",
		"price": "120.5 EUR", "seller": "aromachem",
	})
	checkListing(t, "/item/2", got["/item/2"], map[string]string{
		"title": "Pseudoephedrine 60 mg x 1000", "description": "No prescription needed",
		"price": "299.00 USD", "seller": "pharmabulk",
	})
	for k, l := range got {
		if strings.Contains(l.Title, "Piperonal") || strings.Contains(l.Title, "phosphorus") {
			t.Errorf("%s: listing from a recommendation: %+v", k, l)
		}
	}
}
