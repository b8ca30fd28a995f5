// Package monitor runs the precwatch pipeline: crawl → match → index →
// ticket → notify, for one target on demand or for every target on its cron
// schedule.
//
// The pipeline is crash-consistent and idempotent: every step is keyed by
// the listing's platform, id and content hash, and the ticket store's record
// of a listing is written last. A process killed between any two steps and
// run again repeats the unfinished steps (re-indexing is an overwrite) and
// skips the finished ones, so no ticket or index entry is lost or doubled.
//
// Monitor sees root types and the small interfaces declared here only; the
// command wires the concrete crawler, matcher, index and store.
package monitor

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/precwatch/precwatch"
)

// Run is the outcome of one crawl of a target.
type Run struct {
	ID           string
	Record       int64 // the store's record of the run (0: none), for HoldEmptyRun
	Target       string
	Started      time.Time // start of the run, also when it was resumed
	Finished     time.Time
	Complete     bool     // the frontier was exhausted: listings not seen are gone
	Resumed      bool     // the run continued an interrupted one
	Gone         []string // listing URLs that answered 404 or 410
	Pages        int
	Listings     int
	Errors       int
	ErrorsByKind map[string]int
	StartFailed  []PageFailure // start pages that failed: nothing behind them was read
	HitMax       bool          // max_pages stopped the run
	// Robots lists the listing pages robots.txt did not let the run read:
	// their listings are unknown, so a complete run leaves them as they were.
	Robots []string
	// RobotsNext lists the catalogue's next pages robots.txt did not let
	// the run read: the listings behind them are unknown (the run is not
	// complete).
	RobotsNext []string
	// OffDomainNext lists the catalogue's next pages on a host outside
	// the target's allowed domains, which were not followed: the
	// listings behind them are unknown (the run is not complete).
	OffDomainNext []string
}

// PageFailure is a page that was not read, with the crawler's error kind.
type PageFailure struct {
	URL  string
	Kind string
}

// Crawler crawls a target and hands each listing to each; a listing's page
// counts as done only when each has returned nil for all its listings.
type Crawler interface {
	Crawl(ctx context.Context, t precwatch.Target, each func(context.Context, precwatch.Listing) error) (*Run, error)
}

// Matcher finds substances, indicators and observables in a listing; it is
// safe for concurrent use.
type Matcher interface {
	Match(l *precwatch.Listing) precwatch.Match
}

// Indexer stores listings with substance hits for search.
type Indexer interface {
	Put(ctx context.Context, rs []precwatch.Result, seenAt time.Time) error
	// PutDated indexes rs[i] with the stored dates firstSeen[i] and
	// lastSeen[i] rather than as seen now (a rescan sees nothing).
	PutDated(ctx context.Context, rs []precwatch.Result, firstSeen, lastSeen []time.Time) error
	Delete(ctx context.Context, platform, listingID string) error
}

