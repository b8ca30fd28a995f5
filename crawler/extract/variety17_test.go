package extract

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestRenderPrices17 reads the price objects of round 17's platforms
// (commercetools, SAP Commerce OCC, Drupal Commerce); before, the first
// and last read as JSON and OCC's without its currency.
func TestRenderPrices17(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"commercetools", `{"type":"centPrecision","currencyCode":"EUR","centAmount":12000,"fractionDigits":2}`, "120.00 EUR"},
		{"commercetools yen", `{"type":"centPrecision","currencyCode":"JPY","centAmount":1280,"fractionDigits":0}`, "1280 JPY"},
		{"commercetools high precision", `{"type":"highPrecision","currencyCode":"EUR","centAmount":1235,"preciseAmount":123456,"fractionDigits":4}`, "0.1235 EUR"},
		{"cents without digits", `{"centAmount":999,"currencyCode":"USD"}`, "9.99 USD"},
		{"OCC", `{"currencyIso":"EUR","value":120.0,"priceType":"BUY","formattedValue":"€120.00"}`, "120.0 EUR"},
		{"Drupal Commerce", `{"number":"120.00","currency_code":"EUR","formatted":"€120.00"}`, "120.00 EUR"},
		{"Drupal Commerce list", `[{"number":"9.00","currency_code":"EUR"}]`, "9.00 EUR"},
		{"a number without currency is no price", `{"number":3,"street":"Main"}`, `{"number":3,"street":"Main"}`},
		{"a name before a number", `{"number":3,"name":"Lab 3","currency_code":"EUR"}`, "Lab 3"},
		{"fraction digits beside a plain amount", `{"amount":"12","currency":"EUR","fractionDigits":2}`, "12 EUR"},
	} {
		var v any
		d := json.NewDecoder(strings.NewReader(c.in))
		d.UseNumber()
		if err := d.Decode(&v); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := render(v); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestRichTextDoc17 reads descriptions kept as a rich-text editor's JSON
// document in a string (Saleor's Editor.js, Draft.js) as their text;
// before, the JSON text itself.
func TestRichTextDoc17(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"editor.js", `{"time": 1637000000000, "blocks": [{"id": "a", "type": "header", "data": {"text": "Safrole", "level": 2}}, {"id": "b", "type": "paragraph", "data": {"text": "Ships <b>discreetly</b>"}}], "version": "2.22.2"}`, "Safrole Ships discreetly"},
		{"editor.js list", `{"blocks": [{"type": "list", "data": {"style": "unordered", "items": ["Wickr: pmk", {"content": "Stealth", "items": []}]}}]}`, "Wickr: pmk Stealth"},
		{"draft.js", `{"blocks": [{"key": "x1", "text": "Lab grade acetone", "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": [], "data": {}}], "entityMap": {}}`, "Lab grade acetone"},
		{"JSON text without blocks of a document", `{"blocks": [1, 2]}`, `{"blocks": [1, 2]}`},
		{"prose", `Ask about "blocks" {of 5}`, `Ask about "blocks" {of 5}`},
	} {
		if got := render(c.in); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestExcelSepLine17 reads a CSV export whose first line is Excel's
// delimiter hint ("sep=;"), after a UTF-8 BOM, with a quoted field holding
// the delimiter and a line break; before, the feed failed to parse.
func TestExcelSepLine17(t *testing.T) {
	body := "\ufeffsep=;\r\nNr;Name;Lager;Preis\r\nX1;Safrole;\"Halle 2; Regal 1\r\n(oben)\";\"120,00\"\r\nX2;Acetone;Halle 1;9,00\r\n"
	tg := &precwatch.Target{Name: "x", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: ".", Fields: map[string]string{"id": "Nr", "title": "Name", "price": "Preis", "store": "Lager"}}}
	p, err := JSON(tg, "https://s.example/export.csv", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Listings) != 2 {
		t.Fatalf("%d listings, want 2", len(p.Listings))
	}
	l := p.Listings[0]
	if l.ID != "X1" || l.Title != "Safrole" || l.Price != "120,00" || l.Attributes["store"] != "Halle 2; Regal 1 (oben)" {
		t.Errorf("first row %+v", l)
	}
}

