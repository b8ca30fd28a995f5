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
	"sync/atomic"
	"testing"
	"time"
)

// v23Atoi is strconv.Atoi with a default for a missing or bad number.
func v23Atoi(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return n
}

// TestVariety23Feeds is round 23's feeds, each configured only from
// docs/CRAWLING.md and run end to end through `precwatch crawl`:
//
//  1. Shopify's Storefront API by POST (Relay edges, pageInfo, price
//     priceRange.minVariantPrice {amount, currencyCode}, vendor)
//  2. BigCommerce's REST catalog (meta.pagination.links.next a query
//     alone, "?limit=2&page=2"), no next_page configured
//  3. Salesforce Commerce Cloud OCAPI product_search (start/count/total,
//     next an absolute URL, no next_page configured)
//  4. VTEX's catalog search: _from/_to, answered 206 Partial Content with
//     a resources: 0-1/5 header, a root array
//  5. Elastic App Search by POST (page {current, size}, meta.page
//     .total_pages, every field {"raw": …})
//  6. Meilisearch's search by GET (offset/limit), estimatedTotalHits an
//     estimate below the real count
//  7. a JSON:API feed paged by page[cursor] in links.next (escaped
//     brackets), no next_page configured
//  8. OpenSearch point-in-time paging by POST (pit.id, search_after the
//     last hit's sort values, pit_id in every answer)
//  9. a root-array feed paged only by a Link header with relative
//     query-only addresses and several rels in one value ("next last")
//  10. a feed whose page 2 answers 429 once with Retry-After as an
//     HTTP-date
//  11. a feed behind HTTP Basic auth given in the start URL
//     (https://user:pass@…), whose next pages are absolute URLs
//  12. a Siren API (entities, links [{"rel": ["next"], "href": …}], the
//     rel a list), start URL naming no page, no next_page configured
//  13. API Platform 4 without the hydra prefix (member, view.next), start
//     URL naming no page, no next_page configured
//  14. Contentful's Sync API (nextPageUrl, nextSyncUrl on the last page),
//     no next_page configured
func TestVariety23Feeds(t *testing.T) {
	jsonBody := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		io.WriteString(w, s)
	}
	var limited atomic.Int32
	var mu sync.Mutex
	pits := map[string]bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. Shopify Storefront GraphQL.
		case p == "/sf/api/2024-10/graphql.json":
			var req struct {
				Query     string         `json:"query"`
				Variables map[string]any `json:"variables"`
			}
			if r.Method != http.MethodPost || r.Header.Get("X-Shopify-Storefront-Access-Token") != "sfat123" || json.NewDecoder(r.Body).Decode(&req) != nil {
				w.WriteHeader(401)
				jsonBody(w, `{"errors":[{"message":"Unauthorized"}]}`)
				return
			}
			off := 0
			if a, ok := req.Variables["after"].(string); ok {
				off = v23Atoi(strings.TrimPrefix(a, "cur:"), -1)
				if off < 0 {
					jsonBody(w, `{"errors":[{"message":"Invalid cursor"}]}`)
					return
				}
			}
			var edges []any
			for _, i := range v19Offset(off) {
				pr := v16Products[i]
				edges = append(edges, map[string]any{"cursor": fmt.Sprintf("cur:%d", i+1), "node": map[string]any{"id": fmt.Sprintf("gid://shopify/Product/%d", 700+i), "title": pr.title, "description": pr.desc, "vendor": pr.seller, "handle": fmt.Sprintf("p-%d", i),
					"priceRange": map[string]any{"minVariantPrice": map[string]any{"amount": fmt.Sprintf("%.1f", pr.price), "currencyCode": "EUR"}}}})
			}
			end := off + len(edges)
			jsonBody(w, v16JSON(map[string]any{"data": map[string]any{"products": map[string]any{"edges": edges, "pageInfo": map[string]any{"hasNextPage": end < len(v16Products), "endCursor": fmt.Sprintf("cur:%d", end)}}}}))
		// 2. BigCommerce.
		case p == "/bc/stores/abc123/v3/catalog/products":
			n, lim := v23Atoi(q.Get("page"), 1), v23Atoi(q.Get("limit"), 50)
			if lim != 2 || r.Header.Get("X-Auth-Token") != "bctok" {
				w.WriteHeader(401)
				return
			}
			var data []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				data = append(data, map[string]any{"id": 110 + i, "name": pr.title, "description": "<p>" + pr.desc + "</p>", "price": pr.price, "brand_name": pr.seller, "sku": fmt.Sprintf("BC-%d", i)})
			}
			links := map[string]any{"current": fmt.Sprintf("?limit=2&page=%d", n)}
			if n < 3 {
				links["next"] = fmt.Sprintf("?limit=2&page=%d", n+1)
			}
			if n > 1 {
				links["previous"] = fmt.Sprintf("?limit=2&page=%d", n-1)
			}
			jsonBody(w, v16JSON(map[string]any{"data": data, "meta": map[string]any{"pagination": map[string]any{"total": 5, "count": len(data), "per_page": 2, "current_page": n, "total_pages": 3, "links": links, "too_many": false}}}))
		// 3. OCAPI.
		case p == "/s/Sites-Chem-Site/dw/shop/v23_2/product_search":
			start, count := v23Atoi(q.Get("start"), 0), v23Atoi(q.Get("count"), 25)
			if q.Get("client_id") != "aaaabbbb" || count != 2 {
				w.WriteHeader(400)
				jsonBody(w, `{"_v":"23.2","fault":{"type":"ClientAccessForbiddenException","message":"Unauthorized"}}`)
				return
			}
			var hits []any
			for _, i := range v19Offset(start) {
				pr := v16Products[i]
				hits = append(hits, map[string]any{"_type": "product_search_hit", "product_id": fmt.Sprintf("OC-%d", i), "product_name": pr.title, "price": pr.price, "currency": "EUR", "c_shortDescription": pr.desc, "c_vendor": pr.seller,
					"link": fmt.Sprintf("http://%s/s/Sites-Chem-Site/dw/shop/v23_2/products/OC-%d", r.Host, i)})
			}
			body := map[string]any{"_v": "23.2", "_type": "product_search_result", "count": len(hits), "hits": hits, "query": "", "start": start, "total": 5}
			if start+2 < 5 {
				body["next"] = fmt.Sprintf("http://%s%s?q=&start=%d&count=2&client_id=aaaabbbb", r.Host, p, start+2)
			}
			if start > 0 {
				body["previous"] = fmt.Sprintf("http://%s%s?q=&start=%d&count=2&client_id=aaaabbbb", r.Host, p, start-2)
			}
			jsonBody(w, v16JSON(body))
		// 4. VTEX: 206 with a resources header.
		case p == "/vt/api/catalog_system/pub/products/search/":
			from, to := v23Atoi(q.Get("_from"), 0), v23Atoi(q.Get("_to"), 9)
			if to-from > 49 || to < from {
				w.WriteHeader(400)
				return
			}
			out := []any{}
			for i := from; i <= to && i < len(v16Products); i++ {
				pr := v16Products[i]
				out = append(out, map[string]any{"productId": fmt.Sprintf("VT-%d", i), "productName": pr.title, "description": pr.desc, "link": fmt.Sprintf("http://%s/vt/p-%d/p", r.Host, i),
					"items": []any{map[string]any{"itemId": fmt.Sprintf("%d", 900+i), "sellers": []any{map[string]any{"sellerId": "1", "sellerName": pr.seller, "commertialOffer": map[string]any{"Price": pr.price, "AvailableQuantity": 10}}}}}})
			}
			last := from + len(out) - 1
			if len(out) == 0 {
				last = from
			}
			w.Header().Set("resources", fmt.Sprintf("%d-%d/%d", from, last, len(v16Products)))
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(http.StatusPartialContent)
			io.WriteString(w, v16JSON(out))
		// 5. Elastic App Search.
		case p == "/eas/api/as/v1/engines/chem/search":
			var req struct {
				Query string `json:"query"`
				Page  struct {
					Current int `json:"current"`
					Size    int `json:"size"`
				} `json:"page"`
			}
			if r.Method != http.MethodPost || r.Header.Get("Authorization") != "Bearer search-abc" || json.NewDecoder(r.Body).Decode(&req) != nil || req.Page.Size != 2 || req.Page.Current < 1 {
				w.WriteHeader(400)
				jsonBody(w, `{"errors":["Page must be greater than or equal to 1"]}`)
				return
			}
			var rs []any
			for _, i := range v16Page(req.Page.Current, 2) {
				pr := v16Products[i]
				rs = append(rs, map[string]any{"id": map[string]any{"raw": fmt.Sprintf("EAS-%d", i)}, "title": map[string]any{"raw": pr.title}, "body": map[string]any{"raw": pr.desc}, "price": map[string]any{"raw": pr.price}, "vendor": map[string]any{"raw": pr.seller}, "_meta": map[string]any{"id": fmt.Sprintf("EAS-%d", i), "engine": "chem", "score": 1}})
			}
			jsonBody(w, v16JSON(map[string]any{"meta": map[string]any{"alerts": []any{}, "warnings": []any{}, "page": map[string]any{"current": req.Page.Current, "total_pages": 3, "total_results": 5, "size": 2}, "engine": map[string]any{"name": "chem", "type": "default"}, "request_id": "6c9f"}, "results": rs}))
		// 6. Meilisearch with a low estimate.
		case p == "/ms/indexes/products/search":
			off, lim := v23Atoi(q.Get("offset"), 0), v23Atoi(q.Get("limit"), 20)
			if lim != 2 {
				w.WriteHeader(400)
				return
			}
			hits := []any{}
			for _, i := range v19Offset(off) {
				hits = append(hits, v20Item("ms", i))
			}
			jsonBody(w, v16JSON(map[string]any{"hits": hits, "query": "", "processingTimeMs": 0, "limit": 2, "offset": off, "estimatedTotalHits": 4}))
		// 7. JSON:API cursor.
		case p == "/ja/api/products":
			off := 0
			if c := q.Get("page[cursor]"); c != "" {
				off = v23Atoi(strings.TrimPrefix(c, "c"), -1)
				if off < 0 {
					w.WriteHeader(400)
					return
				}
			}
			if q.Get("page[size]") != "2" {
				w.WriteHeader(400)
				return
			}
			data := []any{}
			for _, i := range v19Offset(off) {
				pr := v16Products[i]
				data = append(data, map[string]any{"type": "products", "id": fmt.Sprintf("ja-%d", i), "attributes": map[string]any{"title": pr.title, "description": pr.desc, "price": pr.price, "seller": pr.seller}})
			}
			links := map[string]any{"self": "http://" + r.Host + r.URL.RequestURI()}
			if off+2 < len(v16Products) {
				links["next"] = fmt.Sprintf("http://%s/ja/api/products?page%%5Bcursor%%5D=c%d&page%%5Bsize%%5D=2", r.Host, off+2)
			}
			w.Header().Set("Content-Type", "application/vnd.api+json")
			io.WriteString(w, v16JSON(map[string]any{"data": data, "links": links, "meta": map[string]any{"page": map[string]any{"size": 2}}}))
		// 8. OpenSearch point in time.
		case p == "/os/chem/_search/point_in_time":
			w.WriteHeader(405)
		case p == "/os/_search":
			var req struct {
				Size int `json:"size"`
				Pit  struct {
					ID string `json:"id"`
				} `json:"pit"`
				SearchAfter []int `json:"search_after"`
			}
			if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&req) != nil || req.Size != 2 {
				w.WriteHeader(400)
				jsonBody(w, `{"error":{"type":"parsing_exception"},"status":400}`)
				return
			}
			mu.Lock()
			ok := req.Pit.ID == "o463QQEKbWFya2V0" || pits[req.Pit.ID]
			mu.Unlock()
			if !ok {
				w.WriteHeader(404)
				jsonBody(w, `{"error":{"type":"search_context_missing_exception","reason":"No search context found"},"status":404}`)
				return
			}
			off := 0
			if len(req.SearchAfter) == 1 {
				off = req.SearchAfter[0]
			}
			hits := []any{}
			for _, i := range v19Offset(off) {
				pr := v16Products[i]
				hits = append(hits, map[string]any{"_index": "chem", "_id": fmt.Sprintf("os-%d", i), "_score": nil, "_source": map[string]any{"name": pr.title, "text": pr.desc, "price": pr.price, "seller": pr.seller}, "sort": []int{i + 1}})
			}
			// The point in time's id changes as the search goes on;
			// the old one stays valid here.
			next := fmt.Sprintf("o463QQEKbWFya2V0-%d", off+2)
			mu.Lock()
			pits[next] = true
			mu.Unlock()
			jsonBody(w, v16JSON(map[string]any{"pit_id": next, "took": 1, "timed_out": false, "hits": map[string]any{"total": map[string]any{"value": 5, "relation": "eq"}, "max_score": nil, "hits": hits}}))
		// 9. Link header, relative, several rels.
		case p == "/lr/api/items":
			n := v23Atoi(q.Get("page"), 1)
			var links []string
			if n > 1 {
				links = append(links, `<?page=1>; rel="first"`)
				links = append(links, fmt.Sprintf(`<?page=%d>; rel="prev"`, n-1))
			}
			switch n {
			case 1:
				links = append(links, `<?page=2>; rel="next", <?page=3>; rel="last"`)
			case 2:
				links = append(links, `<?page=3>; rel="next last"`)
			}
			if len(links) > 0 {
				w.Header().Set("Link", strings.Join(links, ", "))
			}
			jsonBody(w, v16JSON(v20Items("lr", v16Page(n, 2))))
		// 10. 429 with an HTTP-date.
		case p == "/ra/api/items":
			n := v23Atoi(q.Get("page"), 1)
			if n == 2 && limited.Add(1) == 1 {
				w.Header().Set("Retry-After", time.Now().Add(1500*time.Millisecond).UTC().Format(http.TimeFormat))
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusTooManyRequests)
				io.WriteString(w, `{"error":"rate limited"}`)
				return
			}
			body := map[string]any{"items": v20Items("ra", v16Page(n, 2)), "next": nil}
			if n < 3 {
				body["next"] = fmt.Sprintf("/ra/api/items?page=%d", n+1)
			}
			jsonBody(w, v16JSON(body))
		// 11. Basic auth from the start URL.
		case p == "/ba/api/items":
			u, pw, ok := r.BasicAuth()
			if !ok || u != "feed" || pw != "s3cret-pw" {
				w.Header().Set("WWW-Authenticate", `Basic realm="feeds"`)
				w.WriteHeader(401)
				jsonBody(w, `{"error":"authentication required"}`)
				return
			}
			n := v23Atoi(q.Get("page"), 1)
			body := map[string]any{"items": v20Items("ba", v16Page(n, 2)), "next": nil}
			if n < 3 {
				body["next"] = fmt.Sprintf("http://%s/ba/api/items?page=%d", r.Host, n+1)
			}
			jsonBody(w, v16JSON(body))
		// 12. Siren.
		case p == "/sn/api/products":
			n := v23Atoi(q.Get("page"), 1)
			ents := []any{}
			for _, i := range v16Page(n, 2) {
				ents = append(ents, map[string]any{"class": []string{"product"}, "rel": []string{"item"}, "properties": v20Item("siren", i), "links": []any{map[string]any{"rel": []string{"self"}, "href": fmt.Sprintf("http://%s/sn/api/products/%d", r.Host, i)}}})
			}
			links := []any{map[string]any{"rel": []string{"self"}, "href": fmt.Sprintf("http://%s/sn/api/products?page=%d", r.Host, n)}}
			if n < 3 {
				links = append(links, map[string]any{"rel": []string{"next"}, "href": fmt.Sprintf("http://%s/sn/api/products?page=%d", r.Host, n+1)})
			}
			w.Header().Set("Content-Type", "application/vnd.siren+json")
			io.WriteString(w, v16JSON(map[string]any{"class": []string{"collection", "products"}, "properties": map[string]any{"total": 5}, "entities": ents, "links": links}))
		// 13. API Platform 4, no hydra prefix.
		case p == "/ap/api/products":
			n := v23Atoi(q.Get("page"), 1)
			view := map[string]any{"@id": fmt.Sprintf("/ap/api/products?page=%d", n), "@type": "PartialCollectionView", "first": "/ap/api/products?page=1", "last": "/ap/api/products?page=3"}
			if n < 3 {
				view["next"] = fmt.Sprintf("/ap/api/products?page=%d", n+1)
			}
			if n > 1 {
				view["previous"] = fmt.Sprintf("/ap/api/products?page=%d", n-1)
			}
			w.Header().Set("Content-Type", "application/ld+json; charset=utf-8")
			io.WriteString(w, v16JSON(map[string]any{"@context": "/ap/api/contexts/Product", "@id": "/ap/api/products", "@type": "Collection", "totalItems": 5, "member": v20Items("ap", v16Page(n, 2)), "view": view}))
		// 14. Contentful Sync API.
		case p == "/cs/spaces/chem/environments/master/sync":
			n := 1
			if tok := q.Get("sync_token"); tok != "" {
				n = v23Atoi(strings.TrimPrefix(tok, "w5ZGw6JFwqZmVcKsE8Kow4grw45QdybC"), 0)
				if n < 2 {
					w.WriteHeader(400)
					return
				}
			} else if q.Get("initial") != "true" {
				w.WriteHeader(400)
				return
			}
			items := []any{}
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"sys": map[string]any{"id": fmt.Sprintf("cs-%d", i), "type": "Entry", "contentType": map[string]any{"sys": map[string]any{"id": "product"}}},
					"fields": map[string]any{"title": map[string]any{"de-DE": pr.title}, "description": map[string]any{"de-DE": pr.desc}, "price": map[string]any{"de-DE": pr.price}, "seller": map[string]any{"de-DE": pr.seller}}})
			}
			body := map[string]any{"sys": map[string]any{"type": "Array"}, "items": items}
			if n < 3 {
				body["nextPageUrl"] = fmt.Sprintf("http://%s%s?sync_token=w5ZGw6JFwqZmVcKsE8Kow4grw45QdybC%d", r.Host, p, n+1)
			} else {
				body["nextSyncUrl"] = fmt.Sprintf("http://%s%s?sync_token=w5ZGw6JFwqZmVcKsE8Kow4grw45QdybCsync", r.Host, p)
			}
			jsonBody(w, v16JSON(body))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	feed := func(name, start, extra, spec string) string {
		return fmt.Sprintf(`  - name: %s
    platform: %s
    kind: json
    start_urls: ["%s"]
    allow_private_networks: true
    delay: 0s
%s    json:
%s`, name, strings.ToUpper(name[:1])+strings.ReplaceAll(name[1:], "-", ""), start, extra, spec)
	}
	u := srv.URL
	std := "      fields: {id: id, title: title, description: description, price: price, seller: seller}\n"
	cfg := "data_dir: DATA\ntargets:\n" +
		feed("shopify-storefront", u+"/sf/api/2024-10/graphql.json", "    headers: {X-Shopify-Storefront-Access-Token: sfat123}\n", `      method: POST
      body: '{"query": "query($after: String) { products(first: 2, after: $after) { edges { cursor node { id title description vendor priceRange { minVariantPrice { amount currencyCode } } } } pageInfo { hasNextPage endCursor } } }", "variables": {"after": ${cursor}}}'
      items: data.products.edges[*].node
      next_page: data.products.pageInfo.endCursor
      fields: {id: id, title: title, description: description, price: priceRange.minVariantPrice, seller: vendor}
`) +
		feed("bigcommerce", u+"/bc/stores/abc123/v3/catalog/products?limit=2&page=1", "    headers: {X-Auth-Token: bctok}\n", "      items: data\n      fields: {id: sku, title: name, description: description, price: price, seller: brand_name}\n") +
		feed("ocapi", u+"/s/Sites-Chem-Site/dw/shop/v23_2/product_search?q=&start=0&count=2&client_id=aaaabbbb", "", "      items: hits\n      fields: {id: product_id, title: product_name, description: c_shortDescription, price: price, seller: c_vendor}\n") +
		feed("vtex-206", u+"/vt/api/catalog_system/pub/products/search/?_from=0&_to=1", "", `      items: "."
      fields: {id: productId, title: productName, description: description, price: "items[0].sellers[0].commertialOffer.Price", seller: "items[0].sellers[0].sellerName"}
`) +
		feed("elastic-app-search", u+"/eas/api/as/v1/engines/chem/search", "    headers: {Authorization: \"Bearer search-abc\"}\n", `      method: POST
      body: '{"query": "", "page": {"current": ${page}, "size": 2}}'
      items: results
      fields: {id: id.raw, title: title.raw, description: body.raw, price: price.raw, seller: vendor.raw}
`) +
		feed("meilisearch-estimate", u+"/ms/indexes/products/search?q=&offset=0&limit=2", "", "      items: hits\n"+std) +
		feed("jsonapi-cursor", u+"/ja/api/products?page[size]=2", "", "      items: data\n      fields: {id: id, title: attributes.title, description: attributes.description, price: attributes.price, seller: attributes.seller}\n") +
		feed("opensearch-pit", u+"/os/_search", "", `      method: POST
      body: '{"size": 2, "pit": {"id": "o463QQEKbWFya2V0", "keep_alive": "1m"}, "sort": [{"_shard_doc": "asc"}], "search_after": ${cursor}}'
      items: hits.hits
      next_page: hits.hits[-1].sort
      fields: {id: _id, title: _source.name, description: _source.text, price: _source.price, seller: _source.seller}
`) +
		feed("link-header-rels", u+"/lr/api/items", "", "      items: \".\"\n"+std) +
		feed("retry-after-date", u+"/ra/api/items?page=1", "", "      items: items\n"+std) +
		feed("basic-auth-url", strings.Replace(u, "http://", "http://feed:s3cret-pw@", 1)+"/ba/api/items?page=1", "", "      items: items\n"+std) +
		feed("siren", u+"/sn/api/products", "", "      items: entities\n      fields: {id: properties.id, title: properties.title, description: properties.description, price: properties.price, seller: properties.seller}\n") +
		feed("api-platform-4", u+"/ap/api/products", "", "      items: member\n"+std) +
		feed("contentful-sync", u+"/cs/spaces/chem/environments/master/sync?initial=true", "    headers: {Authorization: \"Bearer cda-token\"}\n", `      items: items
      fields: {id: sys.id, title: fields.title.de-DE, description: fields.description.de-DE, price: fields.price.de-DE, seller: fields.seller.de-DE}
`)
	got, _, out := crawl4(t, nil, cfg)
	defer logListingsOnFailure(t, got, out)
	num := func(p float64) string { return strconv.FormatFloat(p, 'f', -1, 64) }
	var wants []shopWant
	for i, pr := range v16Products {
		for _, k := range []string{"ms", "lr", "ra", "ba", "siren", "ap"} {
			wants = append(wants, shopWant{fmt.Sprintf("%s-%d", k, i), pr.title, num(pr.price), pr.desc, pr.seller})
		}
		wants = append(wants,
			shopWant{fmt.Sprintf("/Product/%d", 700+i), pr.title, fmt.Sprintf("%.1f EUR", pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("BC-%d", i), pr.title, num(pr.price), "", pr.seller},
			shopWant{fmt.Sprintf("OC-%d", i), pr.title, num(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("VT-%d", i), pr.title, num(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("EAS-%d", i), pr.title, num(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("ja-%d", i), pr.title, num(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("os-%d", i), pr.title, num(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("cs-%d", i), pr.title, num(pr.price), pr.desc, pr.seller},
		)
	}
	checkShopListings(t, got, wants)
	for k, l := range got {
		if strings.Contains(l.URL, "s3cret-pw") || strings.Contains(k, "s3cret-pw") {
			t.Errorf("%s: the start URL's password in the listing's URL %q", k, l.URL)
		}
	}
	for _, name := range []string{"shopify-storefront", "bigcommerce", "ocapi", "vtex-206", "elastic-app-search", "meilisearch-estimate", "jsonapi-cursor", "opensearch-pit", "link-header-rels", "retry-after-date", "basic-auth-url", "siren", "api-platform-4", "contentful-sync"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	if strings.Contains(out, "s3cret-pw") {
		t.Errorf("the start URL's password in crawl's output")
	}
}

// v23Latin9 encodes s in ISO-8859-15, whose € is 0xA4.
func v23Latin9(s string) []byte {
	var b []byte
	for _, r := range s {
		switch {
		case r == '€':
			b = append(b, 0xa4)
		case r <= 0xff:
			b = append(b, byte(r))
		default:
			b = append(b, '?')
		}
	}
	return b
}

// TestVariety23Shops is round 23's html shops and XML feeds, configured
// the same way:
//
//  1. an entry page moving on by <meta http-equiv="refresh"
//     content="0; URL='/mr/katalog?page=1'"> (the address in quotes)
//  2. a catalogue paged only by a Link header with relative query-only
//     addresses and several rels in one value (rel="next last")
//  3. a catalogue whose page 2 answers 503 once with Retry-After as an
//     HTTP-date
//  4. an RSS 2.0 feed of offers paged by <atom:link rel="next"> (RFC 5005)
//  5. an Atom feed of offers paged by <link rel="next"> (RFC 5005)
//  6. search results whose start URL holds the search's id (?sid=…),
//     copied from the browser
//  7. cards in ISO-8859-15 declared in a <meta>, prices "120,00 €"
//  8. a catalogue behind HTTP Basic auth given in the start URL
//     (http://user:pass@…), with relative links
//  9. the same behind HTTP Basic auth given as an Authorization header
//  10. an XML export in ISO-8859-15 declared only in its <?xml?> prolog,
//     served as application/xml without a charset ("120,00 €")
//  11. a catalogue served as application/octet-stream (a misconfigured
//     PHP handler), its product pages as text/html
//  12. BigCommerce's sitemap index (xmlsitemap.php), its product sitemaps
//     paged by ?type=products&amp;page=N
//  13. a Rails shop whose grid is a lazy Turbo Frame (<turbo-frame
//     src="/tf/shop/products?page=1" loading="lazy">), paged inside it
//  14. a shop whose grid htmx loads on page load (<div hx-get="/hx/grid"
//     hx-trigger="load">), paged by an infinite-scroll sentinel
//     (hx-trigger="revealed")
func TestVariety23Shops(t *testing.T) {
	html := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, s)
	}
	page := func(title, body string) string {
		return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `</title></head><body><h1>` + title + `</h1>` + body + `</body></html>`
	}
	var unavailable atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		n := v23Atoi(q.Get("page"), 1)
		next := func(href string) string {
			if n >= 3 {
				return ""
			}
			return fmt.Sprintf(`<a class="next" href="%s">Weiter</a>`, href)
		}
		if strings.HasPrefix(p, "/ba") {
			u, pw, ok := r.BasicAuth()
			if !ok || u != "shop" || pw != "s3cret-pw" {
				w.Header().Set("WWW-Authenticate", `Basic realm="Partnerbereich"`)
				w.WriteHeader(401)
				io.WriteString(w, "401 Authorization Required")
				return
			}
		}
		if i := strings.LastIndex(p, "/p/"); i >= 0 && p != "/robots.txt" {
			k, err := strconv.Atoi(p[i+3:])
			if err != nil || k < 0 || k >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			html(w, v20Detail(k))
			return
		}
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. Meta refresh with the address in quotes.
		case p == "/mr/":
			html(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; URL='/mr/katalog?page=1'"><title>Chemiehandel</title></head><body><p>Sie werden weitergeleitet …</p></body></html>`)
		case p == "/mr/katalog":
			html(w, page("Katalog", v22Cards("/mr/p/", v16Page(n, 2))+next(fmt.Sprintf("/mr/katalog?page=%d", n+1))))
		// 2. Link header with several rels.
		case p == "/lh/shop":
			switch n {
			case 1:
				w.Header().Set("Link", `<?page=2>; rel="next", <?page=3>; rel="last"`)
			case 2:
				w.Header().Set("Link", `<?page=1>; rel="prev first", <?page=3>; rel="next last"`)
			case 3:
				w.Header().Set("Link", `<?page=2>; rel="prev", <?page=1>; rel="first"`)
			}
			html(w, page("Katalog", v22Cards("/lh/p/", v16Page(n, 2))))
		// 3. 503 with an HTTP-date.
		case p == "/ra/shop":
			if n == 2 && unavailable.Add(1) == 1 {
				w.Header().Set("Retry-After", time.Now().Add(1500*time.Millisecond).UTC().Format(http.TimeFormat))
				w.WriteHeader(http.StatusServiceUnavailable)
				io.WriteString(w, page("Wartung", "<p>Gleich wieder da.</p>"))
				return
			}
			html(w, page("Katalog", v22Cards("/ra/p/", v16Page(n, 2))+next(fmt.Sprintf("/ra/shop?page=%d", n+1))))
		// 4. RSS with atom:link rel=next.
		case p == "/rss/feed.xml":
			var b strings.Builder
			fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Neue Angebote</title><link>http://%[1]s/rss/</link><description>Angebote</description>
<atom:link href="http://%[1]s/rss/feed.xml?page=%[2]d" rel="self" type="application/rss+xml"/>
`, r.Host, n)
			if n < 3 {
				fmt.Fprintf(&b, `<atom:link href="http://%s/rss/feed.xml?page=%d" rel="next" type="application/rss+xml"/>`+"\n", r.Host, n+1)
			}
			if n > 1 {
				fmt.Fprintf(&b, `<atom:link href="http://%s/rss/feed.xml?page=%d" rel="previous" type="application/rss+xml"/>`+"\n", r.Host, n-1)
			}
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				fmt.Fprintf(&b, "<item><guid isPermaLink=\"false\">RSS-%d</guid><title>%s</title><link>http://%s/rss/angebot/%d</link><description>%s</description><g:price>%.2f EUR</g:price><dc:creator>%s</dc:creator></item>\n", i, pr.title, r.Host, i, pr.desc, pr.price, pr.seller)
			}
			b.WriteString("</channel></rss>\n")
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			io.WriteString(w, b.String())
		// 5. Atom with link rel=next.
		case p == "/atom/feed":
			var b strings.Builder
			fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Angebote</title><id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id><updated>2026-11-30T06:00:00Z</updated>
<link rel="self" href="/atom/feed?page=%d"/>
`, n)
			if n < 3 {
				fmt.Fprintf(&b, `<link rel="next" href="/atom/feed?page=%d"/>`+"\n", n+1)
			}
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				fmt.Fprintf(&b, "<entry><id>urn:offer:%d</id><title>%s</title><link rel=\"alternate\" type=\"text/html\" href=\"/atom/angebot/%d\"/><updated>2026-11-29T10:00:00Z</updated><summary>%s</summary><author><name>%s</name></author><content type=\"text\">%.2f EUR</content></entry>\n", i, pr.title, i, pr.desc, pr.seller, pr.price)
			}
			b.WriteString("</feed>\n")
			w.Header().Set("Content-Type", "application/atom+xml")
			io.WriteString(w, b.String())
		// 6. A search id in the start URL.
		case p == "/sid/ergebnis":
			if q.Get("sid") != "a1b2c3d4e5f6" {
				html(w, page("Suchergebnis", `<p class="notice">Ihre Suchanfrage ist abgelaufen. Bitte suchen Sie erneut.</p><a href="/sid/suche">Zur Suche</a>`))
				return
			}
			html(w, page("Suchergebnis", v22Cards("/sid/p/", v16Page(n, 2))+next(fmt.Sprintf("/sid/ergebnis?sid=a1b2c3d4e5f6&amp;page=%d", n+1))))
		// 7. ISO-8859-15.
		case p == "/l9/angebote.php":
			var b strings.Builder
			b.WriteString(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><title>Angebote</title></head><body>`)
			for i, pr := range v16Products {
				fmt.Fprintf(&b, `<div class="angebot" data-id="L9-%d"><h2>%s</h2><p class="text">%s</p><span class="preis">%s €</span><span class="haendler">%s</span></div>`, i, pr.title, pr.desc, v22Price(pr.price), pr.seller)
			}
			b.WriteString(`</body></html>`)
			w.Header().Set("Content-Type", "text/html")
			w.Write(v23Latin9(b.String()))
		// 10. XML declaring ISO-8859-15 in its prolog only.
		case p == "/x9/export.xml":
			var b strings.Builder
			b.WriteString(`<?xml version="1.0" encoding="ISO-8859-15"?>` + "\n<artikelliste>\n")
			for i, pr := range v16Products {
				fmt.Fprintf(&b, "<artikel nr=\"X9-%d\"><bezeichnung>%s</bezeichnung><text>%s</text><preis>%s €</preis><händler>%s</händler></artikel>\n", i, pr.title, pr.desc, v22Price(pr.price), pr.seller)
			}
			b.WriteString("</artikelliste>\n")
			w.Header().Set("Content-Type", "application/xml")
			w.Write(v23Latin9(b.String()))
		// 11. HTML as application/octet-stream.
		case p == "/os/katalog.php":
			w.Header().Set("Content-Type", "application/octet-stream")
			io.WriteString(w, page("Katalog", v22Cards("/os/p/", v16Page(n, 2))+next(fmt.Sprintf("/os/katalog.php?page=%d", n+1))))
		// 12. BigCommerce sitemaps.
		case p == "/bcs/xmlsitemap.php":
			w.Header().Set("Content-Type", "application/xml; charset=utf-8")
			if q.Get("type") == "" {
				fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>http://%[1]s/bcs/xmlsitemap.php?type=products&amp;page=1</loc></sitemap><sitemap><loc>http://%[1]s/bcs/xmlsitemap.php?type=products&amp;page=2</loc></sitemap><sitemap><loc>http://%[1]s/bcs/xmlsitemap.php?type=pages&amp;page=1</loc></sitemap></sitemapindex>`, r.Host)
				return
			}
			var b strings.Builder
			b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
			if q.Get("type") == "products" {
				for _, i := range v16Page(n, 3) {
					fmt.Fprintf(&b, `<url><loc>http://%s/bcs/p/%d</loc><lastmod>2026-11-29</lastmod></url>`, r.Host, i)
				}
			} else {
				fmt.Fprintf(&b, `<url><loc>http://%s/bcs/shipping-returns/</loc></url>`, r.Host)
			}
			b.WriteString(`</urlset>`)
			io.WriteString(w, b.String())
		// 13. A lazy Turbo Frame.
		case p == "/tf/shop":
			html(w, page("Katalog", `<turbo-frame id="products" src="/tf/shop/products?page=1" loading="lazy"><p class="loading">Produkte werden geladen …</p></turbo-frame>`))
		case p == "/tf/shop/products":
			nx := ""
			if n < 3 {
				nx = fmt.Sprintf(`<a class="next" href="/tf/shop/products?page=%d" data-turbo-frame="products">Weiter</a>`, n+1)
			}
			html(w, `<html><head></head><body><turbo-frame id="products">`+v22Cards("/tf/p/", v16Page(n, 2))+nx+`</turbo-frame></body></html>`)
		// 14. htmx grid loaded on load.
		case p == "/hx/shop":
			html(w, page("Katalog", `<div id="grid" hx-get="/hx/grid?page=1" hx-trigger="load" hx-swap="outerHTML"><span class="htmx-indicator">Lade …</span></div>`))
		case p == "/hx/grid":
			nx := ""
			if n < 3 {
				nx = fmt.Sprintf(`<div class="sentinel" hx-get="/hx/grid?page=%d" hx-trigger="revealed" hx-swap="outerHTML"></div>`, n+1)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, v22Cards("/hx/p/", v16Page(n, 2))+nx)
		// 8, 9. Basic auth.
		case p == "/ba/shop", p == "/bah/shop":
			html(w, page("Partnerkatalog", v22Cards("p/", v16Page(n, 2))+next(fmt.Sprintf("shop?page=%d", n+1))))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	target := func(name, start, pattern, extra string) string {
		s := fmt.Sprintf(`  - name: %s
    platform: %s
    start_urls: ["%s"]
    allow_private_networks: true
    delay: 0s
%s    listing:
`, name, strings.ToUpper(name[:1])+strings.ReplaceAll(name[1:], "-", ""), start, extra)
		if pattern != "" {
			s += fmt.Sprintf("      url_pattern: '%s'\n", pattern)
		}
		return s + "      fields: {title: h1, description: .desc, price: .price, seller: .seller}\n"
	}
	u := srv.URL
	next := "    follow: [\"a.product-link\"]\n    next_page: [\"a.next\"]\n"
	feed := func(name, start, fields string) string {
		return fmt.Sprintf(`  - name: %s
    platform: %s
    start_urls: ["%s"]
    allow_private_networks: true
    delay: 0s
    listing:
%s`, name, strings.ToUpper(name[:1])+strings.ReplaceAll(name[1:], "-", ""), start, fields)
	}
	cfg := "data_dir: DATA\ntargets:\n" +
		target("meta-refresh-quoted", u+"/mr/", `^/mr/p/\d+$`, next) +
		target("link-header-html", u+"/lh/shop", `^/lh/p/\d+$`, "    follow: [\"a.product-link\"]\n") +
		target("retry-after-503", u+"/ra/shop", `^/ra/p/\d+$`, next) +
		feed("rss-atom-next", u+"/rss/feed.xml", "      item: item\n      fields: {id: guid, url: link, title: title, description: description, price: \"g\\\\:price\", seller: creator}\n") +
		feed("atom-next", u+"/atom/feed", "      item: entry\n      fields: {id: id, url: \"link[rel=alternate]@href\", title: title, description: summary, price: content, seller: author name}\n") +
		target("sid-start", u+"/sid/ergebnis?sid=a1b2c3d4e5f6", `^/sid/p/\d+$`, next) +
		feed("latin9-cards", u+"/l9/angebote.php", "      item: div.angebot\n      fields: {id: \"@data-id\", title: h2, description: p.text, price: span.preis, seller: span.haendler}\n") +
		target("basic-auth-url-html", strings.Replace(u, "http://", "http://shop:s3cret-pw@", 1)+"/ba/shop", `^/ba/p/\d+$`, next) +
		feed("xml-latin9-prolog", u+"/x9/export.xml", "      item: artikel\n      fields: {id: \"@nr\", title: bezeichnung, description: text, price: preis, seller: händler}\n") +
		target("octet-stream-html", u+"/os/katalog.php", `^/os/p/\d+$`, next) +
		target("bigcommerce-sitemap", u+"/bcs/xmlsitemap.php", `^/bcs/p/\d+$`, "    follow: [\"loc\"]\n") +
		target("turbo-frame-lazy", u+"/tf/shop", `^/tf/p/\d+$`, next) +
		target("htmx-grid", u+"/hx/shop", `^/hx/p/\d+$`, "    follow: [\"a.product-link\"]\n    next_page: [\"div.sentinel@hx-get\"]\n") +
		target("basic-auth-header", u+"/bah/shop", `^/bah/p/\d+$`, next+"    headers: {Authorization: \"Basic c2hvcDpzM2NyZXQtcHc=\"}\n")
	got, _, out := crawl4(t, nil, cfg)
	defer logListingsOnFailure(t, got, out)
	var wants []shopWant
	for i, pr := range v16Products {
		price := fmt.Sprintf("%.2f EUR", pr.price)
		for _, k := range []string{"/mr/p/%d", "/lh/p/%d", "/ra/p/%d", "/sid/p/%d", "/ba/p/%d", "/bah/p/%d", "/os/p/%d", "/bcs/p/%d", "/tf/p/%d", "/hx/p/%d"} {
			wants = append(wants, shopWant{fmt.Sprintf(k, i), pr.title, price, pr.desc, pr.seller})
		}
		wants = append(wants,
			shopWant{fmt.Sprintf("RSS-%d", i), pr.title, price, pr.desc, pr.seller},
			shopWant{fmt.Sprintf("urn:offer:%d", i), pr.title, price, pr.desc, pr.seller},
			shopWant{fmt.Sprintf("L9-%d", i), pr.title, v22Price(pr.price) + " €", pr.desc, pr.seller},
			shopWant{fmt.Sprintf("X9-%d", i), pr.title, v22Price(pr.price) + " €", pr.desc, pr.seller},
		)
	}
	for k, l := range got {
		if strings.Contains(l.URL, "s3cret-pw") || strings.Contains(k, "s3cret-pw") {
			t.Errorf("%s: the start URL's password in the listing's URL %q", k, l.URL)
		}
		// Relative links keep the start URL's userinfo, which the
		// listing's URL shows masked (README, "Secrets").
		if _, rest, ok := strings.Cut(k, "<redacted>@"); ok {
			if i := strings.IndexByte(rest, '/'); i >= 0 {
				got[rest[i:]] = l
			}
		}
	}
	checkShopListings(t, got, wants)
	if strings.Contains(out, "s3cret-pw") {
		t.Errorf("the start URL's password in crawl's output")
	}
	for _, name := range []string{"meta-refresh-quoted", "link-header-html", "retry-after-503", "rss-atom-next", "atom-next", "sid-start", "latin9-cards", "basic-auth-url-html", "basic-auth-header", "xml-latin9-prolog", "octet-stream-html", "bigcommerce-sitemap", "turbo-frame-lazy", "htmx-grid"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
}
