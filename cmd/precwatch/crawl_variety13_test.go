package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Round 13 of marketplaces, end to end through `precwatch crawl`, each
// configured as a partner would from docs/CRAWLING.md. The shapes were
// checked against the earlier rounds first (grep of crawler, cmd and
// docs); the ones those cover (WooCommerce's Store API and X-WP-TotalPages,
// GraphQL over POST with Relay cursors, Link-header and rel="next"
// pagination, sitemaps, next_cursor feeds, Shopify's products.json,
// <meta itemprop=price content>, windows-1251 and EUC-JP in a <meta>)
// were replaced by:
//
//  1. a React Router v7 shop: the loaders' data only in the turbo-stream
//     its scripts enqueue (window.__reactRouterContext.streamController
//     .enqueue("[…]")), paged by the loader's nextPage
//  2. the same shop's single-fetch data URL (/shop.data), a raw
//     turbo-stream, read as a json target
//  3. a SvelteKit 2 shop: the route's data in the hydration script's
//     `const data = [null, {type: "data", data: {…}}]`, a JS literal
//  4. a Qwik City shop: server-rendered cards full of <!--qv--> virtual
//     comments and q: attributes, the price in <meta itemprop=price
//     content>, and the state in <script type="qwik/json">
//  5. a Shopify theme whose product pages carry the product only in
//     <script type="application/json" id="ProductJson-product-template">
//     (prices in cents), no JSON-LD or OpenGraph product
//  6. a microdata product joined by itemref, read without fields (the
//     gap round 12 left to field selectors)
//  7. a marketplace whose listing names its seller only through a link
//     to the seller's profile page (the name is on the listing, the
//     location only on the profile)
//  8. a GBK shop declaring its charset in a <meta> after more than 1024
//     bytes of inline script, the header without charset
//  9. a Shift_JIS shop declaring <meta charset="Shift_JIS"> after a long
//     head, the header without charset
//  10. a Hotwire shop whose "Load more" answers a Turbo Stream
//     (text/vnd.turbo-stream.html: <turbo-stream action="append">
//     <template>cards</template></turbo-stream>)
//  11. an Ember FastBoot shop: the catalogue in the shoebox,
//     <script type="fastboot/shoebox" id="shoebox-catalog">
//  12. an Apollo Client shop: the catalogue in window.__APOLLO_STATE__,
//     Apollo's normalized cache (the query's field stored with its
//     arguments, products({"first":2}), entities linked by {"__ref": …})
//  13. a Chinese single-page shop in GBK, declared only by <meta
//     charset="gbk">, its catalogue in window.__INITIAL_STATE__, read by
//     a json target
//
// Failing before this round: 1 and 2 (the page unparsable, the .data
// answer no listing), 3, 5, 6 (name only), 11, 12 and 13 (mojibake, the
// run complete); 4, 7, 8, 9 and 10 passed. After: all 13. Not read, as
// docs/CRAWLING.md says: the seller's location that only the profile page
// of 7 shows, and Qwik's qwik/json state (4 is read from its markup).
func TestVariety13Shops(t *testing.T) {
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
		// 1, 2. React Router v7 turbo-stream.
		case p == "/rr/shop" || p == "/rr/shop.data":
			stream := rrStream13(q.Get("page") == "2", p == "/rr/shop.data")
			if p == "/rr/shop.data" {
				w.Header().Set("Content-Type", "text/x-script")
				io.WriteString(w, stream)
				return
			}
			// The stream is enqueued in chunks, as the server flushes.
			cut := len(stream) / 2
			enq := func(s string) string {
				b, _ := json.Marshal(s) // as JSON.stringify writes it: "\n" escaped
				return `<script>window.__reactRouterContext.streamController.enqueue(` + string(b) + `);</script>`
			}
			page(w, `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><link rel="modulepreload" href="/assets/entry.client-x1.js"/></head><body><div class="skeleton"></div><script>window.__reactRouterContext = {"basename":"/","future":{"unstable_middleware":false},"ssr":true,"isSpaMode":false};window.__reactRouterContext.stream = new ReadableStream({start(controller){window.__reactRouterContext.streamController = controller;}}).pipeThrough(new TextEncoderStream());</script><script type="module" async="">import "/assets/manifest-a1.js";</script>`+
				enq(stream[:cut])+enq(stream[cut:])+`<script>window.__reactRouterContext.streamController.close();</script></body></html>`)
		// 3. SvelteKit 2 hydration data.
		case p == "/sv/shop":
			page(w, `<!doctype html><html lang="en"><head><meta charset="utf-8" /><link rel="modulepreload" href="./_app/immutable/entry/start.B1.js"></head><body data-sveltekit-preload-data="hover"><div style="display: contents"><main><h1>Shop</h1></main>
<script>
	{
		__sveltekit_1q2w3e = {
			base: new URL(".", location).pathname.slice(0, -1)
		};
		const element = document.currentScript.parentElement;
		const data = [null,{type:"data",data:{products:[{id:"sv-1",name:"Nitroethane 1 l",summary:"Wickr: nitro",price:{amount:80,currency:"EUR"},seller:{name:"nitrolab"}},{id:"sv-2",name:"Ethanol 1 l",summary:"Lab grade",price:{amount:9.5,currency:"EUR"},seller:{name:"solvents4u"}}],total:2},uses:{search_params:["page"]}}];
		Promise.all([
			import("./_app/immutable/entry/start.B1.js"),
			import("./_app/immutable/entry/app.C2.js")
		]).then(([kit, app]) => {
			kit.start(app, element, {
				node_ids: [0, 4],
				data,
				form: null,
				error: null
			});
		});
	}
</script>
</div></body></html>`)
		// 4. Qwik City.
		case p == "/qw/shop":
			card := func(id, name, desc, price, seller string) string {
				return `<article class="product-card" q:key="` + id + `" itemscope itemtype="https://schema.org/Product"><!--qv q:id=` + id + ` q:key=` + id + `--><h2 itemprop="name"><a href="/qw/p/` + id + `" q:id="a` + id + `"><!--t=1` + id + `-->` + name + `<!----></a></h2><p class="desc"><!--t=2` + id + `-->` + desc + `<!----></p><div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="` + price + `"><meta itemprop="priceCurrency" content="EUR"><span class="price">€ <!--t=3` + id + `-->` + price + `<!----></span></div><span class="seller">by <!--t=4` + id + `-->` + seller + `<!----></span><!--/qv--></article>`
			}
			page(w, `<!DOCTYPE html><html q:container="paused" q:version="1.5.1" q:render="ssr" q:base="/build/" q:locale="" q:manifest-hash="abc123"><head><meta charset="utf-8"><title>Shop</title></head><body><!--qv q:id=0 q:key=Ncbm:0t_0--><main class="grid"><!--qv q:id=1-->`+
				card("q1", "Benzyl chloride 1 l", "Discreet packaging", "110", "benzylco")+card("q2", "Glass funnel", "Borosilicate", "6", "glassco")+
				`<!--/qv--></main><!--/qv--><script type="qwik/json">{"refs":{"1":"0"},"ctx":{},"objs":[{"products":"1"},["2","3"],"\u0002/build/q-abc.js#s_click"],"subs":[]}</script><script q:func="qwik/json">document.currentScript.qFuncs=[]</script></body></html>`)
		// 5. Shopify theme: ProductJson-* only.
		case p == "/sh/collections/all":
			page(w, `<html><body><div class="collection"><div class="grid__item"><a class="grid-view-item__link" href="/sh/products/safrole-oil-1l">Safrole oil</a></div><div class="grid__item"><a class="grid-view-item__link" href="/sh/products/acetone-5l">Acetone</a></div></div></body></html>`)
		case strings.HasPrefix(p, "/sh/products/"):
			prod := map[string]string{
				"safrole-oil-1l": `{"id":7001,"title":"Safrole oil 1 l","handle":"safrole-oil-1l","description":"\u003cp\u003eShips discreetly, \u003cstrong\u003ecrypto only\u003c/strong\u003e\u003c/p\u003e","vendor":"chemking","type":"Oils","tags":["oil"],"price":12000,"price_min":12000,"price_max":12000,"available":true,"variants":[{"id":1,"title":"Default Title","price":12000,"sku":"SAF-1"}]}`,
				"acetone-5l":     `{"id":7002,"title":"Acetone 5 l","handle":"acetone-5l","description":"\u003cp\u003eLab grade\u003c/p\u003e","vendor":"solvents4u","type":"Solvents","tags":[],"price":1990,"price_min":1990,"price_max":1990,"available":true,"variants":[{"id":2,"title":"Default Title","price":1990,"sku":"ACE-5"}]}`,
			}[strings.TrimPrefix(p, "/sh/products/")]
			if prod == "" {
				http.NotFound(w, r)
				return
			}
			page(w, `<html><head><title>Shop</title><script>window.Shopify = window.Shopify || {};Shopify.shop = "chem.myshopify.com";Shopify.currency = {"active":"EUR","rate":"1.0"};</script></head><body><div class="product-single" data-section-id="product-template" data-section-type="product"><div class="product-single__meta"><h1 class="product-single__title"></h1></div></div><script type="application/json" id="ProductJson-product-template">`+prod+`</script></body></html>`)
		// 6. Microdata joined by itemref, no fields.
		case p == "/ir2/item/56":
			page(w, `<html><body><div class="layout"><section class="gallery"><div itemscope itemtype="https://schema.org/Product" itemref="d56 o56"><h1 itemprop="name">GBL 1 l</h1></div></section><section class="tabs"><div id="d56" itemprop="description">Cleaner, discreet packaging</div></section><aside><div id="o56" itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="49.00">49,00 €</span><meta itemprop="priceCurrency" content="EUR"><div itemprop="seller" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">gbl_direct</span></div></div></aside></div></body></html>`)
		// 7. Seller behind a profile link.
		case p == "/sp/ads":
			page(w, `<html><body><ul class="ads"><li><a class="ad-link" href="/sp/ad/301">Ephedrine 50 g</a></li><li><a class="ad-link" href="/sp/ad/302">Ethanol 1 l</a></li></ul></body></html>`)
		case p == "/sp/ad/301" || p == "/sp/ad/302":
			id := strings.TrimPrefix(p, "/sp/ad/")
			title, desc, seller, uid := "Ephedrine 50 g", "No prescription needed, Telegram @eph", "pharma_joe", "77"
			if id == "302" {
				title, desc, seller, uid = "Ethanol 1 l", "96%, lab use", "labsupply", "78"
			}
			page(w, `<html><body><h1 class="ad-title">`+title+`</h1><div class="ad-body">`+desc+`</div><div class="ad-price">30 USD</div><div class="ad-owner"><img src="/sp/avatars/`+uid+`.png" alt=""><a class="owner-link" href="/sp/user/`+uid+`">`+seller+`</a></div></body></html>`)
		case strings.HasPrefix(p, "/sp/user/"):
			page(w, `<html><body><h1>Seller profile</h1><div class="loc">Lagos, Nigeria</div></body></html>`)
		// 8. GBK declared late.
		case p == "/gb/list.html":
			w.Header().Set("Content-Type", "text/html")
			b, _ := simplifiedchinese.GBK.NewEncoder().String(`<html><head><script type="text/javascript">var _hmt = _hmt || [];` + strings.Repeat(`(function(){var hm=document.createElement("script");hm.src="https://hm.example/hm.js?0123456789abcdef";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);})();`, 8) + `</script><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>化工产品列表</title></head><body><div class="list"><div class="item"><a class="name" href="/gb/p/11.html">胡椒基甲基酮 1公斤</a><p class="intro">保证清关，安全送达</p><span class="price">￥8800</span><span class="company">武汉某化工有限公司</span></div><div class="item"><a class="name" href="/gb/p/12.html">丙酮 25升</a><p class="intro">工业级</p><span class="price">￥300</span><span class="company">上海试剂公司</span></div></div></body></html>`)
			io.WriteString(w, b)
		// 9. Shift_JIS declared late.
		case p == "/sj/items.html":
			w.Header().Set("Content-Type", "text/html")
			b, _ := japanese.ShiftJIS.NewEncoder().String(`<html><head><style>` + strings.Repeat(`.item-card .item-card__title{font-weight:bold;margin:0 0 4px 0;color:#333}`, 16) + `</style><meta charset="Shift_JIS"><title>商品一覧</title></head><body><ul class="items"><li class="item"><a class="ttl" href="/sj/item/21">エフェドリン塩酸塩 100g</a><p class="txt">処方箋不要、匿名配送</p><span class="prc">12,800円</span><span class="shop">薬品ショップ</span></li><li class="item"><a class="ttl" href="/sj/item/22">エタノール 500ml</a><p class="txt">消毒用</p><span class="prc">980円</span><span class="shop">ドラッグ堂</span></li></ul></body></html>`)
			io.WriteString(w, b)
		// 10. Turbo Stream "load more".
		case p == "/ts/offers":
			n := q.Get("page")
			cards := map[string]string{
				"":  `<article class="offer" id="offer_601"><a class="t" href="/ts/offers/601">Red phosphorus 250 g</a><span class="p">45 EUR</span><span class="s">redp</span></article>`,
				"2": `<article class="offer" id="offer_602"><a class="t" href="/ts/offers/602">Iodine 100 g</a><span class="p">20 EUR</span><span class="s">halogen</span></article>`,
				"3": `<article class="offer" id="offer_603"><a class="t" href="/ts/offers/603">Test tubes</a><span class="p">5 EUR</span><span class="s">glassco</span></article>`,
			}[n]
			more := map[string]string{"": "2", "2": "3"}[n]
			pager := ""
			if more != "" {
				pager = `<a class="load-more" data-turbo-stream="true" href="/ts/offers?page=` + more + `">Load more</a>`
			}
			if n == "" {
				page(w, `<html><body><div id="offers">`+cards+`</div><div id="pager">`+pager+`</div></body></html>`)
				return
			}
			w.Header().Set("Content-Type", "text/vnd.turbo-stream.html; charset=utf-8")
			io.WriteString(w, `<turbo-stream action="append" target="offers"><template>`+cards+`</template></turbo-stream>
<turbo-stream action="update" target="pager"><template>`+pager+`</template></turbo-stream>`)
		// 11. Ember FastBoot shoebox.
		case p == "/em/catalog":
			box := `{"data":[{"type":"listing","id":"e1","attributes":{"title":"Acetic anhydride 1 l","body":"Safe delivery to EU","price":"140 EUR","seller-name":"acetyl"}},{"type":"listing","id":"e2","attributes":{"title":"Pipettes","body":"Pack of 100","price":"8 EUR","seller-name":"glassco"}}]}`
			page(w, `<!DOCTYPE html><html><head><meta name="shop/config/environment" content="%7B%22modulePrefix%22%3A%22shop%22%7D"></head><body><script type="x/boundary" id="fastboot-body-start"></script><div class="ember-view"><h1>Catalog</h1></div><script type="x/boundary" id="fastboot-body-end"></script><script type="fastboot/shoebox" id="shoebox-catalog">`+box+`</script><script src="/assets/vendor.js"></script><script src="/assets/shop.js"></script></body></html>`)
		// 12. Apollo's normalized cache.
		case p == "/ap/shop":
			cache := `{"Seller:5":{"__typename":"Seller","id":"5","name":"chemking","country":"NL"},` +
				`"Product:51":{"__typename":"Product","id":"51","name":"Benzaldehyde 1 l","description":"Crypto only","price":{"__typename":"Money","amount":"65.00","currency":"EUR"},"seller":{"__ref":"Seller:5"}},` +
				`"Product:52":{"__typename":"Product","id":"52","name":"Filter paper","description":"100 sheets","price":{"__typename":"Money","amount":"4.00","currency":"EUR"},"seller":{"__ref":"Seller:5"}},` +
				`"ROOT_QUERY":{"__typename":"Query","products({\"first\":2})":{"__typename":"ProductConnection","edges":[{"__typename":"ProductEdge","node":{"__ref":"Product:51"}},{"__typename":"ProductEdge","node":{"__ref":"Product:52"}}],"pageInfo":{"hasNextPage":false}}}}`
			page(w, `<html><head><title>Shop</title></head><body><div id="root"></div><script>window.__APOLLO_STATE__=`+cache+`;</script><script src="/static/js/main.js"></script></body></html>`)
		// 13. App state in a GBK page declared by <meta> only.
		case p == "/gs/list":
			w.Header().Set("Content-Type", "text/html")
			b, _ := simplifiedchinese.GBK.NewEncoder().String(`<!DOCTYPE html><html><head><meta charset="gbk"><title>商品列表</title></head><body><div id="app"></div><script>window.__INITIAL_STATE__={"list":{"items":[{"itemId":"g1","title":"麻黄碱 100克","desc":"无需处方","price":"￥900","shop":{"name":"广州药业"}},{"itemId":"g2","title":"乙醇 500毫升","desc":"医用","price":"￥20","shop":{"name":"上海试剂"}}]}};</script></body></html>`)
			io.WriteString(w, b)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: reactrouter
    platform: ReactRouter
    kind: json
    start_urls: ["%[1]s/rr/shop"]
    allow_private_networks: true
    delay: 0s
    json:
      items: 'loaderData["routes/shop"].products'
      next_page: 'loaderData["routes/shop"].nextPage'
      fields: {id: id, title: name, description: summary, price: price, seller: seller.name}
  - name: reactrouter-data
    platform: ReactRouterData
    kind: json
    start_urls: ["%[1]s/rr/shop.data"]
    allow_private_networks: true
    delay: 0s
    json:
      items: 'routes/shop.data.products'
      fields: {id: id, title: name, description: summary, price: price, seller: seller.name}
  - name: sveltekit-data
    platform: SvelteKitData
    kind: json
    start_urls: ["%[1]s/sv/shop"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: id, title: name, description: summary, price: price, seller: seller.name}
  - name: qwik
    platform: Qwik
    start_urls: ["%[1]s/qw/shop"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: article.product-card
      fields: {url: "h2 a@href", title: h2, description: p.desc, price: "meta[itemprop=price]@content", seller: span.seller}
  - name: shopify-theme
    platform: ShopifyTheme
    start_urls: ["%[1]s/sh/collections/all"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.grid-view-item__link"]
    listing:
      url_pattern: "^/sh/products/"
  - name: itemref-auto
    platform: ItemrefAuto
    start_urls: ["%[1]s/ir2/item/56"]
    allow_private_networks: true
    delay: 0s
  - name: seller-profile
    platform: SellerProfile
    start_urls: ["%[1]s/sp/ads"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.ad-link"]
    listing:
      url_pattern: "^/sp/ad/\\d+$"
      fields: {title: h1.ad-title, description: div.ad-body, price: div.ad-price, seller: a.owner-link, seller_profile: "a.owner-link@href"}
  - name: gbk-late
    platform: GBKLate
    start_urls: ["%[1]s/gb/list.html"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.item
      fields: {url: "a.name@href", title: a.name, description: p.intro, price: span.price, seller: span.company}
  - name: sjis-late
    platform: SJISLate
    start_urls: ["%[1]s/sj/items.html"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: li.item
      fields: {url: "a.ttl@href", title: a.ttl, description: p.txt, price: span.prc, seller: span.shop}
  - name: turbo-stream
    platform: TurboStream
    start_urls: ["%[1]s/ts/offers"]
    allow_private_networks: true
    delay: 0s
    next_page: ["a.load-more"]
    listing:
      item: article.offer
      fields: {url: "a.t@href", title: a.t, price: span.p, seller: span.s}
  - name: ember
    platform: Ember
    kind: json
    start_urls: ["%[1]s/em/catalog"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data
      fields: {id: id, title: attributes.title, description: attributes.body, price: attributes.price, seller: "attributes.seller-name"}
  - name: apollo
    platform: Apollo
    kind: json
    start_urls: ["%[1]s/ap/shop"]
    allow_private_networks: true
    delay: 0s
    json:
      items: ROOT_QUERY.products.edges.node
      fields: {id: id, title: name, description: description, price: price, seller: seller.name, location: seller.country}
  - name: gbk-state
    platform: GBKState
    kind: json
    start_urls: ["%[1]s/gs/list"]
    allow_private_networks: true
    delay: 0s
    json:
      items: list.items
      fields: {id: itemId, title: title, description: desc, price: price, seller: shop.name}
`, srv.URL))
	for _, tc := range []struct{ key, title, price, desc, seller string }{
		{"rr-1", "Safrole oil 1 l", "120.00 EUR", "Ships discreetly", "chemking"},
		{"rr-2", "Acetone 5 l", "19.90 EUR", "Lab grade", "solvents4u"},
		{"rr-3", "PMK glycidate 1 kg", "900 EUR", "Wickr: pmk", "chemking"},
		{"sv-1", "Nitroethane 1 l", "80 EUR", "Wickr: nitro", "nitrolab"},
		{"sv-2", "Ethanol 1 l", "9.5 EUR", "Lab grade", "solvents4u"},
		{"/qw/p/q1", "Benzyl chloride 1 l", "110", "Discreet packaging", "by benzylco"},
		{"/qw/p/q2", "Glass funnel", "6", "Borosilicate", "by glassco"},
		{"/sh/products/safrole-oil-1l", "Safrole oil 1 l", "120.00 EUR", "Ships discreetly, crypto only", "chemking"},
		{"/sh/products/acetone-5l", "Acetone 5 l", "19.90 EUR", "Lab grade", "solvents4u"},
		{"/ir2/item/56", "GBL 1 l", "49.00 EUR", "Cleaner, discreet packaging", "gbl_direct"},
		{"/sp/ad/301", "Ephedrine 50 g", "30 USD", "No prescription needed, Telegram @eph", "pharma_joe"},
		{"/sp/ad/302", "Ethanol 1 l", "30 USD", "96%, lab use", "labsupply"},
		{"/gb/p/11.html", "胡椒基甲基酮 1公斤", "￥8800", "保证清关，安全送达", "武汉某化工有限公司"},
		{"/gb/p/12.html", "丙酮 25升", "￥300", "工业级", "上海试剂公司"},
		{"/sj/item/21", "エフェドリン塩酸塩 100g", "12,800円", "処方箋不要、匿名配送", "薬品ショップ"},
		{"/sj/item/22", "エタノール 500ml", "980円", "消毒用", "ドラッグ堂"},
		{"/ts/offers/601", "Red phosphorus 250 g", "45 EUR", "", "redp"},
		{"/ts/offers/602", "Iodine 100 g", "20 EUR", "", "halogen"},
		{"/ts/offers/603", "Test tubes", "5 EUR", "", "glassco"},
		{"e1", "Acetic anhydride 1 l", "140 EUR", "Safe delivery to EU", "acetyl"},
		{"e2", "Pipettes", "8 EUR", "Pack of 100", "glassco"},
		{"51", "Benzaldehyde 1 l", "65.00 EUR", "Crypto only", "chemking"},
		{"52", "Filter paper", "4.00 EUR", "100 sheets", "chemking"},
		{"g1", "麻黄碱 100克", "￥900", "无需处方", "广州药业"},
		{"g2", "乙醇 500毫升", "￥20", "医用", "上海试剂"},
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
	if l, ok := got["/sp/ad/301"]; ok {
		if want := srv.URL + "/sp/user/77"; l.Attributes["seller_profile"] != want {
			t.Errorf("/sp/ad/301: seller_profile %q, want %q", l.Attributes["seller_profile"], want)
		}
	}
	if t.Failed() {
		keys := make([]string, 0, len(got))
		for k := range got {
			keys = append(keys, k)
		}
		t.Logf("got listings %q\n%s", keys, out)
	}
	for _, name := range []string{"reactrouter", "reactrouter-data", "sveltekit-data", "qwik", "shopify-theme", "itemref-auto", "seller-profile", "gbk-late", "sjis-late", "turbo-stream", "ember", "apollo", "gbk-state"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
}

// rrStream13 is a React Router v7 turbo-stream of the shop's loader data
// (the page's, or with dataURL the single-fetch answer keyed by route id).
func rrStream13(second, dataURL bool) string {
	product := func(id, name, summary, amount, seller string) ts13 {
		return ts13{"id", id, "name", name, "summary", summary, "price", ts13{"amount", amount, "currency", "EUR"}, "seller", ts13{"name", seller}, "image", nil}
	}
	products, next := []any{product("rr-1", "Safrole oil 1 l", "Ships discreetly", "120.00", "chemking"), product("rr-2", "Acetone 5 l", "Lab grade", "19.90", "solvents4u")}, any("/rr/shop?page=2")
	if second {
		products, next = []any{product("rr-3", "PMK glycidate 1 kg", "Wickr: pmk", "900", "chemking")}, nil
	}
	shop := ts13{"products", products, "nextPage", next}
	if dataURL {
		return flattenTurbo13(ts13{"root", ts13{"data", ts13{"user", nil}}, "routes/shop", ts13{"data", shop}})
	}
	return flattenTurbo13(ts13{"loaderData", ts13{"root", ts13{"user", nil}, "routes/shop", shop}, "actionData", nil, "errors", nil})
}

// ts13 is an object for flattenTurbo13: keys and values in turn, in order.
type ts13 []any

// flattenTurbo13 writes v as turbo-stream v2 does (React Router's vendored
// flatten.ts): one JSON array of values, index 0 the root; an object as
// {"_<key index>": <value index>}, an array as its values' indexes, null
// as -5, a value seen before (a string, here) by its first index.
func flattenTurbo13(v any) string {
	var vals []string
	seen := map[string]int{}
	var flat func(v any) int
	flat = func(v any) int {
		switch x := v.(type) {
		case nil:
			return -5
		case string:
			if i, ok := seen[x]; ok {
				return i
			}
			seen[x] = len(vals)
			vals = append(vals, quoteJSON12(x))
			return len(vals) - 1
		case ts13:
			i := len(vals)
			vals = append(vals, "")
			var parts []string
			for j := 0; j+1 < len(x); j += 2 {
				k := flat(x[j])
				parts = append(parts, fmt.Sprintf(`"_%d":%d`, k, flat(x[j+1])))
			}
			vals[i] = "{" + strings.Join(parts, ",") + "}"
			return i
		case []any:
			i := len(vals)
			vals = append(vals, "")
			var parts []string
			for _, e := range x {
				parts = append(parts, fmt.Sprint(flat(e)))
			}
			vals[i] = "[" + strings.Join(parts, ",") + "]"
			return i
		}
		return -7 // undefined
	}
	flat(v)
	return "[" + strings.Join(vals, ",") + "]\n"
}
