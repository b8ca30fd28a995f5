package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/precwatch/precwatch"
)

// Round 7 of marketplace shapes (see cmd/precwatch/crawl_variety7_test.go
// for all twelve, end to end): the ones extract read wrongly before.

// TestVariety7CentsSpans reads prices whose cents a theme keeps in an
// element named for them (Mercado Libre's andes-money-amount__cents,
// Shopify's money-cents): after a decimal point, a comma after units with
// dots between thousands, not run into the units ("R$1.28000").
func TestVariety7CentsSpans(t *testing.T) {
	for _, tc := range []struct{ name, html, want string }{
		{"mercadolibre thousands", `<span class="andes-money-amount"><span class="andes-money-amount__currency-symbol">R$</span><span class="andes-money-amount__fraction">1.280</span><span class="andes-money-amount__cents andes-money-amount__cents--superscript-24">00</span></span>`, "R$1.280,00"},
		{"mercadolibre", `<span class="andes-money-amount"><span class="andes-money-amount__currency-symbol">R$</span><span class="andes-money-amount__fraction">89</span><span class="andes-money-amount__cents">90</span></span>`, "R$89.90"},
		{"shopify money-cents", `<span class="price">$12<span class="money-cents">99</span></span>`, "$12.99"},
		{"price__decimals", `<span class="price">€ 1.234<span class="price__decimals">50</span></span>`, "€ 1.234,50"},
		{"sup after comma thousands", `<span class="price">$1,280<sup>99</sup></span>`, "$1,280.99"},
		{"cents already separated", `<span class="price">12,<span class="cents">99</span> €</span>`, "12,99 €"},
		{"not cents: three digits", `<span class="price">12<span class="cents">999</span></span>`, "12999"},
	} {
		tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindHTML,
			Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1", "price": ".price, .andes-money-amount"}}}
		page, err := HTML(tg, "https://shop.example/p/1", []byte(`<html><body><h1>Acetone 5 l</h1>`+tc.html+`</body></html>`))
		if err != nil || len(page.Listings) != 1 {
			t.Errorf("%s: err %v, %d listings", tc.name, err, len(page.Listings))
			continue
		}
		if got := page.Listings[0].Price; got != tc.want {
			t.Errorf("%s: price %q, want %q (input %s)", tc.name, got, tc.want, tc.html)
		}
	}
}

// TestVariety7RadioPager follows a pager whose pages are radio buttons in
// a GET form that the shop's script submits on a click (Shopware 6),
// named by the radio, its label or the element holding it; the disabled
// "next" of the last page is no next page.
func TestVariety7RadioPager(t *testing.T) {
	const pager = `<form class="pagination-form" action="/chemicals/" method="get"><input type="hidden" name="order" value="name-asc"><ul class="pagination">
		<li class="page-item page-prev"><input type="radio" name="p" id="p-prev" value="1" class="d-none"><label for="p-prev">Prev</label></li>
		<li class="page-item page-2 active"><input type="radio" name="p" id="p2" value="2" checked><label for="p2">2</label></li>
		<li class="page-item page-next"><input type="radio" name="p" id="p-next" value="3" class="d-none"><label class="page-link" for="p-next">Next</label></li>
		<li class="page-item page-last disabled"><input type="radio" name="p" id="p-last" value="3" disabled><label for="p-last">Last</label></li>
		</ul></form>`
	for _, tc := range []struct {
		sel  string
		want []string
	}{
		{"li.page-next input", []string{"https://shop.example/chemicals/?order=name-asc&p=3"}},
		{"li.page-next", []string{"https://shop.example/chemicals/?order=name-asc&p=3"}},
		{"label[for=p-next]", []string{"https://shop.example/chemicals/?order=name-asc&p=3"}},
		{"li.page-last", nil},
		{"ul.pagination", nil}, // several radios: which one is unclear
	} {
		tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindHTML, Follow: []string{"a.product"}, NextPage: []string{tc.sel},
			Listing: precwatch.ListingSpec{URLPattern: "^/product/"}}
		page, err := HTML(tg, "https://shop.example/chemicals/?p=2", []byte(`<html><body><a class="product" href="/product/1">1</a>`+pager+`</body></html>`))
		if err != nil {
			t.Fatalf("%s: %v", tc.sel, err)
		}
		if !slices.Equal(page.Next, tc.want) {
			t.Errorf("next_page %q: next %q, want %q", tc.sel, page.Next, tc.want)
		}
	}
}

