package crawler

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestSoftNotFoundSellerTitles crawls a loopback shop (no listing.item, no
// listing.gone, no structured data) twice. On the second crawl three
// sellers have reworded their titles with not-found phrases ("… - not
// found cheaper anywhere", "… | no longer available in shops", "… has been
// removed"), their descriptions and prices unchanged: the listings are
// still delivered under the new titles and are not gone. Two listings
// taken down and answered by the shop's not-found page with status 200
// (a soft 404) are gone, and the run is complete. Before, a title alone
// made the page a soft 404: the seller's listing was never delivered and
// went into Run.Gone, so its ticket was marked removed.
func TestSoftNotFoundSellerTitles(t *testing.T) {
	var round atomic.Int32
	round.Store(1)
	page := func(title, h1, desc, price string) string {
		return fmt.Sprintf(`<html><head><title>%s</title></head><body><nav><a href="/catalog">Shop</a></nav><h1>%s</h1><p class="d">%s</p><span class="price">%s</span></body></html>`, title, h1, desc, price)
	}
	type offer struct{ title, desc, price, title2 string }
	offers := map[string]offer{
		"/offer/1": {"BMK glycidate 5449-12-7", "Stealth shipping worldwide, Telegram @bmkdealer", "€450", "BMK glycidate 5449-12-7 - not found cheaper anywhere"},
		"/offer/2": {"PMK oil", "No paperwork, Wickr: pmkoil, pay in XMR", "€900", "PMK oil | no longer available in shops"},
		"/offer/3": {"Safrole oil", "Sassafras-free, 99%, discreet packaging", "€300", "Safrole oil - customs risk has been removed"},
		"/offer/4": {"Acetone 5 l", "Lab grade acetone, 5 litre can", "€20", ""},
		"/offer/5": {"Toluene 1 l", "Reagent grade toluene, glass bottle", "€15", ""},
	}
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		n := round.Load()
		switch p := r.URL.Path; {
		case p == "/catalog":
			fmt.Fprint(w, `<html><body><a class="o" href="/offer/1">1</a> <a class="o" href="/offer/2">2</a> <a class="o" href="/offer/3">3</a> <a class="o" href="/offer/4">4</a> <a class="o" href="/offer/5">5</a></body></html>`)
		case p == "/offer/4" && n == 2:
			fmt.Fprint(w, page("Page not found | ChemShop", "Oops!", "We could not find that page. Try our solvents.", ""))
		case p == "/offer/5" && n == 2:
			fmt.Fprint(w, page("ChemShop", "This listing has ended", "Sorry, this listing has ended. Browse similar items.", ""))
		default:
			o, ok := offers[p]
			if !ok {
				http.NotFound(w, r)
				return
			}
			title := o.title
			if n == 2 && o.title2 != "" {
				title = o.title2
			}
			fmt.Fprint(w, page(title+" | ChemShop", title, o.desc, o.price))
		}
	}))
	tg := loopbackTarget("chemshop", srv.URL+"/catalog")
	tg.Follow = []string{"a.o"}
	tg.Listing = precwatch.ListingSpec{Fields: map[string]string{"title": "h1", "description": "p.d", "price": ".price"}}
	c := mustCrawler(t, Options{})

	sink := &collector{}
	res, err := c.Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); !res.Complete || len(got) != 5 || len(res.Gone) != 0 {
		t.Fatalf("crawl 1: complete %v, titles %q, gone %q; want complete, 5 listings, none gone", res.Complete, got, res.Gone)
	}

	round.Store(2)
	sink = &collector{}
	res, err = c.Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	wantTitles := []string{offers["/offer/1"].title2, offers["/offer/3"].title2, offers["/offer/2"].title2}
	slices.Sort(wantTitles)
	if got := sink.titles(); !slices.Equal(got, wantTitles) {
		t.Errorf("crawl 2: titles %q, want %q (errors %v)", got, wantTitles, res.ErrorsByKind)
	}
	for _, l := range sink.listings {
		if l.Description == "" || l.Price == "" {
			t.Errorf("crawl 2: listing %s has description %q price %q, want both", l.URL, l.Description, l.Price)
		}
	}
	wantGone := []string{srv.URL + "/offer/4", srv.URL + "/offer/5"}
	gone := slices.Sorted(slices.Values(res.Gone))
	if !res.Complete || !slices.Equal(gone, wantGone) || res.ErrorsByKind[KindGone] != 2 {
		t.Errorf("crawl 2: complete %v, gone %q, errors %v; want complete, gone %q (the soft 404s only)", res.Complete, gone, res.ErrorsByKind, wantGone)
	}
}
