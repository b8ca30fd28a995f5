package extract

import (
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

func TestCanonical(t *testing.T) {
	base, _ := url.Parse("https://Shop.example/cat/list?page=1#top")
	tests := []struct {
		ref, want string
	}{
		{"/p/1", "https://shop.example/p/1"},
		{"p/2", "https://shop.example/cat/p/2"},
		{"../p/3", "https://shop.example/p/3"},
		{"?page=2", "https://shop.example/cat/list?page=2"},
		{"#reviews", "https://shop.example/cat/list?page=1"},
		{"", "https://shop.example/cat/list?page=1"},
		{"//CDN.example/x.png", "https://cdn.example/x.png"},
		{"HTTP://Other.Example:80/A?b=2&a=1", "http://other.example/A?a=1&b=2"},
		{"https://other.example:443", "https://other.example/"},
		{"https://other.example:8443/", "https://other.example:8443/"},
		{"https://other.example./x", "https://other.example/x"},
		{"/p?utm_source=a&UTM_Medium=b&gclid=1&fbclid=2&msclkid=3&yclid=4&mc_cid=5&mc_eid=6&ref=7&spm=8&_ga=9&id=10", "https://shop.example/p?id=10"},
		{"/p?b=2&a=3&a=1", "https://shop.example/p?a=3&a=1&b=2"},
		{"/p?q=a b&r=a%20b&s=a+b", "https://shop.example/p?q=a+b&r=a+b&s=a+b"},
		{"/p?flag&x=", "https://shop.example/p?flag&x="},
		{"/p?&&a=1&", "https://shop.example/p?a=1"},
		{"/p?utm_source=x", "https://shop.example/p"},
		{"/p?", "https://shop.example/p"},
		{"/p?a=%zz", "https://shop.example/p?a=%25zz"},
		{"  /p/\n4\t ", "https://shop.example/p/4"},
		{"/a/./b/../c", "https://shop.example/a/c"},
		{"https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"},
		{"/a%7Eb/%41%62c", "https://shop.example/a~b/Abc"},
		{"/a%2Fb/%7e", "https://shop.example/a%2Fb/%7e"},
		{"https://Bücher.example/", "https://xn--bcher-kva.example/"},
		{"/ünïcode path", "https://shop.example/%C3%BCn%C3%AFcode%20path"},
		{"/p/1;jsessionid=A1B2C3?PHPSESSID=x&id=4", "https://shop.example/p/1?id=4"},
		{"/p/1?osCsid=8f7e&zenid=q1&sid=abc&sessid=1&session_id=2&id=4", "https://shop.example/p/1?id=4"},
		{"/p/1?sid=1234567890&id=4", "https://shop.example/p/1?id=4"},
		// A sid that is a short number is a shop's item or store
		// id, not a session's.
		{"/goods?sid=9&_sid=9a", "https://shop.example/goods?sid=9"},
		{"/p/acetone-99%", "https://shop.example/p/acetone-99%25"},
		{"/p/50% off.html?d=10%", "https://shop.example/p/50%25%20off.html?d=10%25"},
		{"/products/x?_pos=1&_sid=9a&_ss=r&variant=7&srsltid=Afm&pr_prod_strat=c&pr_seq=u", "https://shop.example/products/x?variant=7"},
	}
	for _, tt := range tests {
		got, err := Canonical(base, tt.ref)
		if err != nil || got != tt.want {
			t.Errorf("Canonical(%s, %q) = %q, %v; want %q", base, tt.ref, got, err, tt.want)
			continue
		}
		// Canonical is idempotent.
		again, err := Canonical(nil, got)
		if err != nil || again != got {
			t.Errorf("Canonical(nil, %q) = %q, %v; want it unchanged", got, again, err)
		}
	}
}

func TestCanonicalErrors(t *testing.T) {
	base, _ := url.Parse("https://shop.example/")
	for _, ref := range []string{"javascript:void(0)", "mailto:a@b.example", "tel:+100", "data:text/plain,x", "ftp://x.example/f", "http://[::1"} {
		if got, err := Canonical(base, ref); err == nil {
			t.Errorf("Canonical(%s, %q) = %q, want an error", base, ref, got)
		}
	}
	for _, ref := range []string{"/relative", "", "https://", "https:///path"} {
		if got, err := Canonical(nil, ref); err == nil {
			t.Errorf("Canonical(nil, %q) = %q, want an error", ref, got)
		}
	}
	if _, err := Canonical(base, "mailto:x@y.example"); !errors.Is(err, ErrNotHTTP) {
		t.Errorf("Canonical(mailto) error = %v, want ErrNotHTTP", err)
	}
}

func TestSplitFieldSpec(t *testing.T) {
	tests := []struct{ spec, css, attr string }{
		{"h1", "h1", ""},
		{"a.title@href", "a.title", "href"},
		{"@data-id", "", "data-id"},
		{" img @ SRC ", "img", "src"},
		{`a[href*="@"]`, `a[href*="@"]`, ""},
		{`a[href^="mailto:x@y"]@href`, `a[href^="mailto:x@y"]`, "href"},
		{"div@", "div@", ""},
	}
	for _, tt := range tests {
		css, attr := SplitFieldSpec(tt.spec)
		if css != tt.css || attr != tt.attr {
			t.Errorf("SplitFieldSpec(%q) = %q, %q; want %q, %q", tt.spec, css, attr, tt.css, tt.attr)
		}
	}
}

func TestVisibleText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>a</p><p>b</p>", "a b"},
		{"x<script>var y='<b>z</b>'</script> <style>p{}</style>w", "x w"},
		{"  many \n\t spaces&nbsp;and&#160;nbsp  ", "many spaces and nbsp"},
		{"<b>bo</b>ld", "bold"},
		{"line<br>break", "line break"},
		{"<template><p>t</p></template><noscript>n</noscript>ok", "ok"},
		{"<!-- comment -->text", "text"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := VisibleText([]byte(tt.in)); got != tt.want {
			t.Errorf("VisibleText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExtractDispatch(t *testing.T) {
	html := &precwatch.Target{Name: "h", Platform: "P", Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1"}}}
	page, err := Extract(html, "https://x.example/a", []byte("<h1>Hello</h1>"))
	if err != nil || len(page.Listings) != 1 || page.Listings[0].Title != "Hello" {
		t.Errorf("Extract(kind %q) = %+v, %v; want one listing Hello", html.Kind, page, err)
	}
	js := &precwatch.Target{Name: "j", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: ".", Fields: map[string]string{"title": "t"}}}
	page, err = Extract(js, "https://x.example/a", []byte(`[{"t":"Hi"}]`))
	if err != nil || len(page.Listings) != 1 || page.Listings[0].Title != "Hi" {
		t.Errorf("Extract(kind json) = %+v, %v; want one listing Hi", page, err)
	}
	bad := &precwatch.Target{Name: "b", Kind: "xml"}
	if _, err := Extract(bad, "https://x.example/", nil); err == nil {
		t.Error("Extract(kind xml) succeeded, want an error")
	}
}

func TestExtractErrors(t *testing.T) {
	good := precwatch.ListingSpec{Fields: map[string]string{"title": "h1"}}
	tests := []struct {
		name    string
		t       precwatch.Target
		pageURL string
		body    string
	}{
		{"relative page url", precwatch.Target{Listing: good}, "/a", "<h1>x</h1>"},
		{"mailto page url", precwatch.Target{Listing: good}, "mailto:a@b.example", "<h1>x</h1>"},
		{"bad follow", precwatch.Target{Follow: []string{"a["}, Listing: good}, "https://x.example/", ""},
		{"bad next_page", precwatch.Target{NextPage: []string{":nope("}, Listing: good}, "https://x.example/", ""},
		{"bad item", precwatch.Target{Listing: precwatch.ListingSpec{Item: "[[", Fields: good.Fields}}, "https://x.example/", ""},
		{"bad field", precwatch.Target{Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1["}}}, "https://x.example/", ""},
		{"bad url_pattern", precwatch.Target{Listing: precwatch.ListingSpec{URLPattern: "(", Fields: good.Fields}}, "https://x.example/", ""},
		{"bad json", precwatch.Target{Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "."}}, "https://x.example/", "{not json"},
		{"empty json", precwatch.Target{Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "."}}, "https://x.example/", ""},
	}
	for _, tt := range tests {
		if page, err := Extract(&tt.t, tt.pageURL, []byte(tt.body)); err == nil {
			t.Errorf("Extract(%s) = %+v, want an error", tt.name, page)
		}
	}
}

func TestHTMLFields(t *testing.T) {
	target := &precwatch.Target{Name: "t", Platform: "P", Listing: precwatch.ListingSpec{
		Item: "li",
		Fields: map[string]string{
			"id":          "@id",
			"url":         "a@href",
			"title":       "a",
			"description": ".d",
			"sku":         "@data-sku",
		},
	}}
	body := `<ul><li id="1" data-sku=" S 1 "><a href="/x?utm_source=y#f">  One </a><span class="d">first</span></li>
<li><a href="javascript:alert(1)">Two</a></li>
<li id="3"><span class="d">desc only</span></li>
<li id="4"><span class="d"></span></li></ul>`
	page, err := HTML(target, "https://Shop.example/list", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := []precwatch.Listing{
		{ID: "1", Platform: "P", Target: "t", URL: "https://shop.example/x", Title: "One", Description: "first", Attributes: map[string]string{"sku": "S 1"}},
		// A javascript: url is no URL: the listing takes the page's,
		// and is named by its text.
		{ID: "https://shop.example/#c2f8a0884bafe851", Platform: "P", Target: "t", URL: "https://shop.example/list", Title: "Two"},
		{ID: "3", Platform: "P", Target: "t", URL: "https://shop.example/list", Description: "desc only"},
	}
	if !reflect.DeepEqual(page.Listings, want) {
		t.Errorf("HTML(fields) listings =\n%+v\nwant\n%+v", page.Listings, want)
	}
	wantCounts := map[string]int{"item": 4, "skipped": 1, "field:id": 3, "field:url": 2, "field:title": 2, "field:description": 3, "field:sku": 1}
	if !reflect.DeepEqual(page.Counts, wantCounts) {
		t.Errorf("HTML(fields) counts = %v, want %v", page.Counts, wantCounts)
	}
}

func TestHTMLURLPattern(t *testing.T) {
	target := &precwatch.Target{Listing: precwatch.ListingSpec{URLPattern: `/product/\d+$`, Fields: map[string]string{"title": "h1"}}}
	for _, tt := range []struct {
		url  string
		want int
	}{
		{"https://x.example/product/12", 1},
		{"https://x.example/product/12?utm_source=a#x", 1}, // matched in canonical form
		{"https://x.example/product/", 0},
		{"https://x.example/catalog", 0},
	} {
		page, err := HTML(target, tt.url, []byte("<h1>Item</h1>"))
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Listings) != tt.want || page.Counts[CountURLPattern] != tt.want {
			t.Errorf("HTML(%s) = %d listings, url_pattern count %d; want %d", tt.url, len(page.Listings), page.Counts[CountURLPattern], tt.want)
		}
	}
}

func TestHTMLLinks(t *testing.T) {
	target := &precwatch.Target{Follow: []string{"a.p", "div.card"}, NextPage: []string{"a.next"}}
	body := `<div class="card"><a href="/c">card</a></div><a class="p" href="/b">b</a><a class="p" href="/c#x">c again</a>
<a class="p" href="/a">a</a><a class="p" href="mailto:x@y.example">m</a><a class="next" href="/list?page=2">2</a><a class="next" href="/list?page=1&utm_source=x">self</a>`
	page, err := HTML(target, "https://x.example/list?page=1", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	wantFollow := []string{"https://x.example/c", "https://x.example/b", "https://x.example/a"}
	if !reflect.DeepEqual(page.Follow, wantFollow) {
		t.Errorf("Follow = %v, want %v (document order, deduplicated)", page.Follow, wantFollow)
	}
	wantNext := []string{"https://x.example/list?page=2"}
	if !reflect.DeepEqual(page.Next, wantNext) {
		t.Errorf("Next = %v, want %v (never the page itself)", page.Next, wantNext)
	}
	if page.Counts["follow:a.p"] != 4 || page.Counts["follow:div.card"] != 1 || page.Counts["next_page:a.next"] != 2 {
		t.Errorf("Counts = %v", page.Counts)
	}
	if len(page.Listings) != 0 {
		t.Errorf("Listings = %v, want none without fields", page.Listings)
	}
}

func TestJSONPaths(t *testing.T) {
	doc := `{"a":{"b":[{"c":"x"},{"c":"y"}]},"n":1.50,"t":true,"z":null,"s":"  s  p  "}`
	var v any
	page, err := JSON(&precwatch.Target{Kind: "json", JSON: precwatch.JSONSpec{Items: ".", Fields: map[string]string{
		"title": "a.b.1.c", "description": "s", "price": "n", "seller": "t", "location": "z", "first": "a.b.0", "missing": "a.q", "oob": "a.b.7.c", "neg": "a.b.-1.c",
	}}}, "https://x.example/", []byte(doc))
	_ = v
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Listings) != 1 {
		t.Fatalf("JSON(%s) = %d listings, want 1", doc, len(page.Listings))
	}
	l := page.Listings[0]
	if l.Title != "y" || l.Description != "s p" || l.Price != "1.50" || l.Seller != "true" || l.Location != "" {
		t.Errorf("JSON(%s) = %+v", doc, l)
	}
	// A negative index counts from the end (hits.hits[-1].sort).
	if want := map[string]string{"first": `{"c":"x"}`, "neg": "y"}; !reflect.DeepEqual(l.Attributes, want) {
		t.Errorf("JSON(%s) attributes = %v, want %v", doc, l.Attributes, want)
	}
}

func TestJSONNextPage(t *testing.T) {
	target := &precwatch.Target{Kind: "json", JSON: precwatch.JSONSpec{Items: "items", NextPage: "next", Fields: map[string]string{"title": "t"}}}
	tests := []struct {
		body string
		want []string
	}{
		{`{"items":[],"next":"?page=3"}`, []string{"https://x.example/feed?page=3"}},
		{`{"items":[],"next":"https://X.example/feed?page=3&utm_campaign=z"}`, []string{"https://x.example/feed?page=3"}},
		{`{"items":[],"next":null}`, nil},
		{`{"items":[]}`, nil},
		{`{"items":[],"next":""}`, nil},
		{`{"items":[{"t":"x"}],"next":7}`, []string{"https://x.example/feed?page=7"}}, // a page number
		{`{"items":[],"next":7}`, nil}, // on an empty page: the end
		{`{"items":[{"t":"x"}],"next":0}`, nil},
		{`{"items":[],"next":"javascript:x"}`, nil},
		{`{"items":[],"next":"/feed?page=2"}`, nil}, // the page itself
	}
	for _, tt := range tests {
		page, err := JSON(target, "https://x.example/feed?page=2", []byte(tt.body))
		if err != nil {
			t.Fatalf("JSON(%s): %v", tt.body, err)
		}
		if !reflect.DeepEqual(page.Next, tt.want) {
			t.Errorf("JSON(%s).Next = %v, want %v", tt.body, page.Next, tt.want)
		}
	}
}

func TestJSONItemsShapes(t *testing.T) {
	target := &precwatch.Target{Kind: "json", JSON: precwatch.JSONSpec{Items: "data", Fields: map[string]string{"title": "t"}}}
	tests := []struct {
		body string
		want int
	}{
		{`{"data":[{"t":"a"},{"t":"b"}]}`, 2},
		{`{"data":{"t":"single"}}`, 1},
		{`{"data":null}`, 0},
		{`{"other":[]}`, 0},
		{`{"data":"string"}`, 0},
		{"\xef\xbb\xbf{\"data\":[{\"t\":\"bom\"}]}", 1},
	}
	for _, tt := range tests {
		page, err := JSON(target, "https://x.example/", []byte(tt.body))
		if err != nil {
			t.Fatalf("JSON(%q): %v", tt.body, err)
		}
		if len(page.Listings) != tt.want {
			t.Errorf("JSON(%q) = %d listings, want %d", tt.body, len(page.Listings), tt.want)
		}
	}
}

func TestConcurrent(t *testing.T) {
	target := &precwatch.Target{Follow: []string{"a"}, Listing: precwatch.ListingSpec{Item: "li", Fields: map[string]string{"title": "a", "url": "a@href"}}}
	body := []byte(strings.Repeat(`<li><a href="/x">x</a></li>`, 20))
	done := make(chan error)
	for range 8 {
		go func() {
			var err error
			for range 20 {
				if _, e := HTML(target, "https://x.example/", body); e != nil {
					err = e
				}
			}
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
