package main

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// v16Product is one product of a round-16 shop; every shop sells the same
// five, under ids of its own.
type v16Product struct {
	title, desc, seller string
	price               float64
}

var v16Products = []v16Product{
	{"Safrole oil 1 l", "Ships discreetly", "chemking", 120},
	{"Acetone 5 l", "Lab grade", "solvents4u", 9},
	{"PMK glycidate 1 kg", "Wickr: pmk", "chemking", 300},
	{"Beaker 250 ml", "Borosilicate", "glassco", 4.5},
	{"Red phosphorus 500 g", "Stealth shipping", "redp", 70},
}

// v16Page returns the products of page n (1-based) at size per page, with
// their 0-based indexes.
func v16Page(n, size int) []int {
	var out []int
	for i := (n - 1) * size; i < n*size && i < len(v16Products) && i >= 0; i++ {
		out = append(out, i)
	}
	return out
}

func v16JSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// v16Wants is the five products of a shop as checkShopListings wants them,
// keyed by key(i).
func v16Wants(key func(i int) string, price func(p v16Product) string) []shopWant {
	var out []shopWant
	for i, p := range v16Products {
		pr := ""
		if price != nil {
			pr = price(p)
		}
		out = append(out, shopWant{key(i), p.title, pr, p.desc, p.seller})
	}
	return out
}

