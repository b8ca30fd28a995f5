package monitor

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/internal/testutil"
	"github.com/precwatch/precwatch/matchers"
	"github.com/precwatch/precwatch/tickets"
)

// clock is a fake clock that tests move by hand. It is safe for concurrent
// use.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock {
	return &clock{now: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return c.now
}

// replayCrawler is a Crawler that hands a fixed list of listings to the
// pipeline, from several goroutines at once as the real crawler does, with
// ContentHash set as the crawler sets it.
type replayCrawler struct {
	now func() time.Time

	mu       sync.Mutex
	listings []precwatch.Listing
	gone     []string
	complete bool
	// before, if set, is called before each listing is handed over; an
	// error from it ends the crawl (as a cancelled context does).
	before func(ctx context.Context, i int) error
	// hold, if set, is waited for (ignoring ctx) before the crawl returns.
	hold chan struct{}

	entered  chan string // receives the target name when a crawl starts, if set and not full
	calls    atomic.Int32
	active   atomic.Int32
	maxAct   atomic.Int32
	finished atomic.Int32
}

func (c *replayCrawler) set(ls []precwatch.Listing, gone []string, complete bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.listings, c.gone, c.complete = slices.Clone(ls), slices.Clone(gone), complete
}

func (c *replayCrawler) Crawl(ctx context.Context, t precwatch.Target, each func(context.Context, precwatch.Listing) error) (*Run, error) {
	c.calls.Add(1)
	n := c.active.Add(1)
	for {
		m := c.maxAct.Load()
		if n <= m || c.maxAct.CompareAndSwap(m, n) {
			break
		}
	}
	defer c.active.Add(-1)
	defer c.finished.Add(1)
	if c.entered != nil {
		select {
		case c.entered <- t.Name:
		default:
		}
	}
	if c.hold != nil {
		<-c.hold
	}
	c.mu.Lock()
	ls, gone, complete, before := slices.Clone(c.listings), slices.Clone(c.gone), c.complete, c.before
	c.mu.Unlock()
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	run := &Run{ID: "run-" + t.Name, Target: t.Name, Started: now(), ErrorsByKind: map[string]int{}}
	// Hand the listings over from 4 goroutines, as pages in parallel.
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		firstEr error
		next    atomic.Int32
	)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(ls) {
					return
				}
				err := ctx.Err()
				if err == nil && before != nil {
					err = before(ctx, i)
				}
				if err == nil {
					l := ls[i]
					l.FetchedAt = now()
					if l.ContentHash == "" {
						l.ContentHash = crawler.ContentHash(l)
					}
					err = each(ctx, l)
				}
				mu.Lock()
				if err != nil {
					if firstEr == nil {
						firstEr = err
					}
				} else {
					run.Listings++
				}
				mu.Unlock()
				if err != nil {
					return
				}
			}
		}()
	}
	wg.Wait()
	run.Finished = now()
	if firstEr != nil {
		return run, firstEr
	}
	run.Pages = len(ls)
	run.Complete = complete
	run.Gone = gone
	return run, nil
}

// storeAdapter gives the monitor the ticket store, as cmd/precwatch wires it.
type storeAdapter struct{ *tickets.Store }

func (s storeAdapter) Record(ctx context.Context, r precwatch.Result, at time.Time) (bool, error) {
	o, err := s.Store.Record(ctx, r, at)
	if err != nil {
		return false, err
	}
	return o.Created, nil
}

var (
	_ Crawler = (*replayCrawler)(nil)
	_ Store   = storeAdapter{}
	_ Indexer = (*index.Index)(nil)
	_ Matcher = (*matchers.Matcher)(nil)
)

var (
	baseMatcherOnce sync.Once
	baseMatcher     *matchers.Matcher
	baseMatcherErr  error
)

// mustMatcher returns a matcher over the built-in watchlist, compiled once
// per test binary.
func mustMatcher(tb testing.TB) *matchers.Matcher {
	tb.Helper()
	baseMatcherOnce.Do(func() {
		wl, err := matchers.LoadWatchlist()
		if err != nil {
			baseMatcherErr = err
			return
		}
		baseMatcher, baseMatcherErr = matchers.New(wl, matchers.Options{})
	})
	if baseMatcherErr != nil {
		tb.Fatal(baseMatcherErr)
	}
	return baseMatcher
}

// pipeline is the real index and ticket store in a temporary directory with
// a replaying crawler and a fake clock.
type pipeline struct {
	dir     string
	clock   *clock
	crawler *replayCrawler
	matcher *matchers.Matcher
	index   *index.Index
	store   *tickets.Store
	mon     *Monitor

	obsMu    sync.Mutex
	observed map[string]bool // listing id -> unchanged, of the last run
	notified atomic.Int32
	logs     syncBuffer // the monitor's log
}

func mustOpenPipeline(tb testing.TB) *pipeline {
	tb.Helper()
	p := &pipeline{dir: tb.TempDir(), clock: newClock(), observed: map[string]bool{}}
	p.crawler = &replayCrawler{now: p.clock.Now}
	p.matcher = mustMatcher(tb)
	var err error
	if p.store, err = tickets.Open(filepath.Join(p.dir, "precwatch.db"), tickets.Options{Now: p.clock.Now}); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { p.store.Close() })
	if p.index, err = index.Open(filepath.Join(p.dir, "index.bleve"), index.Options{Now: p.clock.Now}); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { p.index.Close() })
	p.mon = p.newMonitor(p.matcher)
	return p
}

