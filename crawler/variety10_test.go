package crawler_test

// Crawler variety round 10: first the gaps round 9 left (GraphQL over GET
// with the cursor in the variables parameter, Elasticsearch's search_after,
// Squarespace's ?format=json paging, jQuery positional pseudo-classes in the
// middle of a selector), then shops of platforms and stacks the earlier
// rounds did not cover. Each is written from the platform's public
// documentation, with the target a partner writes from docs/CRAWLING.md,
// before the crawler's code for that shape was read.

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// v10Site is a round-8 site with an optional check of what v8Check does
// not look at (attributes, locations).
type v10Site struct {
	v8Site
	extra func(t *testing.T, base string, got []precwatch.Listing)
}

func TestVariety10(t *testing.T) {
	for _, s := range variety10Sites() {
		t.Run(s.name, func(t *testing.T) {
			var h http.Handler
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
			defer srv.Close()
			base := srv.URL
			h = s.handler(base)
			run, got := v8Crawl(t, strings.ReplaceAll(s.target, "{{base}}", base))
			v8Check(t, run, got, s.want(base))
			if s.extra != nil {
				s.extra(t, base, got)
			}
		})
	}
}

func variety10Sites() []v10Site {
	return []v10Site{
		{v8Site: v10GraphQLGet()}, {v8Site: v10SearchAfter()}, {v8Site: v10Squarespace()}, {v8Site: v10PositionalSelectors()},
		{v8Site: v10Wix()}, {v8Site: v10VTEX()}, {v8Site: v10OCAPI()}, {v8Site: v10Tilda()}, {v8Site: v10Ecwid()},
		v10IndiaMART(), v10MadeInChina(), {v8Site: v10JSONParseState()}, v10TaobaoJSONP(), {v8Site: v10NoscriptGrid()},
		{v8Site: v10TemplateCards()}, {v8Site: v10EUCKRHeader()}, {v8Site: v10ShiftJISJSON()}, {v8Site: v10GBKHeader()},
		{v8Site: v10SitemapGz()}, {v8Site: v10RDFa()}, {v8Site: v10CarJSONLD()}, {v8Site: v10HeaderOverMeta()}, {v8Site: v10RemixContext()},
		v10WooSalePrice(), {v8Site: v10MagentoGraphQLGet()}, {v8Site: v10LoadMoreContentJSON()}, {v8Site: v10YandexYML()}, {v8Site: v10TableRows()}, {v8Site: v10SolrCursorMark()},
		{v8Site: v10PathPages()}, {v8Site: v10ShopeeNewest()},
		{v8Site: v10ProxiedNext()},
	}
}

// v10Encode writes s in the encoding e.
func v10Encode(e encoding.Encoding, s string) []byte {
	b, err := e.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return []byte(b)
}

// v10Attr returns the listing's attribute k.
func v10Attr(l precwatch.Listing, k string) string { return l.Attributes[k] }

// GraphQL over HTTP allows GET: query, operationName and variables are
// query parameters, variables JSON-encoded. Shops behind a CDN take GET
// only (a POST is 405), so the cursor goes inside the variables parameter.
func v10GraphQLGet() v8Site {
	return v8Site{
		name: "graphql-get-variables",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/graphql", func(w http.ResponseWriter, r *http.Request) {
				if r.Method != http.MethodGet {
					w.Header().Set("Allow", "GET")
					w.WriteHeader(http.StatusMethodNotAllowed)
					v8JSON(w, map[string]any{"errors": []map[string]any{{"message": "POST is not allowed; use GET"}}})
					return
				}
				q := r.URL.Query()
				if !strings.Contains(q.Get("query"), "products(first: $first, after: $after)") {
					w.WriteHeader(http.StatusBadRequest)
					v8JSON(w, map[string]any{"errors": []map[string]any{{"message": "Must provide query string."}}})
					return
				}
				var vars struct {
					First int     `json:"first"`
					After *string `json:"after"`
				}
				if err := json.Unmarshal([]byte(q.Get("variables")), &vars); err != nil || vars.First < 1 {
					w.WriteHeader(http.StatusBadRequest)
					v8JSON(w, map[string]any{"errors": []map[string]any{{"message": fmt.Sprintf("Variables are invalid JSON: %v", err)}}})
					return
				}
				off := 0
				if vars.After != nil {
					b, err := base64.StdEncoding.DecodeString(*vars.After)
					if err != nil || !strings.HasPrefix(string(b), "arrayconnection:") {
						v8JSON(w, map[string]any{"errors": []map[string]any{{"message": "Invalid cursor"}}})
						return
					}
					off = v8Atoi(strings.TrimPrefix(string(b), "arrayconnection:"), 0) + 1
				}
				edges := []map[string]any{}
				end := ""
				for i := off; i < min(off+vars.First, len(v8Products)); i++ {
					p := v8Products[i]
					end = base64.StdEncoding.EncodeToString([]byte("arrayconnection:" + strconv.Itoa(i)))
					edges = append(edges, map[string]any{"cursor": end, "node": map[string]any{
						"id": fmt.Sprintf("gid://shop/Product/%d", p.ID), "title": p.Title, "description": p.Desc, "handle": p.Slug,
						"priceRange": map[string]any{"minVariantPrice": map[string]any{"amount": p.Price, "currencyCode": "EUR"}}}})
				}
				v8JSON(w, map[string]any{"data": map[string]any{"products": map[string]any{"edges": edges,
					"pageInfo": map[string]any{"hasNextPage": off+vars.First < len(v8Products), "endCursor": end}}}})
			})
			return mux
		},
		target: `name: shop-graphql-get
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/graphql"]
json:
  method: GET
  body: |
    {"query": "query Products($first: Int!, $after: String) { products(first: $first, after: $after) { edges { node { id title description handle priceRange { minVariantPrice { amount currencyCode } } } } pageInfo { hasNextPage endCursor } } }",
     "variables": {"first": 2, "after": ${cursor}}}
  items: data.products.edges[*].node
  next_page: data.products.pageInfo.endCursor
  fields: {id: id, title: title, description: description, price: priceRange.minVariantPrice,
           url: "{{base}}/products/{handle}"}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return fmt.Sprintf("gid://shop/Product/%d", p.ID) },
				func(p v8Product) string { return base + "/products/" + p.Slug })
		},
	}
}

// Elasticsearch and OpenSearch page deep results with search_after: the
// request sorts on a unique tiebreaker and sends the previous page's last
// hit's sort values back; search_after: null is a parse error.
func v10SearchAfter() v8Site {
	sorted := append([]v8Product(nil), v8Products...)
	sort.Slice(sorted, func(i, j int) bool {
		a, b := v9Float(sorted[i].Price), v9Float(sorted[j].Price)
		return a < b || a == b && sorted[i].Slug < sorted[j].Slug
	})
	return v8Site{
		name: "elasticsearch-search-after",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/chem-products/_search", func(w http.ResponseWriter, r *http.Request) {
				esErr := func(typ, reason string) {
					w.WriteHeader(http.StatusBadRequest)
					v8JSON(w, map[string]any{"error": map[string]any{"root_cause": []map[string]any{{"type": typ, "reason": reason}}, "type": typ, "reason": reason}, "status": 400})
				}
				if r.Method != http.MethodPost && r.Method != http.MethodGet {
					w.WriteHeader(http.StatusMethodNotAllowed)
					return
				}
				var req map[string]json.RawMessage
				if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
					esErr("parse_exception", "request body is required")
					return
				}
				size := 10
				_ = json.Unmarshal(req["size"], &size)
				if _, ok := req["sort"]; !ok {
					esErr("illegal_argument_exception", "Sort must contain at least one field.")
					return
				}
				start := 0
				if sa, ok := req["search_after"]; ok {
					var after []any
					if string(sa) == "null" || json.Unmarshal(sa, &after) != nil {
						esErr("x_content_parse_exception", "[1:120] [search_after] search_after doesn't support values of type: VALUE_NULL")
						return
					}
					if len(after) != 2 {
						esErr("illegal_argument_exception", "search_after has 1 value(s) but sort has 2.")
						return
					}
					price, _ := after[0].(float64)
					sku, _ := after[1].(string)
					start = len(sorted)
					for i, p := range sorted {
						if v9Float(p.Price) > price || v9Float(p.Price) == price && p.Slug > sku {
							start = i
							break
						}
					}
				}
				hits := []map[string]any{}
				for _, p := range sorted[start:min(start+size, len(sorted))] {
					hits = append(hits, map[string]any{"_index": "chem-products", "_id": strconv.Itoa(p.ID), "_score": nil,
						"_source": map[string]any{"sku": p.Slug, "name": p.Title, "description": p.Desc, "price": v9Float(p.Price), "seller": "ChemSupply"},
						"sort":    []any{v9Float(p.Price), p.Slug}})
				}
				v8JSON(w, map[string]any{"took": 2, "timed_out": false, "_shards": map[string]any{"total": 1, "successful": 1, "skipped": 0, "failed": 0},
					"hits": map[string]any{"total": map[string]any{"value": len(sorted), "relation": "eq"}, "max_score": nil, "hits": hits}})
			})
			return mux
		},
		target: `name: es-search-after
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/chem-products/_search"]
json:
  method: POST
  body: '{"size": 2, "query": {"match_all": {}}, "sort": [{"price": "asc"}, {"sku": "asc"}], "search_after": ${cursor}}'
  items: hits.hits
  next_page: hits.hits[-1].sort
  fields: {id: _id, title: _source.name, description: _source.description, price: _source.price, seller: _source.seller}`,
		want: func(base string) []v8Want {
			return v9Trim(v8All(func(p v8Product) string { return strconv.Itoa(p.ID) }, nil))
		},
	}
}

// Squarespace answers any collection page with ?format=json; its
// pagination.nextPageUrl is the page's own address for people
// ("/shop?offset=…", without format=json), which answers HTML.
func v10Squarespace() v8Site {
	return v8Site{
		name: "squarespace-format-json",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/shop", func(w http.ResponseWriter, r *http.Request) {
				const size = 2
				start := 0
				if o := r.URL.Query().Get("offset"); o != "" {
					// The offset is the publish time of the last item shown.
					for i, p := range v8Products {
						if strconv.Itoa(1700000000000-p.ID*1000) == o {
							start = i + 1
						}
					}
				}
				ps := v8Products[start:min(start+size, len(v8Products))]
				more := start+size < len(v8Products)
				next := ""
				if more {
					next = "/shop?offset=" + strconv.Itoa(1700000000000-ps[len(ps)-1].ID*1000)
				}
				if r.URL.Query().Get("format") != "json" {
					w.Header().Set("Content-Type", "text/html; charset=utf-8")
					fmt.Fprint(w, `<!doctype html><html><head><title>Shop — ChemSupply</title><script>Static.SQUARESPACE_CONTEXT = {"website":{"id":"5f0c"}};</script></head><body><div class="products-flex-container"><div class="list-grid">`)
					for _, p := range ps {
						fmt.Fprintf(w, `<div class="grid-item"><a href="/shop/p/%s" class="grid-item-link"></a><div class="grid-title">%s</div><div class="product-price">€%s</div></div>`, p.Slug, p.Title, p.Price)
					}
					fmt.Fprint(w, `</div></div>`)
					if more {
						fmt.Fprintf(w, `<nav class="pagination"><a href="%s">Next</a></nav>`, next)
					}
					fmt.Fprint(w, `</body></html>`)
					return
				}
				items := []map[string]any{}
				for _, p := range ps {
					items = append(items, map[string]any{"id": fmt.Sprintf("5f0c%020d", p.ID), "collectionId": "5f0c00000000000000000001", "recordType": 11,
						"title": p.Title, "urlId": p.Slug, "fullUrl": "/shop/p/" + p.Slug, "excerpt": "<p>" + p.Desc + "</p>",
						"publishOn": 1700000000000 - p.ID*1000, "assetUrl": "https://images.squarespace-cdn.com/content/v1/" + p.Slug + ".jpg",
						"structuredContent": map[string]any{"_type": "Product", "productType": 1, "variants": []map[string]any{{
							"sku": "SQ" + strconv.Itoa(p.ID), "price": v8Atoi(strings.ReplaceAll(p.Price, ".", ""), 0),
							"priceMoney": map[string]any{"currency": "EUR", "value": p.Price}, "onSale": false, "stock": map[string]any{"unlimited": true}}}}})
				}
				pag := map[string]any{"nextPage": more, "pageSize": size}
				if more {
					pag["nextPageOffset"] = 1700000000000 - ps[len(ps)-1].ID*1000
					pag["nextPageUrl"] = next
				}
				v8JSON(w, map[string]any{"website": map[string]any{"id": "5f0c"}, "collection": map[string]any{"id": "5f0c00000000000000000001", "title": "Shop", "fullUrl": "/shop"},
					"items": items, "pagination": pag, "empty": len(items) == 0})
			})
			return mux
		},
		target: `name: squarespace-shop
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/shop?format=json"]
json:
  items: items
  next_page: pagination.nextPageUrl
  fields: {id: id, title: title, description: excerpt, url: fullUrl, price: "structuredContent.variants[0].priceMoney.value"}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return fmt.Sprintf("5f0c%020d", p.ID) },
				func(p v8Product) string { return base + "/shop/p/" + p.Slug })
		},
	}
}

