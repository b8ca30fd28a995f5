package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// A fifth round of marketplaces: shapes of partner platforms the earlier
// rounds did not cover.

// gqlProducts are the listings behind the loopback GraphQL and search APIs.
var gqlProducts = []struct{ ID, Title, Desc string }{
	{"p1", "Safrole 99%, CAS 94-59-7", "Discreet shipping, Wickr: chem1"},
	{"p2", "Acetone 5 l", "Technical grade"},
	{"p3", "BMK glycidate 1 kg", "100% customs pass to EU"},
	{"p4", "Isopropanol 1 l", "Cleaning"},
	{"p5", "Red phosphorus 500 g", "Telegram: @redp, no paperwork"},
}

// TestVariety5PostFeeds crawls two listing APIs that answer POST only, with
// the page in a JSON body: a GraphQL API paged by Relay cursors (endCursor,
// hasNextPage), and a search API paged by a page number, whose body holds
// an API key from the environment. Before, json.method and json.body were
// unknown keys: such a platform could not be configured at all (and a GET
// gets 405).
func TestVariety5PostFeeds(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			http.Error(w, "want JSON", http.StatusUnsupportedMediaType)
			return
		}
		raw, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, r.URL.Path+" "+string(raw))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/graphql":
			var req struct {
				Query     string `json:"query"`
				Variables struct {
					After *string `json:"after"`
					First int     `json:"first"`
				} `json:"variables"`
			}
			if err := json.Unmarshal(raw, &req); err != nil || !strings.Contains(req.Query, "products") || req.Variables.First != 2 {
				http.Error(w, `{"errors":[{"message":"bad request"}]}`, 400)
				return
			}
			start := 0
			if req.Variables.After != nil {
				fmt.Sscanf(*req.Variables.After, "cur%d", &start)
			}
			var edges []map[string]any
			for i := start; i < min(start+2, len(gqlProducts)); i++ {
				p := gqlProducts[i]
				edges = append(edges, map[string]any{"cursor": fmt.Sprintf("cur%d", i+1),
					"node": map[string]any{"id": p.ID, "title": p.Title, "description": p.Desc}})
			}
			end := start + len(edges)
			json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"products": map[string]any{
				"edges":    edges,
				"pageInfo": map[string]any{"hasNextPage": end < len(gqlProducts), "endCursor": fmt.Sprintf("cur%d", end)},
			}}})
		case "/search":
			var req struct {
				Key  string `json:"api_key"`
				Page int    `json:"page"`
				Size int    `json:"size"`
			}
			if err := json.Unmarshal(raw, &req); err != nil || req.Key != "s3cret" || req.Page < 1 {
				http.Error(w, `{"error":"bad request"}`, 400)
				return
			}
			var hits []map[string]any
			for i := (req.Page - 1) * 2; i < min(req.Page*2, len(gqlProducts)); i++ {
				p := gqlProducts[i]
				hits = append(hits, map[string]any{"sku": p.ID, "name": p.Title, "text": p.Desc})
			}
			json.NewEncoder(w).Encode(map[string]any{"hits": hits})
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, map[string]string{"SEARCH_KEY": "s3cret"}, fmt.Sprintf(`data_dir: DATA
targets:
  - name: gql
    platform: GQL
    kind: json
    start_urls: ["%[1]s/graphql"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: |
        {"query": "query($after: String) { products(first: 2, after: $after) { edges { node { id title description } } pageInfo { hasNextPage endCursor } } }",
         "variables": {"after": ${cursor}, "first": 2}}
      items: data.products.edges[*].node
      next_page: data.products.pageInfo.endCursor
      fields: {id: id, title: title, description: description}
  - name: search
    platform: Search
    kind: json
    start_urls: ["%[1]s/search"]
    allow_private_networks: true
    delay: 0s
    json:
      method: post
      body: '{"api_key": "${SEARCH_KEY}", "page": ${page}, "size": 2}'
      items: hits
      fields: {id: sku, title: name, description: text}
`, srv.URL))
	want := []string{"p1", "p2", "p3", "p4", "p5"}
	if keys := listingKeys(got); !slices.Equal(keys, want) {
		t.Errorf("listings %v, want %v\n%s", keys, want, out)
	}
	if l := got["p3"]; l.Title != "BMK glycidate 1 kg" || l.Description != "100% customs pass to EU" {
		t.Errorf("p3 = %q / %q", l.Title, l.Description)
	}
	for _, name := range []string{"gql", "search"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("target %s: complete %q, want yes\n%s", name, c, out)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	// GraphQL: three pages (hasNextPage false ends it, no fourth request);
	// search: three pages with listings and the empty fourth.
	var gql, search int
	for _, b := range bodies {
		if strings.HasPrefix(b, "/graphql") {
			gql++
		} else {
			search++
		}
	}
	if gql != 3 || search != 4 {
		t.Errorf("requests: %d graphql, %d search, want 3 and 4:\n%s", gql, search, strings.Join(bodies, "\n"))
	}
	if !slices.ContainsFunc(bodies, func(b string) bool { return strings.Contains(b, `"after": "cur2"`) }) {
		t.Errorf("no request for the page after cur2:\n%s", strings.Join(bodies, "\n"))
	}
}

