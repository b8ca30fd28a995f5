package crawler

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// collector is a Sink that keeps every listing.
type collector struct {
	mu       sync.Mutex
	listings []precwatch.Listing
}

func (c *collector) Listing(_ context.Context, l precwatch.Listing) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.listings = append(c.listings, l)
	return nil
}

// titles returns the sorted titles of the listings.
func (c *collector) titles() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, l := range c.listings {
		out = append(out, l.Title)
	}
	sort.Strings(out)
	return out
}

// hits counts requests per path+query.
type hits struct {
	mu sync.Mutex
	n  map[string]int
	at map[string][]time.Time
}

func newHits() *hits { return &hits{n: map[string]int{}, at: map[string][]time.Time{}} }

func (h *hits) add(r *http.Request) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	k := r.URL.RequestURI()
	h.n[k]++
	h.at[k] = append(h.at[k], time.Now())
	return h.n[k]
}

func (h *hits) get(k string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n[k]
}

func (h *hits) times(k string) []time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]time.Time(nil), h.at[k]...)
}

// loopbackTarget is a target on a loopback test server: private networks
// must be allowed (the guard refuses loopback otherwise), robots off unless a
// test turns it on, fast retries.
func loopbackTarget(name, start string) precwatch.Target {
	return precwatch.Target{
		Name: name, Platform: "Test", Kind: precwatch.KindHTML,
		StartURLs:            []string{start},
		AllowPrivateNetworks: true,
		UserAgent:            "precwatch-test/1.0",
		MaxPages:             1000,
		Parallelism:          4,
		Timeout:              2 * time.Second,
		MaxRetries:           2,
	}
}

// mustCrawler returns a Crawler on a temporary data dir with fast retries.
func mustCrawler(tb testing.TB, opts Options) *Crawler {
	tb.Helper()
	if opts.DataDir == "" {
		opts.DataDir = tb.TempDir()
	}
	if opts.RetryBase == 0 {
		opts.RetryBase = 20 * time.Millisecond
	}
	c, err := New(opts)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return c
}

// catalogSite is a B2B catalog: paginated index pages linking to product
// detail pages.
func catalogSite(pages, perPage int, h *hits) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/catalog", func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		p, _ := strconv.Atoi(r.URL.Query().Get("page"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><body><h1>Catalog page %d</h1><ul>", p)
		for i := range perPage {
			id := (p-1)*perPage + i + 1
			// The tracking parameter must not make a second URL of the same product.
			fmt.Fprintf(w, `<li><a class="product-link" href="/product/%d?utm_source=list">Product %d</a></li>`, id, id)
			if i == 0 {
				fmt.Fprintf(w, `<li><a class="product-link" href="/product/%d#reviews">again</a></li>`, id)
			}
		}
		fmt.Fprint(w, "</ul>")
		if p < pages {
			fmt.Fprintf(w, `<a class="next" href="/catalog?page=%d">next</a>`, p+1)
		}
		fmt.Fprint(w, "</body></html>")
	})
	mux.HandleFunc("/product/", func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		id := strings.TrimPrefix(r.URL.Path, "/product/")
		if id == "404" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><body><div class="product" data-id="p%s"><h1>Sodium chloride lot %s</h1>
<p class="description">Technical grade, 25 kg drum, lot %s.</p><span class="price">USD %s.00</span>
<span class="seller">Acme Chem</span><span class="origin">Rotterdam</span></div></body></html>`, id, id, id, id)
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	return mux
}

func catalogTarget(srvURL string) precwatch.Target {
	t := loopbackTarget("catalog", srvURL+"/catalog?page=1")
	t.Follow = []string{"a.product-link"}
	t.NextPage = []string{"a.next"}
	t.Listing = precwatch.ListingSpec{URLPattern: "/product/", Fields: map[string]string{
		"id": "div.product@data-id", "title": "h1", "description": ".description",
		"price": ".price", "seller": ".seller", "location": ".origin"}}
	return t
}

// classifiedsSite has inline cards: every listing is a card on an index page.
func classifiedsSite(pages, perPage int, h *hits) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		if r.URL.Path != "/ads" {
			http.NotFound(w, r)
			return
		}
		p, _ := strconv.Atoi(r.URL.Query().Get("p"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body>")
		for i := range perPage {
			id := (p-1)*perPage + i + 1
			fmt.Fprintf(w, `<div class="card" data-id="ad%d"><a class="title" href="/ad/%d">Ad %d bicycle</a>
<span class="price">%d EUR</span><p class="desc">Used, good state %d</p></div>`, id, id, id, id*10, id)
		}
		if p < pages {
			fmt.Fprintf(w, `<a rel="next" href="/ads?p=%d">more</a>`, p+1)
		}
		fmt.Fprint(w, "</body></html>")
	})
}

func classifiedsTarget(srvURL string) precwatch.Target {
	t := loopbackTarget("classifieds", srvURL+"/ads?p=1")
	t.NextPage = []string{`a[rel="next"]`}
	t.Listing = precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{
		"id": "@data-id", "url": "a.title@href", "title": "a.title", "description": ".desc", "price": ".price"}}
	return t
}

// feedSite is a paginated JSON feed.
func feedSite(pages, perPage int, h *hits) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r)
		p, _ := strconv.Atoi(r.URL.Query().Get("page"))
		type item struct {
			ID     string         `json:"id"`
			Link   string         `json:"link"`
			Title  string         `json:"title"`
			Body   string         `json:"body"`
			Seller map[string]any `json:"seller"`
			Price  map[string]any `json:"price"`
		}
		var doc struct {
			Items []item `json:"items"`
			Next  any    `json:"next"`
		}
		for i := range perPage {
			id := (p-1)*perPage + i + 1
			doc.Items = append(doc.Items, item{ID: fmt.Sprintf("f%d", id), Link: fmt.Sprintf("/item/%d", id),
				Title: fmt.Sprintf("Feed item %d", id), Body: "Lab reagent",
				Seller: map[string]any{"name": "Bazaar Seller", "country": "PL"}, Price: map[string]any{"amount": id}})
		}
		if p < pages {
			doc.Next = fmt.Sprintf("/api/listings?page=%d", p+1)
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(doc)
	})
}

func feedTarget(srvURL string) precwatch.Target {
	t := loopbackTarget("feed", srvURL+"/api/listings?page=1")
	t.Kind = precwatch.KindJSON
	t.JSON = precwatch.JSONSpec{Items: "items", NextPage: "next", Fields: map[string]string{
		"id": "id", "url": "link", "title": "title", "description": "body",
		"seller": "seller.name", "price": "price.amount", "location": "seller.country"}}
	return t
}

func mustServer(tb testing.TB, h http.Handler) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv
}
