package extract

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestHTMLWholePageFields checks that a listing without listing.item reads
// fields from the whole document (head included), joins every match of the
// description and of attributes, and leaves hidden text out.
func TestHTMLWholePageFields(t *testing.T) {
	body := `<html><head><title>Offer | Shop</title><meta property="og:title" content="Safrole oil"></head>
<body data-id="b-1"><div class="d"><p>First.</p><p hidden>secret</p><p>Second<span style="display:none"> spam</span>.</p></div>
<ul><li class="t">a</li><li class="t">b</li><li class="t">a</li></ul>
<span class="only" hidden>SKU-9</span><h2>Name</h2><h2>Other</h2></body></html>`
	target := &precwatch.Target{Name: "t", Listing: precwatch.ListingSpec{Fields: map[string]string{
		"id": "@data-id", "title": "meta[property='og:title']@content", "page": "title",
		"description": ".d p", "tags": "li.t", "sku": "span.only", "seller": "h2",
	}}}
	page, err := HTML(target, "https://shop.example/o/1", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Listings) != 1 {
		t.Fatalf("listings = %d, want 1", len(page.Listings))
	}
	l := page.Listings[0]
	for _, c := range []struct{ field, got, want string }{
		{"id", l.ID, "b-1"},
		{"title", l.Title, "Safrole oil"},
		{"page", l.Attributes["page"], "Offer | Shop"},
		{"description", l.Description, "First. Second."},
		{"tags", l.Attributes["tags"], "a, b"},
		{"sku (hidden, but the only match)", l.Attributes["sku"], "SKU-9"},
		{"seller (first match)", l.Seller, "Name"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}

// TestHTMLLinkAttributes checks follow and next_page selectors written
// "css@attr" ("Load more" buttons, cards with data-href).
func TestHTMLLinkAttributes(t *testing.T) {
	body := `<div class="card" data-href="/p/1"><span>1</span></div><div class="card" data-href="p/2#x"></div>
<button class="more" data-url="?page=2&utm_source=x">Load more</button><a class="next" href="/c?page=9">next</a>`
	target := &precwatch.Target{Name: "t", Follow: []string{"div.card@data-href"}, NextPage: []string{"button.more@data-url", "a.next"}}
	page, err := HTML(target, "https://shop.example/c/", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"https://shop.example/p/1", "https://shop.example/c/p/2"}; !reflect.DeepEqual(page.Follow, want) {
		t.Errorf("follow = %q, want %q", page.Follow, want)
	}
	if want := []string{"https://shop.example/c/?page=2", "https://shop.example/c?page=9"}; !reflect.DeepEqual(page.Next, want) {
		t.Errorf("next = %q, want %q", page.Next, want)
	}
	if got := page.Counts["follow:div.card@data-href"]; got != 2 {
		t.Errorf("count follow:div.card@data-href = %d, want 2", got)
	}
}

func TestNormalizePath(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""}, {".", ""}, {"$", ""}, {"$.", ""}, {"[*]", ""}, {"$[*]", ""},
		{"items", "items"}, {"data.results", "data.results"}, {"$.data.results", "data.results"},
		{"$.data.results[*]", "data.results"}, {"data.results[]", "data.results"},
		{"images[0].url", "images.0.url"}, {"$['data']['items']", "data.items"}, {".data", "data"},
	} {
		if got := NormalizePath(c.in); got != c.want {
			t.Errorf("NormalizePath(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestJSONFeedShapes checks feeds as partners serve them: a root array under
// JSONPath-like paths, objects keyed by id, scalars of every type.
func TestJSONFeedShapes(t *testing.T) {
	for _, c := range []struct {
		name, body string
		spec       precwatch.JSONSpec
		want       []string // id|title|url|attributes
		next       []string
	}{
		{
			name: "root array, $ path",
			body: "\ufeff" + `[{"id": 7, "name": "Acetone", "tags": ["lab", "bulk"], "ok": true, "price": 12.50, "seller": null, "images": [{"url": "/i/7.jpg"}]}]`,
			spec: precwatch.JSONSpec{Items: "$", Fields: map[string]string{"id": "$.id", "title": "name", "tags": "tags", "ok": "ok", "price": "price", "seller": "seller", "image": "images[0].url"}},
			want: []string{"7|Acetone|https://api.example/v1/feed|image=/i/7.jpg ok=true tags=lab, bulk"},
		},
		{
			name: "nested with [*] and relative next",
			body: `{"data": {"results": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}]}, "paging": {"next": "?page=2"}}`,
			spec: precwatch.JSONSpec{Items: "$.data.results[*]", NextPage: "$.paging.next", Fields: map[string]string{"id": "id", "title": "title"}},
			want: []string{"a|A|https://api.example/v1/feed|", "b|B|https://api.example/v1/feed|"},
			next: []string{"https://api.example/v1/feed?page=2"},
		},
		{
			name: "object keyed by id",
			body: `{"items": {"10": {"title": "Ten"}, "9": {"title": "Nine"}}}`,
			spec: precwatch.JSONSpec{Items: "items", Fields: map[string]string{"title": "title"}},
			want: []string{"9|Nine|https://api.example/v1/feed|", "10|Ten|https://api.example/v1/feed|"},
		},
		{
			name: "single object",
			body: `{"item": {"title": "Only", "id": 1}}`,
			spec: precwatch.JSONSpec{Items: "item", Fields: map[string]string{"title": "title", "id": "id"}},
			want: []string{"1|Only|https://api.example/v1/feed|"},
		},
	} {
		target := &precwatch.Target{Name: "f", Kind: precwatch.KindJSON, JSON: c.spec}
		page, err := JSON(target, "https://api.example/v1/feed", []byte(c.body))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []string
		for _, l := range page.Listings {
			var attrs []string
			for _, k := range sortedAttrKeys(l.Attributes) {
				attrs = append(attrs, k+"="+l.Attributes[k])
			}
			got = append(got, l.ID+"|"+l.Title+"|"+l.URL+"|"+strings.Join(attrs, " "))
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: listings\n%q\nwant\n%q", c.name, got, c.want)
		}
		if !reflect.DeepEqual(page.Next, c.next) {
			t.Errorf("%s: next = %q, want %q", c.name, page.Next, c.next)
		}
	}
}

func sortedAttrKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// TestSitemapLinks checks that follow: ["loc"] reads the URLs of a sitemap.
func TestSitemapLinks(t *testing.T) {
	body := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://shop.example/p/1</loc><lastmod>2026-01-01</lastmod></url>
  <url><loc>
    https://shop.example/p/2?utm_source=sitemap
  </loc></url>
  <url><loc>not a url</loc></url>
</urlset>`
	page, err := HTML(&precwatch.Target{Name: "s", Follow: []string{"loc"}}, "https://shop.example/sitemap.xml", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"https://shop.example/p/1", "https://shop.example/p/2"}; !reflect.DeepEqual(page.Follow, want) {
		t.Errorf("follow = %q, want %q", page.Follow, want)
	}
}

func TestMatchURLPattern(t *testing.T) {
	for _, c := range []struct {
		pattern, url string
		want         bool
	}{
		{"/product/", "https://shop.example/product/1", true},
		{`^/product/\d+$`, "https://shop.example/product/12", true},
		{`^/item\.php\?id=\d+$`, "https://shop.example/item.php?id=5", true},
		{`^https://shop\.example/p/`, "https://shop.example/p/1", true},
		{`^/product/\d+$`, "https://shop.example/product/12/reviews", false},
		{`^/product/`, "https://shop.example/catalog?next=/product/1", false},
		{`item\.php\?id=\d+`, "https://shop.example/item.php?cat=2&id=5", true},
		{`^/item\.php\?id=\d+$`, "https://shop.example/item.php?cat=2&id=5", false},
		{`\?route=product/product&product_id=\d+`, "https://shop.example/index.php?product_id=42&route=product%2Fproduct", true},
		{`/search\?q=red phosphorus`, "https://shop.example/search?q=red+phosphorus", true},
	} {
		page, err := HTML(&precwatch.Target{Listing: precwatch.ListingSpec{URLPattern: c.pattern, Fields: map[string]string{"title": "h1"}}},
			c.url, []byte("<h1>x</h1>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := len(page.Listings) == 1; got != c.want {
			t.Errorf("url_pattern %q on %s: listing = %v, want %v", c.pattern, c.url, got, c.want)
		}
	}
}

func TestJSONNextPageNumber(t *testing.T) {
	for _, c := range []struct{ page, body, want string }{
		{"https://api.example/items?page=1&per=20", `{"items": [{"t": "x"}], "next_page": 2}`, "https://api.example/items?page=2&per=20"},
		{"https://api.example/items?offset=3&pg=3", `{"items": [{"t": "x"}], "next_page": 4}`, "https://api.example/items?offset=3&pg=4"},
		{"https://api.example/items", `{"items": [{"t": "x"}], "next_page": 2}`, "https://api.example/items?page=2"},
		{"https://api.example/items?p=7", `{"items": [{"t": "x"}], "next_page": 8}`, "https://api.example/items?p=8"},
		{"https://api.example/items?page=1", `{"items": [{"t": "x"}], "next_page": null}`, ""},
	} {
		target := &precwatch.Target{Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "items", NextPage: "next_page", Fields: map[string]string{"title": "t"}}}
		page, err := JSON(target, c.page, []byte(c.body))
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(page.Next, " ")
		if got != c.want {
			t.Errorf("next of %s with %s = %q, want %q", c.page, c.body, got, c.want)
		}
	}
}

func TestSplitFieldSpecScrapy(t *testing.T) {
	for _, c := range []struct{ spec, css, attr string }{
		{"h1::text", "h1", ""},
		{"a.title::attr(href)", "a.title", "href"},
		{"img::attr('data-src')", "img", "data-src"},
		{`meta[name="x"]::attr(content)`, `meta[name="x"]`, "content"},
	} {
		css, attr := SplitFieldSpec(c.spec)
		if css != c.css || attr != c.attr {
			t.Errorf("SplitFieldSpec(%q) = %q, %q; want %q, %q", c.spec, css, attr, c.css, c.attr)
		}
	}
}

// TestHTMLItemSelfMatch checks items that are themselves the link: a field
// selector matching no descendant reads the item.
func TestHTMLItemSelfMatch(t *testing.T) {
	body := `<div class="grid"><a class="card" href="/p/1"><span class="n">One</span></a><a class="card" href="/p/2"><span class="n">Two</span></a></div>`
	target := &precwatch.Target{Listing: precwatch.ListingSpec{Item: "a.card", Fields: map[string]string{"url": "a@href", "title": ".n"}}}
	page, err := HTML(target, "https://shop.example/", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range page.Listings {
		got = append(got, l.ID+" "+l.Title)
	}
	if want := []string{"https://shop.example/p/1 One", "https://shop.example/p/2 Two"}; !reflect.DeepEqual(got, want) {
		t.Errorf("listings %q, want %q", got, want)
	}
}

// TestJSONLinesAndJSONP checks feeds that are JSON Lines or JSONP.
func TestJSONLinesAndJSONP(t *testing.T) {
	target := &precwatch.Target{Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: ".", Fields: map[string]string{"id": "id", "title": "t"}}}
	for _, c := range []struct{ name, body, want string }{
		{"jsonl", "{\"id\":1,\"t\":\"a\"}\n{\"id\":2,\"t\":\"b\"}\n\n{\"id\":3,\"t\":\"c\"}\n", "1 2 3"},
		{"jsonp", `cb_123([{"id":1,"t":"a"},{"id":2,"t":"b"}]);`, "1 2"},
		{"jsonp object", "window.feed.load ( {\"id\":7,\"t\":\"x\"} )\n", "7"},
	} {
		page, err := JSON(target, "https://api.example/feed", []byte(c.body))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var ids []string
		for _, l := range page.Listings {
			ids = append(ids, l.ID)
		}
		if got := strings.Join(ids, " "); got != c.want {
			t.Errorf("%s: ids %q, want %q", c.name, got, c.want)
		}
	}
}

// TestJQueryPositions checks trailing :first, :last and :eq(n) in field specs.
func TestJQueryPositions(t *testing.T) {
	body := `<table class="s"><tr><td>CAS</td><td>94-59-7</td></tr><tr><td>Purity</td><td>99%</td></tr></table>
<span class="price">10 $</span><span class="price">8 $</span><ul><li>a</li><li>b</li><li>c</li></ul>`
	target := &precwatch.Target{Listing: precwatch.ListingSpec{Fields: map[string]string{
		"title": "td:eq(1)", "price": ".price:last", "first": "li:first",
		"third": "li:eq( 2 )", "none": "li:eq(9)",
	}}}
	page, err := HTML(target, "https://shop.example/o/1", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	l := page.Listings[0]
	for _, c := range []struct{ field, got, want string }{
		{"title td:eq(1)", l.Title, "94-59-7"},
		{"price .price:last", l.Price, "8 $"},
		{"first li:first", l.Attributes["first"], "a"},
		{"third li:eq( 2 )", l.Attributes["third"], "c"},
		{"none li:eq(9)", l.Attributes["none"], ""},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	for _, c := range []struct {
		in, css string
		pick    int
	}{
		{"td:eq(1)", "td", 1}, {".p:first", ".p", 0}, {"li:last", "li", pickLast},
		{"li:first-child", "li:first-child", pickAll}, {":first", ":first", pickAll}, {"tr:eq(1) td", "tr:eq(1) td", pickAll},
	} {
		css, pick := SplitPosition(c.in)
		if css != c.css || pick != c.pick {
			t.Errorf("SplitPosition(%q) = %q, %d; want %q, %d", c.in, css, pick, c.css, c.pick)
		}
	}
}

// TestXMLFeeds checks RSS (with <link> text and CDATA descriptions), Atom
// (link@href) and a namespaced XML product feed read with item and fields.
func TestXMLFeeds(t *testing.T) {
	for _, c := range []struct {
		name, body string
		fields     map[string]string
		item       string
		want       []string // id|url|title|description|price
	}{
		{
			name: "rss",
			body: `<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>Board</title><link>https://board.example/</link>
<item><title>Safrole oil</title><link>https://board.example/ad/1?utm_source=rss</link><guid>ad-1</guid>
<description><![CDATA[<p>Pure <b>safrole</b> &amp; more.</p><script>x()</script>]]></description><g:price>10 USD</g:price></item>
<item><title>Red P &amp; iodine</title><link>/ad/2</link><guid>ad-2</guid><description>&lt;p&gt;Escaped markup&lt;/p&gt;</description></item>
</channel></rss>`,
			item:   "item",
			fields: map[string]string{"id": "guid", "url": "link", "title": "title", "description": "description", "price": "price"},
			want:   []string{"ad-1|https://board.example/ad/1|Safrole oil|Pure safrole & more.|10 USD", "ad-2|https://board.example/ad/2|Red P & iodine|Escaped markup|"},
		},
		{
			name: "atom",
			body: `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:1</id><title type="text">Acetone</title>
<link rel="alternate" href="https://shop.example/p/1"/><summary>Solvent</summary></entry></feed>`,
			item:   "entry",
			fields: map[string]string{"id": "id", "url": "link[rel=alternate]@href", "title": "title", "description": "summary"},
			want:   []string{"urn:1|https://shop.example/p/1|Acetone|Solvent|"},
		},
	} {
		target := &precwatch.Target{Listing: precwatch.ListingSpec{Item: c.item, Fields: c.fields}}
		page, err := HTML(target, "https://board.example/feed.xml", []byte(c.body))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []string
		for _, l := range page.Listings {
			got = append(got, strings.Join([]string{l.ID, l.URL, l.Title, l.Description, l.Price}, "|"))
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: listings\n%q\nwant\n%q", c.name, got, c.want)
		}
	}
}

func TestJSONEntities(t *testing.T) {
	target := &precwatch.Target{Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: ".", Fields: map[string]string{"title": "t", "description": "d"}}}
	page, err := JSON(target, "https://api.example/", []byte(`[{"t": "Acetone &amp; toluene&nbsp;1 L", "d": "&lt;p&gt;Lab &lt;b&gt;grade&lt;/b&gt;&lt;/p&gt; AT&T R&D"}]`))
	if err != nil {
		t.Fatal(err)
	}
	l := page.Listings[0]
	if l.Title != "Acetone & toluene 1 L" || l.Description != "Lab grade AT&T R&D" {
		t.Errorf("title %q description %q; want %q and %q", l.Title, l.Description, "Acetone & toluene 1 L", "Lab grade AT&T R&D")
	}
}

func TestOnclickLinks(t *testing.T) {
	body := `<table><tr class="row" onclick="window.location.href='/item/5'"><td>5</td></tr>
<tr class="row" onclick="location = &quot;/item/6&quot;; return false"><td>6</td></tr>
<tr class="row" onclick="window.open('item/7', '_blank')"><td>7</td></tr>
<tr class="row" onclick="track(8)"><td>8</td></tr></table>`
	page, err := HTML(&precwatch.Target{Follow: []string{"tr.row"}}, "https://shop.example/list/", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://shop.example/item/5", "https://shop.example/item/6", "https://shop.example/list/item/7"}
	if !reflect.DeepEqual(page.Follow, want) {
		t.Errorf("follow %q, want %q", page.Follow, want)
	}
}

func TestMetaRefresh(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{`<meta http-equiv="refresh" content="0; url=/p/2">`, "https://shop.example/p/2"},
		{`<meta http-equiv="Refresh" content="3;URL='moved.html'">`, "https://shop.example/p/moved.html"},
		{`<meta http-equiv="refresh" content="300; url=/p/3">`, ""},
		{`<meta http-equiv="refresh" content="30">`, ""},
	} {
		page, err := HTML(&precwatch.Target{}, "https://shop.example/p/1", []byte(c.body))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(page.Follow, " "); got != c.want {
			t.Errorf("%s: follow %q, want %q", c.body, got, c.want)
		}
	}
}

// TestJSONNextPageShapes checks next_page values APIs send besides a URL
// and a number: a page number as a string, a HAL or JSON:API link object,
// cursor tokens under cursor-like keys (sent back as a query parameter) and
// cursor keys holding URLs after all.
func TestJSONNextPageShapes(t *testing.T) {
	for _, c := range []struct{ page, next, body, want string }{
		{"https://api.example/items?page=1", "next", `{"items": [{"t": "x"}], "next": "2"}`, "https://api.example/items?page=2"},
		{"https://api.example/items", "_links.next", `{"items": [{"t": "x"}], "_links": {"next": {"href": "/items?page=2"}}}`, "https://api.example/items?page=2"},
		{"https://api.example/items", "links.next", `{"items": [{"t": "x"}], "links": {"next": {"href": "https://api.example/items?page[number]=2"}}}`, "https://api.example/items?page%5Bnumber%5D=2"},
		{"https://api.example/items", "$._links.next.href", `{"items": [{"t": "x"}], "_links": {"next": {"href": "/items?page=2"}}}`, "https://api.example/items?page=2"},
		{"https://api.example/items?limit=20", "meta.next_cursor", `{"items": [{"t": "x"}], "meta": {"next_cursor": "eyJpZCI6OX0="}}`, "https://api.example/items?cursor=eyJpZCI6OX0%3D&limit=20"},
		{"https://api.example/items?cursor=abc", "paging.nextCursor", `{"items": [{"t": "x"}], "paging": {"nextCursor": "def"}}`, "https://api.example/items?cursor=def"},
		{"https://api.example/items", "nextPageToken", `{"items": [{"t": "x"}], "nextPageToken": "CAoQAA"}`, "https://api.example/items?pageToken=CAoQAA"},
		{"https://api.example/r/chem.json", "data.after", `{"items": [{"t": "x"}], "data": {"after": "t3_abc"}}`, "https://api.example/r/chem.json?after=t3_abc"},
		{"https://api.example/items", "pageInfo.endCursor", `{"items": [{"t": "x"}], "pageInfo": {"endCursor": "Y3Vy"}}`, "https://api.example/items?after=Y3Vy"},
		{"https://api.example/items", "next_cursor", `{"items": [{"t": "x"}], "next_cursor": "/items?cursor=zz"}`, "https://api.example/items?cursor=zz"},
		{"https://api.example/items", "next_cursor", `{"items": [{"t": "x"}], "next_cursor": null}`, ""},
		{"https://api.example/v1/items", "next", `{"items": [{"t": "x"}], "next": "items?page=2"}`, "https://api.example/v1/items?page=2"},
	} {
		target := &precwatch.Target{Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "items", NextPage: c.next, Fields: map[string]string{"title": "t"}}}
		page, err := JSON(target, c.page, []byte(c.body))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(page.Next, " "); got != c.want {
			t.Errorf("next_page %q of %s with %s = %q, want %q", c.next, c.page, c.body, got, c.want)
		}
	}
}

// TestDefaultNextPage checks that a target without next_page still pages
// through rel="next" links (html) and next-page URLs under conventional keys
// (json), and that a configured next_page replaces them.
func TestDefaultNextPage(t *testing.T) {
	for _, c := range []struct {
		name, kind, next, body, want string
	}{
		{"link rel=next", "html", "", `<html><head><link rel="next" href="/c?page=2"></head><body><a rel="nofollow next" href="/c?page=3">3</a></body></html>`, "https://shop.example/c?page=2 https://shop.example/c?page=3"},
		{"a detail page's rel=next is the next product", "html", "-", `<html><head><link rel="next" href="/p/8"></head><body><h1>Acetone</h1></body></html>`, ""},
		{"an index page's h1 is no detail page when follow has no url_pattern", "html", "+", `<html><head><link rel="next" href="/c?page=2"></head><body><h1>Chemicals</h1></body></html>`, "https://shop.example/c?page=2"},
		{"configured next_page wins", "html", "a.more", `<html><head><link rel="next" href="/c?page=2"></head><body><a class="more" href="/c?page=9">more</a></body></html>`, "https://shop.example/c?page=9"},
		{"drf next", "json", "", `{"count": 3, "next": "https://shop.example/api/?page=2", "previous": null, "results": [{"t": "x"}]}`, "https://shop.example/api/?page=2"},
		{"json:api links.next", "json", "", `{"data": [{"t": "x"}], "links": {"self": "/api?page=1", "next": "/api?page=2"}}`, "https://shop.example/api?page=2"},
		{"hal", "json", "", `{"_embedded": {}, "_links": {"next": {"href": "/api?page=2"}}}`, "https://shop.example/api?page=2"},
		{"a word is no url", "json", "", `{"results": [], "next": "soon"}`, ""},
		{"page parameter counts on", "json", "?page=1&limit=2", `{"results": [{"t": "a"}, {"t": "b"}]}`, "https://shop.example/c?limit=2&page=2"},
		{"offset parameter counts on", "json", "?offset=0&limit=2", `{"results": [{"t": "a"}, {"t": "b"}]}`, "https://shop.example/c?limit=2&offset=2"},
		{"an empty page ends the count", "json", "?page=4", `{"results": []}`, ""},
		{"no page parameter, no count", "json", "?limit=2", `{"results": [{"t": "a"}]}`, ""},
		{"next null ends the count", "json", "?page=2", `{"results": [{"t": "a"}], "next": null}`, ""},
	} {
		tg := &precwatch.Target{Name: "n", Kind: c.kind}
		pageURL := "https://shop.example/c"
		if c.kind == "json" {
			tg.JSON = precwatch.JSONSpec{Items: "results", Fields: map[string]string{"title": "t"}}
			pageURL += c.next // the query of the page
		} else if c.next == "-" {
			tg.Listing.Fields = map[string]string{"title": "h1"}
		} else if c.next == "+" {
			tg.Follow = []string{"a.p"}
			tg.Listing.Fields = map[string]string{"title": "h1"}
		} else if c.next != "" {
			tg.NextPage = []string{c.next}
		}
		page, err := Extract(tg, pageURL, []byte(c.body))
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(page.Next, " ")
		if page.CountOn != "" {
			got = strings.TrimSpace(got + " " + page.CountOn)
		}
		if got != c.want {
			t.Errorf("%s: next = %q, want %q", c.name, got, c.want)
		}
		for k := range page.Counts {
			if strings.HasPrefix(k, "next_page:") && (c.next == "" || c.kind == "json") {
				t.Errorf("%s: count %q for a next_page nobody configured", c.name, k)
			}
		}
	}
}

// TestJSONObjectFields checks fields that point at an object: a seller by
// its name, a price by amount and currency, anything else as JSON.
func TestJSONObjectFields(t *testing.T) {
	body := `{"items": [{"t": "Acetone", "seller": {"id": 5, "name": "chemguy"}, "price": {"amount": 950, "currency": "USD"},
"cat": {"id": 3, "label": "Solvents"}, "loc": {"lat": 1, "lng": 2}, "img": {"url": "/i/1.jpg"},
"tags": [{"id": 1, "name": "pharma"}, {"id": 2, "name": "bulk"}], "points": [{"x": 1}, {"x": 2}]}]}`
	tg := &precwatch.Target{Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "items",
		Fields: map[string]string{"title": "t", "seller": "seller", "price": "price", "category": "cat", "geo": "loc", "image": "img", "tags": "tags", "points": "points"}}}
	page, err := JSON(tg, "https://api.example/items", []byte(body))
	if err != nil || len(page.Listings) != 1 {
		t.Fatalf("JSON: %v, %d listings", err, len(page.Listings))
	}
	l := page.Listings[0]
	for _, c := range []struct{ field, got, want string }{
		{"seller", l.Seller, "chemguy"},
		{"price", l.Price, "950 USD"},
		{"category", l.Attributes["category"], "Solvents"},
		{"geo", l.Attributes["geo"], `{"lat":1,"lng":2}`},
		{"image", l.Attributes["image"], "/i/1.jpg"},
		{"tags", l.Attributes["tags"], "pharma, bulk"},
		{"points", l.Attributes["points"], `[{"x":1},{"x":2}]`},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}
