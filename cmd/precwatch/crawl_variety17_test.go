package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// Round 17 of feeds and shops, end to end through `precwatch crawl`, each
// configured only from docs/CRAWLING.md; the products are round 16's
// (v16Products). Shapes the earlier rounds cover were left out; these are:
//
//  1. eBay's Browse API (itemSummaries, the next page a full URL with an
//     offset, price {"value", "currency"}, ids with pipes: "v1|1100|0")
//  2. commercetools' product projections (localized names, prices as
//     {"centAmount": 12000, "fractionDigits": 2, "currencyCode"}), paged
//     by offset/limit/total
//  3. SAP Commerce (Hybris) OCC: products and pagination {currentPage
//     from 0, totalPages}, prices {"currencyIso", "value": 120.0}, a page
//     past the last answered 400
//  4. Saleor's GraphQL by POST: a Relay connection under a channel, the
//     price at pricing.priceRange.start.gross, the description an
//     Editor.js document in a JSON string, the seller in metadata pairs
//  5. BigCommerce's GraphQL Storefront API by POST (site.products, prices
//     {"value", "currencyCode"})
//  6. Odoo's JSON-RPC search_read by POST (offset/limit in kwargs, a
//     many2one as [id, "name"]), ended by an empty result
//  7. Elasticsearch from/size by POST whose hits.total is a lower bound
//     ({"value": 3, "relation": "gte"}, track_total_hits capped)
//  8. an offset API whose total lies high (500 for 5 listings)
//  9. an offset API whose total lies low (a stale count of 3 for 5)
//  10. a CSV export from Excel: a UTF-8 BOM, a "sep=;" line before the
//     header, decimal commas, a quoted field holding ";" and a line break
//  11. a JSON feed on S3 gzipped as a file (products.json.gz) served as
//     binary/octet-stream without Content-Encoding
//  12. a PHP API answering the page past its last with [] where its pages
//     are objects ({"items": […]})
//  13. Drupal Commerce's JSON:API: the seller and the price in included
//     resources, the price {"number": "120.00", "currency_code": "EUR"}
//  14. SAP Gateway's OData v2 as Atom XML (m:properties, d:Name), paged by
//     <link rel="next" href="Products?$skiptoken='2'">
func TestVariety17Feeds(t *testing.T) {
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
		offsetPage := func() (int, []int) {
			off := atoi(q.Get("offset"), -1)
			var out []int
			for i := off; i >= 0 && i < off+2 && i < len(v16Products); i++ {
				out = append(out, i)
			}
			return off, out
		}
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. eBay Browse.
		case p == "/ebay/buy/browse/v1/item_summary/search":
			off, idx := offsetPage()
			if off < 0 || q.Get("limit") != "2" || q.Get("q") != "chem" {
				w.WriteHeader(400)
				jsonBody(w, `{"errors":[{"errorId":12023,"message":"Invalid offset"}]}`)
				return
			}
			var items []any
			for _, i := range idx {
				pr := v16Products[i]
				items = append(items, map[string]any{"itemId": fmt.Sprintf("v1|%d|0", 1100+i), "title": pr.title, "shortDescription": pr.desc,
					"price": map[string]any{"value": fmt.Sprintf("%.2f", pr.price), "currency": "EUR"}, "seller": map[string]any{"username": pr.seller, "feedbackPercentage": "99.1", "feedbackScore": 120},
					"itemLocation": map[string]any{"postalCode": "10***", "country": "DE"}, "itemWebUrl": fmt.Sprintf("%s/ebay/itm/%d", base, 1100+i)})
			}
			body := map[string]any{"href": base + r.URL.RequestURI(), "total": 5, "limit": 2, "offset": off, "itemSummaries": items}
			if off+2 < 5 {
				body["next"] = fmt.Sprintf("%s/ebay/buy/browse/v1/item_summary/search?q=chem&limit=2&offset=%d", base, off+2)
			}
			jsonBody(w, v16JSON(body))
		// 2. commercetools.
		case p == "/ct/chemhub/product-projections/search":
			off, idx := offsetPage()
			if off < 0 {
				w.WriteHeader(400)
				jsonBody(w, `{"statusCode":400,"message":"Invalid offset"}`)
				return
			}
			var results []any
			for _, i := range idx {
				pr := v16Products[i]
				results = append(results, map[string]any{"id": fmt.Sprintf("ct-%d", i), "key": fmt.Sprintf("p%d", i), "version": 3,
					"name": map[string]any{"en": pr.title, "de": pr.title + " (DE)"}, "description": map[string]any{"en": pr.desc},
					"masterVariant": map[string]any{"id": 1, "sku": fmt.Sprintf("SKU-%d", i), "prices": []any{map[string]any{"id": "pr1", "value": map[string]any{"type": "centPrecision", "currencyCode": "EUR", "centAmount": int(pr.price * 100), "fractionDigits": 2}}},
						"attributes": []any{map[string]any{"name": "seller", "value": pr.seller}}}})
			}
			jsonBody(w, v16JSON(map[string]any{"limit": 2, "offset": off, "count": len(results), "total": 5, "results": results}))
		// 3. SAP Commerce OCC.
		case p == "/occ/v2/chemhub/products/search":
			n := atoi(q.Get("currentPage"), -1)
			if n < 0 || n > 2 || q.Get("pageSize") != "2" {
				w.WriteHeader(400)
				jsonBody(w, `{"errors":[{"message":"Invalid page","type":"IllegalArgumentError"}]}`)
				return
			}
			var b strings.Builder
			b.WriteString(`{"type":"productCategorySearchPageWsDTO","products":[`)
			for k, i := range v16Page(n+1, 2) {
				pr := v16Products[i]
				if k > 0 {
					b.WriteString(",")
				}
				fmt.Fprintf(&b, `{"code":"occ-%d","name":%q,"summary":%q,"manufacturer":%q,"price":{"currencyIso":"EUR","value":%.1f,"priceType":"BUY","formattedValue":"€%.2f"},"url":"/p/occ-%d"}`, i, pr.title, pr.desc, pr.seller, pr.price, pr.price, i)
			}
			fmt.Fprintf(&b, `],"pagination":{"currentPage":%d,"pageSize":2,"sort":"relevance","totalPages":3,"totalResults":5}}`, n)
			jsonBody(w, b.String())
		// 4. Saleor GraphQL.
		case p == "/saleor/graphql/" && r.Method == http.MethodPost:
			var req struct {
				Query     string         `json:"query"`
				Variables map[string]any `json:"variables"`
			}
			if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Variables["channel"] != "default-channel" {
				jsonBody(w, `{"errors":[{"message":"A default channel does not exist."}]}`)
				return
			}
			after, _ := req.Variables["after"].(string)
			n := map[string]int{"": 1, "WyJhIl0=": 2, "WyJiIl0=": 3}[after]
			if n == 0 {
				jsonBody(w, `{"errors":[{"message":"Invalid cursor"}]}`)
				return
			}
			var edges []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				doc := v16JSON(map[string]any{"time": 1637000000000, "blocks": []any{map[string]any{"id": "b1", "type": "paragraph", "data": map[string]any{"text": pr.desc}}}, "version": "2.22.2"})
				edges = append(edges, map[string]any{"cursor": "x", "node": map[string]any{"id": fmt.Sprintf("UHJvZHVjdDo%d", i), "name": pr.title, "description": doc,
					"pricing":  map[string]any{"priceRange": map[string]any{"start": map[string]any{"gross": map[string]any{"amount": pr.price, "currency": "EUR"}}}},
					"metadata": []any{map[string]any{"key": "seller", "value": pr.seller}}}})
			}
			end := map[int]any{1: "WyJhIl0=", 2: "WyJiIl0=", 3: "WyJjIl0="}[n]
			jsonBody(w, v16JSON(map[string]any{"data": map[string]any{"products": map[string]any{"totalCount": 5, "edges": edges, "pageInfo": map[string]any{"hasNextPage": n < 3, "endCursor": end}}}}))
		// 5. BigCommerce GraphQL Storefront.
		case p == "/bc/graphql" && r.Method == http.MethodPost:
			var req struct {
				Variables map[string]any `json:"variables"`
			}
			if err := json.NewDecoder(r.Body).Decode(&req); err != nil || r.Header.Get("Authorization") != "Bearer sf-token" {
				w.WriteHeader(401)
				jsonBody(w, `{"errors":[{"message":"Unauthorized"}]}`)
				return
			}
			after, _ := req.Variables["after"].(string)
			n := map[string]int{"": 1, "YXJyYXljb25uZWN0aW9uOjE=": 2, "YXJyYXljb25uZWN0aW9uOjM=": 3}[after]
			if n == 0 {
				jsonBody(w, `{"errors":[{"message":"Invalid cursor"}]}`)
				return
			}
			var edges []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				edges = append(edges, map[string]any{"node": map[string]any{"entityId": 700 + i, "name": pr.title, "plainTextDescription": pr.desc, "path": fmt.Sprintf("/p-%d/", i),
					"prices": map[string]any{"price": map[string]any{"value": pr.price, "currencyCode": "EUR"}}, "brand": map[string]any{"name": pr.seller}}})
			}
			end := map[int]string{1: "YXJyYXljb25uZWN0aW9uOjE=", 2: "YXJyYXljb25uZWN0aW9uOjM=", 3: "YXJyYXljb25uZWN0aW9uOjQ="}[n]
			jsonBody(w, v16JSON(map[string]any{"data": map[string]any{"site": map[string]any{"products": map[string]any{"pageInfo": map[string]any{"hasNextPage": n < 3, "endCursor": end}, "edges": edges}}}}))
		// 6. Odoo JSON-RPC.
		case p == "/odoo/web/dataset/call_kw/product.template/search_read" && r.Method == http.MethodPost:
			var req struct {
				Params struct {
					Kwargs struct {
						Offset *int `json:"offset"`
						Limit  int  `json:"limit"`
					} `json:"kwargs"`
				} `json:"params"`
			}
			if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Params.Kwargs.Offset == nil || req.Params.Kwargs.Limit != 2 {
				jsonBody(w, `{"jsonrpc":"2.0","id":null,"error":{"code":200,"message":"Odoo Server Error","data":{"name":"builtins.TypeError"}}}`)
				return
			}
			off := *req.Params.Kwargs.Offset
			var recs []any
			for i := off; i < off+2 && i < len(v16Products); i++ {
				pr := v16Products[i]
				recs = append(recs, map[string]any{"id": 40 + i, "name": pr.title, "description_sale": pr.desc, "list_price": pr.price, "company_id": []any{1 + i, pr.seller}})
			}
			if recs == nil {
				recs = []any{}
			}
			jsonBody(w, v16JSON(map[string]any{"jsonrpc": "2.0", "id": nil, "result": recs}))
		// 7. Elasticsearch from/size with a lower-bound total.
		case p == "/es/products/_search" && r.Method == http.MethodPost:
			var req struct {
				From *int `json:"from"`
				Size int  `json:"size"`
			}
			if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.From == nil || req.Size != 2 {
				w.WriteHeader(400)
				jsonBody(w, `{"error":{"type":"parsing_exception","reason":"bad body"},"status":400}`)
				return
			}
			var hits []any
			for i := *req.From; i < *req.From+2 && i < len(v16Products); i++ {
				pr := v16Products[i]
				hits = append(hits, map[string]any{"_index": "products", "_id": fmt.Sprintf("es-%d", i), "_score": 1.0, "_source": map[string]any{"name": pr.title, "text": pr.desc, "price": pr.price, "seller": pr.seller}})
			}
			if hits == nil {
				hits = []any{}
			}
			jsonBody(w, v16JSON(map[string]any{"took": 2, "timed_out": false, "hits": map[string]any{"total": map[string]any{"value": 3, "relation": "gte"}, "max_score": 1.0, "hits": hits}}))
		// 8, 9. Offset APIs whose total lies.
		case p == "/th/api/items" || p == "/tl/api/items":
			off, idx := offsetPage()
			if off < 0 {
				w.WriteHeader(400)
				return
			}
			pre := p[1:3]
			var items []any
			for _, i := range idx {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("%s-%d", pre, i), "title": pr.title, "body": pr.desc, "price": pr.price, "seller": pr.seller})
			}
			if items == nil {
				items = []any{}
			}
			total := map[string]int{"th": 500, "tl": 3}[pre]
			jsonBody(w, v16JSON(map[string]any{"items": items, "offset": off, "limit": 2, "total": total}))
		// 10. Excel CSV.
		case p == "/xl/export/artikel.csv":
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			var b strings.Builder
			b.WriteString("\ufeffsep=;\r\nArtikelnummer;Bezeichnung;Beschreibung;Lager;Preis;Händler\r\n")
			for i, pr := range v16Products {
				fmt.Fprintf(&b, "XL-%d;%s;\"%s\";\"Halle 2; Regal %d\r\n(oben)\";\"%s\";%s\r\n", i, pr.title, pr.desc, i, strings.Replace(fmt.Sprintf("%.2f", pr.price), ".", ",", 1), pr.seller)
			}
			io.WriteString(w, b.String())
		// 11. S3 gzipped JSON file.
		case p == "/s3/feeds/products.json.gz":
			var items []any
			for i, pr := range v16Products {
				items = append(items, map[string]any{"id": fmt.Sprintf("s3-%d", i), "title": pr.title, "body": pr.desc, "price": pr.price, "seller": pr.seller})
			}
			var gz bytes.Buffer
			zw := gzip.NewWriter(&gz)
			zw.Write([]byte(v16JSON(map[string]any{"products": items})))
			zw.Close()
			w.Header().Set("Content-Type", "binary/octet-stream")
			w.Header().Set("ETag", `"5d41402abc4b2a76b9719d911017c592"`)
			w.Write(gz.Bytes())
		// 12. PHP API: [] past the end.
		case p == "/pa/api/items.php":
			n := atoi(q.Get("page"), 1)
			idx := v16Page(n, 2)
			if len(idx) == 0 {
				jsonBody(w, `[]`)
				return
			}
			var items []any
			for _, i := range idx {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("pa-%d", i), "title": pr.title, "body": pr.desc, "price": pr.price, "seller": pr.seller})
			}
			jsonBody(w, v16JSON(map[string]any{"items": items, "page": n}))
		// 13. Drupal Commerce JSON:API.
		case p == "/jsonapi/commerce_product/default":
			off := atoi(q.Get("page[offset]"), 0)
			var data, included []any
			for i := off; i < off+2 && i < len(v16Products); i++ {
				pr := v16Products[i]
				data = append(data, map[string]any{"type": "commerce_product--default", "id": fmt.Sprintf("dc-%d", i),
					"attributes": map[string]any{"title": pr.title, "body": map[string]any{"value": "<p>" + pr.desc + "</p>", "format": "basic_html"}},
					"relationships": map[string]any{
						"uid":        map[string]any{"data": map[string]any{"type": "user--user", "id": "u-" + pr.seller}},
						"variations": map[string]any{"data": []any{map[string]any{"type": "commerce_product_variation--default", "id": fmt.Sprintf("v-%d", i)}}}}})
				included = append(included,
					map[string]any{"type": "user--user", "id": "u-" + pr.seller, "attributes": map[string]any{"display_name": pr.seller}},
					map[string]any{"type": "commerce_product_variation--default", "id": fmt.Sprintf("v-%d", i), "attributes": map[string]any{"sku": fmt.Sprintf("S%d", i), "price": map[string]any{"number": fmt.Sprintf("%.2f", pr.price), "currency_code": "EUR", "formatted": fmt.Sprintf("€%.2f", pr.price)}}})
			}
			links := map[string]any{"self": map[string]any{"href": base + r.URL.RequestURI()}}
			if off+2 < 5 {
				links["next"] = map[string]any{"href": fmt.Sprintf("%s/jsonapi/commerce_product/default?include=uid%%2Cvariations&page%%5Boffset%%5D=%d&page%%5Blimit%%5D=2", base, off+2)}
			}
			w.Header().Set("Content-Type", "application/vnd.api+json")
			io.WriteString(w, v16JSON(map[string]any{"jsonapi": map[string]any{"version": "1.0"}, "data": data, "included": included, "links": links}))
		// 14. SAP Gateway OData v2 Atom.
		case p == "/sap/opu/odata/sap/ZPROD_SRV/Products":
			n := map[string]int{"": 1, "'2'": 2, "'4'": 3}[q.Get("$skiptoken")]
			if n == 0 {
				w.WriteHeader(400)
				return
			}
			w.Header().Set("Content-Type", "application/atom+xml;type=feed; charset=utf-8")
			svc := base + "/sap/opu/odata/sap/ZPROD_SRV/"
			var b strings.Builder
			fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><feed xml:base="%s" xmlns="http://www.w3.org/2005/Atom" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices"><id>%sProducts</id><title type="text">Products</title><updated>2026-11-29T10:00:00Z</updated><author><name/></author><link href="Products" rel="self" title="Products"/>`, svc, svc)
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				fmt.Fprintf(&b, `<entry><id>%sProducts('OD%d')</id><title type="text">Products('OD%d')</title><updated>2026-11-29T10:00:00Z</updated><category term="ZPROD_SRV.Product" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme"/><link href="Products('OD%d')" rel="edit" title="Product"/><content type="application/xml"><m:properties><d:ProductID>OD%d</d:ProductID><d:Name>%s</d:Name><d:Description>%s</d:Description><d:Price>%.2f</d:Price><d:CurrencyCode>EUR</d:CurrencyCode><d:SupplierName>%s</d:SupplierName></m:properties></content></entry>`, svc, i, i, i, i, pr.title, pr.desc, pr.price, pr.seller)
			}
			if tok := map[int]string{1: "'2'", 2: "'4'"}[n]; tok != "" {
				fmt.Fprintf(&b, `<link rel="next" href="Products?$skiptoken=%s"/>`, tok)
			}
			b.WriteString(`</feed>`)
			io.WriteString(w, b.String())
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, map[string]string{"BC_TOKEN": "sf-token"}, fmt.Sprintf(`data_dir: DATA
targets:
  - name: ebay-browse
    platform: EbayBrowse
    kind: json
    start_urls: ["%[1]s/ebay/buy/browse/v1/item_summary/search?q=chem&limit=2&offset=0"]
    allow_private_networks: true
    delay: 0s
    json:
      items: itemSummaries
      next_page: next
      fields: {id: itemId, url: itemWebUrl, title: title, description: shortDescription, price: price, seller: seller.username, location: itemLocation.country}
  - name: commercetools
    platform: Commercetools
    kind: json
    start_urls: ["%[1]s/ct/chemhub/product-projections/search?limit=2&offset=0"]
    allow_private_networks: true
    delay: 0s
    json:
      items: results
      fields: {id: id, title: name.en, description: description.en, price: "masterVariant.prices[0].value", seller: "masterVariant.attributes[0].value"}
  - name: sap-occ
    platform: SAPCommerce
    kind: json
    start_urls: ["%[1]s/occ/v2/chemhub/products/search?query=&currentPage=0&pageSize=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: code, url: url, title: name, description: summary, price: price, seller: manufacturer}
  - name: saleor
    platform: Saleor
    kind: json
    start_urls: ["%[1]s/saleor/graphql/"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: '{"query": "query($after: String, $channel: String) { products(first: 2, after: $after, channel: $channel) { totalCount edges { node { id name description pricing { priceRange { start { gross { amount currency } } } } metadata { key value } } } pageInfo { hasNextPage endCursor } } }", "variables": {"channel": "default-channel", "after": ${cursor}}}'
      items: data.products.edges[*].node
      next_page: data.products.pageInfo.endCursor
      fields: {id: id, title: name, description: description, price: pricing.priceRange.start.gross, seller: "metadata[0].value"}
  - name: bigcommerce-gql
    platform: BigCommerce
    kind: json
    start_urls: ["%[1]s/bc/graphql"]
    allow_private_networks: true
    delay: 0s
    headers: {Authorization: "Bearer ${BC_TOKEN}"}
    json:
      method: POST
      body: '{"query": "query($after: String) { site { products(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { entityId name plainTextDescription path prices { price { value currencyCode } } brand { name } } } } } }", "variables": {"after": ${cursor}}}'
      items: data.site.products.edges[*].node
      next_page: data.site.products.pageInfo.endCursor
      fields: {id: entityId, title: name, description: plainTextDescription, price: prices.price, seller: brand.name}
  - name: odoo-rpc
    platform: Odoo
    kind: json
    start_urls: ["%[1]s/odoo/web/dataset/call_kw/product.template/search_read"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: '{"jsonrpc": "2.0", "method": "call", "params": {"model": "product.template", "method": "search_read", "args": [[["sale_ok", "=", true]]], "kwargs": {"fields": ["name", "description_sale", "list_price", "company_id"], "offset": ${offset}, "limit": 2}}}'
      items: result
      fields: {id: id, title: name, description: description_sale, price: list_price, seller: "company_id[1]"}
  - name: es-from-size
    platform: ESFromSize
    kind: json
    start_urls: ["%[1]s/es/products/_search"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: '{"from": ${offset}, "size": 2, "track_total_hits": 3, "sort": [{"_id": "asc"}]}'
      items: hits.hits
      fields: {id: _id, title: _source.name, description: _source.text, price: _source.price, seller: _source.seller}
  - name: total-high
    platform: TotalHigh
    kind: json
    start_urls: ["%[1]s/th/api/items?offset=0&limit=2"]
    allow_private_networks: true
    delay: 0s
    max_pages: 20
    json:
      items: items
      fields: {id: id, title: title, description: body, price: price, seller: seller}
  - name: total-low
    platform: TotalLow
    kind: json
    start_urls: ["%[1]s/tl/api/items?offset=0&limit=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: id, title: title, description: body, price: price, seller: seller}
  - name: excel-csv
    platform: ExcelCSV
    kind: json
    start_urls: ["%[1]s/xl/export/artikel.csv"]
    allow_private_networks: true
    delay: 0s
    json:
      items: "."
      fields: {id: Artikelnummer, title: Bezeichnung, description: Beschreibung, price: Preis, seller: Händler}
  - name: s3-gz
    platform: S3GZ
    kind: json
    start_urls: ["%[1]s/s3/feeds/products.json.gz"]
    allow_private_networks: true
    delay: 0s
    json:
      items: products
      fields: {id: id, title: title, description: body, price: price, seller: seller}
  - name: past-end-array
    platform: PastEndArray
    kind: json
    start_urls: ["%[1]s/pa/api/items.php?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: id, title: title, description: body, price: price, seller: seller}
  - name: drupal-jsonapi
    platform: DrupalCommerce
    kind: json
    start_urls: ["%[1]s/jsonapi/commerce_product/default?include=uid%%2Cvariations&page%%5Boffset%%5D=0&page%%5Blimit%%5D=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data
      fields: {id: id, title: attributes.title, description: attributes.body.value, price: relationships.variations.data.attributes.price, seller: relationships.uid.data.attributes.display_name}
  - name: odata-atom
    platform: SAPGateway
    start_urls: ["%[1]s/sap/opu/odata/sap/ZPROD_SRV/Products"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: entry
      fields: {id: ProductID, title: Name, description: Description, price: Price, seller: SupplierName}
`, srv.URL))
	num := func(p v16Product) string { return strconv.FormatFloat(p.price, 'f', -1, 64) }
	cur := func(p v16Product) string { return fmt.Sprintf("%.2f EUR", p.price) }
	var wants []shopWant
	add := func(key func(i int) string, price func(p v16Product) string) {
		wants = append(wants, v16Wants(key, price)...)
	}
	add(func(i int) string { return fmt.Sprintf("v1|%d|0", 1100+i) }, cur)
	add(func(i int) string { return fmt.Sprintf("ct-%d", i) }, cur)
	add(func(i int) string { return fmt.Sprintf("occ-%d", i) }, func(p v16Product) string { return fmt.Sprintf("%.1f EUR", p.price) })
	add(func(i int) string { return fmt.Sprintf("UHJvZHVjdDo%d", i) }, func(p v16Product) string { return num(p) + " EUR" })
	add(func(i int) string { return fmt.Sprint(700 + i) }, func(p v16Product) string { return num(p) + " EUR" })
	add(func(i int) string { return fmt.Sprint(40 + i) }, num)
	add(func(i int) string { return fmt.Sprintf("es-%d", i) }, num)
	add(func(i int) string { return fmt.Sprintf("th-%d", i) }, num)
	add(func(i int) string { return fmt.Sprintf("tl-%d", i) }, num)
	add(func(i int) string { return fmt.Sprintf("XL-%d", i) }, func(p v16Product) string {
		return strings.Replace(fmt.Sprintf("%.2f", p.price), ".", ",", 1)
	})
	add(func(i int) string { return fmt.Sprintf("s3-%d", i) }, num)
	add(func(i int) string { return fmt.Sprintf("pa-%d", i) }, num)
	add(func(i int) string { return fmt.Sprintf("dc-%d", i) }, cur)
	add(func(i int) string { return fmt.Sprintf("OD%d", i) }, func(p v16Product) string { return fmt.Sprintf("%.2f", p.price) })
	checkShopListings(t, got, wants)
	if l, ok := got["v1|1100|0"]; ok && l.Location != "DE" {
		t.Errorf("ebay-browse: location %q, want DE", l.Location)
	}
	logListingsOnFailure(t, got, out)
	for _, name := range []string{"ebay-browse", "commercetools", "sap-occ", "saleor", "bigcommerce-gql", "odoo-rpc", "es-from-size", "total-high", "total-low", "excel-csv", "s3-gz", "past-end-array", "drupal-jsonapi", "odata-atom"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	t.Logf("%s", out)
}

