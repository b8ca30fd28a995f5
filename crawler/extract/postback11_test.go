package extract

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// webFormsPage renders page cur of n of an ASP.NET WebForms GridView
// catalogue: one form holding the hidden state, a search box, the grid
// with a Sort header and Select and Buy postbacks in its rows, and the
// numeric pager row (the current page a span, the others postback links).
func webFormsPage(cur, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<html><body><form method="post" action="./List.aspx?cat=5" id="aspnetForm">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="vs/%d+=">
<input type="hidden" name="__VIEWSTATEGENERATOR" value="CA0B0334">
<input type="hidden" name="__EVENTVALIDATION" value="ev%d">
<input type="text" name="ctl00$Main$txtSearch" value="acetone">
<input type="submit" name="ctl00$Main$btnSearch" value="Search">
<table id="ctl00_Main_Grid"><tr><th><a href="javascript:__doPostBack('ctl00$Main$Grid','Sort$Name')">Name</a></th></tr>
`, cur, cur)
	for i := 1; i <= 2; i++ {
		id := (cur-1)*2 + i
		fmt.Fprintf(&b, `<tr class="offer"><td class="t">offer %d</td><td><a href="javascript:__doPostBack('ctl00$Main$Grid','Select$%d')">select</a>
<a href="javascript:__doPostBack('ctl00$Main$Grid$ctl0%d$btnBuy','')">buy</a></td></tr>
`, id, i-1, i+1)
	}
	b.WriteString(`<tr class="pgr"><td><table><tr>`)
	for p := 1; p <= n; p++ {
		if p == cur {
			fmt.Fprintf(&b, `<td><span>%d</span></td>`, p)
		} else {
			fmt.Fprintf(&b, `<td><a href="javascript:__doPostBack(&#39;ctl00$Main$Grid&#39;,&#39;Page$%d&#39;)">%d</a></td>`, p, p)
		}
	}
	b.WriteString(`</tr></table></td></tr></table></form></body></html>`)
	return b.String()
}

func webFormsTarget() *precwatch.Target {
	return &precwatch.Target{Name: "webforms", Platform: "WF", Kind: precwatch.KindHTML,
		StartURLs: []string{"https://shop.example/Catalog/List.aspx?cat=5"},
		Listing:   precwatch.ListingSpec{Item: "tr.offer", Fields: map[string]string{"title": "td.t"}}}
}

// TestPostbackPager: a GridView's numeric pager, which posts the form
// back, is the next page when no next_page is configured: page cur+1,
// named at the form's action, with the form's every control (the hidden
// __VIEWSTATE, __EVENTVALIDATION, __VIEWSTATEGENERATOR, the search box)
// and __EVENTTARGET/__EVENTARGUMENT set as the link sets them, not the
// submit button; the grid's Sort, Select and Buy postbacks are not
// followed, and the last page has no next.
func TestPostbackPager(t *testing.T) {
	const action = "https://shop.example/Catalog/List.aspx?cat=5"
	for _, tc := range []struct {
		pageURL  string
		cur      int
		wantNext int // 0: none
	}{
		{"https://shop.example/Catalog/List.aspx?cat=5", 1, 2},
		{PostbackURL(action, 2), 2, 3},
		{PostbackURL(action, 3), 3, 0},
	} {
		p, err := HTML(webFormsTarget(), tc.pageURL, []byte(webFormsPage(tc.cur, 3)))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Listings) != 2 {
			t.Errorf("%s: %d listings, want 2", tc.pageURL, len(p.Listings))
		}
		if tc.wantNext == 0 {
			if len(p.Next) != 0 {
				t.Errorf("%s: next %q, want none (the last page)", tc.pageURL, p.Next)
			}
			continue
		}
		want := PostbackURL(action, tc.wantNext)
		if !slices.Equal(p.Next, []string{want}) {
			t.Errorf("%s: next %q, want [%s]", tc.pageURL, p.Next, want)
			continue
		}
		form, err := url.ParseQuery(p.Postbacks[want])
		if err != nil {
			t.Fatal(err)
		}
		wantForm := url.Values{
			"__EVENTTARGET":        {"ctl00$Main$Grid"},
			"__EVENTARGUMENT":      {fmt.Sprintf("Page$%d", tc.wantNext)},
			"__VIEWSTATE":          {fmt.Sprintf("vs/%d+=", tc.cur)},
			"__VIEWSTATEGENERATOR": {"CA0B0334"},
			"__EVENTVALIDATION":    {fmt.Sprintf("ev%d", tc.cur)},
			"ctl00$Main$txtSearch": {"acetone"},
		}
		if fmt.Sprint(form) != fmt.Sprint(wantForm) {
			t.Errorf("%s: form %v, want %v", tc.pageURL, form, wantForm)
		}
	}
}

// TestPostbackNotPager: postbacks that page nothing (a grid's Sort and
// Select, a Buy button, a logout link) give no next page.
func TestPostbackNotPager(t *testing.T) {
	page := `<html><body><form method="post" action="List.aspx"><input type="hidden" name="__VIEWSTATE" value="x">
<a href="javascript:__doPostBack('ctl00$Main$Grid','Sort$Price')">Price</a>
<tr class="offer"><td class="t">offer 1</td></tr>
<a href="javascript:__doPostBack('ctl00$Main$Grid','Select$0')">2</a>
<a href="javascript:__doPostBack('ctl00$Main$btnBuy','')">Next</a>
<a href="javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions(&quot;ctl00$Head$lnkLogout&quot;, &quot;&quot;, true, &quot;&quot;, &quot;&quot;, false, true))">Log out</a>
</form></body></html>`
	p, err := HTML(webFormsTarget(), "https://shop.example/List.aspx", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Next) != 0 || len(p.Postbacks) != 0 {
		t.Errorf("next %q, postbacks %v; want none", p.Next, p.Postbacks)
	}
}

// TestPostbackWithOptions: a DataPager's "Next" link written with
// WebForm_DoPostBackWithOptions is the next page (auto-detected, and by a
// configured next_page selector on the link's <li>), posting the
// DataPager's control as __EVENTTARGET; a cross-page postback's actionUrl
// is where the form goes.
func TestPostbackWithOptions(t *testing.T) {
	page := func(opts string) string {
		return `<html><body><form method="post" action="Offers.aspx" id="form1"><input type="hidden" name="__VIEWSTATE" value="v1">
<div class="card"><h3>offer 1</h3></div>
<ul><li class="next"><a id="ctl00_Main_DataPager1_ctl02_ctl00" href="javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions(` + opts + `))">Next</a></li></ul>
</form></body></html>`
	}
	const pagerOpts = `&quot;ctl00$Main$DataPager1$ctl02$ctl00&quot;, &quot;&quot;, true, &quot;&quot;, &quot;&quot;, false, true`
	for _, tc := range []struct {
		name, opts, action string
		nextPage           []string
	}{
		{"auto", pagerOpts, "https://shop.example/Offers.aspx", nil},
		{"next_page", pagerOpts, "https://shop.example/Offers.aspx", []string{"li.next"}},
		{"actionUrl", `&quot;ctl00$Main$DataPager1$ctl02$ctl00&quot;, &quot;&quot;, false, &quot;&quot;, &quot;Offers.aspx?p=2&quot;, false, true`,
			"https://shop.example/Offers.aspx?p=2", nil},
	} {
		tg := webFormsTarget()
		tg.Listing = precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"title": "h3"}}
		tg.NextPage = tc.nextPage
		p, err := HTML(tg, "https://shop.example/Offers.aspx", []byte(page(tc.opts)))
		if err != nil {
			t.Fatal(err)
		}
		want := PostbackURL(tc.action, 2)
		if !slices.Equal(p.Next, []string{want}) {
			t.Errorf("%s: next %q, want [%s]", tc.name, p.Next, want)
			continue
		}
		form, _ := url.ParseQuery(p.Postbacks[want])
		if form.Get("__EVENTTARGET") != "ctl00$Main$DataPager1$ctl02$ctl00" || form.Get("__VIEWSTATE") != "v1" {
			t.Errorf("%s: form %v, want the DataPager's control as __EVENTTARGET and the view state", tc.name, form)
		}
	}
}

// TestPostbackURL: a postback page's name keeps its page number, also at
// another address (a redirect), and a page fetched by GET has none.
func TestPostbackURL(t *testing.T) {
	u := PostbackURL("https://shop.example/List.aspx?cat=5#top", 4)
	if u != "https://shop.example/List.aspx?cat=5#pw-postback:page=4" || PostbackPage(u) != 4 {
		t.Errorf("PostbackURL: %s (page %d)", u, PostbackPage(u))
	}
	if got := PostbackAt(u, "https://shop.example/List2.aspx"); got != "https://shop.example/List2.aspx#pw-postback:page=4" {
		t.Errorf("PostbackAt: %s", got)
	}
	if PostbackPage("https://shop.example/List.aspx#top") != 0 {
		t.Error("a fragment that is no postback's has a page")
	}
}
