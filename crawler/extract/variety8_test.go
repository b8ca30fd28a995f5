package extract

import (
	"net/url"
	"testing"
)

// TestVariety8BracketPages: page and offset parameters written in brackets
// (Strapi's pagination[page], JSON:API's page[number] and page[offset])
// are counted on; a page size whose value equals the page number is never
// taken for it.
func TestVariety8BracketPages(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://cms.example/api/products?pagination[page]=2&pagination[pageSize]=2",
			"https://cms.example/api/products?pagination%5BpageSize%5D=2&pagination%5Bpage%5D=3"},
		{"https://api.example/offers?page[number]=1&page[size]=1",
			"https://api.example/offers?page%5Bnumber%5D=2&page%5Bsize%5D=1"},
		{"https://api.example/offers?page[offset]=0&page[limit]=20",
			"https://api.example/offers?page%5Blimit%5D=20&page%5Boffset%5D=20"},
		{"https://shop.example/c?page=3", "https://shop.example/c?page=4"},
	} {
		u, err := url.Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := countOn(u, 20); got != c.want {
			t.Errorf("countOn(%s) = %s, want %s", c.in, got, c.want)
		}
	}
	u, _ := url.Parse("https://api.example/offers?per_page=2&cat=7")
	if got, want := pageNumberURL(u, 3), "https://api.example/offers?cat=7&page=3&per_page=2"; got != want {
		t.Errorf("pageNumberURL(per_page=2, 3) = %s, want %s", got, want)
	}
}

// TestVariety8DottedKeys: a key holding dots (OData's "@odata.nextLink")
// is addressed as written, also below other keys and through arrays; a
// plain key is still preferred.
func TestVariety8DottedKeys(t *testing.T) {
	doc := map[string]any{
		"@odata.nextLink": "https://erp.example/odata/Products?$skip=2",
		"value": []any{
			map[string]any{"@odata.etag": "W/1", "Name": "Acetone"},
			map[string]any{"@odata.etag": "W/2", "Name": "Toluene"},
		},
		"a":   map[string]any{"b": "plain"},
		"a.b": "dotted",
	}
	if v, ok := lookup(doc, "@odata.nextLink"); !ok || v != "https://erp.example/odata/Products?$skip=2" {
		t.Errorf("lookup @odata.nextLink = %v, %v", v, ok)
	}
	if v, ok := lookup(doc, "value.1.@odata.etag"); !ok || v != "W/2" {
		t.Errorf("lookup value.1.@odata.etag = %v, %v", v, ok)
	}
	if v, ok := lookup(doc, "a.b"); !ok || v != "plain" {
		t.Errorf("lookup a.b = %v, %v; want the plain key's", v, ok)
	}
	if vs, ok := lookupEach(doc, "value.@odata.etag"); !ok || len(vs) != 2 {
		t.Errorf("lookupEach value.@odata.etag = %v, %v", vs, ok)
	}
	if _, ok := lookup(doc, "@odata.count"); ok {
		t.Error("lookup of a missing dotted key found something")
	}
}
