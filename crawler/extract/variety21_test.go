package extract

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestOffsetToken21 sends Airtable's "offset" token (itrXXX/recXXX, a
// slash inside) back as ?offset=, and a number under an offset key as
// that offset. Before, the token was followed as a relative URL
// (/v0/app/itr…/rec…, a 404, the site's answer) and the run was complete
// after its first page.
func TestOffsetToken21(t *testing.T) {
	for _, c := range []struct{ next, url, body, want string }{
		{"offset", "https://a.example/v0/app/T?pageSize=2", `{"records":[{"id":"r1"}],"offset":"itr8Y/recB2"}`, "https://a.example/v0/app/T?offset=itr8Y%2FrecB2&pageSize=2"},
		{"offset", "https://a.example/v0/app/T?offset=itr8Y%2FrecB2&pageSize=2", `{"records":[{"id":"r2"}],"offset":"itr8Y/recD4"}`, "https://a.example/v0/app/T?offset=itr8Y%2FrecD4&pageSize=2"},
		{"offset", "https://a.example/v0/app/T?offset=itr8Y%2FrecD4&pageSize=2", `{"records":[{"id":"r3"}]}`, ""},
		{"meta.next_offset", "https://a.example/api/items?limit=2", `{"records":[{"id":"r1"}],"meta":{"next_offset":2}}`, "https://a.example/api/items?limit=2&offset=2"},
	} {
		tg := &precwatch.Target{Name: "at", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "records", NextPage: c.next, Fields: map[string]string{"id": "id"}}}
		p, err := JSON(tg, c.url, []byte(c.body))
		if err != nil {
			t.Fatal(err)
		}
		want := []string{}
		if c.want != "" {
			want = []string{c.want}
		}
		if got := append([]string{}, p.Next...); !slices.Equal(got, want) {
			t.Errorf("%s: next %q, want %q", c.url, got, want)
		}
	}
}

// TestUnderscorePage21 pages json-server 1.0 ({"next": 3} on ?_page=2):
// its _page is a page parameter. Before, the next page number was taken
// only on the first page (2 after 1), and the feed ended after page 2.
func TestUnderscorePage21(t *testing.T) {
	tg := &precwatch.Target{Name: "js", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "data", Fields: map[string]string{"id": "id"}}}
	for _, c := range []struct{ url, body, want string }{
		{"https://j.example/products?_page=1&_per_page=2", `{"first":1,"prev":null,"next":2,"last":3,"data":[{"id":"a"}]}`, "https://j.example/products?_page=2&_per_page=2"},
		{"https://j.example/products?_page=2&_per_page=2", `{"first":1,"prev":1,"next":3,"last":3,"data":[{"id":"b"}]}`, "https://j.example/products?_page=3&_per_page=2"},
		{"https://j.example/products?_page=3&_per_page=2", `{"first":1,"prev":2,"next":null,"last":3,"data":[{"id":"c"}]}`, ""},
	} {
		p, err := JSON(tg, c.url, []byte(c.body))
		if err != nil {
			t.Fatal(err)
		}
		got := append([]string{}, p.Next...)
		if p.CountOn != "" {
			got = append(got, p.CountOn)
		}
		want := []string{}
		if c.want != "" {
			want = []string{c.want}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: next %q, want %q", c.url, got, want)
		}
	}
}

