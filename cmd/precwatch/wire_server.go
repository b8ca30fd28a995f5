package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/config"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/matchers"
	"github.com/precwatch/precwatch/monitor"
	"github.com/precwatch/precwatch/server"
	"github.com/precwatch/precwatch/tickets"
)

// watchlistDir is where extra watchlists uploaded through the API live.
func watchlistDir(dataDir string) string { return filepath.Join(dataDir, "watchlists") }

// extraWatchlists returns the watchlists uploaded through the API, by name:
// they are merged over the configuration's at start (serve, rescan, demo).
func extraWatchlists(dataDir string) []string {
	files, _ := filepath.Glob(filepath.Join(watchlistDir(dataDir), "*.yaml"))
	sort.Strings(files)
	return files
}

// backend gives package server the concrete packages behind its
// interfaces. It is safe for concurrent use.
type backend struct {
	a      *app
	logger *slog.Logger
	cfg    atomic.Pointer[config.Config]
	wl     *matchers.Watchlist // the watchlist in effect since start

	// Set by serve once the scheduler runs; nil before.
	sched atomic.Pointer[monitor.Scheduler]
	// runs owns the background runs of unscheduled targets started by
	// RunNow; ctx stops them.
	ctx    context.Context
	runs   sync.WaitGroup
	onDone func(*monitor.Summary, error) // sees every run's outcome (metrics); may be nil

	evMu    sync.Mutex
	evAt    time.Time
	evIndex map[string]map[string]bool // evidence hash -> platforms
}

var (
	_ server.Authenticator  = (*backend)(nil)
	_ server.Tickets        = (*backend)(nil)
	_ server.Searcher       = (*backend)(nil)
	_ server.Targets        = (*backend)(nil)
	_ server.Crawls         = (*backend)(nil)
	_ server.Watchlist      = (*backend)(nil)
	_ server.Evidence       = (*backend)(nil)
	_ server.ListingTickets = (*backend)(nil)
)

func newBackend(ctx context.Context, a *app, cfg *config.Config, watchlists []string) (*backend, error) {
	wl, err := matchers.LoadWatchlist(watchlists...)
	if err != nil {
		return nil, err
	}
	b := &backend{a: a, logger: a.logger, wl: wl, ctx: ctx}
	b.cfg.Store(cfg)
	// A CAS search finds the substance the number belongs to (a salt's
	// CAS its parent), as the watchlist in effect says.
	a.index.SetCASSubstances(casSubstances(wl))
	return b, nil
}

// casSubstances maps a CAS number to the ids of the watchlist substances
// it belongs to: the substance whose primary CAS it is and the parent of a
// related form (salt, ester, isomer, hydrate) with its own number.
func casSubstances(wl *matchers.Watchlist) index.CASSubstances {
	m := map[string][]string{}
	add := func(cas, id string) {
		if cas != "" && !slices.Contains(m[cas], id) {
			m[cas] = append(m[cas], id)
		}
	}
	for _, s := range wl.Substances() {
		add(s.CAS, s.ID)
		for _, r := range s.Related {
			add(r.CAS, s.ID)
		}
	}
	return func(cas string) []string { return m[cas] }
}

// newServer builds the HTTP server over b; tune, if given, adjusts the
// options (benchmarks).
func newServer(b *backend, tune ...func(*server.Options)) (*server.Server, error) {
	opts := server.Options{
		Auth: b, Tickets: b, Search: b, Targets: b, Crawls: b, Watchlist: b, Evidence: b,
		ValidateTarget: validateTarget,
		DefaultTarget:  config.DefaultTarget,
		ParseTarget:    parseTarget,
		Logger:         b.logger,
	}
	for _, f := range tune {
		f(&opts)
	}
	return server.New(opts)
}

// --- auth ---

func (b *backend) Authenticate(ctx context.Context, token string) (*server.Principal, error) {
	p, err := b.a.store.Authenticate(ctx, token)
	if err != nil {
		return nil, err
	}
	return &server.Principal{TokenID: p.TokenID, Role: p.Role, Platform: p.Platform}, nil
}

