package crawler_test

// Crawler variety round 8: marketplace shapes a partner would point
// precwatch at, each a loopback shop with the configuration a partner writes
// from README.md and docs/CRAWLING.md, and the listings they expect.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/config"
	"github.com/precwatch/precwatch/crawler"
	"golang.org/x/text/encoding/charmap"
)

// v8Product is one product of the shops below.
type v8Product struct {
	ID    int
	Slug  string
	Title string
	Desc  string
	Price string // "12.50"
}

var v8Products = []v8Product{
	{101, "acetone-99-5", "Acetone 99.5% technical", "Technical grade acetone in 20 l canisters, 99.5% purity.", "12.50"},
	{102, "sulfuric-acid-96", "Sulfuric acid 96%", "Battery grade sulfuric acid, 1 l bottles.", "8.90"},
	{103, "potassium-permanganate", "Potassium permanganate 500 g", "Crystalline KMnO4 for water treatment.", "23.00"},
	{104, "toluene-1l", "Toluene 1 l", "Solvent grade toluene, lab use only.", "15.75"},
	{105, "hydrochloric-acid-37", "Hydrochloric acid 37%", "Fuming hydrochloric acid, 2.5 l.", "19.99"},
}

// v8Page returns the products of 1-based page n, size per page.
func v8Page(n, size int) []v8Product {
	lo := (n - 1) * size
	if n < 1 || lo >= len(v8Products) {
		return nil
	}
	return v8Products[lo:min(lo+size, len(v8Products))]
}

func v8Pages(size int) int { return (len(v8Products) + size - 1) / size }

func v8JSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}

func v8Atoi(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return n
}

// v8Want is one listing a partner expects; matched by id when set, else by url.
type v8Want struct {
	id, url, title, price, desc, seller string
}

// v8Site is one shop and the target a partner writes for it.
type v8Site struct {
	name string
	// handler serves the shop; base is its http://127.0.0.1:port.
	handler func(base string) http.Handler
	// target is the YAML of one target, with {{base}} for the shop's address.
	target string
	want   func(base string) []v8Want
}

// v8Crawl parses the target as config.Parse does and crawls it.
func v8Crawl(t *testing.T, yml string) (*crawler.Run, []precwatch.Listing) {
	t.Helper()
	var b strings.Builder
	b.WriteString("targets:\n")
	for i, line := range strings.Split(strings.TrimSpace(yml), "\n") {
		if i == 0 {
			b.WriteString("  - " + line + "\n")
			continue
		}
		b.WriteString("    " + line + "\n")
	}
	cfg, err := config.Parse("variety8.yml", []byte(b.String()), os.Getenv)
	if err != nil {
		t.Fatalf("config: %v\n%s", err, b.String())
	}
	c, err := crawler.New(crawler.Options{DataDir: t.TempDir(), RetryBase: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var mu sync.Mutex
	var got []precwatch.Listing
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	run, err := c.Run(ctx, cfg.Targets[0], crawler.SinkFunc(func(_ context.Context, l precwatch.Listing) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, l)
		return nil
	}))
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return run, got
}

func v8Check(t *testing.T, run *crawler.Run, got []precwatch.Listing, want []v8Want) {
	t.Helper()
	ids := map[string]int{}
	urls := map[string]int{}
	for _, l := range got {
		ids[l.ID]++
		urls[l.URL]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("listing id %q delivered %d times", id, n)
		}
	}
	for u, n := range urls {
		if n > 1 && u != "" && v8WantsURLs(want) {
			t.Errorf("listing url %q delivered %d times", u, n)
		}
	}
	for _, w := range want {
		var l *precwatch.Listing
		for i := range got {
			if (w.id != "" && got[i].ID == w.id) || (w.id == "" && v8SameURL(got[i].URL, w.url)) {
				l = &got[i]
				break
			}
		}
		if l == nil {
			t.Errorf("missing listing id=%q url=%q (%s)", w.id, w.url, w.title)
			continue
		}
		if w.url != "" && !v8SameURL(l.URL, w.url) {
			t.Errorf("%s: url %q, want %q", w.title, l.URL, w.url)
		}
		if l.Title != w.title {
			t.Errorf("%s: title %q, want %q", w.id+w.url, l.Title, w.title)
		}
		if w.price != "" && !strings.Contains(l.Price, w.price) {
			t.Errorf("%s: price %q, want it to hold %q", w.title, l.Price, w.price)
		}
		if w.desc != "" && !strings.Contains(l.Description, w.desc) {
			t.Errorf("%s: description %q, want it to hold %q", w.title, l.Description, w.desc)
		}
		if strings.ContainsAny(l.Description, "<>") {
			t.Errorf("%s: description holds markup: %q", w.title, l.Description)
		}
		if w.seller != "" && l.Seller != w.seller {
			t.Errorf("%s: seller %q, want %q", w.title, l.Seller, w.seller)
		}
	}
	if len(got) != len(want) {
		var titles []string
		for _, l := range got {
			titles = append(titles, l.ID+" "+l.URL+" "+l.Title)
		}
		t.Errorf("%d listings, want %d:\n%s", len(got), len(want), strings.Join(titles, "\n"))
	}
	if !run.Complete {
		t.Errorf("run not complete: errors %v, start failed %v, hit max %v", run.ErrorsByKind, run.StartFailed, run.HitMax)
	}
}