// TestVariety5RemovedRedirects re-crawls a shop that answers a taken-down
// listing with a redirect to its home page (302 → "/") or to the listing's
// category page (/c/solvents/offer/3 → /c/solvents), while its catalogue
// still links them; another listing's address moved to a slug (/offer/5 →
// /offer/5-acetone) and is still live. The second crawl is incomplete (a
// catalogue page fails). Before, the home and category pages were read as
// listings ("Welcome to ChemShop", "Solvents") and the removed listings
// stayed active; now they are removed and nothing else is.
func TestVariety5RemovedRedirects(t *testing.T) {
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
		case "/":
			fmt.Fprint(w, `<html><body><h1>Welcome to ChemShop</h1><p class="d">Solvents and reagents since 1999</p><a class="o" href="/offer/1">1</a></body></html>`)
		case "/catalog":
			fmt.Fprint(w, `<html><body><a class="o" href="/offer/1">1</a> <a class="o" href="/offer/2">2</a>
<a class="o" href="/c/solvents/offer/3">3</a> <a class="o" href="/offer/5">5</a> <a class="c" href="/catalog/2">more</a></body></html>`)
		case "/catalog/2":
			if n == 2 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, `<html><body></body></html>`)
		case "/c/solvents":
			fmt.Fprint(w, `<html><body><h1>Solvents</h1><p class="d">All our solvents</p><a class="o" href="/offer/5">5</a></body></html>`)
		case "/offer/1":
			fmt.Fprint(w, `<html><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping, Wickr: chem1</p></body></html>`)
		case "/offer/2":
			if n == 2 {
				http.Redirect(w, r, "/", http.StatusFound)
				return
			}
			fmt.Fprint(w, `<html><body><h1>BMK glycidate, CAS 5449-12-7</h1><p class="d">Stealth shipping, Telegram @bmk</p></body></html>`)
		case "/c/solvents/offer/3":
			if n == 2 {
				http.Redirect(w, r, "/c/solvents?removed=1", http.StatusMovedPermanently)
				return
			}
			fmt.Fprint(w, `<html><body><h1>PMK glycidate 1 kg</h1><p class="d">No paperwork, Wickr: pmk</p></body></html>`)
		case "/offer/5":
			http.Redirect(w, r, "/offer/5-acetone", http.StatusMovedPermanently)
		case "/offer/5-acetone":
			fmt.Fprint(w, `<html><body><h1>Ephedrine HCl 1 kg</h1><p class="d">Discreet, no prescription</p></body></html>`)
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
  - name: chemshop
    platform: ChemShop
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    max_retries: 0
    follow: ["a.o"]
    next_page: ["a.c"]
    listing:
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
	want := map[string]string{"/offer/1": "active", "/offer/2": "active", "/c/solvents/offer/3": "active", "/offer/5-acetone": "active"}
	if got := status(); !maps.Equal(got, want) {
		t.Fatalf("after crawl 1: tickets %v, want %v", got, want)
	}
	mu.Lock()
	round = 2
	mu.Unlock()
	out := filepath.Join(dir, "listings.jsonl")
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath, "--listings", out)
	if code != 0 {
		t.Fatalf("crawl 2: exit %d\n%s%s", code, stdout, stderr)
	}
	if c := completeColumn(stdout, "chemshop"); c != "no" {
		t.Errorf("crawl 2: complete %q, want no (a catalogue page failed)\n%s", c, stdout)
	}
	want["/offer/2"], want["/c/solvents/offer/3"] = "removed", "removed"
	if got := status(); !maps.Equal(got, want) {
		t.Errorf("after crawl 2: tickets %v, want %v\n%s%s", got, want, stdout, stderr)
	}
	raw, _ := os.ReadFile(out)
	for _, s := range []string{"Welcome to ChemShop", `"title":"Solvents"`} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("crawl 2 made a listing of the page a removed listing redirects to (%s):\n%s", s, raw)
		}
	}
}

