package extract

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestVariety16PriceObjects reads price objects as APIs beyond the usual
// write them: Google's amount in micros, AWS's keys in PascalCase.
func TestVariety16PriceObjects(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`{"amountMicros": "12990000", "currencyCode": "USD"}`, "12.99 USD"},
		{`{"amountMicros": "120000000", "currencyCode": "EUR"}`, "120.00 EUR"},
		{`{"amountMicros": 4500000, "currencyCode": "EUR"}`, "4.50 EUR"},
		{`{"amount_micros": "1234567", "currency": "GBP"}`, "1.234567 GBP"},
		{`{"priceMicros": "990000"}`, "0.99"},
		{`{"Amount": 120, "CurrencyCode": "USD"}`, "120 USD"},
		{`{"Value": "9.50", "Currency": "EUR"}`, "9.50 EUR"},
		{`{"DisplayName": "chemking", "Id": 4}`, "chemking"},
		{`{"amountMicros": "12x", "currencyCode": "USD"}`, `{"amountMicros":"12x","currencyCode":"USD"}`},
	} {
		tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{
			Items: "items", Fields: map[string]string{"id": "id", "title": "t", "price": "p"}}}
		p, err := JSON(tg, "https://api.example/items", []byte(`{"items": [{"id": "a", "t": "Acetone", "p": `+tc.doc+`}]}`))
		if err != nil {
			t.Fatalf("%s: %v", tc.doc, err)
		}
		if len(p.Listings) != 1 {
			t.Fatalf("%s: %d listings", tc.doc, len(p.Listings))
		}
		if got := p.Listings[0].Price; got != tc.want {
			t.Errorf("%s: price %q, want %q", tc.doc, got, tc.want)
		}
	}
}