func v8WantsURLs(want []v8Want) bool {
	for _, w := range want {
		if w.url == "" {
			return false
		}
	}
	return true
}

// v8SameURL compares two URLs as a server reads them: query parameters in
// any order, escaped or not.
func v8SameURL(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil {
		return a == b
	}
	return ua.Scheme == ub.Scheme && ua.Host == ub.Host && ua.Path == ub.Path && ua.Query().Encode() == ub.Query().Encode()
}

// v8All expects every product, named by idf and urlf (either may be nil).
func v8All(idf, urlf func(p v8Product) string) []v8Want {
	var out []v8Want
	for _, p := range v8Products {
		w := v8Want{title: p.Title, price: p.Price, desc: p.Desc}
		if idf != nil {
			w.id = idf(p)
		}
		if urlf != nil {
			w.url = urlf(p)
		}
		out = append(out, w)
	}
	return out
}

func TestVariety8(t *testing.T) {
	for _, s := range variety8Sites() {
		t.Run(s.name, func(t *testing.T) {
			var h http.Handler
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
			defer srv.Close()
			base := srv.URL
			h = s.handler(base)
			run, got := v8Crawl(t, strings.ReplaceAll(s.target, "{{base}}", base))
			v8Check(t, run, got, s.want(base))
		})
	}
}

func variety8Sites() []v8Site {
	return []v8Site{
		v8Shopify(), v8Nuxt3(), v8Nuxt2(), v8NextRSC(), v8Magento(), v8PrestaShop(), v8OpenCart(), v8Atom(), v8OData(), v8Strapi(), v8Hydra(), v8Contentful(), v8Solr(), v8Board1251(),
	}
}