// Round 16 of feeds and shops, end to end through `precwatch crawl`, each
// configured only from docs/CRAWLING.md. Shapes the earlier rounds cover
// were left out; these are:
//
//  1. a Google-style API (Merchant API v1): nextPageToken sent back as
//     ?pageToken=, prices as {"amountMicros": "120000000", "currencyCode"}
//  2. an AWS-style API: {"Listings": […], "NextToken": "…"}, the token
//     sent back as ?NextToken=
//  3. Solr's cursorMark (start cursorMark=*, nextCursorMark; past the end
//     the same mark and no docs)
//  4. CouchDB's _find by POST, paged by its bookmark
//  5. Firestore's REST documents list (typed values, nextPageToken)
//  6. Shopware 6's store-api product listing by POST (p, limit; total)
//  7. Ecwid's storefront API (offset/limit/total)
//  8. Medusa's store API (offset/limit/count)
//  9. Vendure's GraphQL by POST, counted on by ${offset} (skip/take,
//     totalItems)
//  10. a REST API whose Link header holds first, next and last, a comma in
//     its URLs (?fields=id,title) and a quoted title with a comma
//  11. Meilisearch's search by POST (offset/limit/estimatedTotalHits)
//  12. PostgREST (root array, offset/limit, Content-Range)
//  13. WooCommerce's REST v3 with HTML entities in names and HTML in
//     descriptions
func TestVariety16Feeds(t *testing.T) {
	jsonBody := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		io.WriteString(w, s)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		base := "http://" + r.Host
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
		// 1. Google-style: pageToken, amountMicros.
		case p == "/g/v1/accounts/7/products":
			n := map[string]int{"": 1, "CAIQAg": 2, "CAQQBA": 3}[q.Get("pageToken")]
			if n == 0 {
				w.WriteHeader(400)
				jsonBody(w, `{"error":{"code":400,"message":"Invalid page token","status":"INVALID_ARGUMENT"}}`)
				return
			}
			var items []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"name": fmt.Sprintf("accounts/7/products/g-%d", i), "offerId": fmt.Sprintf("g-%d", i), "attributes": map[string]any{"title": pr.title, "description": pr.desc, "price": map[string]any{"amountMicros": strconv.FormatInt(int64(pr.price*1e6), 10), "currencyCode": "EUR"}, "brand": pr.seller}})
			}
			body := map[string]any{"products": items}
			if tok := map[int]string{1: "CAIQAg", 2: "CAQQBA"}[n]; tok != "" {
				body["nextPageToken"] = tok
			}
			jsonBody(w, v16JSON(body))
		// 2. AWS-style NextToken.
		case p == "/aws/listings":
			n := map[string]int{"": 1, "AAAB": 2, "AAAC": 3}[q.Get("NextToken")]
			if n == 0 {
				w.WriteHeader(400)
				jsonBody(w, `{"__type":"ValidationException","message":"Invalid NextToken"}`)
				return
			}
			var items []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"ListingId": fmt.Sprintf("aws-%d", i), "Title": pr.title, "Description": pr.desc, "Price": map[string]any{"Amount": pr.price, "CurrencyCode": "USD"}, "Seller": map[string]any{"DisplayName": pr.seller}})
			}
			body := map[string]any{"Listings": items}
			if tok := map[int]string{1: "AAAB", 2: "AAAC"}[n]; tok != "" {
				body["NextToken"] = tok
			}
			jsonBody(w, v16JSON(body))
		// 3. Solr cursorMark.
		case p == "/solr/products/select":
			marks := []string{"*", "AoE1", "AoE3", "AoE5"}
			n := -1
			for k, m := range marks {
				if q.Get("cursorMark") == m {
					n = k
				}
			}
			if n < 0 {
				w.WriteHeader(400)
				jsonBody(w, `{"error":{"msg":"Unable to parse 'cursorMark'","code":400}}`)
				return
			}
			var docs []any
			for _, i := range v16Page(n+1, 2) {
				pr := v16Products[i]
				docs = append(docs, map[string]any{"id": fmt.Sprintf("solr-%d", i), "name_t": pr.title, "description_t": pr.desc, "price_f": pr.price, "seller_s": pr.seller})
			}
			next := marks[min(n+1, len(marks)-1)]
			jsonBody(w, v16JSON(map[string]any{"responseHeader": map[string]any{"status": 0, "QTime": 1}, "response": map[string]any{"numFound": 5, "start": 0, "numFoundExact": true, "docs": docs}, "nextCursorMark": next}))
		// 4. CouchDB _find with bookmark.
		case p == "/couch/shop/_find" && r.Method == http.MethodPost:
			var req struct {
				Bookmark string `json:"bookmark"`
				Limit    int    `json:"limit"`
			}
			if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Limit != 2 {
				w.WriteHeader(400)
				jsonBody(w, `{"error":"bad_request","reason":"invalid body"}`)
				return
			}
			n := map[string]int{"": 1, "g1AAAAB": 2, "g1AAAAC": 3, "g1AAAAD": 4}[req.Bookmark]
			if n == 0 {
				w.WriteHeader(400)
				jsonBody(w, `{"error":"invalid_bookmark","reason":"Invalid bookmark value"}`)
				return
			}
			var docs []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				docs = append(docs, map[string]any{"_id": fmt.Sprintf("couch-%d", i), "_rev": "1-abc", "type": "product", "title": pr.title, "body": pr.desc, "price": pr.price, "seller": pr.seller})
			}
			jsonBody(w, v16JSON(map[string]any{"docs": docs, "bookmark": []string{"", "g1AAAAB", "g1AAAAC", "g1AAAAD", "g1AAAAE"}[n]}))
		// 5. Firestore REST.
		case strings.HasPrefix(p, "/fs/v1/projects/shop/databases/(default)/documents/products"):
			n := map[string]int{"": 1, "AFTOeJx2": 2, "AFTOeJx4": 3}[q.Get("pageToken")]
			if n == 0 || q.Get("pageSize") != "2" {
				w.WriteHeader(400)
				jsonBody(w, `{"error":{"code":400,"message":"Invalid page token","status":"INVALID_ARGUMENT"}}`)
				return
			}
			var docs []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				docs = append(docs, map[string]any{"name": fmt.Sprintf("projects/shop/databases/(default)/documents/products/fs-%d", i), "fields": map[string]any{"title": map[string]any{"stringValue": pr.title}, "description": map[string]any{"stringValue": pr.desc}, "price": map[string]any{"doubleValue": pr.price}, "seller": map[string]any{"mapValue": map[string]any{"fields": map[string]any{"name": map[string]any{"stringValue": pr.seller}}}}}, "createTime": "2026-11-01T10:00:00.000000Z", "updateTime": "2026-11-01T10:00:00.000000Z"})
			}
			body := map[string]any{"documents": docs}
			if tok := map[int]string{1: "AFTOeJx2", 2: "AFTOeJx4"}[n]; tok != "" {
				body["nextPageToken"] = tok
			}
			jsonBody(w, v16JSON(body))
		// 6. Shopware 6 store-api.
		case p == "/sw/store-api/product-listing/a515ae260223466f8e37471d279e6406" && r.Method == http.MethodPost:
			if r.Header.Get("sw-access-key") != "SWSCX1" {
				w.WriteHeader(401)
				jsonBody(w, `{"errors":[{"status":"401","code":"FRAMEWORK__API_INVALID_ACCESS_KEY","title":"Unauthorized","detail":"Access key is invalid."}]}`)
				return
			}
			var req struct{ P, Limit int }
			json.NewDecoder(r.Body).Decode(&req)
			var els []any
			for _, i := range v16Page(req.P, req.Limit) {
				pr := v16Products[i]
				els = append(els, map[string]any{"id": fmt.Sprintf("sw-%d", i), "productNumber": fmt.Sprintf("SW1000%d", i), "translated": map[string]any{"name": pr.title, "description": pr.desc}, "calculatedPrice": map[string]any{"unitPrice": pr.price, "totalPrice": pr.price, "apiAlias": "calculated_price"}, "manufacturer": map[string]any{"translated": map[string]any{"name": pr.seller}}, "apiAlias": "product"})
			}
			jsonBody(w, v16JSON(map[string]any{"sorting": "name-asc", "currentFilters": map[string]any{}, "page": req.P, "limit": req.Limit, "entity": "product", "total": 5, "aggregations": map[string]any{}, "elements": els, "apiAlias": "product_listing"}))
		// 7. Ecwid storefront API.
		case p == "/ecwid/api/v3/1003/products":
			off, lim := atoi(q.Get("offset"), 0), atoi(q.Get("limit"), 100)
			var items []any
			for i := off; i < off+lim && i < len(v16Products); i++ {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": 700 + i, "sku": fmt.Sprintf("ec-%d", i), "name": pr.title, "description": "<p>" + pr.desc + "</p>", "price": pr.price, "defaultDisplayedPriceFormatted": fmt.Sprintf("€%.2f", pr.price), "url": fmt.Sprintf("%s/ecwid/shop/p/%d", base, 700+i), "attributes": []any{map[string]any{"name": "Brand", "value": pr.seller}}})
			}
			jsonBody(w, v16JSON(map[string]any{"total": 5, "count": len(items), "offset": off, "limit": lim, "items": items}))
		// 8. Medusa store API.
		case p == "/medusa/store/products":
			off, lim := atoi(q.Get("offset"), 0), atoi(q.Get("limit"), 50)
			var items []any
			for i := off; i < off+lim && i < len(v16Products); i++ {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("prod_med%d", i), "title": pr.title, "description": pr.desc, "handle": fmt.Sprintf("p-%d", i), "metadata": map[string]any{"seller": pr.seller}, "variants": []any{map[string]any{"id": "variant_1", "calculated_price": map[string]any{"calculated_amount": pr.price, "currency_code": "eur"}}}})
			}
			jsonBody(w, v16JSON(map[string]any{"products": items, "count": 5, "offset": off, "limit": lim}))
		// 9. Vendure GraphQL.
		case p == "/vendure/shop-api" && r.Method == http.MethodPost:
			var req struct {
				Query     string
				Variables struct{ Skip *int }
			}
			if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Variables.Skip == nil {
				jsonBody(w, `{"errors":[{"message":"Variable \"$skip\" of required type \"Int!\" was not provided."}],"data":null}`)
				return
			}
			var items []any
			for i := *req.Variables.Skip; i < *req.Variables.Skip+2 && i < len(v16Products); i++ {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("vd-%d", i), "name": pr.title, "description": pr.desc, "customFields": map[string]any{"sellerName": pr.seller}, "variants": []any{map[string]any{"price": int(pr.price * 100), "currencyCode": "EUR"}}})
			}
			jsonBody(w, v16JSON(map[string]any{"data": map[string]any{"products": map[string]any{"items": items, "totalItems": 5}}}))
		// 10. Link header with commas in URLs and a quoted title.
		case p == "/lh/api/products":
			n := atoi(q.Get("page"), 1)
			link := func(k int) string { return fmt.Sprintf("%s/lh/api/products?fields=id,title,body,seller&per_page=2&page=%d", base, k) }
			parts := []string{fmt.Sprintf(`<%s>; rel="first"; title="First, page"`, link(1))}
			if n < 3 {
				parts = append(parts, fmt.Sprintf(`<%s>; rel="next"; title="Next, page"`, link(n+1)))
			}
			parts = append(parts, fmt.Sprintf(`<%s>; rel="last"`, link(3)))
			w.Header().Set("Link", strings.Join(parts, ", "))
			var items []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("lh-%d", i), "title": pr.title, "body": pr.desc, "seller": pr.seller})
			}
			jsonBody(w, v16JSON(items))
		// 11. Meilisearch.
		case p == "/ms/indexes/products/search" && r.Method == http.MethodPost:
			var req struct{ Offset, Limit int }
			json.NewDecoder(r.Body).Decode(&req)
			hits := []any{}
			for i := req.Offset; i < req.Offset+req.Limit && i < len(v16Products); i++ {
				pr := v16Products[i]
				hits = append(hits, map[string]any{"id": fmt.Sprintf("ms-%d", i), "name": pr.title, "description": pr.desc, "seller": pr.seller, "price": pr.price})
			}
			jsonBody(w, v16JSON(map[string]any{"hits": hits, "query": "", "processingTimeMs": 1, "limit": req.Limit, "offset": req.Offset, "estimatedTotalHits": 5}))
		// 12. PostgREST.
		case p == "/pgrst/products":
			off, lim := atoi(q.Get("offset"), 0), atoi(q.Get("limit"), 1000)
			items := []any{}
			for i := off; i < off+lim && i < len(v16Products); i++ {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": 900 + i, "name": pr.title, "description": pr.desc, "seller": pr.seller, "price": pr.price})
			}
			if len(items) > 0 {
				w.Header().Set("Content-Range", fmt.Sprintf("%d-%d/5", off, off+len(items)-1))
			} else {
				w.Header().Set("Content-Range", "*/5")
			}
			jsonBody(w, v16JSON(items))
		// 13. WooCommerce REST v3, entities in names.
		case p == "/wc/wp-json/wc/v3/products":
			n := atoi(q.Get("page"), 1)
			w.Header().Set("X-WP-Total", "5")
			w.Header().Set("X-WP-TotalPages", "3")
			items := []any{}
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": 500 + i, "name": strings.Replace(pr.title, " ", " &#8211; ", 1), "short_description": "<p>" + html.EscapeString(pr.desc) + " &amp; more</p>\n", "price": fmt.Sprint(pr.price), "store": map[string]any{"shop_name": pr.seller}})
			}
			jsonBody(w, v16JSON(items))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, map[string]string{"SW_ACCESS_KEY": "SWSCX1"}, fmt.Sprintf(`data_dir: DATA
targets:
  - name: google-merchant
    platform: Google
    kind: json
    start_urls: ["%[1]s/g/v1/accounts/7/products?pageSize=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      next_page: nextPageToken
      fields: {id: offerId, title: attributes.title, description: attributes.description, price: attributes.price, seller: attributes.brand}
  - name: aws-listings
    platform: AWS
    kind: json
    start_urls: ["%[1]s/aws/listings?MaxResults=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: Listings
      next_page: NextToken
      fields: {id: ListingId, title: Title, description: Description, price: Price, seller: Seller.DisplayName}
  - name: solr
    platform: Solr
    kind: json
    start_urls: ["%[1]s/solr/products/select?q=*:*&rows=2&sort=id+asc&cursorMark=*"]
    allow_private_networks: true
    delay: 0s
    json:
      items: response.docs
      next_page: nextCursorMark
      fields: {id: id, title: name_t, description: description_t, price: price_f, seller: seller_s}
  - name: couchdb
    platform: CouchDB
    kind: json
    start_urls: ["%[1]s/couch/shop/_find"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: '{"selector": {"type": "product"}, "limit": 2, "bookmark": ${cursor}}'
      items: docs
      next_page: bookmark
      fields: {id: _id, title: title, description: body, price: price, seller: seller}
  - name: firestore
    platform: Firestore
    kind: json
    start_urls: ["%[1]s/fs/v1/projects/shop/databases/(default)/documents/products?pageSize=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: documents
      next_page: nextPageToken
      fields: {id: name, title: fields.title.stringValue, description: fields.description.stringValue, price: fields.price.doubleValue, seller: fields.seller.mapValue.fields.name.stringValue}
  - name: shopware
    platform: Shopware
    kind: json
    start_urls: ["%[1]s/sw/store-api/product-listing/a515ae260223466f8e37471d279e6406"]
    allow_private_networks: true
    delay: 0s
    headers: {sw-access-key: "${SW_ACCESS_KEY}"}
    json:
      method: POST
      body: '{"p": ${page}, "limit": 2}'
      items: elements
      fields: {id: id, title: translated.name, description: translated.description, price: calculatedPrice.unitPrice, seller: manufacturer.translated.name}
  - name: ecwid
    platform: Ecwid
    kind: json
    start_urls: ["%[1]s/ecwid/api/v3/1003/products?offset=0&limit=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: sku, url: url, title: name, description: description, price: defaultDisplayedPriceFormatted, brand: attributes.value}
  - name: medusa
    platform: Medusa
    kind: json
    start_urls: ["%[1]s/medusa/store/products?limit=2&offset=0"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: id, title: title, description: description, price: "variants[0].calculated_price.calculated_amount", seller: metadata.seller}
  - name: vendure
    platform: Vendure
    kind: json
    start_urls: ["%[1]s/vendure/shop-api"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: '{"query": "query($skip: Int!) { products(options: {skip: $skip, take: 2}) { totalItems items { id name description customFields { sellerName } } } }", "variables": {"skip": ${offset}}}'
      items: data.products.items
      fields: {id: id, title: name, description: description, seller: customFields.sellerName}
  - name: link-header
    platform: LinkHeader
    kind: json
    start_urls: ["%[1]s/lh/api/products?fields=id,title,body,seller&per_page=2&page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: "."
      fields: {id: id, title: title, description: body, seller: seller}
  - name: meilisearch
    platform: Meilisearch
    kind: json
    start_urls: ["%[1]s/ms/indexes/products/search"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: '{"q": "", "offset": ${offset}, "limit": 2}'
      items: hits
      fields: {id: id, title: name, description: description, price: price, seller: seller}
  - name: postgrest
    platform: PostgREST
    kind: json
    start_urls: ["%[1]s/pgrst/products?select=*&order=id&limit=2&offset=0"]
    allow_private_networks: true
    delay: 0s
    json:
      items: "."
      fields: {id: id, title: name, description: description, price: price, seller: seller}
  - name: woocommerce-rest
    platform: WooREST
    kind: json
    start_urls: ["%[1]s/wc/wp-json/wc/v3/products?per_page=2&page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: "."
      fields: {id: id, title: name, description: short_description, price: price, seller: store.shop_name}
`, srv.URL))
	num := func(p v16Product) string { return strconv.FormatFloat(p.price, 'f', -1, 64) }
	var wants []shopWant
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("g-%d", i) }, func(p v16Product) string { return fmt.Sprintf("%.2f EUR", p.price) })...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("aws-%d", i) }, func(p v16Product) string { return num(p) + " USD" })...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("solr-%d", i) }, num)...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("couch-%d", i) }, num)...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("projects/shop/databases/(default)/documents/products/fs-%d", i) }, num)...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("sw-%d", i) }, num)...)
	for _, w := range v16Wants(func(i int) string { return fmt.Sprintf("ec-%d", i) }, func(p v16Product) string { return fmt.Sprintf("€%.2f", p.price) }) {
		w.seller = ""
		wants = append(wants, w)
	}
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("prod_med%d", i) }, num)...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("vd-%d", i) }, nil)...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("lh-%d", i) }, nil)...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("ms-%d", i) }, num)...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprint(900 + i) }, num)...)
	for _, w := range v16Wants(func(i int) string { return fmt.Sprint(500 + i) }, num) {
		w.title = strings.Replace(w.title, " ", " – ", 1)
		w.desc += " & more"
		wants = append(wants, w)
	}
	checkShopListings(t, got, wants)
	logListingsOnFailure(t, got, out)
	for _, name := range []string{"google-merchant", "aws-listings", "solr", "couchdb", "firestore", "shopware", "ecwid", "medusa", "vendure", "link-header", "meilisearch", "postgrest", "woocommerce-rest"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	t.Logf("%s", out)
}
