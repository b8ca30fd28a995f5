package extract

import (
	"html"
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// feed14 runs a json target of items and fields over body at pageURL.
func feed14(t *testing.T, pageURL, items, next string, fields map[string]string, body string) *Page {
	t.Helper()
	tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: items, NextPage: next, Fields: fields}}
	p, err := JSON(tg, pageURL, []byte(body))
	if err != nil {
		t.Fatalf("%s: %v", pageURL, err)
	}
	return p
}

// checkListings14 compares the listings of p with want, by id, field by
// field (fields not named in a want are not compared).
func checkListings14(t *testing.T, name string, p *Page, want map[string]map[string]string) {
	t.Helper()
	got := map[string]map[string]string{}
	for _, l := range p.Listings {
		f := listingFields(l)
		got[l.ID] = f
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d listings %v, want %d", name, len(got), got, len(want))
	}
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			t.Errorf("%s: no listing %s (got %v)", name, id, got)
			continue
		}
		for k, v := range w {
			if g[k] != v {
				t.Errorf("%s: %s %s = %q, want %q", name, id, k, g[k], v)
			}
		}
	}
}

// TestVariety14Livewire reads a Livewire 3 component's wire:snapshot
// attribute as app state, its PHP arrays written as [value, {"s": "arr"}]
// tuples revived (before: the page could not be parsed).
func TestVariety14Livewire(t *testing.T) {
	snap := `{"data":{"search":"","products":[[[{"id":"a1","name":"Safrole oil 1 l","seller":[{"name":"chemking"},{"s":"arr"}],"tags":[["oil","1 l"],{"s":"arr"}],"added":["2026-11-01T00:00:00+00:00",{"type":"immutable","s":"cbn"}]},{"s":"arr"}],[{"id":"a2","name":"Acetone 5 l","seller":[{"name":"solvents4u"},{"s":"arr"}],"tags":[[],{"s":"arr"}]},{"s":"arr"}]],{"s":"arr"}],"user":[null,{"class":"App\\Models\\User","key":5,"s":"mdl"}]},"memo":{"id":"Zx81kQ","name":"product-list"},"checksum":"0f"}`
	body := `<!DOCTYPE html><html><body><div wire:snapshot="` + html.EscapeString(snap) + `" wire:effects="{&quot;returns&quot;:[]}" wire:id="Zx81kQ"><div class="grid"></div></div></body></html>`
	p := feed14(t, "https://lw.example/products?page=1", "data.products", "", map[string]string{"id": "id", "title": "name", "seller": "seller.name", "tags": "tags"}, body)
	checkListings14(t, "livewire", p, map[string]map[string]string{
		"a1": {"title": "Safrole oil 1 l", "seller": "chemking", "attributes.tags": "oil, 1 l"},
		"a2": {"title": "Acetone 5 l", "seller": "solvents4u"},
	})
}

// TestVariety14MagentoInit reads a Magento 2 page's <script
// type="text/x-magento-init"> blocks as app state, a path naming the "*"
// key in brackets (not every element) and items keyed by product id
// (before: the page could not be parsed).
func TestVariety14MagentoInit(t *testing.T) {
	body := `<!doctype html><html><body><script type="text/x-magento-init">{"*":{"mage/cookies":{"path":"\u002F"}}}</script>
<script type="text/x-magento-init">{"*":{"Magento_Catalog/js/product/view/provider":{"data":{"items":{"4201":{"name":"Methylamine 40% 1 l","id":4201,"price_info":{"final_price":85}},"4202":{"name":"Acetone 1 l","id":4202,"price_info":{"final_price":9}}}}}}}</script></body></html>`
	for _, items := range []string{`["*"]["Magento_Catalog/js/product/view/provider"].data.items`, `['*']['Magento_Catalog/js/product/view/provider'].data.items`} {
		p := feed14(t, "https://mg.example/solvents.html", items, "", map[string]string{"id": "id", "title": "name", "price": "price_info.final_price"}, body)
		checkListings14(t, items, p, map[string]map[string]string{
			"4201": {"title": "Methylamine 40% 1 l", "price": "85"},
			"4202": {"title": "Acetone 1 l", "price": "9"},
		})
	}
	// An unquoted [*] is still every element.
	if got, want := NormalizePath(`data[*].items`), "data.items"; got != want {
		t.Errorf("NormalizePath(data[*].items) = %q, want %q", got, want)
	}
}

