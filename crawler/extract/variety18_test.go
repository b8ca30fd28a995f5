package extract

import (
	"net/url"
	"testing"
)

// TestPriceObjects18 reads prices as round 18's APIs give them: Etsy's
// amount with a divisor, and amounts in cents under a key saying so
// (Marktplaats' priceCents). Before, Etsy's 12000/100 read "12000 EUR"
// and priceCents the object's JSON text.
func TestPriceObjects18(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"amount": 12000, "divisor": 100, "currency_code": "EUR"}`, "120.00 EUR"},
		{`{"amount": 450, "divisor": 100, "currency_code": "USD"}`, "4.50 USD"},
		{`{"amount": 7, "divisor": 1, "currency_code": "JPY"}`, "7 JPY"},
		{`{"amount": 12345, "divisor": 1000, "currency_code": "KWD"}`, "12.345 KWD"},
		{`{"priceCents": 12000, "priceType": "FIXED"}`, "120.00"},
		{`{"price_cents": 905, "currency": "EUR"}`, "9.05 EUR"},
		{`{"amount_in_cents": 99, "currency": "EUR"}`, "0.99 EUR"},
		{`{"amount": 12.5, "divisor": 3}`, "12.5"},
	} {
		doc, err := decodeFeed([]byte(c.in), "https://shop.example/")
		if err != nil {
			t.Fatal(err)
		}
		if got := render(doc); got != c.want {
			t.Errorf("%s: %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCountOnLimitstart18 counts on Joomla's limitstart (VirtueMart's
// infinite scroll) and startIndex by the page's listings; before,
// limitstart read as a page size ("limit") and the category ended after
// its first page as complete.
func TestCountOnLimitstart18(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://vm.example/index.php?option=com_virtuemart&view=category&limitstart=0", "https://vm.example/index.php?limitstart=2&option=com_virtuemart&view=category"},
		{"https://api.example/items?startIndex=4&maxResults=2", "https://api.example/items?maxResults=2&startIndex=6"},
		{"https://shop.example/c?limit=20", ""},
	} {
		u, _ := url.Parse(c.in)
		if got := countOn(u, 2); got != c.want {
			t.Errorf("countOn(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}
