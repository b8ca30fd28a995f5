package config

import (
	"strings"
	"testing"
)

// TestVariety21LaterStartPage: a start URL asking for a page after the
// first (?page=3, ?offset=40, /page/2/, copied from the address bar) is
// warned about — the crawl would read on from there and never read the
// pages before it —; a first page (page=1, page=0, offset=0, Yahoo's
// 1-based start=1), a page size, and a target whose start URLs name
// several pages on purpose are not.
func TestVariety21LaterStartPage(t *testing.T) {
	data := `targets:
  - name: feed
    platform: Shop
    kind: json
    start_urls: ["https://api.shop.example/products?page=3&per_page=2"]
    json: {items: products, fields: {title: name}}
  - name: offset
    platform: Shop
    kind: json
    start_urls: ["https://api.shop.example/products?offset=40&limit=20"]
    json: {items: products, fields: {title: name}}
  - name: wp
    platform: Shop
    start_urls: ["https://shop.example/shop/page/2/"]
    follow: ["a.product"]
  - name: first
    platform: Shop
    kind: json
    start_urls: ["https://api.shop.example/products?page=1&per_page=20"]
    json: {items: products, fields: {title: name}}
  - name: zero
    platform: Shop
    kind: json
    start_urls: ["https://api.shop.example/products?page=0&size=20&start=1"]
    json: {items: products, fields: {title: name}}
  - name: several
    platform: Shop
    start_urls: ["https://shop.example/c/1?page=1", "https://shop.example/c/1?page=2"]
    follow: ["a.product"]
`
	cfg, err := Parse("p.yml", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range cfg.Warnings {
		got = append(got, w.Warning())
	}
	want := []string{`targets[0].start_urls[0]: asks for a page after the first (page=3)`, `targets[1].start_urls[0]: asks for a page after the first (offset=40)`, `targets[2].start_urls[0]: asks for a page after the first (/page/2)`}
	if len(got) != len(want) {
		t.Fatalf("warnings %q, want %d", got, len(want))
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Errorf("warning %q, want %q", got[i], w)
		}
	}
}
