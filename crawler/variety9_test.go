package crawler_test

// Crawler variety round 9: shops written from the public documentation of
// platforms and stacks the earlier rounds did not cover, before the
// crawler's code was read, each with the target a partner writes from
// docs/CRAWLING.md. Shapes already covered (Shopify's ?page= products.json,
// X-WP-TotalPages on a WordPress feed, Algolia's nbPages, PrestaShop
// microdata, Relay cursors over POST, a Link-header next page on HTML, gzip
// and brotli bodies, windows-1251 in a <meta>) are left out.

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestVariety9(t *testing.T) {
	for _, s := range variety9Sites() {
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

func variety9Sites() []v8Site {
	return []v8Site{
		v9ShopifyPageInfo(), v9WooStoreAPI(), v9Shopware6(), v9BigCommerce(), v9MagentoREST(), v9MercadoLibre(),
		v9Rakuten(), v9XSSI(), v9Snowflake(), v9ItemListProducts(), v9ItemListLinks(), v9Czech1250(), v9BaseHref(), v9RedirectChain(), v9NuxtPayload(), v9NextRSCLinks(), v9PythonNaN(), v9TrailingComment(), v9BOMOverMeta(), v9WordPressPaged(), v9TerseLinkHeader(), v9RSSPaged(), v9NextSuspense(), v9ASPNetPage(), v9XHTMLLatin9(), v9Bitrix(),
	}
}

// v9Trim writes a price as a JSON number reads back: 12.50 → 12.5.
func v9Trim(w []v8Want) []v8Want {
	for i := range w {
		w[i].price = strings.TrimRight(strings.TrimRight(w[i].price, "0"), ".")
	}
	return w
}

func v9Float(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// Shopify's REST Admin and Ajax APIs page by an opaque page_info cursor
// named only in a Link header (rel="previous" and rel="next" in one
// header); a request giving page_info with any parameter but limit is a
// 400.
func v9ShopifyPageInfo() v8Site {
	return v8Site{
		name: "shopify-page-info-link",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/admin/api/2024-01/products.json", func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("X-Shopify-Access-Token") != "shpat_0123456789abcdef" {
					w.WriteHeader(http.StatusUnauthorized)
					v8JSON(w, map[string]any{"errors": "[API] Invalid API key or access token"})
					return
				}
				q := r.URL.Query()
				limit := v8Atoi(q.Get("limit"), 50)
				off := 0
				if pi := q.Get("page_info"); pi != "" {
					for k := range q {
						if k != "limit" && k != "page_info" {
							w.WriteHeader(http.StatusBadRequest)
							v8JSON(w, map[string]any{"errors": map[string]any{"page_info": []string{"page_info cannot be combined with " + k}}})
							return
						}
					}
					b, err := base64.RawURLEncoding.DecodeString(pi)
					if err != nil || !strings.HasPrefix(string(b), "off:") {
						w.WriteHeader(http.StatusBadRequest)
						v8JSON(w, map[string]any{"errors": map[string]any{"page_info": []string{"Invalid value."}}})
						return
					}
					off = v8Atoi(strings.TrimPrefix(string(b), "off:"), 0)
				}
				link := func(o int, rel string) string {
					return fmt.Sprintf(`<%s/admin/api/2024-01/products.json?limit=%d&page_info=%s>; rel="%s"`, base, limit,
						base64.RawURLEncoding.EncodeToString([]byte("off:"+strconv.Itoa(o))), rel)
				}
				var links []string
				if off > 0 {
					links = append(links, link(max(off-limit, 0), "previous"))
				}
				if off+limit < len(v8Products) {
					links = append(links, link(off+limit, "next"))
				}
				if links != nil {
					w.Header().Set("Link", strings.Join(links, ", "))
				}
				ps := []map[string]any{}
				for i := off; i < min(off+limit, len(v8Products)); i++ {
					p := v8Products[i]
					ps = append(ps, map[string]any{"id": 8000000 + p.ID, "title": p.Title, "handle": p.Slug, "vendor": "ChemSupply",
						"body_html": "<p>" + p.Desc + "</p>", "variants": []map[string]any{{"price": p.Price}}})
				}
				v8JSON(w, map[string]any{"products": ps})
			})
			return mux
		},
		target: `name: shopify-admin
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
headers: {X-Shopify-Access-Token: shpat_0123456789abcdef}
start_urls: ["{{base}}/admin/api/2024-01/products.json?limit=2"]
json:
  items: products
  fields: {id: id, title: title, description: body_html, price: variants.0.price, seller: vendor,
           url: "{{base}}/products/{handle}"}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(8000000 + p.ID) },
				func(p v8Product) string { return base + "/products/" + p.Slug })
		},
	}
}

// WooCommerce's Store API: a root array, X-WP-Total and X-WP-TotalPages
// headers, prices in minor units, descriptions as HTML; a page past the
// end is an empty array.
func v9WooStoreAPI() v8Site {
	return v8Site{
		name: "woocommerce-store-api",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/wp-json/wc/store/v1/products", func(w http.ResponseWriter, r *http.Request) {
				size := v8Atoi(r.URL.Query().Get("per_page"), 10)
				ps := []map[string]any{}
				for _, p := range v8Page(v8Atoi(r.URL.Query().Get("page"), 1), size) {
					ps = append(ps, map[string]any{"id": p.ID, "name": p.Title, "slug": p.Slug, "type": "simple",
						"permalink": base + "/product/" + p.Slug + "/", "short_description": "<p>" + p.Desc + "</p>\n",
						"description": "<p>" + p.Desc + "</p>\n<p>Ships in 2 days.</p>\n",
						"prices": map[string]any{"price": strings.ReplaceAll(p.Price, ".", ""), "regular_price": strings.ReplaceAll(p.Price, ".", ""),
							"currency_code": "EUR", "currency_symbol": "€", "currency_minor_unit": 2, "currency_decimal_separator": ".",
							"currency_prefix": "€", "currency_suffix": "", "price_range": nil}})
				}
				w.Header().Set("X-WP-Total", strconv.Itoa(len(v8Products)))
				w.Header().Set("X-WP-TotalPages", strconv.Itoa(v8Pages(size)))
				v8JSON(w, ps)
			})
			return mux
		},
		target: `name: woo-store
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/wp-json/wc/store/v1/products?per_page=2&page=1"]
json:
  items: "."
  fields: {id: id, title: name, description: short_description, price: prices, url: permalink}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(p.ID) },
				func(p v8Product) string { return base + "/product/" + p.Slug + "/" })
		},
	}
}

