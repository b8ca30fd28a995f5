package extract

import "testing"

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