// TestVariety5SSRFServeRefusesItself runs serve with a loopback shop
// (allow_private_networks) whose catalogue links to serve's own address,
// and to its port on another loopback address (127.0.0.2; no name is
// resolved, so nothing can leave loopback): the crawl refuses both (the log names serve's
// listen address) and serve's API is never crawled. Before, loopback was
// one host to the scope check and the guard let a private-network target
// reach serve's /metrics and API.
func TestVariety5SSRFServeRefusesItself(t *testing.T) {
	serveURL := make(chan string, 1)
	var own string
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/catalog":
			mu.Lock()
			if own == "" {
				own = <-serveURL
			}
			o := own
			mu.Unlock()
			port := o[strings.LastIndexByte(o, ':')+1:]
			fmt.Fprintf(w, `<html><body><a class="o" href="/offer/1">1</a> <a class="o" href="%s/metrics">m</a>
<a class="o" href="http://127.0.0.2:%s/api/v1/openapi.json">api</a></body></html>`, o, port)
		case "/offer/1":
			fmt.Fprint(w, `<html><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping, Wickr: chem1</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %s
targets:
  - name: shop
    platform: Shop
    schedule: "@every 24h"
    start_urls: ["%s/catalog"]
    allowed_domains: ["127.0.0.1"]
    allow_private_networks: true
    delay: 0s
    max_retries: 0
    follow: ["a.o"]
    listing:
      fields: {title: h1, description: p.d}
`, filepath.Join(dir, "data"), srv.URL))
	ctx, cancel := context.WithCancel(context.Background())
	out, errb := &syncBuffer{}, &syncBuffer{}
	env := &Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: errb, Getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, env, []string{"serve", "--config", cfgPath, "--addr", "127.0.0.1:0", "--log-level", "warn"})
	}()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(hangGuard):
			t.Errorf("serve did not stop within %v", hangGuard)
		}
	}()
	serving := regexp.MustCompile(`serving on (http://\S+)`)
	var base string
	for deadline := time.Now().Add(hangGuard); time.Now().Before(deadline); {
		if base == "" {
			if m := serving.FindStringSubmatch(out.String()); m != nil {
				base = m[1]
				serveURL <- base
			}
		}
		if strings.Count(errb.String(), "own listen address") >= 2 {
			break
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s", code, errb.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	logs := errb.String()
	for _, path := range []string{"/metrics", "/api/v1/openapi.json"} {
		if !regexp.MustCompile(`url=\S+` + regexp.QuoteMeta(path) + ` kind=blocked .*own listen address`).MatchString(logs) {
			t.Errorf("no blocked page %s naming serve's own address in the log:\n%s", path, logs)
		}
	}
}

// TestVariety5PlatformSpellings crawls a configuration that spells one
// platform two ways across its targets and webhooks: crawl runs, and warns
// with file:line:col (config check is left to its owner to print
// cfg.Warnings).
func TestVariety5PlatformSpellings(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %[1]s
targets:
  - name: a
    platform: ChemHub
    start_urls: ["%[2]s/a"]
    allow_private_networks: true
  - name: b
    platform: Chem Hub
    start_urls: ["%[2]s/b"]
    allow_private_networks: true
platforms:
  - name: chemhub
`, filepath.Join(dir, "data"), srv.URL))
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath)
	if code != 0 {
		t.Fatalf("crawl: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		cfgPath + `:8:15: warning: targets[1].platform: "Chem Hub" is spelt "ChemHub" in targets[0].platform`,
		cfgPath + `:12:11: warning: platforms[0].name: "chemhub" is spelt "ChemHub" in targets[0].platform`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestVariety5IframeDescriptions crawls a shop that serves item
// descriptions in iframes, as eBay does: an iframe named for the
// description (id desc_ifr) when the description selector finds nothing,
// one written into srcdoc, and, on a second target, a field selector that
// points at the iframe itself. The frames are fetched like pages, so
// robots.txt still rules (a frame it disallows is not fetched and its
// listing keeps the page's text). Before, the descriptions were empty, so
// the safrole, BMK and ephedrine offers, named only in their frames, had
// nothing for the matcher. A third shop loads its description tabs by
// script: from the address in data-url (answering JSON that wraps HTML),
// and by htmx (hx-get with hx-trigger="load"); before, the field read
// "/shop3/ajax/desc?id=5" and the htmx description was empty.
func TestVariety5IframeDescriptions(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case "/catalog":
			fmt.Fprint(w, `<html><body><a class="o" href="/itm/1">1</a> <a class="o" href="/itm/2">2</a> <a class="o" href="/itm/3">3</a></body></html>`)
		case "/itm/1":
			fmt.Fprint(w, `<html><body><h1>Laboratory reagent 1 kg</h1><div id="desc_wrapper"><iframe id="desc_ifr" src="/desc/1?t=0" title="Seller's description">Your browser does not support iframes</iframe></div></body></html>`)
		case "/desc/1":
			fmt.Fprint(w, `<html><head><title>eBay item description</title></head><body><div class="x"><p>BMK glycidate, CAS 5449-12-7.</p><p>Stealth shipping, Wickr: bmk1</p></div></body></html>`)
		case "/itm/2":
			fmt.Fprint(w, `<html><body><h1>Acetone 5 l</h1><iframe id="desc_ifr" src="/private/desc/2"></iframe></body></html>`)
		case "/itm/3":
			fmt.Fprint(w, `<html><body><h1>Reagent set</h1><iframe class="item-desc" srcdoc="&lt;p&gt;Safrole 99%, CAS 94-59-7&lt;/p&gt;&lt;p&gt;Discreet, Telegram @saf&lt;/p&gt;"></iframe></body></html>`)
		case "/shop2/catalog":
			fmt.Fprint(w, `<html><body><a class="o" href="/shop2/itm/4">4</a></body></html>`)
		case "/shop2/itm/4":
			fmt.Fprint(w, `<html><body><h1>Offer 4</h1><iframe class="product-text" src="/shop2/text/4"></iframe></body></html>`)
		case "/shop2/text/4":
			fmt.Fprint(w, `<html><body>Ephedrine HCl 1 kg, no prescription, discreet</body></html>`)
		case "/shop3/catalog":
			fmt.Fprint(w, `<html><body><a class="o" href="/shop3/p/5">5</a> <a class="o" href="/shop3/p/6">6</a></body></html>`)
		case "/shop3/p/5":
			fmt.Fprint(w, `<html><body><h1>Offer 5</h1><div id="tab-description" data-url="/shop3/ajax/desc?id=5">Loading…</div></body></html>`)
		case "/shop3/ajax/desc":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"success":true,"html":"<p>PMK glycidate 1 kg<\/p><p>Wickr: pmk<\/p>"}`)
		case "/shop3/p/6":
			fmt.Fprint(w, `<html><body><h1>Offer 6</h1><section id="product-description" hx-get="/shop3/p/6/description" hx-trigger="load"></section></body></html>`)
		case "/shop3/p/6/description":
			fmt.Fprint(w, `<div class="prose"><p>Red phosphorus 500 g, Telegram: @redp</p></div>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: bay
    platform: Bay
    start_urls: ["%[1]s/catalog"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      fields: {title: h1, description: div.d}
  - name: shop2
    platform: Shop2
    start_urls: ["%[1]s/shop2/catalog"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      fields: {title: h1, description: iframe.product-text}
  - name: shop3
    platform: Shop3
    start_urls: ["%[1]s/shop3/catalog"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "^/shop3/p/\\d+$"
      fields: {title: h1, description: "#tab-description@data-url"}
`, srv.URL))
	for path, want := range map[string]string{
		"/itm/1":       "BMK glycidate, CAS 5449-12-7. Stealth shipping, Wickr: bmk1",
		"/itm/2":       "",
		"/itm/3":       "Safrole 99%, CAS 94-59-7 Discreet, Telegram @saf",
		"/shop2/itm/4": "Ephedrine HCl 1 kg, no prescription, discreet",
		"/shop3/p/5":   "PMK glycidate 1 kg Wickr: pmk",
		"/shop3/p/6":   "Red phosphorus 500 g, Telegram: @redp",
	} {
		l, ok := got[path]
		if !ok {
			t.Errorf("no listing %s\n%s", path, out)
			continue
		}
		if l.Description != want {
			t.Errorf("%s: description %q, want %q", path, l.Description, want)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if hits["/private/desc/2"] != 0 {
		t.Errorf("a frame robots.txt disallows was fetched")
	}
	for _, name := range []string{"bay", "shop2", "shop3"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("target %s: complete %q, want yes\n%s", name, c, out)
		}
	}
}