// Shopware 6's Store API: POST /store-api/product with the sales
// channel's sw-access-key header and {"page", "limit"} in the body; the
// answer names total, page and limit beside "elements".
func v9Shopware6() v8Site {
	return v8Site{
		name: "shopware6-store-api",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/store-api/product", func(w http.ResponseWriter, r *http.Request) {
				if r.Method != http.MethodPost {
					w.WriteHeader(http.StatusMethodNotAllowed)
					return
				}
				if r.Header.Get("sw-access-key") != "SWSCVJJET0RQAXFNBMTDZTNTMG" {
					w.WriteHeader(http.StatusUnauthorized)
					v8JSON(w, map[string]any{"errors": []map[string]any{{"status": "401", "code": "FRAMEWORK__API_INVALID_ACCESS_KEY"}}})
					return
				}
				var req struct{ Page, Limit int }
				if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Page < 1 || req.Limit < 1 {
					w.WriteHeader(http.StatusBadRequest)
					v8JSON(w, map[string]any{"errors": []map[string]any{{"status": "400", "detail": fmt.Sprint("bad body: ", err)}}})
					return
				}
				els := []map[string]any{}
				for _, p := range v8Page(req.Page, req.Limit) {
					els = append(els, map[string]any{"id": fmt.Sprintf("0189d3c1a7e07c1b9f%014d", p.ID), "productNumber": fmt.Sprintf("SW%d", 10000+p.ID),
						"translated":      map[string]any{"name": p.Title, "description": "<p>" + p.Desc + "</p>"},
						"calculatedPrice": map[string]any{"unitPrice": v9Float(p.Price), "totalPrice": v9Float(p.Price), "apiAlias": "calculated_price"},
						"seoUrls":         []map[string]any{{"seoPathInfo": p.Slug + fmt.Sprintf("/SW%d", 10000+p.ID), "apiAlias": "seo_url"}},
						"apiAlias":        "product"})
				}
				v8JSON(w, map[string]any{"total": len(v8Products), "aggregations": []any{}, "page": req.Page, "limit": req.Limit,
					"elements": els, "apiAlias": "dal_entity_search_result"})
			})
			return mux
		},
		target: `name: shopware
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
headers: {sw-access-key: SWSCVJJET0RQAXFNBMTDZTNTMG, Accept: application/json}
start_urls: ["{{base}}/store-api/product"]
json:
  method: POST
  body: '{"page": ${page}, "limit": 2, "total-count-mode": 1}'
  items: elements
  fields: {id: productNumber, title: translated.name, description: translated.description,
           price: calculatedPrice.unitPrice, url: "{{base}}/{seoUrls.0.seoPathInfo}"}`,
		want: func(base string) []v8Want {
			return v9Trim(v8All(func(p v8Product) string { return fmt.Sprintf("SW%d", 10000+p.ID) },
				func(p v8Product) string { return fmt.Sprintf("%s/%s/SW%d", base, p.Slug, 10000+p.ID) }))
		},
	}
}

// BigCommerce's REST v3 catalog: data[] and meta.pagination, whose links
// are query strings relative to the request ("?limit=2&page=2").
func v9BigCommerce() v8Site {
	return v8Site{
		name: "bigcommerce-v3-meta-links",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/stores/x7k2m/v3/catalog/products", func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("X-Auth-Token") != "bc-token-1" {
					w.WriteHeader(http.StatusUnauthorized)
					return
				}
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				size := v8Atoi(r.URL.Query().Get("limit"), 50)
				data := []map[string]any{}
				for _, p := range v8Page(n, size) {
					data = append(data, map[string]any{"id": p.ID, "name": p.Title, "type": "physical", "sku": "BC-" + p.Slug,
						"description": "<p>" + p.Desc + "</p>", "price": v9Float(p.Price), "custom_url": map[string]any{"url": "/" + p.Slug + "/", "is_customized": false}})
				}
				links := map[string]any{"current": fmt.Sprintf("?limit=%d&page=%d", size, n)}
				if n > 1 {
					links["previous"] = fmt.Sprintf("?limit=%d&page=%d", size, n-1)
				}
				if n < v8Pages(size) {
					links["next"] = fmt.Sprintf("?limit=%d&page=%d", size, n+1)
				}
				v8JSON(w, map[string]any{"data": data, "meta": map[string]any{"pagination": map[string]any{"total": len(v8Products), "count": len(data),
					"per_page": size, "current_page": n, "total_pages": v8Pages(size), "links": links, "too_many": false}}})
			})
			return mux
		},
		target: `name: bigcommerce
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
headers: {X-Auth-Token: bc-token-1, Accept: application/json}
start_urls: ["{{base}}/stores/x7k2m/v3/catalog/products?limit=2&page=1"]
json:
  items: data
  next_page: meta.pagination.links.next
  fields: {id: id, title: name, description: description, price: price, url: "{{base}}{custom_url.url}"}`,
		want: func(base string) []v8Want {
			return v9Trim(v8All(func(p v8Product) string { return strconv.Itoa(p.ID) },
				func(p v8Product) string { return base + "/" + p.Slug + "/" }))
		},
	}
}

// Magento 2's REST API: searchCriteria[currentPage] and
// searchCriteria[pageSize] in brackets, total_count in the body, and a
// page past the end answered with the last page again.
func v9MagentoREST() v8Site {
	return v8Site{
		name: "magento2-rest-searchcriteria",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/rest/V1/products", func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("Authorization") != "Bearer m2-integration-token" {
					w.WriteHeader(http.StatusUnauthorized)
					v8JSON(w, map[string]any{"message": "The consumer isn't authorized to access %resources."})
					return
				}
				size := v8Atoi(r.URL.Query().Get("searchCriteria[pageSize]"), 20)
				n := min(max(v8Atoi(r.URL.Query().Get("searchCriteria[currentPage]"), 1), 1), v8Pages(size))
				items := []map[string]any{}
				for _, p := range v8Page(n, size) {
					items = append(items, map[string]any{"id": p.ID, "sku": "M2-" + strings.ToUpper(p.Slug), "name": p.Title, "price": v9Float(p.Price),
						"status": 1, "visibility": 4, "type_id": "simple",
						"custom_attributes": []map[string]any{{"attribute_code": "url_key", "value": p.Slug}, {"attribute_code": "description", "value": "<p>" + p.Desc + "</p>"}}})
				}
				v8JSON(w, map[string]any{"items": items, "search_criteria": map[string]any{"filter_groups": []any{}, "page_size": size, "current_page": n},
					"total_count": len(v8Products)})
			})
			return mux
		},
		target: `name: magento-rest
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
headers: {Authorization: "Bearer m2-integration-token"}
start_urls: ["{{base}}/rest/V1/products?searchCriteria[currentPage]=1&searchCriteria[pageSize]=2"]
json:
  items: items
  fields: {id: sku, title: name, price: price}`,
		want: func(base string) []v8Want {
			w := v9Trim(v8All(func(p v8Product) string { return "M2-" + strings.ToUpper(p.Slug) }, nil))
			for i := range w {
				w[i].desc = ""
			}
			return w
		},
	}
}

