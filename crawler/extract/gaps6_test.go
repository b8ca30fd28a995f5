package extract

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/precwatch/precwatch"
)

// TestSoftNotFoundRecommendations: real not-found pages that go on with
// recommended products, a search box or popular items after the notice
// are soft 404s (the products they recommend are not the page's own
// content), while a listing whose seller worded the title like a notice
// keeps its own price and description, recommendations beside it or not.
func TestSoftNotFoundRecommendations(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html", Follow: []string{"a.o"},
		Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1", "description": ".description", "price": ".price", "seller": ".seller"}}}
	const cards = `<div class="grid"><div class="card"><a href="/p/7">Acetone 1 l, technical grade</a><span class="price">€ 12.00</span>
		<p class="description">Pure acetone for laboratories and workshops, 1 litre bottle</p><span class="seller">ChemKing Berlin Labs</span></div>
		<div class="card"><a href="/p/8">Isopropanol 5 l</a><span class="price">€ 30.00</span></div></div>`
	const notice = `<h1>Oops! Page not found</h1><p>Sorry, we could not find that page.</p>`
	for _, tc := range []struct {
		name, title, body string
		want              bool
	}{
		{"404: section.related.products (WooCommerce)", "Page not found | ChemShop",
			notice + `<section class="related products"><h2>Related products</h2>` + cards + `</section>`, true},
		{"404: heading 'You may also like' over a plain grid (Shopify)", "404 Not Found – ChemShop",
			`<main><div class="page-width">` + notice + `</div><div class="shopify-section"><h2 class="title">You may also like</h2>` + cards + `</div></main>`, true},
		{"404: heading in the notice's own block", "Page not found",
			`<div class="page">` + notice + `<h3>Popular right now</h3>` + cards + `</div>`, true},
		{"404: search form and aside of bestsellers", "Seite nicht gefunden",
			`<h1>Seite nicht gefunden</h1><form action="/search"><input type="text" name="q" placeholder="Suche nach Produkten und Marken"></form><aside>` + cards + `</aside>`, true},
		{"404: block named by id, German heading", "Seite nicht gefunden",
			`<h1>Fehler 404</h1><div id="crossselling"><h2>Das könnte Sie auch interessieren</h2>` + cards + `</div>`, true},
		{"404: Russian heading", "Страница не найдена",
			`<h1>Страница не найдена</h1><div class="block"><h2>Похожие товары</h2>` + cards + `</div>`, true},
		{"404: an unnamed grid of cards after the notice's block", "404 Page not found",
			`<main><div class="page-width">` + notice + `</div>` + cards + `</main>`, true},
		{"404: cards as list items after the notice", "Page not found",
			notice + `<ul class="list"><li><a href="/p/7">Acetone 1 l</a> <span class="price">€ 12.00</span> <p class="description">Pure acetone for laboratories, 1 litre</p></li><li><a href="/p/8">Isopropanol</a></li></ul>`, true},
		{"listing: notice title, own description with a list of links, a grid after", "Not found",
			`<div class="head"><h1>Not found</h1></div><div class="body"><p class="description">BMK in stock, stealth shipping worldwide</p>
			<ul><li><a href="https://t.me/bmk">Telegram</a></li><li><a href="https://wickr.example/bmk">Wickr</a></li></ul></div>` + cards, false},
		{"listing: notice title, description paragraphs with links", "Page not found",
			`<div class="t"><h1>Page not found</h1></div><div class="description"><p>BMK in stock, <a href="https://t.me/bmk">Telegram</a></p><p>Stealth shipping, <a href="/faq">FAQ</a></p></div>`, false},
		{"listing: seller title, own description, recommendations", "BMK glycidate 5449-12-7 - not found cheaper anywhere",
			`<h1>BMK glycidate 5449-12-7 - not found cheaper anywhere</h1><p class="description">Stealth shipping worldwide, Telegram @bmkdealer</p>
			<section class="related"><h2>Related products</h2>` + cards + `</section>`, false},
		{"listing: notice title, own price, recommendations", "Page not found",
			`<h1>Page not found</h1><div class="buy"><span class="price">€ 900</span></div><section class="related"><h2>You may also like</h2>` + cards + `</section>`, false},
		{"listing: notice title, own description in a block after the heading", "Not found",
			`<div class="head"><h1>Not found</h1></div><div class="body"><p class="description">BMK in stock, Telegram @bmk, stealth shipping</p></div>` +
				`<div class="reco"><h2>Recommended for you</h2>` + cards + `</div>`, false},
		{"listing: notice title, own description in blocks named like featured media", "Page not found",
			`<h1>Page not found</h1><div class="featured-image similar-height product__popular-badge"><p class="description">BMK in stock, Telegram @bmk, stealth shipping</p></div>`, false},
		{"404: BEM-named related block and aria-label", "Page not found",
			notice + `<div class="product__related">` + cards + `</div><div aria-label="You may also like">` + cards + `</div>`, true},
		{"listing: notice title, no recommendations, own seller text", "Not found",
			`<h1>Not found</h1><span class="seller">ChemKing Berlin Labs</span><p class="description">Wickr chemking</p>`, false},
	} {
		body := "<html><head><title>" + tc.title + "</title></head><body>" + tc.body + "</body></html>"
		p, err := Extract(tg, "https://s.example/p/1", []byte(body))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if p.NotFound != tc.want {
			t.Errorf("%s: NotFound %v, want %v", tc.name, p.NotFound, tc.want)
		}
		if !tc.want && (len(p.Listings) != 1 || strings.Contains(tc.body, "€ 900") && p.Listings[0].Price != "€ 900") {
			t.Errorf("%s: listings %+v, want 1 with its own fields", tc.name, p.Listings)
		}
	}
}