// TokenUsed records a successful use of a token (server.UsageRecorder).
func (b *backend) TokenUsed(ctx context.Context, tokenID int64) error {
	return b.a.store.TokenUsed(ctx, tokenID)
}

// --- tickets ---

func (b *backend) Tickets(ctx context.Context, f server.TicketFilter) ([]precwatch.Ticket, error) {
	return b.a.store.Tickets(ctx, tickets.Filter(f))
}

func (b *backend) CountTickets(ctx context.Context, f server.TicketFilter) (int, error) {
	return b.a.store.CountTickets(ctx, tickets.Filter(f))
}

func (b *backend) Ticket(ctx context.Context, id int64) (*precwatch.Ticket, error) {
	return b.a.store.Ticket(ctx, id)
}

func (b *backend) Events(ctx context.Context, id int64) ([]server.TicketEvent, error) {
	evs, err := b.a.store.Events(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]server.TicketEvent, len(evs))
	for i, e := range evs {
		out[i] = server.TicketEvent(e)
	}
	return out, nil
}

func (b *backend) Links(ctx context.Context, id int64) ([]server.Link, error) {
	ls, err := b.a.store.Links(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]server.Link, len(ls))
	for i, l := range ls {
		out[i] = server.Link(l)
	}
	return out, nil
}

func (b *backend) Listing(ctx context.Context, platform, listingID string) (*precwatch.Result, error) {
	return b.a.store.Listing(ctx, platform, listingID)
}

func (b *backend) KnownPlatforms(ctx context.Context) ([]string, error) {
	return b.a.store.Platforms(ctx)
}

func (b *backend) Versions(ctx context.Context, platform, listingID string) ([]server.ListingVersion, error) {
	vs, err := b.a.store.Versions(ctx, platform, listingID)
	if err != nil {
		return nil, err
	}
	out := make([]server.ListingVersion, len(vs))
	for i, v := range vs {
		out[i] = server.ListingVersion(v)
	}
	return out, nil
}

// ListingTicket returns the id of a listing's ticket and the listing's
// evidence, 0 and "" for none (server.ListingTickets: search results link
// to them).
func (b *backend) ListingTicket(ctx context.Context, platform, listingID string) (int64, string, error) {
	return b.a.store.ListingTicket(ctx, platform, listingID)
}

func (b *backend) FlaggedResult(ctx context.Context, id int64) (*precwatch.Result, error) {
	return b.a.store.FlaggedResult(ctx, id)
}

func (b *backend) Observables(ctx context.Context, platform, listingID string) ([]precwatch.Observable, error) {
	return b.a.store.Observables(ctx, platform, listingID)
}

func (b *backend) SetStatus(ctx context.Context, id int64, status, actor, reason string) error {
	return b.a.store.SetStatus(ctx, id, status, actor, reason)
}

// SetStatusFrom changes a status only if it is still from
// (server.ConditionalStatus).
func (b *backend) SetStatusFrom(ctx context.Context, id int64, from, status, actor, reason string) error {
	return b.a.store.SetStatusFrom(ctx, id, from, status, actor, reason)
}

func (b *backend) Assign(ctx context.Context, id int64, assignee, actor string) error {
	return b.a.store.Assign(ctx, id, assignee, actor)
}

func (b *backend) AddNote(ctx context.Context, id int64, actor, note string) error {
	return b.a.store.AddNote(ctx, id, actor, note)
}

func (b *backend) Export(ctx context.Context, w io.Writer, format string, f server.TicketFilter) error {
	switch format {
	case server.ExportCSV:
		return b.a.store.ExportCSV(ctx, w, tickets.Filter(f))
	case server.ExportJSONL:
		return b.a.store.ExportJSONL(ctx, w, tickets.Filter(f))
	case server.ExportIncident:
		return b.a.store.IncidentReport(ctx, w, tickets.Filter(f))
	}
	return precwatch.Errorf(precwatch.EINVALID, "unknown export format %q", format)
}