// v17Cards renders products idx as the inline cards of an html shop under
// prefix.
func v17Cards(prefix string, idx []int) string {
	var b strings.Builder
	for _, i := range idx {
		pr := v16Products[i]
		fmt.Fprintf(&b, `<div class="card"><a class="t" href="/%s/p/%d">%s</a><p class="d">%s</p><span class="price">%.2f EUR</span> <span class="s">%s</span></div>`, prefix, i, pr.title, pr.desc, pr.price, pr.seller)
	}
	return b.String()
}

// TestVariety17Shops is the round's second batch, html shops configured
// the same way:
//
//  1. an AJAX shop whose "next" link is a fragment (href="#page=2"), its
//     script fetching ?page=2, which the server answers
//  2. a shop that sends a visitor without a session from page 3 on to its
//     login page (302 → /login?redirect=…, a form with a password field)
//  3. a shop behind Cloudflare's managed challenge: 503 with
//     cf-mitigated: challenge and "Just a moment...", and its API answering
//     403 with the same challenge
//  4. a pager whose next link has several rel tokens (rel="nofollow next")
//     on addresses that name no page number (/rt/shop/seite-2.html)
//  5. a Kleinanzeigen-style classifieds board: ad cards naming their page
//     in data-href, relative dates ("vor 3 Tagen", "Heute, 14:03"), the
//     pager's next link a.pagination-next
//  6. a pager that is a <select> whose options hold the pages' addresses
//  7. a WordPress theme's "Load more" through admin-ajax.php (JSON with the
//     cards' HTML in data.html, data.html empty past the end), read by GET
//     as admin-ajax reads $_REQUEST
func TestVariety17Shops(t *testing.T) {
	htmlBody := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!doctype html><html><head><title>Shop</title></head><body>"+s+"</body></html>")
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
		// 1. Fragment pager.
		case p == "/fp/shop":
			n := atoi(q.Get("page"), 1)
			next := ""
			if n < 3 {
				next = fmt.Sprintf(`<nav class="pager"><a class="next" href="#page=%d">›</a></nav>`, n+1)
			}
			htmlBody(w, `<div id="grid">`+v17Cards("fp", v16Page(n, 2))+`</div>`+next+`<script>window.addEventListener("hashchange", load)</script>`)
		// 2. Login wall from page 3.
		case p == "/lw/shop":
			n := atoi(q.Get("page"), 1)
			if n >= 3 {
				http.Redirect(w, r, "/lw/login?redirect="+r.URL.RequestURI(), http.StatusFound)
				return
			}
			htmlBody(w, v17Cards("lw", v16Page(n, 2))+fmt.Sprintf(`<a class="next" href="/lw/shop?page=%d">Weiter</a>`, n+1))
		case p == "/lw/login":
			htmlBody(w, `<h1>Anmelden</h1><form method="post" action="/lw/login"><input type="email" name="email"><input type="password" name="password"><button>Anmelden</button></form><p>Noch kein Konto? <a href="/lw/register">Registrieren</a></p>`)
		// 3. Cloudflare's managed challenge.
		case strings.HasPrefix(p, "/cf/"):
			w.Header().Set("Server", "cloudflare")
			w.Header().Set("cf-mitigated", "challenge")
			w.Header().Set("Cache-Control", "private, max-age=0, no-store, no-cache, must-revalidate")
			w.Header().Set("Content-Type", "text/html; charset=UTF-8")
			if strings.HasPrefix(p, "/cf/api/") {
				w.WriteHeader(http.StatusForbidden)
			} else {
				w.WriteHeader(http.StatusServiceUnavailable)
			}
			io.WriteString(w, `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="refresh" content="390"></head><body><div class="main-wrapper" role="main"><div class="main-content"><h1 class="zone-name-title h1">shop.example</h1><h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2><noscript><div id="challenge-error-title">Enable JavaScript and cookies to continue</div></noscript></div></div><script>(function(){window._cf_chl_opt={cvId: '3',cZone: "shop.example",cType: 'managed'};}());</script></body></html>`)
		// 4. rel="nofollow next".
		case p == "/rt/shop/" || strings.HasPrefix(p, "/rt/shop/seite-"):
			n := 1
			if strings.HasPrefix(p, "/rt/shop/seite-") {
				n = atoi(strings.TrimSuffix(strings.TrimPrefix(p, "/rt/shop/seite-"), ".html"), 0)
			}
			next := ""
			if n < 3 {
				next = fmt.Sprintf(`<a rel="nofollow next" class="pg" href="/rt/shop/seite-%d.html">Nächste</a>`, n+1)
			}
			htmlBody(w, v17Cards("rt", v16Page(n, 2))+next)
		// 5. Kleinanzeigen-style board.
		case p == "/ka/s-chemie/k0" || strings.HasPrefix(p, "/ka/s-chemie/seite:"):
			n := 1
			if strings.HasPrefix(p, "/ka/s-chemie/seite:") {
				n = atoi(strings.TrimSuffix(strings.TrimPrefix(p, "/ka/s-chemie/seite:"), "/k0"), 0)
			}
			var b strings.Builder
			b.WriteString(`<ul id="srchrslt-adtable">`)
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				fmt.Fprintf(&b, `<li class="ad-listitem"><article class="aditem" data-adid="%d" data-href="/ka/s-anzeige/%s/%d-242-1234"><div class="aditem-main--top--right"><i class="icon-calendar-open"></i> vor %d Tagen</div><h2 class="text-module-begin"><a class="ellipsis" href="/ka/s-anzeige/%s/%d-242-1234">%s</a></h2></article></li>`, 2900+i, strings.ReplaceAll(strings.ToLower(pr.title), " ", "-"), 2900+i, i+2, strings.ReplaceAll(strings.ToLower(pr.title), " ", "-"), 2900+i, pr.title)
			}
			b.WriteString(`</ul>`)
			if n < 3 {
				fmt.Fprintf(&b, `<div class="pagination"><a class="pagination-next" title="Nächste" href="/ka/s-chemie/seite:%d/k0"></a></div>`, n+1)
			}
			htmlBody(w, b.String())
		case strings.HasPrefix(p, "/ka/s-anzeige/"):
			parts := strings.Split(p, "/")
			id := atoi(strings.SplitN(parts[len(parts)-1], "-", 2)[0], 0) - 2900
			if id < 0 || id >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			pr := v16Products[id]
			htmlBody(w, fmt.Sprintf(`<h1 id="viewad-title">%s</h1><h2 id="viewad-price">%.0f € VB</h2><span id="viewad-locality">10115 Berlin - Mitte</span><div id="viewad-extra-info"><div><i class="icon-calendar-gray-simple"></i><span>Heute, 14:03</span></div></div><p id="viewad-description-text">%s</p><div class="userprofile-vip"><a href="/ka/s-bestandsliste.html?userId=9">%s</a></div>`, pr.title, pr.price, pr.desc, pr.seller))
		// 6. <select> pager.
		case strings.HasPrefix(p, "/sp/shop/"):
			n := atoi(strings.TrimPrefix(p, "/sp/shop/"), 0)
			var b strings.Builder
			b.WriteString(`<form class="pg"><select class="pager" onchange="location=this.value">`)
			for k := 1; k <= 3; k++ {
				sel := ""
				if k == n {
					sel = " selected"
				}
				fmt.Fprintf(&b, `<option value="/sp/shop/%d"%s>Seite %d</option>`, k, sel, k)
			}
			b.WriteString(`</select></form>`)
			htmlBody(w, v17Cards("sp", v16Page(n, 2))+b.String())
		// 7. admin-ajax "Load more".
		case p == "/wpa/wp-admin/admin-ajax.php":
			if q.Get("action") != "load_products" {
				w.Header().Set("Content-Type", "text/html; charset=UTF-8")
				io.WriteString(w, "0")
				return
			}
			n := atoi(q.Get("page"), 1)
			w.Header().Set("Content-Type", "application/json; charset=UTF-8")
			io.WriteString(w, v16JSON(map[string]any{"success": true, "data": map[string]any{"html": v17Cards("wpa", v16Page(n, 2)), "max_num_pages": 3, "found_posts": 5}}))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: fragment-pager
    platform: FragmentPager
    start_urls: ["%[1]s/fp/shop"]
    allow_private_networks: true
    delay: 0s
    next_page: ["a.next"]
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: login-wall
    platform: LoginWall
    start_urls: ["%[1]s/lw/shop?page=1"]
    allow_private_networks: true
    delay: 0s
    next_page: ["a.next"]
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: cf-challenge
    platform: CFChallenge
    start_urls: ["%[1]s/cf/shop"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: cf-challenge-api
    platform: CFChallenge
    kind: json
    start_urls: ["%[1]s/cf/api/items?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: id, title: title}
  - name: rel-tokens
    platform: RelTokens
    start_urls: ["%[1]s/rt/shop/"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: kleinanzeigen
    platform: Kleinanzeigen
    start_urls: ["%[1]s/ka/s-chemie/k0"]
    allow_private_networks: true
    delay: 0s
    follow: ["article.aditem@data-href"]
    next_page: ["a.pagination-next"]
    listing:
      url_pattern: "^/ka/s-anzeige/"
      fields: {title: "#viewad-title", description: "#viewad-description-text", price: "#viewad-price", seller: ".userprofile-vip a", location: "#viewad-locality", posted: "#viewad-extra-info span"}
  - name: select-pager
    platform: SelectPager
    start_urls: ["%[1]s/sp/shop/1"]
    allow_private_networks: true
    delay: 0s
    next_page: ["select.pager option[selected] + option@value"]
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: admin-ajax
    platform: AdminAjax
    start_urls: ["%[1]s/wpa/wp-admin/admin-ajax.php?action=load_products&page=1"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
`, srv.URL))
	price := func(p v16Product) string { return fmt.Sprintf("%.2f EUR", p.price) }
	var wants []shopWant
	for _, prefix := range []string{"fp", "rt", "sp", "wpa"} {
		wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("/%s/p/%d", prefix, i) }, price)...)
	}
	wants = append(wants, v16Wants(func(i int) string {
		return fmt.Sprintf("/ka/s-anzeige/%s/%d-242-1234", strings.ReplaceAll(strings.ToLower(v16Products[i].title), " ", "-"), 2900+i)
	}, func(p v16Product) string { return fmt.Sprintf("%.0f € VB", p.price) })...)
	checkShopListings(t, got, wants)
	if l, ok := got["/ka/s-anzeige/acetone-5-l/2901-242-1234"]; ok {
		// Since round 18 a relative date is stored as the date it
		// names, the phrase kept beside it.
		checkListing(t, "kleinanzeigen", l, map[string]string{"location": "10115 Berlin - Mitte", "attributes.posted.as_written": "Heute, 14:03"})
		if want := l.FetchedAt.UTC().Format("2006-01-02") + "T14:03:00Z"; l.Attributes["posted"] != want {
			t.Errorf("kleinanzeigen: posted %q, want %q", l.Attributes["posted"], want)
		}
	}
	logListingsOnFailure(t, got, out)
	for _, name := range []string{"fragment-pager", "rel-tokens", "kleinanzeigen", "select-pager", "admin-ajax"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	// The login wall from page 3 on and the challenge are failures: not
	// complete, and said so.
	for _, name := range []string{"login-wall", "cf-challenge", "cf-challenge-api"} {
		if c := completeColumn(out, name); c != "no" {
			t.Errorf("%s: complete %q, want no", name, c)
		}
	}
	for _, w := range []string{"kind=login", "a login page instead of the shop's", "(Cloudflare, status 503)", "(Cloudflare, status 403)"} {
		if !strings.Contains(out, w) {
			t.Errorf("crawl output lacks %q", w)
		}
	}
	t.Logf("%s", out)
}

// TestVariety17Recrawl crawls three shops twice into one data directory;
// between the crawls each changes as shops do:
//
//  1. a catalogue whose page 2 answers, with status 200, the shop's
//     maintenance page ("Wartungsarbeiten", no cards, no pager)
//  2. a classifieds board whose ads now send a visitor without a session
//     to the login page (302 → /lg/login?next=…)
//  3. a board whose catalogue is unchanged while its ads answer 200 with
//     a "Just a moment..." page whose only script moves on once solved
//
// The listings behind those pages were not seen, which says nothing about
// whether they are gone: the second run must not be complete, and no
// ticket may be marked removed or made of the maintenance or login page.
func TestVariety17Recrawl(t *testing.T) {
	var round atomic.Int32
	round.Store(1)
	htmlBody := func(w http.ResponseWriter, title, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><html><head><title>%s</title></head><body>%s</body></html>", title, s)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		n2 := round.Load() == 2
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. Maintenance page answered 200.
		case p == "/ml/shop":
			n, _ := strconv.Atoi(q.Get("page"))
			if n2 && n == 2 {
				htmlBody(w, "Wartungsmodus", `<div class="maintenance"><h1>Wartungsarbeiten</h1><p>Unser Shop wird gerade gewartet. Wir sind in Kürze wieder für Sie da.</p></div>`)
				return
			}
			next := ""
			if n < 3 {
				next = fmt.Sprintf(`<a class="next" href="/ml/shop?page=%d">Weiter</a>`, n+1)
			}
			htmlBody(w, "Chemikalien", v17Cards("ml", v16Page(n, 2))+next)
		// 2. Ads behind a login.
		case p == "/lg/shop":
			var b strings.Builder
			for i := range v16Products {
				fmt.Fprintf(&b, `<a class="ad" href="/lg/ad/%d">%s</a> `, i, v16Products[i].title)
			}
			htmlBody(w, "Anzeigen", b.String())
		case strings.HasPrefix(p, "/lg/ad/"):
			i, err := strconv.Atoi(strings.TrimPrefix(p, "/lg/ad/"))
			if err != nil || i < 0 || i >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			if n2 {
				http.Redirect(w, r, "/lg/login?next="+p, http.StatusFound)
				return
			}
			pr := v16Products[i]
			htmlBody(w, pr.title, fmt.Sprintf(`<h1>%s</h1><p class="d">%s</p><span class="price">%.2f EUR</span><span class="s">%s</span>`, pr.title, pr.desc, pr.price, pr.seller))
		case p == "/lg/login":
			htmlBody(w, "Kleinanzeigen", `<h1>Einloggen</h1><p class="d">Bitte melden Sie sich an, um Anzeigen zu sehen und Verkäufer zu kontaktieren.</p><form method="post"><input type="email" name="email"><input type="password" name="password"><button>Einloggen</button></form>`)
		// 3. Ads behind a JavaScript challenge answered 200.
		case p == "/jc/shop":
			var b strings.Builder
			for i := range v16Products {
				fmt.Fprintf(&b, `<a class="ad" href="/jc/ad/%d">%s</a> `, i, v16Products[i].title)
			}
			htmlBody(w, "Anzeigen", b.String())
		case strings.HasPrefix(p, "/jc/ad/"):
			i, err := strconv.Atoi(strings.TrimPrefix(p, "/jc/ad/"))
			if err != nil || i < 0 || i >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			if n2 {
				htmlBody(w, "Just a moment...", `<h1>Checking your browser before accessing the site.</h1><p>This process is automatic. Your browser will redirect to your requested content shortly.</p><script>setTimeout(function(){document.cookie="js_ok=1";location.reload()},5000)</script>`)
				return
			}
			pr := v16Products[i]
			htmlBody(w, pr.title, fmt.Sprintf(`<h1>%s</h1><p class="d">%s</p><span class="price">%.2f EUR</span><span class="s">%s</span>`, pr.title, pr.desc, pr.price, pr.seller))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %[2]s
targets:
  - name: maintenance
    platform: Maintenance
    start_urls: ["%[1]s/ml/shop?page=1"]
    allow_private_networks: true
    delay: 0s
    next_page: ["a.next"]
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: login-ads
    platform: LoginAds
    start_urls: ["%[1]s/lg/shop"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.ad"]
    listing:
      fields: {title: h1, description: p.d, price: span.price, seller: span.s}
  - name: js-challenge
    platform: JSChallenge
    start_urls: ["%[1]s/jc/shop"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.ad"]
    listing:
      fields: {title: h1, description: p.d, price: span.price, seller: span.s}
`, srv.URL, data))
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath)
	if code != 0 {
		t.Fatalf("crawl 1: exit %d\n%s%s", code, stdout, stderr)
	}
	first := listingStatuses(t, data)
	if len(first) != 9 {
		t.Fatalf("after crawl 1: %d tickets %v, want 9\n%s%s", len(first), first, stdout, stderr)
	}
	round.Store(2)
	out := filepath.Join(dir, "listings.jsonl")
	code, stdout, stderr = runCmd(t, nil, "crawl", "--config", cfgPath, "--listings", out)
	if code != 0 {
		t.Fatalf("crawl 2: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, name := range []string{"maintenance", "login-ads", "js-challenge"} {
		if c := completeColumn(stdout, name); c != "no" {
			t.Errorf("crawl 2: %s complete %q, want no", name, c)
		}
	}
	for k, st := range listingStatuses(t, data) {
		if st != "active" {
			t.Errorf("after crawl 2: %s %s, want active", k, st)
		}
	}
	raw, _ := os.ReadFile(out)
	for _, s := range []string{"Wartungsarbeiten", "Einloggen", "Checking your browser"} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("crawl 2 made a listing of the page %q", s)
		}
	}
	for _, w := range []string{"kind=maintenance", "kind=login", "kind=bot-wall"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("crawl 2: stderr lacks %q", w)
		}
	}
	t.Logf("%s%s", stdout, stderr)
}

