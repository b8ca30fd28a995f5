package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVariety19TimeZoneChainedLookups checks a target's time_zone (an IANA
// name, refused otherwise) and lookups chained on an earlier lookup's
// field ({shop_id} filled by the seller's record); a lookup naming a field
// only a later lookup fills is still refused.
func TestVariety19TimeZoneChainedLookups(t *testing.T) {
	yml := `targets:
  - name: good
    platform: Bazaar
    kind: json
    time_zone: Europe/Berlin
    start_urls: ["https://api.bazaar.example/listings"]
    json:
      items: items
      fields: {id: id, title: title, seller_id: seller_id}
    lookups:
      - url: "https://api.bazaar.example/sellers/{seller_id}"
        fields: {seller: data.name, shop_id: data.shop_id}
      - url: "https://api.bazaar.example/shops/{shop_id}"
        fields: {location: shop.city}
  - name: bad
    platform: Bazaar
    kind: json
    time_zone: Berlin
    start_urls: ["https://api.bazaar.example/listings"]
    json:
      items: items
      fields: {id: id, title: title, seller_id: seller_id}
    lookups:
      - url: "https://api.bazaar.example/shops/{shop_id}"
        fields: {location: shop.city}
      - url: "https://api.bazaar.example/sellers/{seller_id}"
        fields: {seller: data.name, shop_id: data.shop_id}
  - name: bad-local
    platform: Bazaar
    time_zone: Local
    start_urls: ["https://bazaar.example/"]
    listing:
      fields: {title: h1}
`
	path := filepath.Join(t.TempDir(), "precwatch.yml")
	if err := os.WriteFile(path, []byte(yml), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{
		`targets[1].time_zone: "Berlin" is not an IANA time zone`,
		"targets[1].lookups[0].url: {shop_id} is not one of the target's fields, nor filled by an earlier lookup",
		`targets[2].time_zone: "Local" is not an IANA time zone`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(msg, "targets[0]") || strings.Contains(msg, "targets[1].lookups[1]") {
		t.Errorf("good targets refused:\n%s", msg)
	}
	if t.Failed() {
		t.Logf("%s", msg)
	}
}

// TestVariety19AlgoliaPage warns about ${page} sent to Algolia, whose
// pages count from 0 (the first page would be skipped, silently), and not
// about ${page0} or another API's ${page}.
func TestVariety19AlgoliaPage(t *testing.T) {
	data := `targets:
  - name: a
    platform: Shop
    kind: json
    start_urls: ["https://app1-dsn.algolia.net/1/indexes/*/queries"]
    json:
      method: POST
      body: '{"requests": [{"indexName": "products", "params": "hitsPerPage=50&page=${page}"}]}'
      items: results.hits
      fields: {title: name}
  - name: b
    platform: Shop
    kind: json
    start_urls: ["https://app1-dsn.algolia.net/1/indexes/*/queries"]
    json:
      method: POST
      body: '{"requests": [{"indexName": "products", "params": "hitsPerPage=50&page=${page0}"}]}'
      items: results.hits
      fields: {title: name}
  - name: c
    platform: Shop
    kind: json
    start_urls: ["https://search.shop.example/v1/search"]
    json:
      method: POST
      body: '{"page": ${page}}'
      items: hits
      fields: {title: name}
`
	cfg, err := Parse("p.yml", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range cfg.Warnings {
		got = append(got, w.Warning())
	}
	if len(got) != 1 || !strings.Contains(got[0], "targets[0].json.body: sends ${page}") || !strings.Contains(got[0], "${page0}") {
		t.Errorf("warnings %q, want one about targets[0]'s ${page}", got)
	}
}