// Mercado Libre's search API: results[] and paging {total, offset, limit},
// paged by ?offset=N&limit=M.
func v9MercadoLibre() v8Site {
	return v8Site{
		name: "mercadolibre-paging-offset",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/sites/MLA/search", func(w http.ResponseWriter, r *http.Request) {
				off := v8Atoi(r.URL.Query().Get("offset"), 0)
				limit := v8Atoi(r.URL.Query().Get("limit"), 50)
				res := []map[string]any{}
				for i := off; i < min(off+limit, len(v8Products)); i++ {
					p := v8Products[i]
					res = append(res, map[string]any{"id": fmt.Sprintf("MLA%d", 1300000000+p.ID), "title": p.Title, "condition": "new",
						"permalink": fmt.Sprintf("%s/MLA-%d-%s-_JM", base, 1300000000+p.ID, p.Slug), "price": v9Float(p.Price), "currency_id": "ARS",
						"seller": map[string]any{"id": 20000 + p.ID, "nickname": "QUIMICA_SUR"}, "address": map[string]any{"state_name": "Buenos Aires"}})
				}
				v8JSON(w, map[string]any{"site_id": "MLA", "query": r.URL.Query().Get("q"),
					"paging":  map[string]any{"total": len(v8Products), "primary_results": len(v8Products), "offset": off, "limit": limit},
					"results": res, "sort": map[string]any{"id": "relevance"}, "available_filters": []any{}})
			})
			return mux
		},
		target: `name: mercadolibre
platform: MercadoLibre
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/sites/MLA/search?q=acido&offset=0&limit=2"]
json:
  items: results
  fields: {id: id, title: title, price: price, url: permalink, seller: seller.nickname, location: address.state_name}`,
		want: func(base string) []v8Want {
			w := v9Trim(v8All(func(p v8Product) string { return fmt.Sprintf("MLA%d", 1300000000+p.ID) },
				func(p v8Product) string { return fmt.Sprintf("%s/MLA-%d-%s-_JM", base, 1300000000+p.ID, p.Slug) }))
			for i := range w {
				w[i].desc, w[i].seller = "", "QUIMICA_SUR"
			}
			return w
		},
	}
}

// Rakuten Ichiba's item search: Items[].Item, page and pageCount in the
// body, and a page past pageCount answered 400 wrong_parameter.
func v9Rakuten() v8Site {
	return v8Site{
		name: "rakuten-ichiba-pagecount",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/services/api/IchibaItem/Search/20220601", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				hits := v8Atoi(r.URL.Query().Get("hits"), 30)
				if n > v8Pages(hits) {
					w.WriteHeader(http.StatusBadRequest)
					v8JSON(w, map[string]any{"error": "wrong_parameter", "error_description": "page must be a number between 1 and pageCount"})
					return
				}
				items := []map[string]any{}
				for _, p := range v8Page(n, hits) {
					yen := v8Atoi(strings.ReplaceAll(p.Price, ".", ""), 0)
					items = append(items, map[string]any{"Item": map[string]any{"itemName": p.Title, "itemCaption": p.Desc, "itemPrice": yen,
						"itemCode": fmt.Sprintf("chemshop:%d", 10000+p.ID), "itemUrl": fmt.Sprintf("%s/chemshop/%d/", base, 10000+p.ID), "shopName": "ケミショップ"}})
				}
				v8JSON(w, map[string]any{"count": len(v8Products), "page": n, "first": (n-1)*hits + 1, "last": (n-1)*hits + len(items),
					"hits": len(items), "carrier": 0, "pageCount": v8Pages(hits), "Items": items, "GenreInformation": []any{}})
			})
			return mux
		},
		target: `name: rakuten
platform: Rakuten
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/services/api/IchibaItem/Search/20220601?format=json&keyword=acid&hits=2&page=1&applicationId=1029384756"]
json:
  items: "Items[*].Item"
  fields: {id: itemCode, title: itemName, description: itemCaption, price: itemPrice, url: itemUrl, seller: shopName}`,
		want: func(base string) []v8Want {
			w := v8All(func(p v8Product) string { return fmt.Sprintf("chemshop:%d", 10000+p.ID) },
				func(p v8Product) string { return fmt.Sprintf("%s/chemshop/%d/", base, 10000+p.ID) })
			for i := range w {
				w[i].price = strings.TrimLeft(strings.ReplaceAll(w[i].price, ".", ""), "0")
				w[i].seller = "ケミショップ"
			}
			return w
		},
	}
}

// An Angular-backed marketplace whose API guards its JSON against
// cross-site script inclusion with the )]}', prefix (as Google's APIs and
// Angular's $http convention write it).
func v9XSSI() v8Site {
	return v8Site{
		name: "xssi-prefixed-json",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/api/listings", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				ls := []map[string]any{}
				for _, p := range v8Page(n, 2) {
					ls = append(ls, map[string]any{"ref": "L" + strconv.Itoa(p.ID), "headline": p.Title, "body": p.Desc, "price": p.Price, "path": "/listing/L" + strconv.Itoa(p.ID)})
				}
				doc := map[string]any{"data": map[string]any{"listings": ls}}
				if n < v8Pages(2) {
					doc["data"].(map[string]any)["next"] = fmt.Sprintf("/api/listings?page=%d", n+1)
				}
				b, _ := json.Marshal(doc)
				w.Header().Set("Content-Type", "application/json; charset=utf-8")
				_, _ = io.WriteString(w, ")]}',\n"+string(b))
			})
			return mux
		},
		target: `name: xssi
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/api/listings?page=1"]
json:
  items: data.listings
  next_page: data.next
  fields: {id: ref, title: headline, description: body, price: price, url: path}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return "L" + strconv.Itoa(p.ID) },
				func(p v8Product) string { return base + "/listing/L" + strconv.Itoa(p.ID) })
		},
	}
}

// A marketplace whose ids are 64-bit snowflakes written as JSON numbers
// (past 2^53, where a float64 loses digits), paged by a numeric max_id.
func v9Snowflake() v8Site {
	id := func(p v8Product) string { return fmt.Sprintf("17900000000000%05d", p.ID*3+1) }
	return v8Site{
		name: "snowflake-numeric-ids",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/v1/offers", func(w http.ResponseWriter, r *http.Request) {
				from := 0
				if m := r.URL.Query().Get("max_id"); m != "" {
					from = len(v8Products)
					for i, p := range v8Products {
						if id(p) == m {
							from = i + 1
						}
					}
				}
				var b strings.Builder
				b.WriteString(`{"offers":[`)
				last := ""
				for i := from; i < min(from+2, len(v8Products)); i++ {
					p := v8Products[i]
					if i > from {
						b.WriteString(",")
					}
					t, _ := json.Marshal(p.Title)
					d, _ := json.Marshal(p.Desc)
					fmt.Fprintf(&b, `{"id":%s,"id_str":"%s","title":%s,"text":%s,"price":%q}`, id(p), id(p), t, d, p.Price)
					last = id(p)
				}
				b.WriteString(`],"meta":{`)
				if from+2 < len(v8Products) {
					fmt.Fprintf(&b, `"next_max_id":%s`, last)
				}
				b.WriteString(`}}`)
				w.Header().Set("Content-Type", "application/json")
				_, _ = io.WriteString(w, b.String())
			})
			return mux
		},
		target: `name: snowflake
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/v1/offers?count=2"]
json:
  items: offers
  next_page: meta.next_max_id
  fields: {id: id, title: title, description: text, price: price, url: "{{base}}/offer/{id}"}`,
		want: func(base string) []v8Want {
			return v8All(id, func(p v8Product) string { return base + "/offer/" + id(p) })
		},
	}
}

// A category page whose grid is rendered by script and whose products are
// in the markup only as a schema.org ItemList of full Products (as themes
// write it for Google's carousels); pages linked by <link rel="next">.
func v9ItemListProducts() v8Site {
	return v8Site{
		name: "jsonld-itemlist-products",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/c/solvents", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				var els []map[string]any
				for i, p := range v8Page(n, 2) {
					els = append(els, map[string]any{"@type": "ListItem", "position": (n-1)*2 + i + 1, "item": map[string]any{
						"@type": "Product", "name": p.Title, "description": p.Desc, "url": base + "/p/" + p.Slug, "sku": "S" + strconv.Itoa(p.ID),
						"offers": map[string]any{"@type": "Offer", "price": p.Price, "priceCurrency": "EUR", "availability": "https://schema.org/InStock"}}})
				}
				ld, _ := json.Marshal(map[string]any{"@context": "https://schema.org", "@type": "ItemList", "name": "Solvents", "itemListElement": els})
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprintf(w, `<!doctype html><html><head><title>Solvents</title>`)
				if n < v8Pages(2) {
					fmt.Fprintf(w, `<link rel="next" href="/c/solvents?page=%d">`, n+1)
				}
				fmt.Fprintf(w, `<script type="application/ld+json">%s</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home","item":"%s/"},{"@type":"ListItem","position":2,"name":"Solvents","item":"%s/c/solvents"}]}</script>
