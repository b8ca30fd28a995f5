package extract

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestOnclickLinks19 follows elements that link their page only by a click
// handler (an old shop's <tr onclick="location.href='detail.php?id=5'">),
// named with @onclick or without an attribute. Before, "tr@onclick" was
// followed as the relative URL "location.href='detail.php?id=5'" (a 404,
// counted as the site's answer) and the run read nothing, complete.
func TestOnclickLinks19(t *testing.T) {
	for _, c := range []struct{ follow, row, want string }{
		{"tr.offer@onclick", `<tr class="offer" onclick="location.href='detail.php?id=5'"><td>Acetone</td></tr>`, "https://s.example/oc/detail.php?id=5"},
		{"tr.offer", `<tr class="offer" onclick="window.location = &quot;/p/5&quot;; return false;"><td>Acetone</td></tr>`, "https://s.example/p/5"},
		{"tr.offer@onclick", `<tr class="offer" onclick="javascript:window.open('detail.php?id=7', '_blank')"><td>Acetone</td></tr>`, "https://s.example/oc/detail.php?id=7"},
		{"tr.offer@onclick", `<tr class="offer" onclick="document.location.assign('/p/8')"><td>Acetone</td></tr>`, "https://s.example/p/8"},
		{"tr.offer@data-href", `<tr class="offer" data-href="/p/9"><td>Acetone</td></tr>`, "https://s.example/p/9"},
		{"tr.offer@onclick", `<tr class="offer" onclick="toggle(this)"><td>Acetone</td></tr>`, ""},
	} {
		tg := &precwatch.Target{Name: "oc", Follow: []string{c.follow}}
		p, err := HTML(tg, "https://s.example/oc/catalog.php", []byte(`<html><body><table>`+c.row+`</table></body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		want := []string{}
		if c.want != "" {
			want = []string{c.want}
		}
		if got := append([]string{}, p.Follow...); !slices.Equal(got, want) {
			t.Errorf("follow %s on %s: %q, want %q", c.follow, c.row, got, want)
		}
	}
}

// TestFormattedPrice19 reads an amount in minor units that a formatted
// text beside it shows as such (Elastic Path's display_price). Before, it
// read "12000 EUR", a hundred times the price.
func TestFormattedPrice19(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"amount": 12000, "currency": "EUR", "formatted": "€120.00"}`, "120.00 EUR"},
		{`{"amount": 450, "currency": "EUR", "formatted": "4,50 €"}`, "4.50 EUR"},
		{`{"amount": 12345600, "currency": "INR", "formatted": "₹1,23,456.00"}`, "123456.00 INR"},
		{`{"amount": 12000, "currency": "JPY", "formatted": "¥12,000"}`, "12000 JPY"},
		{`{"amount": 120, "currency": "EUR", "formatted": "€120.00"}`, "120 EUR"},
		{`{"amount": 120.5, "currency": "EUR", "formatted": "€120.50"}`, "120.5 EUR"},
		{`{"amount": 12000, "currency": "EUR"}`, "12000 EUR"},
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
