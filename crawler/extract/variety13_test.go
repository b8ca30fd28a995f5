package extract

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestVariety13Itemref reads a microdata product whose description, offer
// and seller lie outside its itemscope, joined by itemref, without field
// selectors (before: only the name inside the scope was read); ids that
// name nothing, the item itself or its ancestors, and items naming each
// other in a cycle are read without looping.
func TestVariety13Itemref(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       map[string]string
	}{
		{"itemref", `<html><body><div itemscope itemtype="https://schema.org/Product" itemref="d o missing"><h1 itemprop="name">GBL 1 l</h1></div>
<section><div id="d" itemprop="description">Cleaner, discreet packaging</div></section>
<aside><div id="o" itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="49.00">49,00 €</span><meta itemprop="priceCurrency" content="EUR">
<div itemprop="seller" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">gbl_direct</span></div></div></aside></body></html>`,
			map[string]string{"title": "GBL 1 l", "description": "Cleaner, discreet packaging", "price": "49.00 EUR", "seller": "gbl_direct"}},
		{"itemref of properties, not a container", `<html><body><p id="n" itemprop="name">Safrole 1 l</p><p id="p" itemprop="description">Ships from NL</p>
<div id="wrap"><div itemscope itemtype="https://schema.org/Product" itemref="n p wrap"></div></div></body></html>`,
			map[string]string{"title": "Safrole 1 l", "description": "Ships from NL"}},
		{"cycle", `<html><body><div itemscope itemtype="https://schema.org/Product" itemref="b"><span itemprop="description">Red phosphorus</span></div>
<div id="b" itemprop="name" itemscope itemref="c"></div><div id="c" itemprop="name" itemscope itemref="b"></div></body></html>`,
			map[string]string{"description": "Red phosphorus"}},
	} {
		tg := &precwatch.Target{Name: "t"}
		page, err := HTML(tg, "https://shop.example/item/56", []byte(tc.body))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(page.Listings) != 1 {
			t.Fatalf("%s: %d listings %+v, want 1", tc.name, len(page.Listings), page.Listings)
		}
		got := listingFields(page.Listings[0])
		for k, w := range tc.want {
			if got[k] != w {
				t.Errorf("%s: %s = %q, want %q", tc.name, k, got[k], w)
			}
		}
	}
}

