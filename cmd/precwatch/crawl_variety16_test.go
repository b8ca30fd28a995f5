package main

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
			link := func(k int) string {
				return fmt.Sprintf("%s/lh/api/products?fields=id,title,body,seller&per_page=2&page=%d", base, k)
			}
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
	wants = append(wants, v16Wants(func(i int) string {
		return fmt.Sprintf("projects/shop/databases/(default)/documents/products/fs-%d", i)
	}, num)...)
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

// TestVariety16Shops is the round's second batch, html shops configured the
// same way:
//
//  1. a shop whose "next" link never stops and that answers every page
//     past its last with the last page again
//  2. a shop that ignores the page parameter: the same cards on every
//     page, a "next" link on each
//  3. a splash page that sends the browser on by script alone
//     (window.location.replace("/jsr/shop/")), as language pickers do
//  4. a marketplace whose product pages keep the seller in a separate JSON
//     blob (<script type="application/json" id="seller-data">)
//  5. cards whose full description is only in a data attribute, as escaped
//     HTML (data-full="&lt;p&gt;…&lt;/p&gt;"), the text a "Loading…" stub
//  6. an infinite-scroll catalogue (?page=1, no next link) that answers the
//     page past its last with 404
//  7. an infinite-scroll catalogue that redirects a page past its last to
//     page 1 without its parameter
//  8. a shop whose next page is only in a Link header, sent as a second
//     Link line after a preload one
//  9. an XML offers API with namespaces (a default one and a prefixed
//     one), its next page the text of <ns2:next>
//  10. a Wix store: the catalogue in <script id="wix-warmup-data">, under
//     an app id and a widget id no one can know in advance
func TestVariety16Shops(t *testing.T) {
	page := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, s)
	}
	cards := func(prefix string, idx []int) string {
		var b strings.Builder
		for _, i := range idx {
			pr := v16Products[i]
			fmt.Fprintf(&b, `<div class="card"><a class="t" href="/%s/p/%d">%s</a><p class="d">%s</p><span class="price">%.2f EUR</span><span class="s">%s</span></div>`, prefix, i, pr.title, pr.desc, pr.price, pr.seller)
		}
		return b.String()
	}
	var pastEnd sync.Map
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		n, err := strconv.Atoi(q.Get("page"))
		if err != nil || n < 1 {
			n = 1
		}
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. The last page again, forever.
		case p == "/rl/list":
			c, _ := pastEnd.LoadOrStore("rl", new(atomic.Int32))
			if n > 3 {
				c.(*atomic.Int32).Add(1)
			}
			page(w, fmt.Sprintf(`<html><body><div class="grid">%s</div><a class="next" href="/rl/list?page=%d">Next</a></body></html>`, cards("rl", v16Page(min(n, 3), 2)), n+1))
		// 2. The same cards on every page.
		case p == "/si/list":
			c, _ := pastEnd.LoadOrStore("si", new(atomic.Int32))
			c.(*atomic.Int32).Add(1)
			page(w, fmt.Sprintf(`<html><body><div class="grid">%s</div><a class="next" href="/si/list?page=%d">Next</a></body></html>`, cards("si", []int{0, 1, 2, 3, 4}), n+1))
		// 3. A script redirect.
		case p == "/jsr/":
			page(w, `<!DOCTYPE html><html><head><title>Shop</title><script>var lang = (navigator.language || "en").slice(0, 2); window.location.replace("/jsr/shop/");</script></head><body><noscript>Please enable JavaScript.</noscript></body></html>`)
		case p == "/jsr/shop/":
			page(w, `<html><body><div class="grid">`+cards("jsr", []int{0, 1, 2, 3, 4})+`</div></body></html>`)
		// 4. The seller in a JSON blob.
		case p == "/sj/shop":
			var b strings.Builder
			for i := range v16Products {
				fmt.Fprintf(&b, `<li><a class="p" href="/sj/item/%d">item</a></li>`, i)
			}
			page(w, `<html><body><ul>`+b.String()+`</ul></body></html>`)
		case strings.HasPrefix(p, "/sj/item/"):
			i, err := strconv.Atoi(strings.TrimPrefix(p, "/sj/item/"))
			if err != nil || i < 0 || i >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			pr := v16Products[i]
			page(w, fmt.Sprintf(`<html><body><h1>%s</h1><div class="desc">%s</div><span class="price">%.2f EUR</span><div id="seller-box"></div><script type="application/json" id="seller-data">{"seller":{"id":%d,"name":%q,"country":"NL","rating":4.8}}</script><script src="/js/seller-box.js"></script></body></html>`, pr.title, pr.desc, pr.price, 40+i, pr.seller))
		// 5. The description in a data attribute, as escaped HTML.
		case p == "/da/shop":
			var b strings.Builder
			for i, pr := range v16Products {
				fmt.Fprintf(&b, `<div class="card" data-id="da-%d"><h3>%s</h3><div class="desc" data-full="%s">Loading…</div><span class="price">%.2f EUR</span><span class="s">%s</span></div>`, i, pr.title, html.EscapeString("<p>"+pr.desc+"</p>"), pr.price, pr.seller)
			}
			page(w, `<html><body>`+b.String()+`</body></html>`)
		// 6. 404 past the last page.
		case p == "/is/catalog":
			if n > 3 {
				http.NotFound(w, r)
				return
			}
			page(w, `<html><body><div class="grid">`+cards("is", v16Page(n, 2))+`</div></body></html>`)
		// 7. A redirect to page 1 past the last page.
		case p == "/rd/catalog":
			if n > 3 {
				http.Redirect(w, r, "/rd/catalog", http.StatusFound)
				return
			}
			page(w, `<html><body><div class="grid">`+cards("rd", v16Page(n, 2))+`</div></body></html>`)
		// 8. Two Link lines.
		case p == "/lk/list":
			w.Header().Add("Link", `</lk/app.css>; rel=preload; as=style`)
			if n < 3 {
				w.Header().Add("Link", fmt.Sprintf(`</lk/list?page=%d>; rel=next`, n+1))
			}
			page(w, `<html><body><div class="grid">`+cards("lk", v16Page(n, 2))+`</div></body></html>`)
		// 9. XML with namespaces.
		case p == "/xml/api/offers":
			var b strings.Builder
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				fmt.Fprintf(&b, `<ns2:offer id="x-%d"><title>%s</title><description><![CDATA[<p>%s</p>]]></description><price currency="EUR">%.2f</price><ns2:seller><name>%s</name></ns2:seller></ns2:offer>`, i, pr.title, pr.desc, pr.price, pr.seller)
			}
			next := ""
			if n < 3 {
				next = fmt.Sprintf(`<ns2:next>http://%s/xml/api/offers?page=%d</ns2:next>`, r.Host, n+1)
			}
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ns2:offerList xmlns="urn:shop:offer:v1" xmlns:ns2="urn:shop:api:v2"><ns2:offers>%s</ns2:offers><ns2:paging><ns2:page>%d</ns2:page>%s</ns2:paging></ns2:offerList>`, b.String(), n, next)
		// 10. Wix warmup data.
		case p == "/wix/shop":
			var list []any
			for i, pr := range v16Products {
				list = append(list, map[string]any{"id": fmt.Sprintf("wix-%d", i), "name": pr.title, "description": "<p>" + pr.desc + "</p>", "formattedPrice": fmt.Sprintf("€%.2f", pr.price), "urlPart": fmt.Sprintf("p-%d", i), "brand": pr.seller})
			}
			warm := map[string]any{"appsWarmupData": map[string]any{"1380b703-ce81-ff05-f115-39571d94dfcd": map[string]any{"TPAMultiSection_k2b4x1": map[string]any{"catalog": map[string]any{"category": map[string]any{"productsWithMetaData": map[string]any{"list": list, "totalCount": 5}}}}}}, "ooi": map[string]any{"failedInSsr": map[string]any{}}}
			page(w, `<!DOCTYPE html><html><head></head><body><div id="SITE_CONTAINER"></div><script type="application/json" id="wix-warmup-data">`+v16JSON(warm)+`</script></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: repeat-last
    platform: RepeatLast
    start_urls: ["%[1]s/rl/list?page=1"]
    allow_private_networks: true
    delay: 0s
    max_pages: 30
    next_page: ["a.next"]
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: same-items
    platform: SameItems
    start_urls: ["%[1]s/si/list?page=1"]
    allow_private_networks: true
    delay: 0s
    max_pages: 30
    next_page: ["a.next"]
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: js-redirect
    platform: JSRedirect
    start_urls: ["%[1]s/jsr/"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: seller-json
    platform: SellerJSON
    start_urls: ["%[1]s/sj/shop"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.p"]
    listing:
      url_pattern: "^/sj/item/\\d+$"
      fields: {title: h1, description: div.desc, price: span.price, seller: "script#seller-data"}
  - name: data-attr
    platform: DataAttr
    start_urls: ["%[1]s/da/shop"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {id: "@data-id", title: h3, description: "div.desc@data-full", price: span.price, seller: span.s}
  - name: scroll-404
    platform: Scroll404
    start_urls: ["%[1]s/is/catalog?page=1"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: scroll-redirect
    platform: ScrollRedirect
    start_urls: ["%[1]s/rd/catalog?page=1"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: link-lines
    platform: LinkLines
    start_urls: ["%[1]s/lk/list"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: xml-ns
    platform: XMLNS
    start_urls: ["%[1]s/xml/api/offers?page=1"]
    allow_private_networks: true
    delay: 0s
    next_page: ["paging next"]
    listing:
      item: offer
      fields: {id: "@id", title: title, description: description, price: price, seller: seller name}
  - name: wix
    platform: Wix
    kind: json
    start_urls: ["%[1]s/wix/shop"]
    allow_private_networks: true
    delay: 0s
    json:
      items: appsWarmupData.*.*.catalog.category.productsWithMetaData.list
      fields: {id: id, title: name, description: description, price: formattedPrice, seller: brand}
`, srv.URL))
	price := func(p v16Product) string { return fmt.Sprintf("%.2f EUR", p.price) }
	var wants []shopWant
	for _, prefix := range []string{"rl", "si", "jsr", "is", "rd", "lk"} {
		wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("/%s/p/%d", prefix, i) }, price)...)
	}
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("/sj/item/%d", i) }, price)...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("da-%d", i) }, price)...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("x-%d", i) }, func(p v16Product) string { return fmt.Sprintf("%.2f", p.price) })...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("wix-%d", i) }, func(p v16Product) string { return fmt.Sprintf("€%.2f", p.price) })...)
	checkShopListings(t, got, wants)
	logListingsOnFailure(t, got, out)
	for _, name := range []string{"repeat-last", "same-items", "js-redirect", "seller-json", "data-attr", "scroll-404", "scroll-redirect", "link-lines", "xml-ns", "wix"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	for _, k := range []string{"rl", "si"} {
		if c, ok := pastEnd.Load(k); ok && c.(*atomic.Int32).Load() > 3 {
			t.Errorf("%s: %d pages past the end read, want at most 3", k, c.(*atomic.Int32).Load())
		}
	}
	t.Logf("%s", out)
}

// TestVariety16IgnoredCursor crawls feeds paged by a cursor the API gives,
// configured as docs/CRAWLING.md first suggests (next_page naming the
// cursor): an API that reads its cursor under another name (Twitter's
// meta.next_token, taken back as pagination_token) answers its first page
// again with the same cursor, and so does a GraphQL API whose json.body
// sends the cursor in a variable the query does not read. Before, both
// runs ended there as complete with the first page's listings only; now
// they are incomplete, saying why, and the same APIs configured with the
// cursor where they read it are read whole. An API that gives back the
// cursor it was sent beside new listings (its last page) is complete.
func TestVariety16IgnoredCursor(t *testing.T) {
	jsonBody := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, s)
	}
	tokens := []string{"", "b26v89c19zqg8o3f", "b26v89c19zqg8o3g"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		items := func(prefix string, n int) []any {
			var out []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				out = append(out, map[string]any{"id": fmt.Sprintf("%s-%d", prefix, i), "text": pr.title + ". " + pr.desc, "author": map[string]any{"username": pr.seller}})
			}
			return out
		}
		switch r.URL.Path {
		case "/tw/2/tweets/search/recent":
			n := slices.Index(tokens, r.URL.Query().Get("pagination_token")) + 1
			if n == 0 {
				w.WriteHeader(400)
				jsonBody(w, `{"title":"Invalid Request","detail":"invalid pagination_token"}`)
				return
			}
			meta := map[string]any{"result_count": len(v16Page(n, 2))}
			if n < 3 {
				meta["next_token"] = tokens[n]
			}
			jsonBody(w, v16JSON(map[string]any{"data": items("tw", n), "meta": meta}))
		case "/gql":
			var req struct {
				Query     string
				Variables map[string]string
			}
			json.NewDecoder(r.Body).Decode(&req)
			n := slices.Index(tokens, req.Variables["cursor"]) + 1
			next := any(nil)
			if n < 3 {
				next = tokens[n]
			}
			jsonBody(w, v16JSON(map[string]any{"data": map[string]any{"listings": map[string]any{"items": items("gq", n), "nextCursor": next}}}))
		case "/echo/items":
			// The last page gives back the cursor it was sent.
			c := r.URL.Query().Get("cursor")
			n := slices.Index(tokens, c) + 1
			next := tokens[min(n, 2)]
			if n == 3 {
				next = c
			}
			jsonBody(w, v16JSON(map[string]any{"items": items("ec", n), "next_cursor": next}))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: twitter-as-found
    platform: TwitterA
    kind: json
    start_urls: ["%[1]s/tw/2/tweets/search/recent?query=acetone&max_results=2"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    json:
      items: data
      next_page: meta.next_token
      fields: {id: id, title: text, seller: author.username}
  - name: graphql-as-found
    platform: GraphQLA
    kind: json
    start_urls: ["%[1]s/gql"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    json:
      method: POST
      body: '{"query": "query($cursor: String) { listings(first: 2, cursor: $cursor) { items { id text author { username } } nextCursor } }", "variables": {"after": ${cursor}}}'
      items: data.listings.items
      next_page: data.listings.nextCursor
      fields: {id: id, title: text, seller: author.username}
  - name: twitter
    platform: Twitter
    kind: json
    start_urls: ["%[1]s/tw/2/tweets/search/recent?query=acetone&max_results=2"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    json:
      body: '{"pagination_token": ${cursor}}'
      items: data
      next_page: meta.next_token
      fields: {id: id, title: text, seller: author.username}
  - name: graphql
    platform: GraphQL
    kind: json
    start_urls: ["%[1]s/gql"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    json:
      method: POST
      body: '{"query": "query($cursor: String) { listings(first: 2, cursor: $cursor) { items { id text author { username } } nextCursor } }", "variables": {"cursor": ${cursor}}}'
      items: data.listings.items
      next_page: data.listings.nextCursor
      fields: {id: id, title: text, seller: author.username}
  - name: echo-last
    platform: EchoLast
    kind: json
    start_urls: ["%[1]s/echo/items"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    json:
      items: items
      next_page: next_cursor
      fields: {id: id, title: text, seller: author.username}
`, srv.URL))
	var wants []shopWant
	for _, prefix := range []string{"tw", "gq", "ec"} {
		for _, w := range v16Wants(func(i int) string { return fmt.Sprintf("%s-%d", prefix, i) }, nil) {
			w.title += ". " + w.desc
			w.desc = ""
			wants = append(wants, w)
		}
	}
	checkShopListings(t, got, wants)
	logListingsOnFailure(t, got, out)
	for name, want := range map[string]string{"twitter-as-found": "no", "graphql-as-found": "no", "twitter": "yes", "graphql": "yes", "echo-last": "yes"} {
		if c := completeColumn(out, name); c != want {
			t.Errorf("%s: complete %q, want %s", name, c, want)
		}
	}
	if !strings.Contains(out, "reads its cursor under another") {
		t.Errorf("the run does not say why the as-found targets are incomplete:\n%s", out)
	}
	// target test, as a partner checks a target before it goes live.
	cfgPath := filepath.Join(t.TempDir(), "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`targets:
  - name: twitter-as-found
    platform: TwitterA
    kind: json
    start_urls: ["%[1]s/tw/2/tweets/search/recent?query=acetone&max_results=2"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    json:
      items: data
      next_page: meta.next_token
      fields: {id: id, title: text, seller: author.username}
`, srv.URL))
	code, stdout, stderr := runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "twitter-as-found", "--pages", "5")
	if !strings.Contains(stdout+stderr, "cursor") {
		t.Errorf("target test (exit %d) does not name the ignored cursor:\n%s\n%s", code, stdout, stderr)
	}
	t.Logf("target test: exit %d\n%s\n%s", code, stdout, stderr)
}

// TestVariety16MoreFeeds is the round's third batch, configured the same
// way:
//
//  1. Typesense's search (hits[].document, page/per_page, found)
//  2. Spring Data REST: HAL's _embedded.products, _links.next.href, pages
//     counted from 0 (?page=0&size=2)
//  3. a feed whose next page is protocol-relative (//host/api?page=2)
//  4. a PHP API whose next page is HTML-escaped in its JSON
//     ("/api/items?page=2&amp;size=2"), which asked as written loses its
//     page size (amp;size) and skips listings
//  5. OpenCart 4's product list fragment (route=product/category.list),
//     cards and pager without <html> or <body>
//  6. Elasticsearch's scroll API configured as the docs allow (the scroll
//     id sent back to the search endpoint, which refuses it): not
//     complete, never marked complete with the first page
func TestVariety16MoreFeeds(t *testing.T) {
	jsonBody := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "application/json")
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
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. Typesense.
		case p == "/ts/collections/products/documents/search":
			n, per := atoi(q.Get("page"), 1), atoi(q.Get("per_page"), 10)
			hits := []any{}
			for _, i := range v16Page(n, per) {
				pr := v16Products[i]
				hits = append(hits, map[string]any{"document": map[string]any{"id": fmt.Sprintf("ts-%d", i), "name": pr.title, "description": pr.desc, "seller": pr.seller}, "highlights": []any{}, "text_match": 100})
			}
			jsonBody(w, v16JSON(map[string]any{"facet_counts": []any{}, "found": 5, "out_of": 5, "page": n, "search_time_ms": 0, "hits": hits, "request_params": map[string]any{"per_page": per, "q": "*"}}))
		// 2. Spring Data REST.
		case p == "/sdr/api/products":
			n, size := atoi(q.Get("page"), 0), atoi(q.Get("size"), 20)
			var prods []any
			for _, i := range v16Page(n+1, size) {
				pr := v16Products[i]
				prods = append(prods, map[string]any{"name": pr.title, "description": pr.desc, "seller": pr.seller, "_links": map[string]any{"self": map[string]any{"href": fmt.Sprintf("http://%s/sdr/api/products/%d", r.Host, 300+i)}}})
			}
			links := map[string]any{"self": map[string]any{"href": fmt.Sprintf("http://%s/sdr/api/products?page=%d&size=%d", r.Host, n, size)}}
			if n < 2 {
				links["next"] = map[string]any{"href": fmt.Sprintf("http://%s/sdr/api/products?page=%d&size=%d", r.Host, n+1, size)}
			}
			jsonBody(w, v16JSON(map[string]any{"_embedded": map[string]any{"products": prods}, "_links": links, "page": map[string]any{"size": size, "totalElements": 5, "totalPages": 3, "number": n}}))
		// 3. A protocol-relative next page.
		case p == "/pr/api/items":
			n := atoi(q.Get("page"), 1)
			var items []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("pr-%d", i), "title": pr.title, "body": pr.desc, "seller": pr.seller})
			}
			body := map[string]any{"items": items, "next": nil}
			if n < 3 {
				body["next"] = fmt.Sprintf("//%s/pr/api/items?page=%d", r.Host, n+1)
			}
			jsonBody(w, v16JSON(body))
		// 4. An HTML-escaped next page.
		case p == "/amp/api/items":
			n, size := atoi(q.Get("page"), 1), atoi(q.Get("size"), 4)
			var items []any
			for _, i := range v16Page(n, size) {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("amp-%d", i), "title": pr.title, "body": pr.desc, "seller": pr.seller})
			}
			body := map[string]any{"items": items, "next": nil}
			if n*size < len(v16Products) {
				body["next"] = fmt.Sprintf("/amp/api/items?page=%d&amp;size=%d", n+1, size)
			}
			jsonBody(w, v16JSON(body))
		// 5. OpenCart 4's list fragment.
		case p == "/oc/index.php" && q.Get("route") == "product/category.list":
			n := atoi(q.Get("page"), 1)
			var b strings.Builder
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				fmt.Fprintf(&b, `<div class="col"><div class="product-thumb"><div class="content"><div class="description"><h4><a href="http://%s/oc/index.php?route=product/product&amp;language=en-gb&amp;product_id=%d&amp;path=20">%s</a></h4><p>%s</p><div class="price"><span class="price-new">%.2f€</span></div><span class="manufacturer">%s</span></div></div></div></div>`, r.Host, 40+i, pr.title, pr.desc, pr.price, pr.seller)
			}
			pager := `<ul class="pagination">`
			if n < 3 {
				pager += fmt.Sprintf(`<li class="page-item"><a href="http://%s/oc/index.php?route=product/category.list&amp;language=en-gb&amp;path=20&amp;page=%d" class="page-link">&gt;</a></li>`, r.Host, n+1)
			}
			pager += `</ul>`
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<div id="product-list" class="row row-cols-1 row-cols-sm-2">%s</div><div class="row"><div class="col-sm-6 text-start">%s</div><div class="col-sm-6 text-end">Showing 1 to 2 of 5 (3 Pages)</div></div>`, b.String(), pager)
		// 6. Elasticsearch's scroll API.
		case p == "/es/products/_search" && r.Method == http.MethodPost:
			var req map[string]any
			json.NewDecoder(r.Body).Decode(&req)
			if _, ok := req["scroll_id"]; ok {
				w.WriteHeader(400)
				jsonBody(w, `{"error":{"root_cause":[{"type":"parsing_exception","reason":"Unknown key for a VALUE_STRING in [scroll_id]."}],"type":"parsing_exception","reason":"Unknown key for a VALUE_STRING in [scroll_id]."},"status":400}`)
				return
			}
			var hits []any
			for _, i := range v16Page(1, 2) {
				pr := v16Products[i]
				hits = append(hits, map[string]any{"_index": "products", "_id": fmt.Sprintf("es-%d", i), "_source": map[string]any{"name": pr.title, "text": pr.desc, "seller": pr.seller}})
			}
			jsonBody(w, v16JSON(map[string]any{"_scroll_id": "FGluY2x1ZGVfY29udGV4dF91dWlkDXF1ZXJ5QW5kRmV0Y2gBFkZ", "took": 1, "timed_out": false, "hits": map[string]any{"total": map[string]any{"value": 5, "relation": "eq"}, "hits": hits}}))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: typesense
    platform: Typesense
    kind: json
    start_urls: ["%[1]s/ts/collections/products/documents/search?q=*&query_by=name&per_page=2&page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: hits
      fields: {id: document.id, title: document.name, description: document.description, seller: document.seller}
  - name: spring-data-rest
    platform: SpringDataREST
    kind: json
    start_urls: ["%[1]s/sdr/api/products?page=0&size=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: _embedded.products
      fields: {url: _links.self.href, title: name, description: description, seller: seller}
  - name: protocol-relative
    platform: ProtocolRelative
    kind: json
    start_urls: ["%[1]s/pr/api/items?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: id, title: title, description: body, seller: seller}
  - name: escaped-next
    platform: EscapedNext
    kind: json
    start_urls: ["%[1]s/amp/api/items?page=1&size=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      next_page: next
      fields: {id: id, title: title, description: body, seller: seller}
  - name: opencart4
    platform: OpenCart4
    start_urls: ["%[1]s/oc/index.php?route=product/category.list&language=en-gb&path=20"]
    allow_private_networks: true
    delay: 0s
    next_page: ["ul.pagination a.page-link"]
    listing:
      item: div.product-thumb
      fields: {url: "h4 a@href", title: h4 a, description: div.description p, price: span.price-new, seller: span.manufacturer}
  - name: es-scroll
    platform: ESScroll
    kind: json
    start_urls: ["%[1]s/es/products/_search?scroll=1m"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: '{"size": 2, "scroll_id": ${cursor}}'
      items: hits.hits
      next_page: _scroll_id
      fields: {id: _id, title: _source.name, description: _source.text, seller: _source.seller}
`, srv.URL))
	var wants []shopWant
	for _, prefix := range []string{"ts", "pr", "amp"} {
		wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("%s-%d", prefix, i) }, nil)...)
	}
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("/sdr/api/products/%d", 300+i) }, nil)...)
	wants = append(wants, v16Wants(func(i int) string {
		return fmt.Sprintf("/oc/index.php?language=en-gb&path=20&product_id=%d&route=product%%2Fproduct", 40+i)
	}, func(p v16Product) string { return fmt.Sprintf("%.2f€", p.price) })...)
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("es-%d", i) }, nil)[:2]...)
	checkShopListings(t, got, wants)
	logListingsOnFailure(t, got, out)
	for name, want := range map[string]string{"typesense": "yes", "spring-data-rest": "yes", "protocol-relative": "yes", "escaped-next": "yes", "opencart4": "yes", "es-scroll": "no"} {
		if c := completeColumn(out, name); c != want {
			t.Errorf("%s: complete %q, want %s", name, c, want)
		}
	}
	t.Logf("%s", out)
}
