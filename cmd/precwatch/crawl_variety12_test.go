package main

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// Round 12 of marketplaces, end to end through `precwatch crawl`, each
// configured as a partner would. The shapes were checked against the
// earlier rounds (grep of crawler, cmd and docs) first; the ideas those
// cover (JSON-LD ItemList, __NEXT_DATA__/__NUXT__, ?offset= counting,
// <noscript> cards, lazy images, sitemaps, canonical identity, undeclared
// windows-1251/Shift_JIS) were replaced by:
//
//  1. a Laravel + Inertia.js shop: the page's props, with a Laravel
//     paginator, as JSON in <div id="app" data-page="…">
//  2. a WordPress/Yoast product page whose JSON-LD @graph links Product,
//     Offer and the seller Organization by "@id" references
//  3. an Angular Universal shop whose TransferState is escaped the old way
//     (&q; for quotes) in <script id="serverApp-state">
//  4. an Astro shop whose product grid is an island: the props in
//     <astro-island props="…"> in Astro's [type, value] encoding
//  5. a category page whose products are a microdata ItemList
//  6. a SvelteKit shop: the catalogue's fetch answer inlined as
//     <script type="application/json" data-sveltekit-fetched>, its body a
//     JSON string
//  7. a product page whose JSON-LD @type is the full IRI
//     "https://schema.org/Product" and whose price is an AggregateOffer
//  8. an old table board in windows-1251 declared nowhere, columns read by
//     td:nth-child
//  9. a "load more" button holding the next offset (data-offset), its
//     endpoint answering an HTML fragment
//  10. a Rails/Hotwire shop paged by lazy <turbo-frame src>, cards holding
//     id, price and seller in data-* attributes
//  11. a results page rendered into a plain <template> that a script clones
//  12. a microdata product whose description and price sit outside its
//     itemscope, joined by itemref (not followed by the schema.org reader:
//     configured with field selectors, as docs/CRAWLING.md says)
//
// Failing before this round: 1, 2 (price and seller behind @id), 3, 4,
// 9 (the offset read as a page number) and 12 without fields; 7 of 12
// passed. After: all 12 (12 through its configured fields).
func TestVariety12Shops(t *testing.T) {
	var srv *httptest.Server
	page := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, s)
	}
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. Inertia.js.
		case p == "/in/shop":
			next, data := `"`+srv.URL+`/in/shop?page=2"`, `[{"id":41,"name":"Safrole oil 1 l","description":"Ships discreetly","price":"120.00 EUR","seller":{"id":3,"name":"chemking"}},{"id":42,"name":"Acetone 5 l","description":"Lab grade","price":"19.90 EUR","seller":{"id":4,"name":"solvents4u"}}]`
			if q.Get("page") == "2" {
				next, data = "null", `[{"id":43,"name":"PMK glycidate 1 kg","description":"Wickr: pmk","price":"900 EUR","seller":{"id":3,"name":"chemking"}}]`
			}
			state := `{"component":"Shop/Index","props":{"errors":{},"auth":{"user":null},"products":{"current_page":1,"data":` + data + `,"first_page_url":"` + srv.URL + `/in/shop?page=1","next_page_url":` + next + `,"per_page":2,"total":3}},"url":"/in/shop","version":"a1b2c3"}`
			page(w, `<!DOCTYPE html><html><head><title>Shop</title><script src="/build/assets/app.js" defer></script></head><body><div id="app" data-page="`+html.EscapeString(state)+`"></div></body></html>`)
		// 2. Yoast @graph with @id references.
		case p == "/yo/":
			page(w, `<html><body><ul class="products"><li><a class="woocommerce-LoopProduct-link" href="/yo/product/safrole-oil/">Safrole oil</a></li></ul></body></html>`)
		case p == "/yo/product/safrole-oil/":
			page(w, `<html><head><script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[{"@type":["WebPage","ItemPage"],"@id":"`+srv.URL+`/yo/product/safrole-oil/","url":"`+srv.URL+`/yo/product/safrole-oil/","name":"Safrole oil 1 l - ChemShop","isPartOf":{"@id":"`+srv.URL+`/yo/#website"}},{"@type":"WebSite","@id":"`+srv.URL+`/yo/#website","name":"ChemShop","publisher":{"@id":"`+srv.URL+`/yo/#organization"}},{"@type":"Organization","@id":"`+srv.URL+`/yo/#organization","name":"ChemShop Ltd"},{"@type":"Product","@id":"`+srv.URL+`/yo/product/safrole-oil/#product","name":"Safrole oil 1 l","description":"Discreet shipping, crypto only","mainEntityOfPage":{"@id":"`+srv.URL+`/yo/product/safrole-oil/"},"offers":[{"@id":"`+srv.URL+`/yo/product/safrole-oil/#offer-0"}]},{"@type":"Offer","@id":"`+srv.URL+`/yo/product/safrole-oil/#offer-0","price":"120.00","priceCurrency":"EUR","availability":"https://schema.org/InStock","seller":{"@id":"`+srv.URL+`/yo/#organization"}}]}</script></head><body><h1 class="product_title">Safrole oil 1 l</h1></body></html>`)
		// 3. Angular TransferState, escaped the old way.
		case p == "/ng/catalog":
			state := `{"products":[{"sku":"NG-1","title":"Benzyl cyanide 500 ml","text":"Ships to EU & UK","price":"45 USD","vendor":"nitrolab"},{"sku":"NG-2","title":"Beaker 250 ml","text":"Glass","price":"4 USD","vendor":"glassco"}]}`
			esc := strings.NewReplacer("&", "&a;", `"`, "&q;", "'", "&s;", "<", "&l;", ">", "&g;").Replace(state)
			page(w, `<html><head></head><body><app-root ng-version="15.2.9"><div class="grid"></div></app-root><script id="serverApp-state" type="application/json">`+esc+`</script></body></html>`)
		// 4. Astro island.
		case p == "/as/shop":
			props := `{"products":[1,[[0,{"slug":[0,"safrole-oil"],"name":[0,"Safrole oil 1 l"],"summary":[0,"Wickr: saf"],"price":[0,120],"seller":[0,{"name":[0,"chemking"]}]}],[0,{"slug":[0,"acetone"],"name":[0,"Acetone 5 l"],"summary":[0,"Lab grade"],"price":[0,19.9],"seller":[0,{"name":[0,"solvents4u"]}]}]]],"currency":[0,"EUR"]}`
			page(w, `<html><body><astro-island uid="Z1abc" prefix="r1" component-url="/_astro/ProductGrid.BxYz.js" component-export="default" renderer-url="/_astro/client.Cd.js" props="`+html.EscapeString(props)+`" ssr client="load" opts="{&quot;name&quot;:&quot;ProductGrid&quot;,&quot;value&quot;:true}"><div class="skeleton"></div></astro-island></body></html>`)
		// 5. Microdata ItemList.
		case p == "/md/category/solvents":
			card := func(n, name, price, seller string) string {
				return `<li itemprop="itemListElement" itemscope itemtype="https://schema.org/Product"><a itemprop="url" href="/md/p/` + n + `"><span itemprop="name">` + name + `</span></a><div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="priceCurrency" content="EUR"><span itemprop="price" content="` + price + `">€` + price + `</span><div itemprop="seller" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">` + seller + `</span></div></div></li>`
			}
			page(w, `<html><body><h1>Solvents</h1><ul itemscope itemtype="https://schema.org/ItemList">`+card("71", "Nitroethane 1 l", "80.00", "nitrolab")+card("72", "Toluene 5 l", "25.00", "solvents4u")+`</ul></body></html>`)
		// 6. SvelteKit.
		case p == "/sk/shop":
			body := `{"products":[{"id":"sk-1","title":"Red phosphorus 500 g","description":"No paperwork","price":"60 EUR","store":{"name":"redp"}}],"total":1}`
			page(w, `<html><body><div style="display: contents"><main></main></div><script type="application/json" data-sveltekit-fetched data-url="/api/products?page=1" data-ttl="60">`+`{"status":200,"statusText":"","headers":{"content-type":"application/json"},"body":`+quoteJSON12(body)+`}`+`</script><script>__sveltekit_1x2y = {base: ""};</script></body></html>`)
		// 7. JSON-LD with an IRI @type and an AggregateOffer.
		case p == "/iri/p/ephedrine":
			page(w, `<html><head><script type="application/ld+json">{"@context":"https://schema.org/","@type":"https://schema.org/Product","name":"Ephedrine HCl 100 g","description":"No prescription","offers":{"@type":"https://schema.org/AggregateOffer","lowPrice":"90","highPrice":"400","priceCurrency":"USD","offerCount":"3","seller":{"@type":"Organization","name":"pharma_direct"}}}</script></head><body><div id="root"></div></body></html>`)
		// 8. Table board in undeclared windows-1251.
		case p == "/tb/board.php":
			w.Header().Set("Content-Type", "text/html")
			b, _ := charmap.Windows1251.NewEncoder().String(`<html><head><title>Доска объявлений</title></head><body><table class="board" width="100%" border="1"><tr class="hdr"><th>Название</th><th>Описание</th><th>Цена</th><th>Продавец</th></tr><tr class="ad"><td><a href="view.php?id=501">Сафрол 1 л</a></td><td>Доставка по всей России</td><td>15 000 руб.</td><td>ХимТорг</td></tr><tr class="ad"><td><a href="view.php?id=502">Ацетон 5 л</a></td><td>Чистый, для лаборатории</td><td>900 руб.</td><td>Реактив</td></tr></table></body></html>`)
			io.WriteString(w, b)
		// 9. Load more by offset, answered with a fragment.
		case p == "/lm/catalog" || p == "/lm/more":
			off := q.Get("offset")
			items := map[string][]string{"": {"81", "82"}, "2": {"83", "84"}, "4": {"85"}}[off]
			next := map[string]string{"": "2", "2": "4"}[off]
			var b strings.Builder
			for _, id := range items {
				fmt.Fprintf(&b, `<div class="offer"><a class="t" href="/lm/o/%[1]s">Offer %[1]s GBL</a><span class="p">%[1]s.00 EUR</span><span class="s">seller%[1]s</span></div>`, id)
			}
			if next != "" {
				fmt.Fprintf(&b, `<button class="load-more" data-offset="%s" hx-get="/lm/more">Load more</button>`, next)
			}
			if p == "/lm/catalog" {
				page(w, `<html><body><div id="offers">`+b.String()+`</div></body></html>`)
				return
			}
			page(w, b.String())
		// 10. Hotwire turbo-frames with data-* cards.
		case p == "/tf/offers":
			n := q.Get("page")
			if n == "" {
				n = "1"
			}
			cards := map[string]string{
				"1": `<article class="offer-card" data-offer-id="9001" data-price="35.00" data-currency="EUR" data-seller="nitrolab"><h3><a href="/tf/offers/9001">Nitroethane 500 ml</a></h3><p class="excerpt">Telegram @nitro</p></article>`,
				"2": `<article class="offer-card" data-offer-id="9002" data-price="12.00" data-currency="EUR" data-seller="glassco"><h3><a href="/tf/offers/9002">Round flask 1 l</a></h3><p class="excerpt">Borosilicate</p></article>`,
			}[n]
			next := ""
			if n == "1" {
				next = `<turbo-frame id="offers_page_2" src="/tf/offers?page=2" loading="lazy" target="_top"></turbo-frame>`
			}
			frame := `<turbo-frame id="offers_page_` + n + `">` + cards + next + `</turbo-frame>`
			if n == "1" {
				page(w, `<html><body><main>`+frame+`</main></body></html>`)
				return
			}
			page(w, `<html><body>`+frame+`</body></html>`)
		// 11. A plain <template> holding the results.
		case p == "/tp/search":
			page(w, `<html><body><div id="results"></div><template id="results-tpl"><div class="result" data-id="t1"><h2>Safrole 99%</h2><p class="desc">Ships from NL</p><b class="price">€150</b><i class="seller">saf_nl</i></div><div class="result" data-id="t2"><h2>Acetone</h2><p class="desc">Solvent</p><b class="price">€9</b><i class="seller">solv</i></div></template><script>document.getElementById('results').append(document.getElementById('results-tpl').content.cloneNode(true))</script></body></html>`)
		// 12. Microdata joined by itemref.
		case p == "/ir/item/55":
			page(w, `<html><body><div class="layout"><section class="gallery"><div itemscope itemtype="https://schema.org/Product" itemref="item-desc item-offer item-seller"><h1 itemprop="name">GBL 1 l</h1></div></section><section class="tabs"><div id="item-desc" itemprop="description">Cleaner, discreet packaging</div></section><aside><div id="item-offer" itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="49.00">49,00 €</span><meta itemprop="priceCurrency" content="EUR"></div><div id="item-seller" itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">gbl_direct</span></div></aside></div></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: inertia
    platform: Inertia
    kind: json
    start_urls: ["%[1]s/in/shop"]
    allow_private_networks: true
    delay: 0s
    json:
      items: props.products.data
      next_page: props.products.next_page_url
      fields: {id: id, title: name, description: description, price: price, seller: seller.name, url: "%[1]s/in/products/{id}"}
  - name: yoast
    platform: Yoast
    start_urls: ["%[1]s/yo/"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.woocommerce-LoopProduct-link"]
    listing:
      url_pattern: "^/yo/product/[^/]+/$"
  - name: angular
    platform: Angular
    kind: json
    start_urls: ["%[1]s/ng/catalog"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: sku, title: title, description: text, price: price, seller: vendor}
  - name: astro
    platform: Astro
    kind: json
    start_urls: ["%[1]s/as/shop"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: slug, title: name, description: summary, price: price, seller: seller.name}
  - name: microdata-list
    platform: MicrodataList
    start_urls: ["%[1]s/md/category/solvents"]
    allow_private_networks: true
    delay: 0s
  - name: sveltekit
    platform: SvelteKit
    kind: json
    start_urls: ["%[1]s/sk/shop"]
    allow_private_networks: true
    delay: 0s
    json:
      items: body.products
      fields: {id: id, title: title, description: description, price: price, seller: store.name}
  - name: iri
    platform: IRI
    start_urls: ["%[1]s/iri/p/ephedrine"]
    allow_private_networks: true
    delay: 0s
  - name: board1251
    platform: Board1251
    start_urls: ["%[1]s/tb/board.php"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: "table.board tr.ad"
      fields: {url: "td:nth-child(1) a@href", title: "td:nth-child(1)", description: "td:nth-child(2)", price: "td:nth-child(3)", seller: "td:nth-child(4)"}
  - name: loadmore
    platform: LoadMore
    start_urls: ["%[1]s/lm/catalog"]
    allow_private_networks: true
    delay: 0s
    next_page: ["button.load-more@data-offset"]
    listing:
      item: div.offer
      fields: {url: "a.t@href", title: a.t, price: span.p, seller: span.s}
  - name: turbo
    platform: Turbo
    start_urls: ["%[1]s/tf/offers"]
    allow_private_networks: true
    delay: 0s
    next_page: ["turbo-frame[loading=lazy]@src"]
    listing:
      item: article.offer-card
      fields: {id: "@data-offer-id", url: "h3 a@href", title: h3, description: p.excerpt, price: "@data-price", seller: "@data-seller"}
  - name: template
    platform: Template
    start_urls: ["%[1]s/tp/search"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.result
      fields: {id: "@data-id", title: h2, description: p.desc, price: b.price, seller: i.seller}
  - name: itemref
    platform: Itemref
    start_urls: ["%[1]s/ir/item/55"]
    allow_private_networks: true
    delay: 0s
    listing:
      fields: {title: "h1[itemprop=name]", description: "[itemprop=description]", price: "[itemprop=price]@content"}
`, srv.URL))
	for _, tc := range []struct{ key, title, price, desc, seller string }{
		{"41", "Safrole oil 1 l", "120.00 EUR", "Ships discreetly", "chemking"},
		{"42", "Acetone 5 l", "19.90 EUR", "Lab grade", "solvents4u"},
		{"43", "PMK glycidate 1 kg", "900 EUR", "Wickr: pmk", "chemking"},
		{"/yo/product/safrole-oil", "Safrole oil 1 l", "120.00 EUR", "Discreet shipping, crypto only", "ChemShop Ltd"},
		{"NG-1", "Benzyl cyanide 500 ml", "45 USD", "Ships to EU & UK", "nitrolab"},
		{"NG-2", "Beaker 250 ml", "4 USD", "Glass", "glassco"},
		{"safrole-oil", "Safrole oil 1 l", "120", "Wickr: saf", "chemking"},
		{"acetone", "Acetone 5 l", "19.9", "Lab grade", "solvents4u"},
		{"/md/p/71", "Nitroethane 1 l", "80.00 EUR", "", "nitrolab"},
		{"/md/p/72", "Toluene 5 l", "25.00 EUR", "", "solvents4u"},
		{"sk-1", "Red phosphorus 500 g", "60 EUR", "No paperwork", "redp"},
		{"/iri/p/ephedrine", "Ephedrine HCl 100 g", "90 USD", "No prescription", "pharma_direct"},
		{"/tb/view.php?id=501", "Сафрол 1 л", "15 000 руб.", "Доставка по всей России", "ХимТорг"},
		{"/tb/view.php?id=502", "Ацетон 5 л", "900 руб.", "Чистый, для лаборатории", "Реактив"},
		{"/lm/o/81", "Offer 81 GBL", "81.00 EUR", "", "seller81"},
		{"/lm/o/83", "Offer 83 GBL", "83.00 EUR", "", "seller83"},
		{"/lm/o/85", "Offer 85 GBL", "85.00 EUR", "", "seller85"},
		{"9001", "Nitroethane 500 ml", "35.00", "Telegram @nitro", "nitrolab"},
		{"9002", "Round flask 1 l", "12.00", "Borosilicate", "glassco"},
		{"t1", "Safrole 99%", "€150", "Ships from NL", "saf_nl"},
		{"t2", "Acetone", "€9", "Solvent", "solv"},
		{"/ir/item/55", "GBL 1 l", "49.00", "Cleaner, discreet packaging", ""},
	} {
		l, ok := got[tc.key]
		if !ok {
			t.Errorf("%s: not extracted", tc.key)
			continue
		}
		for _, f := range [][3]string{{"title", l.Title, tc.title}, {"price", l.Price, tc.price}, {"description", l.Description, tc.desc}, {"seller", l.Seller, tc.seller}} {
			if f[2] != "" && f[1] != f[2] {
				t.Errorf("%s: %s %q, want %q", tc.key, f[0], f[1], f[2])
			}
		}
	}
	if t.Failed() {
		keys := make([]string, 0, len(got))
		for k := range got {
			keys = append(keys, k)
		}
		t.Logf("got listings %q\n%s", keys, out)
	}
	for _, name := range []string{"inertia", "yoast", "angular", "astro", "microdata-list", "sveltekit", "iri", "board1251", "loadmore", "turbo", "template", "itemref"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
}

// quoteJSON12 quotes s as a JSON string.
func quoteJSON12(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