// TestVariety13TurboStream reads React Router v7's loader data from the
// turbo-stream a page's scripts enqueue and from a raw single-fetch
// answer, with a deferred (promise) value resolved by a later line, a
// Date, nulls and a string written once and referred to twice (before:
// the page failed as unparsable, the .data answer gave no listing).
func TestVariety13TurboStream(t *testing.T) {
	// {"loaderData": {"routes/shop": {"products": [{"id": "a1", "name":
	// "Safrole 1 l", "added": Date, "seller": "chem"}, {"id": "a2", "name":
	// "chem", "seller": "chem"}], "reviews": Promise}}, "errors": null},
	// the promise resolved to ["great"].
	const stream = `[{"_1":2,"_21":-5},"loaderData",{"_3":4},"routes/shop",{"_5":6,"_19":20},"products",[7,14],{"_8":9,"_10":11,"_12":13,"_15":16},"id","a1","name","Safrole 1 l","added",["D",1764400000000],{"_8":17,"_10":16,"_15":16},"seller","chem","a2","x","reviews",["P",20],"errors"]` + "\n" + `P20:[[23],"great"]` + "\n"
	items := func(p *Page) string {
		var b []string
		for _, l := range p.Listings {
			b = append(b, l.ID+"|"+l.Title+"|"+l.Seller+"|"+l.Attributes["reviews"])
		}
		return strings.Join(b, " ")
	}
	const want = "a1|Safrole 1 l|chem| a2|chem|chem|"
	tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{
		Items: `loaderData["routes/shop"].products`, Fields: map[string]string{"id": "id", "title": "name", "seller": "seller"}}}
	js, _ := json.Marshal(stream)
	half := len(js) / 2
	for len(js) > half && js[half-1] == '\\' {
		half++ // cut the literal between escapes, not inside one
	}
	pageBody := `<html><body><script>window.__reactRouterContext = {"basename":"/","ssr":true};window.__reactRouterContext.stream = new ReadableStream({start(controller){window.__reactRouterContext.streamController = controller;}});</script>` +
		`<script>window.__reactRouterContext.streamController.enqueue(` + string(js[:half]) + `");</script>` +
		`<script>window.__reactRouterContext.streamController.enqueue("` + string(js[half:]) + `);</script>` +
		`<script>window.__reactRouterContext.streamController.enqueue();window.__reactRouterContext.streamController.enqueue(chunk)</script></body></html>`
	p, err := JSON(tg, "https://rr.example/shop", []byte(pageBody))
	if err != nil {
		t.Fatalf("page: %v", err)
	}
	if got := items(p); got != want {
		t.Errorf("page: listings %q, want %q", got, want)
	}

	data := *tg
	data.JSON.Items = "routes/shop.data.products"
	raw := strings.Replace(stream, `"loaderData"`, `"routes/shop"`, 1)
	raw = strings.Replace(raw, `"routes/shop",{"_5"`, `"data",{"_5"`, 1)
	p, err = JSON(&data, "https://rr.example/shop.data", []byte(raw))
	if err != nil {
		t.Fatalf(".data: %v", err)
	}
	if got := items(p); got != want {
		t.Errorf(".data: listings %q, want %q", got, want)
	}

	v, ok := decodeTurboStream(stream)
	shop, _ := lookup(v, `loaderData["routes/shop"]`)
	if m, _ := shop.(map[string]any); !ok || fmt.Sprint(m["reviews"]) != "[great]" {
		t.Errorf("promise: routes/shop %v, want reviews [great]", shop)
	}
	// A plain JSON array of objects is not a stream.
	if _, ok := decodeTurboStream(`[{"_id":"x","name":"y"}]`); ok {
		t.Error("a JSON array of objects read as a turbo-stream")
	}
	for _, bad := range []string{"", "[", `[{"_1":1}]`, `[{"_1":2},"k",["P"]]`, `[{"_1":2},"k",[0,0,0]]`} {
		decodeTurboStream(bad) // no panic, no hang
	}
}

// TestVariety13SvelteKit reads the route data a SvelteKit page hydrates
// with, a JavaScript literal in its script: SvelteKit 2's `const data =
// […]` for a json target, and SvelteKit 1.0's start({hydrate: {data: […]}}) for a
// product page read without fields (before: neither was read).
func TestVariety13SvelteKit(t *testing.T) {
	sk2 := `<html><body><div style="display: contents"><script>
	{
		__sveltekit_9z8y = { base: new URL(".", location).pathname.slice(0, -1) };
		const element = document.currentScript.parentElement;
		const data = [null,{type:"data",data:{products:[{id:"s1",name:"Nitroethane 1 l",price:80},{id:"s2",name:"Ethanol",price:9.5}]},uses:{search_params:["page"]}}];
		Promise.all([import("./_app/immutable/entry/start.js"), import("./_app/immutable/entry/app.js")]).then(([kit, app]) => { kit.start(app, element, { node_ids: [0, 2], data, form: null, error: null }); });
	}
</script></div></body></html>`
	tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{
		Items: "products", Fields: map[string]string{"id": "id", "title": "name", "price": "price"}}}
	p, err := JSON(tg, "https://sk.example/shop", []byte(sk2))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Listings) != 2 || p.Listings[0].Title != "Nitroethane 1 l" || p.Listings[1].Price != "9.5" {
		t.Errorf("SvelteKit 2: listings %+v, want Nitroethane 1 l and Ethanol at 9.5", p.Listings)
	}

	sk1 := `<html><body><script type="module" data-sveltekit-hydrate="1ab">
import { start } from "/_app/immutable/start-abc.js";
start({ env: {}, paths: {"base":"","assets":""}, target: document.querySelector('[data-sveltekit-hydrate="1ab"]').parentNode, version: "1700000000000", hydrate: { node_ids: [0, 5], data: [null,{type:"data",data:{product:{name:"Safrole oil 1 l",description:"Wickr: saf",price:120,currency:"EUR",seller:{name:"chemking"}},related:[{name:"Acetone",price:9}]},uses:{params:["slug"]}}], form: null, error: null } });
</script></body></html>`
	p, err = HTML(&precwatch.Target{Name: "t"}, "https://sk.example/p/safrole", []byte(sk1))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Listings) != 1 {
		t.Fatalf("SvelteKit 1: %d listings %+v, want 1", len(p.Listings), p.Listings)
	}
	got := listingFields(p.Listings[0])
	for k, w := range map[string]string{"title": "Safrole oil 1 l", "description": "Wickr: saf", "price": "120 EUR", "seller": "chemking"} {
		if got[k] != w {
			t.Errorf("SvelteKit 1: %s = %q, want %q", k, got[k], w)
		}
	}
}

