package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unicode/utf16"
)

// v22Price writes p with a decimal comma, as German exports do.
func v22Price(p float64) string { return strings.Replace(fmt.Sprintf("%.2f", p), ".", ",", 1) }

// v22CP1252 encodes s in windows-1252 for the few letters it holds
// beyond ASCII.
func v22CP1252(s string) []byte {
	var b []byte
	for _, r := range s {
		switch {
		case r < 0x80:
			b = append(b, byte(r))
		case r == '€':
			b = append(b, 0x80)
		case r == '–':
			b = append(b, 0x96)
		case r <= 0xff:
			b = append(b, byte(r))
		default:
			b = append(b, '?')
		}
	}
	return b
}

// v22UTF16LE encodes s as UTF-16LE with a byte order mark, as Excel's
// "Unicode Text" saves a sheet.
func v22UTF16LE(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// TestVariety22Feeds is round 22's feeds, each configured only from
// docs/CRAWLING.md and run end to end through `precwatch crawl`:
//
//  1. Searchspring's search API: pagination {currentPage, totalPages,
//     previousPage, nextPage}, nextPage 0 on the last page
//  2. a tRPC v10 batched GET (?batch=1&input={"0":{"json":{…}}}) of an
//     infinite query, the answer a root array of superjson results,
//     nextCursor left out on the last page
//  3. Directus' items API (?limit=2&page=1&meta=filter_count), nothing
//     saying where it ends but an empty page
//  4. an export endpoint answering 202 Accepted with Retry-After while
//     the file is being built, then 200 with the whole catalogue
//  5. a feed gzipped at rest and served as text/plain; charset=utf-8
//     without Content-Encoding
//  6. a POST search API moved behind a 308 Permanent Redirect
//  7. the Google Sheets API's values (rows as arrays, the first row the
//     sheet's header)
//  8. AliExpress' search page: the state assigned to a member of a
//     global, window._dida_config_._init_data_ = { data: {…} }
//  9. an Excel sheet saved as "Unicode Text" (UTF-16LE with a BOM, tabs,
//     CRLF), served as text/plain without a charset
//  10. a German Excel CSV export in windows-1252 ("Händler", "120,00 €"),
//     served as text/csv without a charset
//  11. an XML product export with HTML entities outside CDATA (&nbsp;,
//     &ndash;), which XML does not define
//  12. a feed whose last page names itself as its next page
func TestVariety22Feeds(t *testing.T) {
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
	var exportAsked atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. Searchspring.
		case p == "/ss/api/search/search.json":
			if q.Get("siteId") != "ab12cd" {
				w.WriteHeader(400)
				return
			}
			n := atoi(q.Get("page"), 1)
			if n < 1 {
				n = 1
			}
			rs := []any{}
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				rs = append(rs, map[string]any{"uid": fmt.Sprintf("ss-%d", i), "name": pr.title, "description": pr.desc, "price": fmt.Sprintf("%.2f", pr.price), "brand": pr.seller, "url": fmt.Sprintf("/products/ss-%d", i)})
			}
			next := n + 1
			if n >= 3 {
				next = 0
			}
			jsonBody(w, v16JSON(map[string]any{"pagination": map[string]any{"totalResults": 5, "begin": (n-1)*2 + 1, "end": (n-1)*2 + len(rs), "currentPage": n, "totalPages": 3, "previousPage": n - 1, "nextPage": next, "perPage": 2, "defaultPerPage": 2},
				"results": rs, "facets": []any{}, "merchandising": map[string]any{"redirect": ""}}))
		// 2. tRPC batched GET.
		case p == "/trpc/api/trpc/product.infiniteList":
			var in map[string]struct {
				JSON struct {
					Limit  int  `json:"limit"`
					Cursor *int `json:"cursor"`
				} `json:"json"`
			}
			if q.Get("batch") != "1" || json.Unmarshal([]byte(q.Get("input")), &in) != nil || in["0"].JSON.Limit != 2 {
				w.WriteHeader(400)
				jsonBody(w, `[{"error":{"json":{"message":"Invalid input","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"product.infiniteList"}}}}]`)
				return
			}
			off := 0
			if c := in["0"].JSON.Cursor; c != nil {
				off = *c
			}
			var items []any
			for _, i := range v19Offset(off) {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("trpc-%d", i), "title": pr.title, "description": pr.desc, "price": pr.price, "seller": map[string]any{"name": pr.seller}})
			}
			res := map[string]any{"json": map[string]any{"items": items}}
			if off+2 < len(v16Products) {
				res["json"].(map[string]any)["nextCursor"] = off + 2
			} else {
				res["meta"] = map[string]any{"values": map[string]any{"nextCursor": []string{"undefined"}}}
			}
			jsonBody(w, v16JSON([]any{map[string]any{"result": map[string]any{"data": res}}}))
		// 3. Directus.
		case p == "/dx/items/products":
			n := atoi(q.Get("page"), 1)
			if q.Get("limit") != "2" {
				w.WriteHeader(400)
				return
			}
			jsonBody(w, v16JSON(map[string]any{"meta": map[string]any{"filter_count": 5}, "data": v20Items("dx", v16Page(n, 2))}))
		// 4. 202 while the export is built.
		case p == "/exp/api/v2/exports/products.json":
			if exportAsked.Add(1) == 1 {
				w.Header().Set("Retry-After", "1")
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusAccepted)
				io.WriteString(w, `{"status":"pending","message":"The export is being generated. Try again shortly."}`)
				return
			}
			jsonBody(w, v16JSON(map[string]any{"status": "done", "generated_at": "2026-11-30T05:00:00Z", "products": v20Items("exp", []int{0, 1, 2, 3, 4})}))
		// 5. gzip at rest, served as text/plain.
		case p == "/gzp/feed.json":
			n := atoi(q.Get("page"), 1)
			body := map[string]any{"items": v20Items("gzp", v16Page(n, 2)), "next": nil}
			if n < 3 {
				body["next"] = fmt.Sprintf("/gzp/feed.json?page=%d", n+1)
			}
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write(gzipBytes(t, v16JSON(body)))
		// 6. A POST API behind a 308.
		case p == "/m308/api/search":
			http.Redirect(w, r, "/m308/v2/search?"+r.URL.RawQuery, http.StatusPermanentRedirect)
		case p == "/m308/v2/search":
			var req struct {
				Page *int `json:"page"`
				Size int  `json:"size"`
			}
			if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&req) != nil || req.Page == nil || req.Size != 2 {
				w.WriteHeader(405)
				jsonBody(w, `{"error":"POST a JSON body with page and size"}`)
				return
			}
			jsonBody(w, v16JSON(map[string]any{"hits": v20Items("m308", v16Page(*req.Page, 2)), "page": *req.Page, "pages": 3}))
		// 7. Google Sheets values.
		case p == "/gs/v4/spreadsheets/1AbCdEf/values/Produkte!A1:E100":
			rows := []any{[]string{"ID", "Title", "Description", "Price", "Seller"}}
			for i, pr := range v16Products {
				rows = append(rows, []string{fmt.Sprintf("GS-%d", i), pr.title, pr.desc, fmt.Sprintf("%.2f", pr.price), pr.seller})
			}
			jsonBody(w, v16JSON(map[string]any{"range": "Produkte!A1:E6", "majorDimension": "ROWS", "values": rows}))
		// 8. AliExpress.
		case p == "/ae/w/wholesale-chemie.html":
			n := atoi(q.Get("page"), 1)
			content := []any{}
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				content = append(content, map[string]any{"productId": fmt.Sprintf("100500%d", i), "title": map[string]any{"displayTitle": pr.title}, "description": pr.desc,
					"prices": map[string]any{"salePrice": map[string]any{"currencyCode": "USD", "formattedPrice": fmt.Sprintf("US $%.2f", pr.price), "minPrice": pr.price}}, "store": map[string]any{"storeName": pr.seller}})
			}
			state := v16JSON(map[string]any{"data": map[string]any{"root": map[string]any{"fields": map[string]any{"mods": map[string]any{"itemList": map[string]any{"content": content}}, "pageInfo": map[string]any{"page": n, "pageSize": 2, "totalResults": 5}}}}})
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>chemie - Buy chemie with free shipping on AliExpress</title></head><body><div id="root"></div>
<script>window._dida_config_ = window._dida_config_ || {};
window._dida_config_._init_data_= { data: %s }
</script><script src="/ae/static/search.js"></script></body></html>`, state)
		// 9. Excel "Unicode Text".
		case p == "/xl/preisliste.txt":
			var b strings.Builder
			b.WriteString("Artikelnummer\tBezeichnung\tBeschreibung\tPreis\tHändler\r\n")
			for i, pr := range v16Products {
				fmt.Fprintf(&b, "XL-%d\t%s\t%s\t%s\t%s\r\n", i, pr.title, pr.desc, v22Price(pr.price), pr.seller)
			}
			w.Header().Set("Content-Type", "text/plain")
			w.Write(v22UTF16LE(b.String()))
		// 10. German Excel CSV in windows-1252.
		case p == "/xl/export.csv":
			var b strings.Builder
			b.WriteString("Artikelnummer;Bezeichnung;Beschreibung;Preis;Händler\r\n")
			for i, pr := range v16Products {
				fmt.Fprintf(&b, "CP-%d;%s;%s;%s €;%s\r\n", i, pr.title, pr.desc, v22Price(pr.price), pr.seller)
			}
			w.Header().Set("Content-Type", "text/csv")
			w.Write(v22CP1252(b.String()))
		// 11. XML with HTML entities.
		case p == "/xe/export.xml":
			var b strings.Builder
			b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<products>\n")
			for i, pr := range v16Products {
				fmt.Fprintf(&b, "<product><sku>XE-%d</sku><name>%s</name><description>%s</description><price>%.2f EUR</price><vendor>%s</vendor><shipping>Versand&nbsp;in 1&ndash;3&nbsp;Tagen</shipping></product>\n", i, pr.title, pr.desc, pr.price, pr.seller)
			}
			b.WriteString("</products>\n")
			w.Header().Set("Content-Type", "application/xml")
			io.WriteString(w, b.String())
		// 12. The last page names itself.
		case p == "/sn/api/items":
			n := atoi(q.Get("page"), 1)
			next := fmt.Sprintf("http://%s/sn/api/items?page=%d", r.Host, n+1)
			if n >= 3 {
				next = fmt.Sprintf("http://%s/sn/api/items?page=%d", r.Host, n)
			}
			jsonBody(w, v16JSON(map[string]any{"items": v20Items("sn", v16Page(n, 2)), "next": next}))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	feed := func(name, start, spec string) string {
		return fmt.Sprintf(`  - name: %s
    platform: %s
    kind: json
    start_urls: ["%s%s"]
    allow_private_networks: true
    delay: 0s
    json:
%s`, name, strings.ToUpper(name[:1])+strings.ReplaceAll(name[1:], "-", ""), srv.URL, start, spec)
	}
	std := "      fields: {id: id, title: title, description: description, price: price, seller: seller}\n"
	cfg := "data_dir: DATA\ntargets:\n" +
		feed("searchspring", "/ss/api/search/search.json?siteId=ab12cd&resultsFormat=native&resultsPerPage=2", "      items: results\n      fields: {id: uid, title: name, description: description, price: price, seller: brand}\n") +
		feed("trpc", "/trpc/api/trpc/product.infiniteList", `      body: '{"batch": 1, "input": {"0": {"json": {"limit": 2, "cursor": ${cursor}}}}}'
      items: "[0].result.data.json.items"
      next_page: "[0].result.data.json.nextCursor"
      fields: {id: id, title: title, description: description, price: price, seller: seller.name}
`) +
		feed("directus", "/dx/items/products?limit=2&page=1&meta=filter_count", "      items: data\n"+std) +
		feed("export-202", "/exp/api/v2/exports/products.json", "      items: products\n"+std) +
		feed("gzip-text-plain", "/gzp/feed.json", "      items: items\n"+std) +
		feed("post-308", "/m308/api/search", `      method: POST
      body: '{"query": "", "page": ${page}, "size": 2}'
      items: hits