// TestVariety5ScriptShops crawls two shops whose data is in scripts: a
// Next.js single-page app whose catalogue names its products only in
// __NEXT_DATA__ (no links in the markup; product pages are shells with
// the product embedded), and a Magento shop whose product JSON-LD is
// wrapped in /*<![CDATA[*/ … /*]]>*/, with cents in a superscript on the
// page. Before, the app's catalogue led nowhere (an empty shop), and the
// Magento product had no description (its selector misses, and the JSON-LD
// that fills in did not parse) and cost €49990.
func TestVariety5ScriptShops(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/app/c/solvents":
			fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Solvents</title></head><body><div id="__next"></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"category":{"name":"Solvents","href":"/app/c/solvents"},
"products":[{"id":"a1","name":"Safrole 99%","href":"/app/p/a1-safrole"},{"id":"a2","name":"Acetone","href":"/app/p/a2-acetone"}]}},"page":"/c/[slug]","buildId":"x"}</script></body></html>`)
		case "/app/p/a1-safrole", "/app/p/a2-acetone":
			name, desc := "Safrole 99%, CAS 94-59-7", "Discreet shipping, Wickr: chem1"
			if strings.HasSuffix(r.URL.Path, "acetone") {
				name, desc = "Acetone 5 l", "Technical grade"
			}
			fmt.Fprintf(w, `<!DOCTYPE html><html><body><div id="__next"></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"product":{"id":"x","name":%q,"description":%q,"price":{"amount":"12.00","currency":"EUR"}}}}}</script></body></html>`, name, desc)
		case "/mage/catalog":
			fmt.Fprint(w, `<html><body><a class="product-item-link" href="/mage/bmk.html">BMK</a></body></html>`)
		case "/mage/bmk.html":
			fmt.Fprint(w, `<html><head><script type="application/ld+json">/*<![CDATA[*/{"@context":"http://schema.org","@type":"Product","name":"BMK glycidate 1 kg","description":"CAS 5449-12-7, 100% customs pass"}/*]]>*/</script></head>