// TestVariety13JSONScripts reads a json target's items from scripts of
// JSON data under other types than application/json: Ember FastBoot's
// shoebox, text/json and a JSON:API media type (before: not read).
func TestVariety13JSONScripts(t *testing.T) {
	for _, typ := range []string{"fastboot/shoebox", "text/json", "application/vnd.api+json"} {
		body := `<html><body><script type="` + typ + `" id="shoebox-catalog">{"data":[{"id":"e1","attributes":{"title":"Acetic anhydride 1 l"}}]}</script></body></html>`
		tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{
			Items: "data", Fields: map[string]string{"id": "id", "title": "attributes.title"}}}
		p, err := JSON(tg, "https://ember.example/catalog", []byte(body))
		if err != nil {
			t.Errorf("%s: %v", typ, err)
			continue
		}
		if len(p.Listings) != 1 || p.Listings[0].Title != "Acetic anhydride 1 l" {
			t.Errorf("%s: listings %+v, want Acetic anhydride 1 l", typ, p.Listings)
		}
	}
}

// TestVariety13ShopifyProductJSON reads a Shopify theme's product page
// whose product is only in <script type="application/json"
// id="ProductJson-…"> (or data-product-json), as Liquid's product | json
// writes it: prices in cents, the vendor, an HTML description (before: no
// listing).
func TestVariety13ShopifyProductJSON(t *testing.T) {
	const prod = `{"id":7001,"title":"Safrole oil 1 l","handle":"safrole-oil-1l","description":"\u003cp\u003eShips discreetly, \u003cstrong\u003ecrypto only\u003c/strong\u003e\u003c/p\u003e","vendor":"chemking","price":12005,"price_min":12005,"variants":[{"id":1,"price":12005,"sku":"SAF-1"}]}`
	for _, tc := range []struct{ name, body, price string }{
		{"ProductJson id, Shopify.currency", `<html><head><script>Shopify.currency = {"active":"EUR","rate":"1.0"};</script></head><body><h1></h1><script type="application/json" id="ProductJson-product-template">` + prod + `</script></body></html>`, "120.05 EUR"},
		{"data-product-json, no currency", `<html><body><script type="application/json" data-product-json>` + prod + `</script></body></html>`, "120.05"},
	} {
		p, err := HTML(&precwatch.Target{Name: "t"}, "https://chem.example/products/safrole-oil-1l", []byte(tc.body))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(p.Listings) != 1 {
			t.Fatalf("%s: %d listings %+v, want 1", tc.name, len(p.Listings), p.Listings)
		}
		got := listingFields(p.Listings[0])
		for k, w := range map[string]string{"title": "Safrole oil 1 l", "description": "Ships discreetly, crypto only", "price": tc.price, "seller": "chemking"} {
			if got[k] != w {
				t.Errorf("%s: %s = %q, want %q", tc.name, k, got[k], w)
			}
		}
	}
}