// A partner who knows jQuery writes positional pseudo-classes in the
// middle of a selector: the first product list (the second is "recently
// viewed"), the second row of a spec table, the last box of a page.
func v10PositionalSelectors() v8Site {
	return v8Site{
		name: "jquery-positional-middle",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/catalog", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				ps := v8Page(n, 2)
				if ps == nil {
					http.NotFound(w, r)
					return
				}
				fmt.Fprint(w, `<html><head><title>Catalog</title></head><body><div class="products"><ul>`)
				for _, p := range ps {
					fmt.Fprintf(w, `<li><a class="title" href="/item/%d">%s</a></li>`, p.ID, p.Title)
				}
				fmt.Fprint(w, `</ul></div><div class="products recent"><h3>Recently viewed</h3><ul><li><a class="title" href="/item/199">Borosilicate beaker set</a></li></ul></div><ul class="pager">`)
				for i := 1; i <= v8Pages(2); i++ {
					fmt.Fprintf(w, `<li><a href="?page=%d">%d</a></li>`, i, i)
				}
				if n < v8Pages(2) {
					fmt.Fprintf(w, `<li><a href="?page=%d">Next</a></li>`, n+1)
				} else {
					fmt.Fprint(w, `<li><span>Next</span></li>`)
				}
				fmt.Fprint(w, `</ul></body></html>`)
			})
			mux.HandleFunc("/item/", func(w http.ResponseWriter, r *http.Request) {
				id := v8Atoi(strings.TrimPrefix(r.URL.Path, "/item/"), 0)
				p := v8Product{ID: 199, Slug: "beakers", Title: "Borosilicate beaker set", Desc: "Six beakers, 50 to 1000 ml.", Price: "29.00"}
				if id != 199 {
					if id < 101 || id > 105 {
						http.NotFound(w, r)
						return
					}
					p = v8Products[id-101]
				}
				fmt.Fprintf(w, `<html><head><title>%s</title></head><body><h1>%s</h1>
<table class="specs"><tr><th>SKU</th><td>CS-%d</td></tr><tr><th>Price</th><td>€ %s</td></tr><tr><th>Stock</th><td>12</td></tr></table>
<div class="box"><a href="/help">Help centre</a></div><div class="box"><span>Sold by</span> <a href="/seller/1">ChemSupply GmbH</a></div>
<div class="tabs"><div class="tab"><p>Ships within the EU only.</p></div><div class="tab"><p>%s</p></div></div></body></html>`, p.Title, p.Title, p.ID, p.Price, p.Desc)
			})
			return mux
		},
		target: `name: jquery-shop
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/catalog?page=1"]
follow: ["div.products:first a.title"]
next_page: ["ul.pager li:last > a"]
listing:
  url_pattern: "^/item/\\d+$"
  fields: {title: h1, price: "table.specs tr:eq(1) td", seller: "div.box:last > a", description: "div.tabs div.tab:eq(1) p"}`,
		want: func(base string) []v8Want {
			out := v8All(nil, func(p v8Product) string { return fmt.Sprintf("%s/item/%d", base, p.ID) })
			for i := range out {
				out[i].seller = "ChemSupply GmbH"
			}
			return out
		},
	}
}