// Store keeps listing state and tickets.
type Store interface {
	// Unchanged reports whether the listing is stored with this content hash.
	Unchanged(ctx context.Context, platform, listingID, contentHash string) (bool, error)
	// SeenBy bumps last_seen of an unchanged listing and the target's
	// claim on it.
	SeenBy(ctx context.Context, platform, listingID, target string, at time.Time) error
	// Resolve returns the identity a listing read under id at listingURL
	// is stored under (Record resolves it the same way): one offer is one
	// listing whether a target read its platform id or fell back to its URL.
	Resolve(ctx context.Context, platform, id, listingURL, seller string) (string, error)
	// FlaggedVersion reports whether the listing has a ticket raised for a
	// version other than contentHash (it was edited after it was flagged),
	// and returns that version when stored.
	FlaggedVersion(ctx context.Context, platform, listingID, contentHash string) (*precwatch.Result, bool, error)
	// Record stores the listing and its match and creates or updates its
	// ticket when suspicious, in one transaction. It reports whether a ticket
	// was created.
	Record(ctx context.Context, r precwatch.Result, at time.Time) (created bool, err error)
	MarkGone(ctx context.Context, platform string, urls []string, at time.Time) (int, error)
	// MarkMissing drops the target's claim on the listings it has not seen
	// since runStarted, except those at the URLs in keep, and marks those
	// no target claims any more removed.
	MarkMissing(ctx context.Context, platform, target string, runStarted, at time.Time, keep ...string) (int, error)
	// ListingsSeen calls fn for every stored listing last seen at or after
	// since, with its stored first and last seen.
	ListingsSeen(ctx context.Context, since time.Time, fn func(r precwatch.Result, firstSeen, lastSeen time.Time) error) error
	// Known reports whether a listing is stored under this platform and id.
	Known(ctx context.Context, platform, listingID string) (bool, error)
	// HoldEmptyRun records that a complete run of the target found no
	// listing. The first such run in a row while the target has active
	// listings keeps them: it returns how many, with a note that it also
	// writes on the run's record (run, 0: none). A later one in a row
	// returns 0 (and a note while there are listings to remove).
	HoldEmptyRun(ctx context.Context, platform, target string, run int64, at time.Time) (kept int, note string, err error)
	// ClearEmptyRuns ends the target's streak of empty complete runs.
	ClearEmptyRuns(ctx context.Context, platform, target string) error
}

// Options configure a Monitor.
type Options struct {
	Logger *slog.Logger
	Now    func() time.Time
	// Notify, if set, is called after each run so that new events leave the
	// outbox at once rather than at the next poll.
	Notify func(ctx context.Context)
	// BatchSize and BatchWait bound the group commit of index writes.
	BatchSize int
	BatchWait time.Duration
	// Observe, if set, sees every listing of a run with its match, unchanged
	// ones included (they are matched for it, not stored again). It is called
	// from several goroutines at once.
	Observe func(r precwatch.Result, unchanged bool)
}

// Monitor runs the pipeline. It is safe for concurrent use; two runs of the
// same target never overlap.
type Monitor struct {
	crawler Crawler
	matcher Matcher
	index   Indexer
	store   Store
	opts    Options

	mu      sync.Mutex
	running map[string]bool
}

// New returns a Monitor wiring the given parts.
func New(c Crawler, m Matcher, idx Indexer, s Store, opts Options) *Monitor {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 256
	}
	if opts.BatchWait <= 0 {
		opts.BatchWait = 20 * time.Millisecond
	}
	return &Monitor{crawler: c, matcher: m, index: idx, store: s, opts: opts, running: map[string]bool{}}
}

// ErrRunning is returned by RunTarget when the target is being crawled already.
var ErrRunning = errors.New("target is already running")

// Summary counts what one run of a target did.
type Summary struct {
	Target    string
	Platform  string
	Run       *Run
	Listings  int64 // listings handed over by the crawler
	Unchanged int64 // listings skipped because their content hash was stored
	Hits      int64 // listings seen with at least one offered substance (indexed)
	Flagged   int64 // suspicious listings seen in this run, changed or not
	Tickets   int64 // tickets created by this run
	Removed   int   // listings marked removed
	// Kept counts the stored listings a complete run that found no listing
	// kept rather than removed (the first such run in a row; see
	// Store.HoldEmptyRun), and Note says why; a second empty run in a
	// row removes them, with a Note saying so.
	Kept int
	Note string
	Err  error
}

// Counters lets a caller watch a run in progress (for a terminal display).
type Counters struct {
	Listings, Hits, Flagged, Tickets atomic.Int64
}

// RunTarget crawls t once to completion through the whole pipeline. A
// cancelled ctx stops the crawl at a checkpoint; the next RunTarget resumes it.
func (m *Monitor) RunTarget(ctx context.Context, t precwatch.Target, c *Counters) (*Summary, error) {
	if !m.acquire(t.Name) {
		return nil, fmt.Errorf("run %s: %w", t.Name, ErrRunning)
	}
	defer m.release(t.Name)
	return m.runTarget(ctx, t, c)
}

