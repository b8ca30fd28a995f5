package crawler

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// Round 6 of marketplace shapes, written down before the earlier rounds'
// tests were read, then checked against them (grep): the shapes marked
// "covered" were already tested and are left out here.
//
//  1. a listing split across its page and JSON endpoints its script loads
//     (price and seller from /api/…, data-url)
//  2. infinite scroll whose "Load more" button holds a cursor token
//     (data-after="…"), sent back as ?after=
//  3. listings as <table> rows, with header and footer rows
//  4. prices written 1.234,56 €, ₹1,23,456, and a numeric JSON-LD price
//  5. a description kept in <script type="text/template">
//  6. a feed that is a schema.org ItemList served as application/ld+json
//  7. an XML sitemap with <image:image> entries (covered: variety 4)
//  8. JSON-LD AggregateOffer / priceSpecification (covered: variety 4)
//  9. pagination by a GET form (hidden page input, a Next button)
//  10. a JSON feed with a UTF-8 BOM (covered: variety 1)
//  11. cards holding their product as JSON in an attribute
//     (data-product='{"name": …}')
//  12. a Shopify products.json feed (covered: variety 2)
//
// and, in place of the covered ones: a Yandex Market (YML) XML catalogue,
// seller emails hidden by Cloudflare's email obfuscation, an XHTML page
// with a long prolog, and WooCommerce's Store API with prices in minor
// units.

