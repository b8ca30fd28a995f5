package extract

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestMerchantFeedPrefixes reads a Google Merchant RSS feed with selectors
// written with the g: prefix, escaped or not.
func TestMerchantFeedPrefixes(t *testing.T) {
	body := []byte(`<?xml version="1.0"?><rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel>
<item><g:id>SKU-1</g:id><g:title>Safrole 99%</g:title><g:price>120.00 EUR</g:price></item></channel></rss>`)
	for _, fields := range []map[string]string{
		{"id": "g:id", "title": "g:title", "price": "g:price"},
		{"id": `g\:id`, "title": `g\:title`, "price": `g\:price`},
		{"id": "id", "title": "title", "price": "price"},
	} {
		tg := &precwatch.Target{Name: "gmc", Listing: precwatch.ListingSpec{Item: "item", Fields: fields}}
		p, err := HTML(tg, "https://shop.example/feed.xml", body)
		if err != nil {
			t.Fatalf("fields %v: %v", fields, err)
		}
		if len(p.Listings) != 1 || p.Listings[0].ID != "SKU-1" || p.Listings[0].Price != "120.00 EUR" {
			t.Errorf("fields %v: listings %+v, want SKU-1 at 120.00 EUR", fields, p.Listings)
		}
	}
}

func TestSelfRefresh(t *testing.T) {
	const page = "https://shop.example/catalog"
	for _, c := range []struct {
		name, requested, body string
		want                  bool
	}{
		{"no url", page, `<meta http-equiv="refresh" content="1">`, true},
		{"own url", page, `<meta http-equiv="Refresh" content="0; URL='/catalog'">`, true},
		{"own url, slash", page, `<meta http-equiv="refresh" content="0;url=/catalog/">`, true},
		{"requested url", "https://shop.example/start", `<meta http-equiv="refresh" content="0;url=/start">`, true},
		{"other page", page, `<meta http-equiv="refresh" content="0;url=/catalog?page=2">`, false},
		{"slow", page, `<meta http-equiv="refresh" content="300">`, false},
		{"none", page, `<p>http-equiv=refresh in text</p>`, false},
	} {
		_, got := SelfRefresh(c.requested, page, []byte("<html><head>"+c.body+"</head><body></body></html>"))
		if got != c.want {
			t.Errorf("%s: SelfRefresh(%q) = %v, want %v", c.name, c.body, got, c.want)
		}
	}
}

func TestLookupEach(t *testing.T) {
	doc := map[string]any{"c": []any{
		map[string]any{"p": []any{"a", "b"}},
		map[string]any{"p": []any{}},
		map[string]any{"x": 1},
		map[string]any{"p": []any{"c"}},
	}}
	got, ok := lookupEach(doc, "c[*].p[*]")
	if !ok || !slices.Equal(got, []any{"a", "b", "c"}) {
		t.Errorf("lookupEach(c[*].p[*]) = %v, %v; want [a b c], true", got, ok)
	}
	if got, ok := lookupEach(doc, "c.1.p"); !ok || len(got) != 0 {
		t.Errorf("lookupEach(c.1.p) = %v, %v; want [], true", got, ok)
	}
	if _, ok := lookupEach(doc, "c.q"); ok {
		t.Errorf("lookupEach(c.q) found something")
	}
}

func TestJSONWrappedHTML(t *testing.T) {
	tg := &precwatch.Target{Name: "w", Follow: []string{"a.o"}, Listing: precwatch.ListingSpec{URLPattern: "/p/"}}
	for _, c := range []struct {
		name, body string
		follow     []string
		next       []string
	}{
		{"html key", `{"html":"<a class=\"o\" href=\"/p/1\">1</a>","next":"/ajax?page=3"}`,
			[]string{"https://s.example/p/1"}, []string{"https://s.example/ajax?page=3"}},
		{"drupal commands", `[{"command":"settings","settings":{}},{"command":"insert","data":"<div><a class='o' href='/p/2'>2</a></div>"}]`,
			[]string{"https://s.example/p/2"}, nil},
		{"no markup", `{"items":[{"title":"a < b"}],"next":"/x"}`, nil, nil},
		{"not json", `{"html": <a class="o" href="/p/3">3</a>`, []string{"https://s.example/p/3"}, nil},
	} {
		p, err := HTML(tg, "https://s.example/ajax?page=2", []byte(c.body))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !slices.Equal(p.Follow, c.follow) || !slices.Equal(p.Next, c.next) {
			t.Errorf("%s: follow %v next %v, want %v and %v", c.name, p.Follow, p.Next, c.follow, c.next)
		}
	}
}

