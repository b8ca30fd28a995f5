package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// v19Offset returns the indexes of the products at offset off, two a page.
func v19Offset(off int) []int {
	var out []int
	for i := off; i >= 0 && i < off+2 && i < len(v16Products); i++ {
		out = append(out, i)
	}
	return out
}

// TestVariety19Feeds is round 19's feeds, each configured only from
// docs/CRAWLING.md and run end to end through `precwatch crawl`:
//
//  1. Rakuten Ichiba's item search (Items[].Item wrappers, page/pageCount)
//  2. Yahoo! Shopping Japan's item search v3, paged by a 1-based start
//     (start=1, results=2; firstResultsPosition, totalResultsAvailable)
//  3. Mercado Libre's search API (paging {total, offset, limit} nested,
//     the seller's nickname)
//  4. a Laravel Fractal API (Square Online style): meta.pagination with
//     links.next, and "links": [] — an empty array — on the last page
//  5. Contentful's Content Delivery API (skip/limit/total, the seller a
//     link {"sys": {"type": "Link", "id": …}} resolved by a lookup to the
//     entry)
//     — and the same read from the answer's includes, without a lookup
//  6. Elastic Path's catalog (JSON:API-like, links.next), the price as
//     meta.display_price.with_tax {"amount": 12000, "currency": "EUR",
//     "formatted": "€120.00"}: an amount in cents beside its formatted text
//  7. PrestaShop's webservice (XML, CDATA, <name><language id="1">), paged
//     by limit=OFFSET,COUNT
//  8. Algolia's multi-queries endpoint by POST (the page in "params",
//     counted from 0)
//  9. a batched GraphQL endpoint (Tokopedia style): the POST body a JSON
//     array of operations, the answer an array of results
func TestVariety19Feeds(t *testing.T) {
	jsonBody := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		io.WriteString(w, s)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		atoi := func(s string, def int) int {
			n, err := strconv.Atoi(s)
			if err != nil {
				return def
			}
			return n
		}
		host := "http://" + r.Host
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. Rakuten.
		case p == "/rk/services/api/IchibaItem/Search/20220601":
			n := atoi(q.Get("page"), 1)
			if q.Get("hits") != "2" || n < 1 || n > 100 {
				w.WriteHeader(400)
				jsonBody(w, `{"error":"wrong_parameter","error_description":"page must be 1-100"}`)
				return
			}
			var items []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"Item": map[string]any{"itemCode": fmt.Sprintf("chemshop:%d", 1000+i), "itemName": pr.title, "itemCaption": pr.desc,
					"itemPrice": int(pr.price * 150), "shopName": pr.seller, "itemUrl": fmt.Sprintf("https://item.rakuten.example/chemshop/%d/", 1000+i)}})
			}
			if items == nil {
				items = []any{}
			}
			jsonBody(w, v16JSON(map[string]any{"count": 5, "page": n, "first": (n-1)*2 + 1, "last": (n-1)*2 + len(items), "hits": len(items), "pageCount": 3, "Items": items}))
		// 2. Yahoo! Shopping JP, start counted from 1.
		case p == "/yj/ShoppingWebService/V3/itemSearch":
			start := atoi(q.Get("start"), 1)
			if q.Get("results") != "2" || start < 1 {
				w.WriteHeader(400)
				return
			}
			var hits []any
			for _, i := range v19Offset(start - 1) {
				pr := v16Products[i]
				hits = append(hits, map[string]any{"index": i + 1, "code": fmt.Sprintf("chemstore_%d", 1000+i), "name": pr.title, "description": pr.desc, "price": int(pr.price * 150),
					"url": fmt.Sprintf("https://store.shopping.yahoo.example/chemstore/%d.html", 1000+i), "seller": map[string]any{"sellerId": pr.seller, "name": pr.seller}})
			}
			if hits == nil {
				hits = []any{}
			}
			jsonBody(w, v16JSON(map[string]any{"totalResultsAvailable": 5, "totalResultsReturned": len(hits), "firstResultsPosition": start, "hits": hits}))
		// 3. Mercado Libre.
		case p == "/ml/sites/MLB/search":
			off := atoi(q.Get("offset"), 0)
			if q.Get("limit") != "2" {
				w.WriteHeader(400)
				return
			}
			var res []any
			for _, i := range v19Offset(off) {
				pr := v16Products[i]
				res = append(res, map[string]any{"id": fmt.Sprintf("MLB%d", 3000+i), "title": pr.title, "price": pr.price, "currency_id": "BRL",
					"permalink": fmt.Sprintf("https://produto.mercadolivre.example/MLB-%d", 3000+i), "seller": map[string]any{"id": 77 + i, "nickname": pr.seller}})
			}
			if res == nil {
				res = []any{}
			}
			jsonBody(w, v16JSON(map[string]any{"site_id": "MLB", "paging": map[string]any{"total": 5, "primary_results": 5, "offset": off, "limit": 2}, "results": res}))
		// 4. Fractal.
		case p == "/sq/api/v2/products":
			n := atoi(q.Get("page"), 1)
			var data []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				data = append(data, map[string]any{"id": fmt.Sprintf("sq-%d", i), "name": pr.title, "short_description": pr.desc,
					"price": map[string]any{"low": pr.price, "high": pr.price, "low_formatted": fmt.Sprintf("€%.2f", pr.price), "high_formatted": fmt.Sprintf("€%.2f", pr.price)},
					"owner": map[string]any{"data": map[string]any{"name": pr.seller}}})
			}
			var links any = []any{}
			if n < 3 {
				links = map[string]any{"next": fmt.Sprintf("%s/sq/api/v2/products?page=%d", host, n+1)}
			}
			jsonBody(w, v16JSON(map[string]any{"data": data, "meta": map[string]any{"pagination": map[string]any{"total": 5, "count": len(data), "per_page": 2, "current_page": n, "total_pages": 3, "links": links}}}))
		// 5. Contentful.
		case strings.HasPrefix(p, "/cf/spaces/sp1/environments/master/entries") || p == "/cfi/spaces/sp1/environments/master/entries":
			if r.Header.Get("Authorization") != "Bearer cda-token" {
				w.WriteHeader(401)
				jsonBody(w, `{"sys":{"type":"Error","id":"AccessTokenInvalid"}}`)
				return
			}
			if id := strings.TrimPrefix(p, "/cf/spaces/sp1/environments/master/entries/"); id != p {
				name, ok := map[string]string{"s-chemking": "chemking", "s-solvents4u": "solvents4u", "s-glassco": "glassco", "s-redp": "redp"}[id]
				if !ok {
					http.NotFound(w, r)
					return
				}
				jsonBody(w, v16JSON(map[string]any{"sys": map[string]any{"id": id, "type": "Entry"}, "fields": map[string]any{"name": name, "country": "AT"}}))
				return
			}
			skip := atoi(q.Get("skip"), 0)
			var items, inc []any
			for _, i := range v19Offset(skip) {
				pr := v16Products[i]
				items = append(items, map[string]any{"sys": map[string]any{"id": fmt.Sprintf("%s%d", strings.Split(p, "/")[1], i), "type": "Entry"}, "fields": map[string]any{"name": pr.title, "description": pr.desc, "price": pr.price,
					"seller": map[string]any{"sys": map[string]any{"type": "Link", "linkType": "Entry", "id": "s-" + pr.seller}}}})
				inc = append(inc, map[string]any{"sys": map[string]any{"id": "s-" + pr.seller, "type": "Entry"}, "fields": map[string]any{"name": pr.seller, "country": "AT"}})
			}
			if items == nil {
				items = []any{}
			}
			jsonBody(w, v16JSON(map[string]any{"sys": map[string]any{"type": "Array"}, "total": 5, "skip": skip, "limit": 2, "items": items, "includes": map[string]any{"Entry": inc}}))
		// 6. Elastic Path.
		case p == "/ep/catalog/products":
			off := atoi(q.Get("page[offset]"), 0)
			var data []any
			for _, i := range v19Offset(off) {
				pr := v16Products[i]
				cents := int(pr.price * 100)
				data = append(data, map[string]any{"id": fmt.Sprintf("ep-%d", i), "type": "product", "attributes": map[string]any{"name": pr.title, "description": pr.desc, "sku": fmt.Sprintf("SKU%d", i)},
					"meta": map[string]any{"display_price": map[string]any{
						"with_tax":    map[string]any{"amount": cents, "currency": "EUR", "formatted": fmt.Sprintf("€%.2f", pr.price)},
						"without_tax": map[string]any{"amount": cents * 100 / 120, "currency": "EUR", "formatted": fmt.Sprintf("€%.2f", float64(cents*100/120)/100)}}}})
			}
			links := map[string]any{"current": fmt.Sprintf("%s/ep/catalog/products?page[limit]=2&page[offset]=%d", host, off), "next": nil}
			if off+2 < 5 {
				links["next"] = fmt.Sprintf("%s/ep/catalog/products?page[limit]=2&page[offset]=%d", host, off+2)
			}
			jsonBody(w, v16JSON(map[string]any{"data": data, "links": links, "meta": map[string]any{"results": map[string]any{"total": 5}}}))
		// 7. PrestaShop webservice.
		case p == "/psws/api/products":
			var off, n int
			if _, err := fmt.Sscanf(q.Get("limit"), "%d,%d", &off, &n); err != nil || n != 2 || q.Get("display") != "full" {
				w.WriteHeader(400)
				io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><prestashop><errors><error><code><![CDATA[35]]></code><message><![CDATA[Bad limit]]></message></error></errors></prestashop>`)
				return
			}
			var b strings.Builder
			b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">` + "\n<products>\n")
			for _, i := range v19Offset(off) {
				pr := v16Products[i]
				fmt.Fprintf(&b, "<product>\n\t<id><![CDATA[%d]]></id>\n\t<id_manufacturer xlink:href=\"%s/psws/api/manufacturers/3\"><![CDATA[3]]></id_manufacturer>\n\t<price><![CDATA[%.6f]]></price>\n\t<name><language id=\"1\" xlink:href=\"%s/psws/api/languages/1\"><![CDATA[%s]]></language></name>\n\t<description><language id=\"1\"><![CDATA[<p>%s</p>]]></language></description>\n\t<supplier_name><![CDATA[%s]]></supplier_name>\n</product>\n", 40+i, host, pr.price, host, pr.title, pr.desc, pr.seller)
			}
			b.WriteString("</products>\n</prestashop>\n")
			w.Header().Set("Content-Type", "text/xml;charset=utf-8")
			io.WriteString(w, b.String())
		// 8. Algolia multi-queries, pages from 0.
		case p == "/alg/1/indexes/*/queries":
			var req struct {
				Requests []struct {
					IndexName string `json:"indexName"`
					Params    string `json:"params"`
				} `json:"requests"`
			}
			if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&req) != nil || len(req.Requests) != 1 || r.Header.Get("X-Algolia-API-Key") != "search-key" {
				w.WriteHeader(400)
				jsonBody(w, `{"message":"bad request","status":400}`)
				return
			}
			vals, _ := parseQuery(req.Requests[0].Params)
			page, size := atoi(vals["page"], 0), atoi(vals["hitsPerPage"], 20)
			off := page * size
			if o, ok := vals["offset"]; ok {
				off, size = atoi(o, 0), atoi(vals["length"], 20)
			}
			var hits []any
			for i := off; i < off+size && i < len(v16Products); i++ {
				pr := v16Products[i]
				hits = append(hits, map[string]any{"objectID": fmt.Sprintf("alg-%d", i), "name": pr.title, "description": pr.desc, "price": pr.price, "seller": pr.seller})
			}
			if hits == nil {
				hits = []any{}
			}
			jsonBody(w, v16JSON(map[string]any{"results": []any{map[string]any{"hits": hits, "nbHits": 5, "page": page, "nbPages": 3, "hitsPerPage": size, "index": req.Requests[0].IndexName}}}))
		// 9. Batched GraphQL.
		case p == "/tk/graphql/SearchProductQuery":
			var ops []struct {
				OperationName string         `json:"operationName"`
				Variables     map[string]any `json:"variables"`
			}
			if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&ops) != nil || len(ops) != 1 {
				w.WriteHeader(400)
				return
			}
			params, _ := ops[0].Variables["params"].(string)
			vals, _ := parseQuery(params)
			n := atoi(vals["page"], 0)
			if n < 1 || vals["rows"] != "2" {
				jsonBody(w, `[{"errors":[{"message":"invalid params"}],"data":null}]`)
				return
			}
			prods := []any{}
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				prods = append(prods, map[string]any{"id": 9000 + i, "name": pr.title, "price": fmt.Sprintf("Rp%d.000", int(pr.price)), "url": fmt.Sprintf("https://www.tokopedia.example/%s/p-%d", pr.seller, 9000+i),
					"shop": map[string]any{"name": pr.seller, "city": "Jakarta"}})
			}
			jsonBody(w, v16JSON([]any{map[string]any{"data": map[string]any{"ace_search_product_v4": map[string]any{"header": map[string]any{"totalData": 5}, "data": map[string]any{"products": prods}}}}}))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: rakuten
    platform: Rakuten
    kind: json
    start_urls: ["%[1]s/rk/services/api/IchibaItem/Search/20220601?format=json&keyword=chem&hits=2&page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: Items.Item
      fields: {id: itemCode, title: itemName, description: itemCaption, price: itemPrice, seller: shopName, url: itemUrl}
  - name: yahoo-jp
    platform: YahooShopping
    kind: json
    start_urls: ["%[1]s/yj/ShoppingWebService/V3/itemSearch?appid=app1&query=chem&results=2&start=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: hits
      fields: {id: code, title: name, description: description, price: price, seller: seller.name, url: url}
  - name: mercadolibre
    platform: MercadoLibre
    kind: json
    start_urls: ["%[1]s/ml/sites/MLB/search?q=quimica&offset=0&limit=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: results
      fields: {id: id, title: title, price: price, seller: seller.nickname, url: permalink, currency: currency_id}
  - name: fractal
    platform: SquareOnline
    kind: json
    start_urls: ["%[1]s/sq/api/v2/products?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data
      next_page: meta.pagination.links.next
      fields: {id: id, title: name, description: short_description, price: price.low_formatted, seller: owner.data.name}
  - name: contentful
    platform: Contentful
    kind: json
    start_urls: ["%[1]s/cf/spaces/sp1/environments/master/entries?content_type=product&include=1&skip=0&limit=2"]
    allow_private_networks: true
    delay: 0s
    headers: {Authorization: "Bearer cda-token"}
    json:
      items: items
      fields: {id: sys.id, title: fields.name, description: fields.description, price: fields.price, seller_id: fields.seller.sys.id}
    lookups:
      - url: "/cf/spaces/sp1/environments/master/entries/{seller_id}"
        fields: {seller: fields.name, location: fields.country}
  - name: contentful-includes
    platform: ContentfulIncludes
    kind: json
    start_urls: ["%[1]s/cfi/spaces/sp1/environments/master/entries?content_type=product&include=1&skip=0&limit=2"]
    allow_private_networks: true
    delay: 0s
    headers: {Authorization: "Bearer cda-token"}
    json:
      items: items
      fields: {id: sys.id, title: fields.name, description: fields.description, price: fields.price, seller: fields.seller.fields.name, location: fields.seller.fields.country}
  - name: elasticpath
    platform: ElasticPath
    kind: json
    start_urls: ["%[1]s/ep/catalog/products?page[limit]=2&page[offset]=0"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data
      next_page: links.next
      fields: {id: id, title: attributes.name, description: attributes.description, price: meta.display_price.with_tax}
  - name: prestashop-ws
    platform: PrestaShopWS
    start_urls: ["%[1]s/psws/api/products?display=full"]
    allow_private_networks: true
    delay: 0s
    request:
      method: GET
      body: "limit=${offset},2"
    listing:
      item: product
      fields: {id: id, title: name language, description: description language, price: price, seller: supplier_name}
  - name: algolia-multi
    platform: AlgoliaMulti
    kind: json
    start_urls: ["%[1]s/alg/1/indexes/*/queries"]
    allow_private_networks: true
    delay: 0s
    headers: {X-Algolia-Application-Id: APP1, X-Algolia-API-Key: search-key}
    json:
      method: POST
      body: '{"requests": [{"indexName": "products", "params": "query=&hitsPerPage=2&page=${page0}"}]}'
      items: results.hits
      fields: {id: objectID, title: name, description: description, price: price, seller: seller}
  - name: graphql-batch
    platform: GraphQLBatch
    kind: json
    start_urls: ["%[1]s/tk/graphql/SearchProductQuery"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: '[{"operationName": "SearchProductQuery", "variables": {"params": "device=desktop&q=kimia&rows=2&page=${page}"}, "query": "query SearchProductQuery($params: String!) { ace_search_product_v4(params: $params) { data { products { id name price url shop { name city } } } } }"}]'
      items: "[0].data.ace_search_product_v4.data.products"
      fields: {id: id, title: name, price: price, seller: shop.name, location: shop.city, url: url}
`, srv.URL))
	defer logListingsOnFailure(t, got, out)
	var wants []shopWant
	for i, pr := range v16Products {
		yen := strconv.Itoa(int(pr.price * 150))
		wants = append(wants,
			shopWant{fmt.Sprintf("chemshop:%d", 1000+i), pr.title, yen, pr.desc, pr.seller},
			shopWant{fmt.Sprintf("chemstore_%d", 1000+i), pr.title, yen, pr.desc, pr.seller},
			shopWant{fmt.Sprintf("MLB%d", 3000+i), pr.title, strconv.FormatFloat(pr.price, 'f', -1, 64), "", pr.seller},
			shopWant{fmt.Sprintf("sq-%d", i), pr.title, fmt.Sprintf("€%.2f", pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("cf%d", i), pr.title, strconv.FormatFloat(pr.price, 'f', -1, 64), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("cfi%d", i), pr.title, strconv.FormatFloat(pr.price, 'f', -1, 64), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("ep-%d", i), pr.title, fmt.Sprintf("%.2f EUR", pr.price), pr.desc, ""},
			shopWant{strconv.Itoa(40 + i), pr.title, fmt.Sprintf("%.6f", pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("alg-%d", i), pr.title, strconv.FormatFloat(pr.price, 'f', -1, 64), pr.desc, pr.seller},
			shopWant{strconv.Itoa(9000 + i), pr.title, fmt.Sprintf("Rp%d.000", int(pr.price)), "", pr.seller},
		)
	}
	checkShopListings(t, got, wants)
	for i := range v16Products {
		for _, k := range []string{"cf", "cfi"} {
			if l := got[fmt.Sprintf("%s%d", k, i)]; l.Location != "AT" {
				t.Errorf("contentful %s%d: location %q, want AT", k, i, l.Location)
			}
		}
	}
	for _, name := range []string{"rakuten", "yahoo-jp", "mercadolibre", "fractal", "contentful", "contentful-includes", "elasticpath", "prestashop-ws", "algolia-multi", "graphql-batch"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
}

// parseQuery reads a query string as one value per key.
func parseQuery(s string) (map[string]string, error) {
	out := map[string]string{}
	for kv := range strings.SplitSeq(s, "&") {
		k, v, _ := strings.Cut(kv, "=")
		out[k] = v
	}
	return out, nil
}

// TestVariety19Shops is round 19's html shops, configured the same way:
//
//  1. a shop that sends a visitor without its consent cookie to a consent
//     page on its own host (302 → /consent?return=…, "Accept all" posting
//     a form), configured first without the cookie, then with it
//  2. a research-chemicals shop answering its catalogue, with status 200,
//     by an age gate ("Are you 18 or older?", links "Yes"/"No") until a
//     cookie says the visitor is of age
//  3. an old PHP shop whose offers are table rows linking their detail
//     pages only by onclick="location.href='detail.php?id=1'"
//  4. an osCommerce shop whose pages declare <base href="/bh/catalog/">,
//     product links relative to it
//  5. classifieds boards dated in Japanese ("3日前", "昨日 14:03"),
//     Brazilian Portuguese ("há 2 dias", "Ontem, 09:12"), Italian ("2
//     giorni fa", "Ieri alle 09:12") and Ukrainian ("2 дні тому", "Вчора
//     о 09:12")
func TestVariety19Shops(t *testing.T) {
	htmlBody := func(w http.ResponseWriter, title, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!doctype html><html><head><title>"+title+"</title></head><body>"+s+"</body></html>")
	}
	pager := func(prefix string, n int) string {
		if n < 3 {
			return fmt.Sprintf(`<a class="next" href="/%s/shop?page=%d">Next</a>`, prefix, n+1)
		}
		return ""
	}
	dates := map[string][]string{
		"ja": {"3日前", "昨日 14:03", "2時間前", "たった今", "1か月前"},
		"pt": {"há 2 dias", "Ontem, 09:12", "Hoje, 14:05", "há 3 horas", "há 1 semana"},
		"it": {"2 giorni fa", "Ieri alle 09:12", "Oggi alle 14:05", "3 ore fa", "un mese fa"},
		"uk": {"2 дні тому", "Вчора о 09:12", "Сьогодні о 14:05", "3 години тому", "тиждень тому"},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		n, _ := strconv.Atoi(q.Get("page"))
		if n == 0 {
			n = 1
		}
		cookie := func(name string) bool { c, err := r.Cookie(name); return err == nil && c.Value == "1" }
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. consent redirect.
		case p == "/cs/shop" || p == "/csc/shop":
			if !cookie("cookieconsent") {
				http.Redirect(w, r, "/cs/consent?return="+r.URL.RequestURI(), http.StatusFound)
				return
			}
			prefix := strings.Split(p, "/")[1]
			htmlBody(w, "Shop", v17Cards(prefix, v16Page(n, 2))+pager(prefix, n))
		case p == "/cs/consent":
			htmlBody(w, "Before you continue", `<div class="consent"><h1>We value your privacy</h1><p>We and our partners use cookies to store and access information on your device.</p><form method="post" action="/cs/consent/accept"><input type="hidden" name="return" value="`+q.Get("return")+`"><button name="choice" value="all">Accept all</button><button name="choice" value="none">Reject all</button></form><a href="/cs/privacy">Privacy policy</a></div>`)
		// 2. age gate.
		case p == "/ag/shop":
			if !cookie("age_verified") {
				htmlBody(w, "Age verification", `<div class="age-gate"><h1>Are you 18 or older?</h1><p>You must be of legal age to enter this site.</p><a class="yes" href="/ag/enter?return=/ag/shop">Yes, I am 18+</a> <a class="no" href="https://www.example.com/">No</a></div>`)
				return
			}
			htmlBody(w, "Research chemicals", v17Cards("ag", v16Page(n, 2))+pager("ag", n))
		// 3. onclick rows.
		case p == "/oc/catalog.php":
			var b strings.Builder
			b.WriteString(`<table class="offers"><tr><th>Offer</th><th>Seller</th></tr>`)
			for _, i := range v16Page(n, 2) {
				fmt.Fprintf(&b, `<tr class="offer" onclick="location.href='detail.php?id=%d'" style="cursor:pointer"><td>%s</td><td>%s</td></tr>`, i, v16Products[i].title, v16Products[i].seller)
			}
			b.WriteString(`</table>`)
			if n < 3 {
				fmt.Fprintf(&b, `<a class="next" href="catalog.php?page=%d">Next &raquo;</a>`, n+1)
			}
			htmlBody(w, "Offers", b.String())
		case p == "/oc/detail.php":
			i, err := strconv.Atoi(q.Get("id"))
			if err != nil || i < 0 || i >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			pr := v16Products[i]
			htmlBody(w, pr.title, fmt.Sprintf(`<h1>%s</h1><div class="desc">%s</div><span class="price">%.2f EUR</span><span class="seller">%s</span>`, pr.title, pr.desc, pr.price, pr.seller))
		// 4. base href.
		case p == "/bh/shop/index.php":
			var b strings.Builder
			for _, i := range v16Page(n, 2) {
				fmt.Fprintf(&b, `<div class="productListing"><a href="product_info.php?products_id=%d">%s</a></div>`, i, v16Products[i].title)
			}
			if n < 3 {
				fmt.Fprintf(&b, `<a class="pageResults" href="/bh/shop/index.php?cPath=1&amp;page=%d" title=" Next Page ">[Next &gt;&gt;]</a>`, n+1)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, `<!doctype html><html><head><base href="/bh/catalog/"><title>Catalog</title></head><body>`+b.String()+`</body></html>`)
		case p == "/bh/catalog/product_info.php":
			i, err := strconv.Atoi(q.Get("products_id"))
			if err != nil || i < 0 || i >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			pr := v16Products[i]
			htmlBody(w, pr.title, fmt.Sprintf(`<h1>%s</h1><div class="desc">%s</div><span class="price">%.2f EUR</span><span class="seller">%s</span>`, pr.title, pr.desc, pr.price, pr.seller))
		// 5. boards.
		case strings.HasPrefix(p, "/rd/") && dates[strings.TrimPrefix(p, "/rd/")] != nil:
			lang := strings.TrimPrefix(p, "/rd/")
			var b strings.Builder
			for i, pr := range v16Products {
				fmt.Fprintf(&b, `<article class="ad" data-adid="%s-%d"><h2>%s</h2><p>%s</p><time class="date">%s</time></article>`, lang, i, pr.title, pr.desc, dates[lang][i])
			}
			htmlBody(w, "Board", b.String())
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := fmt.Sprintf(`data_dir: DATA
targets:
  - name: consent
    platform: Consent
    start_urls: ["%[1]s/cs/shop"]
    allow_private_networks: true
    delay: 0s
    next_page: [a.next]
    listing:
      item: div.card
      fields: {url: a.t@href, title: a.t, description: p.d, price: .price, seller: .s}
  - name: consent-cookie
    platform: ConsentCookie
    start_urls: ["%[1]s/csc/shop"]
    allow_private_networks: true
    delay: 0s
    headers: {Cookie: "cookieconsent=1"}
    next_page: [a.next]
    listing:
      item: div.card
      fields: {url: a.t@href, title: a.t, description: p.d, price: .price, seller: .s}
  - name: age-gate
    platform: AgeGate
    start_urls: ["%[1]s/ag/shop"]
    allow_private_networks: true
    delay: 0s
    next_page: [a.next]
    listing:
      item: div.card
      fields: {url: a.t@href, title: a.t, description: p.d, price: .price, seller: .s}
  - name: onclick-rows
    platform: OnclickRows
    start_urls: ["%[1]s/oc/catalog.php"]
    allow_private_networks: true
    delay: 0s
    follow: ["tr.offer@onclick"]
    next_page: [a.next]
    listing:
      url_pattern: 'detail\.php\?id=\d+'
      fields: {title: h1, description: .desc, price: .price, seller: .seller}
  - name: base-href
    platform: BaseHref
    start_urls: ["%[1]s/bh/shop/index.php?cPath=1"]
    allow_private_networks: true
    delay: 0s
    follow: ["div.productListing a"]
    next_page: ["a.pageResults[title*=Next]"]
    listing:
      url_pattern: 'product_info\.php\?products_id=\d+'
      fields: {title: h1, description: .desc, price: .price, seller: .seller}
`, srv.URL)
	for _, lang := range []string{"ja", "pt", "it", "uk"} {
		cfg += fmt.Sprintf(`  - name: board-%[2]s
    platform: Board-%[2]s
    start_urls: ["%[1]s/rd/%[2]s"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: article.ad
      fields: {id: "@data-adid", title: h2, description: p, posted: time.date}
`, srv.URL, lang)
	}
	got, _, out := crawl4(t, nil, cfg)
	defer logListingsOnFailure(t, got, out)
	var wants []shopWant
	for i, pr := range v16Products {
		price := fmt.Sprintf("%.2f EUR", pr.price)
		wants = append(wants,
			shopWant{fmt.Sprintf("/csc/p/%d", i), pr.title, price, pr.desc, pr.seller},
			shopWant{fmt.Sprintf("/oc/detail.php?id=%d", i), pr.title, price, pr.desc, pr.seller},
			shopWant{fmt.Sprintf("/bh/catalog/product_info.php?products_id=%d", i), pr.title, price, pr.desc, pr.seller},
		)
	}
	checkShopListings(t, got, wants)
	for lang, ds := range dates {
		for i, d := range ds {
			l := got[fmt.Sprintf("%s-%d", lang, i)]
			if l.Attributes["posted"+precwatch.AsWrittenSuffix] != d {
				t.Errorf("board-%s: %s-%d posted %q, as written %q, want %q resolved", lang, lang, i, l.Attributes["posted"], l.Attributes["posted"+precwatch.AsWrittenSuffix], d)
				continue
			}
			ts, err := time.Parse(time.RFC3339, l.Attributes["posted"])
			// A fixed time of day ("Oggi alle 14:05") fetched before it lies
			// later the same day: the fixture does not follow the clock (CI
			// crossed midnight UTC with it), so up to a day ahead.
			if d := l.FetchedAt.Sub(ts); err != nil || d < -24*time.Hour || d > 32*24*time.Hour {
				t.Errorf("board-%s: %s-%d posted %q, fetched %s", lang, lang, i, l.Attributes["posted"], l.FetchedAt)
			}
		}
	}
	// Without the cookie the consent page is no catalogue: the run must not
	// say it read the shop.
	if c := completeColumn(out, "consent"); c != "no" || !strings.Contains(out, "a cookie-consent page") || !strings.Contains(out, "an age gate") {
		t.Errorf("consent: complete %q, want no (the consent page stood in for the catalogue)", c)
	}
	if c := completeColumn(out, "age-gate"); c != "no" {
		t.Errorf("age-gate: complete %q, want no (the age gate stood in for the catalogue)", c)
	}
	if testing.Verbose() {
		t.Logf("%s", out)
	}
	for _, name := range []string{"consent-cookie", "onclick-rows", "base-href", "board-ja", "board-pt", "board-it", "board-uk"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
}

// TestVariety19Gaps covers two gaps round 18 left, end to end:
//
//  1. a German board printing local times without an offset ("Heute,
//     14:05", "gestern, 23:30"), configured with time_zone: Europe/Berlin
//  2. a feed naming its sellers by id, whose seller records name their
//     shop by id, the shop's city only at /api/shops/{shop_id}: two
//     lookups, the second on the field the first fills
func TestVariety19Gaps(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	hits := map[string]int{}
	sellerIDs := map[string]int{"chemking": 7, "solvents4u": 8, "glassco": 9, "redp": 10}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		mu.Lock()
		hits[p]++
		mu.Unlock()
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		case p == "/tz/s-chemie":
			dates := []string{"Heute, 14:05", "gestern, 23:30", "vor 3 Tagen", "Heute, 00:10", "vor 2 Stunden"}
			var b strings.Builder
			for i, pr := range v16Products {
				fmt.Fprintf(&b, `<article class="ad" data-adid="tz-%d"><h2>%s</h2><p>%s</p><span class="date">%s</span></article>`, i, pr.title, pr.desc, dates[i])
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, "<!doctype html><html><head><title>Board</title></head><body>"+b.String()+"</body></html>")
		case p == "/ch/api/offers":
			n, _ := strconv.Atoi(q.Get("page"))
			var items []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("ch-%d", i), "title": pr.title, "body": pr.desc, "seller_id": sellerIDs[pr.seller]})
			}
			body := map[string]any{"items": items}
			if n < 3 {
				body["next"] = fmt.Sprintf("/ch/api/offers?page=%d", n+1)
			}
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, v16JSON(body))
		case strings.HasPrefix(p, "/ch/api/sellers/"):
			id, _ := strconv.Atoi(strings.TrimPrefix(p, "/ch/api/sellers/"))
			for name, sid := range sellerIDs {
				if sid == id {
					w.Header().Set("Content-Type", "application/json")
					io.WriteString(w, v16JSON(map[string]any{"data": map[string]any{"name": name, "shop_id": 50 + id}}))
					return
				}
			}
			http.NotFound(w, r)
		case strings.HasPrefix(p, "/ch/api/shops/"):
			id, _ := strconv.Atoi(strings.TrimPrefix(p, "/ch/api/shops/"))
			if id < 57 || id > 60 {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, v16JSON(map[string]any{"shop": map[string]any{"id": id, "city": fmt.Sprintf("Lyon-%d", id), "phone": fmt.Sprintf("+33 4 %d", id)}}))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: board-berlin
    platform: BoardBerlin
    start_urls: ["%[1]s/tz/s-chemie"]
    allow_private_networks: true
    delay: 0s
    time_zone: Europe/Berlin
    listing:
      item: article.ad
      fields: {id: "@data-adid", title: h2, description: p, posted: span.date}
  - name: chained
    platform: Chained
    kind: json
    start_urls: ["%[1]s/ch/api/offers?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: id, title: title, description: body, seller_id: seller_id}
    lookups:
      - url: "/ch/api/sellers/{seller_id}"
        fields: {seller: data.name, shop_id: data.shop_id}
      - url: "/ch/api/shops/{shop_id}"
        fields: {location: shop.city, shop_phone: shop.phone}
`, srv.URL))
	defer logListingsOnFailure(t, got, out)
	var wants []shopWant
	for i, pr := range v16Products {
		wants = append(wants, shopWant{fmt.Sprintf("tz-%d", i), pr.title, "", pr.desc, ""}, shopWant{fmt.Sprintf("ch-%d", i), pr.title, "", pr.desc, pr.seller})
	}
	checkShopListings(t, got, wants)
	for i, pr := range v16Products {
		l := got[fmt.Sprintf("ch-%d", i)]
		shop := 50 + sellerIDs[pr.seller]
		if l.Location != fmt.Sprintf("Lyon-%d", shop) || l.Attributes["shop_phone"] != fmt.Sprintf("+33 4 %d", shop) {
			t.Errorf("ch-%d: location %q, shop_phone %q, want the shop %d's", i, l.Location, l.Attributes["shop_phone"], shop)
		}
	}
	for i, want := range []func(local time.Time) time.Time{
		func(d time.Time) time.Time { return time.Date(d.Year(), d.Month(), d.Day(), 14, 5, 0, 0, berlin) },
		func(d time.Time) time.Time { return time.Date(d.Year(), d.Month(), d.Day()-1, 23, 30, 0, 0, berlin) },
		func(d time.Time) time.Time { return time.Date(d.Year(), d.Month(), d.Day()-3, 0, 0, 0, 0, berlin) },
		func(d time.Time) time.Time { return time.Date(d.Year(), d.Month(), d.Day(), 0, 10, 0, 0, berlin) },
		nil,
	} {
		l := got[fmt.Sprintf("tz-%d", i)]
		if want == nil {
			continue
		}
		w := want(l.FetchedAt.In(berlin)).UTC().Format(time.RFC3339)
		if l.Attributes["posted"] != w {
			t.Errorf("tz-%d: posted %q (%q), want %s (fetched %s)", i, l.Attributes["posted"], l.Attributes["posted"+precwatch.AsWrittenSuffix], w, l.FetchedAt)
		}
	}
	mu.Lock()
	for _, k := range []string{"/ch/api/sellers/7", "/ch/api/shops/57"} {
		if hits[k] != 1 {
			t.Errorf("%s asked %d times, want once", k, hits[k])
		}
	}
	mu.Unlock()
	for _, name := range []string{"board-berlin", "chained"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
}
