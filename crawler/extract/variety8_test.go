package extract

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/precwatch/precwatch"
)

// TestVariety8BracketPages: page and offset parameters written in brackets
// (Strapi's pagination[page], JSON:API's page[number] and page[offset])
// are counted on; a page size whose value equals the page number is never
// taken for it.
func TestVariety8BracketPages(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://cms.example/api/products?pagination[page]=2&pagination[pageSize]=2",
			"https://cms.example/api/products?pagination%5BpageSize%5D=2&pagination%5Bpage%5D=3"},
		{"https://api.example/offers?page[number]=1&page[size]=1",
			"https://api.example/offers?page%5Bnumber%5D=2&page%5Bsize%5D=1"},
		{"https://api.example/offers?page[offset]=0&page[limit]=20",
			"https://api.example/offers?page%5Blimit%5D=20&page%5Boffset%5D=20"},
		{"https://shop.example/c?page=3", "https://shop.example/c?page=4"},
	} {
		u, err := url.Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := countOn(u, 20); got != c.want {
			t.Errorf("countOn(%s) = %s, want %s", c.in, got, c.want)
		}
	}
	u, _ := url.Parse("https://api.example/offers?per_page=2&cat=7")
	if got, want := pageNumberURL(u, 3), "https://api.example/offers?cat=7&page=3&per_page=2"; got != want {
		t.Errorf("pageNumberURL(per_page=2, 3) = %s, want %s", got, want)
	}
}

// TestVariety8DottedKeys: a key holding dots (OData's "@odata.nextLink")
// is addressed as written, also below other keys and through arrays; a
// plain key is still preferred.
func TestVariety8DottedKeys(t *testing.T) {
	doc := map[string]any{
		"@odata.nextLink": "https://erp.example/odata/Products?$skip=2",
		"value": []any{
			map[string]any{"@odata.etag": "W/1", "Name": "Acetone"},
			map[string]any{"@odata.etag": "W/2", "Name": "Toluene"},
		},
		"a":   map[string]any{"b": "plain"},
		"a.b": "dotted",
	}
	if v, ok := lookup(doc, "@odata.nextLink"); !ok || v != "https://erp.example/odata/Products?$skip=2" {
		t.Errorf("lookup @odata.nextLink = %v, %v", v, ok)
	}
	if v, ok := lookup(doc, "value.1.@odata.etag"); !ok || v != "W/2" {
		t.Errorf("lookup value.1.@odata.etag = %v, %v", v, ok)
	}
	if v, ok := lookup(doc, "a.b"); !ok || v != "plain" {
		t.Errorf("lookup a.b = %v, %v; want the plain key's", v, ok)
	}
	if vs, ok := lookupEach(doc, "value.@odata.etag"); !ok || len(vs) != 2 {
		t.Errorf("lookupEach value.@odata.etag = %v, %v", vs, ok)
	}
	if _, ok := lookup(doc, "@odata.count"); ok {
		t.Error("lookup of a missing dotted key found something")
	}
}

