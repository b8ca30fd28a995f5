package extract

import (
	"net/url"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestNoscriptCards reads cards and links a page has only inside
// <noscript>, and reads rendered cards once when <noscript> repeats them.
func TestNoscriptCards(t *testing.T) {
	tg := &precwatch.Target{Name: "n", Platform: "N", Kind: "html", Follow: []string{"a.product"},
		Listing: precwatch.ListingSpec{URLPattern: `^/p/\d+$`}}
	p, err := Extract(tg, "https://s.example/catalog", []byte(`<html><body><div class="grid"><noscript><a class="product" href="/p/1">One</a><a class="product" href="/p/2">Two</a></noscript></div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Follow) != 2 {
		t.Errorf("follow %q, want /p/1 and /p/2", p.Follow)
	}
	cards := &precwatch.Target{Name: "c", Platform: "C", Kind: "html",
		Listing: precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"title": "h2", "url": "a@href"}}}
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"only in noscript", `<noscript><div class="card"><h2>Acetone 1 l</h2><a href="/p/1">x</a></div></noscript>`, 1},
		{"rendered and repeated", `<div class="card"><h2>Acetone 1 l</h2><a href="/p/1">x</a></div><noscript><div class="card"><h2>Acetone 1 l</h2><a href="/p/1">x</a></div></noscript>`, 1},
	} {
		p, err := Extract(cards, "https://s.example/list", []byte(`<html><body>`+tc.body+`</body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Listings) != tc.want || p.Listings[0].Title != "Acetone 1 l" {
			t.Errorf("%s: %+v, want %d listing titled Acetone 1 l", tc.name, p.Listings, tc.want)
		}
	}
}

// TestJSONParseState reads app state handed to JSON.parse as a string
// literal in any of JavaScript's quotes, and a state global assigned a
// single-quoted JSON string.
func TestJSONParseState(t *testing.T) {
	tg := &precwatch.Target{Name: "s", Platform: "S", Kind: "json",
		JSON: precwatch.JSONSpec{Items: "catalog.items", Fields: map[string]string{"id": "id", "title": "title"}}}
	for _, script := range []string{
		`window.__INITIAL_STATE__ = JSON.parse('{"catalog":{"items":[{"id":1,"title":"Seller\'s acetone \u0026 \\"more\\""}]}}');`,
		`window.__INITIAL_STATE__=JSON.parse("{\"catalog\":{\"items\":[{\"id\":1,\"title\":\"Seller's acetone & \\\"more\\\"\"}]}}")`,
		"window.__STATE__ = JSON.parse(`{\"catalog\":{\"items\":[{\"id\":1,\"title\":\"Seller's acetone & \\\\\"more\\\\\"\"}]}}`)",
		`window.__DATA__ = '{"catalog":{"items":[{"id":1,"title":"Seller\'s acetone & \\"more\\""}]}}';`,
	} {
		p, err := JSON(tg, "https://s.example/list", []byte(`<html><body><script>`+script+`</script></body></html>`))
		if err != nil {
			t.Errorf("%s: %v", script, err)
			continue
		}
		if len(p.Listings) != 1 || p.Listings[0].Title != `Seller's acetone & "more"` {
			t.Errorf("%s: %+v", script, p.Listings)
		}
	}
}

// TestCountOnRange moves an inclusive _from/_to range on by its width, and
// a /page/N path on by one.
func TestCountOnRange(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://s.example/api/search?fq=C:/12/&_from=0&_to=49", "https://s.example/api/search?_from=50&_to=99&fq=C%3A%2F12%2F"},
		{"https://s.example/api/search?_from=10&_to=10", "https://s.example/api/search?_from=11&_to=11"},
		{"https://s.example/list?from=10&to=100&page=2", "https://s.example/list?from=10&page=3&to=100"},
		{"https://s.example/shop/page/1/", "https://s.example/shop/page/2/"},
		{"https://s.example/shop/page/9?orderby=price", "https://s.example/shop/page/10?orderby=price"},
		{"https://s.example/pages/1/", ""},
	} {
		u, _ := url.Parse(tc.in)
		if got := countOn(u, 3); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestKeepFormat keeps ?format=json on a feed's next page that leaves it out.
func TestKeepFormat(t *testing.T) {
	tg := &precwatch.Target{Name: "s", Platform: "S", Kind: "json",
		JSON: precwatch.JSONSpec{Items: "items", NextPage: "pagination.nextPageUrl", Fields: map[string]string{"id": "id", "title": "title"}}}
	for _, tc := range []struct{ page, next, want string }{
		{"https://s.example/shop?format=json", "/shop?offset=1700", "https://s.example/shop?format=json&offset=1700"},
		{"https://s.example/shop?format=json", "/shop?offset=1700&format=json-pretty", "https://s.example/shop?format=json-pretty&offset=1700"},
		{"https://s.example/shop?format=json", "https://cdn.example/shop?offset=1700", "https://cdn.example/shop?offset=1700"},
		{"https://s.example/api?page=1", "/api?page=2", "https://s.example/api?page=2"},
	} {
		p, err := JSON(tg, tc.page, []byte(`{"items":[{"id":1,"title":"Acetone"}],"pagination":{"nextPageUrl":"`+tc.next+`"}}`))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Next) != 1 || p.Next[0] != tc.want {
			t.Errorf("%s → %s: next %q, want %s", tc.page, tc.next, p.Next, tc.want)
		}
	}
}

// TestSalePrice reads the price a buyer pays: without the struck-out
// regular price and screen-reader sentences, unless only they hold one.
func TestSalePrice(t *testing.T) {
	tg := &precwatch.Target{Name: "w", Platform: "W", Kind: "html",
		Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1", "price": "span.price"}}}
	for _, tc := range []struct{ price, want string }{
		{`<del aria-hidden="true">€15.00</del> <span class="screen-reader-text">Original price was: €15.00.</span><ins>€12.50</ins><span class="screen-reader-text">Current price is: €12.50.</span>`, "€12.50"},
		{`<s>$20</s> $14<sup>99</sup>`, "$14.99"},
		{`<del>€15.00</del>`, "€15.00"},
		{`<span class="sr-only">Price:</span> €9`, "€9"},
	} {
		p, err := Extract(tg, "https://s.example/p/1", []byte(`<html><body><h1>Acetone</h1><span class="price">`+tc.price+`</span></body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Listings[0].Price; got != tc.want {
			t.Errorf("%s: price %q, want %q", tc.price, got, tc.want)
		}
	}
}

// TestAnyWindowGlobal reads a feed target's state from a window global of
// any name (Remix's __remixContext, a shop's pageData), through route ids
// that hold slashes, dots and $.
func TestAnyWindowGlobal(t *testing.T) {
	for _, tc := range []struct{ script, items string }{
		{`window.__remixContext = {"state":{"loaderData":{"routes/collections.$handle":{"products":{"nodes":[{"id":1,"title":"Acetone"}]}}}}};__remixContext.p = function(v){};`,
			`state.loaderData["routes/collections.$handle"].products.nodes`},
		{`window.dataLayer = window.dataLayer || []; window.pageData = {"catalog":{"items":[{"id":1,"title":"Acetone"}]}};`, "catalog.items"},
	} {
		tg := &precwatch.Target{Name: "s", Platform: "S", Kind: "json",
			JSON: precwatch.JSONSpec{Items: tc.items, Fields: map[string]string{"id": "id", "title": "title"}}}
		p, err := JSON(tg, "https://s.example/c", []byte(`<html><body><script>`+tc.script+`</script></body></html>`))
		if err != nil || len(p.Listings) != 1 || p.Listings[0].Title != "Acetone" {
			t.Errorf("%s: %v %+v", tc.script, err, p)
		}
	}
}

// TestImpliedTbody reaches a table's rows written as its children.
func TestImpliedTbody(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"table.offers > tr.offer", "table.offers > * > tr.offer"},
		{"table>tr, #list table[data-x] > tr td", "table > * > tr, #list table[data-x] > * > tr td"},
		{"table > tbody > tr", "table > tbody > tr"},
		{"div.table > tr", "div.table > tr"},
		{"table > track", "table > track"},
	} {
		if got := impliedTbody(tc.in); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.in, got, tc.want)
		}
	}
}
