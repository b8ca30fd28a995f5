package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVariety16FlowBracket: a JSON path with an index written unquoted in
// a flow mapping (fields: {price: variants[0].price}) is a YAML syntax
// error; the message names its line and column and says to quote it,
// rather than YAML's "did not find expected ',' or '}'" on the next line.
func TestVariety16FlowBracket(t *testing.T) {
	yml := `targets:
  - name: medusa
    platform: Medusa
    kind: json
    start_urls: ["https://shop.example/store/products"]
    json:
      items: products
      fields: {id: id, title: title, price: variants[0].calculated_price.calculated_amount, seller: metadata.seller}
  - name: other
    platform: Other
    start_urls: ["https://other.example/"]
`
	path := filepath.Join(t.TempDir(), "precwatch.yml")
	if err := os.WriteFile(path, []byte(yml), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	if err == nil {
		t.Fatal("no error")
	}
	want := path + ":8:45: write \"variants[0].calculated_price.calculated_amount\" in quotes"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q, want it to hold %q", err, want)
	}
}