// Shopify: /collections/x/products.json?page=N, descriptions as body_html,
// prices on the variants, product pages named by handle. Past the last page
// Shopify answers {"products": []}.
func v8Shopify() v8Site {
	return v8Site{
		name: "shopify-collection-json",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/collections/solvents/products.json", func(w http.ResponseWriter, r *http.Request) {
				limit := v8Atoi(r.URL.Query().Get("limit"), 30)
				var ps []map[string]any
				for _, p := range v8Page(v8Atoi(r.URL.Query().Get("page"), 1), limit) {
					ps = append(ps, map[string]any{
						"id": 7000000 + p.ID, "title": p.Title, "handle": p.Slug, "vendor": "ChemSupply",
						"body_html": "<p>" + strings.Replace(p.Desc, "grade", "<strong>grade</strong>", 1) + "</p>\n<ul><li>UN-listed</li></ul>",
						"variants":  []map[string]any{{"id": 4000000 + p.ID, "price": p.Price, "sku": "SKU-" + p.Slug}},
						"images":    []any{},
					})
				}
				if ps == nil {
					ps = []map[string]any{}
				}
				v8JSON(w, map[string]any{"products": ps})
			})
			return mux
		},
		target: `name: shopify
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/collections/solvents/products.json?limit=2&page=1"]
json:
  items: products
  fields: {id: id, title: title, description: body_html, price: variants.0.price, seller: vendor,
           url: "{{base}}/products/{handle}"}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(7000000 + p.ID) },
				func(p v8Product) string { return base + "/products/" + p.Slug })
		},
	}
}

// Nuxt 3 serialises its payload with devalue into <script id="__NUXT_DATA__">:
// a flat array whose objects hold the indexes of their values.
func v8Nuxt3() v8Site {
	return v8Site{
		name: "nuxt3-devalue-payload",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/catalog", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				// [0] ShallowReactive → 1; 1: {data: 2, state: 3}; 2: ShallowReactive → 4;
				// 4: {catalog: 5}; 5: {products: 6, page: 7, next: 8}; 6: [indexes…]
				arr := []any{
					[]any{"ShallowReactive", 1},
					map[string]int{"data": 2, "state": 3, "once": 9, "_errors": 10, "serverRendered": 11},
					[]any{"ShallowReactive", 4},
					map[string]any{},
					map[string]int{"catalog": 5},
					map[string]int{"products": 6, "page": 7, "next": 8},
					nil, // products, filled below
					n,
					nil, // next
					[]any{"Set"},
					[]any{"ShallowReactive", 12},
					true,
					map[string]any{},
				}
				var idx []int
				for _, p := range v8Page(n, 2) {
					o := map[string]int{}
					for _, kv := range []struct {
						k string
						v any
					}{{"id", p.ID}, {"name", p.Title}, {"description", p.Desc}, {"price", p.Price}, {"path", "/product/" + p.Slug}} {
						o[kv.k] = len(arr)
						arr = append(arr, kv.v)
					}
					idx = append(idx, len(arr))
					arr = append(arr, o)
				}
				if idx == nil {
					idx = []int{}
				}
				arr[6] = idx
				if n < v8Pages(2) {
					arr[8] = n + 1
				} else {
					arr[8] = nil
				}
				payload, _ := json.Marshal(arr)
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Catalogue</title></head><body><div id="__nuxt"><div class="loading"></div></div>
<script type="application/json" data-nuxt-data="nuxt-app" data-ssr="true" id="__NUXT_DATA__">%s</script>
<script>window.__NUXT__={};window.__NUXT__.config={public:{},app:{baseURL:"/",buildId:"9f1c",buildAssetsDir:"/_nuxt/",cdnURL:""}}</script>
<script type="module" src="/_nuxt/entry.js" crossorigin></script></body></html>`, payload)
			})
			return mux
		},
		target: `name: nuxt3
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/catalog?page=1"]
json:
  items: data.catalog.products
  next_page: data.catalog.next
  fields: {id: id, title: name, description: description, price: price, url: path}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(p.ID) },
				func(p v8Product) string { return base + "/product/" + p.Slug })
		},
	}
}

// Nuxt 2 with payload extraction writes window.__NUXT__ as a function call:
// (function(a,b,…){return {…}}(v1,v2,…)), values shared through parameters,
// keys unquoted, slashes as \u002F.
func v8Nuxt2() v8Site {
	return v8Site{
		name: "nuxt2-function-state",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/shop/", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				var items []string
				for _, p := range v8Page(n, 2) {
					items = append(items, fmt.Sprintf(`{id:%d,title:%q,text:%q,price:{amount:%s,currency:a},seller:b,link:"\u002Fshop\u002Fitem\u002F%d"}`,
						p.ID, p.Title, p.Desc, p.Price, p.ID))
				}
				next := "c"
				if n < v8Pages(2) {
					next = fmt.Sprintf(`"\u002Fshop\u002F?page=%d"`, n+1)
				}
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprintf(w, `<!doctype html><html><head><title>Shop</title></head><body><div id="__nuxt"></div>
<script>window.__NUXT__=(function(a,b,c,d){return {layout:"default",data:[{products:[%s],next:%s,total:5}],fetch:{},error:c,state:{cart:{items:[]},user:c,flags:{beta:d}},serverRendered:true,routePath:"\u002Fshop\u002F",config:{_app:{basePath:"\u002F",assetsPath:"\u002F_nuxt\u002F",cdnURL:c}}}}("EUR","ChemSupply",null,false));</script>
<script src="/_nuxt/runtime.js" defer></script></body></html>`, strings.Join(items, ","), next)
			})
			return mux
		},
		target: `name: nuxt2
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/shop/?page=1"]
json:
  items: data.0.products
  next_page: data.0.next
  fields: {id: id, title: title, description: text, price: price, seller: seller, url: link}`,
		want: func(base string) []v8Want {
			w := v8All(func(p v8Product) string { return strconv.Itoa(p.ID) },
				func(p v8Product) string { return base + "/shop/item/" + strconv.Itoa(p.ID) })
			for i := range w {
				w[i].seller = "ChemSupply"
				w[i].price = strings.TrimRight(strings.TrimRight(w[i].price, "0"), ".")
			}
			return w
		},
	}
}

// Next.js app router pages carry their data only in the React Server
// Components stream: self.__next_f.push([1,"…"]) chunks of "id:json" rows.
func v8NextRSC() v8Site {
	return v8Site{
		name: "nextjs-app-router-rsc",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/de/katalog", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				var ps []map[string]any
				for _, p := range v8Page(n, 2) {
					ps = append(ps, map[string]any{"id": "p" + strconv.Itoa(p.ID), "title": p.Title, "summary": p.Desc,
						"price": map[string]any{"amount": p.Price, "currency": "EUR"}, "href": "/de/produkt/" + p.Slug})
				}
				props := map[string]any{"catalog": map[string]any{"products": ps, "page": n, "pageCount": v8Pages(2)}}
				row, _ := json.Marshal([]any{"$", "$L7", nil, props})
				rows := []string{
					`0:["$","$L1",null,{"buildId":"x9","assetPrefix":"","initialCanonicalUrl":"/de/katalog"}]` + "\n",
					`1:I[5613,["613","static/chunks/613.js"],"default"]` + "\n",
					`7:I[8811,["811","static/chunks/app/katalog/page.js"],"CatalogGrid"]` + "\n",
					"8:" + string(row) + "\n",
				}
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, `<!DOCTYPE html><html lang="de"><head><title>Katalog</title></head><body><main><div class="grid" data-loading="true"></div></main>`)
				fmt.Fprint(w, `<script>(self.__next_f=self.__next_f||[]).push([0])</script>`)
				for _, r := range rows {
					chunk, _ := json.Marshal(r)
					fmt.Fprintf(w, `<script>self.__next_f.push([1,%s])</script>`, chunk)
				}
				fmt.Fprint(w, `</body></html>`)
			})
			return mux
		},
		target: `name: next-app
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/de/katalog?page=1"]
json:
  items: catalog.products
  fields: {id: id, title: title, description: summary, price: price, url: href}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return "p" + strconv.Itoa(p.ID) },
				func(p v8Product) string { return base + "/de/produkt/" + p.Slug })
		},
	}
}