</head><body><div id="app"><div class="skeleton-grid"></div></div><script src="/static/app.js"></script></body></html>`, ld, base, base)
			})
			return mux
		},
		target: `name: itemlist
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/c/solvents"]`,
		want: func(base string) []v8Want {
			return v8All(nil, func(p v8Product) string { return base + "/p/" + p.Slug })
		},
	}
}

// A category page that names its products only in a JSON-LD ItemList of
// ListItem urls (no <a> in the markup); product pages carry JSON-LD.
func v9ItemListLinks() v8Site {
	return v8Site{
		name: "jsonld-itemlist-urls",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/catalog", func(w http.ResponseWriter, r *http.Request) {
				var els []string
				for i, p := range v8Products {
					els = append(els, fmt.Sprintf(`{"@type":"ListItem","position":%d,"url":"%s/products/%s"}`, i+1, base, p.Slug))
				}
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprintf(w, `<!doctype html><html><head><title>Catalog</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"ItemList","itemListElement":[%s]}</script></head>
<body><div id="root"></div><script src="/assets/index-4f2a.js" type="module"></script></body></html>`, strings.Join(els, ","))
			})
			mux.HandleFunc("/products/", func(w http.ResponseWriter, r *http.Request) {
				for _, p := range v8Products {
					if r.URL.Path != "/products/"+p.Slug {
						continue
					}
					ld, _ := json.Marshal(map[string]any{"@context": "https://schema.org/", "@type": "Product", "name": p.Title, "description": p.Desc,
						"offers": map[string]any{"@type": "Offer", "price": p.Price, "priceCurrency": "EUR", "seller": map[string]any{"@type": "Organization", "name": "ChemSupply"}}})
					w.Header().Set("Content-Type", "text/html; charset=utf-8")
					fmt.Fprintf(w, `<!doctype html><html><head><title>%s</title><script type="application/ld+json">%s</script></head><body><div id="root"></div></body></html>`, p.Title, ld)
					return
				}
				http.NotFound(w, r)
			})
			return mux
		},
		target: `name: itemlist-urls
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/catalog"]
listing:
  url_pattern: "^/products/[a-z0-9-]+$"`,
		want: func(base string) []v8Want {
			w := v8All(nil, func(p v8Product) string { return base + "/products/" + p.Slug })
			for i := range w {
				w[i].seller = "ChemSupply"
			}
			return w
		},
	}
}

// A Czech shop in windows-1250 whose only charset declaration is a
// <meta charset> past the first 1024 bytes (a long head of keywords and
// inline styles before it), the header saying only text/html.
func v9Czech1250() v8Site {
	cz := []struct{ title, desc string }{
		{"Aceton technický 99,5 %", "Technický aceton v kanystrech po 20 l, čistota 99,5 %."},
		{"Kyselina sírová 96 %", "Akumulátorová kyselina sírová, lahve po 1 l."},
		{"Manganistan draselný 500 g", "Krystalický manganistan pro úpravu vody, žluťoučký obal."},
		{"Toluen 1 l", "Rozpouštědlo toluen, pouze pro laboratoř."},
		{"Kyselina chlorovodíková 37 %", "Dýmavá kyselina chlorovodíková, 2,5 l."},
	}
	head := `<html><head><meta name="keywords" content="` + strings.Repeat("chemie, rozpouštědla, kyseliny, laboratoř, ", 20) + `">
<style>` + strings.Repeat(".produkt{margin:0;padding:0}\n", 20) + `</style><meta charset="windows-1250">`
	enc := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html")
		b, err := charmap.Windows1250.NewEncoder().String(s)
		if err != nil {
			panic(err)
		}
		_, _ = io.WriteString(w, b)
	}
	return v8Site{
		name: "czech-cp1250-late-meta",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/kategorie/chemie", func(w http.ResponseWriter, r *http.Request) {
				var b strings.Builder
				b.WriteString(head + `<title>Chemie</title></head><body><ul class="produkty">`)
				for _, p := range v8Products {
					fmt.Fprintf(&b, `<li><a class="nazev" href="/zbozi/%d">%s</a></li>`, p.ID, cz[p.ID-101].title)
				}
				b.WriteString(`</ul></body></html>`)
				enc(w, b.String())
			})
			mux.HandleFunc("/zbozi/", func(w http.ResponseWriter, r *http.Request) {
				id := v8Atoi(strings.TrimPrefix(r.URL.Path, "/zbozi/"), 0)
				if id < 101 || id > 105 {
					http.NotFound(w, r)
					return
				}
				p, x := v8Products[id-101], cz[id-101]
				enc(w, fmt.Sprintf(`%s<title>%s</title></head><body><h1>%s</h1><p class="cena">%s Kč</p><div class="popis">%s</div></body></html>`,
					head, x.title, x.title, strings.Replace(p.Price, ".", ",", 1), x.desc))
			})
			return mux
		},
		target: `name: czech
platform: ChemCZ
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/kategorie/chemie"]
follow: ["a.nazev"]
listing:
  url_pattern: "^/zbozi/\\d+$"
  fields: {title: h1, price: p.cena, description: div.popis}`,
		want: func(base string) []v8Want {
			var out []v8Want
			for i, p := range v8Products {
				out = append(out, v8Want{url: fmt.Sprintf("%s/zbozi/%d", base, p.ID), title: cz[i].title, price: strings.Replace(p.Price, ".", ",", 1), desc: cz[i].desc})
			}
			return out
		},
	}
}

