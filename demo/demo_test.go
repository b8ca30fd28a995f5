package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"
)

// MustStart starts the demo in variant v and closes it when the test ends.
func MustStart(tb testing.TB, v int) *Demo {
	tb.Helper()
	d, err := Start(tb.Context(), Options{Variant: v})
	if err != nil {
		tb.Fatalf("Start(variant %d): %v", v, err)
	}
	tb.Cleanup(func() {
		if err := d.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	for _, s := range d.Sites() {
		u, err := url.Parse(s.URL)
		if err != nil || !strings.HasPrefix(u.Host, "127.0.0.1:") {
			tb.Fatalf("site %s listens on %q, want 127.0.0.1", s.Name, s.URL)
		}
	}
	return d
}

var client = &http.Client{Timeout: 10 * time.Second}

// get fetches a loopback URL and returns status, content type and the body
// decoded to UTF-8 from the declared charset.
func get(tb testing.TB, u string) (int, string, []byte) {
	tb.Helper()
	if !strings.HasPrefix(u, "http://127.0.0.1:") {
		tb.Fatalf("refusing to fetch non-loopback URL %s", u)
	}
	resp, err := client.Get(u)
	if err != nil {
		tb.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	ct := resp.Header.Get("Content-Type")
	var r io.Reader = resp.Body
	if strings.HasPrefix(ct, "text/html") {
		r, err = charset.NewReader(resp.Body, ct)
		if err != nil {
			tb.Fatalf("GET %s: charset %q: %v", u, ct, err)
		}
	}
	body, err := io.ReadAll(r)
	if err != nil {
		tb.Fatalf("GET %s: read: %v", u, err)
	}
	return resp.StatusCode, ct, body
}

func doc(tb testing.TB, u string, body []byte) *goquery.Document {
	tb.Helper()
	d, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		tb.Fatalf("parse %s: %v", u, err)
	}
	return d
}

// served is what a test saw of one listing on a site.
type served struct {
	id, path, title, description string
}

// walk collects every listing a site serves by following its pagination
// (and, for ChemHub, its detail links), the way the demo targets do.
func walk(t *testing.T, s Site) []served {
	t.Helper()
	var out []served
	switch s.Name {
	case keyChemHub:
		next := s.URL + "/catalog?page=1"
		for pages := 0; next != ""; pages++ {
			if pages > 100 {
				t.Fatalf("%s: endless pagination", s.Name)
			}
			status, _, body := get(t, next)
			if status != http.StatusOK {
				t.Fatalf("GET %s = %d", next, status)
			}
			d := doc(t, next, body)
			d.Find("a.product-link").Each(func(_ int, a *goquery.Selection) {
				href, _ := a.Attr("href")
				u := s.URL + href
				status, _, body := get(t, u)
				if status != http.StatusOK {
					t.Errorf("GET %s = %d", u, status)
					return
				}
				p := doc(t, u, body).Find("div.product")
				id, _ := p.Attr("data-id")
				out = append(out, served{id: id, path: href, title: p.Find("h1").Text(), description: p.Find(".description").Text()})
			})
			next = ""
			if href, ok := d.Find("a.next").Attr("href"); ok {
				next = s.URL + href
			}
		}
	case keyBazaar:
		for _, start := range []string{"/ads?page=1", "/zh/ads?page=1"} {
			next := s.URL + start
			for pages := 0; next != ""; pages++ {
				if pages > 100 {
					t.Fatalf("%s: endless pagination", s.Name)
				}
				status, _, body := get(t, next)
				if status != http.StatusOK {
					t.Fatalf("GET %s = %d", next, status)
				}
				d := doc(t, next, body)
				d.Find("div.ad-card").Each(func(_ int, c *goquery.Selection) {
					id, _ := c.Attr("data-id")
					href, _ := c.Find("a.title").Attr("href")
					out = append(out, served{id: id, path: href, title: c.Find("a.title").Text(), description: c.Find("p.body").Text()})
				})
				next = ""
				if href, ok := d.Find("a.next").Attr("href"); ok {
					next = s.URL + href
				}
			}
		}
	case keyTradeport:
		next := s.URL + "/api/listings?page=1"
		for pages := 0; next != ""; pages++ {
			if pages > 100 {
				t.Fatalf("%s: endless pagination", s.Name)
			}
			status, ct, body := get(t, next)
			if status != http.StatusOK || !strings.HasPrefix(ct, "application/json") {
				t.Fatalf("GET %s = %d %q", next, status, ct)
			}
			var fp feedPage
			if err := json.Unmarshal(body, &fp); err != nil {
				t.Fatalf("decode %s: %v", next, err)
			}
			for _, it := range fp.Items {
				if it.Seller.Name == "" || it.Price.Currency == "" && it.Price.Amount != "" {
					t.Errorf("%s: item %s lacks nested seller or currency: %+v", next, it.ID, it)
				}
				out = append(out, served{id: it.ID, path: it.Link, title: it.Title, description: it.Body})
			}
			next = ""
			if fp.Next != nil {
				next = s.URL + *fp.Next
			}
		}
	}
	return out
}

func TestSitesServeExactlyTheLabelledListings(t *testing.T) {
	for _, v := range []int{0, 1} {
		t.Run(fmt.Sprintf("variant%d", v), func(t *testing.T) {
			checkServed(t, MustStart(t, v), VariantLabels(v))
		})
	}
}

func TestSetVariantSwitchesContentInPlace(t *testing.T) {
	d := MustStart(t, 0)
	before := d.Sites()
	if err := d.SetVariant(1); err != nil {
		t.Fatalf("SetVariant(1): %v", err)
	}
	if d.Variant() != 1 || !slices.Equal(d.Sites(), before) {
		t.Fatalf("after SetVariant(1): variant %d, sites %v (were %v)", d.Variant(), d.Sites(), before)
	}
	checkServed(t, d, VariantLabels(1))
	if err := d.SetVariant(2); err == nil {
		t.Errorf("SetVariant(2) = nil error, want one")
	}
	if err := d.SetVariant(0); err != nil {
		t.Fatalf("SetVariant(0): %v", err)
	}
	checkServed(t, d, VariantLabels(0))
}

// checkServed walks every site of d and compares what it serves with
// labels: the same listing ids, each once, with the labelled URL paths.
func checkServed(t *testing.T, d *Demo, labels []Label) {
	t.Helper()
	for _, s := range d.Sites() {
		want := map[string]Label{}
		for _, l := range labels {
			if l.Target == s.Name {
				want[l.ListingID] = l
			}
		}
		got := walk(t, s)
		if len(got) != len(want) {
			t.Errorf("%s: served %d listings, labels have %d", s.Name, len(got), len(want))
		}
		seen := map[string]bool{}
		for _, g := range got {
			if seen[g.id] {
				t.Errorf("%s: listing %s served twice", s.Name, g.id)
			}
			seen[g.id] = true
			l, ok := want[g.id]
			if !ok {
				t.Errorf("%s: served listing %s has no label", s.Name, g.id)
				continue
			}
			if g.path != l.URLPath {
				t.Errorf("%s: listing %s links to %q, label says %q", s.Name, g.id, g.path, l.URLPath)
			}
			if g.title != l.Title || g.title == "" {
				t.Errorf("%s: listing %s serves title %q, label says %q", s.Name, g.id, g.title, l.Title)
			}
		}
		for id := range want {
			if !seen[id] {
				t.Errorf("%s: labelled listing %s is not served", s.Name, id)
			}
		}
		// Every listing's own URL answers (Bazaar and Tradeport detail
		// pages are not on the crawl path but must exist).
		for _, g := range got[:min(len(got), 30)] {
			if status, _, _ := get(t, s.URL+g.path); status != http.StatusOK {
				t.Errorf("%s: GET %s = %d, want 200", s.Name, g.path, status)
			}
		}
	}
}

func TestCatalogShape(t *testing.T) {
	labels := Labels()
	if len(labels) < 300 {
		t.Errorf("got %d listings, want >= 300", len(labels))
	}
	perPlatform := map[string]int{}
	perLang := map[string]int{}
	perCat := map[string][2]int{}
	for _, l := range labels {
		perPlatform[l.Platform]++
		perLang[l.Lang]++
		c := perCat[l.Category]
		if l.Suspicious {
			c[1]++
		} else {
			c[0]++
		}
		perCat[l.Category] = c
	}
	for _, p := range []string{"ChemHub", "Bazaar Classifieds", "Tradeport"} {
		if perPlatform[p] < 80 {
			t.Errorf("platform %s has %d listings, want >= 80", p, perPlatform[p])
		}
	}
	for _, lang := range []string{"en", "zh", "ru", "es", "de", "fr", "pl", "tr", "nl"} {
		if perLang[lang] < 10 {
			t.Errorf("language %s has %d listings, want >= 10", lang, perLang[lang])
		}
	}
	// Categories whose policy depends on context have both outcomes.
	for _, c := range []string{CategoryTableII, CategoryMedicine, CategorySurveillance} {
		if perCat[c][0] < 3 || perCat[c][1] < 3 {
			t.Errorf("category %s: %d clean and %d suspicious, want >= 3 of each", c, perCat[c][0], perCat[c][1])
		}
	}
	for _, c := range []string{CategoryTrap, CategoryNews, CategoryLegit} {
		if perCat[c][0] == 0 {
			t.Errorf("category %s has no listing", c)
		}
	}
}

// checkCAS reports whether s is a CAS number with a correct check digit.
func checkCAS(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) != 3 || len(parts[0]) < 2 || len(parts[0]) > 7 || len(parts[1]) != 2 || len(parts[2]) != 1 {
		return false
	}
	digits := parts[0] + parts[1]
	sum := 0
	for i := range len(digits) {
		c := digits[len(digits)-1-i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * (i + 1)
	}
	return parts[2][0] >= '0' && parts[2][0] <= '9' && sum%10 == int(parts[2][0]-'0')
}

func TestCheckCAS(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{{"103-79-7", true}, {"7732-18-5", true}, {"4676-39-5", true}, {"4676-39-4", false}, {"103-79", false}, {"1a3-79-7", false}} {
		if got := checkCAS(tt.in); got != tt.want {
			t.Errorf("checkCAS(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestLabelsFollowTicketPolicy(t *testing.T) {
	primary := map[string]bool{"125541-22-2": true} // 1-boc-4-AP, hand-picked only
	for _, s := range substances {
		primary[s.cas] = true
		for _, c := range s.shown {
			if !checkCAS(c) {
				t.Errorf("substance %s: shown CAS %s fails its check digit", s.key, c)
			}
		}
	}
	all, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	v1, err := variantListings(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range append(all, v1...) {
		for _, c := range l.CAS {
			if !checkCAS(c) {
				t.Errorf("%s: label CAS %s fails its check digit", l.ID, c)
			}
			if !primary[c] {
				t.Errorf("%s: label CAS %s is not the primary CAS of a demo substance", l.ID, c)
			}
		}
		switch l.Category {
		case CategoryTableI, CategoryDesigner:
			if !l.Suspicious || len(l.CAS) == 0 {
				t.Errorf("%s (%s): suspicious=%v cas=%v, want suspicious with CAS", l.ID, l.Category, l.Suspicious, l.CAS)
			}
		case CategoryTrap, CategoryNews, CategoryLegit:
			if l.Suspicious || len(l.CAS) != 0 {
				t.Errorf("%s (%s): suspicious=%v cas=%v, want neither", l.ID, l.Category, l.Suspicious, l.CAS)
			}
		case CategoryTableII, CategorySurveillance, CategoryMedicine:
			if len(l.CAS) == 0 {
				t.Errorf("%s (%s): no CAS", l.ID, l.Category)
			}
		default:
			t.Errorf("%s: unknown category %q", l.ID, l.Category)
		}
		if l.Suspicious && len(l.CAS) == 0 {
			t.Errorf("%s: suspicious without a substance", l.ID)
		}
		if _, ok := banks[l.Lang]; !ok {
			t.Errorf("%s: unknown language %q", l.ID, l.Lang)
		}
	}
	// Generated context-dependent offers are suspicious exactly when their
	// text carries a risk-indicator sentence (or, for medicines, a
	// wholesale quantity).
	for _, l := range all {
		if strings.Contains(l.ID, "-9") {
			continue
		}
		b := banks[l.Lang]
		risky := false
		for _, bank := range [][]string{b.messenger, b.stealth, b.customs, b.crypto, b.noPaperwork} {
			for _, p := range bank {
				if strings.Contains(l.Description, literal(p)) {
					risky = true
				}
			}
		}
		bulk := slices.ContainsFunc(b.medBulk, func(q string) bool { return strings.Contains(l.Title, q) })
		var want bool
		switch l.Category {
		case CategoryTableII, CategorySurveillance:
			want = risky
		case CategoryMedicine:
			want = risky || bulk
		default:
			continue
		}
		if l.Suspicious != want {
			t.Errorf("%s (%s): suspicious=%v, but risk sentence=%v bulk=%v in %q", l.ID, l.Category, l.Suspicious, risky, bulk, l.Description)
		}
	}
}

func TestSharedObservablesLinkPlatforms(t *testing.T) {
	all, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, obs := range []string{sharedWickr, sharedPhone, sharedTelegram, sharedBTC} {
		platforms := map[string]bool{}
		for _, l := range all {
			if strings.Contains(l.Title+" "+l.Description, obs) {
				platforms[l.Platform] = true
			}
		}
		if len(platforms) < 2 {
			t.Errorf("observable %q appears on %d platforms, want >= 2", obs, len(platforms))
		}
	}
}

func TestGBKSection(t *testing.T) {
	d := MustStart(t, 0)
	bz := d.Sites()[1]
	u := bz.URL + "/zh/ads?page=1"
	resp, err := client.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=gbk" {
		t.Errorf("GET %s: Content-Type %q, want text/html; charset=gbk", u, ct)
	}
	if utf8.Valid(raw) {
		t.Errorf("GET %s: body is valid UTF-8, want GBK bytes", u)
	}
	if !bytes.Contains(raw, []byte(`<meta charset="gbk">`)) {
		t.Errorf("GET %s: no meta charset gbk", u)
	}
	// Decoding from the meta tag alone (no header) gives the Chinese text.
	r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	var zh []Label
	for _, l := range Labels() {
		if l.Target == keyBazaar && l.Lang == "zh" {
			zh = append(zh, l)
		}
	}
	if len(zh) < bazaarPageSize {
		t.Fatalf("only %d Chinese Bazaar listings", len(zh))
	}
	all, _ := loadCatalog()
	byID := map[string]listing{}
	for _, l := range all {
		byID[l.ID] = l
	}
	for _, want := range []string{"最新分类广告", template_escape(byID[zh[0].ListingID].Title)} {
		if !strings.Contains(string(text), want) {
			t.Errorf("decoded %s lacks %q", u, want)
		}
	}
	// A Chinese detail page is GBK too and decodes to its title.
	status, ct, body := get(t, bz.URL+zh[0].URLPath)
	if status != http.StatusOK || ct != "text/html; charset=gbk" {
		t.Errorf("GET %s = %d %q", zh[0].URLPath, status, ct)
	}
	if title := doc(t, zh[0].URLPath, body).Find("a.title").Text(); title != byID[zh[0].ListingID].Title {
		t.Errorf("GET %s: title %q, want %q", zh[0].URLPath, title, byID[zh[0].ListingID].Title)
	}
	// Every Chinese listing is representable in GBK, without fallbacks.
	for _, l := range zh {
		x := byID[l.ListingID]
		if _, err := simplifiedchineseStrict(x.Title + x.Description + x.Seller + x.Location + x.Price); err != nil {
			t.Errorf("listing %s is not encodable in GBK: %v", l.ListingID, err)
		}
	}
}

func TestVariant1ChangesRemovesAndAdds(t *testing.T) {
	d0, d1 := MustStart(t, 0), MustStart(t, 1)
	v0, v1 := VariantLabels(0), VariantLabels(1)
	in1 := map[string]Label{}
	for _, l := range v1 {
		in1[l.ListingID] = l
	}
	in0 := map[string]Label{}
	for _, l := range v0 {
		in0[l.ListingID] = l
	}
	site := func(d *Demo, target string) Site {
		for _, s := range d.Sites() {
			if s.Name == target {
				return s
			}
		}
		t.Fatalf("no site %s", target)
		return Site{}
	}
	removed, added, flipped := map[string]int{}, map[string]int{}, 0
	for _, l := range v0 {
		if _, ok := in1[l.ListingID]; ok {
			if in1[l.ListingID].Suspicious != l.Suspicious {
				flipped++
			}
			continue
		}
		removed[l.Target]++
		if status, _, _ := get(t, site(d1, l.Target).URL+l.URLPath); status != http.StatusNotFound {
			t.Errorf("variant 1: removed %s%s = %d, want 404", l.Target, l.URLPath, status)
		}
		if status, _, _ := get(t, site(d0, l.Target).URL+l.URLPath); status != http.StatusOK {
			t.Errorf("variant 0: %s%s = %d, want 200", l.Target, l.URLPath, status)
		}
	}
	for _, l := range v1 {
		if _, ok := in0[l.ListingID]; !ok {
			added[l.Target]++
			if status, _, _ := get(t, site(d0, l.Target).URL+l.URLPath); status != http.StatusNotFound {
				t.Errorf("variant 0: new %s%s = %d, want 404", l.Target, l.URLPath, status)
			}
		}
	}
	for _, target := range siteKeys {
		if removed[target] == 0 || added[target] == 0 {
			t.Errorf("%s: variant 1 removes %d and adds %d listings, want some of each", target, removed[target], added[target])
		}
	}
	if flipped == 0 {
		t.Errorf("variant 1 turns no clean listing suspicious")
	}
	// Some removed listings were suspicious, so tickets get listing_status
	// removed in an end-to-end test.
	diff, err := VariantDiff(0, 1)
	if err != nil {
		t.Fatal(err)
	}
	suspiciousRemoved := map[string]int{}
	for _, id := range diff.Removed {
		if in0[id].Suspicious {
			suspiciousRemoved[in0[id].Target]++
		}
	}
	for _, target := range siteKeys {
		if suspiciousRemoved[target] == 0 {
			t.Errorf("%s: variant 1 removes no suspicious listing", target)
		}
	}
	if got, want := len(diff.Removed), len(v0)-len(v1)+len(diff.Added); got != want {
		t.Errorf("VariantDiff(0, 1): %d removed, want %d", got, want)
	}
	for _, id := range diff.Changed {
		if changeOf(id) != "change" {
			t.Errorf("VariantDiff(0, 1) reports %s changed", id)
		}
	}
	if same, err := VariantDiff(1, 1); err != nil || len(same.Added)+len(same.Removed)+len(same.Changed) != 0 {
		t.Errorf("VariantDiff(1, 1) = %+v, %v; want empty", same, err)
	}
	if _, err := VariantDiff(0, 7); err == nil {
		t.Errorf("VariantDiff(0, 7) = nil error, want one")
	}
	// Changed listings serve different text in the two variants.
	changed := 0
	for _, l := range v0 {
		if !slices.Contains(diff.Changed, l.ListingID) {
			continue
		}
		_, _, b0 := get(t, site(d0, l.Target).URL+l.URLPath)
		_, _, b1 := get(t, site(d1, l.Target).URL+l.URLPath)
		if bytes.Equal(b0, b1) {
			t.Errorf("changed listing %s serves the same page in both variants", l.ListingID)
		}
		changed++
	}
	if changed < 3 {
		t.Errorf("variant 1 changes %d listings, want >= 3", changed)
	}
	// Unchanged listings serve identical pages.
	l := v0[0]
	if changeOf(l.ListingID) == "" {
		_, _, b0 := get(t, site(d0, l.Target).URL+l.URLPath)
		_, _, b1 := get(t, site(d1, l.Target).URL+l.URLPath)
		if !bytes.Equal(b0, b1) {
			t.Errorf("unchanged listing %s differs between variants", l.ListingID)
		}
	}
}

func TestRobotsAndUnknownPaths(t *testing.T) {
	d := MustStart(t, 0)
	targets := d.Targets()
	for i, s := range d.Sites() {
		status, _, body := get(t, s.URL+"/robots.txt")
		if status != http.StatusOK {
			t.Fatalf("%s: robots.txt = %d", s.Name, status)
		}
		var allow, disallow []string
		for line := range strings.Lines(string(body)) {
			k, v, _ := strings.Cut(strings.TrimSpace(line), ":")
			switch strings.ToLower(k) {
			case "allow":
				allow = append(allow, strings.TrimSpace(v))
			case "disallow":
				disallow = append(disallow, strings.TrimSpace(v))
			}
		}
		paths := []string{}
		for _, su := range targets[i].StartURLs {
			u, _ := url.Parse(su)
			paths = append(paths, u.Path)
		}
		for _, l := range Labels() {
			if l.Target == s.Name {
				paths = append(paths, l.URLPath)
				break
			}
		}
		for _, p := range paths {
			ok := slices.ContainsFunc(allow, func(a string) bool { return strings.HasPrefix(p, a) })
			blocked := slices.ContainsFunc(disallow, func(a string) bool { return a != "" && strings.HasPrefix(p, a) })
			if !ok || blocked {
				t.Errorf("%s: robots.txt does not allow %s:\n%s", s.Name, p, body)
			}
		}
		for _, p := range []string{"/nope", "/product/CH-0000", "/ad/XX", "/item/", "/catalog?page=0", "/ads?page=999", "/api/listings?page=x", "/zh/ads"} {
			if status, _, _ := get(t, s.URL+p); status != http.StatusNotFound {
				t.Errorf("%s: GET %s = %d, want 404", s.Name, p, status)
			}
		}
	}
}

func TestCloseStopsListeners(t *testing.T) {
	d, err := Start(t.Context(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	sites := d.Sites()
	if status, _, _ := get(t, sites[0].URL+"/robots.txt"); status != http.StatusOK {
		t.Fatalf("robots.txt = %d", status)
	}
	if err := d.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := d.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	for _, s := range sites {
		if resp, err := client.Get(s.URL + "/robots.txt"); err == nil {
			resp.Body.Close()
			t.Errorf("%s still answers after Close", s.Name)
		}
	}
}

func TestContextStopsSites(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	d, err := Start(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	u := d.Sites()[2].URL + "/robots.txt"
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := client.Get(u)
		if err != nil {
			break
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatalf("%s still answers 5s after the context ended", u)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := d.Close(); err != nil {
		t.Errorf("Close after cancel: %v", err)
	}
}

func TestStartRejectsBadOptions(t *testing.T) {
	for _, o := range []Options{{Variant: 2}, {Variant: -1}, {Addr: "127.0.0.1"}, {Addr: "127.0.0.1:x"}, {Addr: "127.0.0.1:65534"}} {
		d, err := Start(t.Context(), o)
		if err == nil {
			d.Close()
			t.Errorf("Start(%+v) = nil error, want one", o)
		}
	}
}

func TestStartFailsWhenPortBusy(t *testing.T) {
	d := MustStart(t, 0)
	u, _ := url.Parse(d.Sites()[1].URL)
	d2, err := Start(t.Context(), Options{Addr: u.Host})
	if err == nil {
		d2.Close()
		t.Fatalf("Start on busy %s succeeded", u.Host)
	}
	// The failed start released the ports it had opened: the busy site
	// still answers and nothing else is left listening.
	if status, _, _ := get(t, d.Sites()[1].URL+"/robots.txt"); status != http.StatusOK {
		t.Errorf("busy site stopped answering: %d", status)
	}
}

func TestStartRefusesNonLoopbackAddresses(t *testing.T) {
	// Refused before anything listens: no socket is opened for these.
	for _, addr := range []string{":0", "0.0.0.0:0", "[::]:0", "10.0.0.5:0", "192.168.1.2:8000"} {
		d, err := Start(t.Context(), Options{Addr: addr})
		if err == nil {
			d.Close()
			t.Errorf("Start(%q) = nil error, want a refusal (loopback only)", addr)
			continue
		}
		if !strings.Contains(err.Error(), "loopback") {
			t.Errorf("Start(%q) error = %v, want it to say loopback", addr, err)
		}
	}
	for _, addr := range []string{"127.0.0.1:0", "localhost:0"} {
		d, err := Start(t.Context(), Options{Addr: addr})
		if err != nil {
			t.Errorf("Start(%q): %v", addr, err)
			continue
		}
		d.Close()
	}
}
