package extract

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestFeedError20 reads error reports that APIs answer with status 200 in
// shapes of their own, on a page where the items path leads nowhere. Before,
// Taobao's error_response, WeChat's errcode/errmsg, Amazon PA-API's
// capitalised Errors and Shopify's "errors" string read as an empty page:
// the feed ended there and the run was complete.
func TestFeedError20(t *testing.T) {
	for _, c := range []struct {
		doc, msg string
		failed   bool
	}{
		{`{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count"}}`, "App Call Limited", true},
		{`{"errcode":45009,"errmsg":"reach max api daily quota limit"}`, "reach max api daily quota limit", true},
		{`{"Errors":[{"Code":"TooManyRequests","Message":"The request was denied due to request throttling."}]}`, "The request was denied due to request throttling.", true},
		{`{"errors":"[API] Invalid API key or access token"}`, "[API] Invalid API key or access token", true},
		{`{"errors":{"query":["is invalid"]}}`, `{"query":["is invalid"]}`, true},
		{`{"code":500,"msg":"internal error","data":null}`, "internal error", true},
		{`{"error_code":"RATE_LIMIT","error_msg":"slow down"}`, "slow down", true},
		// Successes and documents that say nothing.
		{`{"errcode":0,"errmsg":"ok"}`, "", false},
		{`{"code":200,"msg":"success","data":null}`, "", false},
		{`{"code":"OK","message":"done"}`, "", false},
		{`{"errors":[]}`, "", false},
		{`{"errors":{}}`, "", false},
		{`{"errors":""}`, "", false},
		{`{"code":3}`, "", false},
		{`{"items":[]}`, "", false},
	} {
		doc, err := decodeFeed([]byte(c.doc), "https://api.example/")
		if err != nil {
			t.Fatal(err)
		}
		msg, failed := feedError(doc)
		if failed != c.failed || msg != c.msg {
			t.Errorf("%s: %q, %v; want %q, %v", c.doc, msg, failed, c.msg, c.failed)
		}
	}
	tg := &precwatch.Target{Name: "top", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "items_get_response.items", Fields: map[string]string{"title": "title"}}}
	if _, err := JSON(tg, "https://api.example/router/rest?page=2", []byte(`{"error_response":{"code":7,"msg":"App Call Limited"}}`)); !errors.Is(err, ErrFeedError) || !strings.Contains(err.Error(), "App Call Limited") {
		t.Errorf("TOP error page: %v, want ErrFeedError naming its message", err)
	}
}

// TestContinueCursor20 sends Kubernetes' metadata.continue back as the
// continue parameter. Before, the token ("Mg") was followed as a relative
// URL, which answered 404, counted as the site's answer: the list ended
// after its first page, complete.
func TestContinueCursor20(t *testing.T) {
	tg := &precwatch.Target{Name: "k8s", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "items", NextPage: "metadata.continue", Fields: map[string]string{"id": "metadata.name"}}}
	for _, c := range []struct{ url, body, want string }{
		{"https://k.example/apis/v1/products?limit=2", `{"metadata":{"continue":"Mg"},"items":[{"metadata":{"name":"a"}}]}`, "https://k.example/apis/v1/products?continue=Mg&limit=2"},
		{"https://k.example/apis/v1/products?continue=Mg&limit=2", `{"metadata":{"continue":"NA"},"items":[{"metadata":{"name":"b"}}]}`, "https://k.example/apis/v1/products?continue=NA&limit=2"},
		{"https://k.example/apis/v1/products?continue=NA&limit=2", `{"metadata":{},"items":[{"metadata":{"name":"c"}}]}`, ""},
	} {
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

// TestNotFirst20 names page 0 of a Spring Data feed asked for by a start
// URL at ?page=1 ("first": false, "number": 1). Before, page 0 was never
// asked for and the run was complete without its listings.
func TestNotFirst20(t *testing.T) {
	tg := &precwatch.Target{Name: "spring", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "content", Fields: map[string]string{"id": "id"}}}
	for _, c := range []struct{ url, body, want string }{
		{"https://s.example/api/products?page=1&size=2", `{"content":[{"id":"c"}],"number":1,"first":false,"totalPages":3}`, "https://s.example/api/products?page=0&size=2"},
		{"https://s.example/api/products?page=1&size=2", `{"content":[{"id":"c"}],"pageable":{"pageNumber":1},"page":{"number":1,"first":false}}`, "https://s.example/api/products?page=0&size=2"},
		{"https://s.example/api/products?page=0&size=2", `{"content":[{"id":"a"}],"number":0,"first":true,"totalPages":3}`, ""},
		{"https://s.example/api/products?page=1&size=2", `{"content":[{"id":"a"}],"number":1,"first":true,"totalPages":3}`, ""},
		{"https://s.example/api/products?size=2", `{"content":[{"id":"c"}],"number":1,"first":false,"totalPages":3}`, ""},
		{"https://s.example/api/products?page=2&size=2", `{"content":[{"id":"c"}],"number":1,"first":false,"totalPages":3}`, ""},
	} {
		p, err := JSON(tg, c.url, []byte(c.body))
		if err != nil {
			t.Fatal(err)
		}
		if p.First != c.want {
			t.Errorf("%s %s: first %q, want %q", c.url, c.body, p.First, c.want)
		}
	}
}