// acquire marks the named target running; it reports false if it was.
func (m *Monitor) acquire(name string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.running[name] {
		return false
	}
	m.running[name] = true
	return true
}

func (m *Monitor) release(name string) {
	m.mu.Lock()
	delete(m.running, name)
	m.mu.Unlock()
}

// runTarget is RunTarget for a target the caller has acquired.
func (m *Monitor) runTarget(ctx context.Context, t precwatch.Target, c *Counters) (*Summary, error) {
	if c == nil {
		c = &Counters{}
	}
	sum := &Summary{Target: t.Name, Platform: t.Platform}
	b := newBatcher(m.index, m.opts.BatchSize, m.opts.BatchWait)
	defer b.close()

	var unchanged atomic.Int64
	each := func(ctx context.Context, l precwatch.Listing) error {
		c.Listings.Add(1)
		if l.Platform == "" {
			l.Platform = t.Platform
		}
		if l.Target == "" {
			l.Target = t.Name
		}
		if err := m.identify(ctx, &l); err != nil {
			return err
		}
		stored, err := m.store.Resolve(ctx, l.Platform, l.ID, l.URL, l.Seller)
		if err != nil {
			return fmt.Errorf("listing %s: %w", l.ID, err)
		}
		now := m.opts.Now()
		if l.ContentHash != "" && stored == l.ID {
			same, err := m.store.Unchanged(ctx, l.Platform, l.ID, l.ContentHash)
			if err != nil {
				return fmt.Errorf("listing %s: %w", l.ID, err)
			}
			if same {
				// Stored already: only its sighting is new. The index
				// entry's last_seen moves too, so date searches find
				// offers that are still up.
				unchanged.Add(1)
				r := precwatch.Result{Listing: l, Match: m.matcher.Match(&l)}
				if r.Match.Offered() {
					c.Hits.Add(1)
					if err := b.put(ctx, r, now); err != nil {
						return fmt.Errorf("index listing %s: %w", l.ID, err)
					}
				}
				if r.Match.Suspicious {
					c.Flagged.Add(1)
				}
				if err := m.store.SeenBy(ctx, l.Platform, l.ID, l.Target, now); err != nil {
					return fmt.Errorf("listing %s: %w", l.ID, err)
				}
				if m.opts.Observe != nil {
					m.opts.Observe(r, true)
				}
				return nil
			}
		}
		created, offered, suspicious, err := m.process(ctx, b, l, stored, now)
		if err != nil {
			return err
		}
		if offered {
			c.Hits.Add(1)
		}
		if suspicious {
			c.Flagged.Add(1)
		}
		if created {
			c.Tickets.Add(1)
		}
		return nil
	}
	run, err := m.crawler.Crawl(ctx, t, each)
	if run == nil && err == nil {
		err = fmt.Errorf("crawler returned no run")
	}
	sum.Run = run
	sum.Listings, sum.Unchanged = c.Listings.Load(), unchanged.Load()
	sum.Hits, sum.Flagged, sum.Tickets = c.Hits.Load(), c.Flagged.Load(), c.Tickets.Load()
	if err != nil {
		sum.Err = err
		return sum, fmt.Errorf("crawl %s: %w", t.Name, err)
	}
	now := m.opts.Now()
	if len(run.Gone) > 0 {
		n, err := m.store.MarkGone(ctx, t.Platform, run.Gone, now)
		if err != nil {
			return sum, fmt.Errorf("mark gone listings of %s: %w", t.Name, err)
		}
		sum.Removed += n
	}
	empty := run.Listings == 0 && sum.Listings == 0
	if run.Complete && empty {
		// One complete run that finds nothing at all is more often a
		// crawl that no longer sees the offers (a redesign, a
		// maintenance page or login wall answering 200) than a platform
		// that took every offer down: the first in a row keeps them.
		kept, note, err := m.store.HoldEmptyRun(ctx, t.Platform, t.Name, run.Record, now)
		if err != nil {
			return sum, fmt.Errorf("empty run of %s: %w", t.Name, err)
		}
		sum.Kept, sum.Note = kept, note
		if kept > 0 {
			m.opts.Logger.Warn("complete run found no listings; stored listings kept, not removed (the next empty complete run removes them)",
				"target", t.Name, "kept", kept)
		}
	}
	if !empty {
		if err := m.store.ClearEmptyRuns(ctx, t.Platform, t.Name); err != nil {
			return sum, fmt.Errorf("run of %s: %w", t.Name, err)
		}
	}
	if run.Complete && sum.Kept == 0 {
		n, err := m.store.MarkMissing(ctx, t.Platform, t.Name, run.Started, now, run.Robots...)
		if err != nil {
			return sum, fmt.Errorf("mark missing listings of %s: %w", t.Name, err)
		}
		sum.Removed += n
		if empty && sum.Note != "" {
			m.opts.Logger.Warn("complete run found no listings again; stored listings removed",
				"target", t.Name, "removed", n)
		}
	}
	if m.opts.Notify != nil {
		m.opts.Notify(ctx)
	}
	m.opts.Logger.Info("run finished", "target", t.Name, "pages", run.Pages, "listings", sum.Listings,
		"unchanged", sum.Unchanged, "hits", sum.Hits, "tickets", sum.Tickets, "removed", sum.Removed,
		"kept", sum.Kept, "errors", run.Errors, "complete", run.Complete)
	return sum, nil
}

