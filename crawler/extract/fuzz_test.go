package extract

import (
	"net/url"
	"os"
	"testing"

	"github.com/precwatch/precwatch"
)

var fuzzHTMLTarget = &precwatch.Target{
	Name: "fuzz", Platform: "Fuzz",
	Follow:   []string{"a.p", "div.card"},
	NextPage: []string{"a[rel=next]", "link[rel=next]"},
	Listing: precwatch.ListingSpec{
		Item: "article, li.item",
		Fields: map[string]string{
			"id": "@data-id", "url": "a@href", "title": "h2", "description": ".d",
			"price": ".price", "image": "img@src",
		},
	},
}

var fuzzJSONTarget = &precwatch.Target{
	Name: "fuzz", Platform: "Fuzz", Kind: precwatch.KindJSON,
	JSON: precwatch.JSONSpec{
		Items: "data.items", NextPage: "links.next",
		Fields: map[string]string{
			"id": "id", "url": "link", "title": "title", "description": "body",
			"price": "price.amount", "seller": "seller.name", "first": "tags.0",
		},
	},
}

// FuzzHTML checks that no page makes HTML panic and that every URL it
// returns is absolute and canonical.
func FuzzHTML(f *testing.F) {
	for _, name := range []string{"catalog-list", "catalog-detail", "classifieds", "malformed"} {
		if b, err := os.ReadFile("testdata/" + name + ".html"); err == nil {
			f.Add(string(b), "https://shop.example/product/1?utm_source=x")
		}
	}
	f.Add(`<article data-id="1"><h2>t</h2><a href="//[::1]:80/x">x</a></article>`, "http://[::1]:8080/")
	f.Add(`<base href="javascript:x"><a class=p href="rel">r</a><a rel=next href="?p=2">`, "https://x.example/a/b")
	f.Add(`<li class=item><a href="http://x.example:99999/">p</a><h2>t</h2></li>`, "https://x.example/")
	f.Add(`<a class=p href="https://user:pw@X.example:443/a/../b?b=1&a=%zz#f">`, "https://x.example/")
	f.Add("\x00<\xff>", "https://x.example/")
	f.Add(`<?xml version="1.0"?><rss><channel><item data-id="1"><h2><![CDATA[<b>t</b>]]></h2><link>/p/1</link><a class="p" href="/p/2"/></item></channel></rss>`, "https://x.example/")
	f.Add(`<?xml version="1.0"?><urlset><url><loc>https://x.example/p/1</loc></url><url><loc>`, "https://x.example/")
	f.Add(`<div itemscope itemtype="https://schema.org/Product" itemref="a b"><span itemprop="name">t</span></div><div id="a" itemprop="offers" itemscope itemref="b"></div><div id="b" itemprop="seller" itemscope itemref="a"></div>`, "https://x.example/")
	f.Add(`<script>Shopify.currency = {"active":"EUR"};</script><script type="application/json" id="ProductJson-x">{"title":"t","price":-1,"price_min":99999999999999999999}</script>`, "https://x.example/")
	// Round 14: a text sitemap, Alpine's x-data literal, a ProductGroup.
	f.Add("https://x.example/p/1\n\nhttp://x.example:99999/p/2\r\n", "https://x.example/sitemap.txt")
	f.Add(`<article x-data="card({ p: { n: 'a\'b', m: [1, {x: !0}] } })" data-id="1"><h2>t</h2></article>`, "https://x.example/")
	f.Add(`<script type="application/ld+json">{"@type":"ProductGroup","name":"g","hasVariant":[{"offers":{"price":"1,5"}},{"offers":[{"price":"x","seller":{}}]},null,7]}</script>`, "https://x.example/")
	f.Fuzz(func(t *testing.T, body, pageURL string) {
		page, err := HTML(fuzzHTMLTarget, pageURL, []byte(body))
		if err != nil {
			if _, cerr := Canonical(nil, pageURL); cerr == nil {
				t.Fatalf("HTML(%q) failed on a valid page URL %q: %v", body, pageURL, err)
			}
			return
		}
		checkAbsolute(t, "FuzzHTML", page)
	})
}