// Magento 2 with an infinite-scroll extension: the category pages by ?p=N,
// shows no next link, and clamps a page past the end to the last page.
// Prices are in data-price-amount.
func v8Magento() v8Site {
	return v8Site{
		name: "magento2-p-param",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/solvents.html", func(w http.ResponseWriter, r *http.Request) {
				n := min(max(v8Atoi(r.URL.Query().Get("p"), 1), 1), v8Pages(2))
				w.Header().Set("Content-Type", "text/html; charset=UTF-8")
				fmt.Fprint(w, `<!doctype html><html><head><title>Solvents</title></head><body><div class="products wrapper grid products-grid"><ol class="products list items product-items">`)
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(w, `<li class="item product product-item"><div class="product-item-info"><a href="%s/%s.html" class="product photo product-item-photo"><img src="/media/catalog/product/%s.jpg"></a>
<strong class="product name product-item-name"><a class="product-item-link" href="%s/%s.html">%s</a></strong>
<div class="price-box price-final_price" data-role="priceBox" data-product-id="%d"><span class="price-container"><span id="product-price-%d" data-price-amount="%s" data-price-type="finalPrice" class="price-wrapper "><span class="price">€%s</span></span></span></div></div></li>`,
						base, p.Slug, p.Slug, base, p.Slug, p.Title, p.ID, p.ID, p.Price, p.Price)
				}
				fmt.Fprint(w, `</ol></div><div class="toolbar toolbar-products"><div class="amscroll-pages" style="display:none"></div></div>
<script type="text/x-magento-init">{"*": {"amScrollScript": {"actionMode": "auto", "current_page": 1}}}</script></body></html>`)
			})
			for _, p := range v8Products {
				mux.HandleFunc("/"+p.Slug+".html", func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Type", "text/html; charset=UTF-8")
					fmt.Fprintf(w, `<!doctype html><html><head><title>%s</title></head><body><div class="product-info-main"><div class="page-title-wrapper product"><h1 class="page-title"><span class="base" data-ui-id="page-title-wrapper" itemprop="name">%s</span></h1></div>
<div class="price-box price-final_price" data-role="priceBox" data-product-id="%d" data-price-box="product-id-%d"><span class="price-container price-final_price tax weee"><span id="product-price-%d" data-price-amount="%s" data-price-type="finalPrice" class="price-wrapper "><span class="price">€%s</span></span></span></div></div>
<div class="product info detailed"><div class="data item content" id="description"><div class="product attribute description"><div class="value">%s</div></div></div></div></body></html>`,
						p.Title, p.Title, p.ID, p.ID, p.ID, p.Price, p.Price, p.Desc)
				})
			}
			return mux
		},
		target: `name: magento
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/solvents.html?p=1"]
follow: ["a.product-item-link"]
listing:
  fields: {id: "div.price-box@data-product-id", title: "h1.page-title span.base",
           price: "span[data-price-type=finalPrice]@data-price-amount",
           description: "div.product.attribute.description div.value"}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(p.ID) },
				func(p v8Product) string { return base + "/" + p.Slug + ".html" })
		},
	}
}

// PrestaShop 1.7: category pages with a rel="next" link, product pages with
// microdata (price in a content attribute) and OpenGraph, no JSON-LD.
func v8PrestaShop() v8Site {
	return v8Site{
		name: "prestashop-microdata",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/3-solvents", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, `<!doctype html><html lang="fr"><head><title>Solvants</title><link rel="canonical" href="`+base+`/3-solvents"></head><body><section id="products"><div class="products row">`)
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(w, `<article class="product-miniature js-product-miniature" data-id-product="%d" data-id-product-attribute="0"><div class="thumbnail-container"><a href="%s/solvents/%d-%s.html" class="thumbnail product-thumbnail"><img src="%s/%d-home_default/%s.jpg"></a>
<div class="product-description"><h2 class="h3 product-title"><a href="%s/solvents/%d-%s.html" content="%s/solvents/%d-%s.html">%s</a></h2><div class="product-price-and-shipping"><span class="price" aria-label="Prix">%s €</span></div></div></div></article>`,
						p.ID, base, p.ID, p.Slug, base, p.ID, p.Slug, base, p.ID, p.Slug, base, p.ID, p.Slug, p.Title, strings.Replace(p.Price, ".", ",", 1))
				}
				fmt.Fprint(w, `</div></section><nav class="pagination"><div class="col-md-4">Affichage 1-2 de 5 article(s)</div><ul class="page-list">`)
				if n < v8Pages(2) {
					fmt.Fprintf(w, `<li><a rel="next" href="%s/3-solvents?page=%d" class="next js-search-link">Suivant<i class="material-icons">&#xE315;</i></a></li>`, base, n+1)
				} else {
					fmt.Fprint(w, `<li><a rel="nofollow" href="" class="next disabled js-search-link">Suivant</a></li>`)
				}
				fmt.Fprint(w, `</ul></nav></body></html>`)
			})
			mux.HandleFunc("/solvents/", func(w http.ResponseWriter, r *http.Request) {
				for _, p := range v8Products {
					if r.URL.Path != fmt.Sprintf("/solvents/%d-%s.html", p.ID, p.Slug) {
						continue
					}
					w.Header().Set("Content-Type", "text/html; charset=utf-8")
					fmt.Fprintf(w, `<!doctype html><html lang="fr"><head><title>%s</title>
<meta property="og:type" content="product"><meta property="og:url" content="%s%s"><meta property="og:title" content="%s"><meta property="og:site_name" content="ChemSupply">
<meta property="product:pretax_price:amount" content="%s"><meta property="product:price:amount" content="%s"><meta property="product:price:currency" content="EUR"></head>
<body id="product"><div class="row product-container" itemscope itemtype="https://schema.org/Product"><meta itemprop="url" content="%s%s">
<h1 class="h1" itemprop="name">%s</h1><div class="product-prices"><div class="product-price h5" itemprop="offers" itemscope itemtype="https://schema.org/Offer"><link itemprop="availability" href="https://schema.org/InStock"/><meta itemprop="priceCurrency" content="EUR">
<div class="current-price"><span itemprop="price" content="%s">%s €</span></div></div></div>
<div id="product-description-short-%d" class="product-description-short" itemprop="description"><p>%s</p></div></div></body></html>`,
						p.Title, base, r.URL.Path, p.Title, p.Price, p.Price, base, r.URL.Path, p.Title, p.Price, strings.Replace(p.Price, ".", ",", 1), p.ID, p.Desc)
					return
				}
				http.NotFound(w, r)
			})
			return mux
		},
		target: `name: prestashop
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/3-solvents"]
follow: ["h2.product-title a"]
listing:
  url_pattern: "^/solvents/\\d+-"`,
		want: func(base string) []v8Want {
			return v8All(nil, func(p v8Product) string { return fmt.Sprintf("%s/solvents/%d-%s.html", base, p.ID, p.Slug) })
		},
	}
}