// TestVariety14VarGlobal reads state a script assigns to a top-level var,
// let or const (Shopify's `var meta = {…}` for ShopifyAnalytics), not only
// to a window global (before: the page could not be parsed).
func TestVariety14VarGlobal(t *testing.T) {
	for _, decl := range []string{"var", "let", "const"} {
		body := `<html><head><script>window.ShopifyAnalytics = window.ShopifyAnalytics || {};
window.ShopifyAnalytics.meta = window.ShopifyAnalytics.meta || {};
var config = {"theme": "dawn"};
` + decl + ` meta = {"products":[{"id":8801,"vendor":"chemking","variants":[{"price":12000,"name":"Sassafras oil - 1 l"}]}],"page":{"pageType":"collection"}};
for (var attr in meta) { window.ShopifyAnalytics.meta[attr] = meta[attr]; }</script></head><body></body></html>`
		p := feed14(t, "https://sm.example/collections/all", "products", "", map[string]string{"id": "id", "title": "variants.0.name", "seller": "vendor"}, body)
		checkListings14(t, decl, p, map[string]map[string]string{"8801": {"title": "Sassafras oil - 1 l", "seller": "chemking"}})
	}
}

// TestVariety14Gatsby pages a Gatsby page-data feed whose pageContext
// names the next page by its path for people ("/shop/2/"): it is read at
// its page-data address (before: the HTML page was fetched and failed).
func TestVariety14Gatsby(t *testing.T) {
	for _, tc := range []struct{ page, next, want string }{
		{"https://gt.example/page-data/shop/page-data.json", "/shop/2/", "https://gt.example/page-data/shop/2/page-data.json"},
		{"https://gt.example/page-data/shop/page-data.json", "https://gt.example/shop/2", "https://gt.example/page-data/shop/2/page-data.json"},
		{"https://gt.example/blog/page-data/shop/2/page-data.json", "/blog/shop/3/", "https://gt.example/blog/page-data/shop/3/page-data.json"},
		{"https://gt.example/page-data/shop/2/page-data.json", "/", "https://gt.example/page-data/index/page-data.json"},
		// Already a data address, or another host: as given.
		{"https://gt.example/page-data/shop/page-data.json", "/page-data/shop/2/page-data.json", "https://gt.example/page-data/shop/2/page-data.json"},
		{"https://gt.example/page-data/shop/page-data.json", "https://cdn.example/shop/2/", "https://cdn.example/shop/2/"},
		// Not a Gatsby feed: as given.
		{"https://api.example/v1/shop", "/v1/shop?page=2", "https://api.example/v1/shop?page=2"},
	} {
		body := `{"path":"/shop/","result":{"data":{"allProduct":{"nodes":[{"slug":"g1","title":"Ethanol 1 l"}]}},"pageContext":{"nextPagePath":"` + tc.next + `"}}}`
		p := feed14(t, tc.page, "result.data.allProduct.nodes", "result.pageContext.nextPagePath", map[string]string{"id": "slug", "title": "title"}, body)
		if len(p.Next) != 1 || p.Next[0] != tc.want {
			t.Errorf("%s next %q: Next %q, want %q", tc.page, tc.next, p.Next, tc.want)
		}
	}
}

