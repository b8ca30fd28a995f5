// Package demo serves bundled demo marketplaces on loopback so that a new
// user, or an end-to-end test, can watch precwatch crawl, match and ticket
// realistic offers without touching the internet.
//
// Three platforms of different shapes are served, each on its own listener:
//
//   - ChemHub, a B2B catalog: paginated index pages (/catalog?page=N) link
//     to detail pages (/product/ID);
//   - Bazaar Classifieds: several inline cards per page (/ads?page=N), with
//     a Chinese section (/zh/ads?page=N) served in GBK;
//   - Tradeport, a JSON feed (/api/listings?page=N) with a nested seller.
//
// The listings (more than 300 in nine languages) are generated
// deterministically from embedded phrase banks plus a hand-written set of
// traps, obfuscations and shared contacts; Labels says which of them the
// ticket policy of DESIGN.md calls suspicious. Options.Variant 1 serves a
// later state of the same sites (changed, removed and new listings) so that
// tests can check re-crawls.
package demo

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/precwatch/precwatch"
)

// Options configure Start.
type Options struct {
	// Addr is the listen address of each site, on loopback (127.0.0.0/8,
	// ::1 or localhost; any other host is refused: the demo marketplaces
	// sell fictional precursors and must not be reachable from the
	// network). Default "127.0.0.1:0": each site gets its own free port.
	// With a fixed port P the sites listen on P, P+1 and P+2 in the order
	// of Sites.
	Addr string
	// Logger receives one line per request at debug level; nil discards.
	Logger *slog.Logger
	// Variant selects the state of the marketplaces: 0 is the default; 1
	// has some listings changed, a few removed (404 on their detail pages and
	// gone from the index) and a few new.
	Variant int
}

// Site is one running demo marketplace.
type Site struct {
	Name     string // target name, e.g. "chemhub"
	Platform string // platform display name, e.g. "ChemHub"
	URL      string // base URL, e.g. "http://127.0.0.1:41234"
}

// Demo is a set of running demo marketplaces. Its methods are safe for
// concurrent use.
type Demo struct {
	log      *slog.Logger
	sites    []Site
	handlers []*site
	servers  []*http.Server

	mu      sync.Mutex
	variant int
	wg      sync.WaitGroup
	stop    context.CancelFunc

	closeOnce sync.Once
	closeErr  error
}

// loopbackHost reports whether host (of a listen address) is a loopback
// address or localhost.
func loopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// site keys in the order they are served.
var siteKeys = []string{keyChemHub, keyBazaar, keyTradeport}

// Start listens on loopback and serves every demo site until ctx is done or
// Close is called. It fails if the variant is unknown, the address is not a
// loopback one or a listener cannot be opened.
func Start(ctx context.Context, opts Options) (*Demo, error) {
	listings, err := variantListings(opts.Variant)
	if err != nil {
		return nil, err
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	addr := opts.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("demo address %q: %w", addr, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil || port < 0 || port > 65535-len(siteKeys) {
		return nil, fmt.Errorf("demo address %q: invalid port", addr)
	}
	if !loopbackHost(host) {
		return nil, fmt.Errorf("demo address %q: the demo marketplaces listen on loopback only (127.0.0.1, ::1 or localhost)", addr)
	}

	d := &Demo{variant: opts.Variant, log: log}
	var lns []net.Listener
	for i, key := range siteKeys {
		p := 0
		if port != 0 {
			p = port + i
		}
		ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(p)))
		if err != nil {
			for _, l := range lns {
				l.Close()
			}
			return nil, fmt.Errorf("demo site %s: listen: %w", key, err)
		}
		lns = append(lns, ln)
		d.sites = append(d.sites, Site{Name: key, Platform: platformNames[key], URL: "http://" + ln.Addr().String()})
	}

	for i, key := range siteKeys {
		h := newSite(key, listings, log)
		d.handlers = append(d.handlers, h)
		srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
		d.servers = append(d.servers, srv)
		ln := lns[i]
		d.wg.Go(func() {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Error("demo site stopped", "site", key, "err", err)
			}
		})
	}
	ctx, d.stop = context.WithCancel(ctx)
	d.wg.Go(func() {
		<-ctx.Done()
		d.shutdown()
	})
	log.Info("demo marketplaces started", "variant", opts.Variant,
		"chemhub", d.sites[0].URL, "bazaar", d.sites[1].URL, "tradeport", d.sites[2].URL)
	return d, nil
}

// shutdown closes every server, waiting briefly for requests in flight.
func (d *Demo) shutdown() {
	d.closeOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var errs []error
		for _, s := range d.servers {
			if err := s.Shutdown(ctx); err != nil {
				errs = append(errs, err)
				s.Close()
			}
		}
		d.closeErr = errors.Join(errs...)
	})
}

// Close stops every site and waits for its goroutines to end.
func (d *Demo) Close() error {
	d.stop()
	d.wg.Wait()
	d.shutdown()
	if d.closeErr != nil {
		return fmt.Errorf("close demo: %w", d.closeErr)
	}
	return nil
}

// Sites returns the running sites in a fixed order: ChemHub, Bazaar
// Classifieds, Tradeport.
func (d *Demo) Sites() []Site {
	out := make([]Site, len(d.sites))
	copy(out, d.sites)
	return out
}

// Variant returns the variant the sites serve.
func (d *Demo) Variant() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.variant
}

// SetVariant switches every site to variant v while they keep serving on
// the same URLs, so that a test can crawl, change the marketplaces and
// re-crawl the same targets. Requests in flight finish with the old
// content.
func (d *Demo) SetVariant(v int) error {
	listings, err := variantListings(v)
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, h := range d.handlers {
		h.load(listings)
	}
	d.variant = v
	d.log.Info("demo marketplaces switched", "variant", v)
	return nil
}