// OpenCart 3: index.php?route=… addresses with &amp; in the markup, a
// product reachable from two categories (path=20 and path=18_20) with one
// canonical, and a pager whose next and last links are "&gt;" and "&gt;|".
func v8OpenCart() v8Site {
	return v8Site{
		name: "opencart-route",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/index.php", func(w http.ResponseWriter, r *http.Request) {
				q := r.URL.Query()
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				switch q.Get("route") {
				case "product/category":
					path := q.Get("path")
					n := v8Atoi(q.Get("page"), 1)
					ps := v8Page(n, 2)
					last := v8Pages(2)
					if path == "18_20" { // the parent category shows the acids only, one page
						ps = []v8Product{v8Products[1], v8Products[4]}
						n, last = 1, 1
					}
					fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Chemicals</title></head><body><div id="content"><div class="row">`)
					for _, p := range ps {
						fmt.Fprintf(w, `<div class="product-layout product-grid col-lg-4"><div class="product-thumb"><div class="image"><a href="%s/index.php?route=product/product&amp;path=%s&amp;product_id=%d"><img src="%s/image/cache/catalog/%d-228x228.jpg"></a></div>
<div class="caption"><h4><a href="%s/index.php?route=product/product&amp;path=%s&amp;product_id=%d">%s</a></h4><p class="price">€%s</p></div></div></div>`,
							base, path, p.ID, base, p.ID, base, path, p.ID, p.Title, p.Price)
					}
					fmt.Fprint(w, `</div><div class="row"><div class="col-sm-6 text-left"><ul class="pagination">`)
					for i := 1; i <= last; i++ {
						if i == n {
							fmt.Fprintf(w, `<li class="active"><span>%d</span></li>`, i)
						} else {
							fmt.Fprintf(w, `<li><a href="%s/index.php?route=product/category&amp;path=%s&amp;page=%d">%d</a></li>`, base, path, i, i)
						}
					}
					if n < last {
						fmt.Fprintf(w, `<li><a href="%s/index.php?route=product/category&amp;path=%s&amp;page=%d">&gt;</a></li><li><a href="%s/index.php?route=product/category&amp;path=%s&amp;page=%d">&gt;|</a></li>`,
							base, path, n+1, base, path, last)
					}
					fmt.Fprint(w, `</ul></div></div></div></body></html>`)
				case "product/product":
					id := v8Atoi(q.Get("product_id"), 0)
					for _, p := range v8Products {
						if p.ID != id {
							continue
						}
						fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>%s</title><link href="%s/index.php?route=product/product&amp;product_id=%d" rel="canonical" /></head><body><div id="product-product" class="container"><div class="row"><div id="content" class="col-sm-12">
<div class="col-sm-4"><h1>%s</h1><ul class="list-unstyled"><li>Brand: <a href="#">ChemSupply</a></li><li>Product Code: SKU-%d</li></ul><ul class="list-unstyled"><li><h2>€%s</h2></li><li>Ex Tax: €%s</li></ul></div>
<div class="tab-content"><div class="tab-pane active" id="tab-description"><p>%s</p></div></div></div></div></div></body></html>`,
							p.Title, base, p.ID, p.Title, p.ID, p.Price, p.Price, p.Desc)
						return
					}
					http.NotFound(w, r)
				default:
					http.NotFound(w, r)
				}
			})
			return mux
		},
		target: `name: opencart
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/index.php?route=product/category&path=20", "{{base}}/index.php?route=product/category&path=18_20"]
follow: ["div.product-thumb h4 a"]
next_page: ["ul.pagination a:contains('>')"]
listing:
  url_pattern: "route=product/product.*product_id=\\d+"
  fields: {title: "#content h1", price: "#content ul.list-unstyled h2", description: "#tab-description"}`,
		want: func(base string) []v8Want {
			return v8All(nil, func(p v8Product) string {
				return fmt.Sprintf("%s/index.php?route=product/product&product_id=%d", base, p.ID)
			})
		},
	}
}

