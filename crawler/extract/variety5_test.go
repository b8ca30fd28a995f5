package extract

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestPostNext pages POST feeds: by a cursor (and Relay's hasNextPage
// beside it), a page number, a boolean, or by counting ${page} on.
func TestPostNext(t *testing.T) {
	const ep = "https://api.example/graphql"
	for _, tc := range []struct {
		name, body, next, pageURL, doc string
		wantNext                       []string
		wantCountOn                    string
	}{
		{"cursor", `{"after": ${cursor}}`, "data.pageInfo.endCursor", ep,
			`{"data":{"items":[{"t":"a"}],"pageInfo":{"endCursor":"c1","hasNextPage":true}}}`,
			[]string{ep + "#pw:cursor=c1&offset=1&page=2"}, ""},
		{"relay last page", `{"after": ${cursor}}`, "data.pageInfo.endCursor", ep + "#pw:cursor=c1&offset=1&page=2",
			`{"data":{"items":[{"t":"a"}],"pageInfo":{"endCursor":"c2","hasNextPage":false}}}`, nil, ""},
		{"same cursor", `{"after": ${cursor}}`, "data.pageInfo.endCursor", ep + "#pw:cursor=c1&offset=1&page=2",
			`{"data":{"items":[{"t":"a"}],"pageInfo":{"endCursor":"c1"}}}`, nil, ""},
		{"null cursor", `{"after": ${cursor}}`, "data.pageInfo.endCursor", ep,
			`{"data":{"items":[{"t":"a"}],"pageInfo":{"endCursor":null}}}`, nil, ""},
		{"boolean", `{"page": ${page}}`, "data.hasMore", ep + "#pw:offset=1&page=2",
			`{"data":{"items":[{"t":"a"},{"t":"b"}],"hasMore":true}}`, []string{ep + "#pw:offset=3&page=3"}, ""},
		{"page number", `{"page": ${page}}`, "data.nextPage", ep,
			`{"data":{"items":[{"t":"a"}],"nextPage":2}}`, []string{ep + "#pw:offset=1&page=2"}, ""},
		{"count on", `{"from": ${offset}}`, "", ep,
			`{"data":{"items":[{"t":"a"},{"t":"b"}]}}`, nil, ep + "#pw:offset=2&page=2"},
		{"count on ends", `{"from": ${offset}}`, "", ep + "#pw:offset=2&page=2",
			`{"data":{"items":[]}}`, nil, ""},
		{"no page variable", `{"q": "x"}`, "", ep, `{"data":{"items":[{"t":"a"}]}}`, nil, ""},
		{"numeric cursor", `{"after_id": ${cursor}}`, "data.lastId", ep,
			`{"data":{"items":[{"t":"a"}],"lastId":981}}`, []string{ep + "#pw:cursor=981&cursor_type=number&offset=1&page=2"}, ""},
	} {
		tg := &precwatch.Target{Name: "t", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{
			Method: "POST", Body: tc.body, Items: "data.items", NextPage: tc.next, Fields: map[string]string{"title": "t"}}}
		p, err := JSON(tg, tc.pageURL, []byte(tc.doc))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !slices.Equal(p.Next, tc.wantNext) || p.CountOn != tc.wantCountOn {
			t.Errorf("%s: next %q, count on %q; want %q, %q", tc.name, p.Next, p.CountOn, tc.wantNext, tc.wantCountOn)
		}
	}
}

func TestPostPageURL(t *testing.T) {
	for _, tc := range []struct {
		page, offset int
		cursor       string
	}{{1, 0, ""}, {2, 20, ""}, {3, 40, "a b&c=d#e"}} {
		u := PostPageURL("https://api.example/q?x=1", tc.page, tc.offset, tc.cursor)
		ep, p, o, c := PostPageVars(u)
		if ep != "https://api.example/q?x=1" || p != tc.page || o != tc.offset || c != tc.cursor {
			t.Errorf("PostPageVars(PostPageURL(%d, %d, %q) = %s) = %s %d %d %q", tc.page, tc.offset, tc.cursor, u, ep, p, o, c)
		}
	}
}

// TestPageShapes5 reads page shapes found in the fifth round: each case
// failed before (the want column says what came out then).
func TestPageShapes5(t *testing.T) {
	html := func(fields map[string]string) *precwatch.Target {
		return &precwatch.Target{Name: "p", Platform: "P", Kind: "html", Listing: precwatch.ListingSpec{Fields: fields}}
	}
	for _, tc := range []struct {
		name, body string
		t          *precwatch.Target
		want       string // title | description | price | seller of the only listing
	}{
		// Magento and Drupal wrap JSON-LD in /*<![CDATA[*/ … /*]]>*/
		// (before: no listing).
		{"cdata comment", `<html><head><script type="application/ld+json">/*<![CDATA[*/{"@context":"https://schema.org","@type":"Product","name":"Safrole 1 l","description":"CAS 94-59-7","offers":{"@type":"Offer","price":"12.00","priceCurrency":"EUR"}}/*]]>*/</script></head><body></body></html>`,
			html(nil), "Safrole 1 l|CAS 94-59-7|12.00 EUR|"},
		{"comment and cdata", `<html><head><script type="application/ld+json"><!-- //<![CDATA[
{"@type":"Product","name":"Safrole 1 l","description":"CAS 94-59-7"}
//]]> --></script></head><body></body></html>`, html(nil), "Safrole 1 l|CAS 94-59-7||"},
		// A classified ad written as an Offer of its own (before: no
		// listing).
		{"offer ad", `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Offer","name":"Safrole 1 l","description":"CAS 94-59-7","price":"12","priceCurrency":"EUR","seller":{"@type":"Person","name":"bob"}}</script></head><body></body></html>`,
			html(nil), "Safrole 1 l|CAS 94-59-7|12 EUR|bob"},
		// An Offer beside the page's Product is the Product's.
		{"offer beside product", `<html><head><script type="application/ld+json">[{"@type":"Product","name":"Safrole 1 l","description":"CAS 94-59-7"},{"@type":"Offer","name":"Safrole offer","price":"12"}]</script></head><body></body></html>`,
			html(nil), "Safrole 1 l|CAS 94-59-7||"},
		// Cents as a superscript (before: "€1299").
		{"sup cents", `<html><body><h1>Safrole</h1><span class="price">€12<sup>99</sup></span></body></html>`,
			html(map[string]string{"title": "h1", "price": ".price"}), "Safrole||€12.99|"},
		{"sup not cents", `<html><body><h1>Safrole</h1><p class="d">Area 10 m<sup>2</sup>, 10<sup>3</sup> units</p></body></html>`,
			html(map[string]string{"title": "h1", "description": ".d"}), "Safrole|Area 10 m2, 103 units||"},
		// A web component's declarative shadow root is shown (before:
		// skipped as a template); other templates are not.
		{"shadow root", `<html><body><h1>Safrole</h1><product-info class="d"><template shadowrootmode="open"><p>CAS 94-59-7</p><slot></slot></template></product-info><template><p>hidden</p></template></body></html>`,
			html(map[string]string{"title": "h1", "description": ".d"}), "Safrole|CAS 94-59-7||"},
		// Text kept for browsers without JavaScript (before: empty).
		{"noscript", `<html><body><h1>Safrole</h1><div class="desc"><noscript><p>CAS 94-59-7</p><p>discreet</p></noscript></div></body></html>`,
			html(map[string]string{"title": "h1", "description": ".desc"}), "Safrole|CAS 94-59-7 discreet||"},
	} {
		p, err := Extract(tc.t, "https://s.example/p/1", []byte(tc.body))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for _, l := range p.Listings {
			got = append(got, l.Title+"|"+l.Description+"|"+l.Price+"|"+l.Seller)
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: listings %q, want [%q]", tc.name, got, tc.want)
		}
	}
}

// TestScriptLinks follows a single-page app's catalogue whose listing
// links are only in its scripts' state (Next.js, Nuxt with escaped
// slashes): before, nothing was followed. Links elsewhere in the markup
// keep their meaning (a redesign the follow selectors miss is still
// reported, not papered over).
func TestScriptLinks(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html", Follow: []string{"a.product"},
		Listing: precwatch.ListingSpec{URLPattern: "^/p/", Fields: map[string]string{"title": "h1"}}}
	spa := `<html><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"products":[{"id":1,"name":"Safrole","url":"/p/safrole-1-l"},{"id":2,"name":"Acetone","url":"/p/acetone"}],"nav":["/c/other"]}}}</script>
<script>window.__NUXT__={"a":"\u002Fp\u002Fnuxt-item","b":"https:\/\/s.example\/p\/escaped","c":"/p/safrole-1-l"}</script></body></html>`
	p, err := Extract(tg, "https://s.example/c/solvents", []byte(spa))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://s.example/p/safrole-1-l", "https://s.example/p/acetone", "https://s.example/p/nuxt-item", "https://s.example/p/escaped"}
	if !slices.Equal(p.Follow, want) || p.Counts[CountScriptLinks] != 4 {
		t.Errorf("follow %q (count %d), want %q", p.Follow, p.Counts[CountScriptLinks], want)
	}
	// Markup links that the selectors miss: reported, not replaced.
	redesign := `<html><body><a class="card" href="/p/1">1</a><script>var x = {"u": "/p/2"}</script></body></html>`
	p, err = Extract(tg, "https://s.example/c/solvents", []byte(redesign))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Follow) != 0 || p.Counts[CountUnfollowed] != 1 {
		t.Errorf("redesign: follow %q, unfollowed %d; want none and 1", p.Follow, p.Counts[CountUnfollowed])
	}
}

