package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/config"
	"github.com/precwatch/precwatch/demo"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/monitor"
	"github.com/precwatch/precwatch/tickets"
)

func init() {
	register(&command{name: "demo", summary: "crawl the bundled demo marketplaces and serve the UI", run: runDemo})
}

// defaultDemoData is the data directory of the demo; a second run reuses it
// without duplicating tickets.
const defaultDemoData = "./precwatch-demo"

func runDemo(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "demo", "[--addr 127.0.0.1:8080] [--data DIR] [--no-serve] [--sites-addr ADDR] [--log-level L]")
	addr := fs.String("addr", "127.0.0.1:8080", "`HOST:PORT` of the web UI and API")
	dataDir := fs.String("data", defaultDemoData, "data `DIR` (created if missing; reused by the next run)")
	sitesAddr := fs.String("sites-addr", "127.0.0.1:0", "`HOST:PORT` of the demo marketplaces (port P: P, P+1 and P+2; 0: random ports)")
	noServe := fs.Bool("no-serve", false, "stop after the crawl instead of serving the UI")
	logLevel := fs.String("log-level", "warn", "log `level`: debug, info, warn or error")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if msg := extraArgs(fs); msg != "" {
		return usageError(fs, "%s", msg)
	}
	for _, a := range []struct{ flag, addr string }{{"--addr", *addr}, {"--sites-addr", *sitesAddr}} {
		if _, _, err := net.SplitHostPort(a.addr); err != nil {
			return badUsage("%s %q: want HOST:PORT (127.0.0.1:8080)", a.flag, a.addr)
		}
	}
	logger, err := newLogger(env.Stderr, *logLevel)
	if err != nil {
		return err
	}
	if !*noServe {
		// Fail at once when the UI's address is taken, not after the crawl.
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return fmt.Errorf("listen %s (--addr): %w", *addr, err)
		}
		ln.Close()
	}
	// One demo per data directory, from the start: the index is locked
	// only once a shard exists, so a second demo on a fresh directory
	// would otherwise run alongside the first until it indexed a hit.
	unlock, err := lockDataDir(*dataDir, "demo")
	if err != nil {
		return err
	}
	defer unlock()
	// Fail at once, before the marketplaces start, when another precwatch
	// (a running demo, serve, crawl) holds the data directory's index; the
	// app opened below holds it for this run before demo.yml is written.
	if err := checkIndexFree(*dataDir); err != nil {
		return err
	}
	d, err := demo.Start(ctx, demo.Options{Addr: *sitesAddr, Logger: logger})
	if err != nil {
		return fmt.Errorf("start demo marketplaces: %w", err)
	}
	defer d.Close()
	cfgPath := filepath.Join(*dataDir, "demo.yml")
	cfg, err := config.Parse(cfgPath, d.ConfigYAML(), env.Getenv)
	if err != nil {
		return fmt.Errorf("demo config: %w", err)
	}
	cfg.DataDir = *dataDir
	if err := os.MkdirAll(*dataDir, 0o755); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	prog := newProgress(env.Stderr)
	opts := appOptions{DataDir: *dataDir, Threshold: cfg.Threshold, Logger: logger, Progress: prog.crawl}
	if !*noServe {
		// The first crawl runs before the UI listens: the guard that
		// serve arms on its listener must hold for it too.
		opts.Refuse = []string{*addr}
	}
	// The data directory is this demo's (its index is locked) before
	// anything in it is written: a second demo on a directory in use
	// fails here, leaving the running one's demo.yml alone.
	a, err := openApp(opts)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := os.WriteFile(cfgPath, d.ConfigYAML(), 0o644); err != nil {
		return fmt.Errorf("write demo config: %w", err)
	}

	fmt.Fprintf(env.Stdout, "precwatch demo — data in %s (reused by the next run; delete it to start over)\n", *dataDir)
	for _, s := range d.Sites() {
		fmt.Fprintf(env.Stdout, "  marketplace %-20s %s\n", s.Platform, s.URL)
	}
	sums := runTargets(ctx, a, cfg.Targets, prog)
	prog.done()
	if ctx.Err() != nil {
		fmt.Fprintf(env.Stderr, "precwatch demo: interrupted during the crawl; the next run (same --data) resumes it\n")
		return errSilent
	}
	if err := printDemoSummary(ctx, env.Stdout, a.store, sums); err != nil {
		return err
	}
	for _, s := range sums {
		if s.Err != nil {
			return fmt.Errorf("crawl %s: %w", s.Target, s.Err)
		}
	}
	if *noServe {
		return nil
	}
	token, err := a.store.CreateToken(ctx, precwatch.RoleAdmin, "")
	if err != nil {
		return fmt.Errorf("create admin token: %w", err)
	}
	return serveApp(ctx, env, a, cfg, *addr, func(url string) {
		fmt.Fprintf(env.Stdout, "\nOpen %s and sign in with this admin token:\n\n  %s\n\nPress Ctrl-C to stop.\n", url, token)
	}, sums...)
}

// checkIndexFree returns an error saying so when another process holds
// the index of dataDir (an index that does not exist is free).
func checkIndexFree(dataDir string) error {
	x, err := index.Open(indexPath(dataDir), index.Options{ReadOnly: true})
	if err == nil {
		return x.Close()
	}
	if errors.Is(err, index.ErrLocked) {
		return indexBusyHint(fmt.Errorf("open index %s: %w", indexPath(dataDir), err), dataDir)
	}
	return nil // missing, or needs a rebuild: openApp deals with it
}

// printDemoSummary prints one row per platform: pages, listings, hits and
// tickets (all, and created by this run).
func printDemoSummary(ctx context.Context, w io.Writer, s *tickets.Store, sums []*monitor.Summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\nPLATFORM\tPAGES\tLISTINGS\tHITS\tFLAGGED\tTICKETS\tNEW TICKETS\tERRORS\t")
	for _, sum := range sums {
		n, err := s.CountTickets(ctx, tickets.Filter{Platforms: []string{sum.Platform}})
		if err != nil {
			return fmt.Errorf("count tickets: %w", err)
		}
		pages, errs := 0, 0
		if sum.Run != nil {
			pages, errs = sum.Run.Pages, sum.Run.Errors
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", sum.Platform, pages, sum.Listings, sum.Hits, sum.Flagged, n, sum.Tickets, errs)
	}
	return tw.Flush()
}
