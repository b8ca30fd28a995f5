package extract

import (
	"reflect"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestEmbeddedProduct reads the product of single-page-app shells from their
// embedded state, and nothing from state that holds no clear product.
func TestEmbeddedProduct(t *testing.T) {
	const next = `<script id="__NEXT_DATA__" type="application/json">`
	tests := []struct {
		name, scripts string
		want          map[string]string // nil: no listing
	}{
		{"next product", next + `{"props":{"pageProps":{"menu":[{"name":"Home","url":"/"}],
"product":{"name":"Safrole 98%","description":"<p>CAS 94-59-7</p>","price":{"amount":120.5,"currency":"EUR"},"seller":{"name":"aromachem"},"sku":"S-1"},
"relatedProducts":[{"name":"Piperonal","price":80}]}}}</script>`,
			map[string]string{"title": "Safrole 98%", "description": "CAS 94-59-7", "price": "120.5 EUR", "seller": "aromachem", "sku": "S-1"}},
		{"initial state", `<script>window.__INITIAL_STATE__ = {"offer":{"title":"PMK oil","body":"bulk","price":"299.00","currency":"USD","vendor":"x1"}};var a=1;</script>`,
			map[string]string{"title": "PMK oil", "description": "bulk", "price": "299.00 USD", "seller": "x1"}},
		{"nuxt data array", `<script>window.__NUXT__={"data":[{"product":{"name":"Nitroethane","offers":{"price":"45","priceCurrency":"GBP","seller":{"name":"labs"}}}}]}</script>`,
			map[string]string{"title": "Nitroethane", "price": "45 GBP", "seller": "labs"}},
		{"weak single object", next + `{"props":{"pageProps":{"data":{"title":"Red P","price":12,"unavailableReason":""}}}}</script>`,
			map[string]string{"title": "Red P", "price": "12"}},
		{"title, description and seller", next + `{"props":{"pageProps":{"ad":{"title":"Ephedrine","description":"no rx","seller":"pharm"}}}}</script>`,
			map[string]string{"title": "Ephedrine", "description": "no rx", "seller": "pharm"}},
		{"same product twice", `<script>window.__PRELOADED_STATE__={"product":{"name":"BMK","price":1},"entities":{"product":{"name":"BMK","price":1}}}</script>`,
			map[string]string{"title": "BMK", "price": "1"}},
		{"menu and recommendations only", next + `{"props":{"pageProps":{"menu":[{"name":"Home"}],"recommendations":[{"name":"Piperonal","price":80}],"navigation":{"name":"Top","price":1}}}}</script>`, nil},
		{"list of products", next + `{"props":{"pageProps":{"products":[{"name":"A","price":1},{"name":"B","price":2}]}}}</script>`, nil},
		{"two different products", `<script>window.__INITIAL_STATE__={"product":{"name":"A","price":1},"item":{"name":"B","price":2}}</script>`, nil},
		{"two weak objects", next + `{"props":{"a":{"name":"A","price":1},"b":{"name":"B","price":2}}}</script>`, nil},
		{"names without price", next + `{"props":{"pageProps":{"product":{"name":"A","description":"d"}}}}</script>`, nil},
		{"other json script", `<script type="application/json" id="config">{"product":{"name":"A","price":1}}</script>`, nil},
		{"comparison not assignment", `<script>if (window.__INITIAL_STATE__ == {"product":{"name":"A","price":1}}) {}</script>`, nil},
		{"broken json", next + `{"props":{"product":{"name":"A","price":1}</script>`, nil},
	}
	target := &precwatch.Target{Name: "t", Platform: "P", Listing: precwatch.ListingSpec{
		Fields: map[string]string{"title": "h1", "description": "div.d", "price": "span.p", "seller": "a.s"}}}
	bare := &precwatch.Target{Name: "t", Platform: "P"}
	for _, tt := range tests {
		body := `<html><head><title>Shop</title></head><body><div id="__next"></div>` + tt.scripts + `</body></html>`
		for _, tg := range []*precwatch.Target{target, bare} {
			p, err := HTML(tg, "https://shop.example/item/1", []byte(body))
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if tt.want == nil {
				if len(p.Listings) != 0 {
					t.Errorf("%s (fields %v): listings %+v, want none", tt.name, tg.Listing.Fields != nil, p.Listings)
				}
				continue
			}
			if len(p.Listings) != 1 {
				t.Errorf("%s (fields %v): %d listings, want 1", tt.name, tg.Listing.Fields != nil, len(p.Listings))
				continue
			}
			l := p.Listings[0]
			got := map[string]string{"title": l.Title, "description": l.Description, "price": l.Price, "seller": l.Seller}
			want := map[string]string{"title": "", "description": "", "price": "", "seller": ""}
			for k, v := range tt.want {
				if k == "sku" {
					if tg == bare && l.Attributes["sku"] != v {
						t.Errorf("%s: sku %q, want %q", tt.name, l.Attributes["sku"], v)
					}
					continue
				}
				want[k] = v
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (fields %v): got %v, want %v", tt.name, tg.Listing.Fields != nil, got, want)
			}
			if p.Counts[CountStructured] != 1 {
				t.Errorf("%s: structured count %d, want 1", tt.name, p.Counts[CountStructured])
			}
			if l.URL != "https://shop.example/item/1" {
				t.Errorf("%s: url %q", tt.name, l.URL)
			}
		}
	}
}

// TestEmbeddedNotOverJSONLD checks that JSON-LD wins over embedded state.
func TestEmbeddedNotOverJSONLD(t *testing.T) {
	body := `<html><body><script type="application/ld+json">{"@type":"Product","name":"From LD","offers":{"price":"5"}}</script>
<script id="__NEXT_DATA__" type="application/json">{"props":{"product":{"name":"From state","price":9}}}</script></body></html>`
	p, err := HTML(&precwatch.Target{Name: "t"}, "https://shop.example/item/1", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Listings) != 1 || p.Listings[0].Title != "From LD" || p.Listings[0].Price != "5" {
		t.Errorf("listings %+v, want the JSON-LD product", p.Listings)
	}
}

func TestExcludedKey(t *testing.T) {
	for k, want := range map[string]bool{
		"relatedProducts": true, "recently_viewed": true, "navigation": true, "mainMenu": true, "crossSells": true,
		"unavailable": false, "product": false, "pageProps": false, "ad": false, "item": false, "HEADER": true,
	} {
		if got := excludedKey(k); got != want {
			t.Errorf("excludedKey(%q) = %v, want %v", k, got, want)
		}
	}
}