// Wix Stores: category pages render their product gallery on the server
// with data-hook attributes, absolute product links, a "Load More" button
// without an address and ?page=N for search engines; product pages under
// /product-page/<slug> hold the description in a <pre data-hook>.
func v10Wix() v8Site {
	return v8Site{
		name: "wix-stores",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/category/all-products", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>All Products | ChemSupply</title><link rel="canonical" href="`+base+`/category/all-products"></head><body><div id="SITE_CONTAINER"><section data-hook="gallery-layout-wrapper"><ul data-hook="product-list-wrapper">`)
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(w, `<li data-hook="product-list-grid-item"><div data-hook="product-item-root" data-slug="%s"><a href="%s/product-page/%s" tabindex="-1" data-hook="product-item-container"><div data-hook="product-item-images"></div></a><div data-hook="not-image-container"><a href="%s/product-page/%s" data-hook="product-item-product-details-link"><h3 data-hook="product-item-name">%s</h3><span data-hook="product-item-price-to-pay">€%s</span></a></div></div></li>`,
						p.Slug, base, p.Slug, base, p.Slug, p.Title, p.Price)
				}
				fmt.Fprint(w, `</ul><div data-hook="load-more-button-container"><button data-hook="load-more-button" type="button">Load More</button></div></section></div></body></html>`)
			})
			mux.HandleFunc("/product-page/", func(w http.ResponseWriter, r *http.Request) {
				slug := strings.TrimPrefix(r.URL.Path, "/product-page/")
				for _, p := range v8Products {
					if p.Slug == slug {
						fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>%s | ChemSupply</title></head><body><div data-hook="product-page"><h1 data-hook="product-title">%s</h1><div data-hook="product-price"><span data-hook="formatted-primary-price">€%s</span></div><pre data-hook="description" class="_28cEs"><p>%s</p></pre><a href="%s/category/all-products">Back</a></div></body></html>`, p.Title, p.Title, p.Price, p.Desc, base)
						return
					}
				}
				http.NotFound(w, r)
			})
			return mux
		},
		target: `name: wix-shop
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/category/all-products?page=1"]
follow: ["a[data-hook=product-item-container]"]
listing:
  url_pattern: "/product-page/"
  fields: {title: "h1[data-hook=product-title]", price: "span[data-hook=formatted-primary-price]", description: "pre[data-hook=description]"}`,
		want: func(base string) []v8Want {
			return v8All(nil, func(p v8Product) string { return base + "/product-page/" + p.Slug })
		},
	}
}

// VTEX's catalog search API pages by an inclusive _from/_to range (at most
// 50 a request), answers 206 Partial Content with a resources header
// "from-to/total", and a root array; past the end an empty array.
func v10VTEX() v8Site {
	return v8Site{
		name: "vtex-catalog-from-to",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/api/catalog_system/pub/products/search", func(w http.ResponseWriter, r *http.Request) {
				q := r.URL.Query()
				from, to := v8Atoi(q.Get("_from"), 0), v8Atoi(q.Get("_to"), 9)
				if to < from || to-from >= 50 {
					w.WriteHeader(http.StatusBadRequest)
					v8JSON(w, "The maximum number of items allowed for search is 50")
					return
				}
				ps := []map[string]any{}
				for i := from; i <= to && i < len(v8Products); i++ {
					p := v8Products[i]
					ps = append(ps, map[string]any{"productId": strconv.Itoa(p.ID), "productName": p.Title, "brand": "ChemSupply", "linkText": p.Slug,
						"link": base + "/" + p.Slug + "/p", "description": p.Desc, "categories": []string{"/Solvents/"},
						"items": []map[string]any{{"itemId": strconv.Itoa(p.ID * 10), "name": p.Title, "sellers": []map[string]any{{
							"sellerId": "1", "sellerName": "ChemSupply Ltda", "commertialOffer": map[string]any{"Price": v9Float(p.Price), "ListPrice": v9Float(p.Price), "AvailableQuantity": 100}}}}}})
				}
				w.Header().Set("resources", fmt.Sprintf("%d-%d/%d", from, to, len(v8Products)))
				w.Header().Set("Content-Type", "application/json; charset=utf-8")
				if from < len(v8Products) {
					w.WriteHeader(http.StatusPartialContent)
				}
				_ = json.NewEncoder(w).Encode(ps)
			})
			return mux
		},
		target: `name: vtex-store
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/api/catalog_system/pub/products/search?fq=C:/12/&_from=0&_to=1"]
json:
  items: "."
  fields: {id: productId, title: productName, description: description, url: link,
           price: "items[0].sellers[0].commertialOffer.Price", seller: "items[0].sellers[0].sellerName"}`,
		want: func(base string) []v8Want {
			out := v9Trim(v8All(func(p v8Product) string { return strconv.Itoa(p.ID) }, func(p v8Product) string { return base + "/" + p.Slug + "/p" }))
			for i := range out {
				out[i].seller = "ChemSupply Ltda"
			}
			return out
		},
	}
}

// Salesforce Commerce Cloud's OCAPI Shop API: product_search with start
// and count, the client id as a parameter, and an absolute "next" URL in
// the answer until the last page.
func v10OCAPI() v8Site {
	const clientID = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	return v8Site{
		name: "sfcc-ocapi-product-search",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			path := "/s/Sites-ChemSupply-Site/dw/shop/v23_2/product_search"
			mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
				q := r.URL.Query()
				if q.Get("client_id") != clientID && r.Header.Get("x-dw-client-id") != clientID {
					w.WriteHeader(http.StatusUnauthorized)
					v8JSON(w, map[string]any{"_v": "23.2", "fault": map[string]any{"arguments": map[string]any{"clientId": q.Get("client_id")}, "type": "ClientAccessForbiddenException", "message": "Unauthorized access to shop api"}})
					return
				}
				start, count := v8Atoi(q.Get("start"), 0), v8Atoi(q.Get("count"), 25)
				hits := []map[string]any{}
				for i := start; i < min(start+count, len(v8Products)); i++ {
					p := v8Products[i]
					hits = append(hits, map[string]any{"_type": "product_search_hit", "currency": "EUR", "hit_type": "master",
						"link":       fmt.Sprintf("%s/s/Sites-ChemSupply-Site/dw/shop/v23_2/products/%d?client_id=%s", base, p.ID, clientID),
						"product_id": strconv.Itoa(p.ID), "product_name": p.Title, "price": v9Float(p.Price), "c_shortDescription": p.Desc,
						"represented_product": map[string]any{"_type": "product_ref", "id": strconv.Itoa(p.ID * 10)}})
				}
				res := map[string]any{"_v": "23.2", "_type": "product_search_result", "count": len(hits), "hits": hits, "query": "", "select": "(**)", "start": start, "total": len(v8Products)}
				if start+count < len(v8Products) {
					res["next"] = fmt.Sprintf("%s%s?start=%d&count=%d&q=&expand=prices&client_id=%s", base, path, start+count, count, clientID)
				}
				if start > 0 {
					res["previous"] = fmt.Sprintf("%s%s?start=%d&count=%d&q=&expand=prices&client_id=%s", base, path, max(start-count, 0), count, clientID)
				}
				v8JSON(w, res)
			})
			return mux
		},
		target: `name: sfcc-shop
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/s/Sites-ChemSupply-Site/dw/shop/v23_2/product_search?q=&start=0&count=2&expand=prices&client_id=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]
json:
  items: hits
  next_page: next
  fields: {id: product_id, title: product_name, description: c_shortDescription, price: price,
           url: "{{base}}/s/Sites-ChemSupply-Site/product/{product_id}.html"}`,
		want: func(base string) []v8Want {
			return v9Trim(v8All(func(p v8Product) string { return strconv.Itoa(p.ID) },
				func(p v8Product) string { return fmt.Sprintf("%s/s/Sites-ChemSupply-Site/product/%d.html", base, p.ID) }))
		},
	}
}

// Tilda's store block loads its products from getproductslist with a
// slice (the page, 1-based) and size; the answer gives the next slice as
// nextslice while there is one, prices with four decimals, and the
// gallery as a JSON string.
func v10Tilda() v8Site {
	return v8Site{
		name: "tilda-store-slices",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/api/getproductslist/", func(w http.ResponseWriter, r *http.Request) {
				q := r.URL.Query()
				if q.Get("storepartuid") != "384016413362" {
					v8JSON(w, map[string]any{"error": "Wrong storepartuid"})
					return
				}
				slice, size := v8Atoi(q.Get("slice"), 1), v8Atoi(q.Get("size"), 36)
				ps := []map[string]any{}
				for _, p := range v8Page(slice, size) {
					ps = append(ps, map[string]any{"uid": strconv.Itoa(p.ID*1000 + 7), "title": p.Title, "descr": p.Desc, "text": "<p>" + p.Desc + "</p>",
						"price": p.Price + "00", "priceold": "", "quantity": "", "sku": "AC-" + strconv.Itoa(p.ID),
						"url":     fmt.Sprintf("%s/tproduct/512345678-%d-%s", base, p.ID*1000+7, p.Slug),
						"gallery": `[{"img":"https:\/\/static.tildacdn.com\/tild3830\/` + p.Slug + `.jpg"}]`, "editions": []any{}})
				}
				res := map[string]any{"partuid": "384016413362", "total": strconv.Itoa(len(v8Products)), "products": ps}
				if slice < v8Pages(size) {
					res["nextslice"] = slice + 1
				}
				w.Header().Set("Access-Control-Allow-Origin", "*")
				v8JSON(w, res)
			})
			return mux
		},
		target: `name: tilda-store
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/api/getproductslist/?storepartuid=384016413362&recid=512345678&c=1700000000000&getparts=true&getoptions=true&slice=1&size=2"]
json:
  items: products
  next_page: nextslice
  fields: {id: uid, title: title, description: text, price: price, url: url}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(p.ID*1000 + 7) },
				func(p v8Product) string { return fmt.Sprintf("%s/tproduct/512345678-%d-%s", base, p.ID*1000+7, p.Slug) })
		},
	}
}

// Ecwid's REST API: offset and limit, the public token as a bearer
// header, total/count/offset/limit beside items.
func v10Ecwid() v8Site {
	return v8Site{
		name: "ecwid-rest-offset",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/api/v3/1003/products", func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("Authorization") != "Bearer public_qKDUqKkNXzcj9DejkMUqEkYLq2E6BXM9" {
					w.WriteHeader(http.StatusForbidden)
					v8JSON(w, map[string]any{"errorMessage": "Invalid access token", "errorCode": "ACCESS_TOKEN_INVALID"})
					return
				}
				q := r.URL.Query()
				off, limit := v8Atoi(q.Get("offset"), 0), v8Atoi(q.Get("limit"), 100)
				items := []map[string]any{}
				for i := off; i < min(off+limit, len(v8Products)); i++ {
					p := v8Products[i]
					items = append(items, map[string]any{"id": 500000 + p.ID, "sku": "0000" + strconv.Itoa(p.ID), "name": p.Title, "price": v9Float(p.Price),
						"defaultDisplayedPriceFormatted": "€" + p.Price, "url": fmt.Sprintf("%s/shop/%s-p%d", base, p.Slug, 500000+p.ID),
						"description": "<p>" + p.Desc + "</p>", "enabled": true, "inStock": true})
				}
				v8JSON(w, map[string]any{"total": len(v8Products), "count": len(items), "offset": off, "limit": limit, "items": items})
			})
			return mux
		},
		target: `name: ecwid-store
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
headers: {Authorization: "Bearer public_qKDUqKkNXzcj9DejkMUqEkYLq2E6BXM9"}
start_urls: ["{{base}}/api/v3/1003/products?offset=0&limit=2"]
json:
  items: items
  fields: {id: id, title: name, description: description, price: defaultDisplayedPriceFormatted, url: url}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(500000 + p.ID) },
				func(p v8Product) string { return fmt.Sprintf("%s/shop/%s-p%d", base, p.Slug, 500000+p.ID) })
		},
	}
}

// An IndiaMART-style B2B directory: cards with price per unit, company and
// city, and a "Show more results" button whose data-url answers the next
// cards as an HTML fragment (no <html>, no <body>), with the next button
// at its end, and none on the last.
func v10IndiaMART() v10Site {
	cities := []string{"Mumbai, Maharashtra", "Vadodara, Gujarat", "Chennai, Tamil Nadu", "Ankleshwar, Gujarat", "Hyderabad, Telangana"}
	cards := func(w http.ResponseWriter, pg int) {
		for _, p := range v8Page(pg, 2) {
			fmt.Fprintf(w, "\n<div class=\"card flx\" data-dispid=\"%d\" data-mcatid=\"4411\">\n  <div class=\"prd-img\"><img src=\"/img/%s.jpg\" alt=\"%s\"></div>\n  <div class=\"prd-dtl\"><a class=\"prd-name\" href=\"/proddetail/%s-%d.html\" target=\"_blank\">%s</a>\n  <p class=\"prc\">&#8377; %s<span class=\"unit\">/Litre</span></p>\n  <div class=\"desc\">%s</div>\n  <div class=\"cname\">ChemSupply Industries Pvt. Ltd.</div><span class=\"clg\">%s</span>\n  <button class=\"gbp\" onclick=\"enq(%d)\">Get Best Price</button></div>\n</div>",
				p.ID, p.Slug, p.Title, p.Slug, p.ID, p.Title, p.Price, p.Desc, cities[p.ID-101], p.ID)
		}
		if pg < v8Pages(2) {
			fmt.Fprintf(w, "\n<div id=\"showmore\"><button class=\"sm-btn\" data-url=\"/ajax/impcat-more?mcatid=4411&amp;pg=%d\">Show more results</button></div>\n", pg+1)
		}
	}
	return v10Site{
		v8Site: v8Site{
			name: "indiamart-show-more-fragments",
			handler: func(base string) http.Handler {
				mux := http.NewServeMux()
				mux.HandleFunc("/impcat/acetone.html", func(w http.ResponseWriter, r *http.Request) {
					fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Acetone - Manufacturers, Suppliers &amp; Dealers</title></head><body><h1>Acetone</h1><div id="m">`)
					cards(w, 1)
					fmt.Fprint(w, `</div></body></html>`)
				})
				mux.HandleFunc("/ajax/impcat-more", func(w http.ResponseWriter, r *http.Request) {
					if r.URL.Query().Get("mcatid") != "4411" {
						w.WriteHeader(http.StatusBadRequest)
						return
					}
					w.Header().Set("Content-Type", "text/html; charset=UTF-8")
					cards(w, v8Atoi(r.URL.Query().Get("pg"), 1))
				})
				return mux
			},
			target: `name: b2b-directory
platform: B2BIndia
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/impcat/acetone.html"]
next_page: ["button.sm-btn@data-url"]
listing:
  item: "div.card"
  fields: {id: "@data-dispid", url: "a.prd-name@href", title: a.prd-name, price: p.prc, description: div.desc,
           seller: div.cname, location: span.clg}`,
			want: func(base string) []v8Want {
				out := v8All(func(p v8Product) string { return strconv.Itoa(p.ID) },
					func(p v8Product) string { return fmt.Sprintf("%s/proddetail/%s-%d.html", base, p.Slug, p.ID) })
				for i := range out {
					out[i].seller = "ChemSupply Industries Pvt. Ltd."
				}
				return out
			},
		},
		extra: func(t *testing.T, base string, got []precwatch.Listing) {
			for _, l := range got {
				if want := cities[v8Atoi(l.ID, 101)-101]; l.Location != want {
					t.Errorf("%s: location %q, want %q", l.ID, l.Location, want)
				}
				if !strings.Contains(l.Price, "₹") {
					t.Errorf("%s: price %q lost its rupee sign", l.ID, l.Price)
				}
			}
		},
	}
}

