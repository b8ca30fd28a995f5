package matchers_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentPageTypes: one case per page shape; each names text the
// listing must keep (the offer, its seller's contacts) and text it must
// leave out (navigation, related products, hidden and banner text).
func TestHTMLDocumentPageTypes(t *testing.T) {
	tests := []struct {
		name      string
		page      string
		wantTitle string
		wantURL   string
		keep      []string
		drop      []string
	}{
		{
			name: "b2b product page",
			page: `<html><head><title>BMK glycidate - ChemHub</title><meta property="og:title" content="BMK glycidate 5449-12-7">
<link rel="canonical" href="https://chemhub.example/p/1"><meta name="keywords" content="ephedrine"></head><body>
<header class="site-header"><nav><a href="/a">Acetone</a><a href="/e">Ephedrine HCl</a></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/c">Pseudoephedrine series</a></div>
<aside class="left-sidebar"><h3>Categories</h3><ul><li><a href="/1">Safrole</a></li><li><a href="/2">PMK</a></li></ul></aside>
<main><div class="product-detail"><h1>BMK glycidate 5449-12-7</h1><p>White powder 99%, stock in NL.</p></div>
<section class="related-products"><h2>Related products</h2><ul><li><a href="/r1">Red phosphorus</a></li><li><a href="/r2">Toluene</a></li></ul></section></main>
<footer class="site-footer"><div><h4>Hot searches</h4><a href="/s">GBL</a> <a href="/s2">Iodine</a></div><p>&copy; ChemHub</p></footer></body></html>`,
			wantTitle: "BMK glycidate 5449-12-7",
			wantURL:   "https://chemhub.example/p/1",
			keep:      []string{"BMK glycidate 5449-12-7", "White powder 99%, stock in NL."},
			drop:      []string{"Acetone", "Ephedrine", "Pseudoephedrine", "Safrole", "PMK", "Red phosphorus", "Toluene", "GBL", "Iodine"},
		},
		{
			name: "marketplace with supplier box and also-viewed slider",
			page: `<html><head><meta property="og:title" content="Toluene 99.9%"><meta property="og:site_name" content="TradeBazaar"></head><body>
<div id="header"><div class="logo"><a href="/">TradeBazaar</a></div><ul class="header-menu"><li><a href="/c">Categories</a></li></ul></div>
<div class="main"><h1>Toluene 99.9%</h1><p>180 kg drum.</p>
<div class="module-recommend" data-spm="also_viewed"><div class="module-title">People who viewed this item also viewed</div>
<div class="slide"><a href="/1" title="x"><img alt="PMK oil"></a><p>PMK oil</p></div><div class="slide" aria-hidden="true"><a href="/2">New BMK</a></div></div></div>
<aside class="tb-side supplier-box"><div class="company-name"><a href="/co">Fengchi Trading</a></div>
<div class="note">WhatsApp +86 131 5555 0192, 100% customs clearance to Russia.</div></aside></body></html>`,
			wantTitle: "Toluene 99.9%",
			keep:      []string{"Toluene 99.9%", "180 kg drum.", "WhatsApp +86 131 5555 0192, 100% customs clearance to Russia."},
			drop:      []string{"PMK", "BMK", "Categories"},
		},
		{
			name: "classifieds saved by a browser",
			page: `<!-- saved from url=(0045)https://london.listitnow.example/hab/7722019 -->
<html><head><title>Sudafed x10 - for sale</title></head><body>
<section class="global-header"><a href="/">ListItNow</a> &gt; <a href="/hab">health &amp; beauty</a></section>
<section id="postingbody">Sudafed 60 mg, 10 boxes.<br>Telegram @sudaguy</section>
<section class="similar-postings"><h2>similar posts</h2><ul><li><a href="/1">Ephedrine tabs</a></li><li><a href="/2">Vitamin D</a></li></ul></section>
<footer><ul><li><a href="/p">prohibited items: ephedrine</a></li></ul></footer></body></html>`,
			wantTitle: "Sudafed x10 - for sale",
			wantURL:   "https://london.listitnow.example/hab/7722019",
			keep:      []string{"Sudafed 60 mg, 10 boxes.\nTelegram @sudaguy"},
			drop:      []string{"phedrine", "health & beauty"},
		},
		{
			name: "forum thread",
			page: `<html><head><title>[VENDOR] PMK</title></head><body><div class="headerbar" role="banner"><a href="/">Hub</a></div>
<div class="navbar" role="navigation"><a href="/f/12">Precursor suppliers (BMK, safrole)</a></div>
<div id="page-body" role="main"><h2>[VENDOR] PMK</h2><div class="post"><div class="content">PMK ethyl glycidate 10 kg. Wickr: chemlab</div>
<div class="signature">also stock BMK glycidate</div></div>
<div class="similar-topics"><h3>Similar topics</h3><ul><li><a href="/t/1">Need red phosphorus</a></li><li><a href="/t/2">Safrole review</a></li></ul></div></div>
<div class="footer" role="contentinfo"><a href="/rules">Rules</a></div></body></html>`,
			wantTitle: "[VENDOR] PMK",
			keep:      []string{"PMK ethyl glycidate 10 kg. Wickr: chemlab", "also stock BMK glycidate"},
			drop:      []string{"safrole", "Safrole", "red phosphorus", "Rules"},
		},
		{
			name: "shop with hidden tab panel and recommendations",
			page: `<html><head><meta property="og:url" content="https://pyrolab.example/products/rp"></head><body>
<a class="skip-to-content-link visually-hidden" href="#main">Skip to content</a>
<header><nav><ul><li><a href="/c">Solvents: MEK, toluene</a></li></ul></nav></header>
<main id="main"><h1>Red phosphorus 100 g</h1><div role="tablist"><button aria-controls="t1">Shipping</button></div>
<div id="t0" role="tabpanel">CAS 7723-14-0.</div><div id="t1" class="tab-content" hidden>Discreet packaging, no questions asked.</div>
<div class="accordion-body" style="display:none">Ships worldwide.</div>
<section class="product-recommendations"><h2>You may also like</h2><ul><li><a href="/1">Iodine 50 g</a></li><li><a href="/2">Potassium nitrate</a></li></ul></section></main>
<footer><a href="/refund">Refund policy</a></footer></body></html>`,
			wantTitle: "Red phosphorus 100 g",
			wantURL:   "https://pyrolab.example/products/rp",
			keep:      []string{"Red phosphorus 100 g", "CAS 7723-14-0.", "Discreet packaging, no questions asked.", "Ships worldwide."},
			drop:      []string{"MEK", "toluene", "Iodine", "Skip to content", "Refund"},
		},
		{
			name: "hidden keyword stuffing, templates and cookie banners",
			page: `<html><body><div id="cookie-consent" class="cookie-banner">We use cookies. Ephedrine.</div>
<h1>Distillation kit</h1><p>Borosilicate glass.</p>
<template><div>Safrole oil 1 L</div></template>
<div class="seo-block" style="display: none">buy pseudoephedrine online</div>
<div hidden>P2P reduction glassware</div><span style="visibility : hidden">methylamine</span>
<div class="sr-only">BMK</div><div class="hidden md:block">Shown on desktop</div>
<noscript>Enable JavaScript to see ephedrine</noscript><script>var s="ephedrine"</script></body></html>`,
			wantTitle: "Distillation kit",
			keep:      []string{"Distillation kit", "Borosilicate glass.", "Shown on desktop"},
			drop:      []string{"phedrine", "Safrole", "P2P", "methylamine", "BMK", "cookies"},
		},
		{
			name: "news article with most-read list",
			page: `<html><head><meta property="og:title" content="Police dismantle ephedrine lab"></head><body>
<header class="masthead"><a href="/">Herald</a><nav><a href="/w">World</a></nav></header>
<main><article><header><h1>Police dismantle ephedrine lab</h1><p>By A. de Vries</p></header><p>Officers found P2P.</p>
<aside class="pullquote">Sold openly online.</aside></article>
<section class="more-stories"><h2>Most read</h2><ol><li><a href="/1">Safrole ring busted</a></li><li><a href="/2">BMK glycidate</a></li></ol></section></main></body></html>`,
			wantTitle: "Police dismantle ephedrine lab",
			keep:      []string{"Police dismantle ephedrine lab", "By A. de Vries", "Officers found P2P.", "Sold openly online."},
			drop:      []string{"Safrole", "BMK", "World"},
		},
		{
			name: "catalogue page: the product grid is the content",
			page: `<html><head><title>All products | ChemDirect</title></head><body>
<aside class="filters"><h3>Filter by category</h3><ul><li><a href="/c/1">Ephedrine salts</a></li><li><a href="/c/2">Piperonal</a></li></ul></aside>
<main><h1>All products</h1><div class="product-list">
<div class="product-card"><a href="/p/1"><h3>BMK oil 1 L</h3></a><div>CAS 103-79-7</div><button>Add</button></div>
<div class="product-card"><a href="/p/2"><h3>PMK ethyl glycidate 1 kg</h3></a><div>CAS 28578-16-7</div><button>Add</button></div></div>
<div class="pagination"><a href="?page=2">Next</a></div></main></body></html>`,
			wantTitle: "All products",
			keep:      []string{"BMK oil 1 L\nCAS 103-79-7", "PMK ethyl glycidate 1 kg\nCAS 28578-16-7"},
			drop:      []string{"Ephedrine", "Piperonal", "Next"},
		},
		{
			name: "one-product shop with contacts in the footer",
			page: `<html><body><header><div class="brand">AcidStore</div><nav><a href="/">Home</a></nav></header>
<main><h1>Sulfuric acid 98% 5 L</h1><p>In stock.</p></main>
<footer><p>Order by Telegram @acidstore only. Discreet packaging.</p><ul><li><a href="/faq">FAQ</a></li><li><a href="/terms">Terms</a></li></ul></footer></body></html>`,
			wantTitle: "Sulfuric acid 98% 5 L",
			keep:      []string{"AcidStore", "Sulfuric acid 98% 5 L", "In stock.", "Order by Telegram @acidstore only. Discreet packaging."},
			drop:      []string{"FAQ", "Terms", "Home"},
		},
		{
			name: "headings in other languages name related blocks",
			page: `<html><body><h1>工业级甲苯</h1><p>甲苯 99.9%</p>
<div class="xgcp"><h3>相关产品</h3><ul><li><a href="/1">麻黄碱</a></li><li><a href="/2">伪麻黄碱</a></li></ul></div>
<div class="box"><div class="block-title">Популярные товары</div><a href="/1">Эфедрин</a> <a href="/2">Псевдоэфедрин</a></div>
<div class="recommend"><h2>関連商品</h2><a href="/1">エフェドリン塩酸塩</a><a href="/2">無水酢酸</a></div>
<section class="x"><h2>Kunden kauften auch</h2><a href="/1">1,4-Butandiol</a><a href="/2">Aceton</a></section>
<section class="y"><h2>Produits similaires</h2><a href="/1">Dolirhume</a><a href="/2">Humex</a></section>
<div data-box-name="Other Offers"><h2>Inne oferty sprzedającego</h2><a href="/o/1">Kwas siarkowy 1 l</a> <a href="/o/2">Aceton 5 l</a></div></body></html>`,
			wantTitle: "工业级甲苯",
			keep:      []string{"工业级甲苯", "甲苯 99.9%"},
			drop:      []string{"麻黄碱", "Эфедрин", "エフェドリン", "Butandiol", "Dolirhume", "siarkowy"},
		},
		{
			name: "a related-looking block without links is description, kept",
			page: `<html><body><h1>Acetone 1 L</h1><div class="product-description"><h2>Recommended use</h2><ul><li>Degreasing</li><li>Nail polish removal</li></ul></div>
<div class="similar"><p>Similar to reagent grade, see COA.</p></div></body></html>`,
			wantTitle: "Acetone 1 L",
			keep:      []string{"Recommended use", "Degreasing", "Similar to reagent grade, see COA."},
		},
		{
			name: "a wrapper named like a related block that holds the offer is kept",
			page: `<html><body><div class="related-wrapper"><nav><a href="/">Home</a><a href="/x">Shop</a></nav>
<h1>Pseudoephedrine HCl 1 kg</h1><p>Wickr: pse</p><a href="/1">Contact</a> <a href="/2">Share</a></div></body></html>`,
			wantTitle: "Pseudoephedrine HCl 1 kg",
			keep:      []string{"Pseudoephedrine HCl 1 kg", "Wickr: pse"},
			drop:      []string{"Home"},
		},
		{
			name: "select shows its chosen option only",
			page: `<html><body><form class="search"><select><option>Ephedrine</option></select></form><h1>Toluene</h1>
<label>Pack <select name="size"><option>1 L</option><option selected>5 L</option><option>Pseudoephedrine</option></select></label></body></html>`,
			wantTitle: "Toluene",
			keep:      []string{"Pack 5 L"},
			drop:      []string{"phedrine", "1 L"},
		},
		{
			name: "table layout: the menu column beside the offer is left out",
			page: `<HTML><BODY><TABLE><TR><TD COLSPAN=2><A HREF="/">Home</A></TD></TR><TR>
<TD WIDTH=160><B>Products</B><BR><A HREF="p1">Acetic Anhydride</A><BR><A HREF="p2">Ephedrine HCl</A><BR><A HREF="p3">Safrole</A><BR><A HREF="p4">Sodium Benzoate</A></TD>
<TD><H2>Sodium Benzoate 25 kg</H2><P>Food grade. Contact: <A HREF="mailto:s@x.example">s@x.example</A></P></TD></TR></TABLE></BODY></HTML>`,
			keep: []string{"Sodium Benzoate 25 kg", "Food grade. Contact: s@x.example"},
			drop: []string{"Acetic", "Ephedrine", "Safrole"},
		},
		{
			name: "a shop index that is only links below its title is the content, kept",
			page: `<html><body><div class="page-title"><h1>Our products</h1></div>
<div class="list"><a href="/1">BMK oil 1 L</a><br><a href="/2">PMK ethyl glycidate</a><br><a href="/3">4-AP 100 g</a><br><a href="/4">Red phosphorus</a></div>
<p>Wickr: shop</p></body></html>`,
			wantTitle: "Our products",
			keep:      []string{"BMK oil 1 L", "PMK ethyl glycidate", "4-AP 100 g", "Red phosphorus", "Wickr: shop"},
		},
		{
			name: "page saved with a modal open: aria-hidden on the page wrapper does not hide the offer",
			page: `<html><body><div id="app" aria-hidden="true"><header><nav><a href="/">Home</a></nav></header>
<main><h1>Ephedrine HCl 1 kg</h1><p>Telegram @x</p><div class="slide" aria-hidden="true">BMK oil</div></main></div>
<div role="dialog" aria-modal="true" id="CybotCookiebotDialog"><p>This website uses cookies</p></div></body></html>`,
			wantTitle: "Ephedrine HCl 1 kg",
			keep:      []string{"Ephedrine HCl 1 kg", "Telegram @x"},
			drop:      []string{"BMK", "cookies", "Home"},
		},
		{
			name:      "everything hidden and no heading: the hidden text is read",
			page:      `<html><body style="display:none"><div><p>Safrole oil 5 L</p><p>Wickr: sass</p></div></body></html>`,
			keep:      []string{"Safrole oil 5 L\nWickr: sass"},
			wantTitle: "",
		},
		{
			name: "a logo h1 in the header is not the main heading",
			page: `<html><head><title>Toluene 20 L | Shop</title></head><body><header><h1 class="logo"><a href="/">SolventShop</a></h1><ul><li><a href="/1">Ephedrine</a></li><li><a href="/2">PMK</a></li></ul></header>
<div class="product"><h2>Toluene 20 L</h2><p>Industrial grade.</p></div></body></html>`,
			wantTitle: "Toluene 20 L | Shop",
			keep:      []string{"Toluene 20 L", "Industrial grade."},
			drop:      []string{"Ephedrine", "PMK"},
		},
		{
			name:      "an iframe's srcdoc is part of the page",
			page:      `<html><body><h1>Lab chemicals lot</h1><iframe srcdoc="<html><body><nav><a href='/'>x</a></nav><p>Pseudoephedrine HCl 2 kg, stealth shipping</p></body></html>"></iframe><iframe src="https://ads.example/x">ad text</iframe></body></html>`,
			wantTitle: "Lab chemicals lot",
			keep:      []string{"Lab chemicals lot\nPseudoephedrine HCl 2 kg, stealth shipping"},
			drop:      []string{"ad text"},
		},
		{
			name: "component class names (AEM cmp-*) and the product's own tags are content",
			page: `<html><body><div class="cmp-container"><div class="cmp-title"><h1 class="cmp-title__text">Phenylacetic acid 1 kg</h1></div>
<div class="cmp-text"><p>99%, CAS 103-82-2.</p></div><div class="product-tags"><a href="/t/1">phenylacetic acid</a> <a href="/t/2">PAA</a> <a href="/t/3">discreet</a></div></div></body></html>`,
			wantTitle: "Phenylacetic acid 1 kg",
			keep:      []string{"99%, CAS 103-82-2.", "phenylacetic acid PAA discreet"},
		},
		{
			name: "an aside inside main that is a list of links is left out; a seller card aside is kept",
			page: `<html><body><main><aside><ul><li><a href="/1">Ephedrine HCl</a></li><li><a href="/2">BMK oil</a></li><li><a href="/3">PMK</a></li><li><a href="/4">GBL</a></li></ul></aside>
<h1>Toluene 1 L</h1><aside class="seller"><p>Seller: solvshop, Threema ABCD1234</p><a href="/s">Visit shop</a></aside></main></body></html>`,
			wantTitle: "Toluene 1 L",
			keep:      []string{"Toluene 1 L", "Seller: solvshop, Threema ABCD1234"},
			drop:      []string{"Ephedrine", "BMK", "PMK", "GBL"},
		},
		{
			name:      "Chinese sites' pinyin class names name related blocks",
			page:      `<html><body><h1>甲苯 99.9%</h1><div class="tuijian_list"><a href="/1">麻黄碱</a><a href="/2">胡椒醛</a></div><div class="relate_products"><a href="/3">Safrole</a><a href="/4">PMK</a></div></body></html>`,
			wantTitle: "甲苯 99.9%",
			drop:      []string{"麻黄碱", "Safrole"},
		},
		{
			name: "contact links in the footer are kept and icon buttons show their target",
			page: `<html><body><main><h1>Sulfuric acid 5 L</h1><a class="btn" href="https://wa.me/8613100000000"><i class="icon-whatsapp"></i></a></main>
<footer><a href="https://t.me/acidshop"><svg></svg></a> <a href="mailto:sales@acid.example">sales@acid.example</a> <a href="https://t.me/share/url?url=x">Share</a>
<ul><li><a href="/faq">FAQ</a></li><li><a href="/terms">Terms</a></li><li><a href="/c/1">Ephedrine</a></li></ul></footer></body></html>`,
			wantTitle: "Sulfuric acid 5 L",
			keep:      []string{"wa.me/8613100000000", "t.me/acidshop", "sales@acid.example"},
			drop:      []string{"FAQ", "Ephedrine", "share"},
		},
		{
			name: "no structure at all: everything visible is kept",
			page: `<p>Ephedrine HCl 1 kg<p>Telegram @x<table><tr><td>price<td>100 USD</table>`,
			keep: []string{"Ephedrine HCl 1 kg\nTelegram @x\nprice 100 USD"},
		},
		{
			name:      "title from <title> when there is no og:title or h1; relative canonical ignored",
			page:      `<html><head><title> Acetone  500 ml </title><link rel="canonical" href="/p/1"></head><body><p>Acetone</p></body></html>`,
			wantTitle: "Acetone 500 ml",
			keep:      []string{"Acetone"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			if d.Title != tt.wantTitle {
				t.Errorf("%s: title = %q, want %q", tt.name, d.Title, tt.wantTitle)
			}
			if d.URL != tt.wantURL {
				t.Errorf("%s: url = %q, want %q", tt.name, d.URL, tt.wantURL)
			}
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}

// TestHTMLDocumentScriptState: a client-rendered page saved without its
// rendering shows nothing; the listing text of its embedded state is read
// (not its recommendations), and only then.
func TestHTMLDocumentScriptState(t *testing.T) {
	spa := `<html><head><title>Loading…</title><meta property="og:description" content="Fast shipping to the EU."></head><body><div id="__next"></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"product":{"id":7,"title":"PMK ethyl glycidate 1 kg","description":"<p>Oil, 99%. <b>Wickr</b>: pmkshop</p>","image":"https://cdn.example/p.jpg","related_products":[{"title":"Red phosphorus"}]},"menu":[{"name":"Ephedrine"}]}}}</script>
<script>window.__INITIAL_STATE__ = {"seller":{"name":"pmkshop","location":"Rotterdam, NL"}};</script>
<script type="application/ld+json">{"@type":"Product","name":"ld name"}</script></body></html>`
	d := matchers.ParseHTMLDocument([]byte(spa))
	for _, want := range []string{"PMK ethyl glycidate 1 kg", "Oil, 99%. Wickr: pmkshop", "Rotterdam, NL", "Fast shipping to the EU."} {
		if !strings.Contains(d.ScriptText, want) {
			t.Errorf("client-rendered page: script text %q lacks %q", d.ScriptText, want)
		}
	}
	for _, bad := range []string{"Red phosphorus", "Ephedrine", "cdn.example", "ld name"} {
		if strings.Contains(d.ScriptText, bad) {
			t.Errorf("client-rendered page: script text %q has %q", d.ScriptText, bad)
		}
	}
	if again := matchers.ParseHTMLDocument([]byte(spa)); again.ScriptText != d.ScriptText {
		t.Errorf("script text differs between runs: %q / %q", d.ScriptText, again.ScriptText)
	}
	rendered := strings.Replace(spa, `<div id="__next"></div>`, `<div id="__next"><h1>PMK ethyl glycidate 1 kg</h1><p>`+strings.Repeat("Oil, 99 percent, in stock in the Netherlands. ", 6)+`</p></div>`, 1)
	if d := matchers.ParseHTMLDocument([]byte(rendered)); d.ScriptText != "" {
		t.Errorf("rendered page: script text %q, want none (the page shows its text)", d.ScriptText)
	}
}

func TestHTMLDocumentSiteName(t *testing.T) {
	d := matchers.ParseHTMLDocument([]byte(`<html><head><meta property="og:site_name" content=" ChemHub "><meta property="og:url" content="javascript:alert(1)"></head><body>x</body></html>`))
	if d.SiteName != "ChemHub" || d.URL != "" {
		t.Errorf("site name %q, url %q; want ChemHub and no url (not http)", d.SiteName, d.URL)
	}
}

// TestHTMLDocumentMalformed: broken, deeply nested, binary and non-UTF-8
// input never panics, and keeps its visible text.
func TestHTMLDocumentMalformed(t *testing.T) {
	deep := "<title>Deep</title><p>Pseudoephedrine HCl 5 kg" + strings.Repeat("<div>", 5000) + "<p>Telegram @deep" + strings.Repeat("</div>", 10)
	tests := []struct {
		name, page, keep string
	}{
		{"deep nesting", deep, "Telegram @deep"},
		{"unclosed everything", `<html><body><table><tr><td><font color=red><b>HOT<td><h1>Ephedrine<p>1 kg<a href=/x>Contact`, "Ephedrine\n1 kg"},
		{"truncated tag", `<h1>BMK glycidate</h1><div class="x" <p>bro<ken`, "BMK glycidate"},
		{"windows-1251 bytes undecoded", "<h1>\xdd\xf4\xe5\xe4\xf0\xe8\xed</h1>", ""},
		{"NUL and control bytes", "<h1>a\x00b\x01c</h1><p>\xff\xfe\x00</p>", ""},
		{"invalid UTF-8 in the title and URL", "<title>\xe3\x81</title><link rel=canonical href=\"https://x.example/\xff\"><h1>\xc0\xafx</h1>", "\uFFFD"},
		{"empty", "", ""},
		{"only a comment", "<!-- saved from url=(0010)x -->", ""},
	}
	for _, tt := range tests {
		d := matchers.ParseHTMLDocument([]byte(tt.page))
		if !strings.Contains(d.Text, tt.keep) {
			t.Errorf("%s: text %q lost %q", tt.name, d.Text, tt.keep)
		}
		if !utf8.ValidString(d.Title + d.Text + d.URL + d.SiteName + d.ScriptText) {
			t.Errorf("%s: document %+v is not valid UTF-8", tt.name, d)
		}
		if tt.name == "deep nesting" && (d.Title != "Deep" || !strings.Contains(d.Text, "Pseudoephedrine HCl 5 kg")) {
			t.Errorf("deep nesting: title %q, text %q", d.Title, d.Text)
		}
	}
}

// TestHTMLDocumentLimits: what the bounds that keep pathological pages
// linear mean for a page: class words past the first 4 KiB of the
// attribute are not read, a value repeated throughout embedded state is
// read once, and blocks nested hundreds deep are still judged whole.
func TestHTMLDocumentLimits(t *testing.T) {
	filler := strings.Repeat("x ", 4<<10)
	links := `<a href="/1">Acetone</a> <a href="/2">Toluene</a> <a href="/3">Safrole</a> <a href="/4">Iodine</a>`
	state := `{"title":"Ephedrine HCl 1 kg"},`
	tests := []struct {
		name, page string
		keep, drop []string
	}{
		{"hiding class first", `<h1>Offer</h1><p class="hidden ` + filler + `">stuffed keywords</p>`, []string{"Offer"}, []string{"stuffed keywords"}},
		{"hiding class after 4 KiB", `<h1>Offer</h1><p class="` + filler + ` hidden">shown text</p>`, []string{"Offer", "shown text"}, nil},
		{"related block nested 300 deep", `<h1>Offer</h1><p>Acetic anhydride 30 l</p>` + strings.Repeat(`<div class="related-products">`, 300) + links,
			[]string{"Acetic anhydride 30 l"}, []string{"Toluene"}},
		{"aside menu nested 300 deep", `<h1>Offer</h1><p>Acetic anhydride 30 l</p><aside>` + strings.Repeat(`<div>`, 300) + links,
			[]string{"Acetic anhydride 30 l"}, []string{"Safrole"}},
		{"footer links nested 300 deep, its text kept", `<h1>Offer</h1><footer>` + strings.Repeat(`<div>`, 300) + `<p>` + links + `</p><p>We ship from Rotterdam on weekdays only.</p>`,
			[]string{"Rotterdam"}, []string{"Iodine"}},
		{"state value repeated", `<div id="root"></div><script>window.__INITIAL_STATE__ = {"items":[` + strings.Repeat(state, 10000) + `{}]}</script>`,
			[]string{"Ephedrine HCl 1 kg"}, nil},
	}
	for _, tt := range tests {
		d := matchers.ParseHTMLDocument([]byte(tt.page))
		text := d.Text + "\n" + d.ScriptText
		for _, k := range tt.keep {
			if !strings.Contains(text, k) {
				t.Errorf("%s: text %.200q lost %q", tt.name, text, k)
			}
		}
		for _, k := range tt.drop {
			if strings.Contains(text, k) {
				t.Errorf("%s: text %.200q kept %q", tt.name, text, k)
			}
		}
		if n := strings.Count(d.ScriptText, "Ephedrine HCl 1 kg"); n > 1 {
			t.Errorf("%s: script text holds the repeated value %d times", tt.name, n)
		}
	}
}

// TestHTMLDocumentTestdata: every saved page of testdata/documents parses
// to valid UTF-8 text (when decoded as UTF-8 pages are) with a title (an
// unrendered page's text is its script text).
func TestHTMLDocumentTestdata(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "documents", "*.html"))
	if err != nil || len(files) < 20 {
		t.Fatalf("testdata/documents: %d pages, %v", len(files), err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := matchers.ParseHTMLDocument(b)
		if d.Title == "" || strings.TrimSpace(d.Text+d.ScriptText) == "" {
			t.Errorf("%s: title %q, text %q, script text %q", f, d.Title, d.Text, d.ScriptText)
		}
		if utf8.Valid(b) && !utf8.ValidString(d.Text) {
			t.Errorf("%s: text is not valid UTF-8", f)
		}
	}
}

func BenchmarkParseHTMLDocument(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("..", "testdata", "documents", "b2b-bmk-glycidate.html"))
	if err != nil {
		b.Fatal(err)
	}
	// A large page: the product block and 200 related-product cards.
	var big strings.Builder
	big.Write(page[:len(page)-len("</body>\n</html>\n")])
	big.WriteString(`<section class="related-products"><h2>Related products</h2><ul>`)
	for i := 0; i < 200; i++ {
		big.WriteString(`<li class="card"><a href="/p"><span class="name">Ephedrine HCl</span></a><span class="price">US $9</span></li>`)
	}
	big.WriteString("</ul></section></body></html>")
	for _, bc := range []struct {
		name string
		page []byte
	}{{"product-page", page}, {"large-page", []byte(big.String())}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.page)))
			for b.Loop() {
				matchers.ParseHTMLDocument(bc.page)
			}
		})
		// Baseline: the whole page's text, as documents were read before.
		b.Run(bc.name+"/HTMLText", func(b *testing.B) {
			b.SetBytes(int64(len(bc.page)))
			for b.Loop() {
				matchers.HTMLText(bc.page)
			}
		})
	}
}

