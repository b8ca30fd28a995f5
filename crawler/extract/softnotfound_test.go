package extract

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestSaysNotFoundWhole: a title part that goes on after the not-found
// phrase is a seller's wording; only a part the phrase ends is the
// site's notice as a whole.
func TestSaysNotFoundWhole(t *testing.T) {
	for _, tc := range []struct {
		title         string
		mostly, whole bool
	}{
		{"Page not found | ChemShop", true, true},
		{"404 Not Found", true, true},
		{"404 Page Not Found", true, true},
		{"Error 404: page not found", true, true},
		{"This listing has ended.", true, true},
		{"Страница не найдена", true, true},
		{"Cette annonce n'existe plus", true, true},
		{"Sorry, the page you requested was not found.", true, true},
		{"Oops! That page can’t be found.", true, true},
		{"BMK glycidate 5449-12-7 - not found cheaper anywhere", true, false},
		{"PMK oil | no longer available in shops", true, false},
		{"Safrole oil - has been removed elsewhere", true, false},
		{"Safrole oil - the customs risk has been removed", true, true},
		{"Ephedrine HCl 99%, hard to get, not found in stores", false, false},
		{"Acetone 5 l", false, false},
	} {
		if got := saysNotFound(tc.title, false); got != tc.mostly {
			t.Errorf("saysNotFound(%q, false) = %v, want %v", tc.title, got, tc.mostly)
		}
		if got := saysNotFound(tc.title, true); got != tc.whole {
			t.Errorf("saysNotFound(%q, true) = %v, want %v", tc.title, got, tc.whole)
		}
	}
}

// TestSoftNotFoundSellerTitle: a listing page whose seller worded its
// title or heading like a not-found notice is still a listing when the page
// has a listing's content (a description, a price); only a page with
// nothing besides the notice, or its notice and a line of navigation, is
// a soft 404. Before, the title alone made the listing gone.
func TestSoftNotFoundSellerTitle(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html", Follow: []string{"a.o"},
		Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1", "description": ".d", "price": ".price", "seller": ".seller", "image": "img.main@src"}}}
	const desc = `<p class="d">Stealth shipping worldwide, Telegram @bmkdealer</p>`
	for _, tc := range []struct {
		name, head, body string
		want             bool
	}{
		{"seller: not found cheaper", "<title>BMK glycidate 5449-12-7 - not found cheaper anywhere</title>",
			"<h1>BMK glycidate 5449-12-7 - not found cheaper anywhere</h1>" + desc, false},
		{"seller: no longer available in shops", "<title>PMK oil | no longer available in shops</title>",
			"<h1>PMK oil | no longer available in shops</h1>" + desc, false},
		{"seller: has been removed, description", "<title>Safrole oil - customs risk has been removed</title>",
			"<h1>Safrole oil - customs risk has been removed</h1>" + desc, false},
		{"seller: has been removed, price only", "<title>PMK glycidate | has been removed</title>",
			`<h1>Page not found</h1><span class="price">€ 900</span>`, false},
		{"seller: not found, seller and location text", "<title>Not found</title>",
			`<h1>Not found</h1><span class="seller">ChemKing Berlin Labs</span><p class="d">Wickr chemking</p>`, false},
		{"seller: notice words in the description", "<title>Page not found</title>",
			`<h1>Page not found</h1><p class="d">This listing has ended for others. Not for you: BMK in stock, Telegram @bmk</p>`, false},
		{"seller: title-only, phrase not the whole part", "<title>BMK glycidate - not found cheaper anywhere</title>",
			"<h1>BMK glycidate - not found cheaper anywhere</h1>", false},
		{"404: bare", "<title>Page not found | ChemShop</title>", "<h1>Oops!</h1>", true},
		{"404: notice and navigation", "<title>Page not found | ChemShop</title>",
			`<nav><a href="/">Home</a> <a href="/c">Catalogue</a></nav><h1>Oops!</h1><p class="d">We could not find that page. Try our solvents.</p>`, true},
		{"404: ended notice in the description", "<title>ChemShop</title>",
			`<h1>This listing has ended</h1><p class="d">Sorry, this listing has ended. Browse similar items.</p>`, true},
		{"404: the notice repeated", "<title>Sorry, the page you requested was not found.</title>",
			`<h1>Sorry, the page you requested was not found.</h1><p class="d">Sorry, the page you requested was not found.</p>`, true},
		{"404: logo image", "<title>404 Not Found</title>", `<img class="main" src="/logo.png"><h1>404</h1>`, true},
		{"404: empty price", "<title>Seite nicht gefunden</title>", `<h1>Fehler 404</h1><span class="price"></span>`, true},
	} {
		body := "<html><head>" + tc.head + "</head><body>" + tc.body + "</body></html>"
		p, err := Extract(tg, "https://s.example/p/1", []byte(body))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if p.NotFound != tc.want || (p.Counts[CountNotFound] == 1) != tc.want {
			t.Errorf("%s: NotFound %v (count %d), want %v", tc.name, p.NotFound, p.Counts[CountNotFound], tc.want)
		}
		if !tc.want && len(p.Listings) != 1 {
			t.Errorf("%s: %d listings, want 1", tc.name, len(p.Listings))
		}
	}
}

// TestSoftNotFoundGoneSelector: with listing.gone configured, the gone
// notice decides alone: a seller's title never makes the page gone or not
// found, the configured notice does.
func TestSoftNotFoundGoneSelector(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html", Follow: []string{"a.o"},
		Listing: precwatch.ListingSpec{Gone: ".removed-notice", Fields: map[string]string{"title": "h1", "description": ".d"}}}
	for _, tc := range []struct {
		name, body string
		gone       bool
	}{
		{"seller title", `<title>PMK oil | no longer available in shops</title><h1>Page not found</h1>`, false},
		{"notice", `<title>PMK oil</title><h1>PMK oil</h1><div class="removed-notice">Removed</div><p class="d">Stealth shipping worldwide, Telegram</p>`, true},
	} {
		p, err := Extract(tg, "https://s.example/p/1", []byte("<html>"+tc.body+"</html>"))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if p.Gone != tc.gone || p.NotFound {
			t.Errorf("%s: gone %v not found %v, want gone %v and not found false", tc.name, p.Gone, p.NotFound, tc.gone)
		}
		if !tc.gone && len(p.Listings) != 1 {
			t.Errorf("%s: %d listings, want 1", tc.name, len(p.Listings))
		}
	}
}

// TestSoftNotFoundStructuredOnly: a target without fields reads the page's
// structured product; a not-found page has none and is not found, a page
// with one is its listing whatever its title says.
func TestSoftNotFoundStructuredOnly(t *testing.T) {
	tg := &precwatch.Target{Name: "p", Platform: "P", Kind: "html", Follow: []string{"a.o"}}
	for _, tc := range []struct {
		name, body string
		want       bool
	}{
		{"404", `<title>404 - Not Found</title><h1>404</h1>`, true},
		{"product", `<title>PMK oil | has been removed</title><script type="application/ld+json">{"@type":"Product","name":"PMK oil","description":"Stealth shipping"}</script>`, false},
	} {
		p, err := Extract(tg, "https://s.example/p/1", []byte("<html>"+tc.body+"</html>"))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if p.NotFound != tc.want {
			t.Errorf("%s: NotFound %v, want %v", tc.name, p.NotFound, tc.want)
		}
	}
}