// A Made-in-China-style product list: protocol-relative links, price
// ranges per unit, and images lazy-loaded from data-src over a spacer
// image (not a data: URI).
func v10MadeInChina() v10Site {
	return v10Site{
		v8Site: v8Site{
			name: "made-in-china-lazy-images",
			handler: func(base string) http.Handler {
				host := strings.TrimPrefix(base, "http://")
				mux := http.NewServeMux()
				mux.HandleFunc("/products-search/hot-china-products/", func(w http.ResponseWriter, r *http.Request) {
					name := strings.TrimPrefix(r.URL.Path, "/products-search/hot-china-products/")
					n := 1
					if strings.HasPrefix(name, "Acetone_") {
						n = v8Atoi(strings.TrimSuffix(strings.TrimPrefix(name, "Acetone_"), ".html"), 0)
					} else if name != "Acetone.html" {
						http.NotFound(w, r)
						return
					}
					ps := v8Page(n, 2)
					if ps == nil {
						http.NotFound(w, r)
						return
					}
					fmt.Fprint(w, `<!DOCTYPE html><html><head><title>China Acetone, Acetone Manufacturers, Suppliers, Price</title></head><body><div class="prod-list">`)
					for _, p := range ps {
						fmt.Fprintf(w, `<div class="list-node" faw-module="Prod_list"><div class="prod-image"><a href="//%s/product/%s-%d.html"><img src="//%s/common/img/space.png" data-src="//%s/img/%s.jpg" alt="%s" class="J-lazyimg"></a></div><div class="prod-info"><h2 class="product-name"><a href="//%s/product/%s-%d.html" title="%s">%s</a></h2><div class="price-info"><strong class="price">US$ %s-%s</strong> / Piece</div><div class="info">Min. Order: 1 Piece</div><div class="company-name"><a href="//%s/company/chem-%d.html">Shandong ChemSupply Co., Ltd.</a></div></div></div>`,
							host, p.Slug, p.ID, host, host, p.Slug, p.Title, host, p.Slug, p.ID, p.Title, p.Title, p.Price, strconv.Itoa(v8Atoi(strings.Split(p.Price, ".")[0], 0)+5)+".00", host, p.ID)
					}
					fmt.Fprint(w, `</div><div class="page-dom">`)
					if n < v8Pages(2) {
						fmt.Fprintf(w, `<a class="next" href="//%s/products-search/hot-china-products/Acetone_%d.html">Next</a>`, host, n+1)
					}
					fmt.Fprint(w, `</div></body></html>`)
				})
				return mux
			},
			target: `name: mic-list
platform: MadeInChina
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/products-search/hot-china-products/Acetone.html"]
next_page: ["a.next"]
listing:
  item: "div.list-node"
  fields: {url: "h2.product-name a@href", title: "h2.product-name a@title", price: strong.price, seller: div.company-name a, image: "img.J-lazyimg@src"}`,
			want: func(base string) []v8Want {
				out := v8All(nil, func(p v8Product) string { return fmt.Sprintf("%s/product/%s-%d.html", base, p.Slug, p.ID) })
				for i := range out {
					out[i].desc, out[i].seller = "", "Shandong ChemSupply Co., Ltd."
				}
				return out
			},
		},
		extra: func(t *testing.T, base string, got []precwatch.Listing) {
			for _, p := range v8Products {
				for _, l := range got {
					if l.Title == p.Title {
						if img, want := v10Attr(l, "image"), base+"/img/"+p.Slug+".jpg"; img != want {
							t.Errorf("%s: image %q, want %q", p.Title, img, want)
						}
					}
				}
			}
		},
	}
}

// v10JSString writes s as a single-quoted JavaScript string literal, as
// shops that hand JSON.parse a literal write it.
func v10JSString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "</", `<\/`, "\u2028", `\u2028`)
	return "'" + r.Replace(s) + "'"
}

// Classifieds that hand their state to JSON.parse as a string literal
// (window.__INITIAL_STATE__ = JSON.parse('{…}')), faster to parse in
// browsers than an object literal; the next page is a relative query.
func v10JSONParseState() v8Site {
	return v8Site{
		name: "classifieds-json-parse-state",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/moskva/himiya", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("p"), 1)
				items := []map[string]any{}
				for _, p := range v8Page(n, 2) {
					items = append(items, map[string]any{"id": 3000000000 + p.ID, "title": p.Title, "description": p.Desc + ` Seller's "own stock".`,
						"urlPath":       "/moskva/himiya/" + strings.ReplaceAll(p.Slug, "-", "_") + "_" + strconv.Itoa(3000000000+p.ID),
						"priceDetailed": map[string]any{"value": v9Float(p.Price), "string": p.Price + " ₽"}, "location": map[string]any{"name": "Москва"}})
				}
				state := map[string]any{"catalog": map[string]any{"items": items, "pager": map[string]any{"current": n, "next": nil}}}
				if n < v8Pages(2) {
					state["catalog"].(map[string]any)["pager"].(map[string]any)["next"] = "?p=" + strconv.Itoa(n+1)
				}
				b, _ := json.Marshal(state)
				fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Химия в Москве</title></head><body><div id="app"></div><script>window.__INITIAL_STATE__ = JSON.parse(%s);</script><script src="/static/app.js"></script></body></html>`, v10JSString(string(b)))
			})
			return mux
		},
		target: `name: classifieds-state
platform: Board
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/moskva/himiya?p=1"]
json:
  items: catalog.items
  next_page: catalog.pager.next
  fields: {id: id, title: title, description: description, price: priceDetailed.string, url: urlPath, location: location.name}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(3000000000 + p.ID) },
				func(p v8Product) string {
					return base + "/moskva/himiya/" + strings.ReplaceAll(p.Slug, "-", "_") + "_" + strconv.Itoa(3000000000+p.ID)
				})
		},
	}
}

// Taobao's mtop H5 API answers JSONP (callback=mtopjsonpN) as
// application/javascript; the request is GET with the search (and its
// page) JSON-encoded in the data parameter; a SUCCESS ret is no error.
func v10TaobaoJSONP() v10Site {
	sellers := []string{"化工旗舰店", "试剂专营店", "化工旗舰店", "实验室用品店", "试剂专营店"}
	return v10Site{
		v8Site: v8Site{
			name: "taobao-mtop-jsonp",
			handler: func(base string) http.Handler {
				mux := http.NewServeMux()
				mux.HandleFunc("/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/", func(w http.ResponseWriter, r *http.Request) {
					q := r.URL.Query()
					cb := q.Get("callback")
					var data struct {
						Q    string `json:"q"`
						Page int    `json:"page"`
						N    int    `json:"n"`
					}
					w.Header().Set("Content-Type", "application/javascript;charset=UTF-8")
					if err := json.Unmarshal([]byte(q.Get("data")), &data); err != nil || data.Page < 1 || data.N < 1 || cb == "" {
						fmt.Fprintf(w, `%s({"api":"mtop.relationrecommend.WirelessRecommend.recommend","data":{},"ret":["FAIL_SYS_ILLEGAL_ACCESS::非法请求"],"v":"2.0"})`, cb)
						return
					}
					items := []map[string]any{}
					for _, p := range v8Page(data.Page, data.N) {
						items = append(items, map[string]any{"item_id": strconv.Itoa(600000000000 + p.ID), "title": p.Title, "price": p.Price,
							"nick": sellers[p.ID-101], "procity": "浙江 杭州", "auctionURL": fmt.Sprintf("//item.taobao.com/item.htm?id=%d", 600000000000+p.ID)})
					}
					b, _ := json.Marshal(map[string]any{"api": "mtop.relationrecommend.WirelessRecommend.recommend", "data": map[string]any{
						"itemsArray": items, "mainInfo": map[string]any{"page": strconv.Itoa(data.Page), "totalPage": strconv.Itoa(v8Pages(data.N))}},
						"ret": []string{"SUCCESS::调用成功"}, "v": "2.0"})
					fmt.Fprintf(w, " %s(%s)", cb, b)
				})
				return mux
			},
			target: `name: taobao-search
platform: Taobao
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/"]
json:
  method: GET
  body: '{"jsv": "2.7.2", "appKey": "12574478", "api": "mtop.relationrecommend.WirelessRecommend.recommend", "type": "jsonp", "dataType": "jsonp", "callback": "mtopjsonp2", "data": {"q": "丙酮", "page": ${page}, "n": 2}}'
  items: data.itemsArray
  fields: {id: item_id, title: title, price: price, seller: nick, location: procity}`,
			want: func(base string) []v8Want {
				out := v8All(func(p v8Product) string { return strconv.Itoa(600000000000 + p.ID) }, nil)
				for i := range out {
					out[i].desc, out[i].seller = "", sellers[i]
				}
				return out
			},
		},
		extra: func(t *testing.T, base string, got []precwatch.Listing) {
			// Items without a url are named by their page: the
			// endpoint, without the body's members sent in the query.
			for _, l := range got {
				if !strings.HasPrefix(l.URL, base+"/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/") || strings.Contains(l.URL, "appKey") || strings.Contains(l.URL, "data=") {
					t.Errorf("%s: url %q, want the endpoint named by its page", l.ID, l.URL)
				}
			}
		},
	}
}