// TestSoftNotFound marks pages whose title or heading says they are not
// there, in several languages, and leaves products alone.
func TestSoftNotFound(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html", Follow: []string{"a.o"},
		Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1", "description": ".d"}}}
	for _, tc := range []struct {
		head, h1 string
		want     bool
	}{
		{"<title>Page not found – ChemShop</title>", "Oops!", true},
		{"<title>404 - Not Found</title>", "", true},
		{"", "404", true},
		{"<title>Error 404 | Shop</title>", "", true},
		{"<title>ChemShop</title>", "This listing has ended", true},
		{"<title>Shop</title>", "Diese Seite wurde nicht gefunden", true},
		{"<title>Shop</title>", "Страница не найдена", true},
		{"<title>Shop</title>", "Cette annonce n'existe plus", true},
		{"<title>Solvent Blend 404 | Shop</title>", "Solvent Blend 404", false},
		{"<title>Acetone 5 l | Shop</title>", "Acetone 5 l", false},
		{"<title>Lost and Found box</title>", "Lost and Found box", false},
		{"<title>Ephedrine HCl 99%, hard to get, not found in stores | Shop</title>", "Ephedrine HCl 99%, hard to get, not found in stores", false},
		{"<title>Sorry, the page you requested was not found.</title>", "", true},
		{`<title>Not found</title><script type="application/ld+json">{"@type":"Product","name":"Safrole"}</script>`, "", false},
	} {
		body := "<html><head>" + tc.head + "</head><body><h1>" + tc.h1 + `</h1><p class="d">text</p></body></html>`
		p, err := Extract(tg, "https://s.example/p/1", []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if p.NotFound != tc.want {
			t.Errorf("%s / h1 %q: NotFound %v, want %v", tc.head, tc.h1, p.NotFound, tc.want)
		}
	}
}

// TestFeedError fails feed pages that report an error with status 200, and
// only those.
func TestFeedError(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: precwatch.KindJSON,
		JSON: precwatch.JSONSpec{Items: "data.items", Fields: map[string]string{"title": "t"}}}
	for _, tc := range []struct {
		doc, msg string // msg "": no error
	}{
		{`{"errors":[{"message":"Not authorised"}],"data":null}`, "Not authorised"},
		{`{"error":"rate limited"}`, "rate limited"},
		{`{"error":{"code":500,"message":"boom"}}`, "boom"},
		{`{"fault":{"faultstring":"Invalid ApiKey"}}`, "Invalid ApiKey"},
		{`{"status":"error","message":"maintenance"}`, "maintenance"},
		{`{"success":false,"msg":"try later"}`, "try later"},
		{`{"error":null,"data":{"items":[]}}`, ""},
		{`{"errors":[],"data":{"items":[{"t":"a"}]}}`, ""},
		{`{"errors":[{"message":"partial"}],"data":{"items":[{"t":"a"}]}}`, ""},
		{`{"success":true}`, ""},
		{`{"data":{}}`, ""},
	} {
		_, err := JSON(tg, "https://api.example/feed", []byte(tc.doc))
		switch {
		case tc.msg == "" && err != nil:
			t.Errorf("%s: %v, want no error", tc.doc, err)
		case tc.msg != "" && (!errors.Is(err, ErrFeedError) || !strings.Contains(err.Error(), tc.msg)):
			t.Errorf("%s: %v, want ErrFeedError with %q", tc.doc, err, tc.msg)
		}
	}
}

