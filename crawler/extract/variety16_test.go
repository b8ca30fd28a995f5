package extract

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestVariety16PriceObjects reads price objects as APIs beyond the usual
// write them: Google's amount in micros, AWS's keys in PascalCase.
func TestVariety16PriceObjects(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`{"amountMicros": "12990000", "currencyCode": "USD"}`, "12.99 USD"},
		{`{"amountMicros": "120000000", "currencyCode": "EUR"}`, "120.00 EUR"},
		{`{"amountMicros": 4500000, "currencyCode": "EUR"}`, "4.50 EUR"},
		{`{"amount_micros": "1234567", "currency": "GBP"}`, "1.234567 GBP"},
		{`{"priceMicros": "990000"}`, "0.99"},
		{`{"Amount": 120, "CurrencyCode": "USD"}`, "120 USD"},
		{`{"Value": "9.50", "Currency": "EUR"}`, "9.50 EUR"},
		{`{"DisplayName": "chemking", "Id": 4}`, "chemking"},
		{`{"amountMicros": "12x", "currencyCode": "USD"}`, `{"amountMicros":"12x","currencyCode":"USD"}`},
	} {
		tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{
			Items: "items", Fields: map[string]string{"id": "id", "title": "t", "price": "p"}}}
		p, err := JSON(tg, "https://api.example/items", []byte(`{"items": [{"id": "a", "t": "Acetone", "p": `+tc.doc+`}]}`))
		if err != nil {
			t.Fatalf("%s: %v", tc.doc, err)
		}
		if len(p.Listings) != 1 {
			t.Fatalf("%s: %d listings", tc.doc, len(p.Listings))
		}
		if got := p.Listings[0].Price; got != tc.want {
			t.Errorf("%s: price %q, want %q", tc.doc, got, tc.want)
		}
	}
}

