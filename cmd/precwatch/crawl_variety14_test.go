package main

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/precwatch/precwatch"
)

// Round 14 of marketplaces, end to end through `precwatch crawl`, each
// configured as a partner would from docs/CRAWLING.md. The shapes were
// checked against the earlier rounds first (grep of crawler, cmd and
// docs); the ones those cover (Nuxt 3's __NUXT_DATA__, Inertia's
// data-page, Astro islands, WooCommerce's Store API and X-WP-TotalPages,
// Magento's GraphQL page_info, next_cursor feeds, Link headers, sitemaps
// and sitemap indexes, data-next-url, <base href>, __doPostBack pagers,
// br, 429 with Retry-After) were replaced by:
//
//  1. a Livewire 3 shop read from its server-rendered markup, paged by
//     Livewire's <button wire:click="nextPage('page')"> (no href)
//  2. the same shop read as a json target from the component's
//     wire:snapshot attribute, where Livewire writes every PHP array as
//     a [value, {"s": "arr"}] tuple
//  3. a Gatsby shop read from /page-data/…/page-data.json, whose
//     pageContext names the next page by its path for people
//     (nextPagePath: "/shop/2/")
//  4. an Angular 17 shop: TransferState in <script id="ng-state"
//     type="application/json">
//  5. an old shop serving UTF-16LE HTML with a BOM, the header without
//     charset
//  6. a shop discovered through a text sitemap (sitemap.txt: one URL a
//     line, as Google accepts it)
//  7. an Alpine.js shop whose cards keep the product in x-data, a
//     JavaScript object literal (single quotes, unquoted keys), the markup
//     filled in by x-text in the browser
//  8. a product page whose JSON-LD is a schema.org ProductGroup with its
//     variants under hasVariant (Google's variant markup), read without
//     fields
//  9. a Magento 2 category page whose products are only in a <script
//     type="text/x-magento-init"> block, keyed by product id
//  10. a Shopify collection whose products are in ShopifyAnalytics'
//     `var meta = {…}` (a var, not a window global)
//  11. a shop whose start page is a splash that sends the browser on with
//     <meta http-equiv="refresh" content="0; url=/mr/shop/">
func TestVariety14Shops(t *testing.T) {
	page := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, s)
	}
	lwProducts := map[string][][4]string{
		"1": {{"lw-1", "Safrole oil 1 l", "Ships discreetly", "chemking"}, {"lw-2", "Acetone 5 l", "Lab grade", "solvents4u"}},
		"2": {{"lw-3", "PMK glycidate 1 kg", "Wickr: pmk", "chemking"}},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1, 2. Livewire 3.
		case p == "/lw/products":
			n := q.Get("page")
			if n == "" {
				n = "1"
			}
			var cards strings.Builder
			var tuples []string
			for _, pr := range lwProducts[n] {
				fmt.Fprintf(&cards, `<div class="product" wire:key="product-%[1]s"><h3 class="name">%[2]s</h3><p class="summary">%[3]s</p><span class="price">45 EUR</span><span class="seller">%[4]s</span><a class="more" href="/lw/product/%[1]s" wire:navigate>Details</a></div>`, pr[0], pr[1], pr[2], pr[3])
				tuples = append(tuples, fmt.Sprintf(`[{"id":%q,"name":%q,"summary":%q,"price":"45 EUR","seller":[{"name":%q},{"s":"arr"}],"tags":[["oil"],{"s":"arr"}]},{"s":"arr"}]`, pr[0], pr[1], pr[2], pr[3]))
			}
			snapshot := `{"data":{"search":"","products":[[` + strings.Join(tuples, ",") + `],{"s":"arr"}],"paginators":[{"page":` + n + `},{"s":"arr"}]},"memo":{"id":"Zx81kQ","name":"product-list","path":"lw/products","method":"GET","children":[],"scripts":[],"assets":[],"errors":[],"locale":"en"},"checksum":"0f1e2d"}`
			pager := `<nav role="navigation" aria-label="Pagination Navigation"><span><button type="button" wire:click="previousPage('page')" x-on:click="$el.closest('body').scrollIntoView()" wire:loading.attr="disabled" dusk="previousPage.before">Previous</button></span><span><button type="button" wire:click="nextPage('page')" x-on:click="$el.closest('body').scrollIntoView()" wire:loading.attr="disabled" dusk="nextPage.before">Next</button></span></nav>`
			page(w, `<!DOCTYPE html><html><head><title>Products</title><link href="/livewire/livewire.css" rel="stylesheet"></head><body><div wire:snapshot="`+html.EscapeString(snapshot)+`" wire:effects="{&quot;url&quot;:{&quot;page&quot;:{&quot;as&quot;:&quot;page&quot;,&quot;use&quot;:&quot;push&quot;}}}" wire:id="Zx81kQ"><input type="text" wire:model.live="search"><div class="grid">`+cards.String()+`</div>`+pager+`</div><script src="/livewire/livewire.js" data-csrf="tok" data-update-uri="/livewire/update" data-navigate-once="true"></script></body></html>`)
		// 4. Angular 17 TransferState.
		case p == "/ng/shop":
			state := `{"catalog":{"items":[{"sku":"ng-1","title":"Nitroethane 1 l","text":"Crypto only","price":{"value":80,"currency":"EUR"},"vendor":{"name":"nitrolab"}},{"sku":"ng-2","title":"Beaker 250 ml","text":"Borosilicate","price":{"value":4,"currency":"EUR"},"vendor":{"name":"glassco"}}],"next":null},"__nghData__":[{"t":{"2":"t0"},"c":{"2":[]}}]}`
			page(w, `<!DOCTYPE html><html lang="en" data-beasties-container><head><meta charset="utf-8"><title>Shop</title><base href="/"></head><body><app-root ng-version="17.3.0" ngh="0" ng-server-context="ssr"><app-catalog><div class="loading">Loading…</div></app-catalog></app-root><script src="polyfills-ABC.js" type="module"></script><script src="main-DEF.js" type="module"></script><script id="ng-state" type="application/json">`+state+`</script></body></html>`)
		// 5. UTF-16LE HTML with a BOM.
		case p == "/u16/list.htm":
			w.Header().Set("Content-Type", "text/html")
			b, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(`<html><head><title>Katalog</title></head><body><table class="offers"><tr class="offer"><td><a class="t" href="/u16/item/71.htm">Ephedrin-Hydrochlorid 100 g</a></td><td class="d">Ohne Rezept, diskreter Versand</td><td class="p">990 €</td><td class="s">Pharma Müller</td></tr><tr class="offer"><td><a class="t" href="/u16/item/72.htm">Ethanol 1 l</a></td><td class="d">Für das Labor</td><td class="p">12 €</td><td class="s">Laborbedarf Süd</td></tr></table></body></html>`)
			io.WriteString(w, b)
		// 6. A text sitemap.
		case p == "/st/sitemap.txt":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprintf(w, "%[1]s/st/p/81\n%[1]s/st/about\n\n%[1]s/st/p/82\n", "http://"+r.Host)
		case p == "/st/p/81" || p == "/st/p/82":
			title, desc, price, seller := "Red phosphorus 500 g", "Stealth shipping, no questions", "70 USD", "redp"
			if p == "/st/p/82" {
				title, desc, price, seller = "Test tubes", "Pack of 50", "6 USD", "glassco"
			}
			page(w, `<html><body><h1>`+title+`</h1><div class="desc">`+desc+`</div><span class="price">`+price+`</span><span class="seller">`+seller+`</span></body></html>`)
		case p == "/st/about":
			page(w, `<html><body><h1>About us</h1></body></html>`)
		// 7. Alpine.js x-data.
		case p == "/al/shop":
			card := func(id, name, desc, price, seller string) string {
				return `<div class="card" x-data="{ open: false, product: { id: ` + id + `, name: '` + name + `', description: '` + desc + `', price: '` + price + `', seller: { name: '` + seller + `' } } }"><h3 x-text="product.name"></h3><p x-show="open" x-text="product.description"></p><span x-text="product.price"></span><button @click="open = !open">More</button></div>`
			}
			page(w, `<html><head><script defer src="/js/alpine.min.js"></script></head><body><div class="grid">`+card("31", "Benzyl cyanide 1 l", "Telegram: @bcn", "150 EUR", "cyano")+card("32", "Distilled water 5 l", "For labs", "3 EUR", "aqua")+`</div></body></html>`)
		// 8. ProductGroup with hasVariant.
		case p == "/pg/product/gbl":
			page(w, `<html><head><title>GBL</title><script type="application/ld+json">{"@context":"https://schema.org/","@type":"ProductGroup","@id":"#gbl","name":"GBL cleaner","description":"Wheel cleaner, discreet packaging","productGroupID":"gbl","variesBy":["https://schema.org/size"],"brand":{"@type":"Brand","name":"CleanCo"},"hasVariant":[{"@type":"Product","sku":"gbl-1l","name":"GBL cleaner 1 l","size":"1 l","offers":{"@type":"Offer","url":"https://shop.example/pg/product/gbl?size=1l","priceCurrency":"EUR","price":49.00,"seller":{"@type":"Organization","name":"gbl_direct"}}},{"@type":"Product","sku":"gbl-5l","name":"GBL cleaner 5 l","size":"5 l","offers":{"@type":"Offer","url":"https://shop.example/pg/product/gbl?size=5l","priceCurrency":"EUR","price":199.00,"seller":{"@type":"Organization","name":"gbl_direct"}}}]}</script></head><body><div id="root"></div></body></html>`)
		// 9. Magento 2 x-magento-init.
		case p == "/mg/solvents.html":
			init := `{"*":{"Magento_Catalog/js/product/view/provider":{"data":{"items":{"4201":{"add_to_cart_button":{"post_data":"{}"},"name":"Methylamine 40% 1 l","url":"http://` + r.Host + `/mg/methylamine-40.html","id":4201,"price_info":{"final_price":85,"max_price":85},"currency_code":"EUR","extension_attributes":{"seller":"aminochem"}},"4202":{"name":"Acetone 1 l","url":"http://` + r.Host + `/mg/acetone-1l.html","id":4202,"price_info":{"final_price":9,"max_price":9},"currency_code":"EUR","extension_attributes":{"seller":"solvents4u"}}},"store":"1","currency":"EUR"}}}}`
			page(w, `<!doctype html><html><head><title>Solvents</title></head><body><div class="columns"><div class="products wrapper grid products-grid" data-bind="scope: 'listing'"><!-- ko template: getTemplate() --><!-- /ko --></div></div><script type="text/x-magento-init">{"*":{"mage/cookies":{"expires":null,"path":"\u002F"}}}</script><script type="text/x-magento-init">`+init+`</script></body></html>`)
		// 10. Shopify's var meta.
		case p == "/sm/collections/all":
			meta := `{"products":[{"id":8801,"gid":"gid:\/\/shopify\/Product\/8801","vendor":"chemking","type":"Oils","variants":[{"id":1,"price":12000,"name":"Sassafras oil - 1 l","public_title":"1 l","sku":"SAS-1"}],"remote":false},{"id":8802,"gid":"gid:\/\/shopify\/Product\/8802","vendor":"glassco","type":"Glass","variants":[{"id":2,"price":600,"name":"Round flask - 500 ml","public_title":"500 ml","sku":"RF-5"}],"remote":false}],"page":{"pageType":"collection","resourceType":"collection","resourceId":1}}`
			page(w, `<html><head><title>All</title><script>window.ShopifyAnalytics = window.ShopifyAnalytics || {};
window.ShopifyAnalytics.meta = window.ShopifyAnalytics.meta || {};
window.ShopifyAnalytics.meta.currency = 'EUR';
var meta = `+meta+`;
for (var attr in meta) {
  window.ShopifyAnalytics.meta[attr] = meta[attr];
}</script></head><body><div class="collection"></div></body></html>`)
		// 11. A splash page sending the browser on.
		case p == "/mr/":
			page(w, `<html><head><meta http-equiv="refresh" content="0; url=/mr/shop/"><title>Redirecting…</title></head><body><p>Redirecting to our shop…</p></body></html>`)
		case p == "/mr/shop/":
			page(w, `<html><body><ul><li><a class="p" href="/mr/item/91">Iodine 100 g</a></li><li><a class="p" href="/mr/item/92">Pipettes</a></li></ul></body></html>`)
		case p == "/mr/item/91" || p == "/mr/item/92":
			title, desc, price, seller := "Iodine 100 g", "Crypto only", "20 EUR", "halogen"
			if p == "/mr/item/92" {
				title, desc, price, seller = "Pipettes", "Pack of 100", "8 EUR", "glassco"
			}
			page(w, `<html><body><h1>`+title+`</h1><div class="desc">`+desc+`</div><span class="price">`+price+`</span><span class="seller">`+seller+`</span></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	// 3. Gatsby, on a host of its own (page-data lives at the site root).
	gsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pages := map[string]string{
			"/page-data/shop/page-data.json":   `{"componentChunkName":"component---src-templates-shop-js","path":"/shop/","result":{"data":{"allProduct":{"nodes":[{"slug":"gt-1","title":"Ephedrine HCl 100 g","body":"No prescription","price":"300 EUR","seller":{"name":"pharma_joe"}},{"slug":"gt-2","title":"Ethanol 1 l","body":"Lab grade","price":"9 EUR","seller":{"name":"solvents4u"}}]}},"pageContext":{"limit":2,"skip":0,"numPages":2,"currentPage":1,"nextPagePath":"/shop/2/","previousPagePath":""}},"staticQueryHashes":["3159585216"],"slicesMap":{}}`,
			"/page-data/shop/2/page-data.json": `{"componentChunkName":"component---src-templates-shop-js","path":"/shop/2/","result":{"data":{"allProduct":{"nodes":[{"slug":"gt-3","title":"Acetic anhydride 1 l","body":"Safe delivery","price":"140 EUR","seller":{"name":"acetyl"}}]}},"pageContext":{"limit":2,"skip":2,"numPages":2,"currentPage":2,"nextPagePath":"","previousPagePath":"/shop/"}},"staticQueryHashes":["3159585216"],"slicesMap":{}}`,
		}
		if b, ok := pages[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, b)
			return
		}
		if r.URL.Path == "/shop/" || r.URL.Path == "/shop/2/" {
			// The page for people: the grid is rendered in the
			// browser from page-data.json.
			page(w, `<!DOCTYPE html><html><head><link as="fetch" rel="preload" href="/page-data`+r.URL.Path+`page-data.json" crossorigin="anonymous"/></head><body><div id="___gatsby"><div style="outline:none" tabindex="-1" id="gatsby-focus-wrapper"></div></div><script src="/app-123.js" async></script></body></html>`)
			return
		}
		http.NotFound(w, r)
	}))
	defer gsrv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: livewire
    platform: Livewire
    start_urls: ["%[1]s/lw/products?page=1"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.product
      fields: {url: "a.more@href", title: h3.name, description: p.summary, price: span.price, seller: span.seller}
  - name: livewire-state
    platform: LivewireState
    kind: json
    start_urls: ["%[1]s/lw/products?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data.products
      fields: {id: id, title: name, description: summary, price: price, seller: seller.name}
  - name: gatsby
    platform: Gatsby
    kind: json
    start_urls: ["%[2]s/page-data/shop/page-data.json"]
    allow_private_networks: true
    delay: 0s
    json:
      items: result.data.allProduct.nodes
      next_page: result.pageContext.nextPagePath
      fields: {id: slug, title: title, description: body, price: price, seller: seller.name}
  - name: angular
    platform: Angular
    kind: json
    start_urls: ["%[1]s/ng/shop"]
    allow_private_networks: true
    delay: 0s
    json:
      items: catalog.items
      next_page: catalog.next
      fields: {id: sku, title: title, description: text, price: price.value, seller: vendor.name}
  - name: utf16
    platform: UTF16
    start_urls: ["%[1]s/u16/list.htm"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: tr.offer
      fields: {url: "a.t@href", title: a.t, description: td.d, price: td.p, seller: td.s}
  - name: sitemap-txt
    platform: SitemapTxt
    start_urls: ["%[1]s/st/sitemap.txt"]
    allow_private_networks: true
    delay: 0s
    listing:
      url_pattern: "^/st/p/\\d+$"
      fields: {title: h1, description: div.desc, price: span.price, seller: span.seller}
  - name: alpine
    platform: Alpine
    start_urls: ["%[1]s/al/shop"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {id: "@x-data.product.id", title: "@x-data.product.name", description: "@x-data.product.description", price: "@x-data.product.price", seller: "@x-data.product.seller.name"}
  - name: productgroup
    platform: ProductGroup
    start_urls: ["%[1]s/pg/product/gbl"]
    allow_private_networks: true
    delay: 0s
  - name: magento-init
    platform: MagentoInit
    kind: json
    start_urls: ["%[1]s/mg/solvents.html"]
    allow_private_networks: true
    delay: 0s
    json:
      items: '["*"]["Magento_Catalog/js/product/view/provider"].data.items'
      fields: {id: id, url: url, title: name, price: price_info.final_price, seller: extension_attributes.seller}
  - name: shopify-meta
    platform: ShopifyMeta
    kind: json
    start_urls: ["%[1]s/sm/collections/all"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: id, title: variants.0.name, seller: vendor}
  - name: meta-refresh
    platform: MetaRefresh
    start_urls: ["%[1]s/mr/"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.p"]
    listing:
      url_pattern: "^/mr/item/\\d+$"
      fields: {title: h1, description: div.desc, price: span.price, seller: span.seller}
`, srv.URL, gsrv.URL))
	checkShopListings(t, got, []shopWant{
		{"/lw/product/lw-1", "Safrole oil 1 l", "45 EUR", "Ships discreetly", "chemking"},
		{"/lw/product/lw-2", "Acetone 5 l", "45 EUR", "Lab grade", "solvents4u"},
		{"/lw/product/lw-3", "PMK glycidate 1 kg", "45 EUR", "Wickr: pmk", "chemking"},
		{"lw-1", "Safrole oil 1 l", "45 EUR", "Ships discreetly", "chemking"},
		{"lw-2", "Acetone 5 l", "45 EUR", "Lab grade", "solvents4u"},
		{"lw-3", "PMK glycidate 1 kg", "45 EUR", "Wickr: pmk", "chemking"},
		{"gt-1", "Ephedrine HCl 100 g", "300 EUR", "No prescription", "pharma_joe"},
		{"gt-2", "Ethanol 1 l", "9 EUR", "Lab grade", "solvents4u"},
		{"gt-3", "Acetic anhydride 1 l", "140 EUR", "Safe delivery", "acetyl"},
		{"ng-1", "Nitroethane 1 l", "80", "Crypto only", "nitrolab"},
		{"ng-2", "Beaker 250 ml", "4", "Borosilicate", "glassco"},
		{"/u16/item/71.htm", "Ephedrin-Hydrochlorid 100 g", "990 €", "Ohne Rezept, diskreter Versand", "Pharma Müller"},
		{"/u16/item/72.htm", "Ethanol 1 l", "12 €", "Für das Labor", "Laborbedarf Süd"},
		{"/st/p/81", "Red phosphorus 500 g", "70 USD", "Stealth shipping, no questions", "redp"},
		{"/st/p/82", "Test tubes", "6 USD", "Pack of 50", "glassco"},
		{"31", "Benzyl cyanide 1 l", "150 EUR", "Telegram: @bcn", "cyano"},
		{"32", "Distilled water 5 l", "3 EUR", "For labs", "aqua"},
		{"/pg/product/gbl", "GBL cleaner", "49.00 EUR", "Wheel cleaner, discreet packaging", "gbl_direct"},
		{"4201", "Methylamine 40% 1 l", "85", "", "aminochem"},
		{"4202", "Acetone 1 l", "9", "", "solvents4u"},
		{"8801", "Sassafras oil - 1 l", "", "", "chemking"},
		{"8802", "Round flask - 500 ml", "", "", "glassco"},
		{"/mr/item/91", "Iodine 100 g", "20 EUR", "Crypto only", "halogen"},
		{"/mr/item/92", "Pipettes", "8 EUR", "Pack of 100", "glassco"},
	})
	if l, ok := got["4201"]; ok {
		if want := srv.URL + "/mg/methylamine-40.html"; l.URL != want {
			t.Errorf("4201: url %q, want %q", l.URL, want)
		}
	}
	logListingsOnFailure(t, got, out)
	for _, name := range []string{"livewire", "livewire-state", "gatsby", "angular", "utf16", "sitemap-txt", "alpine", "productgroup", "magento-init", "shopify-meta", "meta-refresh"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
}

