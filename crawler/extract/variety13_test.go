package extract

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestVariety13Itemref reads a microdata product whose description, offer
// and seller lie outside its itemscope, joined by itemref, without field
// selectors (before: only the name inside the scope was read); ids that
// name nothing, the item itself or its ancestors, and items naming each
// other in a cycle are read without looping.
func TestVariety13Itemref(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       map[string]string
	}{
		{"itemref", `<html><body><div itemscope itemtype="https://schema.org/Product" itemref="d o missing"><h1 itemprop="name">GBL 1 l</h1></div>
<section><div id="d" itemprop="description">Cleaner, discreet packaging</div></section>
<aside><div id="o" itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="49.00">49,00 €</span><meta itemprop="priceCurrency" content="EUR">
<div itemprop="seller" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">gbl_direct</span></div></div></aside></body></html>`,
			map[string]string{"title": "GBL 1 l", "description": "Cleaner, discreet packaging", "price": "49.00 EUR", "seller": "gbl_direct"}},
		{"itemref of properties, not a container", `<html><body><p id="n" itemprop="name">Safrole 1 l</p><p id="p" itemprop="description">Ships from NL</p>
<div id="wrap"><div itemscope itemtype="https://schema.org/Product" itemref="n p wrap"></div></div></body></html>`,
			map[string]string{"title": "Safrole 1 l", "description": "Ships from NL"}},
		{"cycle", `<html><body><div itemscope itemtype="https://schema.org/Product" itemref="b"><span itemprop="description">Red phosphorus</span></div>
<div id="b" itemprop="name" itemscope itemref="c"></div><div id="c" itemprop="name" itemscope itemref="b"></div></body></html>`,
			map[string]string{"description": "Red phosphorus"}},
	} {
		tg := &precwatch.Target{Name: "t"}
		page, err := HTML(tg, "https://shop.example/item/56", []byte(tc.body))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(page.Listings) != 1 {
			t.Fatalf("%s: %d listings %+v, want 1", tc.name, len(page.Listings), page.Listings)
		}
		got := listingFields(page.Listings[0])
		for k, w := range tc.want {
			if got[k] != w {
				t.Errorf("%s: %s = %q, want %q", tc.name, k, got[k], w)
			}
		}
	}
}