// A lazy-loading grid whose server-rendered cards are only inside
// <noscript> (a script renders them for browsers); the product pages are
// plain markup.
func v10NoscriptGrid() v8Site {
	return v8Site{
		name: "noscript-product-grid",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/catalog", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Catalog</title></head><body><div class="grid" data-lazy-grid="/api/grid"><div class="skeleton"></div><noscript>`)
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(w, `<div class="card"><a class="product" href="/p/%d"><img src="/img/%s.jpg" alt=""><span>%s</span></a></div>`, p.ID, p.Slug, p.Title)
				}
				fmt.Fprint(w, `</noscript></div>`)
				if n < v8Pages(2) {
					fmt.Fprintf(w, `<a rel="next" href="/catalog?page=%d">More</a>`, n+1)
				}
				fmt.Fprint(w, `</body></html>`)
			})
			mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
				id := v8Atoi(strings.TrimPrefix(r.URL.Path, "/p/"), 0)
				if id < 101 || id > 105 {
					http.NotFound(w, r)
					return
				}
				p := v8Products[id-101]
				fmt.Fprintf(w, `<html><head><title>%s</title></head><body><h1>%s</h1><span class="price">€%s</span><div class="desc">%s</div></body></html>`, p.Title, p.Title, p.Price, p.Desc)
			})
			return mux
		},
		target: `name: noscript-grid
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/catalog?page=1"]
follow: ["div.grid a.product"]
listing:
  url_pattern: "^/p/\\d+$"
  fields: {title: h1, price: span.price, description: div.desc}`,
		want: func(base string) []v8Want {
			return v8All(nil, func(p v8Product) string { return fmt.Sprintf("%s/p/%d", base, p.ID) })
		},
	}
}

// Cards shipped in a <template> that a script clones into the page.
func v10TemplateCards() v8Site {
	return v8Site{
		name: "template-cards",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/deals", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Deals</title></head><body><div id="deals"></div><template id="deal-cards">`)
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(w, `<article class="deal" data-id="%d"><h2><a href="/deal/%d">%s</a></h2><span class="price">€%s</span><p class="summary">%s</p></article>`, p.ID, p.ID, p.Title, p.Price, p.Desc)
				}
				fmt.Fprint(w, `</template><script>document.getElementById('deals').append(document.getElementById('deal-cards').content.cloneNode(true))</script>`)
				if n < v8Pages(2) {
					fmt.Fprintf(w, `<nav><a class="next" href="/deals?page=%d">Next</a></nav>`, n+1)
				}
				fmt.Fprint(w, `</body></html>`)
			})
			return mux
		},
		target: `name: template-deals
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/deals"]
next_page: ["a.next"]
listing:
  item: "article.deal"
  fields: {id: "@data-id", url: "h2 a@href", title: "h2 a", price: span.price, description: p.summary}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(p.ID) }, func(p v8Product) string { return fmt.Sprintf("%s/deal/%d", base, p.ID) })
		},
	}
}

// A Korean shop in EUC-KR that says so only in its Content-Type header,
// under Microsoft's label ks_c_5601-1987, with its search keyword
// percent-encoded in EUC-KR in its links.
func v10EUCKRHeader() v8Site {
	ko := []string{"아세톤 99.5% 공업용", "황산 96%", "과망간산칼륨 500g", "톨루엔 1L", "염산 37%"}
	kwd := "%C8%AD%C7%D0" // 화학 in EUC-KR
	return v8Site{
		name: "euc-kr-header-only",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/search", func(w http.ResponseWriter, r *http.Request) {
				if r.URL.RawQuery == "" || !strings.Contains(r.URL.RawQuery, "kwd="+kwd) {
					w.WriteHeader(http.StatusBadRequest)
					return
				}
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				var b strings.Builder
				b.WriteString(`<html><head><title>화학 검색결과</title></head><body><ul class="items">`)
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(&b, `<li class="item"><a href="/item/%d">%s</a><em class="price">%s원</em></li>`, p.ID, ko[p.ID-101], p.Price)
				}
				b.WriteString(`</ul>`)
				if n < v8Pages(2) {
					fmt.Fprintf(&b, `<a class="next" href="/search?kwd=%s&amp;page=%d">다음</a>`, kwd, n+1)
				}
				b.WriteString(`</body></html>`)
				w.Header().Set("Content-Type", "text/html; charset=ks_c_5601-1987")
				_, _ = w.Write(v10Encode(korean.EUCKR, b.String()))
			})
			return mux
		},
		target: `name: korean-shop
platform: KoreaMall
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/search?kwd=%C8%AD%C7%D0&page=1"]
next_page: ["a.next"]
listing:
  item: li.item
  fields: {url: "a@href", title: a, price: em.price}`,
		want: func(base string) []v8Want {
			var out []v8Want
			for i, p := range v8Products {
				out = append(out, v8Want{url: fmt.Sprintf("%s/item/%d", base, p.ID), title: ko[i], price: p.Price})
			}
			return out
		},
	}
}

// A Japanese JSON API answering in Shift_JIS, declared only in its
// Content-Type header (application/json; charset=Shift_JIS).
func v10ShiftJISJSON() v8Site {
	ja := []string{"アセトン 99.5% 工業用", "硫酸 96%", "過マンガン酸カリウム 500g", "トルエン 1L", "塩酸 37%"}
	return v8Site{
		name: "shift-jis-json-header",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/api/items", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				items := []map[string]any{}
				for _, p := range v8Page(n, 2) {
					items = append(items, map[string]any{"itemCode": "chem:" + strconv.Itoa(p.ID), "itemName": ja[p.ID-101], "itemPrice": p.Price + "円",
						"itemUrl": fmt.Sprintf("%s/item/%d/", base, p.ID), "shopName": "化学ショップ"})
				}
				res := map[string]any{"items": items, "next": nil}
				if n < v8Pages(2) {
					res["next"] = fmt.Sprintf("/api/items?page=%d", n+1)
				}
				var b bytes.Buffer
				enc := json.NewEncoder(&b)
				enc.SetEscapeHTML(false)
				_ = enc.Encode(res)
				w.Header().Set("Content-Type", "application/json; charset=Shift_JIS")
				_, _ = w.Write(v10Encode(japanese.ShiftJIS, b.String()))
			})
			return mux
		},
		target: `name: sjis-api
platform: ChemJP
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/api/items?page=1"]
json:
  items: items
  next_page: next
  fields: {id: itemCode, title: itemName, price: itemPrice, url: itemUrl, seller: shopName}`,
		want: func(base string) []v8Want {
			var out []v8Want
			for i, p := range v8Products {
				out = append(out, v8Want{id: "chem:" + strconv.Itoa(p.ID), url: fmt.Sprintf("%s/item/%d/", base, p.ID), title: ja[i], price: p.Price, seller: "化学ショップ"})
			}
			return out
		},
	}
}

// A Chinese shop whose pages are GB18030 bytes labelled GBK in the
// Content-Type header only (one title uses a character outside GB2312).
func v10GBKHeader() v8Site {
	zh := []string{"丙酮 99.5% 工业级", "硫酸 96%", "高锰酸钾 500克", "甲苯 1升", "盐酸 37% 瓩"}
	return v8Site{
		name: "gbk-header-only",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			page := func(w http.ResponseWriter, s string) {
				w.Header().Set("Content-Type", "text/html; charset=GBK")
				_, _ = w.Write(v10Encode(simplifiedchinese.GB18030, s))
			}
			mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				var b strings.Builder
				b.WriteString(`<html><head><title>化工原料</title></head><body>`)
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(&b, `<div class="goods"><a class="goods-link" href="/goods/%d.html">%s</a></div>`, p.ID, zh[p.ID-101])
				}
				if n < v8Pages(2) {
					fmt.Fprintf(&b, `<a class="next" href="/list?page=%d">下一页</a>`, n+1)
				}
				b.WriteString(`</body></html>`)
				page(w, b.String())
			})
			mux.HandleFunc("/goods/", func(w http.ResponseWriter, r *http.Request) {
				id := v8Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/goods/"), ".html"), 0)
				if id < 101 || id > 105 {
					http.NotFound(w, r)
					return
				}
				p := v8Products[id-101]
				page(w, fmt.Sprintf(`<html><head><title>%s</title></head><body><h1 class="goods-title">%s</h1><p class="price">¥%s</p><div class="shop">化工供应商</div></body></html>`, zh[id-101], zh[id-101], p.Price))
			})
			return mux
		},
		target: `name: gbk-shop