// FuzzJSON checks that no feed makes JSON panic and that every URL it
// returns is absolute and canonical.
func FuzzJSON(f *testing.F) {
	if b, err := os.ReadFile("testdata/feed.json"); err == nil {
		f.Add(string(b), "https://api.example/v2/listings?page=1")
	}
	f.Add(`{"data":{"items":[{"id":1,"link":"/a#b","title":"t"}]},"links":{"next":"?page=2"}}`, "https://api.example/feed")
	f.Add(`{"data":{"items":{"title":"<p>x</p>","link":"mailto:a"}},"links":{"next":null}}`, "https://api.example/feed")
	f.Add(`{"data":{"items":[1,"x",null,[],{"body":"b","tags":[{}]}]},"links":{"next":"//other.example:443"}}`, "https://api.example/")
	f.Add(`[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]`, "https://api.example/")
	f.Add(`{"data":"{\"items\":[{\"title\":\"t\"}]}"}`, "https://api.example/")
	f.Add(`{"errors":[{"message":"x"}],"data":null}`, "https://api.example/")
	f.Add("id\ttitle\tlink\n1\tt\t/p/1\n", "https://api.example/feed.tsv")
	f.Add("a;b\n\"x\";\"y\"\"\n", "https://api.example/feed.csv")
	f.Add(`<html><script id="__NEXT_DATA__" type="application/json">{"data":{"items":[{"title":"t","link":"/p/1"}]}}</script></html>`, "https://api.example/?page=1")
	// Turbo-streams (React Router), SvelteKit's route data, an Apollo
	// cache whose entities link each other in a cycle.
	f.Add(`[{"_1":2},"data",{"_3":4},"items",[5],{"_6":7,"_8":9},"title","t","link",["P",9]]`+"\nP9:[\"/p/1\"]\n", "https://api.example/shop.data")
	f.Add(`<html><script>window.__reactRouterContext.streamController.enqueue("[{\"_1\":2},\"data\",{\"_3\":4},\"items\",[2]]\n")</script></html>`, "https://api.example/")
	f.Add(`<html><script>__sveltekit_x={};const data = [null,{type:"data",data:{data:{items:[{title:"t"}]}}}];kit.start(app, el, {data})</script></html>`, "https://api.example/")
	f.Add(`<html><script>window.__APOLLO_STATE__={"A:1":{"title":"t","b":{"__ref":"A:1"}},"ROOT_QUERY":{"data({})":{"items":[{"__ref":"A:1"}]}}}</script></html>`, "https://api.example/")
	// Round 14: Livewire's tuples, x-magento-init, a var, SvelteKit's
	// __data.json, link lists, numbered next pages.
	f.Add(`<div wire:snapshot="{&quot;data&quot;:{&quot;items&quot;:[[[{&quot;title&quot;:&quot;t&quot;},{&quot;s&quot;:&quot;arr&quot;}]],{&quot;s&quot;:&quot;arr&quot;}]}}"></div>`, "https://api.example/")
	f.Add(`<script type="text/x-magento-init">{"data":{"items":{"1":{"title":"t"}}}}</script><script>var data = {"items":[{"title":"u"}]};</script>`, "https://api.example/")
	f.Add(`{"type":"data","nodes":[{"type":"skip"},{"type":"data","data":[{"data":1},{"items":2},[3],{"title":4},"t"]}]}`, "https://api.example/shop/__data.json")
	f.Add(`{"data":{"items":[{"title":"t"}]},"links":[{"rel":["next"],"href":"../p?x=1"},{"relation":"next"}],"next_page":2}`, "https://api.example/_next/data/b/x.json?page=1")
	// Round 19: Contentful's includes, entries linking each other and
	// themselves; a price beside its formatted text.
	f.Add(`{"data":{"items":[{"title":"t","fields":{"s":{"sys":{"type":"Link","linkType":"Entry","id":"a"}}}}]},"items":[{"fields":{"s":{"sys":{"type":"Link","linkType":"Entry","id":"a"}}}}],"includes":{"Entry":[{"sys":{"id":"a"},"fields":{"x":{"sys":{"type":"Link","linkType":"Entry","id":"a"}},"y":[{"sys":{"type":"Link","linkType":"Entry","id":"b"}}]}},{"sys":{"id":"b"},"fields":{"z":{"sys":{"type":"Link","linkType":"Entry","id":"a"}}}}]}}`, "https://api.example/")
	f.Add(`{"data":{"items":[{"title":"t","price":{"amount":12000,"currency":"EUR","formatted":"€120.00"}}]}}`, "https://api.example/")
	f.Fuzz(func(t *testing.T, body, pageURL string) {
		page, err := JSON(fuzzJSONTarget, pageURL, []byte(body))
		if err != nil {
			return // not JSON, or not an http(s) page URL
		}
		checkAbsolute(t, "FuzzJSON", page)
	})
}

