package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/matchers"
	"github.com/precwatch/precwatch/monitor"
	"github.com/precwatch/precwatch/notify"
	"github.com/precwatch/precwatch/tickets"
)

// app is precwatch opened on one data directory: the concrete packages,
// wired together through the interfaces the consumers declare.
type app struct {
	dataDir string
	logger  *slog.Logger
	store   *tickets.Store
	index   *index.Index
	crawler *crawler.Crawler
	matcher *matchers.Matcher
	monitor *monitor.Monitor
	webhook *notify.Webhook
}

// appOptions say how to open an app.
type appOptions struct {
	DataDir    string
	Threshold  float64
	Watchlists []string
	Logger     *slog.Logger
	Progress   func(crawler.Stats)
	// Refuse are addresses ("host:port") no crawl may reach: precwatch's
	// own listeners, such as the demo's UI before it listens (serve adds
	// its own listen address itself).
	Refuse []string
}

// Paths inside the data directory (DESIGN.md).
func indexPath(dataDir string) string { return filepath.Join(dataDir, "index.bleve") }
func dbPath(dataDir string) string    { return filepath.Join(dataDir, "precwatch.db") }

// openApp opens (creating if needed) the data directory and everything in it.
func openApp(opts appOptions) (_ *app, err error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(opts.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	a := &app{dataDir: opts.DataDir, logger: opts.Logger}
	defer func() {
		if err != nil {
			a.Close()
		}
	}()
	// Lists that admins uploaded through the API live in the data directory
	// and apply to every command that matches.
	wl, err := matchers.LoadWatchlist(append(append([]string(nil), opts.Watchlists...), extraWatchlists(opts.DataDir)...)...)
	if err != nil {
		return nil, err
	}
	for _, w := range wl.Warnings() {
		opts.Logger.Warn("watchlist: " + w.Warning())
	}
	if a.matcher, err = compileMatcher(wl, opts.Threshold); err != nil {
		return nil, fmt.Errorf("matcher: %w", err)
	}
	if a.store, err = tickets.Open(dbPath(opts.DataDir), tickets.Options{Logger: opts.Logger}); err != nil {
		return nil, err
	}
	if a.index, err = index.Open(indexPath(opts.DataDir), index.Options{Logger: opts.Logger}); err != nil {
		return nil, indexBusyHint(err, opts.DataDir)
	}
	if err := reindexRenamed(context.Background(), a.store, a.index, opts.Logger); err != nil {
		return nil, err
	}
	if a.crawler, err = crawler.New(crawler.Options{DataDir: opts.DataDir, Logger: opts.Logger, Progress: opts.Progress}); err != nil {
		return nil, err
	}
	for _, addr := range opts.Refuse {
		if err := a.crawler.RefuseOwn(addr); err != nil {
			return nil, err
		}
	}
	a.webhook = notify.New(outboxAdapter{a.store}, notify.Options{Logger: opts.Logger})
	a.monitor = monitorFor(a, nil)
	return a, nil
}

// monitorFor builds the pipeline of a, with an optional observer of results.
func monitorFor(a *app, observe func(precwatch.Result, bool)) *monitor.Monitor {
	return monitor.New(crawlAdapter{a.crawler, a.store}, a.matcher, a.index, storeAdapter{a.store}, monitor.Options{
		Logger:  a.logger,
		Observe: observe,
		Notify: func(ctx context.Context) {
			if _, err := a.webhook.Flush(ctx); err != nil && ctx.Err() == nil {
				a.logger.Warn("webhook flush", "err", err)
			}
		},
	})
}

// Close closes everything the app opened.
func (a *app) Close() error {
	var errs []error
	if a.crawler != nil {
		errs = append(errs, a.crawler.Close())
	}
	if a.index != nil {
		errs = append(errs, a.index.Close())
	}
	if a.store != nil {
		errs = append(errs, a.store.Close())
	}
	return errors.Join(errs...)
}

// crawlAdapter runs a crawl for the monitor and records the run in the store.
type crawlAdapter struct {
	c     *crawler.Crawler
	store *tickets.Store
}

var _ monitor.Crawler = crawlAdapter{}

func (ca crawlAdapter) Crawl(ctx context.Context, t precwatch.Target, each func(context.Context, precwatch.Listing) error) (*monitor.Run, error) {
	runID, err := ca.store.StartRun(ctx, t.Name, t.Platform, time.Now())
	if err != nil {
		return nil, err
	}
	// While the crawl runs, its record counts the listings delivered so
	// far (every runProgressEvery), so /api/v1/runs shows it moving.
	var delivered atomic.Int64
	stop := ca.reportProgress(ctx, runID, &delivered)
	r, err := ca.c.Run(ctx, t, crawler.SinkFunc(func(ctx context.Context, l precwatch.Listing) error {
		delivered.Add(1)
		return each(ctx, l)
	}))
	stop()
	rec := tickets.Run{ID: runID, Target: t.Name, Platform: t.Platform, Started: time.Now()}
	if r != nil {
		fin := r.Finished
		rec.Started, rec.Finished, rec.Complete = r.Started, &fin, r.Complete
		rec.Pages, rec.Listings, rec.Errors = r.Pages, r.Listings, r.Errors
		if len(r.ErrorsByKind) > 0 {
			rec.Error = mustJSON(r.ErrorsByKind)
		}
	}
	if err != nil {
		rec.Error = mustJSON(map[string]string{"error": err.Error()})
	}
	// The run's record outlives a cancelled context: write it regardless.
	if ferr := ca.store.FinishRun(context.WithoutCancel(ctx), rec); ferr != nil && err == nil {
		err = ferr
	}
	if r == nil {
		return nil, err
	}
	starts := make([]monitor.PageFailure, len(r.StartFailed))
	for i, f := range r.StartFailed {
		starts[i] = monitor.PageFailure{URL: f.URL, Kind: f.Kind}
	}
	return &monitor.Run{
		Record: runID, // HoldEmptyRun notes a kept run on it
		ID:     r.ID, Target: r.Target, Started: r.Started, Finished: r.Finished, Complete: r.Complete,
		Resumed: r.Resumed, Gone: r.Gone, Pages: r.Pages, Listings: r.Listings, Errors: r.Errors,
		ErrorsByKind: r.ErrorsByKind, StartFailed: starts, HitMax: r.HitMax, Robots: r.Robots,
		RobotsNext: r.RobotsNext, OffDomainNext: r.OffDomainNext,
	}, err
}

// runProgressEvery is how often a running crawl's record is updated.
var runProgressEvery = 5 * time.Second

// reportProgress writes n to run id's record every runProgressEvery, when
// it changed, until the returned stop is called (stop waits for the
// writer to end).
func (ca crawlAdapter) reportProgress(ctx context.Context, id int64, n *atomic.Int64) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(runProgressEvery)
		defer tick.Stop()
		last := int64(0)
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if v := n.Load(); v != last {
					// A failed update only leaves the count behind;
					// FinishRun writes the final one.
					if ca.store.RunProgress(ctx, id, int(v)) == nil {
						last = v
					}
				}
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// storeAdapter gives the monitor the ticket store in root types.
type storeAdapter struct{ *tickets.Store }

var _ monitor.Store = storeAdapter{}

func (s storeAdapter) Record(ctx context.Context, r precwatch.Result, at time.Time) (bool, error) {
	o, err := s.Store.Record(ctx, r, at)
	if err != nil {
		return false, err
	}
	return o.Created, nil
}

// outboxAdapter gives the webhook deliverer the ticket store's outbox.
type outboxAdapter struct{ s *tickets.Store }

var _ notify.Outbox = outboxAdapter{}

func (o outboxAdapter) PendingEvents(ctx context.Context, now time.Time, limit int) ([]notify.Pending, error) {
	evs, err := o.s.PendingEvents(ctx, now, limit)
	if err != nil {
		return nil, err
	}
	out := make([]notify.Pending, len(evs))
	for i, e := range evs {
		out[i] = notify.Pending{ID: e.ID, Event: e.Event, Attempts: e.Attempts}
	}
	return out, nil
}

func (o outboxAdapter) MarkDelivered(ctx context.Context, id int64) error {
	return o.s.MarkDelivered(ctx, id)
}

func (o outboxAdapter) MarkFailed(ctx context.Context, id int64, reason string, next time.Time) error {
	return o.s.MarkFailed(ctx, id, reason, next)
}

func (o outboxAdapter) Postpone(ctx context.Context, id int64, reason string, next time.Time) error {
	return o.s.Postpone(ctx, id, reason, next)
}

func (o outboxAdapter) Endpoint(ctx context.Context, platform string) (notify.Endpoint, bool, error) {
	w, err := o.s.Webhook(ctx, platform)
	if err != nil {
		if precwatch.ErrorCode(err) == precwatch.ENOTFOUND {
			return notify.Endpoint{}, false, nil
		}
		return notify.Endpoint{}, false, err
	}
	if w == nil || w.URL == "" {
		return notify.Endpoint{}, false, nil
	}
	return notify.Endpoint{URL: w.URL, Secret: w.Secret}, true, nil
}

// requireData fails with a clear message when dir holds no precwatch data,
// so that a mistyped --data creates nothing.
func requireData(dir string) error {
	if _, err := os.Stat(dbPath(dir)); err != nil {
		return precwatch.Errorf(precwatch.ENOTFOUND, "no precwatch data in %s (run `precwatch crawl` or `precwatch demo` first, or pass --data)", dir)
	}
	return nil
}

// indexBusyHint explains index.ErrLocked, which is what a second process
// opening the same data directory gets after 5 s: the index takes one
// process at a time.
func indexBusyHint(err error, dataDir string) error {
	if !errors.Is(err, index.ErrLocked) {
		return err
	}
	return fmt.Errorf("%w: another precwatch process (serve, demo, crawl or rescan) is using %s, and the index takes one process at a time; "+
		"stop it first, or while serve runs use its API (search, targets/{name}/run)", err, dataDir)
}
