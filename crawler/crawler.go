// Package crawler fetches the pages of a partner's crawl target politely and
// hands the listings on them to a Sink.
//
// It is the only package that imports colly. Colly makes the requests; the
// frontier, per-host limits, robots.txt (with crawl-delay), retries with
// backoff and Retry-After, the body cap, the redirect policy, the SSRF guard
// (checked at connect time) and the resumable run state are ours. Every
// fetched page is kept as evidence, content-addressed. A failing page never
// stops a crawl: it is counted by kind and logged.
package crawler

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler/extract"
)

// Sink receives the listings of a crawl. Listing is called from several
// goroutines at once; a page is recorded as processed only after Listing
// returned nil for all its listings. After a crash the listings of the pages
// that were in flight may be delivered again (at least once), so a sink must
// be idempotent by (Target, ID, ContentHash), as the ticket store is.
type Sink interface {
	Listing(ctx context.Context, l precwatch.Listing) error
}

// SinkFunc adapts a function to the Sink interface.
type SinkFunc func(ctx context.Context, l precwatch.Listing) error

// Listing calls f.
func (f SinkFunc) Listing(ctx context.Context, l precwatch.Listing) error { return f(ctx, l) }

// Options configure a Crawler.
type Options struct {
	// DataDir holds run state (DataDir/crawl) and evidence (DataDir/evidence).
	DataDir string
	// Logger receives one line per failed page and per run; default discards.
	Logger *slog.Logger
	// Progress, if set, is called about twice a second during a run and once
	// at its end.
	Progress func(Stats)
	// LookupIP and DialContext replace DNS resolution and connecting (tests
	// inject recording fakes). The SSRF guard checks every resolved address
	// before DialContext is called.
	LookupIP    LookupFunc
	DialContext DialFunc
	// Now is the clock; default time.Now.
	Now func() time.Time
	// RetryBase is the first retry's backoff (doubled per attempt, capped at
	// 30s, with jitter); default 500ms.
	RetryBase time.Duration
}

// Crawler runs crawl targets. It is safe for concurrent use by several Runs of
// different targets.
type Crawler struct {
	opts     Options
	evidence *Evidence
	log      *slog.Logger
	own      ownAddrs
	maskKey  []byte // keys the digests that mask a site's secret-named values (redact.go)
}

// RefuseOwn makes every later connection of the crawler to addr (a
// "host:port" precwatch listens on: the server's --addr, the demo's UI)
// fail with ErrBlocked, whatever the target allows: a page there is
// precwatch's own API, UI or /metrics. A listener on 0.0.0.0 or [::] stands
// for the host's every address, a loopback one for every loopback address,
// at its port. It is safe for concurrent use, also while runs are in
// flight.
func (c *Crawler) RefuseOwn(addr string) error {
	ap, err := netip.ParseAddrPort(addr)
	if err != nil {
		host, port, serr := net.SplitHostPort(addr)
		if serr != nil {
			return fmt.Errorf("refuse own address %q: %w", addr, serr)
		}
		if host == "" || host == "localhost" {
			host = "127.0.0.1"
			if addr[0] == ':' {
				host = "0.0.0.0"
			}
		}
		if ap, err = netip.ParseAddrPort(net.JoinHostPort(host, port)); err != nil {
			return fmt.Errorf("refuse own address %q: %w", addr, err)
		}
	}
	c.own.add(ap)
	return nil
}

// Stats is a progress report of a running crawl.
type Stats struct {
	Target   string
	Pages    int
	Listings int
	Errors   int
	Queued   int
	Rate     float64 // pages per second in this session
}

// Run is the outcome of crawling one target.
type Run struct {
	ID       string
	Target   string
	Started  time.Time
	Finished time.Time
	// Complete means every page of the target was read: the frontier was
	// exhausted, without hitting max_pages, without being cancelled,
	// without a failed page (see Failed) or start page, without a next
	// page robots.txt disallows (RobotsNext) or one on another host
	// (OffDomainNext), and, if detail
	// pages or items were read, with at least one listing found. Only a
	// complete run shows that a listing it did not see is gone from the
	// platform.
	Complete     bool
	Pages        int
	Listings     int
	Errors       int
	ErrorsByKind map[string]int
	// Gone lists the listing (detail page) URLs that answered 404 or 410,
	// except those of listings the run read under another address (a page
	// whose rel=canonical names them).
	Gone []string
	// Resumed is true when the run continued an unfinished earlier one.
	Resumed bool
	// StartFailed lists the start pages that failed, whatever the error
	// (404 and robots.txt exclusions included): nothing behind them was
	// read, so the run is not complete.
	StartFailed []PageFailure
	// HitMax is true when max_pages stopped the run.
	HitMax bool
	// Robots lists the listing pages (by url_pattern, or followed detail
	// pages) that robots.txt did not let the run read. Their listings are
	// unknown, neither seen nor gone: they are not delivered, and a caller
	// that marks the listings a complete run did not see as removed must
	// leave the listings at these URLs as they were.
	Robots []string
	// RobotsNext lists the next pages of the catalogue (pagination)
	// that robots.txt did not let the run read: the listings behind them
	// are unknown, so the run is not complete (as when a start page is
	// disallowed). A listing that moved from page 1 to a disallowed page
	// 2 is still on the platform.
	RobotsNext []string
	// OffDomainNext lists the next pages of the catalogue (a next_page
	// link, rel="next", a feed's next page) that lie on a host outside
	// the target's allowed domains: they are not fetched, each counts
	// as an error of kind KindOffDomainNext, and the run is not complete,
	// since the listings behind them are unknown (a platform that moved
	// its pagination to another host still lists them).
	OffDomainNext []string
}

// PageFailure is a page that was not read, with its error kind (KindTimeout,
// "http-503", …).
type PageFailure struct {
	URL  string
	Kind string
}