// An old PHP shop whose pages set <base href="/store/v2/"> while they are
// served under /catalog/: product links and the pager's "?page=2" resolve
// against the base, not the page.
func v9BaseHref() v8Site {
	return v8Site{
		name: "base-href-relative-links",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			list := func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, `<html><head><base href="/store/v2/"><title>Catalog</title></head><body><table>`)
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(w, `<tr><td><a class="prod" href="product.php?id=%d">%s</a></td></tr>`, p.ID, p.Title)
				}
				fmt.Fprint(w, `</table>`)
				if n < v8Pages(2) {
					fmt.Fprintf(w, `<a class="next" href="?page=%d">Next &raquo;</a>`, n+1)
				}
				fmt.Fprint(w, `</body></html>`)
			}
			mux.HandleFunc("/catalog/index.php", list)
			mux.HandleFunc("/store/v2/{$}", list)
			mux.HandleFunc("/store/v2/product.php", func(w http.ResponseWriter, r *http.Request) {
				id := v8Atoi(r.URL.Query().Get("id"), 0)
				if id < 101 || id > 105 {
					http.NotFound(w, r)
					return
				}
				p := v8Products[id-101]
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprintf(w, `<html><head><base href="/store/v2/"><title>%s</title></head><body><h1>%s</h1><span class="price">EUR %s</span><div class="desc">%s</div><a href="index.php">Back</a></body></html>`,
					p.Title, p.Title, p.Price, p.Desc)
			})
			mux.HandleFunc("/catalog/", http.NotFound)
			return mux
		},
		target: `name: basehref
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/catalog/index.php"]
follow: ["a.prod"]
next_page: ["a.next"]
listing:
  url_pattern: "product\\.php\\?id=\\d+"
  fields: {title: h1, price: span.price, description: div.desc}`,
		want: func(base string) []v8Want {
			return v8All(nil, func(p v8Product) string { return fmt.Sprintf("%s/store/v2/product.php?id=%d", base, p.ID) })
		},
	}
}

// A shop that moved twice: its catalogue and product links answer chains
// of 301/308 redirects (relative Location headers, a trailing slash added
// last) before the canonical page.
func v9RedirectChain() v8Site {
	return v8Site{
		name: "redirect-chain-canonical",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/catalog", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Location", "/catalog/")
				w.WriteHeader(http.StatusMovedPermanently)
			})
			mux.HandleFunc("/catalog/", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Location", "../en/catalog/")
				w.WriteHeader(http.StatusPermanentRedirect)
			})
			mux.HandleFunc("/en/catalog/", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, `<html><head><title>Catalog</title></head><body>`)
				for _, p := range v8Products {
					fmt.Fprintf(w, `<a class="item" href="/item/%d">%s</a>`, p.ID, p.Title)
				}
				fmt.Fprint(w, `</body></html>`)
			})
			mux.HandleFunc("/item/", func(w http.ResponseWriter, r *http.Request) {
				id := v8Atoi(strings.TrimPrefix(r.URL.Path, "/item/"), 0)
				w.Header().Set("Location", fmt.Sprintf("/p/%d", id))
				w.WriteHeader(http.StatusMovedPermanently)
			})
			mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
				rest := strings.TrimPrefix(r.URL.Path, "/p/")
				id := v8Atoi(strings.SplitN(rest, "-", 2)[0], 0)
				if id < 101 || id > 105 {
					http.NotFound(w, r)
					return
				}
				p := v8Products[id-101]
				canon := fmt.Sprintf("/p/%d-%s/", p.ID, p.Slug)
				if r.URL.Path != canon {
					if r.URL.Path == strings.TrimSuffix(canon, "/") {
						w.Header().Set("Location", canon)
					} else {
						w.Header().Set("Location", strings.TrimSuffix(canon, "/"))
					}
					w.WriteHeader(http.StatusMovedPermanently)
					return
				}
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprintf(w, `<html><head><title>%s</title></head><body><h1>%s</h1><b class="price">%s EUR</b><div class="desc">%s</div></body></html>`, p.Title, p.Title, p.Price, p.Desc)
			})
			return mux
		},
		target: `name: moved
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/catalog"]
follow: ["a.item"]
listing:
  url_pattern: "^/(item|p)/\\d+"
  fields: {title: h1, price: b.price, description: div.desc}`,
		want: func(base string) []v8Want {
			return v8All(nil, func(p v8Product) string { return fmt.Sprintf("%s/p/%d-%s/", base, p.ID, p.Slug) })
		},
	}
}