<body><h1 class="page-title">BMK glycidate 1 kg</h1><span class="price">€499<sup>90</sup></span></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: app
    platform: App
    start_urls: ["%[1]s/app/c/solvents"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.product-card"]
    listing:
      url_pattern: "^/app/p/"
  - name: mage
    platform: Mage
    start_urls: ["%[1]s/mage/catalog"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.product-item-link"]
    listing:
      url_pattern: "\\.html$"
      fields: {title: h1, description: "div.product.description", price: .price}
`, srv.URL))
	want := map[string][2]string{
		"/app/p/a1-safrole": {"Safrole 99%, CAS 94-59-7", "Discreet shipping, Wickr: chem1"},
		"/app/p/a2-acetone": {"Acetone 5 l", "Technical grade"},
		"/mage/bmk.html":    {"BMK glycidate 1 kg", "CAS 5449-12-7, 100% customs pass"},
	}
	if keys := listingKeys(got); !slices.Equal(keys, slices.Sorted(maps.Keys(want))) {
		t.Errorf("listings %v, want %v\n%s", keys, slices.Sorted(maps.Keys(want)), out)
	}
	for path, w := range want {
		if l := got[path]; l.Title != w[0] || l.Description != w[1] {
			t.Errorf("%s: %q / %q, want %q / %q", path, l.Title, l.Description, w[0], w[1])
		}
	}
	if p := got["/mage/bmk.html"].Price; p != "€499.90" {
		t.Errorf("mage price %q, want €499.90", p)
	}
	for _, name := range []string{"app", "mage"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("target %s: complete %q, want yes\n%s", name, c, out)
		}
	}
}

// TestVariety5SoftNotFound re-crawls a shop that answers taken-down
// listings with status 200 and its "page not found" page, directly or
// after a redirect to /404.html, with no listing.gone configured; a
// product whose name holds "404" stays. The second crawl is incomplete.
// Before, "Oops! Page not found" became a listing and the removed listings
// stayed active.
func TestVariety5SoftNotFound(t *testing.T) {
	var mu sync.Mutex
	round := 1
	notFound := `<html><head><title>Page not found | ChemShop</title></head><body><nav><a href="/catalog">Shop</a></nav><h1>Oops!</h1><p class="d">We could not find that page. Try our solvents.</p></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n := round
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/catalog":
			fmt.Fprint(w, `<html><body><a class="o" href="/offer/1">1</a> <a class="o" href="/offer/2">2</a> <a class="o" href="/offer/3">3</a> <a class="c" href="/catalog/2">more</a></body></html>`)
		case "/catalog/2":
			if n == 2 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, `<html><body></body></html>`)
		case "/404.html":
			fmt.Fprint(w, notFound)
		case "/offer/1":
			if n == 2 {
				// The seller rewords the title as a notice would end
				// ("… - not found cheaper anywhere"): still the listing.
				fmt.Fprint(w, `<html><head><title>Ephedrine HCl - not found cheaper anywhere | ChemShop</title></head><body><h1>Ephedrine HCl - not found cheaper anywhere</h1><p class="d">Discreet, no prescription</p></body></html>`)
				return
			}
			fmt.Fprint(w, `<html><head><title>Ephedrine 404 grade | ChemShop</title></head><body><h1>Ephedrine HCl grade 404</h1><p class="d">Discreet, no prescription</p></body></html>`)
		case "/offer/2":
			if n == 2 {
				fmt.Fprint(w, notFound)
				return
			}
			fmt.Fprint(w, `<html><body><h1>BMK glycidate, CAS 5449-12-7</h1><p class="d">Stealth shipping, Telegram @bmk</p></body></html>`)
		case "/offer/3":
			if n == 2 {
				http.Redirect(w, r, "/404.html", http.StatusFound)
				return
			}
			fmt.Fprint(w, `<html><body><h1>PMK glycidate 1 kg</h1><p class="d">No paperwork, Wickr: pmk</p></body></html>`)
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
  - name: chemshop
    platform: ChemShop
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    max_retries: 0
    follow: ["a.o"]
    next_page: ["a.c"]
    listing:
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
	want := map[string]string{"/offer/1": "active", "/offer/2": "active", "/offer/3": "active"}
	if got := status(); !maps.Equal(got, want) {
		t.Fatalf("after crawl 1: tickets %v, want %v", got, want)
	}
	mu.Lock()
	round = 2
	mu.Unlock()
	out := filepath.Join(dir, "listings.jsonl")
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath, "--listings", out)
	if code != 0 {
		t.Fatalf("crawl 2: exit %d\n%s%s", code, stdout, stderr)
	}
	if c := completeColumn(stdout, "chemshop"); c != "no" {
		t.Errorf("crawl 2: complete %q, want no\n%s", c, stdout)
	}
	want["/offer/2"], want["/offer/3"] = "removed", "removed"
	if got := status(); !maps.Equal(got, want) {
		t.Errorf("after crawl 2: tickets %v, want %v\n%s%s", got, want, stdout, stderr)
	}
	raw, _ := os.ReadFile(out)
	if bytes.Contains(raw, []byte("Oops")) {
		t.Errorf("crawl 2 made a listing of the not-found page:\n%s", raw)
	}
	if !bytes.Contains(raw, []byte("not found cheaper anywhere")) {
		t.Errorf("crawl 2 did not deliver the listing whose seller wrote 'not found' in its title:\n%s", raw)
	}
}