// TestXMLTextPrice21 reads prices that XML-to-JSON converters write as an
// element's text beside its attributes: eBay's {"@currencyId": "USD",
// "__value__": "120.0"} (also wrapped in a one-element array), "#text",
// GData's "$t". Before, each read as its JSON text.
func TestXMLTextPrice21(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{[]any{map[string]any{"@currencyId": "USD", "__value__": "120.0"}}, "120.0 USD"},
		{map[string]any{"@currencyID": "EUR", "__value__": "9.5"}, "9.5 EUR"},
		{map[string]any{"@currency": "GBP", "#text": "4.50"}, "4.50 GBP"},
		{map[string]any{"$t": "70"}, "70"},
	} {
		if got := render(c.v); got != c.want {
			t.Errorf("render(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestPathError21 fails a page whose error stands where its items would
// be: JD Union's result is a JSON string, whose own code and message say
// the call failed; an object on the way with an error code and message.
// A page whose items are merely empty there is no error. Before, such a
// page read as an empty last page and the run was complete.
func TestPathError21(t *testing.T) {
	jd := &precwatch.Target{Name: "jd", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "resp.queryResult.data", Fields: map[string]string{"id": "id"}}}
	nested := &precwatch.Target{Name: "n", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "result.products", Fields: map[string]string{"id": "id"}}}
	for _, c := range []struct {
		tg      *precwatch.Target
		body    string
		wantErr string
	}{
		{jd, `{"resp":{"code":"0","queryResult":"{\"code\":411,\"message\":\"too frequent\"}"}}`, "too frequent"},
		{nested, `{"result":{"code":429,"msg":"rate limited"}}`, "rate limited"},
		{jd, `{"resp":{"code":"0","queryResult":"{\"code\":200,\"message\":\"success\",\"data\":[]}"}}`, ""},
		{jd, `{"resp":{"code":"0","queryResult":"{\"code\":200,\"message\":\"success\"}"}}`, ""},
		{nested, `{"result":{"total":0}}`, ""},
	} {
		_, err := JSON(c.tg, "https://f.example/api?page=2", []byte(c.body))
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: %v, want no error", c.body, err)
		case c.wantErr != "" && (!errors.Is(err, ErrFeedError) || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s: error %v, want a feed error naming %q", c.body, err, c.wantErr)
		}
	}
}

// TestSOAPFault21 fails an XML page that is a SOAP Fault answered with
// status 200 (1.1's faultstring, 1.2's Reason/Text); a SOAP answer with
// its items, and an empty one, are read. Before, the fault read as an
// empty last page.
func TestSOAPFault21(t *testing.T) {
	tg := &precwatch.Target{Name: "soap", Listing: precwatch.ListingSpec{Item: "Offer", Fields: map[string]string{"id": "Id", "title": "Name"}}}
	for _, c := range []struct{ body, wantErr string }{
		{`<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring xml:lang="en-US">Server too busy</faultstring></s:Fault></s:Body></s:Envelope>`, "Server too busy"},
		{`<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang="en">Quota exhausted</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>`, "Quota exhausted"},
		{`<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><R><Offer><Id>1</Id><Name>Acetone</Name></Offer></R></s:Body></s:Envelope>`, ""},
		{`<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><R></R></s:Body></s:Envelope>`, ""},
	} {
		_, err := HTML(tg, "https://s.example/Catalog.svc", []byte(c.body))
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s: %v, want no error", c.body, err)
		case c.wantErr != "" && (!errors.Is(err, ErrFeedError) || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s: error %v, want a feed error naming %q", c.body, err, c.wantErr)
		}
	}
}

// TestSecondPageLink21 follows a numbered pager's link to page 2 from a
// catalogue page whose URL names no page and that links no "next" (the
// pages after it count on from their number). Links to page 2 of
// another path, or with other parameters changed, are not it. Before, such
// a catalogue ended after its first page, complete.
func TestSecondPageLink21(t *testing.T) {
	tg := &precwatch.Target{Name: "np", Follow: []string{"a.p"}, Listing: precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}}
	page := func(pager string) []byte {
		return []byte(`<html><body><a class="p" href="/p/1">1</a><a class="p" href="/p/2">2</a><nav>` + pager + `</nav></body></html>`)
	}
	for _, c := range []struct{ url, pager, want string }{
		{"https://n.example/shop", `<span aria-current="page">1</span><a href="/shop?page=2">2</a><a href="/shop?page=3">3</a>`, "https://n.example/shop?page=2"},
		{"https://n.example/shop?cat=5", `<a href="/shop?cat=5&amp;p=2">2</a>`, "https://n.example/shop?cat=5&p=2"},
		{"https://n.example/blog/shop/", `<a href="/blog/shop/page/2/">2</a>`, "https://n.example/blog/shop/page/2/"},
		{"https://n.example/shop?cat=5", `<a href="/shop?cat=6&amp;page=2">2</a><a href="/other?page=2">2</a>`, ""},
	} {
		p, err := HTML(tg, c.url, page(c.pager))
		if err != nil {
			t.Fatal(err)
		}
		got := append([]string{}, p.Next...)
		if p.CountOn != "" {
			got = append(got, p.CountOn)
		}
		want := []string{}
		if c.want != "" {
			want = []string{c.want}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s with %s: next %q, want %q", c.url, c.pager, got, want)
		}
	}
}

// TestServerErrorPage21 names the server error a page without listings
// shows in place of the shop's, answered with status 200; a product whose
// title mentions an error, and a page with listings, are no error page.
// Before, such a page read as a catalogue's empty last page.
func TestServerErrorPage21(t *testing.T) {
	tg := &precwatch.Target{Name: "e", Follow: []string{"a.p"}, Listing: precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1"}}}
	for _, c := range []struct{ body, want string }{
		{"<br />\n<b>Fatal error</b>:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in <b>/var/www/x.php</b> on line <b>2</b><br />", "PHP's fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in"},
		{`<html><head><title>Runtime Error</title></head><body><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1></body></html>`, "Runtime Error"},
		{`<html><head><title>Whoops, looks like something went wrong.</title></head><body></body></html>`, "Whoops, looks like something went wrong."},
		{`<html><head><title>WordPress &rsaquo; Error</title></head><body><h1>Error establishing a database connection</h1></body></html>`, "Error establishing a database connection"},
		{`<html><head><title>Error codes 500 explained - a book</title></head><body><h1>Server error handbook</h1></body></html>`, ""},
		{`<html><head><title>Internal Server Error</title></head><body><a class="p" href="/p/1">x</a></body></html>`, ""},
	} {
		p, err := HTML(tg, "https://e.example/shop?page=2", []byte(c.body))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(p.ErrorPage, c.want) || (c.want == "") != (p.ErrorPage == "") {
			t.Errorf("%.60q: error page %q, want %q", c.body, p.ErrorPage, c.want)
		}
	}
}

// TestTemplatedNext21 follows a HAL next link written as a URI template
// (Spring Data REST's "…?page=1&size=2{&sort}", "templated": true) with
// its expressions expanded to nothing, under _links.next.href and under a
// configured json.next_page. Before, the braces were sent and the API
// answered 400.
func TestTemplatedNext21(t *testing.T) {
	body := `{"_embedded":{"products":[{"id":"a"}]},"_links":{"next":{"href":"https://s.example/products?page=1&size=2{&sort}","templated":true}}}`
	for _, next := range []string{"", "_links.next"} {
		tg := &precwatch.Target{Name: "sdr", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "_embedded.products", NextPage: next, Fields: map[string]string{"id": "id"}}}
		p, err := JSON(tg, "https://s.example/products?page=0&size=2", []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"https://s.example/products?page=1&size=2"}; !slices.Equal(p.Next, want) {
			t.Errorf("next_page %q: next %q, want %q", next, p.Next, want)
		}
	}
}
