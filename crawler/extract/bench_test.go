package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/precwatch/precwatch"
)

// benchCards is a classifieds search page with n inline cards (~0.5 KB each).
func benchCards(n int) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><title>Search</title><script>var x=1;</script></head><body><header><nav><a href=\"/\">Home</a></nav></header><main>")
	for i := range n {
		fmt.Fprintf(&b, `<article class="card" data-listing-id="L-%d"><h2><a href="/listings/l-%d?utm_source=search&amp;pos=%d">Listing %d: acetone 25 L, lab grade</a></h2>
<p class="summary">Solvent for cleaning, <b>99.5%%</b> purity. Delivery in EU. Contact via the site messaging.</p>
<span class="price">€ %d</span><span class="user-name">seller%d</span><span class="city">Rotterdam</span><time datetime="2026-11-20T10:00:00Z">last week</time></article>
`, i, i, i, i, 10+i, i%17)
	}
	b.WriteString(`</main><nav class="pager"><a rel="next" href="/search?page=2&amp;q=x">2</a></nav></body></html>`)
	return []byte(b.String())
}

var benchCardsTarget = &precwatch.Target{
	Name: "bench", Platform: "Bench",
	NextPage: []string{"nav.pager a[rel=next]"},
	Listing: precwatch.ListingSpec{Item: "article.card", Fields: map[string]string{
		"id": "@data-listing-id", "url": "h2 a@href", "title": "h2", "description": "p.summary",
		"price": ".price", "seller": ".user-name", "location": ".city", "posted": "time@datetime",
	}},
}

// BenchmarkParseBaseline is the floor for the HTML benchmarks: parsing the
// same page into a goquery document and nothing else.
func BenchmarkParseBaseline(b *testing.B) {
	body := benchCards(50)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := goquery.NewDocumentFromReader(bytes.NewReader(body)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHTMLCards extracts 50 listings from a search page.
func BenchmarkHTMLCards(b *testing.B) {
	body := benchCards(50)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		p, err := HTML(benchCardsTarget, "https://bazaar.example/search?q=x&page=1", body)
		if err != nil || len(p.Listings) != 50 {
			b.Fatalf("%d listings, %v", len(p.Listings), err)
		}
	}
}

// BenchmarkHTMLDetail extracts one listing and its links from a detail page.
func BenchmarkHTMLDetail(b *testing.B) {
	body, err := os.ReadFile("testdata/catalog-detail.html")
	if err != nil {
		b.Fatal(err)
	}
	target := &precwatch.Target{Name: "chemhub", Platform: "ChemHub", Follow: []string{"a.related"}, Listing: precwatch.ListingSpec{
		URLPattern: `/product/\d+`,
		Fields: map[string]string{"id": "main.product@data-sku", "title": "h1", "description": ".description",
			"price": ".price", "seller": ".seller a", "location": ".origin", "cas": "td.cas"},
	}}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		p, err := HTML(target, "https://www.chemhub.example/product/101", body)
		if err != nil || len(p.Listings) != 1 {
			b.Fatal(err)
		}
	}
}

func benchFeed(n int) []byte {
	items := make([]map[string]any, n)
	for i := range items {
		items[i] = map[string]any{
			"id": i, "permalink": fmt.Sprintf("/l/%d?utm_source=feed", i), "title": fmt.Sprintf("Listing %d: toluene 1 L", i),
			"body":   "Solvent, lab grade, 99.8% purity. Ships worldwide.",
			"price":  map[string]any{"amount": 12.5 + float64(i), "currency": "EUR"},
			"seller": map[string]any{"name": fmt.Sprintf("seller%d", i%13), "country": "NL"},
		}
	}
	b, _ := json.Marshal(map[string]any{"data": map[string]any{"items": items}, "links": map[string]any{"next": "/v2/listings?page=2"}})
	return b
}

// BenchmarkJSONBaseline is the floor for BenchmarkJSONFeed: decoding the
// same feed into generic values.
func BenchmarkJSONBaseline(b *testing.B) {
	body := benchFeed(100)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		var v any
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJSONFeed extracts 100 listings from a feed page.
func BenchmarkJSONFeed(b *testing.B) {
	body := benchFeed(100)
	target := &precwatch.Target{Kind: "json", JSON: precwatch.JSONSpec{Items: "data.items", NextPage: "links.next", Fields: map[string]string{
		"id": "id", "url": "permalink", "title": "title", "description": "body", "price": "price.amount",
		"seller": "seller.name", "location": "seller.country", "currency": "price.currency",
	}}}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		p, err := JSON(target, "https://api.bazaar.example/v2/listings?page=1", body)
		if err != nil || len(p.Listings) != 100 {
			b.Fatal(err)
		}
	}
}