// TestVariety5FeedErrors re-crawls two APIs that answer an error with
// status 200, as GraphQL does by convention and some REST APIs do: a
// GraphQL {"errors": […], "data": null} and a REST {"error": "…"}. Before,
// each read as an empty feed, the run was complete, and every listing of
// the platform was marked removed; now the page fails, the run is
// incomplete and the listings stay active.
func TestVariety5FeedErrors(t *testing.T) {
	var mu sync.Mutex
	round := 1
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n := round
		mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/graphql":
			if n == 2 {
				fmt.Fprint(w, `{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}`)
				return
			}
			fmt.Fprint(w, `{"data":{"products":{"items":[{"id":"g1","title":"Safrole 99%, CAS 94-59-7","body":"Discreet shipping, Wickr: chem1"}]}}}`)
		case "/api/offers":
			if n == 2 {
				fmt.Fprint(w, `{"error":{"code":503,"message":"Backend unavailable, try again later"}}`)
				return
			}
			fmt.Fprint(w, `{"offers":[{"id":"r1","title":"BMK glycidate 1 kg","body":"Stealth shipping, Telegram @bmk"}]}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %[1]s
targets:
  - name: gql
    platform: GQL
    kind: json
    start_urls: ["%[2]s/graphql"]
    allow_private_networks: true
    delay: 0s
    max_retries: 0
    json:
      method: POST
      body: '{"query": "{ products { items { id title body } } }"}'
      items: data.products.items
      fields: {id: id, title: title, description: body}
  - name: rest
    platform: REST
    kind: json
    start_urls: ["%[2]s/api/offers"]
    allow_private_networks: true
    delay: 0s
    max_retries: 0
    json:
      items: offers
      fields: {id: id, title: title, description: body}
`, data, srv.URL))
	status := func() map[string]string {
		m := map[string]string{}
		for _, e := range exportTickets(t, data) {
			m[e.Platform] = e.ListingStatus
		}
		return m
	}
	if code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath); code != 0 {
		t.Fatalf("crawl 1: exit %d\n%s%s", code, stdout, stderr)
	}
	want := map[string]string{"GQL": "active", "REST": "active"}
	if got := status(); !maps.Equal(got, want) {
		t.Fatalf("after crawl 1: tickets %v, want %v", got, want)
	}
	mu.Lock()
	round = 2
	mu.Unlock()
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath)
	if code != 0 {
		t.Fatalf("crawl 2: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, name := range []string{"gql", "rest"} {
		if c := completeColumn(stdout, name); c != "no" {
			t.Errorf("crawl 2, %s: complete %q, want no\n%s%s", name, c, stdout, stderr)
		}
	}
	if got := status(); !maps.Equal(got, want) {
		t.Errorf("after crawl 2: tickets %v, want %v\n%s%s", got, want, stdout, stderr)
	}
	for _, msg := range []string{"Internal server error", "Backend unavailable"} {
		if !strings.Contains(stderr, msg) {
			t.Errorf("stderr does not give the API's error %q:\n%s", msg, stderr)
		}
	}
}