// TestVariety14AlpineData reads a dotted path into an attribute holding a
// JavaScript object literal (Alpine.js' x-data, single quotes and
// unquoted keys), also as the argument of a component call
// (x-data="card({…})"), not only JSON (before: nothing was read).
func TestVariety14AlpineData(t *testing.T) {
	body := `<html><body><div class="grid">
<div class="card" x-data="{ open: false, product: { id: 31, name: 'Benzyl cyanide 1 l', price: '150 EUR', seller: { name: 'cyano' }, note: 'it\'s \u00e9' } }"><h3 x-text="product.name"></h3></div>
<div class="card" x-data="productCard({ product: { id: 32, name: &quot;Distilled water 5 l&quot;, price: 3, seller: { name: 'aqua' }, } })"><h3 x-text="product.name"></h3></div>
<div class="card" x-data="{ open: false }"><h3>No data</h3></div>
</div></body></html>`
	tg := &precwatch.Target{Name: "t", Listing: precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{
		"id": "@x-data.product.id", "title": "@x-data.product.name", "price": "@x-data.product.price", "seller": "@x-data.product.seller.name", "note": "@x-data.product.note"}}}
	p, err := HTML(tg, "https://al.example/shop", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	checkListings14(t, "alpine", p, map[string]map[string]string{
		"31": {"title": "Benzyl cyanide 1 l", "price": "150 EUR", "seller": "cyano", "attributes.note": "it's é"},
		"32": {"title": "Distilled water 5 l", "price": "3", "seller": "aqua"},
	})
}