// BenchmarkParseHTMLDocumentPathological reads pages built to find
// super-linear work: a large catalogue page, blocks nested hundreds deep
// in a footer, an aside and headings (each element of which asks about
// its whole subtree), a huge class attribute, a large embedded state,
// nesting past the parser's limit. Their size is PRECWATCH_DOC_MB
// (default 2); time and memory should grow linearly with it.
func BenchmarkParseHTMLDocumentPathological(b *testing.B) {
	size := 2 << 20
	if v, err := strconv.Atoi(os.Getenv("PRECWATCH_DOC_MB")); err == nil && v > 0 {
		size = v << 20
	}
	product, err := os.ReadFile(filepath.Join("..", "testdata", "documents", "b2b-bmk-glycidate.html"))
	if err != nil {
		b.Fatal(err)
	}
	fill := func(prefix, unit, suffix string) []byte {
		n := max(1, (size-len(prefix)-len(suffix))/len(unit))
		return []byte(prefix + strings.Repeat(unit, n) + suffix)
	}
	nested := func(open string, depth int) string { return strings.Repeat(open, depth) }
	links := `<p><a href="/a">Acetone</a> <a href="/b">Toluene</a> shipping terms</p>`
	cases := []struct {
		name string
		page []byte
	}{
		{"catalogue", fill("<html><body>", string(product), "</body></html>")},
		{"nested-footer", fill("<h1>Offer</h1><footer>"+nested(`<div class="col">`, 400), links, "")},
		{"nested-aside", fill("<h1>Offer</h1>"+nested("<aside><p>text ", 250), links, "")},
		{"nested-headings", fill(nested("<h1><div> ", 250), "<p>more text</p>", "")},
		{"class-attribute", fill(`<h1>Offer</h1><div class="`, "related hidden ", `"><a href=1>a</a><a href=2>b</a></div>`)},
		{"script-state", fill(`<script>window.__INITIAL_STATE__ = {"items":[`, `{"title":"Acetone <b>1 L</b> &amp; more","desc":"d"},`, `{}]}</script>`)},
		{"deep-nesting", fill(nested("<div>", 600), "<p>word <b>bold</b></p>", "")},
		{"safety-notices", fill("<h1>Offer</h1>", `<div class="safety-tips"><h4>Safety tips</h4><p>Keep the canister closed.</p></div>`, "")},
		{"nested-notices", fill("<h1>Offer</h1>"+nested(`<div class="safety-tips"><h4>Safety tips</h4>`, 250), "<p>Keep closed.</p>", "")},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.page)))
			b.ReportAllocs()
			for b.Loop() {
				matchers.ParseHTMLDocument(bc.page)
			}
		})
		// Baseline: the parser alone, which nesting makes slow too
		// (every start tag looks through the open elements).
		b.Run(bc.name+"/html.Parse", func(b *testing.B) {
			b.SetBytes(int64(len(bc.page)))
			b.ReportAllocs()
			for b.Loop() {
				html.Parse(bytes.NewReader(bc.page))
			}
		})
	}
}