// FuzzCanonical checks that Canonical never panics, that what it returns is
// an absolute http(s) URL, and that it is idempotent.
func FuzzCanonical(f *testing.F) {
	f.Add("https://Shop.example/cat/", "../p/1?utm_source=x&b=2&a=1#f")
	f.Add("http://[::1]:80/", "//[2001:DB8::1]:443/x")
	f.Add("https://b\u00fccher.example/", "/a%2Fb/%7e?q=a+b&q=%zz")
	f.Add("https://x.example/", "\t java\nscript:alert(1)")
	f.Fuzz(func(t *testing.T, base, ref string) {
		b, err := url.Parse(base)
		if err != nil || !b.IsAbs() {
			b = nil
		}
		got, err := Canonical(b, ref)
		if err != nil {
			return
		}
		u, err := url.Parse(got)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			t.Fatalf("Canonical(%q, %q) = %q: not an absolute http(s) URL (%v)", base, ref, got, err)
		}
		if again, err := Canonical(nil, got); err != nil || again != got {
			t.Fatalf("Canonical(%q, %q) = %q, but Canonical(nil, %q) = %q, %v", base, ref, got, got, again, err)
		}
	})
}

// FuzzStructured checks that no structured data (JSON-LD, microdata,
// OpenGraph) makes a fieldless target's extraction panic, and that every
// URL it returns is absolute and canonical.
func FuzzStructured(f *testing.F) {
	f.Add(string(benchStructured), "https://shop.example/p/1")
	f.Add(`<script type="application/ld+json">[{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"Product","name":"a","url":"//x.example/p"}}]},{"@type":["Offer"],"itemOffered":{"name":"b"},"offers":[[]]}]</script>`, "https://x.example/")
	f.Add(`<div itemscope itemtype="schema.org/Product"><span itemprop="name offers" itemscope><b itemprop="price" content="1">x</b></span><img itemprop="image" src="/i"></div>`, "https://x.example/")
	f.Add(`<meta property="og:type" content="product"><meta property="og:title" content="t"><meta property="og:image" content="javascript:x">`, "https://x.example/")
	target := &precwatch.Target{Name: "fuzz", Platform: "Fuzz", Listing: precwatch.ListingSpec{}}
	cards := &precwatch.Target{Name: "fuzz", Platform: "Fuzz", Listing: precwatch.ListingSpec{Item: "div, li"}}
	f.Fuzz(func(t *testing.T, body, pageURL string) {
		for _, tg := range []*precwatch.Target{target, cards} {
			page, err := HTML(tg, pageURL, []byte(body))
			if err != nil {
				return
			}
			checkAbsolute(t, "FuzzStructured", page)
		}
	})
}