platform: ChemCN
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/list?page=1"]
follow: ["a.goods-link"]
next_page: ["a.next"]
listing:
  url_pattern: "/goods/\\d+\\.html$"
  fields: {title: h1.goods-title, price: p.price, seller: div.shop}`,
		want: func(base string) []v8Want {
			var out []v8Want
			for i, p := range v8Products {
				out = append(out, v8Want{url: fmt.Sprintf("%s/goods/%d.html", base, p.ID), title: zh[i], price: p.Price, seller: "化工供应商"})
			}
			return out
		},
	}
}

// v10Gzip compresses b.
func v10Gzip(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return buf.Bytes()
}

// robots.txt names a sitemap index, which lists gzipped sitemaps: one
// served as application/x-gzip, the other a .xml.gz file that the server
// also labels Content-Encoding: gzip (so it is gzipped twice on the wire),
// as misconfigured servers do. Product pages carry JSON-LD only.
func v10SitemapGz() v8Site {
	return v8Site{
		name: "sitemap-index-gz",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprintf(w, "User-agent: *\nDisallow: /cart\n\nSitemap: %s/sitemap_index.xml\n", base)
			})
			mux.HandleFunc("/sitemap_index.xml", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/xml; charset=UTF-8")
				fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="//%s/sitemap.xsl"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>%s/sitemaps/products-1.xml.gz</loc><lastmod>2026-11-01T10:00:00+00:00</lastmod></sitemap>
  <sitemap><loc>%s/sitemaps/products-2.xml.gz</loc><lastmod>2026-11-01T10:00:00+00:00</lastmod></sitemap>
</sitemapindex>`, strings.TrimPrefix(base, "http://"), base, base)
			})
			mux.HandleFunc("/sitemaps/", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/sitemaps/products-"), ".xml.gz"), 0)
				ps := v8Page(n, 3)
				if ps == nil {
					http.NotFound(w, r)
					return
				}
				var b strings.Builder
				b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:xhtml="http://www.w3.org/1999/xhtml">`)
				for _, p := range ps {
					fmt.Fprintf(&b, "\n<url>\n  <loc>\n    %s/products/%s\n  </loc>\n  <xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"%s/de/products/%s\"/>\n  <image:image><image:loc>%s/img/%s.jpg</image:loc></image:image>\n  <lastmod>2026-10-30</lastmod>\n</url>", base, p.Slug, base, p.Slug, base, p.Slug)
				}
				b.WriteString("\n</urlset>\n")
				gz := v10Gzip([]byte(b.String()))
				if n == 2 {
					w.Header().Set("Content-Type", "application/xml")
					w.Header().Set("Content-Encoding", "gzip")
					_, _ = w.Write(v10Gzip(gz))
					return
				}
				w.Header().Set("Content-Type", "application/x-gzip")
				_, _ = w.Write(gz)
			})
			mux.HandleFunc("/products/", func(w http.ResponseWriter, r *http.Request) {
				slug := strings.TrimPrefix(r.URL.Path, "/products/")
				for _, p := range v8Products {
					if p.Slug == slug {
						ld, _ := json.Marshal(map[string]any{"@context": "https://schema.org", "@type": "Product", "name": p.Title, "description": p.Desc, "sku": p.Slug,
							"offers": map[string]any{"@type": "Offer", "price": p.Price, "priceCurrency": "EUR", "seller": map[string]any{"@type": "Organization", "name": "ChemSupply"}}})
						fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>%s</title><script type="application/ld+json">%s</script></head><body><div id="root"></div></body></html>`, p.Title, ld)
						return
					}
				}
				http.NotFound(w, r)
			})
			return mux
		},
		target: `name: sitemap-shop
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/robots.txt"]
follow: ["loc"]
listing:
  url_pattern: "^/products/[a-z0-9-]+$"`,
		want: func(base string) []v8Want {
			out := v8All(nil, func(p v8Product) string { return base + "/products/" + p.Slug })
			for i := range out {
				out[i].seller = "ChemSupply"
			}
			return out
		},
	}
}

// Product pages with RDFa only (Drupal Commerce and older Magento themes):
// vocab/typeof/property attributes, the price in a content attribute; the
// category page links them.
func v10RDFa() v8Site {
	return v8Site{
		name: "rdfa-product-pages",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/catalog", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, `<html><head><title>Catalog</title></head><body><div class="view-content">`)
				for _, p := range v8Products {
					fmt.Fprintf(w, `<div class="views-row"><a href="/product/%s">%s</a></div>`, p.Slug, p.Title)
				}
				fmt.Fprint(w, `</div></body></html>`)
			})
			mux.HandleFunc("/product/", func(w http.ResponseWriter, r *http.Request) {
				slug := strings.TrimPrefix(r.URL.Path, "/product/")
				for _, p := range v8Products {
					if p.Slug == slug {
						fmt.Fprintf(w, `<!DOCTYPE html><html lang="en" dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/ og: http://ogp.me/ns#"><head><title>%s | ChemSupply</title></head><body>
<article vocab="https://schema.org/" typeof="Product" about="/product/%s" class="commerce-product">
  <h1 class="page-title"><span property="name">%s</span></h1>
  <div property="description"><p>%s</p></div>
  <div property="offers" typeof="Offer"><span class="price">€ %s</span><meta property="price" content="%s"><meta property="priceCurrency" content="EUR">
    <div property="seller" typeof="Organization"><span property="name">ChemSupply BV</span></div></div>
  <span property="sku">CS-%d</span>
</article></body></html>`, p.Title, p.Slug, p.Title, p.Desc, p.Price, p.Price, p.ID)
						return
					}
				}
				http.NotFound(w, r)
			})
			return mux
		},
		target: `name: rdfa-shop
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/catalog"]
follow: ["div.views-row a"]
listing:
  url_pattern: "^/product/"`,
		want: func(base string) []v8Want {
			out := v8All(nil, func(p v8Product) string { return base + "/product/" + p.Slug })
			for i := range out {
				out[i].seller = "ChemSupply BV"
			}
			return out
		},
	}
}

// Vehicle and equipment classifieds describe an ad with a schema.org
// subtype of Product (Car, Vehicle, IndividualProduct) or a list of types.
func v10CarJSONLD() v8Site {
	types := []any{"Car", []string{"Product", "Vehicle"}, "IndividualProduct", "ProductModel", "Car"}
	return v8Site{
		name: "jsonld-product-subtypes",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/ads", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, `<html><head><title>Ads</title></head><body><ul>`)
				for _, p := range v8Products {
					fmt.Fprintf(w, `<li><a class="ad" href="/ad/%d">%s</a></li>`, p.ID, p.Title)
				}
				fmt.Fprint(w, `</ul></body></html>`)
			})
			mux.HandleFunc("/ad/", func(w http.ResponseWriter, r *http.Request) {
				id := v8Atoi(strings.TrimPrefix(r.URL.Path, "/ad/"), 0)
				if id < 101 || id > 105 {
					http.NotFound(w, r)
					return
				}
				p := v8Products[id-101]
				ld, _ := json.Marshal(map[string]any{"@context": "https://schema.org", "@type": types[id-101], "name": p.Title, "description": p.Desc,
					"offers": map[string]any{"@type": "Offer", "price": p.Price, "priceCurrency": "EUR", "seller": map[string]any{"@type": "Person", "name": "Jan"}}})
				fmt.Fprintf(w, `<html><head><title>%s</title><script type="application/ld+json">%s</script></head><body><div id="app"></div></body></html>`, p.Title, ld)
			})
			return mux
		},
		target: `name: ads-jsonld
platform: Board
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/ads"]
follow: ["a.ad"]
listing:
  url_pattern: "^/ad/\\d+$"`,
		want: func(base string) []v8Want {
			out := v8All(nil, func(p v8Product) string { return fmt.Sprintf("%s/ad/%d", base, p.ID) })
			for i := range out {
				out[i].seller = "Jan"
			}
			return out
		},
	}
}

