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