func (b *backend) TicketCounts(ctx context.Context) (map[string]int, error) {
	return b.a.store.TicketCounts(ctx, nil)
}

func (b *backend) Transitions() map[string][]string { return tickets.Transitions }

// --- search ---

func (b *backend) Search(ctx context.Context, q server.SearchQuery) (*server.SearchResults, error) {
	res, err := b.a.index.Search(ctx, index.Query(q))
	if err != nil {
		return nil, err
	}
	out := &server.SearchResults{Total: res.Total, Took: res.Took, Approximate: res.Approximate, Hits: make([]server.SearchHit, len(res.Hits))}
	for i, h := range res.Hits {
		out.Hits[i] = server.SearchHit(h)
	}
	if res.Facets != nil {
		out.Facets = map[string][]server.FacetTerm{}
		for k, ts := range res.Facets {
			out.Facets[k] = make([]server.FacetTerm, 0, len(ts)) // [] for a field without values
			for _, t := range ts {
				out.Facets[k] = append(out.Facets[k], server.FacetTerm(t))
			}
		}
	}
	return out, nil
}

// --- targets ---

// allTargets returns the configuration's targets and the stored ones (a
// stored target never shadows a configuration target of the same name).
func (b *backend) allTargets(ctx context.Context, platforms []string) ([]server.TargetInfo, error) {
	cfg := b.cfg.Load()
	in := func(p string) bool {
		if len(platforms) == 0 {
			return true
		}
		for _, q := range platforms {
			if q == p {
				return true
			}
		}
		return false
	}
	var out []server.TargetInfo
	seen := map[string]bool{}
	for _, t := range cfg.Targets {
		seen[t.Name] = true
		if in(t.Platform) {
			out = append(out, server.TargetInfo{Target: t, Source: server.SourceConfig, Running: b.a.monitor.Running(t.Name)})
		}
	}
	stored, err := b.a.store.Targets(ctx, platforms)
	if err != nil {
		return nil, err
	}
	for _, st := range stored {
		if seen[st.Target.Name] {
			continue
		}
		out = append(out, server.TargetInfo{Target: st.Target, Source: server.SourceAPI, UpdatedAt: st.UpdatedAt,
			Running: b.a.monitor.Running(st.Target.Name)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Target.Name < out[j].Target.Name })
	return out, nil
}

func (b *backend) Targets(ctx context.Context, platforms []string) ([]server.TargetInfo, error) {
	return b.allTargets(ctx, platforms)
}

func (b *backend) Target(ctx context.Context, name string) (*server.TargetInfo, error) {
	if t := b.cfg.Load().Target(name); t != nil {
		return &server.TargetInfo{Target: *t, Source: server.SourceConfig, Running: b.a.monitor.Running(name)}, nil
	}
	st, err := b.a.store.Target(ctx, name)
	if err != nil {
		return nil, err
	}
	return &server.TargetInfo{Target: st.Target, Source: server.SourceAPI, UpdatedAt: st.UpdatedAt, Running: b.a.monitor.Running(name)}, nil
}

func (b *backend) PutTarget(ctx context.Context, t precwatch.Target) error {
	if b.cfg.Load().Target(t.Name) != nil {
		return precwatch.Errorf(precwatch.ECONFLICT, "target %s comes from the configuration file", t.Name)
	}
	if err := b.a.store.PutTarget(ctx, t); err != nil {
		return err
	}
	b.reschedule(ctx)
	return nil
}

func (b *backend) DeleteTarget(ctx context.Context, name string) error {
	if b.cfg.Load().Target(name) != nil {
		return precwatch.Errorf(precwatch.ECONFLICT, "target %s comes from the configuration file", name)
	}
	if err := b.a.store.DeleteTarget(ctx, name); err != nil {
		return err
	}
	b.reschedule(ctx)
	return nil
}

// schedulable returns every target to schedule.
func (b *backend) schedulable(ctx context.Context) ([]precwatch.Target, error) {
	infos, err := b.allTargets(ctx, nil)
	if err != nil {
		return nil, err
	}
	ts := make([]precwatch.Target, len(infos))
	for i, ti := range infos {
		ts[i] = ti.Target
	}
	return ts, nil
}

// reschedule hands the scheduler the current targets (no-op before serve
// starts it).
func (b *backend) reschedule(ctx context.Context) {
	s := b.sched.Load()
	if s == nil {
		return
	}
	ts, err := b.schedulable(context.WithoutCancel(ctx))
	if err == nil {
		err = s.Update(ts)
	}
	if err != nil {
		b.logger.Error("reschedule targets", "err", err)
	}
}

// --- crawls ---

func (b *backend) Runs(ctx context.Context, platforms []string, limit int) ([]server.Run, error) {
	rs, err := b.a.store.Runs(ctx, platforms, limit)
	if err != nil {
		return nil, err
	}
	out := make([]server.Run, len(rs))
	for i, r := range rs {
		out[i] = server.Run(r)
	}
	return out, nil
}

func (b *backend) RunNow(ctx context.Context, name string) error {
	if s := b.sched.Load(); s != nil {
		err := s.RunNow(name)
		if precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
			return err
		}
	}
	// Not scheduled (no schedule, or no scheduler): run it in the
	// background under the server's context.
	ti, err := b.Target(ctx, name)
	if err != nil {
		return err
	}
	if b.a.monitor.Running(name) {
		return precwatch.Errorf(precwatch.ECONFLICT, "target %q is already running", name)
	}
	if b.ctx.Err() != nil {
		return precwatch.Errorf(precwatch.ECONFLICT, "shutting down")
	}
	b.runs.Add(1)
	go func() {
		defer b.runs.Done()
		sum, err := b.a.monitor.RunTarget(b.ctx, ti.Target, nil)
		if err != nil {
			b.logger.Warn("run failed", "target", name, "err", err)
		}
		if b.onDone != nil {
			b.onDone(sum, err)
		}
	}()
	return nil
}