// TestVariety7DiscourseNext pages a Discourse topic list without a
// configured next_page through topic_list.more_topics_url, a relative
// address without ".json".
func TestVariety7DiscourseNext(t *testing.T) {
	tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON,
		JSON: precwatch.JSONSpec{Items: "topic_list.topics", Fields: map[string]string{"id": "id", "title": "title"}}}
	page, err := JSON(tg, "https://forum.example/c/for-sale/5.json", []byte(`{"users":[],"topic_list":{"more_topics_url":"/c/for-sale/5?page=1","topics":[{"id":1,"title":"Safrole oil"}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"https://forum.example/c/for-sale/5?page=1"}; !slices.Equal(page.Next, want) {
		t.Errorf("next %q, want %q", page.Next, want)
	}
}

// TestVariety7AlgoliaPages stops an Algolia-style feed (hits, a 0-based
// page and nbPages) at its last page, not one empty page later.
func TestVariety7AlgoliaPages(t *testing.T) {
	tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON,
		JSON: precwatch.JSONSpec{Items: "hits", Fields: map[string]string{"id": "objectID", "title": "name"}}}
	for _, tc := range []struct {
		page string
		want []string
	}{
		{"0", []string{"https://search.example/1/indexes/offers?page=1&query="}},
		{"1", []string{"https://search.example/1/indexes/offers?page=2&query="}},
		{"2", nil},
	} {
		body := `{"hits":[{"objectID":"a` + tc.page + `","name":"Safrole"}],"page":` + tc.page + `,"nbPages":3,"hitsPerPage":1,"nbHits":3}`
		page, err := JSON(tg, "https://search.example/1/indexes/offers?query=&page="+tc.page, []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(page.Next, tc.want) {
			t.Errorf("page %s of 3: next %q, want %q", tc.page, page.Next, tc.want)
		}
	}
}

// TestVariety7StringState reads, for a json target whose pages are HTML,
// app state that a script assigns as a JSON string holding JSON (OLX's
// window.__PRERENDERED_STATE__), percent-encoded (Avito's
// window.__initialData__), or to a window global of any name.
func TestVariety7StringState(t *testing.T) {
	for _, tc := range []struct{ name, script string }{
		{"olx json string", `window.__PRERENDERED_STATE__= "{\"listing\":{\"ads\":[{\"id\":1,\"title\":\"Safrol 1 l\"}]}}";`},
		{"avito percent-encoded", `window.__initialData__ = "%7B%22listing%22%3A%7B%22ads%22%3A%5B%7B%22id%22%3A1%2C%22title%22%3A%22Safrol%201%20l%22%7D%5D%7D%7D" || {};`},
		{"any window global", `window.__SHOP_CACHE__ = {"listing":{"ads":[{"id":1,"title":"Safrol 1 l"}]}};`},
	} {
		tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON,
			JSON: precwatch.JSONSpec{Items: "listing.ads", Fields: map[string]string{"id": "id", "title": "title"}}}
		page, err := JSON(tg, "https://www.olx.example/d/list/", []byte(`<!DOCTYPE html><html><head><script>`+tc.script+`</script></head><body><div id="root"></div></body></html>`))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(page.Listings) != 1 || page.Listings[0].Title != "Safrol 1 l" {
			t.Errorf("%s: listings %+v, want one titled Safrol 1 l (script %s)", tc.name, page.Listings, tc.script)
		}
	}
}

// TestVariety7GuessEUCJP reads an old Japanese shop's page in EUC-JP that
// declares no charset (before: GB18030, whose kana rows are EUC-JP's, so
// its kanji became unrelated hanzi), while Chinese GB2312 and Japanese
// Shift_JIS pages stay what they were.
func TestVariety7GuessEUCJP(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		enc        encoding.Encoding
		want       string
	}{
		{"euc-jp shop", "<html><body><h1>アセトン 500ml 試薬特級</h1><p>送料無料、代金引換でお支払いいただけます。</p><span>価格 1,280円（税込）</span></body></html>", japanese.EUCJP, "euc-jp"},
		{"euc-jp short", "<h1>無水エタノール 販売中</h1>", japanese.EUCJP, "euc-jp"},
		{"gb2312 shop", "<html><body><h1>丙酮 500毫升 分析纯</h1><p>全国包邮，支持货到付款。</p><span>价格 128元</span></body></html>", simplifiedchinese.GBK, "gb18030"},
		{"shift_jis shop", "<html><body><h1>アセトン 500ml 試薬特級</h1><p>送料無料、代金引換でお支払いいただけます。</p></body></html>", japanese.ShiftJIS, "shift_jis"},
	} {
		raw, err := tc.enc.NewEncoder().String(tc.text)
		if err != nil {
			t.Fatalf("%s: encode: %v", tc.name, err)
		}
		out, name := GuessCharset([]byte(raw))
		if name != tc.want || string(out) != tc.text {
			t.Errorf("%s: charset %q, text %q; want %q, %q", tc.name, name, out, tc.want, tc.text)
		}
	}
}

// BenchmarkGuessCharset guesses the charset of a 64 KB undeclared
// windows-1251 page, which every legacy charset is tried on.
func BenchmarkGuessCharset(b *testing.B) {
	page := strings.Repeat("<p>Сафрол 1 л, доставка по России, оплата криптой. Цена 15 000 руб.</p>\n", 900)
	raw, err := charmap.Windows1251.NewEncoder().String(page)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, name := GuessCharset([]byte(raw)); name != "windows-1251" {
			b.Fatalf("charset %q", name)
		}
	}
}