// An Atom feed of classified ads: links in attributes (rel=alternate),
// escaped HTML content, and RFC 5005 paging through <link rel="next">.
func v8Atom() v8Site {
	return v8Site{
		name: "atom-classifieds",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/feeds/ads.atom", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
				fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
  <title>Chemicals — newest ads</title>
  <id>tag:board.example,2026:ads</id>
  <updated>2026-11-27T10:00:00Z</updated>
  <link rel="self" type="application/atom+xml" href="%s/feeds/ads.atom?page=%d"/>
  <link rel="alternate" type="text/html" href="%s/ads"/>
`, base, n, base)
				if n < v8Pages(2) {
					fmt.Fprintf(w, "  <link rel=\"next\" type=\"application/atom+xml\" href=\"%s/feeds/ads.atom?page=%d\"/>\n", base, n+1)
				}
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(w, `  <entry>
    <title type="text">%s</title>
    <link rel="alternate" type="text/html" href="%s/ads/%d"/>
    <link rel="enclosure" type="image/jpeg" href="%s/img/%d.jpg"/>
    <id>tag:board.example,2026:ad-%d</id>
    <updated>2026-11-27T09:00:00Z</updated>
    <author><name>seller%d</name></author>
    <content type="html">&lt;p&gt;%s&lt;/p&gt;&lt;p&gt;&lt;b&gt;Price:&lt;/b&gt; %s EUR&lt;/p&gt;</content>
    <g:price>%s EUR</g:price>
  </entry>
`, p.Title, base, p.ID, base, p.ID, p.ID, p.ID, p.Desc, p.Price, p.Price)
				}
				fmt.Fprint(w, "</feed>\n")
			})
			return mux
		},
		target: `name: board-atom
platform: Board
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/feeds/ads.atom?page=1"]
next_page: ["feed > link[rel=next]@href"]
listing:
  item: entry
  fields: {id: id, url: "link[rel=alternate]@href", title: title, description: content,
           price: price, seller: "author name"}`,
		want: func(base string) []v8Want {
			w := v8All(func(p v8Product) string { return fmt.Sprintf("tag:board.example,2026:ad-%d", p.ID) },
				func(p v8Product) string { return fmt.Sprintf("%s/ads/%d", base, p.ID) })
			for i := range w {
				w[i].seller = fmt.Sprintf("seller%d", v8Products[i].ID)
			}
			return w
		},
	}
}

// OData v4 (SAP, Dynamics): items under "value", the next page under the
// key "@odata.nextLink", whose name holds a dot; $skip in the URL.
func v8OData() v8Site {
	return v8Site{
		name: "odata-nextlink",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/odata/Products", func(w http.ResponseWriter, r *http.Request) {
				skip := v8Atoi(r.URL.Query().Get("$skip"), 0)
				var vs []map[string]any
				for _, p := range v8Page(skip/2+1, 2) {
					price, _ := strconv.ParseFloat(p.Price, 64)
					vs = append(vs, map[string]any{"@odata.etag": `W/"1"`, "ProductID": p.ID, "ProductName": p.Title, "Description": p.Desc, "UnitPrice": price, "Seller": map[string]any{"CompanyName": "ChemSupply"}})
				}
				doc := map[string]any{"@odata.context": base + "/odata/$metadata#Products", "value": vs}
				if skip+2 < len(v8Products) {
					doc["@odata.nextLink"] = fmt.Sprintf("%s/odata/Products?$top=2&$skip=%d", base, skip+2)
				}
				v8JSON(w, doc)
			})
			return mux
		},
		target: `name: odata
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/odata/Products?$top=2"]
json:
  items: value
  next_page: "@odata.nextLink"
  fields: {id: ProductID, title: ProductName, description: Description, price: UnitPrice, seller: Seller.CompanyName}`,
		want: func(base string) []v8Want {
			w := v8All(func(p v8Product) string { return strconv.Itoa(p.ID) }, nil)
			for i := range w {
				w[i].price = strings.TrimRight(strings.TrimRight(w[i].price, "0"), ".")
				w[i].seller = "ChemSupply"
			}
			return w
		},
	}
}

// Strapi v4: data[].attributes, paged by pagination[page]=N, the body's
// meta.pagination.pageCount naming the last page.
func v8Strapi() v8Site {
	return v8Site{
		name: "strapi-pagination-bracket",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/api/products", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("pagination[page]"), 1)
				size := v8Atoi(r.URL.Query().Get("pagination[pageSize]"), 25)
				if size != 2 {
					// The page size the partner asked for is the
					// only one this fixture serves: a crawler
					// counting on the wrong parameter shows.
					w.WriteHeader(http.StatusBadRequest)
					v8JSON(w, map[string]any{"data": nil, "error": map[string]any{"status": 400, "name": "ValidationError", "message": "unexpected pageSize"}})
					return
				}
				data := []map[string]any{}
				for _, p := range v8Page(n, size) {
					data = append(data, map[string]any{"id": p.ID, "attributes": map[string]any{
						"title": p.Title, "slug": p.Slug, "description": p.Desc, "price": p.Price,
						"createdAt": "2026-11-01T10:00:00.000Z", "publishedAt": "2026-11-01T10:00:00.000Z"}})
				}
				v8JSON(w, map[string]any{"data": data, "meta": map[string]any{"pagination": map[string]any{
					"page": n, "pageSize": size, "pageCount": v8Pages(size), "total": len(v8Products)}}})
			})
			return mux
		},
		target: `name: strapi
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/api/products?pagination[page]=1&pagination[pageSize]=2"]
json:
  items: data
  fields: {id: id, title: attributes.title, description: attributes.description, price: attributes.price,
           url: "{{base}}/products/{attributes.slug}"}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(p.ID) },
				func(p v8Product) string { return base + "/products/" + p.Slug })
		},
	}
}