// TestBotWall names the challenge pages of bot protections, and only on
// pages with nothing on them.
func TestBotWall(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html", Follow: []string{"a.o"},
		Listing: precwatch.ListingSpec{URLPattern: "^/p/", Fields: map[string]string{"title": "h1"}}}
	for _, tc := range []struct{ body, want string }{
		{`<html><head><META NAME="robots" CONTENT="noindex,nofollow"><script src="/_Incapsula_Resource?SWJIYLWA=5074a744"></script></head><body><iframe src="/_Incapsula_Resource?CWUDNSAI=24">Request unsuccessful. Incapsula incident ID: 1234</iframe></body></html>`, "Incapsula"},
		{`<html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>`, "Cloudflare"},
		{`<html><body><script src="https://ct.captcha-delivery.com/c.js"></script></body></html>`, "DataDome"},
		{`<html><body><div class="g-recaptcha" data-sitekey="x"></div><p>Please verify you are a human</p></body></html>`, "CAPTCHA"},
		{`<html><head><title>429 Too Many Requests</title></head><body><h1>Slow down</h1></body></html>`, "a rate limit"},
		// A shop page with a newsletter CAPTCHA, or the scripts a
		// protection adds to every page: not a wall.
		{`<html><body><p>No products in this category.</p><form><div class="g-recaptcha"></div>Subscribe</form></body></html>`, ""},
		{`<html><head><script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script></head><body><p>No products.</p></body></html>`, ""},
		// A page with links is read, whatever its markers.
		{`<html><body><a class="o" href="/p/1">1</a><script>/* cf-chl- */</script></body></html>`, ""},
	} {
		p, err := Extract(tg, "https://s.example/c/1", []byte(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		if p.BotWall != tc.want {
			t.Errorf("%.80s: BotWall %q, want %q", tc.body, p.BotWall, tc.want)
		}
	}
}

// TestSeveralProductsOnListingPage reads a listing page (by url_pattern)
// with several JSON-LD Products as its one listing: the page's product,
// written twice (theme and plugin, each with part of the fields), and a
// related product. Before, the related product became a second listing of
// the page, named by its text.
func TestSeveralProductsOnListingPage(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html", Follow: []string{"a.o"},
		Listing: precwatch.ListingSpec{URLPattern: "^/p/"}}
	body := `<html><head>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Safrole 1 l","offers":{"price":"12","priceCurrency":"EUR"}}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Safrole 1 l","description":"CAS 94-59-7, discreet","url":"https://s.example/p/1"}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acetone 5 l","description":"solvent"}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Toluene","url":"https://s.example/p/9"}</script>
</head><body></body></html>`
	p, err := Extract(tg, "https://s.example/p/1", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Listings) != 1 {
		t.Fatalf("%d listings %+v, want 1", len(p.Listings), p.Listings)
	}
	l := p.Listings[0]
	if l.Title != "Safrole 1 l" || l.Description != "CAS 94-59-7, discreet" || l.Price != "12 EUR" || l.URL != "https://s.example/p/1" {
		t.Errorf("listing %+v", l)
	}
	// A catalogue without url_pattern keeps every product.
	tg.Listing.URLPattern, tg.Follow = "", nil
	if p, _ := Extract(tg, "https://s.example/c/1", []byte(body)); len(p.Listings) != 4 {
		t.Errorf("catalogue: %d listings, want 4", len(p.Listings))
	}
}