// TestVariety16Cursors checks how a cursor token is sent back and when it
// ends a feed: AWS's NextToken under its own name, an empty page (Solr's
// nextCursorMark past the end, CouchDB's bookmark) as the end, and a page
// that gives back the cursor it was sent with listings is marked so
// (Page.CursorRepeated) for the crawler to tell an API that ignored the
// cursor from its last page.
func TestVariety16Cursors(t *testing.T) {
	for _, tc := range []struct {
		name, page, body, items, next, doc string
		want                               string // the next page, "" for none, "repeated" for Page.CursorRepeated
	}{
		{"aws", "https://api.example/listings?MaxResults=2", "", "Listings", "NextToken", `{"Listings":[{"id":"a"}],"NextToken":"AAAB"}`, "https://api.example/listings?MaxResults=2&NextToken=AAAB"},
		{"amazon sp", "https://api.example/orders", "", "payload.Orders", "payload.nextToken", `{"payload":{"Orders":[{"id":"a"}],"nextToken":"Q2"}}`, "https://api.example/orders?nextToken=Q2"},
		{"google", "https://api.example/v1/products", "", "products", "nextPageToken", `{"products":[{"id":"a"}],"nextPageToken":"CAIQ"}`, "https://api.example/v1/products?pageToken=CAIQ"},
		{"solr end", "https://api.example/select?cursorMark=AoE5", "", "response.docs", "nextCursorMark", `{"response":{"docs":[]},"nextCursorMark":"AoE5"}`, ""},
		{"empty page new cursor", "https://api.example/items?cursor=c4", "", "items", "next_cursor", `{"items":[],"next_cursor":"c5"}`, ""},
		{"get ignored", "https://api.example/tweets?next_token=T2", "", "data", "meta.next_token", `{"data":[{"id":"a"}],"meta":{"next_token":"T2"}}`, "repeated"},
		{"get ignored cursor param", "https://api.example/items?limit=2&cursor=c2", "", "items", "next_cursor", `{"items":[{"id":"a"}],"next_cursor":"c2"}`, "repeated"},
		{"post empty page new bookmark", "https://api.example/db/_find#pw:cursor=g1D&offset=6&page=4", `{"limit": 2, "bookmark": ${cursor}}`, "docs", "bookmark", `{"docs":[],"bookmark":"g1E"}`, ""},
		{"post ignored", "https://api.example/db/_find#pw:cursor=g1B&offset=2&page=2", `{"limit": 2, "bookmark": ${cursor}}`, "docs", "bookmark", `{"docs":[{"id":"a"}],"bookmark":"g1B"}`, "repeated"},
		{"post same cursor empty", "https://api.example/db/_find#pw:cursor=g1B&offset=2&page=2", `{"limit": 2, "bookmark": ${cursor}}`, "docs", "bookmark", `{"docs":[],"bookmark":"g1B"}`, ""},
		{"post last id again", "https://api.example/v1/p#pw:cursor=b&offset=2&page=2", `{"after": ${cursor}}`, "data", "data[-1].id", `{"data":[{"id":"a"},{"id":"b"}]}`, ""},
	} {
		tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{
			Method: "", Body: tc.body, Items: tc.items, NextPage: tc.next, Fields: map[string]string{"id": "id"}}}
		if tc.body != "" && tc.next != "data[-1].id" {
			tg.JSON.Method = "POST"
		}
		p, err := JSON(tg, tc.page, []byte(tc.doc))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		got := ""
		if len(p.Next) > 0 {
			got = p.Next[0]
		}
		if p.CursorRepeated != "" {
			got += "repeated"
		}
		if got != tc.want {
			t.Errorf("%s: next %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestVariety16ScriptRedirect follows a splash page that sends the browser
// on by script alone, as a <meta http-equiv="refresh"> is followed, and
// leaves the location statements of pages with links alone.
func TestVariety16ScriptRedirect(t *testing.T) {
	tg := &precwatch.Target{Name: "t", Platform: "P", Listing: precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"title": "h3"}}}
	for _, tc := range []struct{ name, body, want string }{
		{"replace", `<html><head><script>var l = navigator.language; window.location.replace("/de/shop/");</script></head><body><noscript>Enable JavaScript</noscript></body></html>`, "https://shop.example/de/shop/"},
		{"href", `<html><body><p>Redirecting…</p><script type="text/javascript">window.location.href = 'https://shop.example/catalog?page=1';</script></body></html>`, "https://shop.example/catalog?page=1"},
		{"assign", `<html><body><script>if (!document.cookie) { location.assign("shop.html") }</script></body></html>`, "https://shop.example/shop.html"},
		{"bare location", `<html><body><script>location = "/shop/"</script></body></html>`, "https://shop.example/shop/"},
		{"page with links", `<html><body><a href="/about">About</a><button onclick="x()">Log in</button><script>function x() { window.location.href = "/login"; }</script></body></html>`, ""},
		{"anchor", `<html><body><script>location.href = "#top";</script></body></html>`, ""},
		{"json script", `<html><body><script type="application/json">{"location": "/x"}</script><script type="application/json">{"a": "location.href = '/y'"}</script></body></html>`, ""},
		{"external script", `<html><body><script src="/app.js"></script></body></html>`, ""},
	} {
		p, err := Extract(tg, "https://shop.example/", []byte(tc.body))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got := ""
		if len(p.Follow) > 0 {
			got = p.Follow[0]
		}
		if got != tc.want {
			t.Errorf("%s: follows %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestVariety16ScriptRedirectBotWall: a challenge page whose script moves
// on once solved stays a bot wall, not a splash to follow.
func TestVariety16ScriptRedirectBotWall(t *testing.T) {
	tg := &precwatch.Target{Name: "t", Platform: "P", Listing: precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"title": "h3"}}}
	body := `<html><head><title>Just a moment...</title></head><body><div class="g-recaptcha"></div><p>Please verify you are a human</p><script>function ok() { window.location.href = "/shop?verified=1"; }</script></body></html>`
	p, err := Extract(tg, "https://shop.example/", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Follow) != 0 || p.BotWall == "" {
		t.Errorf("follows %q, bot wall %q; want none and a bot wall", p.Follow, p.BotWall)
	}
}

// TestVariety16ScriptAndMarkupFields reads a field from a JSON blob a
// product page keeps apart (<script type="application/json"
// id="seller-data">): by the field's name or a usual key, or at a dotted
// path after "@", keys in any case; and an attribute holding escaped
// markup as its text.
func TestVariety16ScriptAndMarkupFields(t *testing.T) {
	body := `<html><body><h1>Safrole oil 1 l</h1>
<div class="desc" data-full="&lt;p&gt;Ships &lt;b&gt;discreetly&lt;/b&gt;&lt;/p&gt;">Loading…</div>
<div class="card" data-product='{"productName": "Safrole", "sellerInfo": {"displayName": "chemking"}}'></div>
<script type="application/json" id="seller-data">{"seller": {"id": 40, "name": "chemking", "country": "NL", "shopName": "Chem King BV"}}</script>
<script type="application/json" id="other">{"stock": 3}</script>
</body></html>`
	for _, tc := range []struct{ field, spec, want string }{
		{"seller", "script#seller-data", "chemking"},
		{"location", "script#seller-data", "NL"},
		{"shop", "script#seller-data@seller.shopName", "Chem King BV"},
		{"seller_id", "script#seller-data@seller.id", "40"},
		{"seller", "script#other", ""},
		{"description", "div.desc@data-full", "Ships discreetly"},
		{"title", "div.card@data-product.productName", "Safrole"},
		{"seller", "div.card@data-product.sellerInfo.displayName", "chemking"},
	} {
		tg := &precwatch.Target{Name: "t", Platform: "P", Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1", tc.field: tc.spec}}}
		if tc.field == "title" {
			tg.Listing.Fields = map[string]string{"title": tc.spec}
		}
		p, err := Extract(tg, "https://shop.example/p/1", []byte(body))
		if err != nil {
			t.Fatalf("%s: %v", tc.spec, err)
		}
		if len(p.Listings) != 1 {
			t.Fatalf("%s: %d listings", tc.spec, len(p.Listings))
		}
		l := p.Listings[0]
		got := map[string]string{"title": l.Title, "seller": l.Seller, "location": l.Location, "description": l.Description, "url": l.URL}[tc.field]
		if v, ok := l.Attributes[tc.field]; ok {
			got = v
		}
		if got != tc.want {
			t.Errorf("%s: %s %q, want %q", tc.spec, tc.field, got, tc.want)
		}
	}
}

// TestVariety16EscapedNext follows a next page that an API escaped for HTML
// in its JSON ("&amp;size=2", WordPress' "&#038;") with its parameters as
// the server reads them.
func TestVariety16EscapedNext(t *testing.T) {
	for _, tc := range []struct{ next, want string }{
		{"/api/items?page=2&amp;size=2", "https://api.example/api/items?page=2&size=2"},
		{"https://api.example/api/items?page=2&#038;size=2&#38;sort=id", "https://api.example/api/items?page=2&size=2&sort=id"},
		{"/api/items?page=2&amp;filter[cat]=5", "https://api.example/api/items?filter%5Bcat%5D=5&page=2"},
		{"/api/items?q=fish%26chips&page=2", "https://api.example/api/items?page=2&q=fish%26chips"},
		{"/api/items?q=a;b&page=2", "https://api.example/api/items?page=2&q=a%3Bb"},
	} {
		tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{
			Items: "items", NextPage: "next", Fields: map[string]string{"id": "id", "title": "t"}}}
		doc := `{"items": [{"id": "a", "t": "Acetone"}], "next": "` + tc.next + `"}`
		p, err := JSON(tg, "https://api.example/api/items?page=1&size=2", []byte(doc))
		if err != nil {
			t.Fatalf("%s: %v", tc.next, err)
		}
		got := ""
		if len(p.Next) > 0 {
			got = p.Next[0]
		}
		if got != tc.want {
			t.Errorf("%s: next %q, want %q", tc.next, got, tc.want)
		}
	}
}