func ExampleParseHTMLDocument() {
	page := `<html><head><title>Acetone 1 L | Shop</title><link rel="canonical" href="https://shop.example/p/7"></head>
<body><nav><a href="/c/1">Ephedrine</a> <a href="/c/2">Safrole</a></nav>
<main><h1>Acetone 1 L</h1><p>Nail polish remover, 99.5%.</p>
<section class="related-products"><h2>Related products</h2><a href="/p/8">BMK glycidate</a> <a href="/p/9">Toluene</a></section></main>
<div hidden>pseudoephedrine</div></body></html>`
	d := matchers.ParseHTMLDocument([]byte(page))
	fmt.Println(d.URL)
	fmt.Println(d.Title)
	fmt.Println(d.Text)
	// Output:
	// https://shop.example/p/7
	// Acetone 1 L
	// Acetone 1 L
	// Nail polish remover, 99.5%.
}

// checkKeptDropped reports each of keep missing from a document's text and
// each of drop still in it.
func checkKeptDropped(t *testing.T, name, text string, keep, drop []string) {
	t.Helper()
	for _, k := range keep {
		if !strings.Contains(text, k) {
			t.Errorf("%s: text lost %q; text:\n%s", name, k, text)
		}
	}
	for _, k := range drop {
		if strings.Contains(text, k) {
			t.Errorf("%s: text keeps %q; text:\n%s", name, k, text)
		}
	}
}