// API Platform / Sylius: a Hydra collection, "hydra:member" and the next
// page under "hydra:view"."hydra:next", the first page without ?page=.
func v8Hydra() v8Site {
	return v8Site{
		name: "hydra-collection",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/api/v2/shop/products", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				members := []map[string]any{}
				for _, p := range v8Page(n, 2) {
					members = append(members, map[string]any{"@id": "/api/v2/shop/products/" + strings.ToUpper(p.Slug), "@type": "Product",
						"code": strings.ToUpper(p.Slug), "name": p.Title, "slug": p.Slug, "description": p.Desc,
						"variants": []string{"/api/v2/shop/product-variants/" + strings.ToUpper(p.Slug) + "-1"}})
				}
				view := map[string]any{"@id": fmt.Sprintf("/api/v2/shop/products?page=%d", n), "@type": "hydra:PartialCollectionView",
					"hydra:first": "/api/v2/shop/products?page=1", "hydra:last": fmt.Sprintf("/api/v2/shop/products?page=%d", v8Pages(2))}
				if n < v8Pages(2) {
					view["hydra:next"] = fmt.Sprintf("/api/v2/shop/products?page=%d", n+1)
				}
				if n > 1 {
					view["hydra:previous"] = fmt.Sprintf("/api/v2/shop/products?page=%d", n-1)
				}
				w.Header().Set("Content-Type", "application/ld+json; charset=utf-8")
				_ = json.NewEncoder(w).Encode(map[string]any{"@context": "/api/v2/contexts/Product", "@id": "/api/v2/shop/products",
					"@type": "hydra:Collection", "hydra:member": members, "hydra:totalItems": len(v8Products), "hydra:view": view})
			})
			return mux
		},
		target: `name: sylius
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/api/v2/shop/products"]
json:
  items: "hydra:member"
  fields: {id: code, title: name, description: description, url: "{{base}}/en_US/products/{slug}"}`,
		want: func(base string) []v8Want {
			w := v8All(func(p v8Product) string { return strings.ToUpper(p.Slug) },
				func(p v8Product) string { return base + "/en_US/products/" + p.Slug })
			for i := range w {
				w[i].price = ""
			}
			return w
		},
	}
}

// Contentful's Content Delivery API: items with sys.id and fields.*, paged
// by skip/limit with total in the body.
func v8Contentful() v8Site {
	return v8Site{
		name: "contentful-skip-limit",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/spaces/abc123/environments/master/entries", func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("Authorization") != "Bearer cda-token" {
					w.WriteHeader(http.StatusUnauthorized)
					return
				}
				skip := v8Atoi(r.URL.Query().Get("skip"), 0)
				limit := v8Atoi(r.URL.Query().Get("limit"), 100)
				items := []map[string]any{}
				for i := skip; i < min(skip+limit, len(v8Products)); i++ {
					p := v8Products[i]
					price, _ := strconv.ParseFloat(p.Price, 64)
					items = append(items, map[string]any{
						"sys":    map[string]any{"id": fmt.Sprintf("5KsDBWseXY%d", p.ID), "type": "Entry", "contentType": map[string]any{"sys": map[string]any{"id": "product"}}},
						"fields": map[string]any{"title": p.Title, "slug": p.Slug, "description": p.Desc, "price": price}})
				}
				w.Header().Set("Content-Type", "application/vnd.contentful.delivery.v1+json")
				_ = json.NewEncoder(w).Encode(map[string]any{"sys": map[string]any{"type": "Array"}, "total": len(v8Products), "skip": skip, "limit": limit, "items": items})
			})
			return mux
		},
		target: `name: contentful
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
headers: {Authorization: "Bearer cda-token"}
start_urls: ["{{base}}/spaces/abc123/environments/master/entries?content_type=product&limit=2&skip=0"]
json:
  items: items
  fields: {id: sys.id, title: fields.title, description: fields.description, price: fields.price,
           url: "{{base}}/products/{fields.slug}"}`,
		want: func(base string) []v8Want {
			w := v8All(func(p v8Product) string { return fmt.Sprintf("5KsDBWseXY%d", p.ID) },
				func(p v8Product) string { return base + "/products/" + p.Slug })
			for i := range w {
				w[i].price = strings.TrimRight(strings.TrimRight(w[i].price, "0"), ".")
			}
			return w
		},
	}
}