// A shop whose server says windows-1251 in the Content-Type header while
// the template's <meta charset="utf-8"> is wrong: browsers follow the
// header.
func v10HeaderOverMeta() v8Site {
	ru := []string{"Ацетон технический", "Серная кислота 96%", "Перманганат калия", "Толуол 1 л", "Соляная кислота 37%"}
	return v8Site{
		name: "charset-header-over-meta",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) {
				var b strings.Builder
				b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Каталог</title></head><body>`)
				for i, p := range v8Products {
					fmt.Fprintf(&b, `<div class="item"><a href="/i/%d">%s</a><b class="price">%s руб.</b></div>`, p.ID, ru[i], p.Price)
				}
				b.WriteString(`</body></html>`)
				w.Header().Set("Content-Type", "text/html; charset=windows-1251")
				_, _ = w.Write(v10Encode(charmap.Windows1251, b.String()))
			})
			return mux
		},
		target: `name: header-charset
platform: ChemRU
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/list"]
listing:
  item: div.item
  fields: {url: "a@href", title: a, price: b.price}`,
		want: func(base string) []v8Want {
			var out []v8Want
			for i, p := range v8Products {
				out = append(out, v8Want{url: fmt.Sprintf("%s/i/%d", base, p.ID), title: ru[i], price: p.Price})
			}
			return out
		},
	}
}

// Shopify Hydrogen (Remix): the route's loader data is in
// window.__remixContext, keyed by route ids that hold slashes, dots and $.
func v10RemixContext() v8Site {
	return v8Site{
		name: "hydrogen-remix-context",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/collections/solvents", func(w http.ResponseWriter, r *http.Request) {
				nodes := []map[string]any{}
				for _, p := range v8Products {
					nodes = append(nodes, map[string]any{"id": fmt.Sprintf("gid://shopify/Product/%d", 7000000+p.ID), "handle": p.Slug, "title": p.Title,
						"description": p.Desc, "priceRange": map[string]any{"minVariantPrice": map[string]any{"amount": p.Price, "currencyCode": "EUR"}}})
				}
				ctx := map[string]any{"basename": "/", "future": map[string]any{"v3_fetcherPersist": true}, "isSpaMode": false,
					"state": map[string]any{"loaderData": map[string]any{
						"root":                       map[string]any{"shop": map[string]any{"name": "ChemSupply"}, "header": map[string]any{"menu": map[string]any{"items": []map[string]any{{"title": "Home", "url": "/"}}}}},
						"routes/collections.$handle": map[string]any{"collection": map[string]any{"handle": "solvents", "title": "Solvents", "products": map[string]any{"nodes": nodes, "pageInfo": map[string]any{"hasNextPage": false, "endCursor": nil}}}},
					}, "actionData": nil, "errors": nil}}
				b, _ := json.Marshal(ctx)
				fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Solvents</title></head><body><div id="root"><h1>Solvents</h1></div><script>window.__remixContext = %s;__remixContext.p = function(v,e,p,x) {};</script><script type="module" async="">import "/build/entry.client.js";</script></body></html>`, b)
			})
			return mux
		},
		target: `name: hydrogen
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/collections/solvents"]
json:
  items: 'state.loaderData["routes/collections.$handle"].collection.products.nodes'
  fields: {id: id, title: title, description: description, price: priceRange.minVariantPrice, url: "{{base}}/products/{handle}"}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return fmt.Sprintf("gid://shopify/Product/%d", 7000000+p.ID) },
				func(p v8Product) string { return base + "/products/" + p.Slug })
		},
	}
}

// WooCommerce prints a sale price as the struck-out regular price, the
// sale price and screen-reader sentences saying both; the listing's price
// is the one the buyer pays.
func v10WooSalePrice() v10Site {
	money := func(p string) string {
		return `<span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">&euro;</span>` + p + `</bdi></span>`
	}
	return v10Site{
		v8Site: v8Site{
			name: "woocommerce-sale-price",
			handler: func(base string) http.Handler {
				mux := http.NewServeMux()
				mux.HandleFunc("/shop/", func(w http.ResponseWriter, r *http.Request) {
					fmt.Fprint(w, `<html><head><title>Shop</title></head><body><ul class="products columns-4">`)
					for _, p := range v8Products {
						old := strconv.Itoa(v8Atoi(strings.Split(p.Price, ".")[0], 0)+5) + ".00"
						fmt.Fprintf(w, `<li class="product type-product post-%d"><a href="%s/product/%s/" class="woocommerce-LoopProduct-link"><h2 class="woocommerce-loop-product__title">%s</h2><span class="onsale">Sale!</span><span class="price"><del aria-hidden="true">%s</del> <span class="screen-reader-text">Original price was: &euro;%s.</span><ins aria-hidden="true">%s</ins><span class="screen-reader-text">Current price is: &euro;%s.</span></span></a></li>`,
							p.ID, base, p.Slug, p.Title, money(old), old, money(p.Price), p.Price)
					}
					fmt.Fprint(w, `</ul></body></html>`)
				})
				return mux
			},
			target: `name: woo-sale
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/shop/"]
listing:
  item: li.product
  fields: {url: "a@href", title: h2, price: span.price}`,
			want: func(base string) []v8Want {
				out := v8All(nil, func(p v8Product) string { return base + "/product/" + p.Slug + "/" })
				for i := range out {
					out[i].desc = ""
				}
				return out
			},
		},
		extra: func(t *testing.T, base string, got []precwatch.Listing) {
			for _, l := range got {
				for _, p := range v8Products {
					if l.Title == p.Title && l.Price != "€"+p.Price && l.Price != "€ "+p.Price {
						t.Errorf("%s: price %q, want €%s (the sale price alone)", p.Title, l.Price, p.Price)
					}
				}
			}
		},
	}
}

// Magento 2's GraphQL over GET (cacheable by Varnish): the query inline
// with currentPage in it, page_info saying which page of how many; a page
// past the last is a GraphQL error, not an empty page.
func v10MagentoGraphQLGet() v8Site {
	pageArg := regexp.MustCompile(`currentPage:\s*(\d+)`)
	sizeArg := regexp.MustCompile(`pageSize:\s*(\d+)`)
	return v8Site{
		name: "magento2-graphql-get-page-info",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/graphql", func(w http.ResponseWriter, r *http.Request) {
				q := r.URL.Query().Get("query")
				pm, sm := pageArg.FindStringSubmatch(q), sizeArg.FindStringSubmatch(q)
				if r.Method != http.MethodGet || pm == nil || sm == nil {
					v8JSON(w, map[string]any{"errors": []map[string]any{{"message": "Syntax Error: Expected Name, found <EOF>", "extensions": map[string]any{"category": "graphql"}}}})
					return
				}
				page, size := v8Atoi(pm[1], 1), v8Atoi(sm[1], 20)
				if page > v8Pages(size) {
					v8JSON(w, map[string]any{"errors": []map[string]any{{"message": fmt.Sprintf("currentPage value %d specified is greater than the %d page(s) available.", page, v8Pages(size)),
						"extensions": map[string]any{"category": "graphql-input"}, "locations": []map[string]any{{"line": 1, "column": 3}}, "path": []string{"products"}}},
						"data": map[string]any{"products": nil}})
					return
				}
				items := []map[string]any{}
				for _, p := range v8Page(page, size) {
					items = append(items, map[string]any{"sku": "CS-" + strconv.Itoa(p.ID), "name": p.Title, "url_key": p.Slug, "url_suffix": ".html",
						"description": map[string]any{"html": "<p>" + p.Desc + "</p>"},
						"price_range": map[string]any{"minimum_price": map[string]any{"final_price": map[string]any{"value": v9Float(p.Price), "currency": "EUR"}}}})
				}
				w.Header().Set("X-Magento-Cache-Debug", "MISS")
				v8JSON(w, map[string]any{"data": map[string]any{"products": map[string]any{"total_count": len(v8Products), "items": items,
					"page_info": map[string]any{"current_page": page, "page_size": size, "total_pages": v8Pages(size)}}}})
			})
			return mux
		},
		target: `name: magento-graphql
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/graphql"]
json:
  body: '{"query": "{ products(search: \"\", pageSize: 2, currentPage: ${page}) { total_count items { sku name url_key description { html } price_range { minimum_price { final_price { value currency } } } } page_info { current_page page_size total_pages } } }"}'
  items: data.products.items
  fields: {id: sku, title: name, description: description.html, price: price_range.minimum_price.final_price,
           url: "{{base}}/{url_key}.html"}`,
		want: func(base string) []v8Want {
			return v9Trim(v8All(func(p v8Product) string { return "CS-" + strconv.Itoa(p.ID) }, func(p v8Product) string { return base + "/" + p.Slug + ".html" }))
		},
	}
}

// A "Load more" button whose endpoint answers JSON with the next cards'
// markup under "content" and the following endpoint under "next_url"
// (null on the last), as hand-written PHP shops and PrestaShop modules do.
func v10LoadMoreContentJSON() v8Site {
	cards := func(n int) string {
		var b strings.Builder
		for _, p := range v8Page(n, 2) {
			fmt.Fprintf(&b, `<div class="card" data-id="%d"><a class="name" href="/item/%d">%s</a><span class="price">%s €</span><p>%s</p></div>`, p.ID, p.ID, p.Title, p.Price, p.Desc)
		}
		return b.String()
	}
	return v8Site{
		name: "load-more-content-json",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/catalog", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprintf(w, `<html><head><title>Catalog</title></head><body><div id="cards">%s</div><button class="load-more" data-url="/catalog/more?page=2">Load more</button></body></html>`, cards(1))
			})
			mux.HandleFunc("/catalog/more", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 2)
				var next any
				if n < v8Pages(2) {
					next = fmt.Sprintf("/catalog/more?page=%d", n+1)
				}
				v8JSON(w, map[string]any{"success": true, "content": cards(n), "next_url": next, "page": n})
			})
			return mux
		},
		target: `name: load-more-json
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/catalog"]
next_page: ["button.load-more@data-url"]
listing:
  item: div.card
  fields: {id: "@data-id", url: "a.name@href", title: a.name, price: span.price, description: p}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(p.ID) }, func(p v8Product) string { return fmt.Sprintf("%s/item/%d", base, p.ID) })
		},
	}
}

// A Yandex Market YML feed (the price-list format of Russian and CIS
// shops): <yml_catalog><shop><offers><offer id="…"> with url, price,
// currencyId, name and description, in windows-1251 as its XML
// declaration says, served as text/xml without a charset.
func v10YandexYML() v8Site {
	ru := []struct{ title, desc string }{
		{"Ацетон технический 20 л", "Ацетон 99,5%, канистры по 20 литров."},
		{"Серная кислота 96%", "Аккумуляторная серная кислота, 1 л."},
		{"Перманганат калия 500 г", "Марганцовка кристаллическая."},
		{"Толуол 1 л", "Толуол, растворитель."},
		{"Соляная кислота 37%", "Соляная кислота, 2,5 л."},
	}
	return v8Site{
		name: "yandex-yml-cp1251",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/export/yml.xml", func(w http.ResponseWriter, r *http.Request) {
				var b strings.Builder
				b.WriteString(`<?xml version="1.0" encoding="windows-1251"?>` + "\n" + `<!DOCTYPE yml_catalog SYSTEM "shops.dtd">` + "\n")
				b.WriteString(`<yml_catalog date="2026-11-28 10:00"><shop><name>ХимСнаб</name><company>ООО "ХимСнаб"</company><url>` + base + `/</url>`)
				b.WriteString(`<currencies><currency id="RUR" rate="1"/></currencies><categories><category id="1">Химия</category></categories><offers>`)
				for i, p := range v8Products {
					fmt.Fprintf(&b, `<offer id="%d" available="true"><url>%s/product/%d/</url><price>%s</price><currencyId>RUR</currencyId><categoryId>1</categoryId><name>%s</name><vendor>ХимСнаб</vendor><description><![CDATA[<p>%s</p>]]></description></offer>`,
						p.ID, base, p.ID, p.Price, ru[i].title, ru[i].desc)
				}
				b.WriteString(`</offers></shop></yml_catalog>`)
				w.Header().Set("Content-Type", "text/xml")
				_, _ = w.Write(v10Encode(charmap.Windows1251, b.String()))
			})
			return mux
		},
		target: `name: yml-feed