var targetName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// New returns a Crawler storing its state and evidence under opts.DataDir.
func New(opts Options) (*Crawler, error) {
	if opts.DataDir == "" {
		return nil, errors.New("new crawler: no data dir")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.RetryBase <= 0 {
		opts.RetryBase = 500 * time.Millisecond
	}
	key, err := loadMaskKey(opts.DataDir)
	if err != nil {
		return nil, fmt.Errorf("new crawler: %w", err)
	}
	ev, err := OpenEvidence(filepath.Join(opts.DataDir, "evidence"))
	if err != nil {
		return nil, fmt.Errorf("new crawler: %w", err)
	}
	return &Crawler{opts: opts, evidence: ev, log: opts.Logger, maskKey: key}, nil
}

// Close closes the crawler's evidence store. Runs must have returned.
func (c *Crawler) Close() error { return c.evidence.Close() }

// Evidence returns the crawler's evidence store.
func (c *Crawler) Evidence() *Evidence { return c.evidence }

// run is the state of one session of a run.
type run struct {
	c       *Crawler
	t       *precwatch.Target
	sink    Sink
	f       *fetcher
	j       *journal
	lim     *limiter
	pattern *regexp.Regexp
	mask    *masker // masks the secrets of what leaves the run (redact.go)
	// masked maps a masked listing URL to the seenKey of the real one
	// (noteMasked), "" once a collision was warned of.
	masked map[string]string

	mu    sync.Mutex
	cond  *sync.Cond
	queue []item
	head  int
	seen  map[string]struct{}
	ids   map[string]struct{} // IDs of the listings delivered in this session
	// delivering holds the ID and URL of the listings handed to the
	// sink in this session, claimed before the sink is called (ids is
	// filled only when a page is recorded): one product read under two
	// addresses that name the same canonical URL (a shop linking it from
	// two categories) is delivered once.
	delivering map[string]struct{}
	// urls holds the URLs of the listings delivered in this session: a
	// page that answered 404 at one of them is not gone when the listing
	// was read under another address (rel=canonical).
	urls map[string]struct{}
	// linkPaged is set once a response's Link header named a next page.
	linkPaged atomic.Bool
	// counted holds the seenKeys of next pages the run counted on
	// (Page.CountOn), which no page linked: one that answers a 4xx is
	// past the feed's end (WordPress answers 400 there), not failed.
	counted sync.Map
	// indexes holds the seenKeys of the run's start URLs and the next
	// pages it queued: a product page whose rel=canonical names one of
	// them (a theme declaring the category canonical on every product)
	// is not named by it (ownAddress).
	indexes  sync.Map
	inflight int
	started  int // pages dispatched, including earlier sessions
	hitMax   bool
	// startFailed counts start pages that failed, whatever the error:
	// a start page that is gone, blocked or disallowed leaves the
	// listings behind it unread, not removed.
	startFailed []PageFailure
	detailRead  bool // a follow (detail) page was read without error
	skipped     bool // a page had items without title or description
	followed    bool // a detail link was queued
	unfollowed  int  // links matching url_pattern on index pages whose follow selectors found none
	res         Run
	fatal       error
	// lookups holds the addresses the target's lookups asked in this
	// session (fillLookups), by address and fields.
	lookups map[string]*lookupEntry
}

// Run crawls t to completion, or until max_pages, and returns what happened.
// An unfinished run of the same target in DataDir (cancelled or killed) is
// resumed: processed pages are not fetched again. It is resumed only when the
// target's Fingerprint is unchanged; otherwise a new run starts. Cancelling ctx stops the
// crawl at a checkpoint; Run then returns the partial run and ctx's error, and
// the next Run of the target continues it. Failing pages are counted, not
// returned; Run fails only when its state cannot be read or written.
func (c *Crawler) Run(ctx context.Context, t precwatch.Target, sink Sink) (*Run, error) {
	if !targetName.MatchString(t.Name) {
		return nil, precwatch.Errorf(precwatch.EINVALID, "target name %q: want [a-z0-9-]+", t.Name)
	}
	if len(t.StartURLs) == 0 {
		return nil, precwatch.Errorf(precwatch.EINVALID, "target %s: no start_urls", t.Name)
	}
	j, st, corrupt, err := openJournal(c.opts.DataDir, t.Name)
	if err != nil {
		return nil, fmt.Errorf("run %s: %w", t.Name, err)
	}
	if corrupt != nil {
		c.log.Error("cannot resume the unfinished run, starting a new one", "target", t.Name, "err", corrupt)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	r := &run{c: c, t: &t, sink: sink, j: j, seen: map[string]struct{}{}, ids: map[string]struct{}{}, urls: map[string]struct{}{},
		delivering: map[string]struct{}{}, mask: newMasker(c.maskKey, &t)}
	r.cond = sync.NewCond(&r.mu)
	r.res = Run{Target: t.Name, ErrorsByKind: map[string]int{}}
	if t.Listing.URLPattern != "" {
		r.pattern, err = regexp.Compile(t.Listing.URLPattern)
		if err != nil {
			j.close(false)
			return nil, precwatch.Errorf(precwatch.EINVALID, "target %s: url_pattern: %v", t.Name, err)
		}
	}
	fp := Fingerprint(&t)
	if st != nil && st.fingerprint != "" && st.fingerprint != fp {
		// The target's definition changed since the unfinished run
		// began: its frontier was built with other start URLs,
		// selectors or fields, so start afresh rather than resume it.
		c.log.Warn("target changed since its unfinished run; starting a new run", "target", t.Name, "run", st.id)
		if err := j.reset(); err != nil {
			j.close(false)
			return nil, fmt.Errorf("run %s: %w", t.Name, err)
		}
		st = nil
	}
	if st != nil {
		r.res.ID, r.res.Started, r.res.Resumed = st.id, st.started, true
		r.res.Pages, r.res.Listings, r.res.Errors = st.pages, st.listings, st.errors
		r.res.ErrorsByKind, r.res.Gone = st.byKind, st.gone
		for _, it := range st.robots {
			if r.isListingURL(it) {
				r.res.Robots = append(r.res.Robots, it.url)
			} else if it.kind == 'n' {
				r.res.RobotsNext = append(r.res.RobotsNext, it.url)
			}
		}
		r.res.OffDomainNext = slices.Clone(st.offDomainNext)
		r.queue, r.started, r.startFailed, r.detailRead = st.pending, st.pages, st.startFailed, st.detailRead
		for u := range st.seen {
			r.seen[seenKey(u)] = struct{}{}
		}
		c.log.Info("resuming crawl", "target", t.Name, "run", st.id, "pages", st.pages, "queued", len(st.pending))
	} else {
		r.res.ID = newRunID(t.Name, c.opts.Now())
		r.res.Started = c.opts.Now().UTC()
		if err := j.begin(r.res.ID, r.res.Started, fp); err != nil {
			j.close(false)
			return nil, fmt.Errorf("run %s: %w", t.Name, err)
		}
		var start []item
		for _, s := range t.StartURLs {
			u, err := extract.Canonical(nil, s)
			if err != nil {
				j.close(true)
				return nil, precwatch.Errorf(precwatch.EINVALID, "target %s: start url %q: %v", t.Name, s, err)
			}
			if _, ok := r.seen[seenKey(u)]; !ok {
				r.seen[seenKey(u)] = struct{}{}
				start = append(start, item{url: u, kind: 's'})
			}
		}
		if err := j.enqueue(start); err != nil {
			j.close(false)
			return nil, fmt.Errorf("run %s: %w", t.Name, err)
		}
		r.queue = start
		c.log.Info("starting crawl", "target", t.Name, "run", r.res.ID)
	}

	r.f = newFetcher(ctx, &t, &c.opts, &c.own)
	for _, s := range t.StartURLs {
		if u, err := extract.Canonical(nil, s); err == nil {
			r.indexes.Store(seenKey(u), true)
		}
	}
	for _, it := range r.queue {
		if it.kind == 'n' {
			// A resumed run's queued next pages.
			r.indexes.Store(seenKey(it.url), true)
		}
	}
	r.lim = newLimiter(t.Delay)
	r.lim.par = max(t.Parallelism, 1)
	stop := context.AfterFunc(ctx, func() {
		r.mu.Lock()
		r.cond.Broadcast()
		r.mu.Unlock()
	})
	defer stop()

	var wg sync.WaitGroup
	// The syncer and the progress reporter stop when the workers are done.
	bg, bgCancel := context.WithCancel(context.Background())
	wg.Add(1)
	startPages := r.started
	go func() {
		defer wg.Done()
		r.background(bg, startPages)
	}()
	var workers sync.WaitGroup
	n := max(t.Parallelism, 1) * max(len(r.f.allowed), 1)
	n = min(n, 64)
	sessionStart := time.Now()
	for range n {
		workers.Add(1)
		go func() {
			defer workers.Done()
			r.work(ctx)
		}()
	}
	workers.Wait()
	bgCancel()
	wg.Wait()
	r.f.client.CloseIdleConnections()

	r.mu.Lock()
	defer r.mu.Unlock()
	res := r.res
	res.Finished = c.opts.Now().UTC()
	// A listing page that answered 404 is not gone when the run read its
	// listing under another address that names it (rel=canonical).
	res.Gone = slices.DeleteFunc(slices.Clone(res.Gone), func(u string) bool {
		_, read := r.urls[seenKey(u)]
		return read
	})
	cancelled := ctx.Err() != nil
	// A run that read detail pages, or items without text, and found no
	// listing at all proves nothing either: a redesign that broke the
	// field selectors looks just like it. (A shop whose start pages list
	// nothing any more is taken at its word.) Nor does a run whose index
	// pages link listing pages (by url_pattern) that the follow selectors
	// no longer find.
	broken := res.Listings == 0 && (r.detailRead || r.skipped || !r.followed && r.unfollowed > 0)
	res.Complete = !cancelled && !r.hitMax && r.fatal == nil && Failed(res.ErrorsByKind) == 0 &&
		len(r.startFailed) == 0 && len(res.RobotsNext) == 0 && len(res.OffDomainNext) == 0 && !broken
	res.StartFailed, res.HitMax = slices.Clone(r.startFailed), r.hitMax
	r.mask.redactRun(&res)
	finished := !cancelled && r.fatal == nil
	if err := c.evidence.sync(); err != nil && r.fatal == nil {
		r.fatal = err
	}
	if err := j.close(finished); err != nil && r.fatal == nil {
		r.fatal = err
	}
	c.report(&res, len(r.queue)-r.head, res.Pages-startPages, sessionStart)
	c.log.Info("crawl ended", "target", t.Name, "run", res.ID, "complete", res.Complete,
		"pages", res.Pages, "listings", res.Listings, "errors", res.Errors, "resumed", res.Resumed,
		"listing_pages_skipped_for_robots", len(res.Robots))
	switch {
	case r.fatal != nil:
		return &res, fmt.Errorf("run %s: %w", t.Name, r.fatal)
	case cancelled:
		return &res, fmt.Errorf("run %s: stopped, resumable: %w", t.Name, context.Cause(ctx))
	}
	return &res, nil
}

// Failed counts the pages of byKind (a Run's ErrorsByKind) that failed, as
// opposed to those the site answered for: 404, 410 and 451 (a page or
// listing that is gone, or taken down on a legal request), listing pages
// that say their listing was taken down (KindGone: the listing.gone notice,
// a not-found page, a redirect to the home or category page), counted-on
// page numbers past a feed's end (KindPastEnd), pages robots.txt disallows
// and links that turned out to be files (KindNotDocument) are answers; timeouts, connection errors, 5xx,
// 429, 401, 403 (a blocking firewall), other 4xx, an unreadable
// robots.txt, oversized or undecodable bodies and listings the sink
// refused are failures, after which listings behind the page may exist
// unseen. (A run also counts any error of a start page as a failure.)
func Failed(byKind map[string]int) int {
	n := 0
	for k, c := range byKind {
		switch k {
		case "http-404", "http-410", "http-451", KindRobots, KindNotDocument, KindGone, KindPastEnd:
		default:
			n += c
		}
	}
	return n
}

func newRunID(target string, now time.Time) string {
	var b [4]byte
	crand.Read(b[:])
	return target + "-" + now.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

func (c *Crawler) report(res *Run, queued, sessionPages int, since time.Time) {
	if c.opts.Progress == nil {
		return
	}
	el := time.Since(since).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(sessionPages) / el
	}
	c.opts.Progress(Stats{Target: res.Target, Pages: res.Pages, Listings: res.Listings,
		Errors: res.Errors, Queued: queued, Rate: rate})
}

// background syncs the journal and reports progress until ctx is done.
func (r *run) background(ctx context.Context, startPages int) {
	tick := time.NewTicker(syncInterval)
	defer tick.Stop()
	start := time.Now()
	last := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		// Evidence first: a page the journal records has its snapshot.
		if err := r.c.evidence.sync(); err != nil {
			r.c.log.Error("sync evidence", "target", r.t.Name, "err", err)
		}
		if err := r.j.sync(); err != nil {
			r.c.log.Error("sync crawl journal", "target", r.t.Name, "err", err)
		}
		if r.c.opts.Progress != nil && time.Since(last) >= 500*time.Millisecond {
			last = time.Now()
			r.mu.Lock()
			s := Stats{Target: r.t.Name, Pages: r.res.Pages, Listings: r.res.Listings,
				Errors: r.res.Errors, Queued: len(r.queue) - r.head}
			if el := time.Since(start).Seconds(); el > 0 {
				s.Rate = float64(r.res.Pages-startPages) / el
			}
			r.mu.Unlock()
			r.c.opts.Progress(s)
		}
	}
}

// next hands out the next frontier item, blocking while other workers may
// still add some. It returns false when the crawl is over for this worker.
func (r *run) next(ctx context.Context) (item, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for {
		if ctx.Err() != nil || r.fatal != nil {
			return item{}, false
		}
		if r.head < len(r.queue) {
			if r.t.MaxPages > 0 && r.started >= r.t.MaxPages {
				r.hitMax = true
				return item{}, false
			}
			it := r.queue[r.head]
			r.queue[r.head] = item{}
			r.head++
			if r.head > 1024 && r.head*2 > len(r.queue) {
				r.queue = append([]item(nil), r.queue[r.head:]...)
				r.head = 0
			}
			r.inflight++
			r.started++
			return it, true
		}
		if r.inflight == 0 {
			return item{}, false
		}
		r.cond.Wait()
	}
}

func (r *run) work(ctx context.Context) {
	for {
		it, ok := r.next(ctx)
		if !ok {
			return
		}
		r.process(ctx, it)
		r.mu.Lock()
		r.inflight--
		r.cond.Broadcast()
		r.mu.Unlock()
	}
}

// outcome is what processing one page produced.
type outcome struct {
	status     int
	listings   int
	errKind    string
	gone       bool
	links      []item
	final      string   // the page's canonical URL after redirects
	ids        []string // IDs of the listings delivered
	urls       []string // URLs of the listings delivered
	skipped    bool     // items were dropped for having no text
	unfollowed int      // extract.CountUnfollowed of the page
	// offDomainNext holds the page's next pages outside the allowed
	// domains, which are not followed (Run.OffDomainNext).
	offDomainNext []string
	// cursorRepeated is extract.Page.CursorRepeated.
	cursorRepeated string
	// selfNext is extract.Page.SelfNext.
	selfNext bool
}

// seenKey is the name of a canonical URL in the frontier's seen set: a
// path's trailing slash is dropped, so "/offer/5/" and "/offer/5" (which
// shops link interchangeably) are fetched once, under the name first found.
// The URL itself keeps its slash: relative links resolve against it.
func seenKey(u string) string {
	path, query, hasQuery := strings.Cut(u, "?")
	if i := strings.Index(path, "://"); i >= 0 && strings.IndexByte(path[i+3:], '/') < len(path[i+3:])-1 {
		path = strings.TrimSuffix(path, "/")
	}
	if hasQuery {
		return path + "?" + query
	}
	return path
}

// finalURL returns the canonical form of a page's URL after redirects, or
// requested when there were none or the final URL does not parse.
// withoutBodyParams returns a GET feed's request URL without the query
// parameters its body template sets (see queryURL).
func withoutBodyParams(u string, spec *precwatch.JSONSpec) string {
	var members map[string]json.RawMessage
	if json.Unmarshal([]byte(spec.RequestBody(1, 0, "")), &members) != nil {
		// A form body (action=load_more&page=${page}).
		vs, err := url.ParseQuery(spec.RequestBody(1, 0, ""))
		if err != nil {
			return u
		}
		members = map[string]json.RawMessage{}
		for k := range vs {
			members[k] = nil
		}
	}
	if len(members) == 0 {
		return u
	}
	pu, err := url.Parse(u)
	if err != nil {
		return u
	}
	q := pu.Query()
	for k := range members {
		q.Del(k)
	}
	pu.RawQuery = q.Encode()
	return pu.String()
}

func finalURL(requested, final string) string {
	if final == "" {
		return requested
	}
	u, err := extract.Canonical(nil, final)
	if err != nil {
		return requested
	}
	return u
}

// process fetches, extracts and delivers one page and records it. A page cut
// short by a cancel is not recorded, so a resumed run fetches it again; a page
// whose listings were all delivered is recorded even if the cancel came just
// after, so they are not delivered twice.
func (r *run) process(ctx context.Context, it item) {
	out, err := r.page(ctx, it)
	if err != nil && ctx.Err() != nil {
		return // cut short by the cancel: fetch it again on resume
	}
	if err != nil {
		kind := out.errKind
		if kind == "" {
			kind = KindFetch
			out.errKind = kind
		}

		r.c.log.Warn("page failed", "target", r.t.Name, "url", it.url, "kind", kind, "err", err)
	}
	// Add links to the frontier and record the page under one lock, so the
	// journal's order matches the frontier's.
	r.mu.Lock()
	var added []item
	if out.final != "" && out.final != it.url {
		// Reached through a redirect: do not fetch it again under its
		// own name.
		r.seen[seenKey(out.final)] = struct{}{}
	}
	links := out.links
	brings := r.brings(out)
	if it.kind == 'n' && !brings {
		links = endPagination(links, out.final)
		if out.cursorRepeated != "" && out.errKind == "" {
			// Asked for by a cursor, the feed gave it back with
			// listings the run has read before: it did not read
			// the cursor and answered its first page again, so
			// the pages after it are unknown. (New listings with
			// the same cursor are its last page.)
			out.errKind = KindCursorIgnored
			r.c.log.Warn("page failed", "target", r.t.Name, "url", r.mask.redact(it.url), "kind", KindCursorIgnored,
				"err", cursorIgnoredMessage(out.cursorRepeated))
		}
	}
	for _, l := range links {
		k := seenKey(l.url)
		if _, ok := r.seen[k]; ok {
			continue
		}
		r.seen[k] = struct{}{}
		added = append(added, l)
		if l.kind == 'n' {
			r.indexes.Store(k, true)
		}
	}
	if out.selfNext && it.kind == 'n' && brings && out.errKind == "" {
		// A stateful pager's "next" link, the same address on every
		// page (extract.Page.SelfNext): asked for again, as the
		// browser does, while it brings something new, under a name
		// of its own (againURL) so that the journal keeps it.
		if u := againURL(it.url); u != "" {
			r.seen[seenKey(u)] = struct{}{}
			added = append(added, item{url: u, kind: 'n'})
		}
	}
	for _, id := range out.ids {
		r.ids[id] = struct{}{}
	}
	for _, u := range out.urls {
		r.urls[seenKey(u)] = struct{}{}
	}
	var refused []string
	for _, u := range out.offDomainNext {
		k := seenKey(u)
		if _, ok := r.seen[k]; ok {
			continue
		}
		r.seen[k] = struct{}{}
		refused = append(refused, u)
	}
	if jerr := r.j.page(added, refused, it.url, out.status, out.listings, out.errKind, out.gone); jerr != nil {
		r.fatal = jerr
		r.cond.Broadcast()
		r.mu.Unlock()
		return
	}
	r.queue = append(r.queue, added...)
	r.detailRead = r.detailRead || (it.kind == 'f' && out.errKind == "")
	r.skipped = r.skipped || out.skipped
	r.unfollowed += out.unfollowed
	for _, a := range added {
		r.followed = r.followed || a.kind == 'f'
	}
	r.res.Pages++
	r.res.Listings += out.listings
	for _, u := range refused {
		// Not fetched: the listings behind it are unknown, as behind
		// a failed page, so the run is not complete.
		host := ""
		if pu, err := url.Parse(u); err == nil {
			host = pu.Host
		}
		r.c.log.Warn("next page on a host outside allowed_domains, not followed", "target", r.t.Name,
			"page", r.mask.redact(it.url), "host", host, "next", r.mask.redact(u))
		r.res.Errors++
		r.res.ErrorsByKind[KindOffDomainNext]++
		r.res.OffDomainNext = append(r.res.OffDomainNext, u)
	}
	if out.errKind != "" {
		r.res.Errors++
		r.res.ErrorsByKind[out.errKind]++
		if it.kind == 's' {
			r.startFailed = append(r.startFailed, PageFailure{URL: it.url, Kind: out.errKind})
		}
	}
	if out.gone {
		r.res.Gone = append(r.res.Gone, it.url)
	}
	if out.errKind == KindRobots && r.isListingURL(it) {
		r.res.Robots = append(r.res.Robots, it.url)
	} else if out.errKind == KindRobots && it.kind == 'n' {
		r.res.RobotsNext = append(r.res.RobotsNext, it.url)
	}
	if len(added) > 0 {
		r.cond.Broadcast()
	}
	r.mu.Unlock()
}

// page does the work of process without touching run state.
func (r *run) page(ctx context.Context, it item) (outcome, error) {
	var out outcome
	u, err := url.Parse(it.url)
	if err != nil {
		out.errKind = KindFetch
		return out, err
	}
	resp, page, final, _, kind, err := r.read(ctx, it.url, u, it.post)
	if resp != nil {
		out.status = resp.Status
	}
	if err != nil {
		out.errKind = kind
		if _, guessed := r.counted.Load(seenKey(it.url)); guessed && resp != nil && pastEnd(resp.Status) {
			// A page number the run counted on, past the end.
			out.errKind = KindPastEnd
			return out, err
		}
		if it.kind == 'n' && resp != nil && resp.Status == http.StatusNoContent {
			// A next page answered with 204 No Content, as APIs
			// answer a page past their end: nothing more, not
			// a page that failed.
			out.errKind = KindPastEnd
			return out, err
		}
		if resp != nil && kind != KindInterstitial && kind != KindDecode && kind != KindExtract && kind != KindFeedError && kind != KindBotWall && kind != KindLogin && kind != KindMaintenance && kind != KindGate && kind != KindErrorPage {
			// 451: taken down on a legal request.
			out.gone = (resp.Status == 404 || resp.Status == 410 || resp.Status == 451) && r.isListingURL(it)
		}
		return out, err
	}
	if len(bytes.TrimSpace(resp.Body)) == 0 && (it.kind != 'n' || r.linkedCataloguePage(it)) {
		// A start or listing page with no body at all is no shop's
		// answer (an empty catalogue still has its page around it):
		// a failure, not an empty shop; so is an html catalogue's next
		// page that a page linked (a PHP fatal error with
		// display_errors off answers 200 and nothing; before session
		// 21 the catalogue ended there, complete). (A next page past
		// the end of a "Load more" endpoint, or counted on, may well
		// be empty.)
		out.errKind = KindEmpty
		return out, fmt.Errorf("get %s: empty body (status %d)", it.url, resp.Status)
	}
	// A redirected page is read at its final URL: its relative links and
	// url_pattern refer to it, and it is the listing's address.
	out.final = final
	fetched := r.c.opts.Now().UTC()
	hash, err := r.c.evidence.Put(Snapshot{URL: r.mask.redact(resp.URL), FetchedAt: fetched, Status: resp.Status, Header: resp.Header, Body: resp.Body})
	if err != nil {
		// Without evidence a listing cannot be acted on; count the page as
		// failed and go on.
		out.errKind = "evidence"
		return out, err
	}
	if page.Gone {
		// The platform's notice that the listing was taken down,
		// with status 200: an answer, like a 404.
		out.errKind = KindGone
		out.gone = page.Counts[extract.CountURLPattern] == 1 || r.isListingURL(it)
		return out, fmt.Errorf("get %s: the page says its listing is gone (listing.gone matched)", it.url)
	}
	if page.NotFound && r.isListingURL(it) {
		// A soft 404: the listing page says, with status 200, that
		// it is not there, and has no listing content besides its
		// title and heading (a seller's title worded like a notice
		// is not enough: see extract.Page.NotFound).
		out.errKind = KindGone
		out.gone = true
		return out, fmt.Errorf("get %s: the page says it is not found (status %d)", it.url, resp.Status)
	}
	if where := r.removedRedirect(it, final); where != "" {
		// A taken-down listing sent to the home or category page:
		// an answer, like a 404, and that page is not the listing.
		out.errKind = KindGone
		out.gone = true
		// The page redirected to is not marked seen: it was not
		// read here, and may be an index page the run reads later.
		out.final = ""
		return out, fmt.Errorf("get %s: redirected to %s (%s): the listing is gone", it.url, final, where)
	}
	r.fillFrames(ctx, page, true)
	lookupsFailed := r.fillLookups(ctx, page, final, true)
	out.skipped = page.Counts[extract.CountSkipped] > 0
	out.unfollowed = page.Counts[extract.CountUnfollowed]
	out.cursorRepeated = page.CursorRepeated
	out.selfNext = page.SelfNext
	for _, l := range page.Follow {
		if r.wanted(l) && r.inScope(l) {
			out.links = append(out.links, item{url: l, kind: 'f'})
		}
	}
	if page.CountOn != "" && lastPageByHeader(resp.Header, out.final) {
		page.CountOn = "" // the API says this is its last page
	}
	for _, l := range r.nextPages(page, r.headerNext(resp, out.final)) {
		if !r.inScope(l) {
			l = proxiedNext(l, out.final)
		}
		switch {
		case !r.wanted(l):
		case r.inScope(l):
			// A WebForms pager's page is posted, with the form
			// the page gave (extract.Page.Postbacks).
			out.links = append(out.links, item{url: l, kind: 'n', post: page.Postbacks[l]})
		default:
			out.offDomainNext = append(out.offDomainNext, l)
		}
	}
	if it.kind == 'f' && page.Counts[extract.CountPatternMissed] > 0 {
		// A followed page with a product on it that url_pattern does
		// not match, and nothing to follow: its listing was not read
		// (extract.CountPatternMissed), so the run is not complete.
		out.errKind = KindPatternMissed
		return out, fmt.Errorf("get %s: a page with a product that listing.url_pattern %q does not match, linking nothing: a listing page the pattern misses?", it.url, r.t.Listing.URLPattern)
	}
	if it.kind == 's' && page.First != "" && r.inScope(page.First) {
		// The start URL asked for page 1 of a feed counting from
		// 0 (extract.Page.First): its page 0 is read too.
		r.c.log.Info("start page is not the feed's first (its pages count from 0): reading page 0 too", "target", r.t.Name,
			"url", r.mask.redact(it.url), "first", r.mask.redact(page.First))
		out.links = append(out.links, item{url: page.First, kind: 'n'})
	}
	r.noteCatalogue(page, it.url, out.final)
	// Every listing of the page is delivered even when one fails (the
	// others are not that listing's fault); the page then fails, so it is
	// not recorded as processed and a resumed run delivers it again.
	var sinkErr error
	failed := 0
	for i := range page.Listings {
		if j := slices.IndexFunc(lookupsFailed, func(f lookupFailed) bool { return f.listing == i }); j >= 0 {
			// Its seller (or other looked-up fields) could not be
			// read: not delivered, so what is stored stays, and
			// the page fails (the run is not complete).
			r.c.log.Warn("lookup failed", "target", r.t.Name, "page", r.mask.redact(it.url), "err", lookupsFailed[j].err)
			continue
		}
		l := page.Listings[i]
		r.ownAddress(&l, it, out.final)
		l.Target = r.t.Name
		if l.Platform == "" {
			l.Platform = r.t.Platform
		}
		l.FetchedAt = fetched
		l.EvidenceHash = hash
		// "vor 3 Tagen" read as the date it names, so that the
		// listing hashes the same tomorrow.
		extract.ResolveRelativeDates(&l, fetched.In(zone(r.t)))
		read := l.URL // as read: Gone and the run compare the real URLs
		r.mask.redactListing(&l)
		r.noteMasked(read, l.URL)
		l.ContentHash = ContentHash(l)
		claimURL := l.URL
		if r.t.Kind == precwatch.KindJSON && (seenKey(read) == seenKey(it.url) || seenKey(read) == seenKey(out.final)) {
			// A feed item named by its page: the same id on
			// another page (a feed that shifted, or clamps a page
			// past its end to the last) is the same listing.
			claimURL = ""
		}
		if !r.claim(l.ID, claimURL) {
			// Delivered already in this session, read from
			// another address naming the same listing.
			out.urls = append(out.urls, l.URL)
			continue
		}
		if err := r.sink.Listing(ctx, l); err != nil {
			r.unclaim(l.ID, claimURL)
			if sinkErr == nil {
				sinkErr = fmt.Errorf("sink listing %s: %w", l.ID, err)
			}
			failed++
			continue
		}
		out.listings++
		out.ids = append(out.ids, l.ID)
		out.urls = append(out.urls, read)
	}
	if sinkErr == nil && len(lookupsFailed) > 0 {
		out.errKind = KindLookup
		err := fmt.Errorf("get %s: %w", it.url, lookupsFailed[0].err)
		if len(lookupsFailed) > 1 {
			err = fmt.Errorf("%w (and %d more listings of the page)", err, len(lookupsFailed)-1)
		}
		return out, err
	}
	if sinkErr != nil {
		out.errKind = KindSink
		if failed > 1 {
			sinkErr = fmt.Errorf("%w (and %d more listings of the page)", sinkErr, failed-1)
		}
		return out, sinkErr
	}
	return out, nil
}

// ownAddress names a listing read on a followed page by the page's own
// address (final) when the page declared a catalogue page of the run — a
// start URL, a next page or a page linking on to followed pages with no
// price or description of its own, such as a category reached from the
// home page (run.indexes) — its canonical, as a theme does
// that writes the category's address on every product page. Before
// session 21 the products of such a category were delivered as one
// listing named by the category.
func (r *run) ownAddress(l *precwatch.Listing, it item, final string) {
	if it.kind != 'f' || final == "" || l.URL == "" || seenKey(l.URL) == seenKey(final) {
		return
	}
	if _, index := r.indexes.Load(seenKey(l.URL)); !index {
		return
	}
	if l.ID == l.URL {
		l.ID = final
	}
	l.URL = final
}

// noteCatalogue records a page (requested as u, final after redirects)
// that links on to the pages the follow selectors find and is at most a
// heading of its own — a category reached from the home page, whose h1 a
// target without url_pattern may read as a title-only listing — as a
// catalogue page of the run (run.indexes), as a start URL is, before the
// pages it links are read (see ownAddress).
func (r *run) noteCatalogue(page *extract.Page, u, final string) {
	if len(page.Follow) == 0 || r.t.Listing.URLPattern != "" || slices.ContainsFunc(page.Listings, func(l precwatch.Listing) bool { return l.Price != "" || l.Description != "" }) {
		return
	}
	r.indexes.Store(seenKey(u), true)
	if final != "" {
		r.indexes.Store(seenKey(final), true)
	}
}

// againPrefix starts the fragment of the name of a page asked for again
// from itself (a stateful pager's "next" link, extract.Page.SelfNext).
const againPrefix = "pw-again="

// againURL names the next asking of the page named u, which the fragment
// tells apart and which is never sent ("…/katalog.jsf?navigate=next#pw-again=2");
// "" for a page named by another fragment (a postback, a continuation).
func againURL(u string) string {
	base, frag, _ := strings.Cut(u, "#")
	n := 1
	if rest, ok := strings.CutPrefix(frag, againPrefix); ok {
		k, err := strconv.Atoi(rest)
		if err != nil {
			return ""
		}
		n = k + 1
	} else if frag != "" {
		return ""
	}
	return base + "#" + againPrefix + strconv.Itoa(n)
}

// claim reports whether the listing with id at listingURL may be
// delivered: false when another page of this session delivered it (or is
// delivering it) — the same listing read under another address naming
// the same canonical URL.
func (r *run) claim(id, listingURL string) bool {
	if id == "" {
		return true
	}
	k := id + "\x00" + seenKey(listingURL)
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.delivering[k]; ok {
		return false
	}
	r.delivering[k] = struct{}{}
	return true
}

// unclaim releases a claim whose delivery failed.
func (r *run) unclaim(id, listingURL string) {
	r.mu.Lock()
	delete(r.delivering, id+"\x00"+seenKey(listingURL))
	r.mu.Unlock()
}

// read fetches the page requested as u (rawURL), decodes its body to
// UTF-8 and extracts it, asking again when the page reloads itself (see
// reloads) with nothing on it: a bot check, consent or age gate that set a
// cookie. (A page with listings or links that also refreshes itself, such
// as a live auction, is read as it is.) It returns the response, the page,
// its canonical URL after redirects and its charset; on failure, the error
// kind and the response if there was one.
//
// A page with a form body (post) is an ASP.NET WebForms postback: the
// body is posted to rawURL's address, and the page keeps its name
// (extract.PostbackURL) at the address the request ended at.
func (r *run) read(ctx context.Context, rawURL string, u *url.URL, post string) (*response, *extract.Page, string, string, string, error) {
	for reload := 0; ; reload++ {
		resp, kind, err := r.fetch(ctx, u, post)
		if err != nil {
			return resp, nil, "", "", kind, err
		}
		body, cs, err := decodeBody(resp, r.t)
		if err != nil {
			return resp, nil, "", cs, KindDecode, err
		}
		final := finalURL(rawURL, resp.URL)
		if _, tok := continuationOf(rawURL); tok != "" {
			// A page asked for by a continuation header keeps
			// its name (continuationURL).
			final = continuationURL(final, tok)
			resp.URL = final
		}
		if post != "" {
			final = extract.PostbackAt(rawURL, final)
			resp.URL = final // the evidence names the page
		}
		if spec, ok := extract.RequestTemplate(r.t, rawURL); ok && post == "" {
			// A POST feed's page is named by its endpoint and
			// variables (extract.PostPageURL): the extractor
			// counts on from them. A GET feed's request carried the
			// body's members in its query: the name leaves them out.
			if !spec.IsPost() {
				final = withoutBodyParams(final, spec)
			}
			final = extract.PostPageAt(rawURL, final)
			resp.URL = final // the evidence names the page
		}
		page, err := extract.Extract(r.t, final, body)
		if err != nil {
			if errors.Is(err, extract.ErrFeedError) {
				return resp, nil, final, cs, KindFeedError, fmt.Errorf("get %s: %w", rawURL, err)
			}
			return resp, nil, final, cs, KindExtract, err
		}
		delay, again := r.reloads(resp, rawURL, final, body)
		if !again || !emptyPage(page, rawURL, final) {
			empty := emptyPage(page, rawURL, final)
			if page.BotWall != "" && (empty || page.ChallengeTitle) {
				return resp, nil, final, cs, KindBotWall, fmt.Errorf("get %s: %w", rawURL, botWallError(page.BotWall, resp.Status))
			}
			if page.PasswordForm && (page.LoginTitle || empty && seenKey(final) != seenKey(rawURL)) {
				// A login form the crawler was sent to, or a page
				// that says it is one: the listings behind it were
				// not seen, which is no sign that they are gone,
				// and the form is no listing.
				return resp, nil, final, cs, KindLogin, fmt.Errorf("get %s: a login page (%s) instead of the shop's page: the platform wants a session here; put its session cookie under the target's headers, or ask the platform for access", rawURL, final)
			}
			if page.Maintenance && empty {
				return resp, nil, final, cs, KindMaintenance, fmt.Errorf("get %s: the site's maintenance page (status %d) instead of the shop's page: the listings behind it were not seen", rawURL, resp.Status)
			}
			if page.ErrorPage != "" && empty {
				return resp, nil, final, cs, KindErrorPage, fmt.Errorf("get %s: the site's error page (%s), answered with status %d, instead of the shop's page: the listings behind it were not seen", rawURL, page.ErrorPage, resp.Status)
			}
			if page.Gate != "" && empty {
				what := map[string]string{"consent": "a cookie-consent page", "age": "an age gate"}[page.Gate]
				return resp, nil, final, cs, KindGate, fmt.Errorf("get %s: %s (%s) instead of the shop's page: the crawler does not click through it; put the cookie the site sets on agreeing under the target's headers, as a Cookie header", rawURL, what, final)
			}
			return resp, page, final, cs, "", nil
		}
		if reload >= maxReloads {
			// Still the interstitial: the page was not read, which is
			// no answer about the listings behind it.
			return resp, nil, final, cs, KindInterstitial, fmt.Errorf("get %s: still reloading itself after %d reloads (a bot check, consent or age gate the crawler cannot pass; a cookie in the target's headers may)", rawURL, maxReloads)
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, nil, "", "", "", ctx.Err()
		case <-t.C:
		}
	}
}

// maxFrames bounds the iframes fetched for one page.
const maxFrames = 4

// fillFrames fetches the iframes holding fields of the page's listings
// (Page.Frames): those in the target's allowed domains, politely, through
// the same guard, body cap and robots.txt as pages, and sets each field to
// its document's visible text. A frame that fails leaves its field as it
// is: the listing is still delivered, with what its page said. keep
// stores each frame as evidence (not in Test).
func (r *run) fillFrames(ctx context.Context, page *extract.Page, keep bool) {
	for i, fr := range page.Frames {
		if i >= maxFrames || ctx.Err() != nil {
			return
		}
		if fr.Listing < 0 || fr.Listing >= len(page.Listings) || !r.inScope(fr.URL) {
			continue
		}
		u, err := url.Parse(fr.URL)
		if err != nil {
			continue
		}
		resp, _, err := r.fetch(ctx, u, "")
		if err != nil {
			r.c.log.Warn("iframe failed", "target", r.t.Name, "url", fr.URL, "field", fr.Field, "err", err)
			continue
		}
		ft := *r.t
		ft.Kind = precwatch.KindHTML
		body, _, err := decodeBody(resp, &ft)
		if err != nil {
			r.c.log.Warn("iframe failed", "target", r.t.Name, "url", fr.URL, "field", fr.Field, "err", err)
			continue
		}
		if keep {
			snap := Snapshot{URL: r.mask.redact(resp.URL), FetchedAt: r.c.opts.Now().UTC(), Status: resp.Status, Header: resp.Header, Body: resp.Body}
			if _, err := r.c.evidence.Put(snap); err != nil {
				r.c.log.Warn("iframe evidence", "target", r.t.Name, "url", fr.URL, "err", err)
			}
		}
		if text := extract.FieldText(body, fr.Field); text != "" {
			extract.SetField(&page.Listings[fr.Listing], fr.Field, text)
		}
	}
}

// removedRedirect says where a listing page (see isListingURL) that
// redirected to final was sent when that says the listing is gone, as
// shops answer a taken-down listing: "the home page" (the site's root, or a
// language root such as /en/), "a start page" (the catalogue) or "its
// category page" (a page up the listing's own path: /c/solvents/offer/3 →
// /c/solvents). Else "": a listing that moved (/offer/5 → /offer/5-acetone,
// http → https, another host name) is read at its new address.
func (r *run) removedRedirect(it item, final string) string {
	if final == "" || !r.isListingURL(it) || seenKey(final) == seenKey(it.url) {
		return ""
	}
	from, err1 := url.Parse(it.url)
	to, err2 := url.Parse(final)
	if err1 != nil || err2 != nil {
		return ""
	}
	fp := strings.TrimSuffix(from.EscapedPath(), "/")
	tp := strings.TrimSuffix(to.EscapedPath(), "/")
	if fp == tp || fp == "" {
		return ""
	}
	if tp == "" {
		return "the home page"
	}
	for _, s := range r.t.StartURLs {
		if u, err := url.Parse(s); err == nil && strings.TrimSuffix(u.EscapedPath(), "/") == tp {
			return "a start page"
		}
	}
	if strings.HasPrefix(fp, tp+"/") {
		if r.pattern != nil && extract.MatchURLPattern(r.pattern, final) {
			return "" // a listing page: the listing without its slug
		}
		last := tp[strings.LastIndexByte(tp, '/')+1:]
		if strings.ContainsAny(last, "0123456789") {
			// /p/123/old-slug → /p/123: the listing itself, under
			// its id (a category by number is not told apart).
			return ""
		}
		if !strings.Contains(tp[1:], "/") && len(tp) <= 6 {
			// /en, /de-at: a language root.
			return "the home page"
		}
		return "its category page"
	}
	return ""
}

// totalPagesHeaders say how many pages a paginated API has: WordPress',
// the common X-Total-Pages, Yii's and Laravel packages'.
var totalPagesHeaders = []string{"X-WP-TotalPages", "X-Total-Pages", "X-Pagination-Page-Count", "X-Pagination-Total-Pages", "X-Page-Count"}

// lastPageByHeader reports whether a response's total-pages header says
// the page at pageURL (by its page, p or paged parameter, 1 when absent)
// is the last one.
func lastPageByHeader(h http.Header, pageURL string) bool {
	total := -1
	for _, k := range totalPagesHeaders {
		if n, err := strconv.Atoi(strings.TrimSpace(h.Get(k))); err == nil && n >= 0 {
			total = n
			break
		}
	}
	if total < 0 {
		return false
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return false
	}
	cur := 1
	for _, k := range []string{"page", "p", "paged"} {
		if n, err := strconv.Atoi(u.Query().Get(k)); err == nil {
			cur = n
			break
		}
	}
	return cur >= total
}

// pastEnd reports whether a status answers a page number past a feed's
// end: a client error other than those that refuse the crawler (401, 403,
// 407, 429).
func pastEnd(status int) bool {
	switch status {
	case 401, 403, 407, 429:
		return false
	}
	return status >= 400 && status < 500
}

// botWallError says that a page was a bot protection's challenge or block
// page and what to do.
func botWallError(name string, status int) error {
	return fmt.Errorf("a bot protection's challenge or block page (%s, status %d), not the shop's page: ask the platform to let the crawler's user_agent through, or pass its cookie in the target's headers", name, status)
}

// emptyPage reports whether a page yielded nothing: no listing, no link to
// follow or page on other than back to the page itself (requested or
// final, as an interstitial's refresh names it), no gone notice.
func emptyPage(p *extract.Page, requested, final string) bool {
	self := func(u string) bool { return seenKey(u) == seenKey(requested) || seenKey(u) == seenKey(final) }
	for _, links := range [][]string{p.Follow, p.Next} {
		for _, u := range links {
			if !self(u) {
				return false
			}
		}
	}
	return len(p.Listings) == 0 && p.CountOn == "" && !p.Gone
}

// zone returns the time zone t's site writes its times in (Target.TimeZone),
// UTC when it names none or one this system does not know (config check
// refuses such a name).
func zone(t *precwatch.Target) *time.Location {
	if t.TimeZone == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(t.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// maxReloads is how often a page that reloads itself (SelfRefresh, a
// Refresh header) is asked for again before it counts as failed.
const maxReloads = 2

// reloads reports whether an html target's page reloads itself by a
// <meta http-equiv="refresh"> or a Refresh header naming no other page,
// and after how long (at most 10 s).
func (r *run) reloads(resp *response, requested, final string, body []byte) (time.Duration, bool) {
	if r.t.Kind == precwatch.KindJSON {
		return 0, false
	}
	var delay float64
	again := false
	if h := resp.Header.Get("Refresh"); h != "" {
		ref, d, ok := extract.ParseRefresh(h)
		if ok && ref == "" {
			delay, again = d, true
		} else if ok {
			if base, err := url.Parse(final); err == nil {
				if u, err := extract.Canonical(base, ref); err == nil && (seenKey(u) == seenKey(final) || seenKey(u) == seenKey(requested)) {
					delay, again = d, true
				}
			}
		}
	}
	if !again {
		delay, again = extract.SelfRefresh(requested, final, body)
	}
	if !again {
		return 0, false
	}
	return time.Duration(delay * float64(time.Second)), true
}

// nextPages returns a page's next pages: its next_page links, those of its Link
// header, or else the feed's counted-on page (Page.CountOn) unless the run
// has seen a Link header page it (its last page has none).
func (r *run) nextPages(page *extract.Page, header []string) []string {
	if len(header) > 0 {
		r.linkPaged.Store(true)
	}
	next := append(page.Next, header...)
	if len(next) == 0 && page.CountOn != "" && !r.linkPaged.Load() {
		next = []string{page.CountOn}
		r.counted.Store(seenKey(page.CountOn), true)
	}
	return next
}

// cursorIgnoredMessage says why a page that gave back the cursor it was
// sent (where names where: extract.Page.CursorRepeated) failed.
func cursorIgnoredMessage(where string) string {
	return fmt.Sprintf("the feed gave back the cursor it was sent (%s) and listings already read: the API reads its cursor under another name; send it where the API reads it with json.body (docs/CRAWLING.md)", where)
}

// brings reports whether a page's outcome adds anything to the run: a
// listing not delivered before in this session or a detail link not seen
// before — and on a catalogue by follow (catalogueByFollow), nothing
// without a detail link. Called with r.mu held.
func (r *run) brings(out outcome) bool {
	if r.catalogueByFollow() && !slices.ContainsFunc(out.links, func(l item) bool { return l.kind == 'f' }) {
		// A next page of a catalogue that links its listings
		// (follow, no url_pattern or listing.item) linking none: past
		// its end, whatever the page itself read as (a search's "no
		// results" page, named by its own URL, is new every time,
		// and a "next" link that never stops would be read up to
		// max_pages).
		return false
	}
	for _, id := range out.ids {
		if _, ok := r.ids[id]; !ok {
			return true
		}
	}
	for _, l := range out.links {
		if l.kind != 'f' {
			continue
		}
		if _, ok := r.seen[seenKey(l.url)]; !ok {
			return true
		}
	}
	return false
}

// catalogueByFollow reports whether the target is an html catalogue whose
// index pages are those that link listing pages by its follow selectors,
// every other page read whole as a listing (no url_pattern, no
// listing.item).
func (r *run) catalogueByFollow() bool {
	return r.t.Kind != precwatch.KindJSON && len(r.t.Follow) > 0 && r.t.Listing.URLPattern == "" && r.t.Listing.Item == ""
}

// endPagination drops the next-page links of a next page that brought
// nothing new — no listing and no detail link the run had not seen: empty
// pages past the last one, or the last page again under a higher number, as
// shops whose "next" link counts on forever (or that clamp the page number)
// serve. Only next links that differ from pageURL in numbers alone (?page=7
// → ?page=8, /page/7 → /page/8) are dropped: links elsewhere (another
// category) are kept. Without this such shops are read up to max_pages,
// and a run cut there is never complete.
func endPagination(links []item, pageURL string) []item {
	shape := numberShape(pageURL)
	return slices.DeleteFunc(slices.Clone(links), func(l item) bool { return l.kind == 'n' && numberShape(l.url) == shape })
}

// nextLinks returns next (the next pages of page, fetched from pageURL,
// reached as a kind link) without those of a next page with nothing on it
// (see endPagination); Test uses it, as it does not track what a run
// delivered.
func nextLinks(page *extract.Page, kind byte, pageURL string, next []string) []string {
	if kind != 'n' || len(page.Listings) > 0 || len(page.Follow) > 0 || len(next) == 0 {
		return next
	}
	shape := numberShape(pageURL)
	return slices.DeleteFunc(slices.Clone(next), func(l string) bool { return numberShape(l) == shape })
}

// numberShape is u with every run of digits replaced by "0".
func numberShape(u string) string {
	var b strings.Builder
	digits := false
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c >= '0' && c <= '9' {
			if !digits {
				b.WriteByte('0')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteByte(c)
	}
	return b.String()
}

// headerNext returns the next page named by a response's Link header
// (RFC 8288 rel="next", as paginated REST APIs send it) or X-Next-Page
// header (GitLab's page number), resolved against the page URL: for JSON feeds, and for HTML targets without next_page
// selectors (which then follow rel="next" links in the page too).
func (r *run) headerNext(resp *response, pageURL string) []string {
	if r.t.Kind != precwatch.KindJSON && len(r.t.NextPage) > 0 {
		return nil
	}
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	var out []string
	for _, v := range resp.Header.Values("Link") {
		for _, link := range splitLinks(v) {
			ref, params, ok := strings.Cut(link, ">")
			ref = strings.TrimSpace(ref)
			if !ok || !strings.HasPrefix(ref, "<") {
				continue
			}
			next := false
			for p := range strings.SplitSeq(params, ";") {
				k, val, _ := strings.Cut(strings.TrimSpace(p), "=")
				if strings.EqualFold(strings.TrimSpace(k), "rel") {
					for rel := range strings.FieldsSeq(strings.Trim(strings.TrimSpace(val), `"`)) {
						next = next || strings.EqualFold(rel, "next")
					}
				}
			}
			if !next {
				continue
			}
			if u, err := extract.Canonical(base, ref[1:]); err == nil && u != pageURL {
				out = append(out, u)
			}
		}
	}
	if v := nextPageHeader(resp.Header); v != "" && len(out) == 0 {
		// GitLab's and the api-pagination gem's next page number
		// (empty on the last page), or an address, or the next
		// request's query alone (Wallapop's X-NextPage:
		// "search_id=…&start=40", before session 21 not read).
		next := v
		if queryOnly.MatchString(v) {
			next = "?" + v
		}
		if n, err := strconv.Atoi(v); err == nil {
			next = ""
			if n > 0 {
				next = extract.PageNumberURL(base, n)
			}
		}
		if next != "" {
			if u, err := extract.Canonical(base, next); err == nil && u != pageURL {
				out = append(out, u)
			}
		}
	}
	if len(out) == 0 {
		if u := azureContinuation(resp.Header, base); u != "" && u != pageURL {
			out = append(out, u)
		}
	}
	if tok := strings.TrimSpace(resp.Header.Get("X-Ms-Continuation")); tok != "" && len(out) == 0 && r.t.Kind == precwatch.KindJSON {
		// Cosmos DB's continuation, which the service takes back as
		// the request header of the same name on the same address
		// (before session 21 such a query ended after its first
		// page, complete).
		if u := continuationURL(pageURL, tok); u != pageURL {
			out = append(out, u)
		}
	}
	return out
}

// linkedCataloguePage reports whether a next page is one an html
// catalogue of detail pages (follow selectors, no listing.item) linked (a
// pager's "next"), not one counted on (Page.CountOn) or asked for by a
// request template; a "Load more" endpoint's cards (listing.item) may end
// with an empty answer.
func (r *run) linkedCataloguePage(it item) bool {
	if r.t.Kind == precwatch.KindJSON || it.post != "" || len(r.t.Follow) == 0 || r.t.Listing.Item != "" {
		return false
	}
	if _, counted := r.counted.Load(seenKey(it.url)); counted {
		return false
	}
	_, templ := extract.RequestTemplate(r.t, it.url)
	return !templ
}

// nextPageHeader returns the value of a response's next-page header:
// X-Next-Page (GitLab), X-NextPage (Wallapop) or X-Next.
func nextPageHeader(h http.Header) string {
	for _, name := range []string{"X-Next-Page", "X-NextPage", "X-Next"} {
		if v := strings.TrimSpace(h.Get(name)); v != "" {
			return v
		}
	}
	return ""
}

// queryOnly is a query string without its "?" ("a=1&start=40").
var queryOnly = regexp.MustCompile(`^[A-Za-z0-9_.~%\[\]-]+=[^\s/?#]*(?:&[A-Za-z0-9_.~%\[\]-]+=[^\s/?#]*)*$`)

// azureContinuation returns the next page of an Azure Table storage query
// (or another API written after it) whose answer holds its continuation
// only in headers — x-ms-continuation-NextPartitionKey and -NextRowKey
// (-NextTableName when listing tables) —, which the service takes back as
// query parameters of those names; "" on the last page, which has none.
func azureContinuation(h http.Header, base *url.URL) string {
	q := base.Query()
	set := false
	for _, name := range []string{"NextPartitionKey", "NextRowKey", "NextTableName"} {
		if v := strings.TrimSpace(h.Get("X-Ms-Continuation-" + name)); v != "" {
			q.Set(name, v)
			set = true
		} else {
			q.Del(name)
		}
	}
	if !set {
		return ""
	}
	u := *base
	u.RawQuery = q.Encode()
	c, err := extract.Canonical(nil, u.String())
	if err != nil {
		return ""
	}
	return c
}

// splitLinks splits a Link header value at the commas between links (not at
// commas inside a <URI>).
func splitLinks(v string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '<':
			depth = 1
		case '>':
			depth = 0
		case ',':
			if depth == 0 {
				out = append(out, v[start:i])
				start = i + 1
			}
		}
	}
	return append(out, v[start:])
}

// wanted reports whether a discovered link is worth fetching: an html
// target skips links to images, PDFs, archives and other files it cannot
// read (by extension).
func (r *run) wanted(raw string) bool {
	return r.t.Kind == precwatch.KindJSON || !nonDocumentLink(raw)
}

// proxiedNext returns a next page on another host but at the page's own
// path on the page's scheme and host: an API behind a reverse proxy that
// does not pass the public host on names its backend's address
// (Django REST Framework's "next": "http://backend:8000/api/products/?page=2"),
// which only the proxy reaches. Only a host that names a backend (see
// backendHost) is moved: a public host at the same path is another site
// (a mirror the platform moved its pagination to), refused as such. Any
// other URL comes back as it is.
func proxiedNext(next, page string) string {
	n, err1 := url.Parse(next)
	p, err2 := url.Parse(page)
	if err1 != nil || err2 != nil || n.Host == "" || strings.EqualFold(n.Host, p.Host) || n.Path != p.Path || !backendHost(n.Hostname()) {
		return next
	}
	n.Scheme, n.Host = p.Scheme, p.Host
	return n.String()
}

// backendHost reports whether host names a server behind a reverse proxy
// rather than a public site: a name of one label (backend, web, app), a
// private or loopback address, or a name under a domain that is not
// public (.internal, .local, .lan, .localdomain, .svc, .cluster.local).
func backendHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if a, err := netip.ParseAddr(host); err == nil {
		return a.IsPrivate() || a.IsLoopback()
	}
	if !strings.Contains(host, ".") {
		return true
	}
	for _, d := range []string{".internal", ".local", ".lan", ".localdomain", ".svc", ".localhost"} {
		if strings.HasSuffix(host, d) {
			return true
		}
	}
	return false
}

// inScope reports whether a discovered URL may be crawled.
func (r *run) inScope(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && r.f.hostAllowed(u.Hostname())
}

// isListingURL reports whether it is a listing detail page (for Gone): it
// matches url_pattern, or, without one, it was followed, or it is a start
// page of a target whose start pages are its listings (no follow
// selectors, no listing.item).
func (r *run) isListingURL(it item) bool {
	if r.pattern != nil {
		return extract.MatchURLPattern(r.pattern, it.url)
	}
	return it.kind == 'f' || it.kind == 's' && len(r.t.Follow) == 0 && r.t.Listing.Item == "" && r.t.Kind != precwatch.KindJSON
}

// fetch gets u politely: robots.txt, the host's limits, retries with
// exponential backoff for timeouts, connection errors and 5xx, Retry-After for
// 429 and 503. A non-2xx final status is returned with an error. With a
// form body (post), u's address is POSTed to (a WebForms postback).
func (r *run) fetch(ctx context.Context, u *url.URL, post string) (*response, string, error) {
	ok, crawlDelay, err := r.f.allowedByRobots(ctx, u)
	if errors.Is(err, ErrBlocked) {
		// The host itself is refused (its robots.txt was never asked
		// for): the page is blocked, not the site unavailable.
		return nil, KindBlocked, err
	}
	if err != nil {
		// robots.txt could not be read: the host is closed for the
		// run, which is a failure, not the site's answer.
		return nil, KindRobotsUnavailable, err
	}
	if !ok {
		return nil, KindRobots, fmt.Errorf("get %s: %w", u, ErrRobots)
	}
	host := u.Host
	retries := max(r.t.MaxRetries, 0)
	for attempt := 0; ; attempt++ {
		if err := r.lim.acquire(ctx, host, crawlDelay); err != nil {
			return nil, "", err
		}
		resp, err := r.f.fetch(u.String(), post)
		r.lim.release(host)
		if ctx.Err() != nil {
			return nil, "", ctx.Err()
		}
		var kind string
		var retry bool
		var wait time.Duration
		switch {
		case err != nil:
			kind, retry = classify(err)
		case resp.Status >= 200 && resp.Status < 300 && resp.Status != http.StatusAccepted:
			if d, ok := rateLimitExhausted(resp.Header, r.c.opts.Now()); ok && d > 0 {
				// The API says no request is left in its window:
				// the whole host waits for the reset rather than
				// running into 429s.
				r.lim.pause(host, d)
			}
			return resp, "", nil
		default:
			kind, retry = statusKind(resp.Status)
			err = fmt.Errorf("get %s: status %d", u, resp.Status)
			if strings.EqualFold(strings.TrimSpace(resp.Header.Get("cf-mitigated")), "challenge") {
				// Cloudflare's managed challenge (403 or 503 with
				// "Just a moment..."): asking again meets it again.
				kind, retry = KindBotWall, false
				err = fmt.Errorf("get %s: %w", u, botWallError("Cloudflare", resp.Status))
				break
			}
			if resp.Status == 429 || resp.Status == 503 {
				if d, ok := retryAfter(resp.Header, r.c.opts.Now()); ok {
					wait = d
					r.lim.pause(host, d) // the whole host waits, not just this page
				}
			}
		}
		if !retry || attempt >= retries {
			return resp, kind, err
		}
		if wait == 0 {
			wait = backoff(r.c.opts.RetryBase, attempt)
		}
		r.c.log.Debug("retrying", "url", u.String(), "kind", kind, "attempt", attempt+1, "wait", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, "", ctx.Err()
		case <-t.C:
		}
	}
}

// backoff is base·2^attempt, capped, with ±25% jitter.
func backoff(base time.Duration, attempt int) time.Duration {
	d := base << min(attempt, 16)
	if d > maxBackoff || d <= 0 {
		d = maxBackoff
	}
	j := time.Duration(rand.Int64N(int64(d)/2+1)) - d/4
	return d + j
}

// limiter enforces per-host parallelism (through the workers' count per
// host, see acquire) and the delay between request starts to one host.
type limiter struct {
	delay time.Duration
	mu    sync.Mutex
	hosts map[string]*hostState
	par   int
}

type hostState struct {
	next   time.Time
	active int
	wake   chan struct{}
}

func newLimiter(delay time.Duration) *limiter {
	return &limiter{delay: delay, hosts: map[string]*hostState{}}
}

// acquire waits until a request to host may start: at most par requests in
// flight to it (par is set by the run) and the host's delay (the larger of
// the target's delay and robots.txt crawl-delay) since the previous start.
func (l *limiter) acquire(ctx context.Context, host string, crawlDelay time.Duration) error {
	delay := max(l.delay, crawlDelay)
	for {
		l.mu.Lock()
		h := l.hosts[host]
		if h == nil {
			h = &hostState{wake: make(chan struct{})}
			l.hosts[host] = h
		}
		now := time.Now()
		if (l.par <= 0 || h.active < l.par) && !now.Before(h.next) {
			h.active++
			h.next = now.Add(delay)
			l.mu.Unlock()
			return nil
		}
		var wait <-chan time.Time
		var t *time.Timer
		if now.Before(h.next) {
			t = time.NewTimer(h.next.Sub(now))
			wait = t.C
		}
		wake := h.wake
		l.mu.Unlock()
		select {
		case <-ctx.Done():
			if t != nil {
				t.Stop()
			}
			return ctx.Err()
		case <-wait:
		case <-wake:
			if t != nil {
				t.Stop()
			}
		}
	}
}

func (l *limiter) release(host string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	h := l.hosts[host]
	h.active--
	close(h.wake)
	h.wake = make(chan struct{})
}

// pause keeps every request to host waiting for d (Retry-After).
func (l *limiter) pause(host string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	h := l.hosts[host]
	if h == nil {
		h = &hostState{wake: make(chan struct{})}
		l.hosts[host] = h
	}
	if until := time.Now().Add(d); until.After(h.next) {
		h.next = until
	}
}