// TestVariety14ProductGroup reads a schema.org ProductGroup whose offers
// are its variants' (hasVariant, Google's variant markup): the group's
// name and description, the lowest variant price and that offer's seller
// (before: no price and no seller).
func TestVariety14ProductGroup(t *testing.T) {
	body := `<html><head><script type="application/ld+json">{"@context":"https://schema.org/","@type":"ProductGroup","name":"GBL cleaner","description":"Wheel cleaner","productGroupID":"gbl","hasVariant":[
{"@type":"Product","sku":"gbl-5l","name":"GBL cleaner 5 l","offers":{"@type":"Offer","priceCurrency":"EUR","price":199.00,"seller":{"@type":"Organization","name":"bulkchem"}}},
{"@type":"Product","sku":"gbl-1l","name":"GBL cleaner 1 l","offers":{"@type":"Offer","priceCurrency":"EUR","price":"49.00","seller":{"@type":"Organization","name":"gbl_direct"}}},
{"@type":"Product","sku":"gbl-x","name":"GBL cleaner sample"}]}</script></head><body></body></html>`
	p, err := HTML(&precwatch.Target{Name: "t"}, "https://pg.example/product/gbl", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Listings) != 1 {
		t.Fatalf("%d listings %+v, want 1", len(p.Listings), p.Listings)
	}
	got := listingFields(p.Listings[0])
	for k, v := range map[string]string{"title": "GBL cleaner", "description": "Wheel cleaner", "price": "49.00 EUR", "seller": "gbl_direct"} {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

// TestVariety14TextSitemap reads a text sitemap (one absolute URL a line,
// sitemap.txt) as a sitemap: `follow: ["loc"]` and url_pattern without
// follow both find its pages; an XML urlset is read by url_pattern without
// follow too, and a sitemap index's sitemaps are followed (before: a text
// sitemap gave nothing, and so did an XML one without follow).
func TestVariety14TextSitemap(t *testing.T) {
	text := "https://st.example/p/81\r\nhttps://st.example/about\n\n  https://st.example/p/82\n"
	xmlSet := `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://st.example/p/81</loc></url><url><loc>https://st.example/about</loc></url><url><loc>https://st.example/p/82</loc></url></urlset>`
	index := `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://st.example/sitemap-products.xml</loc></sitemap><sitemap><loc>https://st.example/sitemap.txt</loc></sitemap></sitemapindex>`
	for _, tc := range []struct {
		name, page, body string
		follow           []string
		want             []string
	}{
		{"text, loc", "https://st.example/sitemap.txt", text, []string{"loc"}, []string{"https://st.example/p/81", "https://st.example/about", "https://st.example/p/82"}},
		{"text, url_pattern", "https://st.example/sitemap.txt", text, nil, []string{"https://st.example/p/81", "https://st.example/p/82"}},
		{"xml, url_pattern", "https://st.example/sitemap.xml", xmlSet, nil, []string{"https://st.example/p/81", "https://st.example/p/82"}},
		{"index, url_pattern", "https://st.example/sitemap_index.xml", index, nil, []string{"https://st.example/sitemap-products.xml", "https://st.example/sitemap.txt"}},
	} {
		tg := &precwatch.Target{Name: "t", Follow: tc.follow, Listing: precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}}
		p, err := HTML(tg, tc.page, []byte(tc.body))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !slices.Equal(p.Follow, tc.want) {
			t.Errorf("%s: Follow %q, want %q", tc.name, p.Follow, tc.want)
		}
	}
	// Text that is not a list of URLs is no sitemap.
	for _, body := range []string{"Hello https://st.example/p/81\n", "https://st.example/p/81 and more", "<p>https://st.example/p/81</p>"} {
		if _, ok := textSitemap([]byte(body)); ok {
			t.Errorf("textSitemap(%q) = ok", body)
		}
	}
}

// TestVariety14LinkList pages a feed whose links are a list of link
// objects ([{"rel": "next", "href": …}], Spring HATEOAS before HAL,
// Collection+JSON; FHIR's [{"relation": "next", "url": …}]), without
// json.next_page and with it naming the list; a list without "next" is the
// last page, which does not count on (before: no next page, and the run
// silently stopped after page 1).
func TestVariety14LinkList(t *testing.T) {
	items := `"content":[{"id":"a1","name":"Ethanol 1 l"}]`
	for _, tc := range []struct{ name, next, body, want string }{
		{"links rel", "", `{"links":[{"rel":"self","href":"https://api.example/offers"},{"rel":"next","href":"https://api.example/offers?cursor=c2"}],` + items + `}`, "https://api.example/offers?cursor=c2"},
		{"link relation", "", `{"link":[{"relation":"self","url":"/offers"},{"relation":"next","url":"/offers?_getpagesoffset=2"}],` + items + `}`, "https://api.example/offers?_getpagesoffset=2"},
		{"rel list", "", `{"links":[{"rel":["next"],"href":"/offers?p=2"}],` + items + `}`, "https://api.example/offers?p=2"},
		{"next_page names the list", "link", `{"link":[{"relation":"self","url":"/offers"},{"relation":"next","url":"/offers?_getpagesoffset=2"}],` + items + `}`, "https://api.example/offers?_getpagesoffset=2"},
		{"last page", "", `{"links":[{"rel":"self","href":"https://api.example/offers?page=3"},{"rel":"prev","href":"https://api.example/offers?page=2"}],` + items + `}`, ""},
		{"last page, next_page", "link", `{"link":[{"relation":"self","url":"/offers"}],` + items + `}`, ""},
	} {
		pageURL := "https://api.example/offers"
		if tc.name == "last page" {
			pageURL += "?page=3"
		}
		p := feed14(t, pageURL, "content", tc.next, map[string]string{"id": "id", "title": "name"}, tc.body)
		var want []string
		if tc.want != "" {
			want = []string{tc.want}
		}
		if !slices.Equal(p.Next, want) || (tc.want == "" && p.CountOn != "") {
			t.Errorf("%s: Next %q CountOn %q, want %q", tc.name, p.Next, p.CountOn, want)
		}
	}
}

// TestVariety14PriceSpecification reads an offer whose price is only in a
// list of price specifications: the one that is not a struck-out or list
// price (before: no price).
func TestVariety14PriceSpecification(t *testing.T) {
	for _, specs := range []string{
		`[{"@type":"UnitPriceSpecification","price":140.00,"priceCurrency":"EUR"},{"@type":"UnitPriceSpecification","priceType":"https://schema.org/StrikethroughPrice","price":180.00,"priceCurrency":"EUR"}]`,
		`[{"@type":"UnitPriceSpecification","priceType":"https://schema.org/ListPrice","price":180.00,"priceCurrency":"EUR"},{"@type":"UnitPriceSpecification","price":140.00,"priceCurrency":"EUR"}]`,
		`[{"@type":"UnitPriceSpecification","priceType":"StrikethroughPrice","price":"180.00","priceCurrency":"EUR"},{"@type":"UnitPriceSpecification","price":"140.00","priceCurrency":"EUR","referenceQuantity":{"value":1,"unitCode":"LTR"}}]`,
	} {
		body := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acetic anhydride 1 l","offers":{"@type":"Offer","priceSpecification":` + specs + `}}</script></head><body></body></html>`
		p, err := HTML(&precwatch.Target{Name: "t"}, "https://sp.example/product/aa", []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Listings) != 1 || p.Listings[0].Price != "140.00 EUR" {
			t.Errorf("%s: listings %+v, want price 140.00 EUR", specs, p.Listings)
		}
	}
}

// TestVariety14Wildcard reads a path through "*", every member of an
// object, for state under keys no one can know in advance (Angular's
// HttpClient transfer cache keys each answer by a hash of its request):
// items collect every member's, a field or next page reads the first
// member's in key order; a key "*" itself is still read as written
// (before: the page could not be parsed).
func TestVariety14Wildcard(t *testing.T) {
	state := `{"1108384093":{"b":{"config":{"currency":"EUR"}},"s":200},"2841069410":{"b":{"products":[{"sku":"an-1","title":"Phenylacetic acid 1 kg","vendor":{"name":"paa_shop"}}],"next":"/shop?page=2"},"s":200},"3000000000":{"b":{"products":[{"sku":"an-2","title":"Glass funnel","vendor":{"name":"glassco"}}]},"s":200}}`
	body := `<!DOCTYPE html><html><body><app-root></app-root><script id="ng-state" type="application/json">` + state + `</script></body></html>`
	p := feed14(t, "https://ng.example/shop", "*.b.products", "*.b.next", map[string]string{"id": "sku", "title": "title", "seller": "vendor.name"}, body)
	checkListings14(t, "ng-state", p, map[string]map[string]string{
		"an-1": {"title": "Phenylacetic acid 1 kg", "seller": "paa_shop"},
		"an-2": {"title": "Glass funnel", "seller": "glassco"},
	})
	if want := []string{"https://ng.example/shop?page=2"}; !slices.Equal(p.Next, want) {
		t.Errorf("Next %q, want %q", p.Next, want)
	}
	// A key "*" is read as written.
	p = feed14(t, "https://x.example/feed", "*.items", "", map[string]string{"id": "id", "title": "t"}, `{"*":{"items":[{"id":"k1","t":"Acetone"}]},"other":{"items":[{"id":"k2","t":"Ethanol"}]}}`)
	checkListings14(t, "star key", p, map[string]map[string]string{"k1": {}})
}

// TestVariety14SvelteKitDataJSON reads a SvelteKit route's __data.json (its
// nodes' data flattened by devalue) as the data it stands for: items and
// next page from the first node in which the items path leads somewhere
// (before: no listing, and the run was complete).
func TestVariety14SvelteKitDataJSON(t *testing.T) {
	body := `{"type":"data","nodes":[{"type":"data","data":[{"user":-1}],"uses":{}},{"type":"skip"},{"type":"data","data":[{"products":1,"next":8},[2],{"id":3,"name":4,"seller":5},"sk-1","Nitroethane 1 l",{"name":6},"nitrolab","unused","/shop?page=2"],"uses":{"search_params":["page"]}}]}`
	p := feed14(t, "https://sk.example/shop/__data.json", "products", "next", map[string]string{"id": "id", "title": "name", "seller": "seller.name"}, body)
	checkListings14(t, "__data.json", p, map[string]map[string]string{"sk-1": {"title": "Nitroethane 1 l", "seller": "nitrolab"}})
	// The next page for people is read at its data address.
	if want := []string{"https://sk.example/shop/__data.json?page=2"}; !slices.Equal(p.Next, want) {
		t.Errorf("Next %q, want %q", p.Next, want)
	}
}

// TestVariety14DataRouteNext reads a next page that a single-page app's
// data route names by its address for people at its data address:
// Next.js' /_next/data/BUILD/….json and SvelteKit's …/__data.json, as
// Gatsby's page-data (TestVariety14Gatsby); and a relative next page
// without a leading slash under a usual key ("items?page=2") is followed
// (before: the HTML page was fetched and failed; the relative one was not
// followed and the run was complete).
func TestVariety14DataRouteNext(t *testing.T) {
	for _, tc := range []struct{ page, next, want string }{
		{"https://nx.example/_next/data/b1/shop.json", "/shop?page=2", "https://nx.example/_next/data/b1/shop.json?page=2"},
		{"https://nx.example/_next/data/b1/shop.json?page=2", "/", "https://nx.example/_next/data/b1/index.json"},
		{"https://nx.example/base/_next/data/b1/de/shop.json", "/base/de/shop?page=3", "https://nx.example/base/_next/data/b1/de/shop.json?page=3"},
		{"https://nx.example/_next/data/b1/shop.json", "/_next/data/b1/shop.json?page=2", "https://nx.example/_next/data/b1/shop.json?page=2"},
		{"https://sk.example/shop/__data.json", "/shop/?page=2", "https://sk.example/shop/__data.json?page=2"},
		{"https://sk.example/__data.json", "/?page=2", "https://sk.example/__data.json?page=2"},
	} {
		body := `{"items":[{"id":"a1"}],"nextHref":"` + tc.next + `"}`
		p := feed14(t, tc.page, "items", "nextHref", map[string]string{"id": "id"}, body)
		if len(p.Next) != 1 || p.Next[0] != tc.want {
			t.Errorf("%s next %q: Next %q, want %q", tc.page, tc.next, p.Next, tc.want)
		}
	}
	for _, tc := range []struct{ next, want string }{
		{"items?page=2", "https://api.example/v1/items?page=2"},
		{"./items?page=2", "https://api.example/v1/items?page=2"},
		{"../v2/items?page=2", "https://api.example/v2/items?page=2"},
	} {
		p := feed14(t, "https://api.example/v1/items", "items", "", map[string]string{"id": "id"}, `{"items":[{"id":"a1"}],"next":"`+tc.next+`"}`)
		if len(p.Next) != 1 || p.Next[0] != tc.want {
			t.Errorf("next %q: Next %q, want %q", tc.next, p.Next, tc.want)
		}
	}
	// Not addresses: words, numbers and tokens under "next".
	for _, s := range []string{"more", "2", "eyJpZCI6OX0=", "next page", "a?b"} {
		if looksLikeURL(s) {
			t.Errorf("looksLikeURL(%q) = true", s)
		}
	}
}

// TestVariety14NumberedNextKey pages a feed whose usual next-page key holds
// the next page's number ("next_page": 2, "nextPage": "3", "next": 1 after
// a 0-based page 0), without json.next_page; a number that is not the
// page after this one (an id under "next") is no next page, and null ends
// the feed (before: the feed stopped after its first page).
func TestVariety14NumberedNextKey(t *testing.T) {
	for _, tc := range []struct{ page, body, want string }{
		{"https://api.example/listings", `{"data":[{"id":"a"}],"next_page":2}`, "https://api.example/listings?page=2"},
		{"https://api.example/listings?page=2&per_page=20", `{"data":[{"id":"a"}],"nextPage":"3"}`, "https://api.example/listings?page=3&per_page=20"},
		{"https://api.example/listings?page=0", `{"data":[{"id":"a"}],"next":1}`, "https://api.example/listings?page=1"},
		{"https://api.example/listings?p=4", `{"data":[{"id":"a"}],"next_page":5}`, "https://api.example/listings?p=5"},
		{"https://api.example/listings", `{"data":[{"id":"a"}],"next":98231}`, ""},
		{"https://api.example/listings?page=2", `{"data":[{"id":"a"}],"next_page":null}`, ""},
		{"https://api.example/listings?page=2", `{"data":[],"next_page":3}`, ""},
	} {
		p := feed14(t, tc.page, "data", "", map[string]string{"id": "id", "title": "id"}, tc.body)
		var want []string
		if tc.want != "" {
			want = []string{tc.want}
		}
		if !slices.Equal(p.Next, want) || p.CountOn != "" {
			t.Errorf("%s %s: Next %q CountOn %q, want %q", tc.page, tc.body, p.Next, p.CountOn, want)
		}
	}
}