// TestVariety17Encodings crawls servers that label their answers with a
// Content-Encoding they did not apply, as misconfigured PHP and proxies
// do: "utf-8" (a charset where a coding belongs), "none", and "gzip" on a
// plain body (a header set by hand, or compression turned off behind a
// proxy that kept the header). Browsers show such pages.
func TestVariety17Encodings(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		n, _ := strconv.Atoi(q.Get("page"))
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		case p == "/utf8/api/items":
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Encoding", "UTF-8")
			var items []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("u8-%d", i), "title": pr.title, "body": pr.desc, "price": pr.price, "seller": pr.seller})
			}
			io.WriteString(w, v16JSON(map[string]any{"items": items, "meta": map[string]any{"page": n, "total_pages": 3}}))
		case p == "/none/shop":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Encoding", "none")
			next := ""
			if n < 3 {
				next = fmt.Sprintf(`<a class="next" href="/none/shop?page=%d">next</a>`, n+1)
			}
			io.WriteString(w, "<html><body>"+v17Cards("none", v16Page(n, 2))+next+"</body></html>")
		case p == "/gz/shop":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Vary", "Accept-Encoding")
			next := ""
			if n < 3 {
				next = fmt.Sprintf(`<a class="next" href="/gz/shop?page=%d">next</a>`, n+1)
			}
			io.WriteString(w, "\n<html><body>"+v17Cards("gz", v16Page(n, 2))+next+"</body></html>")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: utf8-coding
    platform: UTF8Coding
    kind: json
    start_urls: ["%[1]s/utf8/api/items?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: id, title: title, description: body, price: price, seller: seller}
  - name: none-coding
    platform: NoneCoding
    start_urls: ["%[1]s/none/shop?page=1"]
    allow_private_networks: true
    delay: 0s
    next_page: ["a.next"]
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
  - name: false-gzip
    platform: FalseGzip
    start_urls: ["%[1]s/gz/shop?page=1"]
    allow_private_networks: true
    delay: 0s
    next_page: ["a.next"]
    listing:
      item: div.card
      fields: {url: "a.t@href", title: a.t, description: p.d, price: span.price, seller: span.s}
`, srv.URL))
	price := func(p v16Product) string { return fmt.Sprintf("%.2f EUR", p.price) }
	var wants []shopWant
	wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("u8-%d", i) }, func(p v16Product) string { return strconv.FormatFloat(p.price, 'f', -1, 64) })...)
	for _, prefix := range []string{"none", "gz"} {
		wants = append(wants, v16Wants(func(i int) string { return fmt.Sprintf("/%s/p/%d", prefix, i) }, price)...)
	}
	checkShopListings(t, got, wants)
	logListingsOnFailure(t, got, out)
	for _, name := range []string{"utf8-coding", "none-coding", "false-gzip"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
}