// TestRelativeCanonicalBase: a relative rel=canonical or og:url is
// resolved against the page's <base href>, itself resolved against the
// page URL; a base that is not http(s) is ignored, a canonical that is not
// http(s) refused (the page keeps its own URL).
func TestRelativeCanonicalBase(t *testing.T) {
	const page = "https://s.example/c/solvents/p/12?ref=list"
	for _, tc := range []struct {
		head, want string
	}{
		{`<base href="/shop/"><link rel="canonical" href="p/12-acetone">`, "https://s.example/shop/p/12-acetone"},
		{`<base href="../../shop/"><link rel="canonical" href="p/12-acetone">`, "https://s.example/c/shop/p/12-acetone"},
		{`<base href="https://s.example/shop/"><link rel="canonical" href="./p/12-acetone">`, "https://s.example/shop/p/12-acetone"},
		{`<base href="//s.example/shop/"><link rel="canonical" href="p/12-acetone">`, "https://s.example/shop/p/12-acetone"},
		{`<base href="/shop/"><meta property="og:url" content="p/12-acetone">`, "https://s.example/shop/p/12-acetone"},
		{`<meta property="og:url" content="/p/12-acetone">`, "https://s.example/p/12-acetone"},
		{`<base href="/shop/"><link rel="canonical" href="p/12-acetone"><meta property="og:url" content="/elsewhere/p/1">`, "https://s.example/shop/p/12-acetone"},
		{`<base href="javascript:alert(1)"><link rel="canonical" href="/p/12-acetone">`, "https://s.example/p/12-acetone"},
		{`<base href="/shop/"><link rel="canonical" href="javascript:void(0)">`, "https://s.example/c/solvents/p/12"},
		{`<base href="/shop/"><link rel="canonical" href="data:text/html,x">`, "https://s.example/c/solvents/p/12"},
		{`<base href="https://cdn.example/shop/"><link rel="canonical" href="p/12-acetone">`, "https://s.example/c/solvents/p/12"},
	} {
		tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html", Follow: []string{"a.o"},
			Listing: precwatch.ListingSpec{URLPattern: "/p/", Fields: map[string]string{"title": "h1"}}}
		p, err := Extract(tg, page, []byte("<html><head>"+tc.head+"</head><body><h1>Acetone</h1></body></html>"))
		if err != nil {
			t.Fatalf("%s: %v", tc.head, err)
		}
		if len(p.Listings) != 1 || p.Listings[0].URL != tc.want {
			t.Errorf("%s: listings %+v, want url %s", tc.head, p.Listings, tc.want)
		}
	}
}

// fuzzPageTarget reads a whole page as one listing, so that fuzzing reaches
// the soft-404 checks (recommendation blocks detached and put back), GET
// form and cursor-token pagers, JSON in attributes, script templates and
// Cloudflare emails.
var fuzzPageTarget = &precwatch.Target{
	Name: "fuzz", Platform: "Fuzz",
	Follow:   []string{"a.p"},
	NextPage: []string{"form.pager", "button.more@data-after", "a.next@data-page"},
	Listing: precwatch.ListingSpec{Fields: map[string]string{
		"title": "h1", "description": ".d, script.t", "price": ".price", "seller": "@data-p.seller.name", "tags": "div@data-p.tags"}},
}