// variety6Shop serves every shape under its own path prefix.
func variety6Shop() http.Handler {
	mux := http.NewServeMux()
	html := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, s)
	}
	jsonAnswer := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, s)
	}
	mux.HandleFunc("/robots.txt", http.NotFound)
	// 1. split page and JSON endpoints.
	mux.HandleFunc("/split/p/1", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><body><h1>Safrole oil 1 l</h1><p class="d">Stealth shipping</p>
			<span class="price" data-url="/split/api/price?sku=1">loading…</span>
			<div class="seller" data-url="/split/api/seller/1"></div></body></html>`)
	})
	mux.HandleFunc("/split/api/price", func(w http.ResponseWriter, r *http.Request) {
		jsonAnswer(w, `{"sku": 1, "data": {"stock": 3, "formatted_price": "1.234,56 €"}}`)
	})
	mux.HandleFunc("/split/api/seller/1", func(w http.ResponseWriter, r *http.Request) {
		jsonAnswer(w, `{"seller": {"id": 9, "name": "ChemKing", "country": "NL"}}`)
	})
	// 2. load more by cursor token.
	mux.HandleFunc("/token/list", func(w http.ResponseWriter, r *http.Request) {
		after := r.URL.Query().Get("after")
		pages := map[string][2]string{"": {"1 2", "eyJpZCI6Mn0"}, "eyJpZCI6Mn0": {"3 4", "eyJpZCI6NH0"}, "eyJpZCI6NH0": {"5", ""}}
		p, ok := pages[after]
		if !ok {
			http.Error(w, "bad cursor", http.StatusBadRequest)
			return
		}
		var b strings.Builder
		for id := range strings.FieldsSeq(p[0]) {
			fmt.Fprintf(&b, `<a class="o" href="/token/p/%s">offer %s</a>`, id, id)
		}
		if p[1] != "" {
			fmt.Fprintf(&b, `<button class="more" type="button" data-after="%s">Load more</button>`, p[1])
		}
		html(w, "<html><body>"+b.String()+"</body></html>")
	})
	mux.HandleFunc("/token/p/", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><body><h1>offer `+strings.TrimPrefix(r.URL.Path, "/token/p/")+`</h1></body></html>`)
	})
	// 3, 4. table rows, prices.
	mux.HandleFunc("/table/list", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><body><table class="offers"><thead><tr><th>#</th><th>Name</th><th>Price</th><th>Seller</th></tr></thead><tbody>
			<tr><td>1</td><td class="name"><a href="/table/o/1">Safrole oil 1 l</a></td><td>1.234,56 €</td><td>ChemKing</td></tr>
			<tr><td>2</td><td class="name"><a href="/table/o/2">PMK glycidate</a></td><td>₹1,23,456</td><td>Mumbai Labs</td></tr></tbody>
			<tfoot><tr><td colspan="4">Showing 2 of 2</td></tr></tfoot></table></body></html>`)
	})
	mux.HandleFunc("/ldprice/p/1", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Ephedrine HCl",
			"offers":{"@type":"Offer","price":123456,"priceCurrency":"INR"}}</script></head><body><h1>Ephedrine HCl</h1></body></html>`)
	})
	// 5. description in a script template.
	mux.HandleFunc("/tpl/p/1", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><body><h1>Safrole</h1><div id="desc"></div>
			<script type="text/template" id="desc-tpl"><div class="d"><p>Stealth shipping, <b>Wickr</b>: chem1</p></div></script>
			<script>document.getElementById("desc").innerHTML = document.getElementById("desc-tpl").innerHTML</script></body></html>`)
	})
	// 6. a schema.org ItemList feed.
	mux.HandleFunc("/ld/feed.jsonld", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/ld+json")
		io.WriteString(w, `{"@context":"https://schema.org","@type":"ItemList","itemListElement":[
			{"@type":"ListItem","position":1,"item":{"@type":"Product","@id":"/ld/p/1","name":"Safrole","url":"/ld/p/1","description":"Discreet","offers":{"@type":"Offer","price":"12.50","priceCurrency":"EUR"}}},
			{"@type":"ListItem","position":2,"item":{"@type":"Product","@id":"/ld/p/2","name":"Acetone","url":"/ld/p/2","description":"Lab grade","offers":{"@type":"Offer","price":"3","priceCurrency":"EUR"}}}]}`)
	})
	// 9. a GET form pager.
	mux.HandleFunc("/form/list", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("cat") != "2" {
			http.Error(w, "no category", http.StatusBadRequest)
			return
		}
		page := r.URL.Query().Get("page")
		if page == "" {
			page = "1"
		}
		var next string
		if page != "3" {
			next = fmt.Sprintf(`<form class="pager" method="GET" action="/form/list"><input type="hidden" name="cat" value="2">
				<input type="hidden" name="page" value="%c"><input type="text" name="q" value=""><button type="submit">Next</button></form>`, page[0]+1)
		}
		html(w, fmt.Sprintf(`<html><body><a class="o" href="/form/p/%s">offer %s</a>%s
			<form action="/cart" method="post"><input type="hidden" name="page" value="9"><button>Add</button></form></body></html>`, page, page, next))
	})
	mux.HandleFunc("/form/p/", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><body><h1>offer `+strings.TrimPrefix(r.URL.Path, "/form/p/")+`</h1></body></html>`)
	})
	// 11. cards with their product as JSON in an attribute.
	mux.HandleFunc("/cards/list", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><body>
			<div class="card" data-product='{"id":7,"name":"Safrole oil","price":{"amount":12.5,"currency":"EUR"},"seller":{"name":"ChemKing"},"tags":["oil","pure"]}'><a href="/cards/p/7">Safrole</a></div>
			<div class="card" data-product="{&quot;id&quot;:8,&quot;name&quot;:&quot;PMK glycidate&quot;,&quot;price&quot;:900,&quot;seller&quot;:{&quot;name&quot;:&quot;Pmkking&quot;}}"><a href="/cards/p/8">PMK</a></div>
			</body></html>`)
	})
	// A Yandex Market (YML) catalogue.
	mux.HandleFunc("/yml/catalog.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml; charset=windows-1251")
		io.WriteString(w, "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<yml_catalog date=\"2026-11-27 10:00\"><shop><name>ChemShop</name>"+
			"<offers><offer id=\"12\" available=\"true\"><url>/yml/p/12</url><price>1500</price><currencyId>RUR</currencyId>"+
			"<name>\xd1\xe0\xf4\xf0\xee\xeb 99%</name><description><![CDATA[<p>\xc0\xed\xee\xed\xe8\xec\xed\xe0\xff \xe4\xee\xf1\xf2\xe0\xe2\xea\xe0, Telegram @chem</p>]]></description>"+
			"<param name=\"CAS\">94-59-7</param><param name=\"Purity\" unit=\"%\">99</param></offer>"+
			"<offer id=\"13\" available=\"false\"><url>/yml/p/13</url><price>90</price><name>Acetone</name></offer></offers></shop></yml_catalog>")
	})
	// Cloudflare's email obfuscation.
	mux.HandleFunc("/cf/p/1", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><body><h1>Safrole</h1><div class="d">Bulk orders: <a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="543c3d14373c31393f3d3a337a312c3539243831">[email&#160;protected]</a>,
			or <a href="/cdn-cgi/l/email-protection#543c3d14373c31393f3d3a337a312c3539243831"><span>[email&#160;protected]</span></a></div></body></html>`)
	})
	// An XHTML page with a long prolog.
	mux.HandleFunc("/xhtml/p/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xhtml+xml; charset=utf-8")
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n<!-- "+strings.Repeat("Copyright ChemShop. All rights reserved. ", 40)+"-->\n"+
			`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Safrole</title></head><body><h1>Safrole</h1><div class="d">Stealth <br/>shipping, Wickr chem1</div></body></html>`)
	})
	// WooCommerce's Store API.
	mux.HandleFunc("/wc/products", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-WP-TotalPages", "2")
		switch r.URL.Query().Get("page") {
		case "1", "":
			jsonAnswer(w, `[{"id":11,"name":"Safrole oil","permalink":"/wc/p/11","short_description":"<p>Discreet</p>","prices":{"price":"129900","regular_price":"129900","currency_code":"EUR","currency_minor_unit":2}}]`)
		case "2":
			jsonAnswer(w, `[{"id":12,"name":"Acetone","permalink":"/wc/p/12","short_description":"","prices":{"price":"350","currency_code":"JPY","currency_minor_unit":0}}]`)
		default:
			w.WriteHeader(http.StatusBadRequest)
			jsonAnswer(w, `{"code":"rest_post_invalid_page_number"}`)
		}
	})
	return mux
}