// TestVariety8JSLiteral: Nuxt 2's state as a JavaScript literal and as a
// state function called with its shared values.
func TestVariety8JSLiteral(t *testing.T) {
	page := `<html><body><script>window.__NUXT__=(function(a,b,c,d,e){b.extra=1;return {layout:"default",data:[{items:[{id:1,'title':'Acetone \u002F 20 l',price:a,seller:c,ok:!0,gone:!1,tags:[d,'x'],note:void 0,hex:0x1F,half:.5},{id:2,title:"Toluene \"1 l\"",price:12.50,seller:c,ok:!1}],next:"\u002Fshop?page=2"}],error:e}}(9.9,{},"ChemSupply",null));</script></body></html>`
	spec := precwatch.JSONSpec{Items: "data.0.items", NextPage: "data.0.next",
		Fields: map[string]string{"id": "id", "title": "title", "price": "price", "seller": "seller", "ok": "ok", "tags": "tags", "hex": "hex", "half": "half"}}
	tg := &precwatch.Target{Name: "nuxt2", Kind: precwatch.KindJSON, JSON: spec}
	p, err := JSON(tg, "https://shop.example/shop?page=1", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Listings) != 2 {
		t.Fatalf("%d listings, want 2: %+v", len(p.Listings), p.Listings)
	}
	l := p.Listings[0]
	if l.Title != "Acetone / 20 l" || l.Price != "9.9" || l.Seller != "ChemSupply" || l.Attributes["ok"] != "true" ||
		l.Attributes["tags"] != "x" || l.Attributes["hex"] != "31" || l.Attributes["half"] != "0.5" {
		t.Errorf("first listing %+v", l)
	}
	if l := p.Listings[1]; l.Title != `Toluene "1 l"` || l.Price != "12.50" || l.Attributes["ok"] != "false" {
		t.Errorf("second listing %+v", l)
	}
	if len(p.Next) != 1 || p.Next[0] != "https://shop.example/shop?page=2" {
		t.Errorf("next %v", p.Next)
	}
	// The plain literal form, and malformed ones that must not be read.
	if v, ok := decodeJSLiteral(`{a:{'b':[1,2,],},c:"x"}`); !ok || render(v.(map[string]any)["c"]) != "x" {
		t.Errorf("literal = %v, %v", v, ok)
	}
	for _, bad := range []string{`{a:b}`, `{a:1`, `(function(a){return {x:a}}`, `(function(a){return {x:a}}(1`,
		`(function(a){a()}(1))`, `{a:"\u12"}`, `[` + strings.Repeat("[", 2*maxJSDepth) + `]`, `(function(){return {x:y}}())`} {
		if v, ok := decodeJSLiteral(bad); ok {
			t.Errorf("decodeJSLiteral(%.40q) = %v, want refused", bad, v)
		}
	}
}

// TestVariety8Devalue: Nuxt 3's __NUXT_DATA__ payload revived — wrappers,
// dates, sets, maps, undefined, and an object referring to itself.
func TestVariety8Devalue(t *testing.T) {
	payload := `[["ShallowReactive",1],{"data":2,"state":9},["ShallowReactive",3],{"list":4},{"items":5,"at":8,"self":4},[6],{"name":7,"gone":-1},"Acetone",["Date","2026-11-27T10:00:00.000Z"],{"tags":10,"m":11},["Set",7],["Map",7,12],42]`
	page := `<html><body><script type="application/json" id="__NUXT_DATA__" data-ssr="true">` + payload + `</script></body></html>`
	tg := &precwatch.Target{Name: "nuxt3", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "data.list.items",
		Fields: map[string]string{"id": "name", "title": "name"}}}
	p, err := JSON(tg, "https://shop.example/c", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Listings) != 1 || p.Listings[0].Title != "Acetone" {
		t.Fatalf("listings %+v", p.Listings)
	}
	root, _ := html.Parse(strings.NewReader(page))
	st := embeddedStates(root, false)
	if len(st) != 1 {
		t.Fatalf("%d states", len(st))
	}
	for path, want := range map[string]string{"data.list.at": "2026-11-27T10:00:00.000Z", "state.tags.0": "Acetone", "state.m.Acetone": "42",
		"data.list.self.self.items.0.name": "Acetone"} {
		if v, ok := lookup(st[0], path); !ok || render(v) != want {
			t.Errorf("%s = %v, %v; want %s", path, v, ok, want)
		}
	}
	for _, bad := range []any{[]any{}, map[string]any{}} {
		if v, ok := reviveDevalue(bad); ok {
			t.Errorf("reviveDevalue(%v) = %v, want refused", bad, v)
		}
	}
	// Values that refer to themselves end, however they branch.
	for _, s := range []string{`[[0,0,0]]`, `[["Set",0,0,0]]`, `[{"a":0,"b":0}]`, `[["Reactive",0]]`, `[[1,1],[0,0]]`, `[[-1,-7,99,"x"]]`} {
		var v any
		d := json.NewDecoder(strings.NewReader(s))
		d.UseNumber()
		if err := d.Decode(&v); err != nil {
			t.Fatal(err)
		}
		if _, ok := reviveDevalue(v); !ok {
			t.Errorf("reviveDevalue(%s) refused", s)
		}
	}
}

