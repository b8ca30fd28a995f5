package extract

import (
	"slices"
	"testing"
	"time"

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

// TestRelativeDate19 reads the dates of Japanese, Brazilian, Italian and
// Ukrainian boards (kept as written before round 19), and reads days and
// times of day in the site's zone when the fetch time carries one.
func TestRelativeDate19(t *testing.T) {
	now := time.Date(2026, 11, 29, 14, 37, 12, 0, time.UTC)
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no zoneinfo:", err)
	}
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	late := time.Date(2026, 11, 29, 23, 30, 0, 0, time.UTC) // 00:30 on the 30th in Berlin
	for _, c := range []struct {
		in   string
		now  time.Time
		want string
	}{
		{"3日前", now, "2026-11-26T00:00:00Z"},
		{"2時間前", now, "2026-11-29T12:00:00Z"},
		{"1か月前", now, "2026-10-29T00:00:00Z"},
		{"5分前", now, "2026-11-29T14:32:00Z"},
		{"昨日 14:03", now, "2026-11-28T14:03:00Z"},
		{"一昨日", now, "2026-11-27T00:00:00Z"},
		{"たった今", now, "2026-11-29T14:37:00Z"},
		{"há 2 dias", now, "2026-11-27T00:00:00Z"},
		{"há 3 horas", now, "2026-11-29T11:00:00Z"},
		{"há um mês", now, "2026-10-29T00:00:00Z"},
		{"Ontem, 09:12", now, "2026-11-28T09:12:00Z"},
		{"Hoje às 14:05", now, "2026-11-29T14:05:00Z"},
		{"2 giorni fa", now, "2026-11-27T00:00:00Z"},
		{"3 ore fa", now, "2026-11-29T11:00:00Z"},
		{"un mese fa", now, "2026-10-29T00:00:00Z"},
		{"Ieri alle 09:12", now, "2026-11-28T09:12:00Z"},
		{"Oggi alle 14:05", now, "2026-11-29T14:05:00Z"},
		{"2 дні тому", now, "2026-11-27T00:00:00Z"},
		{"3 години тому", now, "2026-11-29T11:00:00Z"},
		{"тиждень тому", now, "2026-11-22T00:00:00Z"},
		{"5 років тому", now, "2021-11-29T00:00:00Z"},
		{"Вчора о 09:12", now, "2026-11-28T09:12:00Z"},
		{"Сьогодні о 14:05", now, "2026-11-29T14:05:00Z"},
		// The site's zone: Berlin is UTC+1 in November.
		{"Heute, 14:03", now.In(berlin), "2026-11-29T13:03:00Z"},
		{"gestern", now.In(berlin), "2026-11-27T23:00:00Z"},
		{"Heute, 00:10", late.In(berlin), "2026-11-29T23:10:00Z"},
		{"vor 2 Tagen", late.In(berlin), "2026-11-27T23:00:00Z"},
		{"vor 3 Stunden", now.In(berlin), "2026-11-29T11:00:00Z"},
		{"昨日 14:03", now.In(tokyo), "2026-11-28T05:03:00Z"},
		// A DST change: 29 March 2026 starts summer time in Berlin.
		{"Heute, 14:03", time.Date(2026, 3, 29, 12, 0, 0, 0, time.UTC).In(berlin), "2026-03-29T12:03:00Z"},
	} {
		got, ok := RelativeDate(c.in, c.now)
		if !ok || got != c.want {
			t.Errorf("RelativeDate(%q, %s) = %q, %v; want %q", c.in, c.now, got, ok, c.want)
		}
	}
	for _, s := range []string{"sofa", "2 sofa", "Fa", "tomorrow", "ora", "agora não", "3 gatti fa parte"} {
		if got, ok := RelativeDate(s, now); ok {
			t.Errorf("RelativeDate(%q) = %q, want no date", s, got)
		}
	}
}