func (b *backend) Test(ctx context.Context, t precwatch.Target, pages int) (*server.TestReport, error) {
	rep, err := b.a.crawler.Test(ctx, t, pages)
	if rep == nil {
		return nil, err
	}
	out := &server.TestReport{Target: rep.Target, Listings: rep.Listings, Counts: rep.Counts, Unmatched: rep.Unmatched,
		Pages: make([]server.TestPage, len(rep.Pages))}
	for i, p := range rep.Pages {
		out.Pages[i] = server.TestPage(p)
	}
	return out, err
}

// --- watchlist ---

func (b *backend) Watchlist(ctx context.Context) (*server.WatchlistInfo, error) {
	info := &server.WatchlistInfo{Substances: []server.WatchSubstance{}, Extra: []string{}}
	for _, s := range b.wl.Substances() {
		ws := server.WatchSubstance{ID: s.ID, Name: s.Name, List: s.List, CAS: s.CAS, Immediate: s.Immediate,
			Terms: 1 + len(s.Synonyms) + len(s.Abbreviations) + len(s.TradeNames) + len(s.StreetNames) + len(s.Medicines)}
		for _, names := range s.Names {
			ws.Terms += len(names)
		}
		for _, r := range s.Related {
			if r.CAS != "" {
				ws.Related = append(ws.Related, r.CAS)
			}
		}
		info.Substances = append(info.Substances, ws)
	}
	for _, f := range extraWatchlists(b.a.dataDir) {
		info.Extra = append(info.Extra, filepath.Base(f))
	}
	return info, nil
}

