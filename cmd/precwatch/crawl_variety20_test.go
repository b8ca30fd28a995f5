package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// v20Item is product i as a feed item of round 20: id, title, description,
// price and seller under the usual keys.
func v20Item(prefix string, i int) map[string]any {
	pr := v16Products[i]
	return map[string]any{"id": fmt.Sprintf("%s-%d", prefix, i), "title": pr.title, "description": pr.desc, "price": pr.price, "seller": pr.seller}
}

// v20Items is v20Item for each of idx, never nil.
func v20Items(prefix string, idx []int) []any {
	out := []any{}
	for _, i := range idx {
		out = append(out, v20Item(prefix, i))
	}
	return out
}

// TestVariety20Feeds is round 20's feeds, each configured only from
// docs/CRAWLING.md and run end to end through `precwatch crawl`:
//
//  1. Apollo's automatic persisted queries by GET: operationName,
//     variables and extensions {"persistedQuery": {"sha256Hash": …}} as
//     query parameters, a Relay connection
//  2. Sanity's GROQ query API by GET, paged by the last _id sent back as
//     the JSON-encoded query parameter $lastId
//  3. a Kubernetes-style list (metadata.continue, ?limit=2&continue=…)
//  4. Azure Table storage: the continuation only in the response headers
//     x-ms-continuation-NextPartitionKey/-NextRowKey, sent back as the
//     query parameters NextPartitionKey and NextRowKey
//  5. a Spring Data REST API counting its pages from 0 (page=0 first,
//     "first": true), configured with ?page=1 as partners type it
//  6. five APIs answering their page 2 with status 200 and an error body
//     in shapes of their own: JSend, Taobao TOP's error_response, WeChat's
//     errcode/errmsg, Amazon PA-API's capitalised Errors, Shopify's errors
//     as a string
//  7. Swell's product list (pages as an object keyed by page number)
//  8. a DataTables server-side endpoint (draw/start/length, rows as arrays
//     of cells, the title cell a link to the product page)
//  9. a feed on a CDN gzipped at rest and served as products.json with
//     Content-Type application/octet-stream and no Content-Encoding; one
//     served brotli-compressed as text/plain
//  10. an API whose page 2 answers, with status 200, a proxy's HTML error
//     page ("502 Bad Gateway")
func TestVariety20Feeds(t *testing.T) {
	jsonBody := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		io.WriteString(w, s)
	}
	const apqHash = "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		atoi := func(s string, def int) int {
			n, err := strconv.Atoi(s)
			if err != nil {
				return def
			}
			return n
		}
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. Apollo APQ by GET.
		case p == "/apq/graphql":
			var ext struct {
				PersistedQuery struct {
					Version    int    `json:"version"`
					SHA256Hash string `json:"sha256Hash"`
				} `json:"persistedQuery"`
			}
			var vars struct {
				First int     `json:"first"`
				After *string `json:"after"`
			}
			if r.Method != http.MethodGet || q.Get("operationName") != "Products" || json.Unmarshal([]byte(q.Get("extensions")), &ext) != nil || ext.PersistedQuery.SHA256Hash != apqHash {
				jsonBody(w, `{"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}`)
				return
			}
			if json.Unmarshal([]byte(q.Get("variables")), &vars) != nil || vars.First != 2 {
				jsonBody(w, `{"errors":[{"message":"Variable \"$first\" of required type \"Int!\" was not provided."}]}`)
				return
			}
			off := 0
			if vars.After != nil {
				b, err := base64.StdEncoding.DecodeString(*vars.After)
				if err != nil || !strings.HasPrefix(string(b), "arrayconnection:") {
					jsonBody(w, `{"errors":[{"message":"invalid cursor"}]}`)
					return
				}
				off = atoi(strings.TrimPrefix(string(b), "arrayconnection:"), 0) + 1
			}
			var edges []any
			last := off - 1
			for _, i := range v19Offset(off) {
				edges = append(edges, map[string]any{"node": v20Item("apq", i), "cursor": base64.StdEncoding.EncodeToString(fmt.Appendf(nil, "arrayconnection:%d", i))})
				last = i
			}
			jsonBody(w, v16JSON(map[string]any{"data": map[string]any{"products": map[string]any{"edges": edges,
				"pageInfo": map[string]any{"hasNextPage": last < len(v16Products)-1, "endCursor": base64.StdEncoding.EncodeToString(fmt.Appendf(nil, "arrayconnection:%d", last))}}}}))
		// 2. Sanity GROQ by GET.
		case p == "/sanity/v2021-10-21/data/query/production":
			raw, ok := q["$lastId"]
			var lastID string
			if !ok || json.Unmarshal([]byte(raw[0]), &lastID) != nil || !strings.Contains(q.Get("query"), "_id > $lastId") {
				w.WriteHeader(400)
				jsonBody(w, `{"error":{"description":"param $lastId referenced, but not provided","type":"queryParseError"}}`)
				return
			}
			res := []any{}
			for i := range v16Products {
				if id := fmt.Sprintf("product-%d", i); id > lastID && len(res) < 2 {
					pr := v16Products[i]
					res = append(res, map[string]any{"_id": id, "title": pr.title, "description": pr.desc, "price": pr.price, "seller": pr.seller})
				}
			}
			jsonBody(w, v16JSON(map[string]any{"ms": 3, "query": q.Get("query"), "result": res}))
		// 3. Kubernetes-style continue token.
		case p == "/k8s/apis/shop.example/v1/products":
			off := 0
			if c := q.Get("continue"); c != "" {
				b, err := base64.RawURLEncoding.DecodeString(c)
				if err != nil {
					w.WriteHeader(410)
					jsonBody(w, `{"kind":"Status","status":"Failure","reason":"Expired"}`)
					return
				}
				off = atoi(string(b), 0)
			}
			var items []any
			for _, i := range v19Offset(off) {
				pr := v16Products[i]
				items = append(items, map[string]any{"metadata": map[string]any{"name": fmt.Sprintf("k8s-%d", i)}, "spec": map[string]any{"title": pr.title, "description": pr.desc, "price": pr.price, "seller": pr.seller}})
			}
			meta := map[string]any{"resourceVersion": "42"}
			if off+2 < len(v16Products) {
				meta["continue"] = base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(off + 2)))
				meta["remainingItemCount"] = len(v16Products) - off - 2
			}
			jsonBody(w, v16JSON(map[string]any{"kind": "ProductList", "apiVersion": "shop.example/v1", "metadata": meta, "items": items}))
		// 4. Azure Table storage.
		case p == "/az/products()":
			off := 0
			if pk, rk := q.Get("NextPartitionKey"), q.Get("NextRowKey"); pk != "" || rk != "" {
				if pk != "1!8!cHJvZHVjdA--" {
					w.WriteHeader(400)
					return
				}
				off = atoi(strings.TrimPrefix(rk, "1!4!row"), -1)
			}
			var vals []any
			for _, i := range v19Offset(off) {
				pr := v16Products[i]
				vals = append(vals, map[string]any{"PartitionKey": "product", "RowKey": fmt.Sprintf("az-%d", i), "Title": pr.title, "Description": pr.desc, "Price": pr.price, "Seller": pr.seller})
			}
			if vals == nil {
				vals = []any{}
			}
			if off+2 < len(v16Products) {
				w.Header().Set("x-ms-continuation-NextPartitionKey", "1!8!cHJvZHVjdA--")
				w.Header().Set("x-ms-continuation-NextRowKey", fmt.Sprintf("1!4!row%d", off+2))
			}
			w.Header().Set("x-ms-version", "2019-02-02")
			jsonBody(w, v16JSON(map[string]any{"odata.metadata": "http://" + r.Host + "/az/$metadata#products", "value": vals}))
		// 5. Spring Data, pages from 0.
		case p == "/spring/api/products":
			n := atoi(q.Get("page"), 0)
			content := v20Items("spring", v16Page(n+1, 2))
			jsonBody(w, v16JSON(map[string]any{"content": content, "number": n, "size": 2, "totalElements": 5, "totalPages": 3, "first": n == 0, "last": n >= 2, "numberOfElements": len(content), "empty": len(content) == 0,
				"pageable": map[string]any{"pageNumber": n, "pageSize": 2, "offset": n * 2, "paged": true}}))
		// 6. Errors answered with status 200 on page 2.
		case strings.HasPrefix(p, "/err/"):
			kind := strings.Split(p, "/")[2]
			n := atoi(q.Get("page"), 1)
			if n == 2 {
				jsonBody(w, map[string]string{
					"jsend":   `{"status":"error","message":"Rate limit exceeded","code":429}`,
					"top":     `{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 1 more seconds","request_id":"15x2b1v8k2zb"}}`,
					"wechat":  `{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 6566f1a8-2b0c2f4d-3e5f6a7b"}`,
					"paapi":   `{"Errors":[{"__type":"com.amazon.paapi5#TooManyRequestsException","Code":"TooManyRequests","Message":"The request was denied due to request throttling."}]}`,
					"shopify": `{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}`,
				}[kind])
				return
			}
			body := map[string]any{"products": v20Items(kind, v16Page(n, 2)), "page": n, "total_pages": 3}
			switch kind {
			case "jsend":
				body = map[string]any{"status": "success", "data": body}
			case "wechat":
				body["errcode"], body["errmsg"] = 0, "ok"
			case "top":
				body = map[string]any{"items_get_response": body}
			case "paapi":
				body = map[string]any{"SearchResult": body}
			}
			jsonBody(w, v16JSON(body))
		// 7. Swell.
		case p == "/swell/api/products":
			n := atoi(q.Get("page"), 1)
			if q.Get("limit") != "2" {
				w.WriteHeader(400)
				return
			}
			jsonBody(w, v16JSON(map[string]any{"count": 5, "page": n, "results": v20Items("swell", v16Page(n, 2)),
				"pages": map[string]any{"1": map[string]any{"start": 1, "end": 2}, "2": map[string]any{"start": 3, "end": 4}, "3": map[string]any{"start": 5, "end": 5}}}))
		// 8. DataTables server-side processing.
		case p == "/dt/products/data":
			start, length := atoi(q.Get("start"), -1), atoi(q.Get("length"), -1)
			if start < 0 || length != 2 {
				jsonBody(w, `{"draw":0,"recordsTotal":0,"recordsFiltered":0,"data":[],"error":"invalid paging"}`)
				return
			}
			rows := []any{}
			for _, i := range v19Offset(start) {
				pr := v16Products[i]
				rows = append(rows, []any{fmt.Sprintf(`<a href="/dt/product/%d">%s</a>`, i, pr.title), pr.desc, fmt.Sprintf("%.2f €", pr.price), pr.seller})
			}
			jsonBody(w, v16JSON(map[string]any{"draw": atoi(q.Get("draw"), 0), "recordsTotal": 5, "recordsFiltered": 5, "data": rows}))
		// 9. Compressed at rest, labelled wrong.
		case p == "/cdn/feeds/products.json" || p == "/cdnbr/feeds/products.json":
			n := atoi(q.Get("page"), 1)
			pre := strings.Split(p, "/")[1]
			body := v16JSON(map[string]any{"products": v20Items(pre, v16Page(n, 2)), "page": n, "total_pages": 3})
			if pre == "cdnbr" {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				w.Header().Set("Content-Encoding", "br")
				bw := brotli.NewWriter(w)
				io.WriteString(bw, body)
				bw.Close()
				return
			}
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(gzipBytes(t, body))
		// 10. A proxy's error page with status 200.
		case p == "/bg/api/products":
			n := atoi(q.Get("page"), 1)
			if n == 2 {
				w.Header().Set("Content-Type", "text/html")
				io.WriteString(w, "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
				return
			}
			jsonBody(w, v16JSON(map[string]any{"products": v20Items("bg", v16Page(n, 2)), "page": n, "total_pages": 3}))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := fmt.Sprintf(`data_dir: DATA
targets:
  - name: apq
    platform: APQ
    kind: json
    start_urls: ["%[1]s/apq/graphql"]
    allow_private_networks: true
    delay: 0s
    json:
      body: '{"operationName": "Products", "variables": {"first": 2, "after": ${cursor}}, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "%[2]s"}}}'
      items: data.products.edges.node
      next_page: data.products.pageInfo.endCursor
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: sanity
    platform: Sanity
    kind: json
    start_urls: ["%[1]s/sanity/v2021-10-21/data/query/production"]
    allow_private_networks: true
    delay: 0s
    json:
      body: '{"query": "*[_type == \"product\" && _id > $lastId] | order(_id) [0...2] {_id, title, description, price, \"seller\": seller->name}", "$lastId": "\"${cursor}\""}'
      items: result
      next_page: result[-1]._id
      fields: {id: _id, title: title, description: description, price: price, seller: seller}
  - name: k8s
    platform: K8s
    kind: json
    start_urls: ["%[1]s/k8s/apis/shop.example/v1/products?limit=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      next_page: metadata.continue
      fields: {id: metadata.name, title: spec.title, description: spec.description, price: spec.price, seller: spec.seller}
  - name: azure-table
    platform: AzureTable
    kind: json
    start_urls: ["%[1]s/az/products()?$top=2"]
    allow_private_networks: true
    delay: 0s
    headers: {Accept: "application/json;odata=nometadata"}
    json:
      items: value
      fields: {id: RowKey, title: Title, description: Description, price: Price, seller: Seller}
  - name: spring-page1
    platform: SpringPage1
    kind: json
    start_urls: ["%[1]s/spring/api/products?page=1&size=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: content
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: err-jsend
    platform: ErrJSend
    kind: json
    start_urls: ["%[1]s/err/jsend/api/products?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data.products
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: err-top
    platform: ErrTop
    kind: json
    start_urls: ["%[1]s/err/top/router/rest?method=taobao.items.get&page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items_get_response.products
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: err-wechat
    platform: ErrWeChat
    kind: json
    start_urls: ["%[1]s/err/wechat/shop/spu/get_list?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: err-paapi
    platform: ErrPAAPI
    kind: json
    start_urls: ["%[1]s/err/paapi/paapi5/searchitems?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: SearchResult.products
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: err-shopify
    platform: ErrShopify
    kind: json
    start_urls: ["%[1]s/err/shopify/admin/api/products.json?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: swell
    platform: Swell
    kind: json
    start_urls: ["%[1]s/swell/api/products?limit=2&page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: results
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: datatables
    platform: DataTables
    kind: json
    start_urls: ["%[1]s/dt/products/data?draw=1&start=0&length=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data
      fields: {url: "[0]", title: "[0]", description: "[1]", price: "[2]", seller: "[3]"}
  - name: cdn-gzip
    platform: CDNGzip
    kind: json
    start_urls: ["%[1]s/cdn/feeds/products.json?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: cdn-brotli
    platform: CDNBrotli
    kind: json
    start_urls: ["%[1]s/cdnbr/feeds/products.json?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: bad-gateway-200
    platform: BadGateway
    kind: json
    start_urls: ["%[1]s/bg/api/products?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: id, title: title, description: description, price: price, seller: seller}
`, srv.URL, apqHash)
	got, _, out := crawl4(t, nil, cfg)
	defer logListingsOnFailure(t, got, out)
	num := func(p float64) string { return strconv.FormatFloat(p, 'f', -1, 64) }
	var wants []shopWant
	for i, pr := range v16Products {
		for _, k := range []string{"apq", "spring", "swell", "cdn", "cdnbr"} {
			wants = append(wants, shopWant{fmt.Sprintf("%s-%d", k, i), pr.title, num(pr.price), pr.desc, pr.seller})
		}
		wants = append(wants,
			shopWant{fmt.Sprintf("product-%d", i), pr.title, num(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("k8s-%d", i), pr.title, num(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("az-%d", i), pr.title, num(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("/dt/product/%d", i), pr.title, fmt.Sprintf("%.2f €", pr.price), pr.desc, pr.seller},
		)
	}
	checkShopListings(t, got, wants)
	for _, name := range []string{"apq", "sanity", "k8s", "azure-table", "spring-page1", "swell", "datatables", "cdn-gzip", "cdn-brotli"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	// An error page leaves the run incomplete.
	for _, name := range []string{"bad-gateway-200", "err-jsend", "err-top", "err-wechat", "err-paapi", "err-shopify"} {
		if c := completeColumn(out, name); c != "no" {
			t.Errorf("%s: complete %q, want no", name, c)
		}
	}
	for _, k := range []string{"jsend", "top", "wechat", "paapi", "shopify"} {
		for _, i := range []int{0, 1} {
			if _, ok := got[fmt.Sprintf("%s-%d", k, i)]; !ok {
				t.Errorf("err-%s: page 1's %s-%d not extracted", k, k, i)
			}
		}
	}
	for _, msg := range []string{`502 Bad Gateway\" instead of JSON`, "App Call Limited", "reach max api daily quota limit", "request throttling", "Exceeded 2 calls per second"} {
		if !strings.Contains(out, msg) {
			t.Errorf("output does not name the API's error %q", msg)
		}
	}
}

// v20Page renders an html catalogue page: head extra (a <base>, a <link
// rel="next">), the cards of idx linking href(i), and the pager markup.
func v20Page(head string, idx []int, href func(i int) string, pager string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Shop</title>` + head + `</head><body><h1>Catalogue</h1><ul class="products">`)
	for _, i := range idx {
		fmt.Fprintf(&b, `<li class="product"><a class="product-link" href="%s">%s</a></li>`, href(i), v16Products[i].title)
	}
	b.WriteString(`</ul>` + pager + `</body></html>`)
	return b.String()
}

// v20Detail renders product i's page.
func v20Detail(i int) string {
	pr := v16Products[i]
	return fmt.Sprintf(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>%[1]s</title></head><body><h1>%[1]s</h1><div class="desc">%[2]s</div><span class="price">%.2[3]f EUR</span><span class="seller">%[4]s</span></body></html>`, pr.title, pr.desc, pr.price, pr.seller)
}

// TestVariety20Shops is round 20's html shops, configured the same way:
//
//  1. an osCommerce-style shop declaring <base href="…/catalog/">, whose
//     pager's next link and product links are relative to it
//     (list.html?page=2), configured with next_page
//  2. the same shop paged only by <link rel="next" href="list.html?page=2">
//     in its head, relative to the <base>
//  3. a Twig/Liquid theme writing its links over several lines
//     (href="\n\t\t/ws/shop?page=2\n\t"), one with a tab inside
//  4. a shop whose product addresses are IRIs (/produkt/äther-1l,
//     /товар/ацетон) and have spaces (/p/Safrole oil)
//  5. a search-results catalogue that always shows a "next" link and
//     answers a page past its last with 200 and "Keine Ergebnisse"
//  6. an XHTML shop served as application/xhtml+xml
//     — and the same configured without url_pattern
//  7. a shop moving its products to new addresses: the catalogue links
//     /mv/p/0…2 as before and /mv/produkt/becher-250ml, …, which the
//     target's url_pattern ^/mv/p/\d+$ does not match
func TestVariety20Shops(t *testing.T) {
	html := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, s)
	}
	iri := []string{"/iri/produkt/safrol-öl-1l", "/iri/товар/ацетон-5л", "/iri/p/PMK glycidate", "/iri/produkt/becher-250ml", "/iri/p/roter phosphor"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		n, err := strconv.Atoi(q.Get("page"))
		if err != nil {
			n = 1
		}
		pager := func(next string) string {
			if n >= 3 {
				return ""
			}
			return next
		}
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1, 2. <base href>.
		case p == "/bh/shop/catalog/list.html" || p == "/bhl/shop/catalog/list.html":
			pre := strings.Split(p, "/")[1]
			head := fmt.Sprintf(`<base href="http://%s/%s/shop/catalog/">`, r.Host, pre)
			if pre == "bhl" && n < 3 {
				head += fmt.Sprintf(`<link rel="next" href="list.html?page=%d">`, n+1)
			}
			html(w, v20Page(head, v16Page(n, 2), func(i int) string { return fmt.Sprintf("p/%d.html", i) }, pager(fmt.Sprintf(`<a class="next" href="list.html?page=%d">Next</a>`, n+1))))
		case strings.HasPrefix(p, "/bh/shop/catalog/p/") || strings.HasPrefix(p, "/bhl/shop/catalog/p/"):
			i, err := strconv.Atoi(strings.TrimSuffix(p[strings.LastIndex(p, "/")+1:], ".html"))
			if err != nil || i >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			html(w, v20Detail(i))
		// 3. Whitespace in links.
		case p == "/ws/shop":
			html(w, v20Page("", v16Page(n, 2), func(i int) string {
				if i == 1 {
					return "/ws/p/\t1"
				}
				return fmt.Sprintf("\n\t\t\t/ws/p/%d\n\t\t", i)
			}, pager(fmt.Sprintf("<a class=\"next\" href=\"\n\t\t/ws/shop?page=%d\n\t\">Weiter</a>", n+1))))
		case strings.HasPrefix(p, "/ws/p/"):
			i, err := strconv.Atoi(strings.TrimPrefix(p, "/ws/p/"))
			if err != nil || i >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			html(w, v20Detail(i))
		// 4. IRIs.
		case p == "/iri/shop":
			html(w, v20Page("", v16Page(n, 2), func(i int) string { return iri[i] }, pager(fmt.Sprintf(`<a class="next" href="/iri/shop?page=%d">»</a>`, n+1))))
		case strings.HasPrefix(p, "/iri/"):
			for i, u := range iri {
				if p == u {
					html(w, v20Detail(i))
					return
				}
			}
			http.NotFound(w, r)
		// 5. Search results past the end.
		case p == "/srch/suche":
			if q.Get("q") != "chemie" {
				w.WriteHeader(400)
				return
			}
			idx := v16Page(n, 2)
			if len(idx) == 0 {
				html(w, `<!DOCTYPE html><html><head><title>Suche: chemie</title></head><body><h1>Suchergebnisse für „chemie“</h1><p class="empty">Keine Ergebnisse gefunden.</p><a class="next" href="/srch/suche?q=chemie&amp;page=`+strconv.Itoa(n+1)+`">Nächste Seite</a></body></html>`)
				return
			}
			html(w, v20Page("", idx, func(i int) string { return fmt.Sprintf("/srch/artikel/%d", i) }, fmt.Sprintf(`<a class="next" href="/srch/suche?q=chemie&amp;page=%d">Nächste Seite</a>`, n+1)))
		case strings.HasPrefix(p, "/srch/artikel/"):
			i, err := strconv.Atoi(strings.TrimPrefix(p, "/srch/artikel/"))
			if err != nil || i >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			html(w, v20Detail(i))
		// 7. New product addresses.
		case p == "/mv/shop":
			html(w, v20Page("", v16Page(n, 2), func(i int) string {
				if i < 3 {
					return fmt.Sprintf("/mv/p/%d", i)
				}
				return fmt.Sprintf("/mv/produkt/%d-neu", i)
			}, pager(fmt.Sprintf(`<a class="next" href="/mv/shop?page=%d">Next</a>`, n+1))))
		case strings.HasPrefix(p, "/mv/p/") || strings.HasPrefix(p, "/mv/produkt/"):
			i, err := strconv.Atoi(strings.TrimSuffix(p[strings.LastIndex(p, "/")+1:], "-neu"))
			if err != nil || i >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			html(w, v20Detail(i))
		// 6. XHTML.
		case p == "/xh/shop" || strings.HasPrefix(p, "/xh/p/"):
			w.Header().Set("Content-Type", "application/xhtml+xml; charset=utf-8")
			body := v20Page("", v16Page(n, 2), func(i int) string { return fmt.Sprintf("/xh/p/%d", i) }, pager(fmt.Sprintf(`<a class="next" href="/xh/shop?page=%d">Next</a>`, n+1)))
			if i, err := strconv.Atoi(strings.TrimPrefix(p, "/xh/p/")); err == nil && i < len(v16Products) {
				body = v20Detail(i)
			} else if p != "/xh/shop" {
				http.NotFound(w, r)
				return
			}
			body = strings.Replace(body, "<!DOCTYPE html><html>", `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml">`, 1)
			body = strings.ReplaceAll(body, `<meta charset="utf-8">`, `<meta http-equiv="Content-Type" content="application/xhtml+xml; charset=utf-8" />`)
			io.WriteString(w, body)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	target := func(name, start, pattern, extra string) string {
		return fmt.Sprintf(`  - name: %s
    platform: %s
    start_urls: ["%s%s"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.product-link"]
%s    listing:
      url_pattern: '%s'
      fields: {title: h1, description: .desc, price: .price, seller: .seller}
`, name, strings.ToUpper(name[:1])+name[1:], srv.URL, start, extra, pattern)
	}
	next := "    next_page: [\"a.next\"]\n"
	cfg := "data_dir: DATA\ntargets:\n" +
		target("base-href", "/bh/shop/catalog/list.html", `/p/\d+\.html$`, next) +
		target("base-link-next", "/bhl/shop/catalog/list.html", `/p/\d+\.html$`, "") +
		target("ws-links", "/ws/shop", `^/ws/p/\d+$`, next) +
		target("iri", "/iri/shop", `^/iri/(produkt/[a-z0-9ö-]+|p/[A-Za-z ]+|товар/[а-я0-9-]+)$`, next) +
		target("search-past-end", "/srch/suche?q=chemie", `^/srch/artikel/\d+$`, next) +
		target("xhtml", "/xh/shop", `^/xh/p/\d+$`, next) +
		target("moved", "/mv/shop", `^/mv/p/\d+$`, next) +
		target("search-no-pattern", "/srch/suche?q=chemie", "", next)
	got, _, out := crawl4(t, nil, cfg)
	defer logListingsOnFailure(t, got, out)
	var wants []shopWant
	for i, pr := range v16Products {
		price := fmt.Sprintf("%.2f EUR", pr.price)
		for _, k := range []string{"/bh/shop/catalog/p/%d.html", "/bhl/shop/catalog/p/%d.html", "/ws/p/%d", "/srch/artikel/%d", "/xh/p/%d"} {
			wants = append(wants, shopWant{fmt.Sprintf(k, i), pr.title, price, pr.desc, pr.seller})
		}
		u := &strings.Builder{}
		for _, seg := range strings.Split(iri[i], "/") {
			if seg != "" {
				u.WriteString("/" + strings.ReplaceAll(urlPathEscape(seg), "+", "%20"))
			}
		}
		wants = append(wants, shopWant{u.String(), pr.title, price, pr.desc, pr.seller})
	}
	for i, pr := range v16Products[:3] {
		wants = append(wants, shopWant{fmt.Sprintf("/mv/p/%d", i), pr.title, fmt.Sprintf("%.2f EUR", pr.price), pr.desc, pr.seller})
	}
	checkShopListings(t, got, wants)
	for _, name := range []string{"base-href", "base-link-next", "ws-links", "iri", "search-past-end", "xhtml"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	// Without url_pattern every page is read whole as a listing, the
	// empty results pages too, each named by its own URL: the first next
	// page linking no product still ends the never-ending "next" link
	// (before: 5000 pages, to max_pages).
	for line := range strings.SplitSeq(out, "\n") {
		if f := strings.Fields(line); len(f) > 3 && f[0] == "search-no-pattern" {
			if pages, _ := strconv.Atoi(f[2]); pages > 9 || f[len(f)-1] != "yes" {
				t.Errorf("search-no-pattern: %s pages, complete %s; want at most 9 (3 catalogue pages, 5 products, 1 past the end), complete", f[2], f[len(f)-1])
			}
		}
	}
	// The two product pages the pattern misses are failures: the run is
	// not complete, so the listings stored under their old addresses are
	// not marked removed.
	if c := completeColumn(out, "moved"); c != "no" {
		t.Errorf("moved: complete %q, want no", c)
	}
	if !strings.Contains(out, "2 × a page the follow selectors led to has a product but does not match listing.url_pattern") {
		t.Errorf("crawl does not say that two pages have a product url_pattern misses")
	}
	// target test names them too.
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, strings.ReplaceAll(cfg, "DATA", filepath.Join(dir, "data")))
	code, stdout, stderr := runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "moved", "--pages", "20")
	if code != 0 || !strings.Contains(stdout, `pattern-missed: 2 pages reached by the follow selectors with a product on them, not matched by listing.url_pattern "^/mv/p/\\d+$"`) {
		t.Errorf("target test: exit %d, does not name the 2 pages url_pattern misses:\n%s\n%s", code, stdout, stderr)
	}
}

func urlPathEscape(s string) string { return (&url.URL{Path: s}).EscapedPath() }
