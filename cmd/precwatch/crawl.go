package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/config"
	"github.com/precwatch/precwatch/crawler"
	"github.com/precwatch/precwatch/monitor"
	"github.com/precwatch/precwatch/tickets"
)

func init() {
	register(&command{name: "crawl", summary: "crawl targets once through the whole pipeline", run: runCrawl})
}

// stringsFlag is a repeatable string flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

func runCrawl(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "crawl", "--config FILE [--data DIR] [--target NAME ...] [--listings FILE]")
	cfgPath := fs.String("config", "", "configuration file (required)")
	dataDir := fs.String("data", "", "data directory (default: the config's data_dir)")
	var names stringsFlag
	fs.Var(&names, "target", "crawl only this target (repeatable)")
	listingsPath := fs.String("listings", "", "also write every extracted listing with its match result to this JSONL file")
	logLevel := fs.String("log-level", "warn", "log level: debug, info, warn, error")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cfgPath == "" {
		return usageError(fs, "--config is required")
	}
	if msg := extraArgs(fs); msg != "" {
		return usageError(fs, "%s", msg)
	}
	logger, err := newLogger(env.Stderr, *logLevel)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(env, *cfgPath)
	if err != nil {
		return err
	}
	targets, err := selectTargets(cfg, *cfgPath, names)
	if err != nil {
		return err
	}
	for _, t := range targets {
		if hint := privateNetworkHint(t); hint != "" {
			fmt.Fprintln(env.Stderr, "warning: "+hint)
		}
	}
	if *dataDir == "" {
		*dataDir = cfg.DataDir
	}

	var out io.Writer
	if *listingsPath != "" {
		f, err := os.Create(*listingsPath)
		if err != nil {
			return fmt.Errorf("listings file: %w", err)
		}
		defer f.Close()
		out = f
	}
	prog := newProgress(env.Stderr)
	a, err := openApp(appOptions{DataDir: *dataDir, Threshold: cfg.Threshold, Watchlists: cfg.Watchlists, Logger: logger, Progress: prog.crawl})
	if err != nil {
		return err
	}
	defer a.Close()
	if err := applyPlatforms(ctx, a.store, cfg); err != nil {
		return err
	}
	if out != nil {
		a.monitor = monitorFor(a, jsonlObserver(out))
	}
	sums := runTargets(ctx, a, targets, prog)
	prog.done()
	printSummary(env.Stdout, sums)
	printCrawlHints(env.Stderr, *cfgPath, sums)
	if ctx.Err() != nil {
		fmt.Fprintln(env.Stderr, "precwatch crawl: interrupted; the next crawl resumes where this one stopped")
		return errSilent
	}
	return nil
}

// loadConfig loads and validates a configuration file, printing every
// problem (file:line:col: message) on failure.
func loadConfig(env *Env, path string) (*config.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	cfg, err := config.Parse(path, data, env.Getenv)
	if err != nil {
		fmt.Fprintln(env.Stderr, err)
		return nil, errSilent
	}
	// Extra watchlists are relative to the configuration file.
	for i, w := range cfg.Watchlists {
		if !filepath.IsAbs(w) {
			cfg.Watchlists[i] = filepath.Join(filepath.Dir(path), w)
		}
	}
	return cfg, nil
}

// selectTargets returns the named targets of cfg, or all of them.
func selectTargets(cfg *config.Config, cfgPath string, names []string) ([]precwatch.Target, error) {
	if len(names) == 0 {
		return cfg.Targets, nil
	}
	var ts []precwatch.Target
	for _, n := range names {
		t := cfg.Target(n)
		if t == nil {
			known := make([]string, 0, len(cfg.Targets))
			for _, t := range cfg.Targets {
				known = append(known, t.Name)
			}
			// A plain error: the user reads "no target "x" in FILE (targets: a, b)",
			// not an error code.
			return nil, fmt.Errorf("no target %q in %s (targets: %s)", n, cfgPath, strings.Join(known, ", "))
		}
		ts = append(ts, *t)
	}
	return ts, nil
}