// process matches one listing, indexes it (under its stored identity) if it
// offers a substance, and records it. The record is the commit point of the
// listing.
//
// A listing edited into something that offers nothing is taken out of the
// index only when it has no ticket: a ticketed listing stays searchable as
// the version that was flagged (its ticket keeps that version as evidence,
// and regulators search for what was offered, not for the edit). A rescan
// that finds the flagged version itself no longer offers anything (the
// watchlist changed: our judgement, not the seller's edit) does take it out.
func (m *Monitor) process(ctx context.Context, b *batcher, l precwatch.Listing, stored string, now time.Time) (created, offered, suspicious bool, err error) {
	r := precwatch.Result{Listing: l, Match: m.matcher.Match(&l)}
	offered = r.Match.Offered()
	if offered {
		ir := r
		if stored != l.ID {
			ir.Listing.ID = stored
			if ir.Match.ID == l.ID {
				ir.Match.ID = stored
			}
		}
		if err := b.put(ctx, ir, now); err != nil {
			return false, false, false, fmt.Errorf("index listing %s: %w", l.ID, err)
		}
	} else {
		_, edited, err := m.store.FlaggedVersion(ctx, l.Platform, stored, l.ContentHash)
		if err != nil {
			return false, false, false, fmt.Errorf("listing %s: %w", l.ID, err)
		}
		if !edited {
			if err := m.index.Delete(ctx, l.Platform, stored); err != nil {
				return false, false, false, fmt.Errorf("unindex listing %s: %w", l.ID, err)
			}
		}
	}
	created, err = m.store.Record(ctx, r, now)
	if err != nil {
		return false, false, false, fmt.Errorf("record listing %s: %w", l.ID, err)
	}
	if m.opts.Observe != nil {
		m.opts.Observe(r, false)
	}
	return created, offered, r.Match.Suspicious, nil
}

// RescanSummary counts what a rescan did.
type RescanSummary struct {
	Listings int64 // stored listings re-matched
	Hits     int64 // of them with an offered substance
	Flagged  int64 // of them suspicious
	Changed  int64 // whose verdict changed and were stored and indexed again
	Tickets  int64 // tickets created
	// Reindexed counts the listings with an unchanged verdict that Reindex
	// put into the index again (always 0 for Rescan).
	Reindexed int64
}

// Rescan re-matches every stored listing last seen at or after since (after
// a watchlist change) and raises tickets for new hits. Only listings whose
// verdict changed are stored and indexed again.
func (m *Monitor) Rescan(ctx context.Context, since time.Time, progress func(RescanSummary)) (*RescanSummary, error) {
	return m.rescan(ctx, since, false, progress)
}

