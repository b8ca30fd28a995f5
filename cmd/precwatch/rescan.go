package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/precwatch/precwatch/monitor"
)

func init() {
	register(&command{name: "rescan", summary: "re-match stored listings after a watchlist change", run: runRescan})
}

func runRescan(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "rescan", "[--data DIR] [--config FILE] [--watchlist FILE ...] [--since DATE] [--threshold F] [--reindex] [--log-level L]")
	dataDir := fs.String("data", "", "data `DIR` (default: the config's data_dir, else ./data)")
	cfgPath := fs.String("config", "", "configuration `FILE` (for its data_dir, threshold and extra watchlists)")
	var extra stringsFlag
	fs.Var(&extra, "watchlist", "extra watchlist `FILE` merged over the built-in one (repeatable)")
	since := fs.String("since", "", "only listings last seen on or after this `DATE` (YYYY-MM-DD or RFC 3339)")
	var threshold optionalFloat
	fs.Var(&threshold, "threshold", "score threshold `F`, 0..1 (default: the config's, else 0.5)")
	reindex := fs.Bool("reindex", false, "also put every stored hit into the search index again, changed or not (rebuilds a lost or damaged index; automatic when the index is empty)")
	logLevel := fs.String("log-level", "warn", "log `level`: debug, info, warn or error")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if msg := extraArgs(fs); msg != "" {
		return usageError(fs, "%s", msg)
	}
	logger, err := newLogger(env.Stderr, *logLevel)
	if err != nil {
		return err
	}
	var from time.Time
	if *since != "" {
		if from, err = parseDate(*since, false); err != nil {
			return badUsage("--since %v", err)
		}
	}
	opts := appOptions{DataDir: *dataDir, Threshold: 0.5, Logger: logger}
	if *cfgPath != "" {
		cfg, err := loadConfig(env, *cfgPath)
		if err != nil {
			return err
		}
		opts.Threshold, opts.Watchlists = cfg.Threshold, cfg.Watchlists
		if opts.DataDir == "" {
			// As crawl and serve: the listings are where the config put them.
			opts.DataDir = cfg.DataDir
		}
	}
	if opts.DataDir == "" {
		opts.DataDir = "./data"
	}
	if threshold.set {
		opts.Threshold = threshold.v
	}
	opts.Watchlists = append(opts.Watchlists, extra...)
	if err := requireData(opts.DataDir); err != nil {
		return err
	}
	a, err := openApp(opts)
	if err != nil {
		return err
	}
	defer a.Close()
	// The index is derived from the database: an empty one (lost, deleted
	// or new) is rebuilt, since a plain rescan stores only changed verdicts.
	if !*reindex {
		n, err := a.index.Count()
		if err != nil {
			return err
		}
		*reindex = n == 0
	}
	rescan := a.monitor.Rescan
	if *reindex {
		rescan = a.monitor.Reindex
	}
	start := time.Now()
	on := isTerminal(env.Stderr)
	s, err := rescan(ctx, from, func(s monitor.RescanSummary) {
		if on {
			fmt.Fprintf(env.Stderr, "\r\033[Krescan: %d listings, %d hits, %d flagged, %d new tickets", s.Listings, s.Hits, s.Flagged, s.Tickets)
		}
	})
	if on {
		fmt.Fprintln(env.Stderr)
	}
	if err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(env.Stdout, "rescanned %d listings in %s (%.0f listings/s): %d with hits, %d suspicious, %d changed, %d new tickets\n",
		s.Listings, el.Round(time.Millisecond), float64(s.Listings)/max(el.Seconds(), 1e-9), s.Hits, s.Flagged, s.Changed, s.Tickets)
	if *reindex {
		fmt.Fprintf(env.Stdout, "re-indexed %d unchanged listings with hits\n", s.Reindexed)
	}
	return nil
}

// optionalFloat is a float flag that knows whether it was given (its help
// shows no made-up default).
type optionalFloat struct {
	v   float64
	set bool
}

func (f *optionalFloat) String() string {
	if f == nil || !f.set {
		return ""
	}
	return strconv.FormatFloat(f.v, 'g', -1, 64)
}

func (f *optionalFloat) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || !(v >= 0 && v <= 1) { // NaN too
		return fmt.Errorf("want a number from 0 to 1")
	}
	f.v, f.set = v, true
	return nil
}