// applyPlatforms stores the webhooks of the configuration's platforms.
func applyPlatforms(ctx context.Context, s *tickets.Store, cfg *config.Config) error {
	for _, p := range cfg.Platforms {
		if p.WebhookURL == "" {
			continue
		}
		if err := s.SetWebhook(ctx, tickets.Webhook{Platform: p.Name, URL: p.WebhookURL, Secret: p.WebhookSecret}); err != nil {
			return fmt.Errorf("webhook of %s: %w", p.Name, err)
		}
	}
	return nil
}

// runTargets runs each target once in turn and returns their summaries. A
// failing target is reported in its summary; the others still run.
func runTargets(ctx context.Context, a *app, targets []precwatch.Target, prog *progress) []*monitor.Summary {
	var sums []*monitor.Summary
	for _, t := range targets {
		if ctx.Err() != nil {
			break
		}
		c := &monitor.Counters{}
		prog.watch(t.Name, c)
		sum, err := a.monitor.RunTarget(ctx, t, c)
		if sum == nil {
			sum = &monitor.Summary{Target: t.Name, Platform: t.Platform}
		}
		sum.Err = err
		sums = append(sums, sum)
	}
	return sums
}

// jsonlObserver writes each result as one JSON line, safe for concurrent use.
func jsonlObserver(w io.Writer) func(precwatch.Result, bool) {
	var mu sync.Mutex
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return func(r precwatch.Result, _ bool) {
		mu.Lock()
		defer mu.Unlock()
		enc.Encode(r)
	}
}

// printSummary prints one row per target run.
func printSummary(w io.Writer, sums []*monitor.Summary) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "TARGET\tPLATFORM\tPAGES\tLISTINGS\tUNCHANGED\tHITS\tFLAGGED\tNEW TICKETS\tREMOVED\tERRORS\tCOMPLETE\t")
	for _, s := range sums {
		pages, errs, complete := 0, 0, "no"
		if s.Run != nil {
			pages, errs = s.Run.Pages, s.Run.Errors
			if s.Run.Complete {
				complete = "yes"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t\n", s.Target, s.Platform, pages, s.Listings,
			s.Unchanged, s.Hits, s.Flagged, s.Tickets, s.Removed, errs, complete)
	}
	tw.Flush()
	for _, s := range sums {
		if s.Err != nil {
			fmt.Fprintf(w, "%s: %v\n", s.Target, s.Err)
		}
	}
}

// printCrawlHints tells the user what to do about a target run that
// fetched pages but extracted nothing, or whose every page failed: both
// look like a successful crawl in the summary table.
func printCrawlHints(w io.Writer, cfgPath string, sums []*monitor.Summary) {
	for _, s := range sums {
		if s.Run == nil || s.Run.Pages == 0 || s.Err != nil {
			continue
		}
		test := fmt.Sprintf("precwatch target test --config %s --target %s", cfgPath, s.Target)
		switch {
		case s.Run.Errors >= s.Run.Pages:
			fmt.Fprintf(w, "%s: every page failed (see the warnings above); try: %s\n", s.Target, test)
		case s.Listings == 0:
			fmt.Fprintf(w, "%s: %s fetched but no listings extracted: check its follow, next_page, url_pattern and field selectors with: %s\n",
				s.Target, plural(s.Run.Pages, "page"), test)
		}
	}
}

// progress shows a live line on a terminal; elsewhere it stays quiet.
type progress struct {
	w    io.Writer
	on   bool
	mu   sync.Mutex
	name string
	c    *monitor.Counters
	last time.Time
}

func newProgress(w io.Writer) *progress { return &progress{w: w, on: isTerminal(w)} }

func (p *progress) watch(name string, c *monitor.Counters) {
	p.mu.Lock()
	p.name, p.c = name, c
	p.mu.Unlock()
}

func (p *progress) crawl(s crawler.Stats) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	var hits, flagged int64
	if p.c != nil {
		hits, flagged = p.c.Hits.Load(), p.c.Flagged.Load()
	}
	fmt.Fprintf(p.w, "\r\033[K%s: %d pages, %d listings, %d hits, %d flagged, %d errors, %d queued, %.1f pages/s",
		s.Target, s.Pages, s.Listings, hits, flagged, s.Errors, s.Queued, s.Rate)
	p.last = time.Now()
}

func (p *progress) done() {
	if p.on && !p.last.IsZero() {
		fmt.Fprintln(p.w)
	}
}