// TestJSONInString reads feeds that hold their listings as a JSON string,
// as ASP.NET web methods answer ({"d": "[…]"} or {"d": "{\"items\": […]}"}).
// Before, no listing.
func TestJSONInString(t *testing.T) {
	for _, tc := range []struct{ items, doc string }{
		{"d", `{"d":"[{\"Name\":\"Safrole 1 l\",\"Id\":7}]"}`},
		{"d.Items", `{"d":"{\"Items\":[{\"Name\":\"Safrole 1 l\",\"Id\":7}],\"Total\":1}"}`},
	} {
		tg := &precwatch.Target{Name: "p", Platform: "P", Kind: precwatch.KindJSON,
			JSON: precwatch.JSONSpec{Items: tc.items, Fields: map[string]string{"title": "Name", "id": "Id"}}}
		p, err := JSON(tg, "https://api.example/Service.asmx/GetOffers", []byte(tc.doc))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Listings) != 1 || p.Listings[0].Title != "Safrole 1 l" || p.Listings[0].ID != "7" {
			t.Errorf("items %s: %+v, want Safrole 1 l, id 7", tc.items, p.Listings)
		}
	}
}

// TestScriptPagination reads next-page links that a script follows: a
// number in the attribute the selector names, or href="#" /
// "javascript:" with the page in data-page. Before, "3" resolved to
// "/catalog/3" and "#" to the page itself (no next page).
func TestScriptPagination(t *testing.T) {
	for _, tc := range []struct {
		next []string
		page string
		body string
		want string
	}{
		{[]string{"a.next@data-page"}, "https://s.example/catalog?page=2", `<a class="next" href="#" data-page="3">›</a>`, "https://s.example/catalog?page=3"},
		{[]string{"a.next"}, "https://s.example/catalog", `<a class="next" href="javascript:void(0)" data-page="2">Next</a>`, "https://s.example/catalog?page=2"},
		{[]string{"a.next"}, "https://s.example/catalog?p=1", `<a class="next" href="#" data-page="2">Next</a>`, "https://s.example/catalog?p=2"},
		{[]string{"a.next"}, "https://s.example/catalog", `<a class="next" href="/catalog/page/2" data-page="2">Next</a>`, "https://s.example/catalog/page/2"},
		{[]string{"button.more@data-url"}, "https://s.example/catalog", `<button class="more" data-url="/api/more?page=2">More</button>`, "https://s.example/api/more?page=2"},
	} {
		tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html", NextPage: tc.next,
			Listing: precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"title": "h2"}}}
		p, err := Extract(tg, tc.page, []byte(`<html><body><div class="card"><h2>a</h2></div>`+tc.body+`</body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Next) != 1 || p.Next[0] != tc.want {
			t.Errorf("%s on %s: next %q, want %s", tc.body, tc.page, p.Next, tc.want)
		}
	}
}

// TestCSVFeeds reads CSV and TSV product feeds (Google Merchant's TSV, a
// shop's CSV export with semicolons) as a json target's items, keyed by
// their header; before, they failed to parse. Tables of one column, and
// rows of the wrong width, are not feeds.
func TestCSVFeeds(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: precwatch.KindJSON,
		JSON: precwatch.JSONSpec{Items: ".", Fields: map[string]string{"id": "id", "title": "title", "description": "description", "url": "link"}}}
	for _, tc := range []struct {
		name, body string
		want       []string // id|title|description|url
	}{
		{"tsv", "id\ttitle\tdescription\tlink\tprice\nA1\tSafrole 99%\tCAS 94-59-7, \"discreet\"\thttps://s.example/p/a1\t12.00 EUR\nA2\tAcetone\tSolvent\t/p/a2\t3.00 EUR\n",
			[]string{"A1|Safrole 99%|CAS 94-59-7, \"discreet\"|https://s.example/p/a1", "A2|Acetone|Solvent|https://s.example/p/a2"}},
		{"csv", "id,title,description,link\r\n7,\"BMK glycidate, 1 kg\",\"Stealth\nshipping\",https://s.example/p/7\r\n",
			[]string{"7|BMK glycidate, 1 kg|Stealth shipping|https://s.example/p/7"}},
		{"semicolons", "id;title;description;link\n9;Toluol 1 l;Lösungsmittel, rein;https://s.example/p/9\n\n",
			[]string{"9|Toluol 1 l|Lösungsmittel, rein|https://s.example/p/9"}},
	} {
		p, err := JSON(tg, "https://s.example/feeds/products.tsv", []byte(tc.body))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for _, l := range p.Listings {
			got = append(got, l.ID+"|"+l.Title+"|"+l.Description+"|"+l.URL)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	for _, bad := range []string{"just some text\nmore text\n", "a,b\n1,2,3\n", "<html>x</html>"} {
		if _, err := JSON(tg, "https://s.example/feed", []byte(bad)); err == nil {
			t.Errorf("%q: no error, want a parse error", bad)
		}
	}
}

// TestLazyImages reads a lazy-loaded image's real address for an
// "img@src" field; before, the placeholder (a data: URI, blank.gif).
func TestLazyImages(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html",
		Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1", "image": "img.main@src"}}}
	for _, tc := range []struct{ img, want string }{
		{`<img class="main" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/1.jpg">`, "https://s.example/img/1.jpg"},
		{`<img class="main" src="/static/blank.gif" data-lazy-src="https://cdn.s.example/1.jpg">`, "https://cdn.s.example/1.jpg"},
		{`<img class="main" data-srcset="/img/1-400.jpg 400w, /img/1-800.jpg 800w">`, "https://s.example/img/1-400.jpg"},
		{`<img class="main" src="/img/real.jpg" data-src="/img/other.jpg">`, "https://s.example/img/real.jpg"},
		{`<img class="main" src="//s.example/common/img/space.png" data-src="//s.example/img/1.jpg">`, "https://s.example/img/1.jpg"},
		{`<img class="main J-lazyimg" src="/img/thumb.jpg" data-original="/img/1.jpg">`, "https://s.example/img/1.jpg"},
	} {
		p, err := Extract(tg, "https://s.example/p/1", []byte(`<html><body><h1>Safrole</h1>`+tc.img+`</body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Listings[0].Attributes["image"]; got != tc.want {
			t.Errorf("%s: image %q, want %q", tc.img, got, tc.want)
		}
	}
}

// TestDescriptionFrames names the iframes a page's listing takes its
// description from: one the field selector points at, or, for a listing
// without one, an iframe named for a description; never a video or map.
func TestDescriptionFrames(t *testing.T) {
	for _, tc := range []struct {
		desc, body string
		want       []Frame
		wantDesc   string
	}{
		{".d", `<h1>A</h1><iframe id="desc_ifr" src="/desc/1"></iframe>`, []Frame{{0, "description", "https://s.example/desc/1"}}, ""},
		{".d", `<h1>A</h1><p class="d">own text</p><iframe id="desc_ifr" src="/desc/1"></iframe>`, nil, "own text"},
		{".d", `<h1>A</h1><iframe src="https://www.youtube.com/embed/x" srcdoc="<a href=x>▶</a>"></iframe>`, nil, ""},
		{".d", `<h1>A</h1><iframe class="item-desc" srcdoc="&lt;b&gt;CAS&lt;/b&gt; 94-59-7"></iframe>`, nil, "CAS 94-59-7"},
		{"iframe.text", `<h1>A</h1><iframe class="text" src="//cdn.s.example/t/1">fallback</iframe>`, []Frame{{0, "description", "https://cdn.s.example/t/1"}}, ""},
		// Tabs and htmx parts loaded by script.
		{"#tab-description@data-url", `<h1>A</h1><div id="tab-description" data-url="/ajax/desc?id=1">Loading…</div>`, []Frame{{0, "description", "https://s.example/ajax/desc?id=1"}}, ""},
		{".d", `<h1>A</h1><section id="product-description" hx-get="/p/1/description" hx-trigger="load"><span class="spinner"></span></section>`, []Frame{{0, "description", "https://s.example/p/1/description"}}, ""},
		{".d", `<h1>A</h1><div id="reviews" hx-get="/p/1/reviews" hx-trigger="revealed"></div>`, nil, ""},
	} {
		tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html",
			Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1", "description": tc.desc}}}
		p, err := Extract(tg, "https://s.example/p/1", []byte("<html><body>"+tc.body+"</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(p.Frames, tc.want) || len(p.Listings) != 1 || p.Listings[0].Description != tc.wantDesc {
			t.Errorf("%s: frames %+v, listings %+v; want %+v, description %q", tc.body, p.Frames, p.Listings, tc.want, tc.wantDesc)
		}
	}
}

// TestNumericCursors sends numeric cursors back as cursors: "last_id":
// 98231 or "next_cursor": "40" was read as page 98231 or page 40.
func TestNumericCursors(t *testing.T) {
	for _, tc := range []struct{ next, doc, want string }{
		{"meta.last_id", `{"items":[{"t":"a"}],"meta":{"last_id":98231}}`, "https://api.example/ads?last_id=98231&limit=50"},
		{"next_cursor", `{"items":[{"t":"a"}],"next_cursor":"40"}`, "https://api.example/ads?cursor=40&limit=50"},
		{"paging.max_id", `{"items":[{"t":"a"}],"paging":{"max_id":"777"}}`, "https://api.example/ads?limit=50&max_id=777"},
		{"next_page", `{"items":[{"t":"a"}],"next_page":3}`, "https://api.example/ads?limit=50&page=3"},
	} {
		tg := &precwatch.Target{Name: "p", Platform: "P", Kind: precwatch.KindJSON,
			JSON: precwatch.JSONSpec{Items: "items", NextPage: tc.next, Fields: map[string]string{"title": "t"}}}
		p, err := JSON(tg, "https://api.example/ads?limit=50", []byte(tc.doc))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Next) != 1 || p.Next[0] != tc.want {
			t.Errorf("next_page %s: %q, want %s", tc.next, p.Next, tc.want)
		}
	}
}

// TestFieldTemplates builds fields from an item's values: an API that
// gives ids has its listings' page addresses written as a template.
// Before, "https://shop.example/offer/{id}" found nothing and the listing
// had no address of its own.
func TestFieldTemplates(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "items",
		Fields: map[string]string{"id": "id", "url": "https://www.shop.example/offer/{id}-{slug}", "title": "{brand} {model}"}}}
	p, err := JSON(tg, "https://api.shop.example/v1/offers", []byte(`{"items":[{"id":7,"slug":"safrole","brand":"Acme","model":"Safrole 1 l"},{"id":8,"brand":"Acme","model":"Acetone"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range p.Listings {
		got = append(got, l.ID+"|"+l.URL+"|"+l.Title)
	}
	want := []string{"7|https://www.shop.example/offer/7-safrole|Acme Safrole 1 l", "8|https://api.shop.example/v1/offers|Acme Acetone"}
	if !slices.Equal(got, want) {
		t.Errorf("listings %q, want %q (a template with a missing value builds nothing)", got, want)
	}
}

// TestFrameText reads a loaded part's text: a document's body, or the HTML
// a JSON answer wraps.
func TestFrameText(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`<html><head><title>Description</title></head><body><p>CAS 94-59-7</p><p>discreet</p></body></html>`, "CAS 94-59-7 discreet"},
		{`<div class="tab"><p>CAS 94-59-7</p></div>`, "CAS 94-59-7"},
		{`{"html": "<p>CAS 94-59-7<\/p>", "status": "ok"}`, "CAS 94-59-7"},
	} {
		if got := FrameText([]byte(tc.doc)); got != tc.want {
			t.Errorf("FrameText(%s) = %q, want %q", tc.doc, got, tc.want)
		}
	}
}

// TestJSONAPIIncluded reads a JSON:API feed's related resources from its
// "included" list (Drupal, Rails): before, a relationship was only a type
// and an id, and the seller's name unreachable. A field path through an
// array collects every element's value (the tags' labels).
func TestJSONAPIIncluded(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "data",
		Fields: map[string]string{"id": "id", "title": "attributes.title", "seller": "relationships.seller.data.attributes.name",
			"location": "relationships.seller.data.attributes.country", "tags": "relationships.tags.data.attributes.label"}}}
	doc := `{"data":[{"type":"offer","id":"1","attributes":{"title":"Safrole 1 l"},"relationships":{"seller":{"data":{"type":"user","id":"9"}},"tags":{"data":[{"type":"tag","id":"a"},{"type":"tag","id":"b"}]}}},
{"type":"offer","id":"2","attributes":{"title":"Acetone"},"relationships":{"seller":{"data":{"type":"user","id":"404"}}}}],
"included":[{"type":"user","id":"9","attributes":{"name":"chemking","country":"NL"}},{"type":"tag","id":"a","attributes":{"label":"oils"}},{"type":"tag","id":"b","attributes":{"label":"bulk"}}]}`
	p, err := JSON(tg, "https://api.example/jsonapi/offers", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range p.Listings {
		got = append(got, l.ID+"|"+l.Title+"|"+l.Seller+"|"+l.Location+"|"+l.Attributes["tags"])
	}
	want := []string{"1|Safrole 1 l|chemking|NL|oils, bulk", "2|Acetone|||"}
	if !slices.Equal(got, want) {
		t.Errorf("listings %q, want %q", got, want)
	}
}