// Nuxt 3's /_payload.json, fetched directly: the devalue list that
// __NUXT_DATA__ holds (a flat array whose objects hold the indexes of
// their values), paged by the prerendered routes' payloads.
func v9NuxtPayload() v8Site {
	return v8Site{
		name: "nuxt3-payload-json",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/katalog/", func(w http.ResponseWriter, r *http.Request) {
				n := 1
				if s := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/katalog/"), "/_payload.json"); s != "_payload.json" {
					n = v8Atoi(strings.TrimPrefix(s, "seite/"), 0)
				}
				if !strings.HasSuffix(r.URL.Path, "/_payload.json") || n < 1 || n > v8Pages(2) {
					http.NotFound(w, r)
					return
				}
				arr := []any{
					map[string]int{"data": 1, "prerenderedAt": 2},
					[]any{"ShallowReactive", 3},
					1732780800000,
					map[string]int{"katalog-seite": 4},
					map[string]int{"produkte": 5, "weiter": 6},
					nil, // produkte
					nil, // weiter
				}
				var idx []int
				for _, p := range v8Page(n, 2) {
					o := map[string]int{}
					for _, kv := range []struct {
						k string
						v any
					}{{"id", p.ID}, {"titel", p.Title}, {"beschreibung", p.Desc}, {"preis", p.Price}, {"pfad", "/produkt/" + p.Slug}} {
						o[kv.k] = len(arr)
						arr = append(arr, kv.v)
					}
					idx = append(idx, len(arr))
					arr = append(arr, o)
				}
				arr[5] = idx
				if n < v8Pages(2) {
					arr[6] = fmt.Sprintf("/katalog/seite/%d/_payload.json", n+1)
				} else {
					arr[6] = nil
				}
				v8JSON(w, arr)
			})
			return mux
		},
		target: `name: nuxt-payload
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/katalog/_payload.json"]
json:
  items: data.katalog-seite.produkte
  next_page: data.katalog-seite.weiter
  fields: {id: id, title: titel, description: beschreibung, price: preis, url: pfad}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(p.ID) },
				func(p v8Product) string { return base + "/produkt/" + p.Slug })
		},
	}
}

// A Next.js app router catalogue rendered in the browser from the props of
// a client component: its fetched markup holds no product link, the React
// Server Components stream (self.__next_f.push) holds the products with
// their hrefs; product pages are server-rendered. An html target follows
// the stream's addresses that match url_pattern.
func v9NextRSCLinks() v8Site {
	return v8Site{
		name: "nextjs-rsc-html-follow",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/de/katalog", func(w http.ResponseWriter, r *http.Request) {
				var ps []map[string]any
				for _, p := range v8Products {
					ps = append(ps, map[string]any{"id": p.ID, "title": p.Title, "href": "/de/produkt/" + p.Slug, "image": "/img/" + p.Slug + ".webp"})
				}
				row, _ := json.Marshal([]any{"$", "$L7", nil, map[string]any{"products": ps, "canonical": base + "/de/katalog"}})
				rows := []string{
					`0:["$","$L1",null,{"buildId":"x9","assetPrefix":"","initialCanonicalUrl":"/de/katalog"}]` + "\n",
					`7:I[8811,["811","static/chunks/app/katalog/page.js"],"ProductGrid"]` + "\n",
					"8:" + string(row) + "\n",
				}
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, `<!DOCTYPE html><html lang="de"><head><title>Katalog</title><link rel="stylesheet" href="/_next/static/css/app.css"></head><body><main><div class="grid" data-loading="true"><div class="card-skeleton"></div></div></main>`)
				fmt.Fprint(w, `<script>(self.__next_f=self.__next_f||[]).push([0])</script>`)
				for _, r := range rows {
					chunk, _ := json.Marshal(r)
					fmt.Fprintf(w, `<script>self.__next_f.push([1,%s])</script>`, chunk)
				}
				fmt.Fprint(w, `</body></html>`)
			})
			mux.HandleFunc("/de/produkt/", func(w http.ResponseWriter, r *http.Request) {
				for _, p := range v8Products {
					if r.URL.Path == "/de/produkt/"+p.Slug {
						w.Header().Set("Content-Type", "text/html; charset=utf-8")
						fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>%s</title></head><body><main><h1>%s</h1><p class="preis">%s €</p><div class="text">%s</div></main></body></html>`, p.Title, p.Title, p.Price, p.Desc)
						return
					}
				}
				http.NotFound(w, r)
			})
			return mux
		},
		target: `name: next-html
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/de/katalog"]
follow: ["a.product-card"]
listing:
  url_pattern: "/de/produkt/"
  fields: {title: h1, price: p.preis, description: div.text}`,
		want: func(base string) []v8Want {
			return v8All(nil, func(p v8Product) string { return base + "/de/produkt/" + p.Slug })
		},
	}
}

// A Python-backed marketplace API (json.dumps' default allow_nan) that
// writes a missing price as NaN and an unlimited stock as Infinity.
func v9PythonNaN() v8Site {
	return v8Site{
		name: "python-nan-json",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/api/v1/ads", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				var items []string
				for i, p := range v8Page(n, 2) {
					t, _ := json.Marshal(p.Title)
					d, _ := json.Marshal(p.Desc)
					price, stock := p.Price, "Infinity"
					if i == 1 {
						price, stock = "NaN", "-Infinity"
					}
					items = append(items, fmt.Sprintf(`{"pk": %d, "title": %s, "text": %s, "price": %s, "stock": %s}`, p.ID, t, d, price, stock))
				}
				next := "null"
				if n < v8Pages(2) {
					next = fmt.Sprintf(`"%s/api/v1/ads?page=%d"`, base, n+1)
				}
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprintf(w, `{"count": %d, "next": %s, "previous": null, "results": [%s]}`, len(v8Products), next, strings.Join(items, ", "))
			})
			return mux
		},
		target: `name: django
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/api/v1/ads?page=1"]
json:
  items: results
  fields: {id: pk, title: title, description: text, price: price}`,
		want: func(base string) []v8Want {
			w := v8All(func(p v8Product) string { return strconv.Itoa(p.ID) }, nil)
			for i := range w {
				if i%2 == 1 {
					w[i].price = "" // NaN: no price
				}
			}
			return w
		},
	}
}

// A PHP shop's JSON endpoint that its framework's debug footer follows
// (an HTML comment after the document), as old plugins leave it.
func v9TrailingComment() v8Site {
	return v8Site{
		name: "php-json-trailing-comment",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/ajax/products.php", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				ps := []map[string]any{}
				for _, p := range v8Page(n, 2) {
					ps = append(ps, map[string]any{"id": p.ID, "name": p.Title, "desc": p.Desc, "price": p.Price})
				}
				b, _ := json.Marshal(map[string]any{"products": ps, "page": n, "pages": v8Pages(2)})
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprintf(w, "%s\n<!-- page generated in 0.0213 s, 14 queries -->\n", b)
			})
			return mux
		},
		target: `name: phpjson
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/ajax/products.php?page=1"]
json:
  items: products
  fields: {id: id, title: name, description: desc, price: price}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return strconv.Itoa(p.ID) }, nil)
		},
	}
}

// A page saved as UTF-8 with a byte order mark by an editor, whose
// template still declares windows-1252 in a <meta>: the BOM wins, as in
// browsers (WHATWG encoding sniffing).
func v9BOMOverMeta() v8Site {
	de := []struct{ title, desc string }{
		{"Aceton technisch 99,5 % – Kanister", "Technisches Aceton, 20-l-Kanister, Reinheit 99,5 %, für Lösungsmittel."},
		{"Schwefelsäure 96 %", "Batteriesäure in 1-l-Flaschen, Gefahrgut – nur Abholung."},
		{"Kaliumpermanganat 500 g", "Kristallines KMnO₄ zur Wasseraufbereitung."},
		{"Toluol 1 l", "Lösungsmittel Toluol, nur für Labore."},
		{"Salzsäure 37 %", "Rauchende Salzsäure, 2,5 l – ätzend."},
	}
	return v8Site{
		name: "utf8-bom-over-meta",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/angebote/", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				var b strings.Builder
				b.WriteString("\xef\xbb\xbf" + `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Angebote</title></head><body>`)
				for i, p := range v8Products {
					fmt.Fprintf(&b, `<div class="angebot" data-id="%d"><h3>%s</h3><p>%s</p><span class="preis">%s €</span></div>`, p.ID, de[i].title, de[i].desc, strings.Replace(p.Price, ".", ",", 1))
				}
				b.WriteString(`</body></html>`)
				_, _ = io.WriteString(w, b.String())
			})
			return mux
		},
		target: `name: bom