// Reindex is Rescan that also puts every stored listing offering a
// substance into the index again, its verdict changed or not: it rebuilds a
// lost, emptied or partly moved-aside index from the database, which is the
// source of truth. Unchanged listings are not stored again and raise no
// ticket events.
func (m *Monitor) Reindex(ctx context.Context, since time.Time, progress func(RescanSummary)) (*RescanSummary, error) {
	return m.rescan(ctx, since, true, progress)
}

func (m *Monitor) rescan(ctx context.Context, since time.Time, reindex bool, progress func(RescanSummary)) (*RescanSummary, error) {
	var s RescanSummary
	// A rescan sees nothing: what it indexes keeps the first and last seen
	// the database has (see Indexer.PutDated).
	type dated struct {
		r           precwatch.Result
		first, last time.Time
	}
	var pending []dated
	var reput []dated // unchanged hits to index again (reindex)
	flush := func() error {
		if len(pending) == 0 && len(reput) == 0 {
			return nil
		}
		now := m.opts.Now()
		var hits []precwatch.Result
		var firsts, lasts []time.Time
		for _, ds := range [][]dated{pending, reput} {
			for _, d := range ds {
				if d.r.Match.Offered() {
					hits = append(hits, d.r)
					firsts, lasts = append(firsts, d.first), append(lasts, d.last)
				}
			}
		}
		reput = reput[:0]
		if len(hits) > 0 {
			if err := m.index.PutDated(ctx, hits, firsts, lasts); err != nil {
				return fmt.Errorf("index: %w", err)
			}
		}
		for _, d := range pending {
			r := d.r
			if !r.Match.Offered() {
				// An edited listing's flagged version stays searchable
				// (see process).
				_, edited, err := m.store.FlaggedVersion(ctx, r.Listing.Platform, r.Listing.ID, r.Listing.ContentHash)
				if err != nil {
					return err
				}
				if !edited {
					if err := m.index.Delete(ctx, r.Listing.Platform, r.Listing.ID); err != nil {
						return fmt.Errorf("unindex %s: %w", r.Listing.ID, err)
					}
				}
			}
			created, err := m.store.Record(ctx, r, now)
			if err != nil {
				return fmt.Errorf("record %s: %w", r.Listing.ID, err)
			}
			if created {
				s.Tickets++
			}
		}
		pending = pending[:0]
		if progress != nil {
			progress(s)
		}
		return nil
	}
	// Matching is the costly part: it runs on every core over chunks of
	// stored listings; comparing and storing stay in order on this goroutine.
	var chunk []precwatch.Result
	var chunkSeen [][2]time.Time // first and last seen of chunk[i]
	matched := make([]precwatch.Match, 0, rescanChunk)
	scan := func() error {
		matched = matched[:len(chunk)]
		m.matchAll(chunk, matched)
		for i := range chunk {
			r := precwatch.Result{Listing: chunk[i].Listing, Match: matched[i]}
			s.Listings++
			if r.Match.Offered() {
				s.Hits++
			}
			if r.Match.Suspicious {
				s.Flagged++
			}
			if sameVerdict(&chunk[i].Match, &r.Match) {
				if !reindex {
					continue // the index and the ticket say this already
				}
				if !r.Match.Offered() {
					// A listing edited after it was flagged is
					// searchable as its flagged version (see process).
					fr, edited, err := m.store.FlaggedVersion(ctx, r.Listing.Platform, r.Listing.ID, r.Listing.ContentHash)
					if err != nil {
						return err
					}
					if !edited || fr == nil || !fr.Match.Offered() {
						continue
					}
					r = *fr
					r.Listing.ID, r.Listing.Platform = chunk[i].Listing.ID, chunk[i].Listing.Platform
				}
				s.Reindexed++
				reput = append(reput, dated{r, chunkSeen[i][0], chunkSeen[i][1]})
			} else {
				s.Changed++
				pending = append(pending, dated{r, chunkSeen[i][0], chunkSeen[i][1]})
			}
			if len(pending)+len(reput) >= m.opts.BatchSize {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		chunk, chunkSeen = chunk[:0], chunkSeen[:0]
		return nil
	}
	err := m.store.ListingsSeen(ctx, since, func(old precwatch.Result, first, last time.Time) error {
		chunk = append(chunk, old)
		chunkSeen = append(chunkSeen, [2]time.Time{first, last})
		if len(chunk) >= rescanChunk {
			return scan()
		}
		return nil
	})
	if err == nil {
		err = scan()
	}
	if err == nil {
		err = flush()
	}
	if err != nil {
		return &s, fmt.Errorf("rescan: %w", err)
	}
	if m.opts.Notify != nil {
		m.opts.Notify(ctx)
	}
	return &s, nil
}

// sameVerdict reports whether two matches of one listing say the same:
// the same substances with the same hits, indicators, observables, score
// and suspicion. Only a changed verdict is stored and indexed again.
func sameVerdict(a, b *precwatch.Match) bool {
	if a.Suspicious != b.Suspicious || a.Score != b.Score || len(a.Substances) != len(b.Substances) ||
		len(a.Indicators) != len(b.Indicators) || len(a.Observables) != len(b.Observables) ||
		len(a.Explain) != len(b.Explain) {
		return false
	}
	for i := range a.Substances {
		x, y := &a.Substances[i], &b.Substances[i]
		if x.ID != y.ID || x.CAS != y.CAS || x.List != y.List || x.Negated != y.Negated || len(x.Hits) != len(y.Hits) {
			return false
		}
		for j := range x.Hits {
			if x.Hits[j] != y.Hits[j] {
				return false
			}
		}
	}
	for i := range a.Indicators {
		if a.Indicators[i] != b.Indicators[i] {
			return false
		}
	}
	for i := range a.Observables {
		if a.Observables[i] != b.Observables[i] {
			return false
		}
	}
	for i := range a.Explain {
		if a.Explain[i] != b.Explain[i] {
			return false
		}
	}
	return true
}

// rescanChunk is how many stored listings a rescan matches at once.
const rescanChunk = 1024

// matchAll matches rs[i].Listing into out[i] on every core.
func (m *Monitor) matchAll(rs []precwatch.Result, out []precwatch.Match) {
	workers := min(runtime.GOMAXPROCS(0), len(rs))
	if workers <= 1 {
		for i := range rs {
			out[i] = m.matcher.Match(&rs[i].Listing)
		}
		return
	}
	var wg sync.WaitGroup
	per := (len(rs) + workers - 1) / workers
	for lo := 0; lo < len(rs); lo += per {
		hi := min(lo+per, len(rs))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				out[i] = m.matcher.Match(&rs[i].Listing)
			}
		}()
	}
	wg.Wait()
}

// identify names a listing that the platform gives no id of its own (its
// id is its URL) by its URL without a trailing slash: /item/5 and /item/5/
// are the same listing on servers that answer both without redirecting
// (tracking parameters and redirects are resolved by the crawler already).
// A listing stored under the slashed form by an earlier precwatch keeps it.
func (m *Monitor) identify(ctx context.Context, l *precwatch.Listing) error {
	if l.ID != l.URL {
		return nil
	}
	id := identityURL(l.URL)
	if id == l.ID {
		return nil
	}
	known, err := m.store.Known(ctx, l.Platform, l.ID)
	if err != nil {
		return fmt.Errorf("listing %s: %w", l.ID, err)
	}
	if !known {
		l.ID = id
	}
	return nil
}

// identityURL is u without the trailing slashes of its path ("/" stays).
func identityURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || len(p.Path) <= 1 || !strings.HasSuffix(p.Path, "/") {
		return u
	}
	p.Path = strings.TrimRight(p.Path, "/")
	if p.Path == "" {
		p.Path = "/"
	}
	p.RawPath = ""
	return p.String()
}
