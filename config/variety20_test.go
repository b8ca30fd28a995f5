package config

import (
	"strings"
	"testing"
)

// TestVariety20OffsetPage: a body sending ${page} where the API takes an
// offset counted in listings (Elasticsearch's "from", Strapi's
// pagination[start], a form's start=) is warned about; ${offset} there, and
// ${page} as a page, are not.
func TestVariety20OffsetPage(t *testing.T) {
	data := `targets:
  - name: es
    platform: Shop
    kind: json
    start_urls: ["https://es.shop.example/products/_search"]
    json:
      method: POST
      body: '{"from": ${page}, "size": 50}'
      items: hits.hits
      fields: {title: _source.name}
  - name: strapi
    platform: Shop
    kind: json
    start_urls: ["https://cms.shop.example/api/products"]
    json:
      body: '{"pagination[start]": ${page}, "pagination[limit]": 25}'
      items: data
      fields: {title: attributes.name}
  - name: form
    platform: Shop
    start_urls: ["https://shop.example/ajax/list.php"]
    request:
      method: POST
      body: "cat=5&start=${page}&n=20"
    listing:
      item: div.card
      fields: {title: h2}
  - name: es-ok
    platform: Shop
    kind: json
    start_urls: ["https://es.shop.example/products/_search"]
    json:
      method: POST
      body: '{"from": ${offset}, "size": 50, "page": ${page}}'
      items: hits.hits
      fields: {title: _source.name}
`
	cfg, err := Parse("p.yml", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range cfg.Warnings {
		got = append(got, w.Warning())
	}
	want := []string{`targets[0].json.body: sends a page number as "from"`, `targets[1].json.body: sends a page number as "pagination[start]"`, `targets[2].request.body: sends a page number as "start"`}
	if len(got) != len(want) {
		t.Fatalf("warnings %q, want %d", got, len(want))
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) || !strings.Contains(got[i], "${offset}") {
			t.Errorf("warning %q, want %q and ${offset}", got[i], w)
		}
	}
}