platform: ChemDE
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/angebote/"]
listing:
  item: div.angebot
  fields: {id: "@data-id", title: h3, description: p, price: span.preis}`,
		want: func(base string) []v8Want {
			var out []v8Want
			for i, p := range v8Products {
				out = append(out, v8Want{id: strconv.Itoa(p.ID), title: de[i].title, desc: de[i].desc, price: strings.Replace(p.Price, ".", ",", 1) + " €"})
			}
			return out
		},
	}
}

// A WordPress shop with plain permalinks: the catalogue pages by ?paged=N
// (WordPress' own query variable), its theme loads more by script (no
// next link in the markup), and a page past the last is a 404.
func v9WordPressPaged() v8Site {
	return v8Site{
		name: "wordpress-paged-param",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Query().Get("post_type") != "product" {
					http.NotFound(w, r)
					return
				}
				ps := v8Page(v8Atoi(r.URL.Query().Get("paged"), 1), 2)
				w.Header().Set("Content-Type", "text/html; charset=UTF-8")
				if ps == nil {
					w.WriteHeader(http.StatusNotFound)
					fmt.Fprint(w, `<html><head><title>Page not found – ChemShop</title></head><body class="error404"><h1>Oops! That page can&rsquo;t be found.</h1></body></html>`)
					return
				}
				fmt.Fprint(w, `<html><head><title>Products – ChemShop</title></head><body class="archive post-type-archive-product"><ul class="products columns-4">`)
				for _, p := range ps {
					fmt.Fprintf(w, `<li class="product type-product post-%d"><a href="%s/?product=%s" class="woocommerce-LoopProduct-link"><h2 class="woocommerce-loop-product__title">%s</h2><span class="price"><span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">&euro;</span>%s</bdi></span></span></a><div class="short">%s</div></li>`,
						p.ID, base, p.Slug, p.Title, p.Price, p.Desc)
				}
				fmt.Fprint(w, `</ul><div class="load-more-wrap"><button class="load-more" data-nonce="a1b2c3">Load more</button></div></body></html>`)
			})
			return mux
		},
		target: `name: wp-paged
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/?post_type=product&paged=1"]
listing:
  item: li.product
  fields: {url: "a.woocommerce-LoopProduct-link@href", title: h2, price: span.price, description: div.short}`,
		want: func(base string) []v8Want {
			return v8All(nil, func(p v8Product) string { return base + "/?product=" + p.Slug })
		},
	}
}

// A REST API paged only by a Link header written tersely: a relative
// address and an unquoted rel (RFC 8288 allows both), "first" and "last"
// beside it; the body is a bare array.
func v9TerseLinkHeader() v8Site {
	return v8Site{
		name: "link-header-relative-unquoted",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/api/offers", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("pg"), 1)
				links := []string{`</api/offers?pg=1>;rel=first`, fmt.Sprintf(`</api/offers?pg=%d>; rel=last`, v8Pages(2))}
				if n < v8Pages(2) {
					links = append(links, fmt.Sprintf(`</api/offers?pg=%d>; rel=next`, n+1))
				}
				w.Header().Set("Link", strings.Join(links, ", "))
				out := []map[string]any{}
				for _, p := range v8Page(n, 2) {
					out = append(out, map[string]any{"uid": "o" + strconv.Itoa(p.ID), "name": p.Title, "about": p.Desc, "cost": p.Price})
				}
				v8JSON(w, out)
			})
			return mux
		},
		target: `name: terse-link
platform: ChemSupply
kind: json
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/api/offers"]
json:
  items: "."
  fields: {id: uid, title: name, description: about, price: cost}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return "o" + strconv.Itoa(p.ID) }, nil)
		},
	}
}

// An RSS 2.0 feed paged as RFC 5005 describes: <atom:link rel="next"> in
// the channel; the partner writes no next_page.
func v9RSSPaged() v8Site {
	return v8Site{
		name: "rss-atom-link-next",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/feed/", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("paged"), 1)
				w.Header().Set("Content-Type", "application/rss+xml; charset=UTF-8")
				fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Ads</title><link>%s/</link><description>Latest ads</description>
<atom:link href="%s/feed/?paged=%d" rel="self" type="application/rss+xml"/>
`, base, base, n)
				if n < v8Pages(2) {
					fmt.Fprintf(w, `<atom:link href="%s/feed/?paged=%d" rel="next" type="application/rss+xml"/>`+"\n", base, n+1)
				}
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(w, `<item><title>%s</title><link>%s/ad/%d/</link><guid isPermaLink="false">%s/?p=%d</guid><description><![CDATA[<p>%s</p>]]></description><content:encoded><![CDATA[<p>%s</p><p>Price: %s EUR</p>]]></content:encoded></item>
`, p.Title, base, p.ID, base, p.ID, p.Desc, p.Desc, p.Price)
				}
				fmt.Fprint(w, "</channel></rss>\n")
			})
			return mux
		},
		target: `name: rss-paged
platform: Board
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/feed/"]
listing:
  item: item
  fields: {id: guid, url: link, title: title, description: description}`,
		want: func(base string) []v8Want {
			w := v8All(func(p v8Product) string { return fmt.Sprintf("%s/?p=%d", base, p.ID) },
				func(p v8Product) string { return fmt.Sprintf("%s/ad/%d/", base, p.ID) })
			for i := range w {
				w[i].price = ""
			}
			return w
		},
	}
}