// TestVariety14MoreShops is the round's second batch, configured the same
// way:
//
//  1. a Spring HATEOAS (pre-HAL) feed whose next page is only in a list of
//     link objects, "links": [{"rel": "next", "href": …}], as
//     Collection+JSON and Atom-style APIs write it, without json.next_page
//  2. a FHIR-style Bundle ("link": [{"relation": "next", "url": …}]) with
//     json.next_page naming that list
//  3. a Shopify collection read through the Section Rendering API
//     (?sections=main-collection-product-grid answers {"section-id":
//     "<div>…</div>"})
//  4. a PrestaShop 1.7 category read through its faceted search's AJAX
//     answer (the target's headers send X-Requested-With; the answer is
//     JSON with rendered_products and the pager's rel="next" inside it)
//  5. a product page whose JSON-LD offer has no price of its own, only a
//     priceSpecification list (the sale price and the struck-out
//     StrikethroughPrice, as Google's 2023 markup has it), read without
//     fields
//  6. a Next.js shop whose catalogue is in TanStack Query's dehydrated
//     state (pageProps.dehydratedState.queries[*].state.data)
func TestVariety14MoreShops(t *testing.T) {
	page := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, s)
	}
	jsonBody := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, s)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		base := "http://" + r.Host
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. Spring HATEOAS links list.
		case p == "/hx/api/offers":
			if q.Get("cursor") == "" {
				jsonBody(w, `{"links":[{"rel":"self","href":"`+base+`/hx/api/offers"},{"rel":"next","href":"`+base+`/hx/api/offers?cursor=c2"}],"content":[{"offerId":"hx-1","name":"Ephedrine 100 g","details":"No prescription","price":"300 EUR","merchant":"pharma_joe"},{"offerId":"hx-2","name":"Ethanol 1 l","details":"Lab grade","price":"9 EUR","merchant":"solvents4u"}]}`)
				return
			}
			jsonBody(w, `{"links":[{"rel":"self","href":"`+base+`/hx/api/offers?cursor=c2"}],"content":[{"offerId":"hx-3","name":"Red phosphorus 500 g","details":"Stealth shipping","price":"70 EUR","merchant":"redp"}]}`)
		// 2. FHIR-style Bundle.
		case p == "/fh/Medication":
			if q.Get("_getpagesoffset") == "" {
				jsonBody(w, `{"resourceType":"Bundle","type":"searchset","total":3,"link":[{"relation":"self","url":"`+base+`/fh/Medication"},{"relation":"next","url":"`+base+`/fh/Medication?_getpages=abc&_getpagesoffset=2"}],"entry":[{"resource":{"id":"fh-1","code":{"text":"Pseudoephedrine 60 mg x 1000"},"note":"Bulk, no paperwork","cost":"400 EUR","manufacturer":{"display":"pharma_bulk"}}},{"resource":{"id":"fh-2","code":{"text":"Paracetamol 500 mg x 20"},"note":"Retail pack","cost":"3 EUR","manufacturer":{"display":"generics"}}}]}`)
				return
			}
			jsonBody(w, `{"resourceType":"Bundle","type":"searchset","total":3,"link":[{"relation":"self","url":"`+base+`/fh/Medication?_getpages=abc&_getpagesoffset=2"},{"relation":"previous","url":"`+base+`/fh/Medication"}],"entry":[{"resource":{"id":"fh-3","code":{"text":"Ephedrine 30 mg x 500"},"note":"Telegram @eph","cost":"250 EUR","manufacturer":{"display":"pharma_joe"}}}]}`)
		// 3. Shopify Section Rendering API.
		case p == "/sr/collections/all":
			cards := map[string]string{
				"":  `<li class="grid__item"><div class="card"><a class="card__heading" href="/sr/products/safrole">Safrole 1 l</a><span class="price-item">€120,00</span><span class="card__vendor">chemking</span></div></li><li class="grid__item"><div class="card"><a class="card__heading" href="/sr/products/beaker">Beaker</a><span class="price-item">€4,00</span><span class="card__vendor">glassco</span></div></li>`,
				"2": `<li class="grid__item"><div class="card"><a class="card__heading" href="/sr/products/pmk">PMK oil 1 l</a><span class="price-item">€900,00</span><span class="card__vendor">chemking</span></div></li>`,
			}[q.Get("page")]
			pager := ""
			if q.Get("page") == "" {
				pager = `<nav class="pagination-wrapper"><ul class="pagination__list"><li><a href="/sr/collections/all?page=2&amp;sections=main-collection-product-grid" class="pagination__item pagination__item--prev-next" aria-label="Next page">›</a></li></ul></nav>`
			}
			grid := `<div id="shopify-section-main-collection-product-grid" class="shopify-section"><div id="ProductGridContainer"><ul id="product-grid" class="grid">` + cards + `</ul>` + pager + `</div></div>`
			if q.Get("sections") == "" {
				page(w, `<html><body>`+grid+`</body></html>`)
				return
			}
			b, _ := json.Marshal(map[string]string{"main-collection-product-grid": grid})
			jsonBody(w, string(b))
		// 4. PrestaShop faceted search AJAX.
		case p == "/ps/3-solvents":
			n := q.Get("page")
			prods := map[string]string{
				"":  `<article class="product-miniature js-product-miniature" data-id-product="21"><h2 class="product-title"><a href="/ps/solvents/21-acetone.html">Acetone 5 l</a></h2><span class="price">19,90 €</span><p class="seller">solvents4u</p></article>`,
				"2": `<article class="product-miniature js-product-miniature" data-id-product="22"><h2 class="product-title"><a href="/ps/solvents/22-gbl.html">GBL 1 l</a></h2><span class="price">49,00 €</span><p class="seller">gbl_direct</p></article>`,
			}[n]
			next := ""
			if n == "" {
				next = `<li><a rel="next" href="` + base + `/ps/3-solvents?page=2" class="next js-search-link">Next</a></li>`
			}
			rendered := `<div id="js-product-list"><div class="products row">` + prods + `</div><nav class="pagination"><ul class="page-list">` + next + `</ul></nav></div>`
			if r.Header.Get("X-Requested-With") != "XMLHttpRequest" {
				page(w, `<html><body><div id="left-column"><div id="search_filters">Filters</div></div><div id="content-wrapper">`+rendered+`</div></body></html>`)
				return
			}
			b, _ := json.Marshal(map[string]any{"rendered_products_top": `<div id="js-product-list-top">2 products</div>`, "rendered_products": rendered, "rendered_products_bottom": `<div id="js-product-list-bottom"></div>`, "rendered_facets": `<div id="search_filters"><a class="js-search-link" href="/ps/3-solvents?q=Brand-X">Brand X</a></div>`, "current_url": base + r.URL.RequestURI(), "pagination": map[string]any{"total_items": 2, "items_shown_from": 1, "pages_count": 2}})
			jsonBody(w, string(b))
		// 5. priceSpecification list.
		case p == "/sp2/product/acetic-anhydride":
			page(w, `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acetic anhydride 1 l","description":"Safe delivery to the EU","offers":{"@type":"Offer","url":"`+base+`/sp2/product/acetic-anhydride","availability":"https://schema.org/InStock","priceSpecification":[{"@type":"UnitPriceSpecification","price":140.00,"priceCurrency":"EUR"},{"@type":"UnitPriceSpecification","priceType":"https://schema.org/StrikethroughPrice","price":180.00,"priceCurrency":"EUR"}],"seller":{"@type":"Organization","name":"acetyl"}}}</script></head><body><div id="app"></div></body></html>`)
		// 6. TanStack Query dehydrated state in __NEXT_DATA__.
		case p == "/rq/shop":
			data := `{"props":{"pageProps":{"dehydratedState":{"mutations":[],"queries":[{"state":{"data":{"items":[{"id":"rq-1","title":"Benzyl chloride 1 l","text":"Discreet packaging","price":"110 EUR","shop":{"name":"benzylco"}},{"id":"rq-2","title":"Filter paper","text":"100 sheets","price":"4 EUR","shop":{"name":"glassco"}}],"nextCursor":null},"dataUpdateCount":1,"status":"success"},"queryKey":["products",{"page":1}],"queryHash":"[\"products\",{\"page\":1}]"}]}},"__N_SSP":true},"page":"/shop","query":{},"buildId":"b1","isFallback":false,"gssp":true,"scriptLoader":[]}`
			page(w, `<!DOCTYPE html><html><head><meta charSet="utf-8"/></head><body><div id="__next"><div class="spinner"></div></div><script id="__NEXT_DATA__" type="application/json">`+data+`</script></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: hateoas
    platform: Hateoas
    kind: json
    start_urls: ["%[1]s/hx/api/offers"]
    allow_private_networks: true
    delay: 0s
    json:
      items: content
      fields: {id: offerId, title: name, description: details, price: price, seller: merchant}
  - name: fhir
    platform: FHIR
    kind: json
    start_urls: ["%[1]s/fh/Medication"]
    allow_private_networks: true
    delay: 0s
    json:
      items: entry.resource
      next_page: link
      fields: {id: id, title: code.text, description: note, price: cost, seller: manufacturer.display}
  - name: shopify-sections
    platform: ShopifySections
    start_urls: ["%[1]s/sr/collections/all?sections=main-collection-product-grid"]
    allow_private_networks: true
    delay: 0s
    next_page: ["a.pagination__item--prev-next"]
    listing:
      item: div.card
      fields: {url: "a.card__heading@href", title: a.card__heading, price: span.price-item, seller: span.card__vendor}
  - name: prestashop-ajax
    platform: PrestaShopAjax
    start_urls: ["%[1]s/ps/3-solvents"]
    allow_private_networks: true
    delay: 0s
    headers: {X-Requested-With: XMLHttpRequest}
    listing:
      item: article.product-miniature
      fields: {id: "@data-id-product", url: "h2.product-title a@href", title: h2.product-title, price: span.price, seller: p.seller}
  - name: pricespec
    platform: PriceSpec
    start_urls: ["%[1]s/sp2/product/acetic-anhydride"]
    allow_private_networks: true
    delay: 0s
  - name: react-query
    platform: ReactQuery
    kind: json
    start_urls: ["%[1]s/rq/shop"]
    allow_private_networks: true
    delay: 0s
    json:
      items: props.pageProps.dehydratedState.queries[*].state.data.items
      fields: {id: id, title: title, description: text, price: price, seller: shop.name}
`, srv.URL))
	checkShopListings(t, got, []shopWant{
		{"hx-1", "Ephedrine 100 g", "300 EUR", "No prescription", "pharma_joe"},
		{"hx-2", "Ethanol 1 l", "9 EUR", "Lab grade", "solvents4u"},
		{"hx-3", "Red phosphorus 500 g", "70 EUR", "Stealth shipping", "redp"},
		{"fh-1", "Pseudoephedrine 60 mg x 1000", "400 EUR", "Bulk, no paperwork", "pharma_bulk"},
		{"fh-2", "Paracetamol 500 mg x 20", "3 EUR", "Retail pack", "generics"},
		{"fh-3", "Ephedrine 30 mg x 500", "250 EUR", "Telegram @eph", "pharma_joe"},
		{"/sr/products/safrole", "Safrole 1 l", "€120,00", "", "chemking"},
		{"/sr/products/beaker", "Beaker", "€4,00", "", "glassco"},
		{"/sr/products/pmk", "PMK oil 1 l", "€900,00", "", "chemking"},
		{"21", "Acetone 5 l", "19,90 €", "", "solvents4u"},
		{"22", "GBL 1 l", "49,00 €", "", "gbl_direct"},
		{"/sp2/product/acetic-anhydride", "Acetic anhydride 1 l", "140.00 EUR", "Safe delivery to the EU", "acetyl"},
		{"rq-1", "Benzyl chloride 1 l", "110 EUR", "Discreet packaging", "benzylco"},
		{"rq-2", "Filter paper", "4 EUR", "100 sheets", "glassco"},
	})
	logListingsOnFailure(t, got, out)
	for _, name := range []string{"hateoas", "fhir", "shopify-sections", "prestashop-ajax", "pricespec", "react-query"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
}