// TestVariety5BotWall re-crawls a shop that has put Incapsula in front of
// its catalogue, whose block page answers with status 200. Before, the
// catalogue read as an empty shop: the run was complete and every listing
// was marked removed. Now the page fails as a bot wall, the run is
// incomplete, the listings stay active and crawl says what happened.
func TestVariety5BotWall(t *testing.T) {
	var mu sync.Mutex
	round := 1
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n := round
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if n == 2 && r.URL.Path != "/robots.txt" {
			fmt.Fprint(w, `<html><head><META NAME="robots" CONTENT="noindex,nofollow"><script src="/_Incapsula_Resource?SWJIYLWA=5074a744e2e3d891814e9a2dace20bd4,719d34d31c8e3a6e6fffd425f7e032f3"></script></head>
<body style="margin:0px;height:100%"><iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=24&xinfo=8-1234" frameborder=0 width="100%" height="100%">Request unsuccessful. Incapsula incident ID: 1234-5678</iframe></body></html>`)
			return
		}
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/catalog":
			fmt.Fprint(w, `<html><body><a class="o" href="/offer/1">1</a></body></html>`)
		case "/offer/1":
			fmt.Fprint(w, `<html><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping, Wickr: chem1</p></body></html>`)
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
  - name: chemshop
    platform: ChemShop
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    max_retries: 0
    follow: ["a.o"]
    listing:
      url_pattern: "^/offer/"
      fields: {title: h1, description: p.d}
`, data, srv.URL))
	status := func() []string {
		var s []string
		for _, e := range exportTickets(t, data) {
			s = append(s, e.ListingStatus)
		}
		return s
	}
	if code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath); code != 0 || !slices.Equal(status(), []string{"active"}) {
		t.Fatalf("crawl 1: exit %d, tickets %v\n%s%s", code, status(), stdout, stderr)
	}
	mu.Lock()
	round = 2
	mu.Unlock()
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath)
	if code != 0 {
		t.Fatalf("crawl 2: exit %d\n%s%s", code, stdout, stderr)
	}
	if c := completeColumn(stdout, "chemshop"); c != "no" {
		t.Errorf("crawl 2: complete %q, want no\n%s", c, stdout)
	}
	if got := status(); !slices.Equal(got, []string{"active"}) {
		t.Errorf("after crawl 2: tickets %v, want [active]\n%s%s", got, stdout, stderr)
	}
	if !strings.Contains(stdout, "bot protection's challenge page") || !strings.Contains(stderr, "Incapsula") {
		t.Errorf("crawl 2 does not say a bot wall answered:\n%s%s", stdout, stderr)
	}
}

// TestVariety5AppStateFeeds reads single-page-app catalogues whose
// listings, with their descriptions, are only in the state embedded in the
// page, as a json target: a Next.js page (__NEXT_DATA__, paged by a page
// number in the state) and a Nuxt page (window.__NUXT__ = {…}, counted on
// by ?page= until a page is empty). Before, a json target could not parse
// an HTML page at all (every page failed).
func TestVariety5AppStateFeeds(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		page := r.URL.Query().Get("page")
		switch r.URL.Path {
		case "/next/offers":
			var products, next string
			switch page {
			case "1":
				products, next = `[{"id":"n1","title":"Safrole 99%, CAS 94-59-7","body":"Discreet shipping, Wickr: chem1"},{"id":"n2","title":"Acetone 5 l","body":"Technical grade"}]`, "2"
			case "2":
				products, next = `[{"id":"n3","title":"BMK glycidate 1 kg","body":"100% customs pass to EU"}]`, "null"
			default:
				http.NotFound(w, r)
				return
			}
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><script type="application/ld+json">{"@type":"WebSite","name":"Next shop"}</script></head><body><div id="__next"></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"offers":%s,"nextPage":%s}},"page":"/offers","query":{},"buildId":"b1"}</script></body></html>`, products, next)
		case "/nuxt/ads":
			items := map[string]string{"1": `[{"id":"x1","title":"Red phosphorus 500 g","text":"Telegram: @redp, no paperwork"}]`,
				"2": `[{"id":"x2","title":"Isopropanol 1 l","text":"Cleaning"}]`}[page]
			if items == "" {
				items = "[]"
			}
			fmt.Fprintf(w, `<html><body><div id="__nuxt"></div><script>window.__NUXT__={"layout":"default","data":[{"ads":%s}],"state":{}};</script></body></html>`, items)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: next
    platform: Next
    kind: json
    start_urls: ["%[1]s/next/offers?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: props.pageProps.offers
      next_page: props.pageProps.nextPage
      fields: {id: id, title: title, description: body}
  - name: nuxt
    platform: Nuxt
    kind: json
    start_urls: ["%[1]s/nuxt/ads?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data[0].ads
      fields: {id: id, title: title, description: text}
`, srv.URL))
	want := []string{"n1", "n2", "n3", "x1", "x2"}
	if keys := listingKeys(got); !slices.Equal(keys, want) {
		t.Errorf("listings %v, want %v\n%s", keys, want, out)
	}
	if l := got["x1"]; l.Description != "Telegram: @redp, no paperwork" {
		t.Errorf("x1 description %q", l.Description)
	}
	for _, name := range []string{"next", "nuxt"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("target %s: complete %q, want yes\n%s", name, c, out)
		}
	}
}

// TestVariety5CSVFeeds crawls product feeds given as files: a Google
// Merchant TSV served gzipped (products.tsv.gz) and a shop's CSV export.
// Before, both failed to parse as JSON and nothing was read.
func TestVariety5CSVFeeds(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/feeds/products.tsv.gz":
			w.Header().Set("Content-Type", "application/gzip")
			w.Write(gzipBytes(t, "id\ttitle\tdescription\tlink\tprice\nA1\tSafrole 99%, CAS 94-59-7\tDiscreet shipping, Wickr: chem1\t/p/a1\t12.00 EUR\nA2\tAcetone 5 l\tTechnical grade\t/p/a2\t3.00 EUR\n"))
		case "/export.csv":
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			fmt.Fprint(w, "sku,name,text\r\nB7,\"BMK glycidate, 1 kg\",\"100% customs pass, Telegram @bmk\"\r\n")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: merchant
    platform: Merchant
    kind: json
    start_urls: ["%[1]s/feeds/products.tsv.gz"]
    allow_private_networks: true
    json:
      items: "."
      fields: {id: id, title: title, description: description, url: link, price: price}
  - name: export
    platform: Export
    kind: json
    start_urls: ["%[1]s/export.csv"]
    allow_private_networks: true
    json:
      items: "."
      fields: {id: sku, title: name, description: text}
`, srv.URL))
	want := []string{"A1", "A2", "B7"}
	if keys := listingKeys(got); !slices.Equal(keys, want) {
		t.Errorf("listings %v, want %v\n%s", keys, want, out)
	}
	if l := got["A1"]; l.URL != srv.URL+"/p/a1" || l.Price != "12.00 EUR" {
		t.Errorf("A1 = %+v", l)
	}
	if l := got["B7"]; l.Title != "BMK glycidate, 1 kg" {
		t.Errorf("B7 = %+v", l)
	}
	for _, name := range []string{"merchant", "export"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("target %s: complete %q, want yes\n%s", name, c, out)
		}
	}
}