// FuzzHTMLPage checks that no page makes a whole-page extraction panic,
// that every URL it returns is absolute, and that extraction is
// deterministic.
func FuzzHTMLPage(f *testing.F) {
	f.Add(`<title>Page not found</title><h1>Oops! Page not found</h1><section class="related"><h2>You may also like</h2><div><a href="/p/1">a</a><span class="price">€ 1</span></div><div><a href="/p/2">b</a></div></section><aside><p class="d">Pure acetone for labs, 1 litre bottle</p></aside>`, "https://x.example/p/9")
	f.Add(`<h1>Not found</h1><div><a href="/a">1</a></div><div><a href="/b">2</a><p class="d">text text text text text text</p></div><form class="pager"><input type=hidden name=page value=2><select name=s><option>x</select><button name=b value=1>Next</button></form>`, "https://x.example/c?x=1")
	f.Add(`<body data-p='{"seller":{"name":"S"},"tags":["a","b"]}'><div data-p='[1,{"tags":2}]'></div><h1>t</h1><script class="t" type="text/template"><p class="d">x</p></script><button class="more" data-after="tok_1">m</button><span class="__cf_email__" data-cfemail="54">x</span><a href="/cdn-cgi/l/email-protection#zz">e</a></body>`, "https://x.example/")
	f.Fuzz(func(t *testing.T, body, pageURL string) {
		page, err := HTML(fuzzPageTarget, pageURL, []byte(body))
		if err != nil {
			return
		}
		checkAbsolute(t, "FuzzHTMLPage", page)
		again, err := HTML(fuzzPageTarget, pageURL, []byte(body))
		if err != nil || len(again.Listings) != len(page.Listings) || again.NotFound != page.NotFound {
			t.Fatalf("a second extraction of %q differs: %v", body, err)
		}
	})
}

// TestOwnContentRestoresTree: the parts ownContent detaches to read the
// fields again are put back where they were.
func TestOwnContentRestoresTree(t *testing.T) {
	doc := `<html><head><title>Page not found</title></head><body><nav><a href="/">Home</a></nav><div class="x"><h1>Oops! Page not found</h1></div>
<section class="related"><h2>You may also like</h2><div><a href="/p/1">a</a></div></section><div class="grid"><div><a href="/p/2">b</a></div><div><a href="/p/3">c</a></div></div>
<h3>Recommended for you</h3><p class="d">Acetone for labs</p><p>more</p><form role="search"><input name="q"></form><footer>f</footer></body></html>`
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var before, after bytes.Buffer
	html.Render(&before, root)
	fields, err := compileFields(map[string]string{"title": "h1", "description": ".d", "price": ".price"})
	if err != nil {
		t.Fatal(err)
	}
	if parts := elsewhere(root); len(parts) < 6 {
		t.Errorf("elsewhere found %d parts, want nav, section, grid, the heading and what follows it, form, footer", len(parts))
	}
	if ownContent(root, fields, map[string]string{}, []string{"Oops! Page not found"}) {
		t.Errorf("ownContent = true, want false: every text but the notice is in recommendation parts")
	}
	html.Render(&after, root)
	if before.String() != after.String() {
		t.Errorf("tree changed:\nbefore %s\nafter  %s", before.String(), after.String())
	}
}

// TestNextPageTokens: a next_page attribute holding a cursor token is sent
// back as a query parameter named after the attribute; page numbers, paths
// and slugs stay what they were.
func TestNextPageTokens(t *testing.T) {
	for _, tc := range []struct{ spec, button, want string }{
		{"button.more@data-after", `data-after="eyJpZCI6MTJ9"`, "https://s.example/list?after=eyJpZCI6MTJ9&cat=7"},
		{"button.more@data-next-cursor", `data-next-cursor="c_9f8A-x"`, "https://s.example/list?cat=7&cursor=c_9f8A-x"},
		{"button.more@data-page-token", `data-page-token="CAoQAA"`, "https://s.example/list?cat=7&page_token=CAoQAA"},
		{"button.more@data-page", `data-page="3"`, "https://s.example/list?cat=7&page=3"},
		{"button.more@data-next", `data-next="page-2"`, "https://s.example/page-2"},
		{"button.more@data-next-url", `data-next-url="Next2"`, "https://s.example/Next2"},
		{"button.more@data-next", `data-next="/list?cat=7&p=2"`, "https://s.example/list?cat=7&p=2"},
	} {
		tg := &precwatch.Target{Name: "t", Kind: "html", Follow: []string{"a.o"}, NextPage: []string{tc.spec}}
		p, err := Extract(tg, "https://s.example/list?cat=7", []byte(`<html><body><a class="o" href="/p/1">1</a><button class="more" `+tc.button+`>More</button></body></html>`))
		if err != nil {
			t.Fatalf("%s: %v", tc.spec, err)
		}
		if len(p.Next) != 1 || p.Next[0] != tc.want {
			t.Errorf("%s %s: next %q, want %q", tc.spec, tc.button, p.Next, tc.want)
		}
	}
}