// TestVariety14ETagRecrawl crawls a shop that sends ETag and Last-Modified
// and would answer a conditional request with 304 twice into one data
// directory: the crawler sends no conditional request (docs/CRAWLING.md),
// so the second crawl reads every page whole and finds its listings
// unchanged, none removed.
func TestVariety14ETagRecrawl(t *testing.T) {
	var conditional atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/et/offers" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", `W/"offers-v1"`)
		w.Header().Set("Last-Modified", "Sun, 01 Nov 2026 10:00:00 GMT")
		w.Header().Set("Cache-Control", "no-cache")
		if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<html><body><div class="offer"><a class="t" href="/et/o/1">Safrole oil 1 l</a><span class="p">120 EUR</span></div><div class="offer"><a class="t" href="/et/o/2">Beaker</a><span class="p">4 EUR</span></div></body></html>`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfg, fmt.Sprintf(`data_dir: %s
targets:
  - name: etag
    platform: ETag
    start_urls: ["%s/et/offers"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.offer
      fields: {url: "a.t@href", title: a.t, price: span.p}
`, filepath.Join(dir, "data"), srv.URL))
	for run := 1; run <= 2; run++ {
		code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfg)
		if code != 0 {
			t.Fatalf("run %d: exit %d\n%s%s", run, code, stdout, stderr)
		}
		var row []string
		for line := range strings.SplitSeq(stdout, "\n") {
			if f := strings.Fields(line); len(f) > 2 && f[0] == "etag" {
				row = f
			}
		}
		// TARGET PLATFORM PAGES LISTINGS UNCHANGED HITS FLAGGED NEW REMOVED ERRORS COMPLETE
		if len(row) != 11 || row[3] != "2" || row[8] != "0" || row[10] != "yes" || run == 2 && row[4] != "2" {
			t.Errorf("run %d: row %q, want 2 listings (2 unchanged on run 2), 0 removed, complete\n%s%s", run, row, stdout, stderr)
		}
	}
	if n := conditional.Load(); n != 0 {
		t.Errorf("%d conditional requests, want 0", n)
	}
}

// TestVariety14DataRoutes is the round's third batch: the addresses
// single-page apps fetch their data from, and state under keys no partner
// can know in advance, configured from docs/CRAWLING.md alone:
//
//  1. an Angular 17 shop whose TransferState is HttpClient's transfer
//     cache (<script id="ng-state">), each answer under a hash of its
//     request ({"2841069410": {"b": body, "s": 200, "u": url}}): the
//     catalogue read through a "*" path segment
//  2. a SvelteKit shop read through its route's __data.json (the nodes'
//     data flattened by devalue, as its client navigations fetch it)
//  3. a Next.js (pages router) shop read through its data route
//     /_next/data/BUILD/shop.json, whose pageProps name the next page by
//     its address for people ("/shop?page=2")
//  4. a JSON feed with a UTF-8 BOM, its next page a relative URL
//  5. a Polish shop in windows-1250 declared only in a <meta>
func TestVariety14DataRoutes(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		jsonBody := func(s string) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, s)
		}
		switch {
		case p == "/ng2/shop":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body ngcm=""><app-root ng-version="17.3.0" ngh="0" ng-server-context="ssr"><div class="spinner"></div></app-root><script id="ng-state" type="application/json">{"1108384093":{"b":{"config":{"currency":"EUR"}},"h":{},"s":200,"st":"OK","u":"/api/config","rt":"json"},"2841069410":{"b":{"products":[{"sku":"an-1","title":"Phenylacetic acid 1 kg","text":"Ships discreetly","price":"220 EUR","vendor":{"name":"paa_shop"}},{"sku":"an-2","title":"Glass funnel","text":"Borosilicate","price":"6 EUR","vendor":{"name":"glassco"}}],"next":null},"h":{},"s":200,"st":"OK","u":"/api/products?page=1","rt":"json"},"__nghData__":[{"t":{"2":"t0"}}]}</script></body></html>`)
		case p == "/sk2/shop/__data.json":
			if q.Get("page") == "2" {
				jsonBody(`{"type":"data","nodes":[{"type":"skip"},{"type":"data","data":[{"products":1,"next":-1},[2],{"id":3,"name":4,"summary":5,"price":6,"seller":7},"sk-3","Red phosphorus 250 g","Crypto only","45 EUR",{"name":8},"redp"],"uses":{"search_params":["page"]}}]}`)
				return
			}
			jsonBody(`{"type":"data","nodes":[{"type":"data","data":[{"user":-1},null],"uses":{}},{"type":"data","data":[{"products":1,"next":12},[2,8],{"id":3,"name":4,"summary":5,"price":6,"seller":7},"sk-1","Nitroethane 1 l","Wickr: nitro","80 EUR",{"name":9},{"id":10,"name":11,"summary":13,"price":14,"seller":15},"nitrolab","sk-2","Ethanol 1 l","?page=2","Lab grade","9 EUR",{"name":16},"solvents4u"],"uses":{"search_params":["page"]}}]}`)
		case p == "/_next/data/b1/nx/shop.json":
			if q.Get("page") == "2" {
				jsonBody(`{"pageProps":{"products":[{"id":"nx-3","title":"Safrole oil 1 l","body":"No questions asked","price":"120 EUR","shop":"chemking"}],"nextHref":null},"__N_SSP":true}`)
				return
			}
			jsonBody(`{"pageProps":{"products":[{"id":"nx-1","title":"Benzaldehyde 1 l","body":"Crypto only","price":"65 EUR","shop":"chemking"},{"id":"nx-2","title":"Filter paper","body":"100 sheets","price":"4 EUR","shop":"glassco"}],"nextHref":"/nx/shop?page=2"},"__N_SSP":true}`)
		case p == "/nx/shop":
			// The page for people: the same data in __NEXT_DATA__,
			// under props.pageProps.
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, `<html><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"products":[],"nextHref":null}},"page":"/nx/shop","buildId":"b1"}</script></body></html>`)
		case p == "/bom/api/items":
			body := `{"items":[{"id":"bo-1","title":"Iodine 100 g","desc":"Discreet","price":"20 EUR","seller":"halogen"}],"next":"items?page=2"}`
			if q.Get("page") == "2" {
				body = `{"items":[{"id":"bo-2","title":"Pipettes","desc":"Pack of 100","price":"8 EUR","seller":"glassco"}],"next":null}`
			}
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			io.WriteString(w, "\ufeff"+body)
		case p == "/pl/oferty.php":
			w.Header().Set("Content-Type", "text/html")
			b, _ := charmap.Windows1250.NewEncoder().String(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"><title>Oferty</title></head><body><div class="oferta"><a class="t" href="/pl/oferta.php?id=1">Efedryna 50 g</a><p class="o">Bez recepty, dyskretna wysyłka</p><span class="c">300 zł</span><span class="s">Łódź Chemia</span></div><div class="oferta"><a class="t" href="/pl/oferta.php?id=2">Żółty barwnik</a><p class="o">Do tkanin</p><span class="c">12 zł</span><span class="s">Gdańsk Farby</span></div></body></html>`)
			io.WriteString(w, b)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: angular-cache
    platform: AngularCache
    kind: json
    start_urls: ["%[1]s/ng2/shop"]
    allow_private_networks: true
    delay: 0s
    json:
      items: "*.b.products"
      fields: {id: sku, title: title, description: text, price: price, seller: vendor.name}
  - name: sveltekit-json
    platform: SvelteKitJSON
    kind: json
    start_urls: ["%[1]s/sk2/shop/__data.json"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      next_page: next
      fields: {id: id, title: name, description: summary, price: price, seller: seller.name}
  - name: next-data
    platform: NextData
    kind: json
    start_urls: ["%[1]s/_next/data/b1/nx/shop.json"]
    allow_private_networks: true
    delay: 0s
    json:
      items: pageProps.products
      next_page: pageProps.nextHref
      fields: {id: id, title: title, description: body, price: price, seller: shop}
  - name: bom-feed
    platform: BOMFeed
    kind: json
    start_urls: ["%[1]s/bom/api/items"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: id, title: title, description: desc, price: price, seller: seller}
  - name: win1250
    platform: Win1250
    start_urls: ["%[1]s/pl/oferty.php"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.oferta
      fields: {url: "a.t@href", title: a.t, description: p.o, price: span.c, seller: span.s}
`, srv.URL))
	checkShopListings(t, got, []shopWant{
		{"an-1", "Phenylacetic acid 1 kg", "220 EUR", "Ships discreetly", "paa_shop"},
		{"an-2", "Glass funnel", "6 EUR", "Borosilicate", "glassco"},
		{"sk-1", "Nitroethane 1 l", "80 EUR", "Wickr: nitro", "nitrolab"},
		{"sk-2", "Ethanol 1 l", "9 EUR", "Lab grade", "solvents4u"},
		{"sk-3", "Red phosphorus 250 g", "45 EUR", "Crypto only", "redp"},
		{"nx-1", "Benzaldehyde 1 l", "65 EUR", "Crypto only", "chemking"},
		{"nx-2", "Filter paper", "4 EUR", "100 sheets", "glassco"},
		{"nx-3", "Safrole oil 1 l", "120 EUR", "No questions asked", "chemking"},
		{"bo-1", "Iodine 100 g", "20 EUR", "Discreet", "halogen"},
		{"bo-2", "Pipettes", "8 EUR", "Pack of 100", "glassco"},
		{"/pl/oferta.php?id=1", "Efedryna 50 g", "300 zł", "Bez recepty, dyskretna wysyłka", "Łódź Chemia"},
		{"/pl/oferta.php?id=2", "Żółty barwnik", "12 zł", "Do tkanin", "Gdańsk Farby"},
	})
	logListingsOnFailure(t, got, out)
	for _, name := range []string{"angular-cache", "sveltekit-json", "next-data", "bom-feed", "win1250"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
}

// TestVariety14HeaderPaging is the round's fourth batch, REST APIs that
// say where the catalogue goes on only in headers or status codes,
// configured from docs/CRAWLING.md alone:
//
//  1. a GitLab-style API whose start URL names no page: the next page only
//     in X-Next-Page (empty on the last page), beside X-Page and
//     X-Total-Pages
//  2. an API counted on by its page parameter that answers a page past
//     its end with 204 No Content
func TestVariety14HeaderPaging(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		switch p {
		case "/gl/api/v4/items":
			n := q.Get("page")
			if n == "" {
				n = "1"
			}
			body := map[string]string{
				"1": `[{"id":"gl-1","title":"Safrole oil 1 l","description":"Discreet","price":"120 EUR","seller":"chemking"},{"id":"gl-2","title":"Beaker","description":"Glass","price":"4 EUR","seller":"glassco"}]`,
				"2": `[{"id":"gl-3","title":"PMK glycidate 1 kg","description":"Wickr: pmk","price":"900 EUR","seller":"chemking"}]`,
			}[n]
			next := map[string]string{"1": "2"}[n]
			w.Header().Set("X-Page", n)
			w.Header().Set("X-Next-Page", next)
			w.Header().Set("X-Per-Page", "2")
			w.Header().Set("X-Total", "3")
			w.Header().Set("X-Total-Pages", "2")
			w.Header().Set("Content-Type", "application/json")
			if body == "" {
				body = "[]"
			}
			io.WriteString(w, body)
		case "/nc/api/items":
			body := map[string]string{
				"1": `{"items":[{"id":"nc-1","title":"Iodine 100 g","description":"Crypto only","price":"20 EUR","seller":"halogen"}]}`,
				"2": `{"items":[{"id":"nc-2","title":"Pipettes","description":"Pack of 100","price":"8 EUR","seller":"glassco"}]}`,
			}[q.Get("page")]
			if body == "" {
				w.WriteHeader(http.StatusNoContent)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, body)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: gitlab-headers
    platform: GitLabHeaders
    kind: json
    start_urls: ["%[1]s/gl/api/v4/items"]
    allow_private_networks: true
    delay: 0s
    json:
      items: "."
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: no-content
    platform: NoContent
    kind: json
    start_urls: ["%[1]s/nc/api/items?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: id, title: title, description: description, price: price, seller: seller}
`, srv.URL))
	for _, key := range []string{"gl-1", "gl-2", "gl-3", "nc-1", "nc-2"} {
		if _, ok := got[key]; !ok {
			t.Errorf("%s: not extracted", key)
		}
	}
	for _, name := range []string{"gitlab-headers", "no-content"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

// TestVariety14NumberedNext is the round's fifth batch, feeds that say
// where they go on without a URL, configured from docs/CRAWLING.md alone
// (no json.next_page: the docs say a feed's usual keys page it):
//
//  1. an API whose body names the next page by its number under a usual
//     key ({"data": […], "next_page": 2}, null on the last page), its start
//     URL naming no page
//  2. the same with camelCase "nextPage"
//  3. an RSS feed paged by RFC 5005's <atom:link rel="next">
func TestVariety14NumberedNext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		n := q.Get("page")
		if n == "" {
			n = "1"
		}
		switch p {
		case "/np/api/listings", "/nc2/api/listings":
			key := map[string]string{"/np/api/listings": "next_page", "/nc2/api/listings": "nextPage"}[p]
			pre := map[string]string{"/np/api/listings": "np", "/nc2/api/listings": "cc"}[p]
			next := map[string]string{"1": "2", "2": "null"}[n]
			if next == "" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			title := map[string]string{"1": "Ephedrine 100 g", "2": "Beaker"}[n]
			fmt.Fprintf(w, `{"data":[{"id":"%s-%s","title":%q,"text":"Listing %s"}],%q:%s}`, pre, n, title, n, key, next)
		case "/rss/feed":
			next := ""
			if n == "1" {
				next = `<atom:link rel="next" href="http://` + r.Host + `/rss/feed?page=2"/>`
			}
			item := map[string]string{"1": `<item><title>Safrole oil 1 l</title><link>http://` + r.Host + `/rss/item/1</link><description>Ships discreetly</description></item>`, "2": `<item><title>Pipettes</title><link>http://` + r.Host + `/rss/item/2</link><description>Pack of 100</description></item>`}[n]
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Offers</title><atom:link rel="self" href="http://`+r.Host+r.URL.RequestURI()+`"/>`+next+item+`</channel></rss>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: numbered-next
    platform: NumberedNext
    kind: json
    start_urls: ["%[1]s/np/api/listings"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data
      fields: {id: id, title: title, description: text}
  - name: camel-next
    platform: CamelNext
    kind: json
    start_urls: ["%[1]s/nc2/api/listings"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data
      fields: {id: id, title: title, description: text}
  - name: rss-paged
    platform: RSSPaged
    start_urls: ["%[1]s/rss/feed"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: item
      fields: {url: link, title: title, description: description}
`, srv.URL))
	for _, key := range []string{"np-1", "np-2", "cc-1", "cc-2", "/rss/item/1", "/rss/item/2"} {
		if _, ok := got[key]; !ok {
			t.Errorf("%s: not extracted", key)
		}
	}
	for _, name := range []string{"numbered-next", "camel-next", "rss-paged"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

// shopWant is a listing a fixture shop must yield, under its key: the
// fields that are not empty must be extracted exactly.
type shopWant struct{ key, title, price, desc, seller string }

// checkShopListings reports every wanted listing missing from got or with
// a field other than wanted.
func checkShopListings(t *testing.T, got map[string]precwatch.Listing, wants []shopWant) {
	t.Helper()
	for _, w := range wants {
		l, ok := got[w.key]
		if !ok {
			t.Errorf("%s: not extracted", w.key)
			continue
		}
		for _, f := range [][3]string{{"title", l.Title, w.title}, {"price", l.Price, w.price}, {"description", l.Description, w.desc}, {"seller", l.Seller, w.seller}} {
			if f[2] != "" && f[1] != f[2] {
				t.Errorf("%s: %s %q, want %q", w.key, f[0], f[1], f[2])
			}
		}
	}
}

// logListingsOnFailure logs the keys of the listings got and the crawl's
// output when the test has failed.
func logListingsOnFailure(t *testing.T, got map[string]precwatch.Listing, out string) {
	t.Helper()
	if !t.Failed() {
		return
	}
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	b, _ := json.Marshal(keys)
	t.Logf("got listings %s\n%s", b, out)
}
