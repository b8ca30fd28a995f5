package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"
)

// Round 6 of marketplaces, end to end through `precwatch crawl`: shapes the
// crawler failed on before this round (see crawler/variety6_test.go).

// TestVariety6Shops crawls, from one configuration file, a shop paged by
// a "Load more" button holding a cursor token, one paged by a GET form,
// one whose cards keep their product as JSON in an attribute, one that
// answers brotli and hides its sellers' emails behind Cloudflare's
// obfuscation, and one whose price comes from a JSON endpoint.
func TestVariety6Shops(t *testing.T) {
	page := func(w http.ResponseWriter, r *http.Request, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "br") && strings.HasPrefix(r.URL.Path, "/cf/") {
			w.Header().Set("Content-Encoding", "br")
			bw := brotli.NewWriter(w)
			io.WriteString(bw, s)
			bw.Close()
			return
		}
		io.WriteString(w, s)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		case p == "/token/list":
			switch r.URL.Query().Get("after") {
			case "":
				page(w, r, `<html><body><a class="o" href="/token/p/1">1</a><button class="more" data-after="c2VlbjE">More</button></body></html>`)
			case "c2VlbjE":
				page(w, r, `<html><body><a class="o" href="/token/p/2">2</a></body></html>`)
			default:
				http.Error(w, "bad cursor", 400)
			}
		case p == "/token/p/1":
			page(w, r, `<html><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping, Wickr: chem1</p></body></html>`)
		case p == "/token/p/2":
			page(w, r, `<html><body><h1>BMK glycidate, CAS 5449-12-7</h1><p class="d">Stealth shipping, Telegram @bmk</p></body></html>`)
		case p == "/form/list":
			n := r.URL.Query().Get("page")
			if n == "" {
				page(w, r, `<html><body><a class="o" href="/form/p/1">1</a><form class="pager"><input type="hidden" name="page" value="2"><button>Next</button></form></body></html>`)
				return
			}
			page(w, r, `<html><body><a class="o" href="/form/p/`+n+`">`+n+`</a></body></html>`)
		case p == "/form/p/1":
			page(w, r, `<html><body><h1>PMK glycidate 1 kg</h1><p class="d">No paperwork, Wickr: pmk</p></body></html>`)
		case p == "/form/p/2":
			page(w, r, `<html><body><h1>Acetone 5 l</h1><p class="d">Lab grade solvent</p></body></html>`)
		case p == "/cards/list":
			page(w, r, `<html><body><div class="card" data-product='{"sku":"c7","name":"Ephedrine HCl 1 kg","description":"Crypto only, no prescription","price":{"amount":450,"currency":"USD"}}'><a href="/cards/p/7">x</a></div></body></html>`)
		case p == "/cf/p/1":
			page(w, r, `<html><body><h1>Safrole oil</h1><p class="d">Stealth shipping. Write to <a class="__cf_email__" data-cfemail="543c3d14373c31393f3d3a337a312c3539243831" href="/cdn-cgi/l/email-protection">[email&#160;protected]</a></p></body></html>`)
		case p == "/split/p/1":
			page(w, r, `<html><body><h1>Red phosphorus 500 g</h1><p class="d">Discreet packaging</p><span class="price" data-url="/split/price/1">…</span></body></html>`)
		case p == "/split/price/1":
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"data":{"price":"€ 89,90","stock":4}}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: token
    platform: Token
    start_urls: ["%[1]s/token/list"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    next_page: ["button.more@data-after"]
    listing:
      url_pattern: "^/token/p/\\d+$"
      fields: {title: h1, description: p.d}
  - name: form
    platform: Form
    start_urls: ["%[1]s/form/list"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    next_page: ["form.pager"]
    listing:
      url_pattern: "^/form/p/\\d+$"
      fields: {title: h1, description: p.d}
  - name: cards
    platform: Cards
    start_urls: ["%[1]s/cards/list"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {id: "@data-product.sku", url: "a@href", title: "@data-product.name", description: "@data-product.description", price: "@data-product.price"}
  - name: cf
    platform: CF
    start_urls: ["%[1]s/cf/p/1"]
    allow_private_networks: true
    delay: 0s
    listing:
      fields: {title: h1, description: p.d}
  - name: split
    platform: Split
    start_urls: ["%[1]s/split/p/1"]
    allow_private_networks: true
    delay: 0s
    listing:
      fields: {title: h1, description: p.d, price: ".price@data-url"}
`, srv.URL))
	for _, tc := range []struct{ key, title, price, desc string }{
		{"/token/p/1", "Safrole 99%, CAS 94-59-7", "", ""},
		{"/token/p/2", "BMK glycidate, CAS 5449-12-7", "", ""},
		{"/form/p/1", "PMK glycidate 1 kg", "", ""},
		{"/form/p/2", "Acetone 5 l", "", ""},
		{"c7", "Ephedrine HCl 1 kg", "450 USD", "Crypto only, no prescription"},
		{"/cf/p/1", "Safrole oil", "", "Stealth shipping. Write to hi@chemking.example"},
		{"/split/p/1", "Red phosphorus 500 g", "€ 89,90", ""},
	} {
		l, ok := got[tc.key]
		if !ok {
			t.Errorf("%s: not extracted (got %d listings)\n%s", tc.key, len(got), out)
			continue
		}
		if l.Title != tc.title || tc.price != "" && l.Price != tc.price || tc.desc != "" && l.Description != tc.desc {
			t.Errorf("%s: title %q price %q description %q; want %q %q %q", tc.key, l.Title, l.Price, l.Description, tc.title, tc.price, tc.desc)
		}
	}
	for _, name := range []string{"token", "form", "cards", "cf", "split"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes\n%s", name, c, out)
		}
	}
}

// TestVariety6NumericCursor crawls a POST feed whose API gives its cursor
// as a number and takes it back only as one ({"after": 2}; a string is a
// 400), end to end.
func TestVariety6NumericCursor(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/search" {
			http.NotFound(w, r)
			return
		}
		raw, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(raw))
		mu.Unlock()
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var req struct {
			After any `json:"after"`
		}
		if err := dec.Decode(&req); err != nil {
			http.Error(w, `{"error":"bad body"}`, 400)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch a := req.After.(type) {
		case nil:
			io.WriteString(w, `{"hits":[{"id":1,"title":"Safrole 99%, CAS 94-59-7"},{"id":2,"title":"Acetone 5 l"}],"last_id":2}`)
		case json.Number:
			if a.String() != "2" {
				http.Error(w, `{"error":"unknown cursor"}`, 400)
				return
			}
			io.WriteString(w, `{"hits":[{"id":3,"title":"BMK glycidate, CAS 5449-12-7"}],"last_id":null}`)
		default:
			http.Error(w, fmt.Sprintf(`{"error":"after must be an integer, not %T"}`, a), 400)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: search
    platform: Search
    kind: json
    start_urls: ["%s/search"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: '{"after": ${cursor}, "size": 2}'
      items: hits
      next_page: last_id
      fields: {id: id, title: title}
`, srv.URL))
	if len(got) != 3 || got["3"].Title != "BMK glycidate, CAS 5449-12-7" || completeColumn(out, "search") != "yes" {
		mu.Lock()
		t.Errorf("got %d listings (%v), want 3, complete\nbodies %q\n%s", len(got), got, bodies, out)
		mu.Unlock()
	}
}