// TestFragmentNextLink17 follows a next link that is only a fragment
// naming a page (an AJAX pager's href="#page=2"), as the page URL asking
// for that page; before, the link named the page itself and paging
// stopped.
func TestFragmentNextLink17(t *testing.T) {
	tg := &precwatch.Target{Name: "f", NextPage: []string{"a.next"}, Listing: precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"title": "h3"}}}
	for _, c := range []struct{ href, want string }{
		{"#page=2", "https://s.example/shop?page=2"},
		{"#!/page/3", "https://s.example/shop?page=3"},
		{"#/products?sort=new&page=4", "https://s.example/shop?page=4"},
		{"#!/~/category/id=5&offset=12", "https://s.example/shop?offset=12"},
		{"#p-2", "https://s.example/shop?page=2"},
		{"#top", ""},
		{"#", ""},
	} {
		body := `<html><body><div class="card"><h3>Safrole</h3></div><a class="next" href="` + c.href + `">›</a></body></html>`
		p, err := HTML(tg, "https://s.example/shop", []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(p.Next) > 0 {
			got = p.Next[0]
		}
		if got != c.want {
			t.Errorf("%s: next %q, want %q", c.href, got, c.want)
		}
	}
	// A fragment page on a URL that already has a page parameter.
	base, _ := url.Parse("https://s.example/shop?p=1")
	if got, _ := fragmentPage(base, "#p=2"); got != "https://s.example/shop?p=2" {
		t.Errorf("p=1 → #p=2: %q", got)
	}
}

// TestLoginPage17 tells a login page (a password field, and a title or
// main heading saying to log in) from a shop page with a login form in
// its header.
func TestLoginPage17(t *testing.T) {
	for _, c := range []struct {
		name, body      string
		password, title bool
	}{
		{"german login", `<title>Shop</title><h1>Anmelden</h1><form><input type="password" name="pw"></form>`, true, true},
		{"title", `<title>Sign in – ChemShop</title><form><input name=u><input type=password name=p></form>`, true, true},
		{"russian", `<title>Вход в личный кабинет</title><form><input type='password'></form>`, true, true},
		{"my account page", `<title>My account</title><h1>My account</h1><form><input type="password"></form>`, true, false},
		{"header form on a category", `<title>Solvents</title><h1>Solvents</h1><div class="mini-login"><input type="password"></div><p>No products found.</p>`, true, false},
		{"no password", `<title>Login</title><h1>Login</h1><p>Use the app.</p>`, false, false},
	} {
		p, err := HTML(&precwatch.Target{Name: "l", Listing: precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"title": "h3"}}}, "https://s.example/x", []byte("<html><head>"+c.body+"</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if p.PasswordForm != c.password || p.LoginTitle != c.title {
			t.Errorf("%s: password %v, login title %v; want %v, %v", c.name, p.PasswordForm, p.LoginTitle, c.password, c.title)
		}
	}
}

// TestChallengeAndMaintenance17 reads a challenge page by its whole title
// even when the selectors read a listing off its heading, and an empty
// page saying the site is down for maintenance; a product whose title
// only mentions such words is neither.
func TestChallengeAndMaintenance17(t *testing.T) {
	tg := &precwatch.Target{Name: "c", Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1"}}}
	for _, c := range []struct {
		name, body, botWall string
		challenge, maint    bool
	}{
		{"cloudflare 200", `<title>Just a moment...</title></head><body><h1>Checking your browser before accessing the site.</h1>`, "Cloudflare", true, false},
		{"amazon", `<title>Robot Check</title></head><body><h1>Enter the characters you see below</h1>`, "Amazon's robot check", true, false},
		{"product", `<title>Just a moment... – a novel | Books</title></head><body><h1>Just a moment...</h1>`, "", false, false},
		{"maintenance", `<title>Wartungsmodus</title></head><body><div><h2>Wir sind gleich zurück</h2></div>`, "", false, true},
		{"maintenance kit", `<title>Maintenance kit</title></head><body><h1>Maintenance kit for pumps</h1>`, "", false, false},
	} {
		p, err := HTML(tg, "https://s.example/x", []byte("<html><head>"+c.body+"</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if p.BotWall != c.botWall || p.ChallengeTitle != c.challenge || p.Maintenance != c.maint {
			t.Errorf("%s: bot wall %q (title %v), maintenance %v; want %q (%v), %v", c.name, p.BotWall, p.ChallengeTitle, p.Maintenance, c.botWall, c.challenge, c.maint)
		}
	}
}