// Label is the ground truth for one served demo listing under the ticket
// policy of DESIGN.md.
type Label struct {
	Platform   string `json:"platform"`   // platform display name
	Target     string `json:"target"`     // target name of the site
	ListingID  string `json:"listing_id"` // id as the demo target extracts it
	URLPath    string `json:"url_path"`   // path of the listing URL on its site
	Title      string `json:"title"`      // title as served
	Suspicious bool   `json:"suspicious"` // should become a ticket
	// CAS holds the primary CAS of each offered (not negated) substance.
	// Clean Table II, retail-medicine and reagent offers carry it too (they
	// are hits without a ticket); traps, news and legit goods have none.
	CAS      []string `json:"cas"`
	Lang     string   `json:"lang"`
	Category string   `json:"category"` // one of the Category constants
}

// Labels returns the labels of the default variant, in serving order.
func Labels() []Label { return VariantLabels(0) }

// VariantLabels returns the labels of the listings served in variant v
// (nil for an unknown variant).
func VariantLabels(v int) []Label {
	ls, err := variantListings(v)
	if err != nil {
		return nil
	}
	out := make([]Label, 0, len(ls))
	for _, l := range ls {
		cas := append([]string{}, l.CAS...)
		out = append(out, Label{
			Platform: platformNames[l.Platform], Target: l.Platform, ListingID: l.ID,
			URLPath: listingPath(&l), Title: l.Title, Suspicious: l.Suspicious, CAS: cas,
			Lang: l.Lang, Category: l.Category,
		})
	}
	return out
}

// Diff lists the listing ids (Label.ListingID) that differ between two
// variants.
type Diff struct {
	Added   []string `json:"added"`   // served in the later variant only
	Removed []string `json:"removed"` // served in the earlier variant only (404 in the later)
	Changed []string `json:"changed"` // served in both with different content
}

// VariantDiff returns what changes from variant from to variant to, in
// serving order. It fails for an unknown variant.
func VariantDiff(from, to int) (Diff, error) {
	a, err := variantListings(from)
	if err != nil {
		return Diff{}, err
	}
	b, err := variantListings(to)
	if err != nil {
		return Diff{}, err
	}
	inA := map[string]*listing{}
	for i := range a {
		inA[a[i].ID] = &a[i]
	}
	inB := map[string]bool{}
	var d Diff
	for i := range b {
		l := &b[i]
		inB[l.ID] = true
		old, ok := inA[l.ID]
		switch {
		case !ok:
			d.Added = append(d.Added, l.ID)
		case !sameListing(old, l):
			d.Changed = append(d.Changed, l.ID)
		}
	}
	for _, l := range a {
		if !inB[l.ID] {
			d.Removed = append(d.Removed, l.ID)
		}
	}
	return d, nil
}

func sameListing(a, b *listing) bool {
	return a.Title == b.Title && a.Description == b.Description && a.Price == b.Price &&
		a.Currency == b.Currency && a.Seller == b.Seller && a.Location == b.Location
}

// listingPath is the path of a listing's own URL on its site.
func listingPath(l *listing) string {
	switch l.Platform {
	case keyChemHub:
		return "/product/" + l.ID
	case keyBazaar:
		return "/ad/" + l.ID
	default:
		return "/item/" + l.ID
	}
}

// Targets returns a ready-to-crawl target for each site.
func (d *Demo) Targets() []precwatch.Target {
	var out []precwatch.Target
	for _, s := range d.sites {
		out = append(out, targetFor(s))
	}
	return out
}

func targetFor(s Site) precwatch.Target {
	t := precwatch.Target{
		Name: s.Name, Platform: s.Platform, Kind: precwatch.KindHTML,
		Schedule:             "@every 6h",
		AllowPrivateNetworks: true,
		RespectRobotsTxt:     true,
		MaxPages:             1000,
		Parallelism:          4,
		Delay:                0,
		Timeout:              10 * time.Second,
		UserAgent:            "precwatch-demo/1.0",
		MaxBodyBytes:         10 << 20,
		MaxRetries:           3,
	}
	switch s.Name {
	case keyChemHub:
		t.StartURLs = []string{s.URL + "/catalog?page=1"}
		t.Follow = []string{"a.product-link"}
		t.NextPage = []string{"a.next"}
		t.Listing = precwatch.ListingSpec{
			URLPattern: "/product/",
			Item:       "div.product",
			Fields: map[string]string{
				"id": "@data-id", "title": "h1", "description": ".description",
				"price": ".price", "seller": ".seller", "location": ".origin",
			},
		}
	case keyBazaar:
		t.StartURLs = []string{s.URL + "/ads?page=1", s.URL + "/zh/ads?page=1"}
		t.NextPage = []string{"a.next"}
		t.Listing = precwatch.ListingSpec{
			Item: "div.ad-card",
			Fields: map[string]string{
				"id": "@data-id", "url": "a.title@href", "title": "a.title",
				"description": "p.body", "price": ".price", "seller": ".seller", "location": ".city",
			},
		}
	case keyTradeport:
		t.Kind = precwatch.KindJSON
		t.StartURLs = []string{s.URL + "/api/listings?page=1"}
		t.JSON = precwatch.JSONSpec{
			Items: "items", NextPage: "next",
			Fields: map[string]string{
				"id": "id", "url": "link", "title": "title", "description": "body",
				"price": "price.amount", "seller": "seller.name", "location": "seller.country",
			},
		}
	}
	return t
}