// TestGatePage19 tells a cookie-consent wall and an age gate standing in
// for a shop's page (no listings, no links to follow) from pages that only
// mention cookies or ages, and from a catalogue under a consent banner.
func TestGatePage19(t *testing.T) {
	tg := &precwatch.Target{Name: "g", NextPage: []string{"a.next"}, Listing: precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"title": "h2"}}}
	for _, c := range []struct{ page, want string }{
		{`<title>Before you continue</title></head><body><h1>We value your privacy</h1><form method=post><button>Accept all</button></form>`, "consent"},
		{`<title>Shop</title></head><body><h1>Datenschutz-Einstellungen</h1><p>Wir verwenden Cookies …</p><button>Alle akzeptieren</button>`, "consent"},
		{`<title>Age verification</title></head><body><h1>Are you 18 or older?</h1><a href="/enter">Yes</a>`, "age"},
		{`<title>Kratom Shop</title></head><body><h1>Bist du über 18?</h1><a href="/enter">Ja</a>`, "age"},
		{`<title>年齢確認</title></head><body><h1>あなたは18歳以上ですか？</h1>`, "age"},
		// A catalogue behind a consent banner is read.
		{`<title>We use cookies</title></head><body><div class="card"><h2>Acetone</h2></div><div id="cookie-banner">We use cookies</div>`, ""},
		// A page about cookies that is no wall, and a page without any.
		{`<title>Shop</title></head><body><h1>Chocolate chip cookies</h1>`, ""},
		{`<title>Shop</title></head><body><h1>Nothing here</h1>`, ""},
	} {
		p, err := HTML(tg, "https://s.example/shop", []byte("<html><head>"+c.page+"</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if p.Gate != c.want {
			t.Errorf("%s: gate %q, want %q", c.page, p.Gate, c.want)
		}
	}
}

// TestContentfulIncludes19 reads a Contentful Delivery API answer's
// linked entries from its "includes" (fields.seller.fields.name), also
// an entry linking another and one linking itself; a link not included
// stays a link. Before, fields.seller.fields.name read nothing.
func TestContentfulIncludes19(t *testing.T) {
	body := `{"sys": {"type": "Array"}, "total": 3, "skip": 0, "limit": 3, "items": [
	  {"sys": {"id": "p1"}, "fields": {"name": "Acetone", "seller": {"sys": {"type": "Link", "linkType": "Entry", "id": "s1"}},
	     "tags": [{"sys": {"type": "Link", "linkType": "Entry", "id": "t1"}}, {"sys": {"type": "Link", "linkType": "Entry", "id": "t2"}}]}},
	  {"sys": {"id": "p2"}, "fields": {"name": "Beaker", "seller": {"sys": {"type": "Link", "linkType": "Entry", "id": "s2"}}}},
	  {"sys": {"id": "p3"}, "fields": {"name": "Toluene", "seller": {"sys": {"type": "Link", "linkType": "Entry", "id": "gone"}}}}],
	 "includes": {"Entry": [
	  {"sys": {"id": "s1"}, "fields": {"name": "chemking", "address": {"sys": {"type": "Link", "linkType": "Entry", "id": "a1"}}}},
	  {"sys": {"id": "s2"}, "fields": {"name": "glassco", "self": {"sys": {"type": "Link", "linkType": "Entry", "id": "s2"}}}},
	  {"sys": {"id": "a1"}, "fields": {"country": "AT"}},
	  {"sys": {"id": "t1"}, "fields": {"label": "solvent"}},
	  {"sys": {"id": "t2"}, "fields": {"label": "lab"}}]}}`
	tg := &precwatch.Target{Name: "cf", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{Items: "items", Fields: map[string]string{
		"id": "sys.id", "title": "fields.name", "seller": "fields.seller.fields.name", "location": "fields.seller.fields.address.fields.country", "tags": "fields.tags.fields.label"}}}
	p, err := JSON(tg, "https://cdn.contentful.example/spaces/x/entries?skip=0", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][3]string{}
	for _, l := range p.Listings {
		got[l.ID] = [3]string{l.Seller, l.Location, l.Attributes["tags"]}
	}
	want := map[string][3]string{"p1": {"chemking", "AT", "solvent, lab"}, "p2": {"glassco", "", ""}, "p3": {"", "", ""}}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
}
