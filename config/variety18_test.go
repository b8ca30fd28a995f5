package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVariety18LookupsRequest checks lookups and an html target's request
// template: each mistake is named at its line.
func TestVariety18LookupsRequest(t *testing.T) {
	yml := `targets:
  - name: good
    platform: Bazaar
    kind: json
    start_urls: ["https://api.bazaar.example/listings"]
    json:
      items: items
      fields: {id: id, title: title, seller_id: seller_id}
    lookups:
      - url: "https://api.bazaar.example/sellers/{seller_id}"
        fields: {seller: data.name, seller_phone: data.phone}
  - name: good-more
    platform: Bazaar
    start_urls: ["https://bazaar.example/wp-admin/admin-ajax.php"]
    request: {method: POST, body: "action=load&page=${page}"}
    listing:
      item: div.card
      fields: {title: h2, seller_profile: "a.owner@href"}
    lookups:
      - url: "{seller_profile}"
        fields: {location: dd.city}
      - url: "/api/sellers/{seller_profile}/rating"
        fields: {seller_rating: rating}
  - name: bad
    platform: Bazaar
    kind: json
    start_urls: ["https://api.bazaar.example/listings"]
    request: {method: POST, body: "page=${page}"}
    json:
      items: items
      fields: {id: id, title: title}
    lookups:
      - url: "https://api.bazaar.example/sellers/{seller_id}"
        fields: {seller: data.name}
      - url: "https://api.bazaar.example/sellers/all"
        fields: {}
      - url: "ftp://api.bazaar.example/sellers/{id}"
        fields: {seller: name}
  - name: bad-more
    platform: Bazaar
    start_urls: ["https://bazaar.example/api/more"]
    request: {method: PUT, body: "x"}
    listing:
      fields: {title: h2}
  - name: bad-json-body
    platform: Bazaar
    start_urls: ["https://bazaar.example/api/more"]
    request: {method: POST, body: '{"cursor": ${cursor}, }'}
    listing:
      fields: {title: h2}
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
		"targets[2].request: only for kind: html targets",
		"targets[2].lookups[0].url: {seller_id} is not one of the target's fields",
		"targets[2].lookups[1].url: names none of the listing's fields",
		"targets[2].lookups[1].fields: a lookup needs fields",
		"targets[2].lookups[2].url:",
		`targets[3].request.method: "PUT" is not GET or POST`,
		"targets[4].request.body: starts like a JSON object but is not JSON",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(msg, "targets[0]") || strings.Contains(msg, "targets[1]") {
		t.Errorf("good targets refused:\n%s", msg)
	}
	if t.Failed() {
		t.Logf("%s", msg)
	}
}