// TestMarkupLinkURL20 reads a url field whose value is a rendered link
// (DataTables' server-side rows) as the link's address. Before, the link's
// text was taken as a relative URL (/dt/Safrole%20oil%201%20l).
func TestMarkupLinkURL20(t *testing.T) {
	tg := &precwatch.Target{Name: "dt", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "data", Fields: map[string]string{"url": "[0]", "title": "[0]", "price": "[1]"}}}
	p, err := JSON(tg, "https://b2b.example/dt/data?start=0&length=2", []byte(`{"draw":1,"data":[["<a href=\"/dt/product/7\">Safrole oil 1 l</a>","120.00 €"],["\n <A class=\"x\" HREF='p/8'>Acetone</A>","9.00 €"],["https://b2b.example/p/9","4.50 €"],["<b>Beaker</b>","1 €"]]}`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range p.Listings {
		got = append(got, l.URL+" "+l.Title)
	}
	want := []string{"https://b2b.example/dt/product/7 Safrole oil 1 l", "https://b2b.example/dt/p/8 Acetone", "https://b2b.example/p/9 https://b2b.example/p/9"}
	if len(got) < 3 || !slices.Equal(got[:3], want) {
		t.Errorf("listings %q, want %q first", got, want)
	}
}

// TestPatternMissed20 marks a page the follow selectors led to that
// url_pattern does not match, with a product on it and nothing to follow
// (a listing page under a new address scheme), and no other page.
func TestPatternMissed20(t *testing.T) {
	product := `<h1>Becher 250 ml</h1><div class="desc">Borosilikat</div><span class="price">4.50 EUR</span>`
	for _, c := range []struct {
		name, url, body string
		want            int
	}{
		{"product at a new address", "https://s.example/produkt/becher-250ml", product, 1},
		{"schema.org product at a new address", "https://s.example/produkt/becher", `<script type="application/ld+json">{"@type":"Product","name":"Becher","offers":{"price":"4.50","priceCurrency":"EUR"}}</script><h2>Becher</h2>`, 1},
		{"matching address", "https://s.example/p/3", product, -1},
		{"empty category", "https://s.example/c/leer", `<h1>Leere Kategorie</h1><p>Keine Produkte.</p>`, 0},
		{"category with links", "https://s.example/c/glas", `<h1>Glas</h1><span class="price">ab 4.50 EUR</span><a class="product-link" href="/p/3">Becher</a>`, 0},
		{"title alone", "https://s.example/about", `<h1>Über uns</h1>`, 0},
	} {
		tg := &precwatch.Target{Name: "mv", Follow: []string{"a.product-link"}, NextPage: []string{"a.next"},
			Listing: precwatch.ListingSpec{URLPattern: `^/p/\d+$`, Fields: map[string]string{"title": "h1", "description": ".desc", "price": ".price"}}}
		p, err := HTML(tg, c.url, []byte(`<html><head><title>Shop</title></head><body>`+c.body+`</body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		got, ok := p.Counts[CountPatternMissed]
		if !ok {
			got = -1
		}
		if c.want == 0 && got == -1 {
			got = 0
		}
		if got != c.want {
			t.Errorf("%s: pattern_missed %d, want %d", c.name, got, c.want)
		}
	}
}

// TestHTMLAnswerTitle20 names the title of an HTML page a json target was
// answered with (a proxy's "502 Bad Gateway" with status 200). Before, the
// error said only that '<' cannot start JSON.
func TestHTMLAnswerTitle20(t *testing.T) {
	tg := &precwatch.Target{Name: "bg", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "products", Fields: map[string]string{"title": "title"}}}
	_, err := JSON(tg, "https://api.example/products?page=2", []byte("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"))
	if err == nil || !strings.Contains(err.Error(), `an HTML page titled "502 Bad Gateway" instead of JSON`) {
		t.Errorf("error %v, want it to name the page's title", err)
	}
	if _, err := JSON(tg, "https://api.example/products?page=2", []byte(`{"products": [`)); err == nil || strings.Contains(err.Error(), "HTML page") {
		t.Errorf("truncated JSON: error %v, want a parse error naming no HTML page", err)
	}
}