// A Next.js app router catalogue streamed with a Suspense boundary: the
// first bytes are the loading skeleton, the cards come later in the same
// response inside <div hidden id="S:0">, moved into place by $RC(); the
// RSC stream repeats them as element trees. An html target with item
// selectors reads the streamed markup.
func v9NextSuspense() v8Site {
	return v8Site{
		name: "nextjs-suspense-streamed-html",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/shop", func(w http.ResponseWriter, r *http.Request) {
				n := v8Atoi(r.URL.Query().Get("page"), 1)
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Shop</title></head><body><main><!--$?--><template id="B:0"></template><div class="skeleton">Loading…</div><!--/$--></main>`)
				if f, ok := w.(http.Flusher); ok {
					f.Flush()
				}
				var cards []string
				for _, p := range v8Page(n, 2) {
					cards = append(cards, fmt.Sprintf(`<article class="card" data-sku="S%d"><a href="/shop/p/%s"><h3>%s</h3></a><p class="blurb">%s</p><span class="amount">€%s</span></article>`, p.ID, p.Slug, p.Title, p.Desc, p.Price))
				}
				nav := ""
				if n < v8Pages(2) {
					nav = fmt.Sprintf(`<nav><a class="next" href="/shop?page=%d">Next</a></nav>`, n+1)
				}
				fmt.Fprintf(w, `<div hidden id="S:0"><section class="grid">%s</section>%s</div><script>$RC=function(b,c){/* swap */};$RC("B:0","S:0")</script></body></html>`, strings.Join(cards, ""), nav)
			})
			return mux
		},
		target: `name: next-suspense
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/shop"]
next_page: ["a.next"]
listing:
  item: article.card
  fields: {id: "@data-sku", url: "a@href", title: h3, description: p.blurb, price: span.amount}`,
		want: func(base string) []v8Want {
			return v8All(func(p v8Product) string { return "S" + strconv.Itoa(p.ID) },
				func(p v8Product) string { return base + "/shop/p/" + p.Slug })
		},
	}
}

// A classic ASP.NET shop: Products.aspx?CategoryID=5&Page=1 with the
// parameter capitalised (IIS reads query names in any case), more loaded
// by a __doPostBack button (no link), and an empty grid past the end.
func v9ASPNetPage() v8Site {
	return v8Site{
		name: "aspnet-capitalised-page",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/Products.aspx", func(w http.ResponseWriter, r *http.Request) {
				n := 1
				for k, v := range r.URL.Query() {
					if strings.EqualFold(k, "page") {
						n = v8Atoi(v[0], 1)
					}
				}
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, `<html><head><title>Products</title></head><body><form method="post" action="./Products.aspx?CategoryID=5" id="form1"><input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTY3"><table id="ctl00_gvProducts" class="grid">`)
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(w, `<tr class="row"><td><a id="ctl00_lnk%d" href="ProductDetail.aspx?ProductID=%d">%s</a></td><td class="price">$%s</td><td class="desc">%s</td></tr>`, p.ID, p.ID, p.Title, p.Price, p.Desc)
				}
				if v8Page(n, 2) == nil {
					fmt.Fprint(w, `<tr><td colspan="3">No products found.</td></tr>`)
				}
				fmt.Fprint(w, `</table><a id="ctl00_btnMore" href="javascript:__doPostBack('ctl00$btnMore','')">Show more</a></form></body></html>`)
			})
			return mux
		},
		target: `name: aspnet
platform: ChemSupply
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/Products.aspx?CategoryID=5&Page=1"]
listing:
  item: tr.row
  fields: {url: "a@href", title: a, price: td.price, description: td.desc}`,
		want: func(base string) []v8Want {
			return v8All(nil, func(p v8Product) string { return fmt.Sprintf("%s/ProductDetail.aspx?ProductID=%d", base, p.ID) })
		},
	}
}

// An old Java shop serving XHTML as application/xhtml+xml, its charset
// (ISO-8859-15, where 0xA4 is the euro sign) named only in the XML
// declaration, as XML parsers and browsers read such a page.
func v9XHTMLLatin9() v8Site {
	de := []string{"Aceton technisch – 20 l", "Schwefelsäure 96 %", "Kaliumpermanganat 500 g", "Toluol 1 l", "Salzsäure 37 %"}
	return v8Site{
		name: "xhtml-xml-declaration-latin9",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/shop/list.do", func(w http.ResponseWriter, r *http.Request) {
				var b strings.Builder
				b.WriteString(`<?xml version="1.0" encoding="ISO-8859-15"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de"><head><title>Angebote</title></head><body><div id="list">`)
				for i, p := range v8Products {
					fmt.Fprintf(&b, `<div class="offer" id="o%d"><h2>%s</h2><span class="price">%s €</span><p class="text">%s</p></div>`, p.ID, strings.ReplaceAll(de[i], "–", "-"), strings.Replace(p.Price, ".", ",", 1), p.Desc)
				}
				b.WriteString(`</div></body></html>`)
				out, err := charmap.ISO8859_15.NewEncoder().String(b.String())
				if err != nil {
					panic(err)
				}
				w.Header().Set("Content-Type", "application/xhtml+xml")
				_, _ = io.WriteString(w, out)
			})
			return mux
		},
		target: `name: xhtml
platform: ChemDE
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/shop/list.do"]
listing:
  item: div.offer
  fields: {id: "@id", title: h2, price: span.price, description: p.text}`,
		want: func(base string) []v8Want {
			var out []v8Want
			for i, p := range v8Products {
				out = append(out, v8Want{id: "o" + strconv.Itoa(p.ID), title: strings.ReplaceAll(de[i], "–", "-"), desc: p.Desc, price: strings.Replace(p.Price, ".", ",", 1) + " €"})
			}
			return out
		},
	}
}

// A 1C-Bitrix shop (most Russian shops): its catalogue pages by
// ?PAGEN_1=N (the pager's number in the name), loads more by an AJAX
// button, and shows the last page again for a number past it.
func v9Bitrix() v8Site {
	ru := []string{"Ацетон технический 20 л", "Серная кислота 96%", "Перманганат калия 500 г", "Толуол 1 л", "Соляная кислота 37%"}
	return v8Site{
		name: "bitrix-pagen",
		handler: func(base string) http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/catalog/khimiya/", func(w http.ResponseWriter, r *http.Request) {
				n := min(max(v8Atoi(r.URL.Query().Get("PAGEN_1"), 1), 1), v8Pages(2))
				w.Header().Set("Content-Type", "text/html; charset=UTF-8")
				fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Химия</title></head><body><div class="catalog-section" data-entity="container-1">`)
				for _, p := range v8Page(n, 2) {
					fmt.Fprintf(w, `<div class="product-item-container" id="bx_3966226736_%d" data-entity="item"><div class="product-item"><a class="product-item-title" href="/catalog/khimiya/%s/">%s</a><span class="product-item-price-current">%s руб.</span></div></div>`, p.ID, p.Slug, ru[p.ID-101], p.Price)
				}
				fmt.Fprint(w, `</div><div class="catalog-section-btn-container" data-entity="catalog-section-show-more-1"><button class="btn btn-default" data-use="show-more-1">Показать ещё</button></div></body></html>`)
			})
			return mux
		},
		target: `name: bitrix
platform: ChemRU
allow_private_networks: true
delay: 1ms
start_urls: ["{{base}}/catalog/khimiya/?PAGEN_1=1"]
listing:
  item: "div[data-entity=item]"
  fields: {url: "a.product-item-title@href", title: a.product-item-title, price: span.product-item-price-current}`,
		want: func(base string) []v8Want {
			var out []v8Want
			for i, p := range v8Products {
				out = append(out, v8Want{url: base + "/catalog/khimiya/" + p.Slug + "/", title: ru[i], price: p.Price})
			}
			return out
		},
	}
}