// BenchmarkCanonical canonicalises a relative link with tracking parameters.
func BenchmarkCanonical(b *testing.B) {
	base, _ := url.Parse("https://www.chemhub.example/catalog?page=1")
	for b.Loop() {
		if _, err := Canonical(base, "/product/102?gclid=abc&variant=2&color=red#reviews"); err != nil {
			b.Fatal(err)
		}
	}
}

// benchStructured is a detail page describing its product in JSON-LD only.
var benchStructured = []byte(`<!DOCTYPE html><html><head><title>BMK glycidate | Shop</title>
<meta property="og:type" content="product"><meta property="og:title" content="BMK glycidate">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Shop"},
{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Chemicals","item":"https://shop.example/c"}]},
{"@type":"Product","name":"BMK glycidate 99%","sku":"BMK-1","description":"<p>Powder, 25 kg drums. Stealth shipping.</p>",
"brand":{"@type":"Brand","name":"ChemX"},"image":["https://shop.example/i/1.jpg"],
"offers":{"@type":"Offer","price":"1200","priceCurrency":"USD","seller":{"@type":"Organization","name":"LabGuy","address":{"addressCountry":"CN"}}}}]}</script>
</head><body><header><nav><a href="/">Home</a> <a href="/c">Chemicals</a></nav></header>
<main><h1>BMK glycidate 99%</h1><div class="gallery"><img src="/i/1.jpg" alt="BMK"></div><p>Powder, 25 kg drums.</p></main></body></html>`)

// BenchmarkHTMLStructured extracts the listing of a detail page from its
// JSON-LD (a target without fields).
func BenchmarkHTMLStructured(b *testing.B) {
	target := &precwatch.Target{Name: "ld", Platform: "LD"}
	b.SetBytes(int64(len(benchStructured)))
	for b.Loop() {
		p, err := HTML(target, "https://shop.example/p/1", benchStructured)
		if err != nil || len(p.Listings) != 1 {
			b.Fatalf("%d listings, %v", len(p.Listings), err)
		}
	}
}

// benchEmbedded is a Next.js product page shell (~100 KB of embedded state:
// the product, a menu and 300 recommended products).
func benchEmbedded() []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>Shop</title></head><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"menu":[{"name":"Home","url":"/"}],"product":{"name":"Safrole oil","description":"CAS 94-59-7","price":{"amount":120,"currency":"EUR"},"seller":{"name":"aromachem"}},"recommendations":[`)
	for i := range 300 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":%d,"name":"Recommended product %d with a long name","price":%d,"seller":"s%d","image":"/img/%d.jpg"}`, i, i, i, i, i)
	}
	b.WriteString(`]}},"page":"/p/[id]","buildId":"x"}</script><script>window.__ENV__={"a":1};</script></body></html>`)
	return []byte(b.String())
}

// BenchmarkHTMLEmbedded extracts the product of a single-page-app shell
// from its embedded state (configured fields find nothing).
func BenchmarkHTMLEmbedded(b *testing.B) {
	body := benchEmbedded()
	target := &precwatch.Target{Name: "spa", Platform: "SPA", Listing: precwatch.ListingSpec{
		Fields: map[string]string{"title": "h1", "price": ".price", "seller": ".seller"}}}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		p, err := HTML(target, "https://shop.example/p/1", body)
		if err != nil || len(p.Listings) != 1 || p.Listings[0].Price != "120 EUR" {
			b.Fatalf("%+v, %v", p, err)
		}
	}
}

// BenchmarkParseEmbeddedBaseline parses the same shell and nothing else.
func BenchmarkParseEmbeddedBaseline(b *testing.B) {
	body := benchEmbedded()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := goquery.NewDocumentFromReader(bytes.NewReader(body)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSelfRefresh is the crawler's per-page check for a page that
// reloads itself (an interstitial), on a 100-card search page without a
// refresh (the usual page) and on a bot-check page with one.
func BenchmarkSelfRefresh(b *testing.B) {
	page := benchCards(100)
	gate := []byte(`<html><head><meta http-equiv="refresh" content="1"><title>Just a moment...</title></head><body><p>Checking your browser</p></body></html>`)
	for _, c := range []struct {
		name string
		body []byte
	}{{"page", page}, {"interstitial", gate}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.body)))
			for b.Loop() {
				SelfRefresh("https://s.example/search", "https://s.example/search", c.body)
			}
		})
	}
}