`+std) +
		feed("google-sheets", "/gs/v4/spreadsheets/1AbCdEf/values/Produkte!A1:E100?key=AIzaSyX", `      items: values
      fields: {id: "[0]", title: "[1]", description: "[2]", price: "[3]", seller: "[4]"}
`) +
		feed("aliexpress", "/ae/w/wholesale-chemie.html?SearchText=chemie&page=1", "      items: data.data.root.fields.mods.itemList.content\n      fields: {id: productId, title: title.displayTitle, description: description, price: prices.salePrice.minPrice, seller: store.storeName}\n") +
		feed("excel-unicode-text", "/xl/preisliste.txt", `      items: "."
      fields: {id: Artikelnummer, title: Bezeichnung, description: Beschreibung, price: Preis, seller: Händler}
`) +
		feed("excel-csv-1252", "/xl/export.csv", `      items: "."
      fields: {id: Artikelnummer, title: Bezeichnung, description: Beschreibung, price: Preis, seller: Händler}
`) +
		feed("self-next", "/sn/api/items?page=1", "      items: items\n"+std) +
		`  - name: xml-entities
    platform: XMLEntities
    start_urls: ["` + srv.URL + `/xe/export.xml"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: product
      fields: {id: sku, title: name, description: description, price: price, seller: vendor, shipping: shipping}
`
	got, _, out := crawl4(t, nil, cfg)
	defer logListingsOnFailure(t, got, out)
	num := func(p float64) string { return strconv.FormatFloat(p, 'f', -1, 64) }
	var wants []shopWant
	for i, pr := range v16Products {
		for _, k := range []string{"trpc", "dx", "exp", "gzp", "m308", "sn"} {
			wants = append(wants, shopWant{fmt.Sprintf("%s-%d", k, i), pr.title, num(pr.price), pr.desc, pr.seller})
		}
		wants = append(wants,
			shopWant{fmt.Sprintf("ss-%d", i), pr.title, fmt.Sprintf("%.2f", pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("GS-%d", i), pr.title, fmt.Sprintf("%.2f", pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("100500%d", i), pr.title, num(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("XL-%d", i), pr.title, v22Price(pr.price), pr.desc, pr.seller},
			shopWant{fmt.Sprintf("CP-%d", i), pr.title, v22Price(pr.price) + " €", pr.desc, pr.seller},
			shopWant{fmt.Sprintf("XE-%d", i), pr.title, fmt.Sprintf("%.2f EUR", pr.price), pr.desc, pr.seller},
		)
	}
	checkShopListings(t, got, wants)
	for k, l := range got {
		if k == "ID" || l.Title == "Title" {
			t.Errorf("google-sheets: the header row read as a listing %q", k)
		}
	}
	if l, ok := got["XE-0"]; ok && !strings.Contains(l.Attributes["shipping"], "1–3") {
		t.Errorf("xml-entities: shipping %q, want the &ndash; read", l.Attributes["shipping"])
	}
	for _, name := range []string{"searchspring", "trpc", "directus", "export-202", "gzip-text-plain", "post-308", "google-sheets", "aliexpress", "excel-unicode-text", "excel-csv-1252", "self-next", "xml-entities"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
}

// v22Cards renders the cards of products idx, linked under prefix.
func v22Cards(prefix string, idx []int) string {
	var b strings.Builder
	b.WriteString(`<ul class="products">`)
	for _, i := range idx {
		fmt.Fprintf(&b, `<li class="product"><a class="product-link" href="%s%d">%s</a></li>`, prefix, i, v16Products[i].title)
	}
	b.WriteString(`</ul>`)
	return b.String()
}

// TestVariety22Shops is round 22's html shops, configured the same way:
//
//  1. a catalogue whose page 2 is cut short: Content-Length names the
//     whole page, the connection closes half way (a proxy's timeout)
//  2. a catalogue whose page 2 is gzip-encoded and cut in the middle of
//     its gzip stream
//  3. an old shop built of frames: the start page a <frameset> whose
//     main <frame src> holds the catalogue
//  4. a shop on free hosting behind its aes.js cookie wall (the page a
//     script computing the __test cookie and reloading, with status 200)
//  5. product pages whose <link rel="canonical"> names their category
//     page, the categories reached by follow from the home page
//  6. a search form posted and redirected (303 See Other) to a results
//     page whose address holds the search's id (?sid=…), paged with it
//  7. a stateful pager (JSF/Struts): every "next" link is the same
//     address, ?navigate=next, the page kept in the session
//  8. an old pager whose next link is href="javascript:goPage(2)"
func TestVariety22Shops(t *testing.T) {
	html := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, s)
	}
	page := func(title, body string) string {
		return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `</title></head><body><h1>` + title + `</h1>` + body + `</body></html>`
	}
	var mu sync.Mutex
	searches := map[string]bool{}
	sessions := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		n, err := strconv.Atoi(q.Get("page"))
		if err != nil {
			n = 1
		}
		next := func(href string) string {
			if n >= 3 {
				return ""
			}
			return fmt.Sprintf(`<a class="next" href="%s">Weiter</a>`, href)
		}
		if i := strings.LastIndex(p, "/p/"); i >= 0 && p != "/robots.txt" {
			k, err := strconv.Atoi(p[i+3:])
			if err != nil || k < 0 || k >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			body := v20Detail(k)
			if strings.HasPrefix(p, "/cf/") {
				cat := "loesungsmittel"
				if k >= 3 {
					cat = "laborbedarf"
				}
				body = strings.Replace(body, "<head>", fmt.Sprintf(`<head><link rel="canonical" href="http://%s/cf/c/%s">`, r.Host, cat), 1)
			}
			html(w, body)
			return
		}
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. Cut short.
		case p == "/cl/shop":
			full := page("Katalog", v22Cards("/cl/p/", v16Page(n, 2))+next(fmt.Sprintf("/cl/shop?page=%d", n+1)))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			if n != 2 {
				io.WriteString(w, full)
				return
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(full)))
			io.WriteString(w, full[:strings.Index(full, "</li>")+5])
		// 2. A gzip stream cut.
		case p == "/gzc/shop":
			full := page("Katalog", v22Cards("/gzc/p/", v16Page(n, 2))+next(fmt.Sprintf("/gzc/shop?page=%d", n+1)))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			if n != 2 {
				io.WriteString(w, full)
				return
			}
			gz := gzipBytes(t, full)
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz[:len(gz)*2/3])
		// 3. Frames.
		case p == "/fs/" || p == "/fs/index.html":
			html(w, `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN" "http://www.w3.org/TR/html4/frameset.dtd"><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Chemikalien Handel Müller</title></head>
<frameset cols="180,*" border="0"><frame src="menu.html" name="menu" noresize><frame src="liste.php?page=1" name="main"><noframes><body>Ihr Browser kann leider keine Frames anzeigen.</body></noframes></frameset></html>`)
		case p == "/fs/menu.html":
			html(w, page("Menü", `<a href="liste.php?page=1" target="main">Alle Produkte</a> <a href="kontakt.html" target="main">Kontakt</a>`))
		case p == "/fs/liste.php":
			html(w, page("Produkte", v22Cards("/fs/p/", v16Page(n, 2))+next(fmt.Sprintf("liste.php?page=%d", n+1))))
		// 4. aes.js cookie wall.
		case strings.HasPrefix(p, "/if/"):
			if p == "/if/aes.js" {
				w.Header().Set("Content-Type", "application/javascript")
				io.WriteString(w, "var slowAES={decrypt:function(a,b,c,d){return a}};")
				return
			}
			html(w, fmt.Sprintf(`<html><body><script type="text/javascript" src="/if/aes.js" ></script><script>function toNumbers(d){var e=[];d.replace(/(..)/g,function(d){e.push(parseInt(d,16))});return e}function toHex(){for(var d=[],d=1==arguments.length&&arguments[0].constructor==Array?arguments[0]:arguments,e="",f=0;f<d.length;f++)e+=(16>d[f]?"0":"")+d[f].toString(16);return e.toLowerCase()}var a=toNumbers("f655ba9d09a112d4968c63579db590b4"),b=toNumbers("98344c2eee86c3994890592585b49f80"),c=toNumbers("5be9d27a1f3e4c7b8a6d2e9f0c1b3a47");document.cookie="__test="+toHex(slowAES.decrypt(c,2,a,b))+"; expires=Thu, 31-Dec-37 23:55:55 GMT; path=/"; location.href="http://%s%s?i=1";</script><noscript>This site requires Javascript to work, please enable Javascript in your browser or use a browser with Javascript support</noscript></body></html>`, r.Host, p))
		// 5. Canonical naming a category reached by follow.
		case p == "/cf/":
			html(w, page("Chemiehandel", `<nav><a class="cat" href="/cf/c/loesungsmittel">Lösungsmittel</a> <a class="cat" href="/cf/c/laborbedarf">Laborbedarf</a></nav>`))
		case p == "/cf/c/loesungsmittel":
			html(w, page("Lösungsmittel", v22Cards("/cf/p/", []int{0, 1, 2})))
		case p == "/cf/c/laborbedarf":
			html(w, page("Laborbedarf", v22Cards("/cf/p/", []int{3, 4})))
		// 6. Post, redirect, get.
		case p == "/prg/suche":
			if r.Method != http.MethodPost {
				html(w, page("Produktsuche", `<form method="post" action="/prg/suche"><input name="suchbegriff"><select name="kategorie"><option value="alle">Alle</option></select><button>Suchen</button></form>`))
				return
			}
			r.ParseForm()
			if r.PostForm.Get("suchbegriff") == "" {
				w.WriteHeader(400)
				return
			}
			var raw [6]byte
			rand.Read(raw[:])
			sid := hex.EncodeToString(raw[:])
			mu.Lock()
			searches[sid] = true
			mu.Unlock()
			http.Redirect(w, r, "/prg/ergebnis?sid="+sid, http.StatusSeeOther)
		case p == "/prg/ergebnis":
			sid := q.Get("sid")
			mu.Lock()
			ok := searches[sid]
			mu.Unlock()
			if !ok {
				html(w, page("Suchergebnis", `<p class="notice">Ihre Suchanfrage ist abgelaufen. Bitte suchen Sie erneut.</p><a href="/prg/suche">Zur Suche</a>`))
				return
			}
			html(w, page("Suchergebnis", v22Cards("/prg/p/", v16Page(n, 2))+next(fmt.Sprintf("/prg/ergebnis?sid=%s&amp;page=%d", sid, n+1))))
		// 7. Stateful pager.
		case p == "/sf/katalog.jsf":
			c, err := r.Cookie("JSESSIONID")
			mu.Lock()
			if err != nil || sessions[c.Value] == 0 {
				var raw [8]byte
				rand.Read(raw[:])
				c = &http.Cookie{Name: "JSESSIONID", Value: strings.ToUpper(hex.EncodeToString(raw[:])), Path: "/sf", HttpOnly: true}
				http.SetCookie(w, c)
				sessions[c.Value] = 1
			}
			if q.Get("navigate") == "next" && sessions[c.Value] < 3 {
				sessions[c.Value]++
			} else if q.Get("navigate") == "" {
				sessions[c.Value] = 1
			}
			n = sessions[c.Value]
			mu.Unlock()
			html(w, page("Katalog", v22Cards("/sf/p/", v16Page(n, 2))+fmt.Sprintf(`<span class="pos">Seite %d von 3</span>`, n)+next("/sf/katalog.jsf?navigate=next")))
		// 8. javascript: pager.
		case p == "/jsp/shop":
			html(w, page("Katalog", v22Cards("/jsp/p/", v16Page(n, 2))+strings.Replace(next(fmt.Sprintf("javascript:goPage(%d)", n+1)), "<a ", `<a onclick="return true" `, 1)+`<script>function goPage(n){location.href='/jsp/shop?page='+n}</script>`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	target := func(name, start, pattern, extra string) string {
		s := fmt.Sprintf(`  - name: %s
    platform: %s
    start_urls: ["%s%s"]
    allow_private_networks: true
    delay: 0s
%s    listing:
`, name, strings.ToUpper(name[:1])+strings.ReplaceAll(name[1:], "-", ""), srv.URL, start, extra)
		if pattern != "" {
			s += fmt.Sprintf("      url_pattern: '%s'\n", pattern)
		}
		return s + "      fields: {title: h1, description: .desc, price: .price, seller: .seller}\n"
	}
	next := "    follow: [\"a.product-link\"]\n    next_page: [\"a.next\"]\n"
	cfg := "data_dir: DATA\ntargets:\n" +
		target("cut-short", "/cl/shop", `^/cl/p/\d+$`, next) +
		target("gzip-cut", "/gzc/shop", `^/gzc/p/\d+$`, next) +
		target("frameset", "/fs/", `^/fs/p/\d+$`, next) +
		target("aes-cookie-wall", "/if/shop", `^/if/p/\d+$`, next) +
		target("canonical-follow", "/cf/", "", "    follow: [\"a.cat\", \"a.product-link\"]\n") +
		target("post-redirect-get", "/prg/suche", `^/prg/p/\d+$`, next+"    request:\n      method: POST\n      body: \"suchbegriff=chemie&kategorie=alle\"\n") +
		target("stateful-pager", "/sf/katalog.jsf", `^/sf/p/\d+$`, next) +
		target("javascript-pager", "/jsp/shop", `^/jsp/p/\d+$`, next)
	got, _, out := crawl4(t, nil, cfg)
	defer logListingsOnFailure(t, got, out)
	var wants []shopWant
	for i, pr := range v16Products {
		price := fmt.Sprintf("%.2f EUR", pr.price)
		for _, k := range []string{"/fs/p/%d", "/cf/p/%d", "/prg/p/%d", "/sf/p/%d", "/jsp/p/%d"} {
			wants = append(wants, shopWant{fmt.Sprintf(k, i), pr.title, price, pr.desc, pr.seller})
		}
		if i < 2 {
			wants = append(wants, shopWant{fmt.Sprintf("/cl/p/%d", i), pr.title, price, pr.desc, pr.seller}, shopWant{fmt.Sprintf("/gzc/p/%d", i), pr.title, price, pr.desc, pr.seller})
		}
	}
	checkShopListings(t, got, wants)
	for k, l := range got {
		if strings.HasPrefix(k, "/if/") {
			t.Errorf("a listing named %s", k)
		}
		// Without url_pattern a category's heading is a title-only
		// listing of its own; no product is named by it.
		if strings.HasPrefix(k, "/cf/c/") && l.Title != "Lösungsmittel" && l.Title != "Laborbedarf" {
			t.Errorf("%s: title %q, a product named by its category", k, l.Title)
		}
	}
	for _, name := range []string{"frameset", "canonical-follow", "post-redirect-get", "stateful-pager", "javascript-pager"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	for _, name := range []string{"cut-short", "gzip-cut", "aes-cookie-wall"} {
		if c := completeColumn(out, name); c != "no" {
			t.Errorf("%s: complete %q, want no", name, c)
		}
	}
}

// TestVariety22CookielessSession crawls an ASP.NET shop with cookieless
// session state twice: every visit without a session is redirected to an
// address holding a new session id (/(S(…))/Default.aspx), and the
// catalogue's relative links keep it. The same products must be the same
// listings in both runs, none marked removed.
func TestVariety22CookielessSession(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if p == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		rest, ok := strings.CutPrefix(p, "/asp/(S(")
		if !ok {
			var raw [12]byte
			rand.Read(raw[:])
			sid := strings.ToLower(hex.EncodeToString(raw[:]))[:24]
			page := strings.TrimPrefix(p, "/asp/")
			if page == "" {
				page = "Default.aspx"
			}
			u := "/asp/(S(" + sid + "))/" + page
			if r.URL.RawQuery != "" {
				u += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, u, http.StatusFound)
			return
		}
		_, page, ok := strings.Cut(rest, "))/")
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch page {
		case "Default.aspx":
			n, err := strconv.Atoi(r.URL.Query().Get("page"))
			if err != nil {
				n = 1
			}
			pager := ""
			if n < 3 {
				pager = fmt.Sprintf(`<a class="next" href="Default.aspx?page=%d">Weiter</a>`, n+1)
			}
			io.WriteString(w, v20Page("", v16Page(n, 2), func(i int) string { return fmt.Sprintf("Product.aspx?id=%d", i) }, pager))
		case "Product.aspx":
			i, err := strconv.Atoi(r.URL.Query().Get("id"))
			if err != nil || i < 0 || i >= len(v16Products) {
				http.NotFound(w, r)
				return
			}
			io.WriteString(w, v20Detail(i))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := `data_dir: DATA
targets:
  - name: aspnet-cookieless
    platform: ASPNetCookieless
    start_urls: ["` + srv.URL + `/asp/"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.product-link"]
    next_page: ["a.next"]
    listing:
      url_pattern: 'Product\.aspx\?id=\d+$'
      fields: {title: h1, description: .desc, price: .price, seller: .seller}
`
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	out1 := crawlOnce(t, dir, data, cfg)
	out2 := crawlOnce(t, dir, data, cfg)
	for i, out := range []string{out1, out2} {
		if c := completeColumn(out, "aspnet-cookieless"); c != "yes" {
			t.Errorf("crawl %d: complete %q, want yes\n%s", i+1, c, out)
		}
	}
	if r := summaryColumn(out2, "aspnet-cookieless", "REMOVED"); r != "0" {
		t.Errorf("second crawl removed %q listings, want 0\n%s", r, out2)
	}
	statuses := listingStatuses(t, data)
	var keys bytes.Buffer
	for k, s := range statuses {
		fmt.Fprintf(&keys, "%s=%s ", k, s)
		if strings.Contains(k, "(S(") {
			t.Errorf("ticket named by a session address %s", k)
		}
		if s == "removed" {
			t.Errorf("ticket %s removed", k)
		}
	}
	if len(statuses) == 0 {
		t.Errorf("no tickets")
	}
	t.Logf("tickets: %s", keys.String())
}
