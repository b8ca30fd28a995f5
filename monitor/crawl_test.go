package monitor

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/tickets"
)

// realCrawler adapts the real crawler to the monitor, as cmd/precwatch's
// crawlAdapter does (without recording runs in the store).
type realCrawler struct{ c *crawler.Crawler }

func (rc realCrawler) Crawl(ctx context.Context, t precwatch.Target, each func(context.Context, precwatch.Listing) error) (*Run, error) {
	r, err := rc.c.Run(ctx, t, crawler.SinkFunc(each))
	if r == nil {
		return nil, err
	}
	return &Run{ID: r.ID, Target: r.Target, Started: r.Started, Finished: r.Finished, Complete: r.Complete,
		Resumed: r.Resumed, Gone: r.Gone, Pages: r.Pages, Listings: r.Listings, Errors: r.Errors,
		ErrorsByKind: r.ErrorsByKind}, err
}

// shop is a fixture marketplace on loopback: a catalog page linking to one
// detail page per listing. A listing in gone is linked but answers 404.
type shop struct {
	mu       sync.Mutex
	listings map[string]precwatch.Listing
	gone     map[string]bool
}

func (s *shop) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	switch {
	case r.URL.Path == "/catalog":
		ids := make([]string, 0, len(s.listings))
		for id := range s.listings {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		fmt.Fprint(w, "<html><body><h1>Catalog</h1>")
		for _, id := range ids {
			fmt.Fprintf(w, `<a class="product-link" href="/product/%s">%s</a>`, id, html.EscapeString(s.listings[id].Title))
		}
		fmt.Fprint(w, "</body></html>")
	case strings.HasPrefix(r.URL.Path, "/product/"):
		id := strings.TrimPrefix(r.URL.Path, "/product/")
		l, ok := s.listings[id]
		if !ok || s.gone[id] {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(w, `<html><body><div class="product" data-id="%s"><h1>%s</h1><p class="description">%s</p>`+
			`<span class="price">%s</span><span class="seller">%s</span></div></body></html>`,
			id, html.EscapeString(l.Title), html.EscapeString(l.Description), html.EscapeString(l.Price), html.EscapeString(l.Seller))
	default:
		http.NotFound(w, r)
	}
}

// TestRunTargetRealCrawler runs the pipeline with the real crawler against
// a loopback marketplace: tickets and index entries after the first crawl;
// after the second, unchanged listings only seen, a 404 listing and an
// unlinked one removed.
func TestRunTargetRealCrawler(t *testing.T) {
	site := &shop{listings: map[string]precwatch.Listing{"bmk": lBMK, "toluene": lToluene, "chair": lChair}, gone: map[string]bool{}}
	srv := httptest.NewServer(site)
	defer srv.Close()
	dir := t.TempDir()
	c, err := crawler.New(crawler.Options{DataDir: dir, RetryBase: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	store, err := tickets.Open(filepath.Join(dir, "precwatch.db"), tickets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	idx, err := index.Open(filepath.Join(dir, "index.bleve"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	mon := New(realCrawler{c}, mustMatcher(t), idx, storeAdapter{store}, Options{})
	tg := precwatch.Target{
		Name: "shop", Platform: "Shop", Kind: precwatch.KindHTML,
		StartURLs: []string{srv.URL + "/catalog"}, AllowPrivateNetworks: true, UserAgent: "precwatch-test/1.0",
		MaxPages: 100, Parallelism: 2, Timeout: 2 * time.Second, MaxRetries: 1,
		Follow: []string{"a.product-link"},
		Listing: precwatch.ListingSpec{URLPattern: "/product/", Item: "div.product", Fields: map[string]string{
			"id": "@data-id", "title": "h1", "description": ".description", "price": ".price", "seller": ".seller"}},
	}
	ctx := context.Background()
	sum, err := mon.RunTarget(ctx, tg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Listings != 3 || sum.Hits != 2 || sum.Tickets != 1 || !sum.Run.Complete {
		t.Errorf("first crawl: %+v (run %+v), want 3 listings, 2 hits, 1 ticket, complete", sum, sum.Run)
	}
	ts, err := store.Tickets(ctx, tickets.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 1 || ts[0].ListingID != "bmk" || ts[0].ListingURL != srv.URL+"/product/bmk" || ts[0].Target != "shop" {
		t.Fatalf("first crawl: tickets %+v, want one for bmk at %s/product/bmk", ts, srv.URL)
	}
	if got := searchIDs(t, idx, "*"); !slices.Equal(sortedCopy(got), []string{"bmk", "toluene"}) {
		t.Errorf("first crawl: indexed %v, want [bmk toluene]", got)
	}

	// toluene answers 404 although linked; chair is no longer linked.
	site.mu.Lock()
	site.gone["toluene"] = true
	delete(site.listings, "chair")
	site.mu.Unlock()
	sum, err = mon.RunTarget(ctx, tg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Listings != 1 || sum.Unchanged != 1 || sum.Tickets != 0 || sum.Removed != 2 || !sum.Run.Complete {
		t.Errorf("second crawl: %+v (run %+v), want 1 unchanged listing, 2 removed, complete", sum, sum.Run)
	}
	for id, want := range map[string]string{"bmk": precwatch.ListingActive, "toluene": precwatch.ListingRemoved, "chair": precwatch.ListingRemoved} {
		st, err := store.ListingState(ctx, "Shop", id)
		if err != nil {
			t.Fatalf("listing %s: %v", id, err)
		}
		if st.Status != want {
			t.Errorf("second crawl: listing %s %q, want %q", id, st.Status, want)
		}
	}
	if n, err := store.CountTickets(ctx, tickets.Filter{}); err != nil || n != 1 {
		t.Errorf("second crawl: %d tickets (%v), want 1", n, err)
	}
}

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