// Solr's select handler: response.docs, numFound and start, multi-valued
// fields as arrays, paged by ?start=N&rows=M; one 429 with a Retry-After
// date mid-way.
func v8Solr() v8Site {
	return v8Site{
		name: "solr-start-rows",
		handler: func(base string) http.Handler {
			var once sync.Once
			mux := http.NewServeMux()
			mux.HandleFunc("/solr/products/select", func(w http.ResponseWriter, r *http.Request) {
				start := v8Atoi(r.URL.Query().Get("start"), 0)
				rows := v8Atoi(r.URL.Query().Get("rows"), 10)
				limited := false
				if start == 2 {
					once.Do(func() { limited = true })
				}
				if limited {
					w.Header().Set("Retry-After", time.Now().Add(-time.Minute).UTC().Format(http.TimeFormat))
					http.Error(w, "Too Many Requests", http.StatusTooManyRequests)
					return
				}
				docs := []map[string]any{}
				for i := start; i < min(start+rows, len(v8Products)); i++ {
					p := v8Products[i]
					docs = append(docs, map[string]any{"id": "chem-" + strconv.Itoa(p.ID), "name": []string{p.Title}, "description": []string{p.Desc},
						"price": p.Price, "url_s": "/p/" + p.Slug, "_version_": 1790000000000000000 + p.ID})
				}
				v8JSON(w, map[string]any{"responseHeader": map[string]any{"status": 0, "QTime": 1, "params": map[string]any{"q": "*:*", "start": strconv.Itoa(start), "rows": strconv.Itoa(rows)}},
					"response": map[string]any{"numFound": len(v8Products), "start": start, "numFoundExact": true, "docs": docs}})
			})
			return mux
		},
		target: `name: solr
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/solr/products/select?q=*:*&start=0&rows=2&wt=json"]
json:
  items: response.docs
  fields: {id: id, title: name, description: description, price: price, url: url_s}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return "chem-" + strconv.Itoa(p.ID) },
				func(p v8Product) string { return base + "/p/" + p.Slug })
		},
	}
}

// An old Russian board in windows-1251 declared only by <meta http-equiv>,
// ad rows that link by data-href with ../ paths, and a pager whose "next"
// is a Cyrillic word.
func v8Board1251() v8Site {
	ru := []struct{ title, desc, seller string }{
		{"Ацетон технический 20 л", "Ацетон 99,5%, канистры по 20 литров, самовывоз.", "Иван"},
		{"Серная кислота 96%", "Аккумуляторная серная кислота, бутыли по 1 л.", "Пётр"},
		{"Перманганат калия 500 г", "Марганцовка кристаллическая для очистки воды.", "Анна"},
		{"Толуол 1 л", "Толуол растворитель, только для лаборатории.", "Олег"},
		{"Соляная кислота 37%", "Соляная кислота дымящая, 2,5 л.", "Мария"},
	}
	enc := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html")
		b, err := charmap.Windows1251.NewEncoder().String(s)
		if err != nil {
			panic(err)
		}
		_, _ = w.Write([]byte(b))
	}
	return v8Site{
		name: "board-cp1251-data-href",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/board/cat/5/", func(w http.ResponseWriter, r *http.Request) {
				n := 1
				if s := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/board/cat/5/index"), ".html"); s != "" && s != "/board/cat/5/" {
					n = v8Atoi(s, 0)
				}
				ps := v8Page(n, 2)
				if ps == nil {
					http.NotFound(w, r)
					return
				}
				var b strings.Builder
				b.WriteString(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Химия — объявления</title></head><body><table class="ads">`)
				for _, p := range ps {
					i := p.ID - 101
					fmt.Fprintf(&b, `<tr class="ad" data-href="../../view/%d.html" onmouseover="this.className='ad hl'"><td class="t">%s</td><td class="p">%s руб.</td></tr>`, p.ID, ru[i].title, p.Price)
				}
				b.WriteString(`</table><div class="pages">`)
				if n < v8Pages(2) {
					fmt.Fprintf(&b, `<a href="index%d.html">Следующая &rarr;</a>`, n+1)
				}
				b.WriteString(`</div></body></html>`)
				enc(w, b.String())
			})
			mux.HandleFunc("/board/view/", func(w http.ResponseWriter, r *http.Request) {
				id := v8Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/board/view/"), ".html"), 0)
				if id < 101 || id > 105 {
					http.NotFound(w, r)
					return
				}
				p, x := v8Products[id-101], ru[id-101]
				enc(w, fmt.Sprintf(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>%s</title></head><body>
<h1>%s</h1><table><tr><td>Цена:</td><td class="price">%s руб.</td></tr><tr><td>Автор:</td><td class="author">%s</td></tr></table><div class="text">%s</div>
<a href="../cat/5/">Назад</a></body></html>`, x.title, x.title, p.Price, x.seller, x.desc))
			})
			return mux
		},
		target: `name: board1251
platform: Board
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/board/cat/5/"]
follow: ["tr.ad@data-href"]
next_page: ["div.pages a:contains('Следующая')"]
listing:
  url_pattern: "/view/\\d+\\.html$"
  fields: {title: h1, price: td.price, seller: td.author, description: div.text}`,
		want: func(base string) []v8Want {
			var out []v8Want
			for i, p := range v8Products {
				out = append(out, v8Want{url: fmt.Sprintf("%s/board/view/%d.html", base, p.ID), title: ru[i].title, price: p.Price, desc: ru[i].desc, seller: ru[i].seller})
			}
			return out
		},
	}
}