// TestVariety5WordPressPastEnd crawls a WordPress REST feed
// (/wp-json/wp/v2/listing?page=1), which names no next page and answers a
// page number past its last with 400 rest_post_invalid_page_number. Before,
// that guessed page failed and the run was never complete (so no listing
// was ever marked removed); now it ends the feed.
func TestVariety5WordPressPastEnd(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/wp-json/wp/v2/listing":
			w.Header().Set("Content-Type", "application/json; charset=UTF-8")
			w.Header().Set("X-WP-Total", "3")
			w.Header().Set("X-WP-TotalPages", "2")
			switch r.URL.Query().Get("page") {
			case "1":
				fmt.Fprint(w, `[{"id":11,"title":{"rendered":"Safrole 99%, CAS 94-59-7"},"content":{"rendered":"<p>Discreet shipping, Wickr: chem1</p>"}},{"id":12,"title":{"rendered":"Acetone 5 l"},"content":{"rendered":"<p>Technical grade</p>"}}]`)
			case "2":
				fmt.Fprint(w, `[{"id":13,"title":{"rendered":"BMK glycidate 1 kg"},"content":{"rendered":"<p>100% customs pass</p>"}}]`)
			default:
				w.WriteHeader(http.StatusBadRequest)
				fmt.Fprint(w, `{"code":"rest_post_invalid_page_number","message":"The page number requested is larger than the number of pages available.","data":{"status":400}}`)
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: wp
    platform: WP
    kind: json
    start_urls: ["%s/wp-json/wp/v2/listing?page=1"]
    allow_private_networks: true
    delay: 0s
    max_retries: 0
    json:
      items: "."
      fields: {id: id, title: title.rendered, description: content.rendered}
`, srv.URL))
	if keys := listingKeys(got); !slices.Equal(keys, []string{"11", "12", "13"}) {
		t.Errorf("listings %v, want 11 12 13\n%s", keys, out)
	}
	if c := completeColumn(out, "wp"); c != "yes" {
		t.Errorf("complete %q, want yes\n%s", c, out)
	}
}

// TestTargetTestGoneWording: target test says why a page counts as gone.
// Without listing.gone, a listing page that answers 200 with a not-found
// page (a soft 404) is gone by the crawler's own guess; the line says so
// instead of `listing.gone "" matched`. A page with one listing says
// "1 listing". A listing page redirected to the home page is gone as in a
// crawl (was: the home page read as its listing).
func TestTargetTestGoneWording(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/search":
			fmt.Fprint(w, `<html><body><a class="o" href="/ad/1">one</a> <a class="o" href="/ad/2">two</a> <a class="o" href="/ad/3">three</a></body></html>`)
		case "/ad/3":
			http.Redirect(w, r, "/", http.StatusFound)
		case "/":
			fmt.Fprint(w, `<html><head><title>Welcome to Board</title></head><body><h1>Welcome to Board</h1><p class="d">Buy and sell.</p></body></html>`)
		case "/ad/1":
			fmt.Fprint(w, `<html><head><title>Acetone 1 l</title></head><body><h1>Acetone 1 l</h1><p class="d">Lab grade.</p></body></html>`)
		case "/ad/2":
			fmt.Fprint(w, `<html><head><title>Page not found</title></head><body><h1>Page not found</h1><p>Sorry.</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %s
targets:
  - name: board
    platform: Board
    start_urls: ["%s/search"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    max_retries: 0
    follow: ["a.o"]
    listing:
      url_pattern: "^/ad/"
      fields: {title: h1, description: p.d}
`, filepath.Join(dir, "data"), srv.URL))
	code, stdout, stderr := runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "board", "--pages", "4")
	if code != 0 {
		t.Fatalf("target test: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"200 " + srv.URL + "/ad/1  1 listing\n",
		"200 " + srv.URL + "/ad/2  gone: the page says the listing is not there",
		srv.URL + "/ad/3  gone: redirected to " + srv.URL + "/ (the home page)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("target test output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "Welcome to Board") {
		t.Errorf("target test read the home page a removed listing redirected to as a listing:\n%s", stdout)
	}
	if strings.Contains(stdout, `listing.gone ""`) {
		t.Errorf("target test names an empty listing.gone:\n%s", stdout)
	}
}

// TestCrawlingDocsExamples: every YAML example in docs/CRAWLING.md passes
// `config check`: targets as they are, a listing snippet inside a target.
func TestCrawlingDocsExamples(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "docs", "CRAWLING.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(raw), -1)
	if len(blocks) < 4 {
		t.Fatalf("docs/CRAWLING.md: %d YAML examples, want at least 4", len(blocks))
	}
	dir := t.TempDir()
	for i, b := range blocks {
		body := b[1]
		if !strings.HasPrefix(strings.TrimSpace(body), "- name:") {
			body = "  - name: snippet\n    platform: Snippet\n    start_urls: [\"https://shop.example/\"]\n" + body
		}
		cfgPath := filepath.Join(dir, fmt.Sprintf("example%d.yml", i))
		writeFile(t, cfgPath, "data_dir: "+filepath.Join(dir, "data")+"\ntargets:\n"+body)
		code, stdout, stderr := runCmd(t, map[string]string{"BAZAAR_SEARCH_KEY": "k", "CHEMHUB_NONCE": "n"}, "config", "check", cfgPath)
		if code != 0 || !strings.Contains(stdout, ": ok (") {
			t.Errorf("docs/CRAWLING.md example %d: config check = %d %s%s\n%s", i+1, code, stdout, stderr, body)
		}
	}
}