func (b *backend) AddList(ctx context.Context, name string, data []byte) (int, []string, error) {
	dir := watchlistDir(b.a.dataDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, nil, fmt.Errorf("watchlist directory: %w", err)
	}
	subs, err := matchers.ParseWatchlist(name+".yaml", data)
	if err != nil {
		return 0, nil, precwatch.Errorf(precwatch.EINVALID, "%v", err)
	}
	if len(subs) == 0 {
		return 0, nil, precwatch.Errorf(precwatch.EINVALID, "the list has no substances")
	}
	tmp, err := os.CreateTemp(dir, ".upload-*.yaml")
	if err != nil {
		return 0, nil, fmt.Errorf("store watchlist: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return 0, nil, fmt.Errorf("store watchlist: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return 0, nil, fmt.Errorf("store watchlist: %w", err)
	}
	// The whole set must load together, as it will at the next start.
	final := filepath.Join(dir, name+".yaml")
	var files []string
	files = append(files, b.cfg.Load().Watchlists...)
	for _, f := range extraWatchlists(b.a.dataDir) {
		if f != final {
			files = append(files, f)
		}
	}
	wl, err := matchers.LoadWatchlist(append(files, tmp.Name())...)
	if err != nil {
		return 0, nil, precwatch.Errorf(precwatch.EINVALID, "%s", strings.ReplaceAll(err.Error(), tmp.Name(), name+".yaml"))
	}
	// Warnings about the upload, under the name it is stored as.
	var warnings []string
	for _, p := range wl.Warnings() {
		if p.File == tmp.Name() {
			warnings = append(warnings, strings.ReplaceAll(p.Warning(), tmp.Name(), name+".yaml"))
		}
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return 0, nil, fmt.Errorf("store watchlist: %w", err)
	}
	return len(subs), warnings, nil
}

// --- evidence ---

func (b *backend) Snapshot(ctx context.Context, hash string) (*server.Snapshot, error) {
	s, err := b.a.crawler.Evidence().Get(hash)
	if errors.Is(err, fs.ErrNotExist) {
		// Its file was deleted (retention): gone, not an internal error.
		return nil, precwatch.Errorf(precwatch.ENOTFOUND, "evidence %s is no longer stored", hash)
	}
	if err != nil {
		return nil, err
	}
	// Snapshots stored before the crawler masked them name their page
	// with the target's URL secrets.
	return &server.Snapshot{URL: precwatch.RedactSecrets(s.URL), FetchedAt: s.FetchedAt, Status: s.Status, Header: s.Header, Body: s.Body}, nil
}

// evidenceRefresh bounds how often a miss rebuilds the evidence map.
const evidenceRefresh = 2 * time.Second

// Platforms maps an evidence hash to the platforms of the tickets that
// cite it (as their current evidence or a version of their listing's
// history), from a map of every ticket's evidence rebuilt on a miss.
func (b *backend) Platforms(ctx context.Context, hash string, platforms []string) ([]string, error) {
	b.evMu.Lock()
	defer b.evMu.Unlock()
	if b.evIndex[hash] == nil && time.Since(b.evAt) > evidenceRefresh {
		// Every version of a ticket's listing, not only its current
		// evidence: the ticket's history lists them all.
		cites, err := b.a.store.EvidencePlatforms(ctx)
		if err != nil {
			return nil, err
		}
		m := map[string]map[string]bool{}
		for hash, ps := range cites {
			m[hash] = map[string]bool{}
			for _, p := range ps {
				m[hash][p] = true
			}
		}
		b.evIndex, b.evAt = m, time.Now()
	}
	var out []string
	for p := range b.evIndex[hash] {
		if len(platforms) == 0 {
			out = append(out, p)
			continue
		}
		for _, q := range platforms {
			if p == q {
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// runStats turns a monitor summary into the server's metrics record.
func runStats(sum *monitor.Summary, err error) server.RunStats {
	rs := server.RunStats{Failed: err != nil}
	if sum == nil {
		return rs
	}
	rs.Target, rs.Platform = sum.Target, sum.Platform
	rs.Listings, rs.Hits, rs.Flagged, rs.Tickets = sum.Listings, sum.Hits, sum.Flagged, sum.Tickets
	rs.Kept = int64(sum.Kept)
	if sum.Run != nil {
		rs.Pages = int64(sum.Run.Pages)
		rs.ErrorsByKind = sum.Run.ErrorsByKind
		rs.Duration = sum.Run.Finished.Sub(sum.Run.Started)
	}
	return rs
}