platform: ChemRU
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/export/yml.xml"]
listing:
  item: offer
  fields: {id: "@id", url: url, title: name, price: price, description: description, seller: vendor}`,
		want: func(base string) []v8Want {
			var out []v8Want
			for i, p := range v8Products {
				out = append(out, v8Want{id: strconv.Itoa(p.ID), url: fmt.Sprintf("%s/product/%d/", base, p.ID), title: ru[i].title, price: p.Price, desc: ru[i].desc, seller: "ХимСнаб"})
			}
			return out
		},
	}
}

// A B2B price list in a table written without <tbody> (HTML parsers and
// browsers put the rows in one), with the selectors a partner writes from
// the page source or a Scrapy spider (lxml adds no tbody): "table.offers > tr".
func v10TableRows() v8Site {
	return v8Site{
		name: "table-rows-without-tbody",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/pricelist", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, `<html><head><title>Price list</title></head><body><table class="offers"><tr class="head"><th>Product</th><th>Price</th><th>Supplier</th></tr>`)
				for _, p := range v8Products {
					fmt.Fprintf(w, `<tr class="offer"><td><a href="/offer/%d">%s</a></td><td>%s USD/kg</td><td>Gujarat Chem Traders</td></tr>`, p.ID, p.Title, p.Price)
				}
				fmt.Fprint(w, `</table></body></html>`)
			})
			return mux
		},
		target: `name: pricelist
platform: B2BIndia
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/pricelist"]
listing:
  item: "table.offers > tr.offer"
  fields: {url: "td:nth-child(1) > a@href", title: "td:nth-child(1) > a", price: "td:nth-child(2)", seller: "td:nth-child(3)"}`,
		want: func(base string) []v8Want {
			out := v8All(nil, func(p v8Product) string { return fmt.Sprintf("%s/offer/%d", base, p.ID) })
			for i := range out {
				out[i].desc, out[i].seller = "", "Gujarat Chem Traders"
			}
			return out
		},
	}
}

// Solr's deep paging: cursorMark=* first, nextCursorMark in each answer,
// sent back as cursorMark; the last page gives back the mark it was sent.
func v10SolrCursorMark() v8Site {
	return v8Site{
		name: "solr-cursormark",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/solr/products/select", func(w http.ResponseWriter, r *http.Request) {
				q := r.URL.Query()
				mark := q.Get("cursorMark")
				if mark == "" || !strings.Contains(q.Get("sort"), "id") {
					w.WriteHeader(http.StatusBadRequest)
					v8JSON(w, map[string]any{"error": map[string]any{"msg": "Cursor functionality requires a sort containing a uniqueKey field tie breaker", "code": 400}})
					return
				}
				rows := v8Atoi(q.Get("rows"), 10)
				start := 0
				if mark != "*" {
					b, err := base64.StdEncoding.DecodeString(mark)
					if err != nil {
						w.WriteHeader(http.StatusBadRequest)
						v8JSON(w, map[string]any{"error": map[string]any{"msg": "Unable to parse 'cursorMark'", "code": 400}})
						return
					}
					start = v8Atoi(string(b), 0)
				}
				docs := []map[string]any{}
				for i := start; i < min(start+rows, len(v8Products)); i++ {
					p := v8Products[i]
					docs = append(docs, map[string]any{"id": "chem-" + strconv.Itoa(p.ID), "name_t": p.Title, "description_t": p.Desc, "price_f": v9Float(p.Price)})
				}
				next := mark
				if len(docs) > 0 {
					next = base64.StdEncoding.EncodeToString([]byte(strconv.Itoa(start + len(docs))))
				}
				v8JSON(w, map[string]any{"responseHeader": map[string]any{"status": 0, "QTime": 1}, "response": map[string]any{"numFound": len(v8Products), "start": 0, "docs": docs}, "nextCursorMark": next})
			})
			return mux
		},
		target: `name: solr-cursor
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/solr/products/select?q=*:*&sort=id+asc&rows=2&cursorMark=*&wt=json"]
json:
  items: response.docs
  next_page: nextCursorMark
  fields: {id: id, title: name_t, description: description_t, price: price_f}`,
		want: func(base string) []v8Want {
			return v9Trim(v8All(func(p v8Product) string { return "chem-" + strconv.Itoa(p.ID) }, nil))
		},
	}
}

// A WooCommerce shop with an infinite-scroll plugin: archive pages at
// /shop/page/N/ (WordPress' pretty permalinks, also Odoo's /shop/page/N),
// the pager removed from the markup, a page past the last answering 404.
func v10PathPages() v8Site {
	return v8Site{
		name: "path-page-infinite-scroll",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/shop/", func(w http.ResponseWriter, r *http.Request) {
				n := 1
				if rest, ok := strings.CutPrefix(r.URL.Path, "/shop/page/"); ok {
					n = v8Atoi(strings.TrimSuffix(rest, "/"), 0)
				} else if r.URL.Path != "/shop/" {
					http.NotFound(w, r)
					return
				}
				ps := v8Page(n, 2)
				if ps == nil {
					w.WriteHeader(http.StatusNotFound)
					fmt.Fprint(w, `<html><head><title>Page not found – ChemSupply</title></head><body><h1>Oops! That page can’t be found.</h1></body></html>`)
					return
				}
				fmt.Fprint(w, `<html><head><title>Shop – ChemSupply</title></head><body><ul class="products">`)
				for _, p := range ps {
					fmt.Fprintf(w, `<li class="product"><a class="woocommerce-LoopProduct-link" href="/product/%s/"><h2 class="woocommerce-loop-product__title">%s</h2></a></li>`, p.Slug, p.Title)
				}
				fmt.Fprint(w, `</ul><div class="infinite-scroll-loader" data-path="/shop/page/{{#}}/"></div></body></html>`)
			})
			mux.HandleFunc("/product/", func(w http.ResponseWriter, r *http.Request) {
				slug := strings.Trim(strings.TrimPrefix(r.URL.Path, "/product/"), "/")
				for _, p := range v8Products {
					if p.Slug == slug {
						fmt.Fprintf(w, `<html><head><title>%s</title></head><body><h1 class="product_title">%s</h1><p class="price">€%s</p><div class="woocommerce-product-details__short-description"><p>%s</p></div></body></html>`, p.Title, p.Title, p.Price, p.Desc)
						return
					}
				}
				http.NotFound(w, r)
			})
			return mux
		},
		target: `name: woo-scroll
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/shop/page/1/"]
follow: ["a.woocommerce-LoopProduct-link"]
listing:
  url_pattern: "^/product/[^/]+/$"
  fields: {title: h1.product_title, price: p.price, description: div.woocommerce-product-details__short-description}`,
		want: func(base string) []v8Want {
			return v8All(nil, func(p v8Product) string { return base + "/product/" + p.Slug + "/" })
		},
	}
}

// Shopee's search API pages by an offset it calls "newest"
// (by=relevancy&limit=60&newest=0); a partner writes the query as a GET
// body with ${offset}. Past the end: no items and nomore true.
func v10ShopeeNewest() v8Site {
	return v8Site{
		name: "shopee-newest-offset",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/api/v4/search/search_items", func(w http.ResponseWriter, r *http.Request) {
				q := r.URL.Query()
				if q.Get("by") != "relevancy" || q.Get("keyword") != "acetone" {
					v8JSON(w, map[string]any{"error": 90309999, "error_msg": "invalid params"})
					return
				}
				off, limit := v8Atoi(q.Get("newest"), 0), v8Atoi(q.Get("limit"), 60)
				items := []map[string]any{}
				for i := off; i < min(off+limit, len(v8Products)); i++ {
					p := v8Products[i]
					items = append(items, map[string]any{"itemid": 20000000000 + p.ID, "shopid": 880001, "item_basic": map[string]any{
						"name": p.Title, "price": v8Atoi(strings.ReplaceAll(p.Price, ".", ""), 0) * 1000, "price_str": "RM" + p.Price, "shop_location": "Selangor"}})
				}
				v8JSON(w, map[string]any{"total_count": len(v8Products), "nomore": off+limit >= len(v8Products), "items": items})
			})
			return mux
		},
		target: `name: shopee-search
platform: Shopee
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/api/v4/search/search_items"]
json:
  body: '{"by": "relevancy", "keyword": "acetone", "limit": 2, "newest": ${offset}, "order": "desc", "page_type": "search"}'
  items: items
  fields: {id: itemid, title: item_basic.name, price: item_basic.price_str, location: item_basic.shop_location,
           url: "{{base}}/product/{shopid}/{itemid}"}`,
		want: func(base string) []v8Want {
			out := v8All(func(p v8Product) string { return strconv.Itoa(20000000000 + p.ID) },
				func(p v8Product) string { return fmt.Sprintf("%s/product/880001/%d", base, 20000000000+p.ID) })
			for i := range out {
				out[i].desc = ""
			}
			return out
		},
	}
}

// Django REST Framework behind a reverse proxy that does not pass the
// public host on: "next" names the backend's own address
// (http://backend:8000/api/products/?page=2), which only the proxy reaches.
func v10ProxiedNext() v8Site {
	return v8Site{
		name: "drf-next-behind-proxy",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/api/products/", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				results := []map[string]any{}
				for _, p := range v8Page(n, 2) {
					results = append(results, map[string]any{"id": p.ID, "name": p.Title, "description": p.Desc, "price": p.Price})
				}
				var next, prev any
				if n < v8Pages(2) {
					next = fmt.Sprintf("http://backend:8000/api/products/?page=%d", n+1)
				}
				if n > 1 {
					prev = fmt.Sprintf("http://backend:8000/api/products/?page=%d", n-1)
				}
				v8JSON(w, map[string]any{"count": len(v8Products), "next": next, "previous": prev, "results": results})
			})
			return mux
		},
		target: `name: drf-api
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/api/products/?page=1"]
json:
  items: results
  fields: {id: id, title: name, description: description, price: price}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(p.ID) }, nil)
		},
	}
}