// TestVariety13Apollo reads Apollo Client's normalized cache: a json
// target's path names a field without its arguments
// (ROOT_QUERY.products for `products({"first":20})`) and reads through
// {"__ref": …} links (node.seller.name), also in a Next.js page's
// pageProps, and a product page read without fields finds the product
// under product({"slug":…}); entities linking each other in a cycle are
// read without looping (before: no listing).
func TestVariety13Apollo(t *testing.T) {
	const cache = `{"Seller:5":{"__typename":"Seller","id":"5","name":"chemking","products":[{"__ref":"Product:41"},{"__ref":"Product:42"}]},` +
		`"Product:41":{"__typename":"Product","id":"41","name":"Safrole oil 1 l","price":{"__typename":"Money","amount":"120.00","currency":"EUR"},"seller":{"__ref":"Seller:5"}},` +
		`"Product:42":{"__typename":"Product","id":"42","name":"Acetone 5 l","price":{"__typename":"Money","amount":"19.90","currency":"EUR"},"seller":{"__ref":"Seller:5"}},` +
		`"ROOT_QUERY":{"__typename":"Query","products({\"first\":20})":{"__typename":"ProductConnection","edges":[{"__typename":"ProductEdge","node":{"__ref":"Product:41"}},{"__typename":"ProductEdge","node":{"__ref":"Product:42"}}]}}}`
	tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{
		Items: "ROOT_QUERY.products.edges.node", Fields: map[string]string{"id": "id", "title": "name", "price": "price", "seller": "seller.name", "seller_items": "seller.products.name"}}}
	for name, body := range map[string]string{
		"window.__APOLLO_STATE__": `<html><body><script>window.__APOLLO_STATE__=` + cache + `;</script></body></html>`,
		"__NEXT_DATA__":           `<html><body><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"__APOLLO_STATE__":` + cache + `}},"page":"/shop"}</script></body></html>`,
	} {
		spec := *tg
		if name == "__NEXT_DATA__" {
			spec.JSON.Items = "props.pageProps.__APOLLO_STATE__." + spec.JSON.Items
		}
		p, err := JSON(&spec, "https://shop.example/shop", []byte(body))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got []string
		for _, l := range p.Listings {
			got = append(got, l.ID+"|"+l.Title+"|"+l.Price+"|"+l.Seller+"|"+l.Attributes["seller_items"])
		}
		if want := "41|Safrole oil 1 l|120.00 EUR|chemking|Safrole oil 1 l, Acetone 5 l 42|Acetone 5 l|19.90 EUR|chemking|Safrole oil 1 l, Acetone 5 l"; strings.Join(got, " ") != want {
			t.Errorf("%s: listings %q, want %q", name, strings.Join(got, " "), want)
		}
	}

	// The field named whole, arguments and all.
	whole := *tg
	whole.JSON.Items = `ROOT_QUERY["products({"first":20})"].edges.node`
	if p, err := JSON(&whole, "https://shop.example/shop", []byte(`<html><body><script>window.__APOLLO_STATE__=`+cache+`;</script></body></html>`)); err != nil || len(p.Listings) != 2 {
		t.Errorf("field named with its arguments: %v, %v; want 2 listings", p, err)
	}

	productPage := strings.Replace(cache, `"products({\"first\":20})":{"__typename":"ProductConnection","edges":[{"__typename":"ProductEdge","node":{"__ref":"Product:41"}},{"__typename":"ProductEdge","node":{"__ref":"Product:42"}}]}`, `"product({\"slug\":\"safrole-oil\"})":{"__ref":"Product:41"}`, 1)
	p, err := HTML(&precwatch.Target{Name: "t"}, "https://shop.example/p/safrole-oil", []byte(`<html><body><script>window.__APOLLO_STATE__=`+productPage+`;</script></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Listings) != 1 || p.Listings[0].Title != "Safrole oil 1 l" || p.Listings[0].Seller != "chemking" || p.Listings[0].Price != "120.00 EUR" {
		t.Errorf("product page: listings %+v, want Safrole oil 1 l by chemking at 120.00 EUR", p.Listings)
	}
	var v any
	if err := json.Unmarshal([]byte(cache), &v); err != nil {
		t.Fatal(err)
	}
	resolveApollo(v, 0)
	if s := compact(v); s != "" {
		t.Errorf("compact of a cyclic cache = %.80q…, want \"\" (json refuses the cycle)", s)
	}
}