// TestVariety6SoftNotFoundRecommendations re-crawls a shop whose taken-down
// listing answers 200 with a not-found notice followed by recommended
// products (with prices and descriptions), and whose other listing the
// seller retitled "… - not found cheaper anywhere", also with
// recommendations beside it: the first ticket becomes removed, the second
// stays active.
func TestVariety6SoftNotFoundRecommendations(t *testing.T) {
	var mu sync.Mutex
	round := 1
	const reco = `<section class="product-recommendations"><h2>You may also like</h2><div class="grid">
		<div class="card"><a href="/offer/7">Acetone 1 l</a><span class="price">€ 12.00</span><p class="d">Pure acetone for laboratories, 1 litre bottle</p></div>
		<div class="card"><a href="/offer/8">Isopropanol 5 l</a><span class="price">€ 30.00</span></div></div></section>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n := round
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/catalog":
			io.WriteString(w, `<html><body><a class="o" href="/offer/1">1</a> <a class="o" href="/offer/2">2</a></body></html>`)
		case "/offer/1":
			if n == 2 {
				io.WriteString(w, `<html><head><title>Page not found | ChemShop</title></head><body><div class="page-width"><h1>Oops! Page not found</h1>
					<p>The page you were looking for does not exist.</p><form action="/search"><input name="q" placeholder="Search our products"></form></div>`+reco+`</body></html>`)
				return
			}
			io.WriteString(w, `<html><head><title>Safrole 99%</title></head><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping, Wickr: chem1</p><span class="price">€ 90</span></body></html>`)
		case "/offer/2":
			title := "BMK glycidate, CAS 5449-12-7"
			if n == 2 {
				title = "BMK glycidate 5449-12-7 - not found cheaper anywhere"
			}
			io.WriteString(w, `<html><head><title>`+title+`</title></head><body><h1>`+title+`</h1><p class="d">Stealth shipping, Telegram @bmk</p>`+reco+`</body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	data := dir + "/data"
	cfgPath := dir + "/precwatch.yml"
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %s
targets:
  - name: chemshop
    platform: ChemShop
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    max_retries: 0
    follow: ["a.o"]
    listing:
      url_pattern: "^/offer/\\d+$"
      fields: {title: h1, description: p.d, price: .price}
`, data, srv.URL))
	status := func() map[string]string {
		m := map[string]string{}
		for _, e := range exportTickets(t, data) {
			m[e.ListingURL[strings.LastIndex(e.ListingURL, "/offer/"):]] = e.ListingStatus
		}
		return m
	}
	if code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath); code != 0 {
		t.Fatalf("crawl 1: exit %d\n%s%s", code, stdout, stderr)
	}
	mu.Lock()
	round = 2
	mu.Unlock()
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath)
	if code != 0 {
		t.Fatalf("crawl 2: exit %d\n%s%s", code, stdout, stderr)
	}
	if got, want := status(), map[string]string{"/offer/1": "removed", "/offer/2": "active"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after crawl 2: tickets %v, want %v\n%s%s", got, want, stdout, stderr)
	}
}