// newMonitor returns a monitor over p's parts with matcher m.
func (p *pipeline) newMonitor(m Matcher) *Monitor {
	return New(p.crawler, m, p.index, storeAdapter{p.store}, Options{
		Logger:    bufferLogger(&p.logs),
		Now:       p.clock.Now,
		BatchSize: 3,
		BatchWait: 5 * time.Millisecond,
		Notify:    func(context.Context) { p.notified.Add(1) },
		Observe: func(r precwatch.Result, unchanged bool) {
			p.obsMu.Lock()
			defer p.obsMu.Unlock()
			p.observed[r.Listing.ID] = unchanged
		},
	})
}

// run runs the target once with the given listings after moving the clock.
func (p *pipeline) run(tb testing.TB, ls []precwatch.Listing, gone []string, complete bool) *Summary {
	tb.Helper()
	p.clock.Advance(time.Hour)
	p.crawler.set(ls, gone, complete)
	p.obsMu.Lock()
	p.observed = map[string]bool{}
	p.obsMu.Unlock()
	sum, err := p.mon.RunTarget(context.Background(), testTarget, nil)
	if err != nil {
		tb.Fatalf("RunTarget: %v", err)
	}
	return sum
}

// ticket returns the ticket of a listing, or nil.
// loseIndex deletes the pipeline's index, as a lost disk or a restore
// without it would, and opens a new empty one in its place.
func (p *pipeline) loseIndex(tb testing.TB) {
	tb.Helper()
	path := filepath.Join(p.dir, "index.bleve")
	if err := p.index.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.RemoveAll(path); err != nil {
		tb.Fatal(err)
	}
	idx, err := index.Open(path, index.Options{Now: p.clock.Now})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { idx.Close() })
	p.index = idx
}

func (p *pipeline) ticket(tb testing.TB, listingID string) *precwatch.Ticket {
	tb.Helper()
	ts, err := p.store.Tickets(context.Background(), tickets.Filter{})
	if err != nil {
		tb.Fatal(err)
	}
	var found *precwatch.Ticket
	for i := range ts {
		if ts[i].ListingID == listingID {
			if found != nil {
				tb.Fatalf("two tickets for listing %s: %d and %d", listingID, found.ID, ts[i].ID)
			}
			found = &ts[i]
		}
	}
	return found
}

func (p *pipeline) ticketCount(tb testing.TB) int {
	tb.Helper()
	n, err := p.store.CountTickets(context.Background(), tickets.Filter{})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

func (p *pipeline) pending(tb testing.TB) int {
	tb.Helper()
	n, err := p.store.PendingCount(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// search returns the listing ids the index finds for q, sorted.
func (p *pipeline) search(tb testing.TB, q string) []string {
	tb.Helper()
	res, err := p.index.Search(context.Background(), index.Query{Query: q, Size: index.MaxSize})
	if err != nil {
		tb.Fatalf("search %q: %v", q, err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ListingID)
	}
	slices.Sort(ids)
	return ids
}

func (p *pipeline) indexed(tb testing.TB, listingID string) bool {
	tb.Helper()
	return len(p.search(tb, "listing_id:"+listingID)) > 0
}

func (p *pipeline) state(tb testing.TB, listingID string) *tickets.ListingState {
	tb.Helper()
	st, err := p.store.ListingState(context.Background(), testTarget.Platform, listingID)
	if err != nil {
		tb.Fatalf("listing state %s: %v", listingID, err)
	}
	return st
}

var testTarget = precwatch.Target{Name: "testmart", Platform: "TestMart", Kind: precwatch.KindHTML}

// Listings of the fixture marketplace. The matcher's verdicts (checked by
// TestFixtureVerdicts): bmk and safrole are suspicious, toluene is a hit
// without a ticket (Table II, no indicator), chair and zorb have no hit.
func listing(id, title, desc string) precwatch.Listing {
	return precwatch.Listing{ID: id, URL: "https://testmart.example/p/" + id, Title: title, Description: desc,
		Price: "100 USD", Seller: "seller-" + strings.ToLower(id)}
}

var (
	lBMK     = listing("bmk", "BMK glycidate CAS 5449-12-7, 1 kg", "High purity. Contact wickr: chemguy77. Discreet packaging.")
	lSafrole = listing("safrole", "Safrole oil 5 L", "Pure safrole, customs pass guaranteed, telegram @oilman")
	lToluene = listing("toluene", "Toluene 1 L, lab grade", "Solvent for laboratories. Invoice with VAT.")
	lChair   = listing("chair", "Ergonomic office chair", "Black mesh, adjustable armrests.")
	lZorb    = listing("zorb", "Zorblatine powder 500 g", "Fine crystalline powder, fast shipping.")
)

func fixture() []precwatch.Listing {
	return []precwatch.Listing{lBMK, lSafrole, lToluene, lChair, lZorb}
}

// syncBuffer is a bytes.Buffer safe for concurrent use, for captured logs.
type syncBuffer = testutil.SyncBuffer

func bufferLogger(b *syncBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// eventually polls cond every few milliseconds until it holds or 5 s pass.
func eventually(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Changed versions of fixture listings: bmk offers more, toluene's
// successor offers nothing, and the chair now comes with acetone and risk
// indicators.
var (
	bmk2 = func() precwatch.Listing { l := lBMK; l.Title = "BMK glycidate CAS 5449-12-7, 5 kg"; return l }()
	tol2 = func() precwatch.Listing {
		l := lToluene
		l.Title, l.Description = "Paint thinner 1 L", "Solvent for paint. Invoice with VAT."
		return l
	}()
	chair2 = func() precwatch.Listing {
		l := lChair
		l.Description = "Black mesh. Bonus: 1 L acetone 99.5% for cleaning, shipped in discreet packaging, no questions asked."
		return l
	}()
)