func TestRobotsTxtStartPage(t *testing.T) {
	tg := &precwatch.Target{Name: "r", Follow: []string{"loc"}}
	body := "User-agent: *\r\nDisallow: /cart\r\nSitemap: https://s.example/sitemap_index.xml\r\nsitemap:/sitemap-2.xml\r\n"
	p, err := HTML(tg, "https://s.example/robots.txt", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://s.example/sitemap_index.xml", "https://s.example/sitemap-2.xml"}
	if !slices.Equal(p.Next, want) {
		t.Errorf("next %v, want %v", p.Next, want)
	}
}

func TestListingGone(t *testing.T) {
	tg := &precwatch.Target{Name: "g", Follow: []string{"a.o"}, Listing: precwatch.ListingSpec{
		URLPattern: "^/ad/", Gone: "div.removed", Fields: map[string]string{"title": "h1"}}}
	for _, c := range []struct {
		name, url, body string
		gone            bool
		listings        int
	}{
		{"notice", "https://s.example/ad/2", `<div class="removed"><h1>This ad is no longer available</h1></div>`, true, 0},
		{"live", "https://s.example/ad/1", `<h1>Safrole</h1>`, false, 1},
		{"index page with the class", "https://s.example/search", `<div class="removed"></div><a class="o" href="/ad/1">1</a>`, false, 0},
	} {
		p, err := HTML(tg, c.url, []byte("<html><body>"+c.body+"</body></html>"))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if p.Gone != c.gone || len(p.Listings) != c.listings {
			t.Errorf("%s: gone %v with %d listings, want %v with %d", c.name, p.Gone, len(p.Listings), c.gone, c.listings)
		}
	}
}

func TestBodyPaging(t *testing.T) {
	tg := &precwatch.Target{Name: "b", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "items", Fields: map[string]string{"title": "t"}}}
	for _, c := range []struct{ name, url, body, next, countOn string }{
		{"spring first", "https://a.example/o", `{"items":[{"t":"a"}],"number":0,"totalPages":2}`, "https://a.example/o?page=1", ""},
		{"spring last", "https://a.example/o?page=1", `{"items":[{"t":"a"}],"number":1,"totalPages":2}`, "", ""},
		{"meta one-based", "https://a.example/o", `{"items":[{"t":"a"}],"meta":{"page":1,"total_pages":"3"}}`, "https://a.example/o?page=2", ""},
		// Page 2 of 3 counting from 1, or the last of 3 counting
		// from 0: page 3 is counted on (session 17).
		{"meta on page 2", "https://a.example/o?page=2", `{"items":[{"t":"a"}],"meta":{"page":2,"total_pages":3}}`, "", "https://a.example/o?page=3"},
		{"meta last", "https://a.example/o?page=3", `{"items":[{"t":"a"}],"meta":{"page":3,"total_pages":3}}`, "", ""},
		{"occ first", "https://a.example/o?currentPage=0", `{"items":[{"t":"a"}],"pagination":{"currentPage":0,"totalPages":3}}`, "https://a.example/o?currentPage=1", ""},
		{"occ second", "https://a.example/o?currentPage=1", `{"items":[{"t":"a"}],"pagination":{"currentPage":1,"totalPages":3}}`, "https://a.example/o?currentPage=2", ""},
		{"occ last", "https://a.example/o?currentPage=2", `{"items":[{"t":"a"}],"pagination":{"currentPage":2,"totalPages":3}}`, "", "https://a.example/o?currentPage=3"},
		{"offset", "https://a.example/o?limit=1", `{"items":[{"t":"a"}],"offset":0,"total":2}`, "https://a.example/o?limit=1&offset=1", ""},
		{"offset last", "https://a.example/o?offset=1", `{"items":[{"t":"a"}],"offset":1,"total":2}`, "", ""},
		// More listings than the total says: the total is stale,
		// the next offset counted on.
		{"offset past a stale total", "https://a.example/o?offset=2", `{"items":[{"t":"a"},{"t":"b"}],"offset":2,"total":3}`, "", "https://a.example/o?offset=4"},
	} {
		p, err := JSON(tg, c.url, []byte(c.body))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		next := ""
		if len(p.Next) > 0 {
			next = p.Next[0]
		}
		if next != c.next || p.CountOn != c.countOn {
			t.Errorf("%s: next %q (count on %q), want %q (count on %q)", c.name, next, p.CountOn, c.next, c.countOn)
		}
	}
}

func TestDropTrailingCommas(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"a":[1,2,],"b":"x,}",}`, `{"a":[1,2],"b":"x,}"}`},
		{"{\"a\":\"q\\\",]\" ,\n}", "{\"a\":\"q\\\",]\" \n}"},
		{`[1, 2]`, `[1, 2]`},
	} {
		if got, _ := dropTrailingCommas(c.in); got != c.want {
			t.Errorf("dropTrailingCommas(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