// TestVariety8RSC: Next.js' app router stream — rows split across pushes,
// a text row holding newlines, "$id" references to other rows and "$$"
// escapes.
func TestVariety8RSC(t *testing.T) {
	text := "line one\nline \"two\" 2:{x}\n"
	stream := []string{
		"0:[\"$\",\"$L1\",null,{}]\n1:I[5613,[],\"default\"]\n3:T" + strconv.FormatInt(int64(len(text)), 16) + "," + text,
		"4:[{\"id\":\"a\",\"name\":\"Acetone\",\"price\":\"$$12.50\"},{\"id\":\"b\",\"name\":\"Tol",
		"uene\",\"price\":\"$$9\"}]\n5:[\"$\",\"$L6\",null,{\"catalog\":{\"products\":\"$4\",\"text\":\"$3\"}}]\n",
	}
	var b strings.Builder
	b.WriteString(`<html><body><script>(self.__next_f=self.__next_f||[]).push([0])</script>`)
	for _, s := range stream {
		j, _ := json.Marshal(s)
		b.WriteString(`<script>self.__next_f.push([1,` + string(j) + `])</script>`)
	}
	b.WriteString(`</body></html>`)
	tg := &precwatch.Target{Name: "next", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "catalog.products",
		Fields: map[string]string{"id": "id", "title": "name", "price": "price"}}}
	p, err := JSON(tg, "https://shop.example/c", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Listings) != 2 || p.Listings[1].Title != "Toluene" || p.Listings[0].Price != "$12.50" {
		t.Fatalf("listings %+v", p.Listings)
	}
	tg.JSON.Items = "."
	if _, err := JSON(tg, "https://shop.example/c", []byte(b.String())); err == nil {
		t.Error("items \".\" read the stream's first object as the feed")
	}
}

// TestVariety8SPAProductPages: an html target without fields reads the
// product of a Nuxt 2 page (state function) and of a Nuxt 3 page (devalue
// payload).
func TestVariety8SPAProductPages(t *testing.T) {
	pages := map[string]string{
		"nuxt2": `<html><head><title>Shop</title></head><body><div id="__nuxt"></div><script>window.__NUXT__=(function(a,b){return {layout:"default",data:[{product:{name:"Acetone 99.5%",description:"Technical grade acetone.",price:{amount:12.5,currency:a},seller:{name:b}}}],serverRendered:!0}}("EUR","ChemSupply"));</script></body></html>`,
		"nuxt3": `<html><head><title>Shop</title></head><body><div id="__nuxt"></div><script type="application/json" id="__NUXT_DATA__">[["ShallowReactive",1],{"data":2},["ShallowReactive",3],{"product-acetone":4},{"product":5},{"name":6,"description":7,"price":8,"currency":9},"Acetone 99.5%","Technical grade acetone.","12.50","EUR"]</script></body></html>`,
	}
	for name, page := range pages {
		tg := &precwatch.Target{Name: name, Kind: precwatch.KindHTML}
		p, err := HTML(tg, "https://shop.example/p/acetone", []byte(page))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(p.Listings) != 1 {
			t.Fatalf("%s: %d listings, want 1: %+v", name, len(p.Listings), p.Listings)
		}
		l := p.Listings[0]
		if l.Title != "Acetone 99.5%" || l.Description != "Technical grade acetone." || !strings.Contains(l.Price, "12.5") {
			t.Errorf("%s: listing %+v", name, l)
		}
	}
}
