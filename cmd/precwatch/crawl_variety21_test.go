package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// v21Snowflake is product i's 64-bit id in the snowflake feed: above 2^53,
// where neighbouring ids are the same float64.
func v21Snowflake(i int) uint64 { return 1462547281512345601 + uint64(i) }

// TestVariety21Feeds is round 21's feeds, each configured only from
// docs/CRAWLING.md and run end to end through `precwatch crawl`:
//
//  1. a JSON Feed 1.1 (jsonfeed.org: items, content_text, paged by
//     next_url), the start URL naming no page
//  2. eBay's Finding API in JSON: every value wrapped in a one-element
//     array, the price {"@currencyId": "USD", "__value__": "120.0"}, paged
//     by paginationInput.pageNumber in a GET template
//  3. Lazada's Open Platform answering page 2 with status 200 and
//     {"code": "ApiCallLimit", "type": "ISP", "message": …}
//  4. JD Union's goods query: the result a JSON string (queryResult)
//     whose own code says the call failed on page 2
//  5. a feed whose ids are 64-bit snowflakes written as JSON numbers
//  6. json-server 1.0 (?_page=1&_per_page=2, {"first", "prev", "next",
//     "last", "pages", "items", "data"})
//  7. Airtable's list records: the next page's token under "offset"
//     (itrXXX/recXXX, a slash inside), sent back as ?offset=
//  8. Wallapop's search: the next request's query string only in the
//     X-NextPage response header
//  9. Azure Cosmos DB's REST API: the continuation only in the
//     x-ms-continuation response header, sent back as a request header
//  10. SAP Gateway OData v2 JSON (d.results, d.__next relative and without
//     $format=json, which the service answers as Atom then)
//  11. a SOAP service answering page 2 with status 200 and a soap:Fault
//  12. Spring Data REST's HAL links as older versions write them: next a
//     URI template, "…?page=1&size=2{&sort}" with "templated": true
func TestVariety21Feeds(t *testing.T) {
	jsonBody := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		io.WriteString(w, s)
	}
	atoi := func(s string, def int) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			return def
		}
		return n
	}
	item := func(pre string, i int, extra map[string]any) map[string]any {
		m := v20Item(pre, i)
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. JSON Feed.
		case p == "/jf/feed.json":
			n := atoi(q.Get("page"), 1)
			items := []any{}
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("jf-%d", i), "url": fmt.Sprintf("http://%s/jf/p/%d", r.Host, i), "title": pr.title, "content_text": pr.desc, "_shop": map[string]any{"price": pr.price, "seller": pr.seller}})
			}
			feed := map[string]any{"version": "https://jsonfeed.org/version/1.1", "title": "Chem shop", "home_page_url": "http://" + r.Host + "/jf/", "feed_url": "http://" + r.Host + "/jf/feed.json", "items": items}
			if n < 3 {
				feed["next_url"] = fmt.Sprintf("http://%s/jf/feed.json?page=%d", r.Host, n+1)
			}
			w.Header().Set("Content-Type", "application/feed+json")
			io.WriteString(w, v16JSON(feed))
		// 2. eBay Finding API.
		case p == "/ebay/services/search/FindingService/v1":
			if q.Get("OPERATION-NAME") != "findItemsAdvanced" || q.Get("paginationInput.entriesPerPage") != "2" {
				jsonBody(w, `{"errorMessage":[{"error":[{"errorId":["2"],"message":["Unsupported API call."]}]}]}`)
				return
			}
			n := atoi(q.Get("paginationInput.pageNumber"), 1)
			sr := map[string]any{"@count": "0"}
			var items []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"itemId": []string{strconv.Itoa(1100 + i)}, "title": []string{pr.title}, "subtitle": []string{pr.desc},
					"viewItemURL":   []string{fmt.Sprintf("http://%s/ebay/itm/%d", r.Host, 1100+i)},
					"sellerInfo":    []any{map[string]any{"sellerUserName": []string{pr.seller}, "feedbackScore": []string{"12"}}},
					"sellingStatus": []any{map[string]any{"currentPrice": []any{map[string]any{"@currencyId": "USD", "__value__": strconv.FormatFloat(pr.price, 'f', 1, 64)}}, "sellingState": []string{"Active"}}}})
			}
			if items != nil {
				sr = map[string]any{"@count": strconv.Itoa(len(items)), "item": items}
			}
			jsonBody(w, v16JSON(map[string]any{"findItemsAdvancedResponse": []any{map[string]any{"ack": []string{"Success"}, "version": []string{"1.13.0"}, "timestamp": []string{"2026-11-30T04:00:00.000Z"},
				"searchResult":     []any{sr},
				"paginationOutput": []any{map[string]any{"pageNumber": []string{strconv.Itoa(n)}, "entriesPerPage": []string{"2"}, "totalPages": []string{"3"}, "totalEntries": []string{"5"}}}}}}))
		// 3. Lazada.
		case p == "/lz/rest/products/get":
			off := atoi(q.Get("offset"), 0)
			if off >= 2 {
				jsonBody(w, `{"code":"ApiCallLimit","type":"ISP","message":"The request has exceeded the max limit for this API, please try after 1 seconds","request_id":"0ba2887315178178017221014"}`)
				return
			}
			var ps []any
			for _, i := range v19Offset(off) {
				ps = append(ps, item("lz", i, nil))
			}
			jsonBody(w, v16JSON(map[string]any{"code": "0", "data": map[string]any{"total_products": 5, "products": ps}, "request_id": "0ba2887315178178017221014"}))
		// 4. JD Union.
		case p == "/jd/routerjson":
			n := atoi(q.Get("page"), 1)
			inner := v16JSON(map[string]any{"code": 200, "message": "success", "totalCount": 5, "data": v20Items("jd", v16Page(n, 2))})
			if n == 2 {
				inner = `{"code":411,"message":"调用太频繁，请稍后再试","requestId":"o_0b7d5b2f_l3x8"}`
			}
			jsonBody(w, v16JSON(map[string]any{"jd_union_open_goods_query_responce": map[string]any{"code": "0", "queryResult": inner}}))
		// 5. Snowflake ids.
		case p == "/sf/api/v1/listings":
			n := atoi(q.Get("page"), 1)
			ls := []any{}
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				ls = append(ls, map[string]any{"id": v21Snowflake(i), "title": pr.title, "description": pr.desc, "price": pr.price, "seller": pr.seller})
			}
			jsonBody(w, v16JSON(map[string]any{"listings": ls, "page": n, "total_pages": 3}))
		// 6. json-server 1.0.
		case p == "/js/products":
			n, per := atoi(q.Get("_page"), 1), atoi(q.Get("_per_page"), 10)
			if per != 2 {
				jsonBody(w, v16JSON(map[string]any{"first": 1, "prev": nil, "next": nil, "last": 1, "pages": 1, "items": 5, "data": v20Items("js", []int{0, 1, 2, 3, 4})}))
				return
			}
			body := map[string]any{"first": 1, "prev": nil, "next": nil, "last": 3, "pages": 3, "items": 5, "data": v20Items("js", v16Page(n, 2))}
			if n > 1 {
				body["prev"] = n - 1
			}
			if n < 3 {
				body["next"] = n + 1
			}
			jsonBody(w, v16JSON(body))
		// 7. Airtable.
		case p == "/at/v0/appQ3xZ/Products":
			if q.Get("pageSize") != "2" {
				w.WriteHeader(422)
				jsonBody(w, `{"error":{"type":"INVALID_REQUEST_UNKNOWN","message":"Invalid request: parameter validation failed."}}`)
				return
			}
			off := 0
			if o, ok := q["offset"]; ok {
				switch o[0] {
				case "itr8Yd2wQ/recB2":
					off = 2
				case "itr8Yd2wQ/recD4":
					off = 4
				default:
					w.WriteHeader(422)
					jsonBody(w, `{"error":{"type":"LIST_RECORDS_ITERATOR_NOT_AVAILABLE"}}`)
					return
				}
			}
			recs := []any{}
			for _, i := range v19Offset(off) {
				pr := v16Products[i]
				recs = append(recs, map[string]any{"id": fmt.Sprintf("rec%c%d", 'A'+i, i), "createdTime": "2026-11-01T10:00:00.000Z", "fields": map[string]any{"Name": pr.title, "Notes": pr.desc, "Price": pr.price, "Seller": pr.seller}})
			}
			body := map[string]any{"records": recs}
			if off+2 < len(v16Products) {
				body["offset"] = fmt.Sprintf("itr8Yd2wQ/rec%c%d", 'A'+off+1, off+2)
			}
			jsonBody(w, v16JSON(body))
		// 8. Wallapop.
		case p == "/wp/api/v3/general/search":
			if q.Get("keywords") != "quimica" {
				w.WriteHeader(400)
				return
			}
			start := atoi(q.Get("start"), 0)
			if start > 0 && q.Get("search_id") != "b6f3c1" {
				w.WriteHeader(400)
				return
			}
			objs := []any{}
			for _, i := range v19Offset(start) {
				objs = append(objs, item("wp", i, nil))
			}
			if start+2 < len(v16Products) {
				w.Header().Set("X-NextPage", fmt.Sprintf("search_id=b6f3c1&keywords=quimica&latitude=40.41&longitude=-3.70&start=%d&step=1", start+2))
			}
			jsonBody(w, v16JSON(map[string]any{"search_objects": objs, "from_cache": false}))
		// 9. Cosmos DB.
		case p == "/cosmos/dbs/shop/colls/products/docs":
			if r.Header.Get("x-ms-max-item-count") != "2" || !strings.HasPrefix(r.Header.Get("Authorization"), "type%3Dresource") {
				w.WriteHeader(401)
				jsonBody(w, `{"code":"Unauthorized","message":"The input authorization token can't serve the request."}`)
				return
			}
			off := 0
			if c := r.Header.Get("x-ms-continuation"); c != "" {
				off = -1
				for _, k := range []int{2, 4} {
					if c == fmt.Sprintf(`{"token":"+RID:~Tq8AAK%d#RT:%d#TRC:%d","range":{"min":"","max":"FF"}}`, k, k/2, k) {
						off = k
					}
				}
				if off < 0 {
					w.WriteHeader(400)
					jsonBody(w, `{"code":"BadRequest","message":"Invalid Continuation Token"}`)
					return
				}
			}
			docs := []any{}
			for _, i := range v19Offset(off) {
				docs = append(docs, item("cos", i, map[string]any{"_rid": "Tq8AAK", "_etag": `"0000d986-0000-0d00-0000-5f1c1a6b0000"`}))
			}
			if off+2 < len(v16Products) {
				w.Header().Set("x-ms-continuation", fmt.Sprintf(`{"token":"+RID:~Tq8AAK%d#RT:%d#TRC:%d","range":{"min":"","max":"FF"}}`, off+2, (off+2)/2, off+2))
			}
			w.Header().Set("x-ms-item-count", strconv.Itoa(len(docs)))
			w.Header().Set("x-ms-request-charge", "2.9")
			jsonBody(w, v16JSON(map[string]any{"_rid": "Tq8AAK", "Documents": docs, "_count": len(docs)}))
		// 10. SAP Gateway OData v2.
		case p == "/sap/opu/odata/sap/ZPRODUCTS_SRV/Products":
			off := 0
			if s := q.Get("$skiptoken"); s != "" {
				off = atoi(strings.Trim(s, "'"), -1)
			}
			if q.Get("$format") != "json" {
				w.Header().Set("Content-Type", "application/atom+xml;type=feed; charset=utf-8")
				var b strings.Builder
				fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><feed xml:base="http://%s/sap/opu/odata/sap/ZPRODUCTS_SRV/" xmlns="http://www.w3.org/2005/Atom" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices"><id>Products</id><title type="text">Products</title>`, r.Host)
				for _, i := range v19Offset(off) {
					pr := v16Products[i]
					fmt.Fprintf(&b, `<entry><id>Products('SAP%d')</id><content type="application/xml"><m:properties><d:ProductID>SAP%d</d:ProductID><d:Name>%s</d:Name><d:Description>%s</d:Description><d:Price>%.2f</d:Price><d:Supplier>%s</d:Supplier></m:properties></content></entry>`, i, i, pr.title, pr.desc, pr.price, pr.seller)
				}
				b.WriteString(`</feed>`)
				io.WriteString(w, b.String())
				return
			}
			rs := []any{}
			for _, i := range v19Offset(off) {
				pr := v16Products[i]
				rs = append(rs, map[string]any{"__metadata": map[string]any{"id": fmt.Sprintf("http://%s/sap/opu/odata/sap/ZPRODUCTS_SRV/Products('SAP%d')", r.Host, i), "type": "ZPRODUCTS_SRV.Product"},
					"ProductID": fmt.Sprintf("SAP%d", i), "Name": pr.title, "Description": pr.desc, "Price": fmt.Sprintf("%.2f", pr.price), "Currency": "EUR", "Supplier": pr.seller})
			}
			d := map[string]any{"results": rs}
			if off+2 < len(v16Products) {
				d["__next"] = fmt.Sprintf("Products?$skiptoken='%d'", off+2)
			}
			jsonBody(w, v16JSON(map[string]any{"d": d}))
		// 12. Spring Data REST's templated next link.
		case p == "/sdr/products":
			if strings.ContainsAny(r.URL.RawQuery, "{}") || strings.Contains(r.URL.RawQuery, "%7B") {
				w.WriteHeader(400)
				jsonBody(w, `{"cause":null,"message":"Failed to convert value of type 'java.lang.String' to required type 'int'"}`)
				return
			}
			n := atoi(q.Get("page"), 0)
			links := map[string]any{"self": map[string]any{"href": "http://" + r.Host + "/sdr/products{?page,size,sort}", "templated": true}}
			if n < 2 {
				links["next"] = map[string]any{"href": fmt.Sprintf("http://%s/sdr/products?page=%d&size=2{&sort}", r.Host, n+1), "templated": true}
			}
			jsonBody(w, v16JSON(map[string]any{"_embedded": map[string]any{"products": v20Items("sdr", v16Page(n+1, 2))}, "_links": links,
				"page": map[string]any{"size": 2, "totalElements": 5, "totalPages": 3, "number": n}}))
		// 11. SOAP fault answered 200.
		case p == "/soapf/CatalogService.svc":
			body, _ := io.ReadAll(r.Body)
			s := string(body)
			i, j := strings.Index(s, "<PageNumber>"), strings.Index(s, "</PageNumber>")
			if r.Method != http.MethodPost || i < 0 || j < i {
				w.WriteHeader(405)
				return
			}
			n := atoi(s[i+len("<PageNumber>"):j], 0)
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			if n == 2 {
				io.WriteString(w, `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/ws/2005/05/addressing/none">a:ActionNotSupported</faultcode><faultstring xml:lang="en-US">Server too busy: the request quota for this key is exhausted.</faultstring></s:Fault></s:Body></s:Envelope>`)
				return
			}
			var b strings.Builder
			b.WriteString(`<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetCatalogResponse xmlns="http://chemhub.example/catalog"><GetCatalogResult>`)
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				fmt.Fprintf(&b, `<Offer><Id>SF%d</Id><Name>%s</Name><Text>%s</Text><Price>%.2f</Price><Supplier>%s</Supplier></Offer>`, i, pr.title, pr.desc, pr.price, pr.seller)
			}
			b.WriteString(`</GetCatalogResult></GetCatalogResponse></s:Body></s:Envelope>`)
			io.WriteString(w, b.String())
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := fmt.Sprintf(`data_dir: DATA
targets:
  - name: jsonfeed
    platform: JSONFeed
    kind: json
    start_urls: ["%[1]s/jf/feed.json"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: id, url: url, title: title, description: content_text, price: _shop.price, seller: _shop.seller}
  - name: ebay-finding
    platform: EbayFinding
    kind: json
    start_urls: ["%[1]s/ebay/services/search/FindingService/v1?OPERATION-NAME=findItemsAdvanced&SERVICE-VERSION=1.0.0&RESPONSE-DATA-FORMAT=JSON&keywords=chemie&paginationInput.entriesPerPage=2"]
    allow_private_networks: true
    delay: 0s
    json:
      body: '{"paginationInput.pageNumber": ${page}}'
      items: findItemsAdvancedResponse.searchResult.item
      fields: {id: itemId, url: viewItemURL, title: title, description: subtitle, price: sellingStatus.currentPrice, seller: sellerInfo.sellerUserName}
  - name: lazada-limit
    platform: Lazada
    kind: json
    start_urls: ["%[1]s/lz/rest/products/get?filter=live&offset=0&limit=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data.products
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: jd-union
    platform: JDUnion
    kind: json
    start_urls: ["%[1]s/jd/routerjson?method=jd.union.open.goods.query&v=1.0&page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: jd_union_open_goods_query_responce.queryResult.data
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: snowflake
    platform: Snowflake
    kind: json
    start_urls: ["%[1]s/sf/api/v1/listings?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: listings
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: json-server
    platform: JSONServer
    kind: json
    start_urls: ["%[1]s/js/products?_page=1&_per_page=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: data
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: airtable
    platform: Airtable
    kind: json
    start_urls: ["%[1]s/at/v0/appQ3xZ/Products?pageSize=2"]
    allow_private_networks: true
    delay: 0s
    headers: {Authorization: "Bearer patX1"}
    json:
      items: records
      next_page: offset
      fields: {id: id, title: fields.Name, description: fields.Notes, price: fields.Price, seller: fields.Seller}
  - name: wallapop
    platform: Wallapop
    kind: json
    start_urls: ["%[1]s/wp/api/v3/general/search?keywords=quimica&latitude=40.41&longitude=-3.70"]
    allow_private_networks: true
    delay: 0s
    json:
      items: search_objects
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: cosmos
    platform: Cosmos
    kind: json
    start_urls: ["%[1]s/cosmos/dbs/shop/colls/products/docs"]
    allow_private_networks: true
    delay: 0s
    headers: {Authorization: "type%%3Dresource%%26ver%%3D1.0%%26sig%%3Dabc", x-ms-version: "2018-12-31", x-ms-max-item-count: "2"}
    json:
      items: Documents
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: sap-odata2
    platform: SAPOData2
    kind: json
    start_urls: ["%[1]s/sap/opu/odata/sap/ZPRODUCTS_SRV/Products?$format=json&$top=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: d.results
      fields: {id: ProductID, title: Name, description: Description, price: Price, seller: Supplier}
  - name: sdr-templated
    platform: SDRTemplated
    kind: json
    start_urls: ["%[1]s/sdr/products?page=0&size=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: _embedded.products
      fields: {id: id, title: title, description: description, price: price, seller: seller}
  - name: soap-fault
    platform: SOAPFault
    start_urls: ["%[1]s/soapf/CatalogService.svc"]
    allow_private_networks: true
    delay: 0s
    headers: {Content-Type: "text/xml; charset=utf-8", SOAPAction: "http://chemhub.example/catalog/ICatalog/GetCatalog"}
    request:
      method: POST
      body: '<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetCatalog xmlns="http://chemhub.example/catalog"><PageNumber>${page}</PageNumber></GetCatalog></s:Body></s:Envelope>'
    listing:
      item: Offer
      fields: {id: Id, title: Name, description: Text, price: Price, seller: Supplier}
`, srv.URL)
	got, _, out := crawl4(t, nil, cfg)
	defer logListingsOnFailure(t, got, out)
	num := func(p float64) string { return strconv.FormatFloat(p, 'f', -1, 64) }
	var wants []shopWant
	for i, pr := range v16Products {
		for _, k := range []string{"jf", "js", "wp", "cos", "sdr"} {
			wants = append(wants, shopWant{fmt.Sprintf("%s-%d", k, i), pr.title, num(pr.price), pr.desc, pr.seller})
		}
		wants = append(wants,
			shopWant{strconv.Itoa(1100 + i), pr.title, strconv.FormatFloat(pr.price, 'f', 1, 64) + " USD", pr.desc, pr.seller},
			shopWant{strconv.FormatUint(v21Snowflake(i), 10), pr.title, num(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("rec%c%d", 'A'+i, i), pr.title, num(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("SAP%d", i), pr.title, fmt.Sprintf("%.2f", pr.price), pr.desc, pr.seller},
		)
	}
	checkShopListings(t, got, wants)
	for _, name := range []string{"jsonfeed", "ebay-finding", "snowflake", "json-server", "airtable", "wallapop", "cosmos", "sap-odata2", "sdr-templated"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	// Errors answered with status 200: page 1's listings, not complete.
	for _, name := range []string{"lazada-limit", "jd-union", "soap-fault"} {
		if c := completeColumn(out, name); c != "no" {
			t.Errorf("%s: complete %q, want no", name, c)
		}
	}
	for _, k := range []string{"lz-0", "lz-1", "jd-0", "jd-1", "SF0", "SF1"} {
		if _, ok := got[k]; !ok {
			t.Errorf("page 1's %s not extracted", k)
		}
	}
	for _, msg := range []string{"exceeded the max limit for this API", "调用太频繁", "request quota for this key is exhausted"} {
		if !strings.Contains(out, msg) {
			t.Errorf("output does not name the API's error %q", msg)
		}
	}
}

// v21Detail renders product i's page with its price written as head
// says (a format with %.2f for the price).
func v21Detail(i int, head, priceFmt string) string {
	pr := v16Products[i]
	return fmt.Sprintf(`<!DOCTYPE html><html><head>%s<title>%s</title></head><body><h1>%[2]s</h1><div class="desc">%[3]s</div><span class="price">%[4]s</span><span class="seller">%[5]s</span></body></html>`,
		head, pr.title, pr.desc, fmt.Sprintf(priceFmt, pr.price), pr.seller)
}

// TestVariety21Shops is round 21's html shops, configured the same way:
//
//  1. a shop whose pages are UTF-8 with a byte order mark, served as
//     text/html; charset=ISO-8859-1 (Apache's AddDefaultCharset), which
//     browsers read as UTF-8 for the BOM; prices "120,00 €"
//  2. a Shopify store put behind its storefront password: every page
//     redirects (302) to /password, "Opening soon", an e-mail sign-up
//     form and a password form
//  3. a French shop answering its catalogue, with status 200, by a
//     consent wall ("Avant de continuer", "Vos choix concernant les
//     cookies"); the same with the consent cookie configured
//  4. a Spanish research-chemicals shop answering with status 200 by an
//     age gate ("¿Eres mayor de 18 años?")
//  5. a Russian shop whose page 2 answers, with status 200, its
//     maintenance page ("Технические работы")
//  6. a catalogue paged only by numbered links (1 2 3, the current page
//     aria-current), no "next" link, the start URL naming no page,
//     configured without next_page
//  7. product pages whose JSON-LD type is an array ("@type": ["Product",
//     "Drug"]), read without fields
//  8. a shop whose robots.txt starts with a byte order mark and disallows
//     one product page; its relative Sitemap: line (/rb/sitemap.xml) read
//     through a start URL naming robots.txt
//  9. a sitemap.xml.gz served with Content-Encoding: gzip (Apache's
//     AddEncoding), the body the .gz file once
//  10. product pages whose <link rel="canonical"> names their category
//     page (a theme's bug), read by a target without url_pattern
//  11. catalogues whose page 2 answers, with status 200, an empty body
//     (a PHP fatal error with display_errors off), PHP's "Fatal error:
//     Allowed memory size … exhausted", or ASP.NET's "Server Error in '/'
//     Application." (customErrors off, status 200 behind a proxy)
//  12. a robots.txt rule with a wildcard and an end anchor
//     (Disallow: /rbw/*/3$)
func TestVariety21Shops(t *testing.T) {
	html := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, s)
	}
	detailIdx := func(p, prefix string) int {
		i, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(p, prefix), ".html"))
		if err != nil || i < 0 || i >= len(v16Products) {
			return -1
		}
		return i
	}
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
		shopPage := func(pre string) string {
			return v20Page("", v16Page(n, 2), func(i int) string { return fmt.Sprintf("/%s/p/%d", pre, i) }, pager(fmt.Sprintf(`<a class="next" href="/%s/shop?page=%d">Next</a>`, pre, n+1)))
		}
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. BOM beats the header's charset.
		case p == "/bom/shop" || strings.HasPrefix(p, "/bom/p/"):
			w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
			body := shopPage("bom")
			if p != "/bom/shop" {
				i := detailIdx(p, "/bom/p/")
				if i < 0 {
					http.NotFound(w, r)
					return
				}
				body = v21Detail(i, `<meta charset="utf-8">`, "%.2f €")
				body = strings.Replace(body, fmt.Sprintf("%.2f €", v16Products[i].price), strings.Replace(fmt.Sprintf("%.2f €", v16Products[i].price), ".", ",", 1), 1)
			}
			io.WriteString(w, "\ufeff"+body)
		// 2. Shopify storefront password.
		case strings.HasPrefix(p, "/sp/") && p != "/sp/password":
			http.Redirect(w, r, "/sp/password", http.StatusFound)
		case p == "/sp/password":
			html(w, `<!doctype html><html class="no-js" lang="en"><head><meta charset="utf-8"><title>Chem Store</title><link rel="canonical" href="/sp/password"></head><body class="password-page">
<header><h1 class="password-header">Chem Store</h1></header>
<main><div class="newsletter"><h2>Opening soon</h2><p>Be the first to know when we launch.</p>
<form method="post" action="/sp/contact#contact_form" id="contact_form"><input type="hidden" name="form_type" value="customer"><input type="email" name="contact[email]" placeholder="Email"><button type="submit">Notify me</button></form></div>
<details class="password-modal"><summary>Enter using password</summary>
<form method="post" action="/sp/password" id="login_form"><input type="hidden" name="form_type" value="storefront_password"><label for="Password">Enter store password</label><input type="password" name="password" id="Password" autocomplete="current-password"><button name="commit">Enter</button></form>
<p>Are you the store owner? <a href="https://admin.shopify.example/">Log in here</a></p></details></main>
<footer>This shop will be powered by Shopify</footer></body></html>`)
		// 3. French consent wall.
		case p == "/fr/boutique" || strings.HasPrefix(p, "/fr/p/"):
			if !strings.Contains(r.Header.Get("Cookie"), "consentement=oui") {
				html(w, `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Avant de continuer</title></head><body><div class="cmp"><h1>Vos choix concernant les cookies</h1><p>Nous et nos partenaires utilisons des cookies pour stocker et accéder à des informations sur votre appareil.</p><form method="post" action="/fr/consent"><button name="choix" value="tout">Tout accepter</button><button name="choix" value="rien">Tout refuser</button></form></div></body></html>`)
				return
			}
			if p == "/fr/boutique" {
				html(w, v20Page("", v16Page(n, 2), func(i int) string { return fmt.Sprintf("/fr/p/%d", i) }, pager(fmt.Sprintf(`<a class="next" href="/fr/boutique?page=%d">Suivant</a>`, n+1))))
				return
			}
			if i := detailIdx(p, "/fr/p/"); i >= 0 {
				html(w, v20Detail(i))
				return
			}
			http.NotFound(w, r)
		// 4. Spanish age gate.
		case p == "/es/tienda" || strings.HasPrefix(p, "/es/p/"):
			html(w, `<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Verificación de edad</title></head><body><div class="age-gate"><h1>¿Eres mayor de 18 años?</h1><p>Debes ser mayor de edad para entrar en esta tienda.</p><a class="btn" href="#" onclick="document.cookie='edad=ok';location.reload()">Sí, soy mayor de edad</a> <a class="btn" href="https://www.google.es/">No</a></div></body></html>`)
		// 5. Russian maintenance page on page 2.
		case p == "/ru/shop":
			if n == 2 {
				html(w, `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Технические работы</title></head><body><h1>Сайт временно недоступен</h1><p>Ведутся технические работы. Пожалуйста, зайдите позже.</p></body></html>`)
				return
			}
			html(w, shopPage("ru"))
		// 6. Numbered pager, no next link.
		case p == "/np/shop":
			var nav strings.Builder
			nav.WriteString(`<nav class="pagination" aria-label="Seiten">`)
			for k := 1; k <= 3; k++ {
				if k == n {
					fmt.Fprintf(&nav, `<span aria-current="page">%d</span>`, k)
				} else if k == 1 {
					nav.WriteString(`<a href="/np/shop">1</a>`)
				} else {
					fmt.Fprintf(&nav, `<a href="/np/shop?page=%d">%d</a>`, k, k)
				}
			}
			nav.WriteString(`</nav>`)
			html(w, v20Page("", v16Page(n, 2), func(i int) string { return fmt.Sprintf("/np/p/%d", i) }, nav.String()))
		// 7. JSON-LD type as an array.
		case p == "/ld/shop":
			html(w, shopPage("ld"))
		case strings.HasPrefix(p, "/ld/p/"):
			i := detailIdx(p, "/ld/p/")
			if i < 0 {
				http.NotFound(w, r)
				return
			}
			pr := v16Products[i]
			html(w, fmt.Sprintf(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>%[1]s | Apotheke</title><script type="application/ld+json">%[2]s</script></head><body><h1>%[1]s</h1></body></html>`, pr.title,
				v16JSON(map[string]any{"@context": "https://schema.org", "@type": []string{"Product", "Drug"}, "name": pr.title, "description": pr.desc, "sku": fmt.Sprintf("LD%d", i),
					"offers": map[string]any{"@type": "Offer", "price": fmt.Sprintf("%.2f", pr.price), "priceCurrency": "EUR", "seller": map[string]any{"@type": "Organization", "name": pr.seller}}})))
		// 9. sitemap.xml.gz with Content-Encoding: gzip.
		case p == "/gzs/sitemap.xml.gz":
			var b strings.Builder
			b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
			fmt.Fprintf(&b, `<url><loc>http://%s/gzs/</loc></url>`, r.Host)
			for i := range v16Products {
				fmt.Fprintf(&b, `<url><loc>http://%s/gzs/p/%d</loc><lastmod>2026-11-2%d</lastmod></url>`, r.Host, i, i)
			}
			b.WriteString(`</urlset>`)
			w.Header().Set("Content-Type", "application/xml")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gzipBytes(t, b.String()))
		// 11. Server errors answered with status 200 on page 2.
		case p == "/e200/empty/shop" || p == "/e200/php/shop" || p == "/e200/aspnet/shop":
			kind := strings.Split(p, "/")[2]
			if n == 2 {
				switch kind {
				case "empty":
					w.Header().Set("Content-Type", "text/html; charset=UTF-8")
				case "php":
					html(w, "<br />\n<b>Fatal error</b>:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in <b>/var/www/html/wp-includes/class-wpdb.php</b> on line <b>2349</b><br />\n")
				case "aspnet":
					html(w, `<!DOCTYPE html><html><head><title>Runtime Error</title><style>body {font-family:"Verdana";}</style></head><body bgcolor="white"><span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1><h2> <i>Runtime Error</i> </h2></span><b> Description: </b>An application error occurred on the server. The current custom error settings for this application prevent the details of the application error from being viewed remotely (for security reasons).<br><br></body></html>`)
				}
				return
			}
			html(w, v20Page("", v16Page(n, 2), func(i int) string { return fmt.Sprintf("/e200/p/%d", i) }, pager(fmt.Sprintf(`<a class="next" href="%s?page=%d">Next</a>`, p, n+1))))
		// 10. Canonical naming the category.
		case p == "/cc/shop":
			html(w, shopPage("cc"))
		case strings.HasPrefix(p, "/np/p/") || strings.HasPrefix(p, "/e200/p/") || strings.HasPrefix(p, "/ru/p/") || strings.HasPrefix(p, "/gzs/p/") || strings.HasPrefix(p, "/cc/p/"):
			pre := p[:strings.Index(p[1:], "/")+1]
			i := detailIdx(p, pre+"/p/")
			if i < 0 {
				http.NotFound(w, r)
				return
			}
			head := `<meta charset="utf-8">`
			if pre == "/cc" {
				head += fmt.Sprintf(`<link rel="canonical" href="http://%s/cc/shop">`, r.Host)
			}
			html(w, v21Detail(i, head, "%.2f EUR"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	// 8. robots.txt with a BOM, on a host of its own.
	var robotsMu sync.Mutex
	robotsAsked := map[string]int{}
	rsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		robotsMu.Lock()
		robotsAsked[r.URL.Path]++
		robotsMu.Unlock()
		p := r.URL.Path
		n, err := strconv.Atoi(r.URL.Query().Get("page"))
		if err != nil {
			n = 1
		}
		switch {
		case p == "/robots.txt":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			io.WriteString(w, "\ufeffUser-agent: *\nDisallow: /rb/p/4\nDisallow: /rb/cart\nDisallow: /rbw/*/3$\n\nSitemap: /rb/sitemap.xml\n")
		case p == "/rb/shop" || p == "/rbw/shop":
			pre := strings.Split(p, "/")[1]
			next := ""
			if n < 3 {
				next = fmt.Sprintf(`<a class="next" href="/%s/shop?page=%d">Next</a>`, pre, n+1)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, v20Page("", v16Page(n, 2), func(i int) string { return fmt.Sprintf("/%s/p/%d", pre, i) }, next))
		case p == "/rb/sitemap.xml":
			var b strings.Builder
			b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
			for i := range v16Products {
				fmt.Fprintf(&b, `<url><loc>http://%s/rb/p/%d</loc></url>`, r.Host, i)
			}
			b.WriteString(`</urlset>`)
			w.Header().Set("Content-Type", "application/xml")
			io.WriteString(w, b.String())
		case strings.HasPrefix(p, "/rb/p/") || strings.HasPrefix(p, "/rbw/p/"):
			i, err := strconv.Atoi(p[strings.LastIndex(p, "/")+1:])
			if err != nil || i >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, v21Detail(i, `<meta charset="utf-8">`, "%.2f EUR"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer rsrv.Close()
	target := func(name, base, start, pattern, extra string) string {
		s := fmt.Sprintf(`  - name: %s
    platform: %s
    start_urls: ["%s%s"]
    allow_private_networks: true
    delay: 0s
%s    listing:
`, name, strings.ToUpper(name[:1])+name[1:], base, start, extra)
		if pattern != "" {
			s += fmt.Sprintf("      url_pattern: '%s'\n", pattern)
		}
		return s + "      fields: {title: h1, description: .desc, price: .price, seller: .seller}\n"
	}
	follow := "    follow: [\"a.product-link\"]\n"
	next := follow + "    next_page: [\"a.next\"]\n"
	cfg := "data_dir: DATA\ntargets:\n" +
		target("bom-latin1", srv.URL, "/bom/shop", `^/bom/p/\d+$`, next) +
		target("shopify-password", srv.URL, "/sp/collections/all", `^/sp/products/`, next) +
		target("fr-consent", srv.URL, "/fr/boutique", `^/fr/p/\d+$`, next) +
		target("fr-consent-cookie", srv.URL, "/fr/boutique", `^/fr/p/\d+$`, next+"    headers: {Cookie: \"consentement=oui\"}\n") +
		target("es-age-gate", srv.URL, "/es/tienda", `^/es/p/\d+$`, next) +
		target("ru-maintenance", srv.URL, "/ru/shop", `^/ru/p/\d+$`, next) +
		target("numbered-pager", srv.URL, "/np/shop", `^/np/p/\d+$`, follow) +
		`  - name: ld-type-array
    platform: LDTypeArray
    start_urls: ["` + srv.URL + `/ld/shop"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.product-link"]
    next_page: ["a.next"]
    listing:
      url_pattern: '^/ld/p/\d+$'
` +
		target("robots-bom", rsrv.URL, "/rb/shop", `^/rb/p/\d+$`, next) +
		target("robots-wildcard", rsrv.URL, "/rbw/shop", `^/rbw/p/\d+$`, next) +
		target("e200-empty", srv.URL, "/e200/empty/shop", `^/e200/p/\d+$`, next) +
		target("e200-php", srv.URL, "/e200/php/shop", `^/e200/p/\d+$`, next) +
		target("e200-aspnet", srv.URL, "/e200/aspnet/shop", `^/e200/p/\d+$`, next) +
		target("robots-sitemap", rsrv.URL, "/robots.txt", `^/rb/p/\d+$`, "") +
		target("sitemap-gz-encoded", srv.URL, "/gzs/sitemap.xml.gz", `^/gzs/p/\d+$`, "") +
		target("canonical-category", srv.URL, "/cc/shop", "", next)
	got, _, out := crawl4(t, nil, cfg)
	defer logListingsOnFailure(t, got, out)
	var wants []shopWant
	for i, pr := range v16Products {
		price := fmt.Sprintf("%.2f EUR", pr.price)
		for _, k := range []string{"/fr/p/%d", "/np/p/%d", "/gzs/p/%d", "/cc/p/%d"} {
			wants = append(wants, shopWant{fmt.Sprintf(k, i), pr.title, price, pr.desc, pr.seller})
		}
		wants = append(wants,
			shopWant{fmt.Sprintf("/bom/p/%d", i), pr.title, strings.Replace(fmt.Sprintf("%.2f €", pr.price), ".", ",", 1), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("/ld/p/%d", i), pr.title, fmt.Sprintf("%.2f EUR", pr.price), pr.desc, pr.seller},
		)
		if i < 4 {
			wants = append(wants, shopWant{fmt.Sprintf("/rb/p/%d", i), pr.title, price, pr.desc, pr.seller})
		}
		if i != 3 {
			wants = append(wants, shopWant{fmt.Sprintf("/rbw/p/%d", i), pr.title, price, pr.desc, pr.seller})
		}
		if i < 2 {
			wants = append(wants, shopWant{fmt.Sprintf("/e200/p/%d", i), pr.title, price, pr.desc, pr.seller})
		}
	}
	for i, pr := range v16Products[:2] {
		wants = append(wants, shopWant{fmt.Sprintf("/ru/p/%d", i), pr.title, fmt.Sprintf("%.2f EUR", pr.price), pr.desc, pr.seller})
	}
	checkShopListings(t, got, wants)
	for _, name := range []string{"bom-latin1", "fr-consent-cookie", "numbered-pager", "ld-type-array", "robots-bom", "robots-wildcard", "robots-sitemap", "sitemap-gz-encoded", "canonical-category"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	for _, name := range []string{"shopify-password", "fr-consent", "es-age-gate", "ru-maintenance", "e200-empty", "e200-php", "e200-aspnet"} {
		if c := completeColumn(out, name); c != "no" {
			t.Errorf("%s: complete %q, want no", name, c)
		}
	}
	robotsMu.Lock()
	defer robotsMu.Unlock()
	if robotsAsked["/rb/p/4"] != 0 {
		t.Errorf("robots.txt with a BOM: /rb/p/4, which it disallows, was fetched %d times", robotsAsked["/rb/p/4"])
	}
	if robotsAsked["/rbw/p/3"] != 0 {
		t.Errorf("robots.txt's Disallow: /rbw/*/3$: /rbw/p/3 was fetched %d times", robotsAsked["/rbw/p/3"])
	}
	if _, ok := got["/rb/p/4"]; ok {
		t.Errorf("robots.txt with a BOM: the disallowed /rb/p/4 was read")
	}
}