// TestVariety6 crawls each shape of round 6 with the real crawler.
func TestVariety6(t *testing.T) {
	srv := mustServer(t, variety6Shop())
	type want struct{ id, title, price, seller, desc, attr string }
	for _, tc := range []struct {
		name   string
		target func(tg *precwatch.Target)
		start  string
		want   []want
	}{
		{"split page and JSON endpoints", func(tg *precwatch.Target) {
			tg.Listing.Fields = map[string]string{"title": "h1", "description": "p.d", "price": ".price@data-url", "seller": ".seller@data-url"}
		}, "/split/p/1", []want{{title: "Safrole oil 1 l", price: "1.234,56 €", seller: "ChemKing", desc: "Stealth shipping"}}},
		{"load more by cursor token", func(tg *precwatch.Target) {
			tg.Follow, tg.NextPage = []string{"a.o"}, []string{"button.more@data-after"}
			tg.Listing = precwatch.ListingSpec{URLPattern: `^/token/p/\d+$`, Fields: map[string]string{"title": "h1"}}
		}, "/token/list", []want{{title: "offer 1"}, {title: "offer 2"}, {title: "offer 3"}, {title: "offer 4"}, {title: "offer 5"}}},
		{"table rows", func(tg *precwatch.Target) {
			tg.Listing = precwatch.ListingSpec{Item: "table.offers tr",
				Fields: map[string]string{"url": "td.name a@href", "title": "td.name", "price": "td:nth-child(3)", "seller": "td:nth-child(4)"}}
		}, "/table/list", []want{{id: "/table/o/1", title: "Safrole oil 1 l", price: "1.234,56 €", seller: "ChemKing"},
			{id: "/table/o/2", title: "PMK glycidate", price: "₹1,23,456", seller: "Mumbai Labs"}}},
		{"numeric JSON-LD price", func(tg *precwatch.Target) { tg.Listing.Fields = nil }, "/ldprice/p/1", []want{{title: "Ephedrine HCl", price: "123456 INR"}}},
		{"script template description", func(tg *precwatch.Target) {
			tg.Listing.Fields = map[string]string{"title": "h1", "description": "#desc, script#desc-tpl"}
		}, "/tpl/p/1", []want{{title: "Safrole", desc: "Stealth shipping, Wickr: chem1"}}},
		{"ItemList feed", func(tg *precwatch.Target) {
			tg.Kind = precwatch.KindJSON
			tg.JSON = precwatch.JSONSpec{Items: "itemListElement[*].item", Fields: map[string]string{"id": "@id", "url": "url", "title": "name",
				"description": "description", "price": "offers.price"}}
		}, "/ld/feed.jsonld", []want{{id: "/ld/p/1", title: "Safrole", price: "12.50", desc: "Discreet"}, {id: "/ld/p/2", title: "Acetone", price: "3", desc: "Lab grade"}}},
		{"GET form pager", func(tg *precwatch.Target) {
			tg.Follow, tg.NextPage = []string{"a.o"}, []string{"form.pager"}
			tg.Listing = precwatch.ListingSpec{URLPattern: `^/form/p/\d+$`, Fields: map[string]string{"title": "h1"}}
		}, "/form/list?cat=2", []want{{title: "offer 1"}, {title: "offer 2"}, {title: "offer 3"}}},
		{"JSON in an attribute", func(tg *precwatch.Target) {
			tg.Listing = precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"id": "@data-product.id", "url": "a@href",
				"title": "@data-product.name", "price": "@data-product.price", "seller": "@data-product.seller", "tags": "@data-product.tags"}}
		}, "/cards/list", []want{{id: "7", title: "Safrole oil", price: "12.5 EUR", seller: "ChemKing", attr: "oil, pure"},
			{id: "8", title: "PMK glycidate", price: "900", seller: "Pmkking"}}},
		{"YML catalogue", func(tg *precwatch.Target) {
			tg.Listing = precwatch.ListingSpec{Item: "offer", Fields: map[string]string{"id": "@id", "url": "url", "title": "name",
				"price": "price", "description": "description", "cas": "param[name=CAS]"}}
		}, "/yml/catalog.xml", []want{{id: "12", title: "Сафрол 99%", price: "1500", desc: "Анонимная доставка, Telegram @chem", attr: "94-59-7"},
			{id: "13", title: "Acetone", price: "90"}}},
		{"Cloudflare email obfuscation", func(tg *precwatch.Target) {
			tg.Listing.Fields = map[string]string{"title": "h1", "description": "div.d"}
		}, "/cf/p/1", []want{{title: "Safrole", desc: "Bulk orders: hi@chemking.example, or hi@chemking.example"}}},
		{"XHTML with a long prolog", func(tg *precwatch.Target) {
			tg.Listing.Fields = map[string]string{"title": "h1", "description": "div.d"}
		}, "/xhtml/p/1", []want{{title: "Safrole", desc: "Stealth shipping, Wickr chem1"}}},
		{"WooCommerce Store API", func(tg *precwatch.Target) {
			tg.Kind = precwatch.KindJSON
			tg.JSON = precwatch.JSONSpec{Items: ".", Fields: map[string]string{"id": "id", "url": "permalink", "title": "name",
				"description": "short_description", "price": "prices"}}
		}, "/wc/products?page=1", []want{{id: "11", title: "Safrole oil", price: "1299.00 EUR", desc: "Discreet"}, {id: "12", title: "Acetone", price: "350 JPY"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tg := singlePageTarget(srv.URL, tc.start)
			tg.MaxRetries = 0
			tc.target(&tg)
			sink := &collector{}
			run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
			if err != nil {
				t.Fatal(err)
			}
			if !run.Complete || run.Errors != 0 {
				t.Errorf("run complete %v, errors %v; want complete, none", run.Complete, run.ErrorsByKind)
			}
			var got []want
			for _, l := range sink.listings {
				w := want{title: l.Title, price: l.Price, seller: l.Seller, desc: l.Description}
				if strings.HasPrefix(l.ID, srv.URL) {
					w.id = strings.TrimPrefix(l.ID, srv.URL)
				} else {
					w.id = l.ID
				}
				for _, k := range slices.Sorted(func(yield func(string) bool) {
					for k := range l.Attributes {
						if !yield(k) {
							return
						}
					}
				}) {
					if k == "tags" || k == "cas" {
						w.attr = l.Attributes[k]
					}
				}
				got = append(got, w)
			}
			key := func(a, b want) int { return strings.Compare(a.title, b.title) }
			slices.SortFunc(got, key)
			ws := slices.Clone(tc.want)
			slices.SortFunc(ws, key)
			for i := range ws {
				if ws[i].id == "" && i < len(got) {
					ws[i].id = got[i].id // not checked
				}
			}
			if !slices.Equal(got, ws) {
				t.Errorf("listings\n got %+v\nwant %+v", got, ws)
			}
		})
	}
}
