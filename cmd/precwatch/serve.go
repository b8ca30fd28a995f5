package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/config"
	"github.com/precwatch/precwatch/monitor"
	"github.com/precwatch/precwatch/notify"
	"github.com/precwatch/precwatch/server"
	"github.com/precwatch/precwatch/tickets"
)

func init() {
	register(&command{name: "serve", summary: "serve the API and web UI and crawl targets on their schedules", run: runServe})
}

// Knobs that tests turn down; the defaults suit production.
var (
	// configPoll is how often serve checks the configuration file's mtime.
	configPoll = 3 * time.Second
	// webhookOptions are the delivery settings of serve's webhook loop
	// (metrics hooks are added by serve).
	webhookOptions = notify.Options{}
	// shutdownGrace bounds how long in-flight HTTP requests may finish.
	shutdownGrace = 10 * time.Second
)

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "serve", "--config FILE [--data DIR] [--addr 127.0.0.1:8080] [--log-level L]")
	cfgPath := fs.String("config", "", "configuration `FILE` (required); reloaded when it changes")
	dataDir := fs.String("data", "", "data `DIR` (default: the config's data_dir)")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `ADDRESS`")
	logLevel := fs.String("log-level", "info", "log `level`: debug, info, warn or error")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cfgPath == "" {
		return usageError(fs, "--config is required")
	}
	if msg := extraArgs(fs); msg != "" {
		return usageError(fs, "%s", msg)
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return usageError(fs, "--addr %q: want HOST:PORT (127.0.0.1:8080)", *addr)
	}
	logger, err := newLogger(env.Stderr, *logLevel)
	if err != nil {
		return err
	}
	// Crawls log the URLs they fetch, and Go's HTTP errors quote them:
	// newLogger masks the secrets of a target's URLs in every line.
	cfg, err := loadConfig(env, *cfgPath)
	if err != nil {
		return err
	}
	if *dataDir == "" {
		*dataDir = cfg.DataDir
	}
	a, err := openApp(appOptions{DataDir: *dataDir, Threshold: cfg.Threshold, Watchlists: cfg.Watchlists, Logger: logger})
	if err != nil {
		return err
	}
	defer a.Close()
	if err := openSecrets(ctx, env, a); err != nil {
		return err
	}
	if err := applyPlatforms(ctx, a.store, cfg); err != nil {
		return err
	}
	return serveWith(ctx, env, a, cfg, *cfgPath, *addr, func(base string) {
		fmt.Fprintf(env.Stdout, "precwatch serving on %s\n", base)
	})
}

// serveApp serves the API and web UI of a on addr and runs cfg's targets
// (and those created through the API) on their schedules until ctx is done,
// then shuts down gracefully: HTTP requests finish, in-flight crawls
// checkpoint, the webhook loop and the scheduler stop. ready, if set, is
// called with the base URL once the listener is open. The demo command
// uses it.
// The metrics count the runs in prior too (the demo's crawl before it
// serves).
func serveApp(ctx context.Context, env *Env, a *app, cfg *config.Config, addr string, ready func(baseURL string), prior ...*monitor.Summary) error {
	return serveWith(ctx, env, a, cfg, "", addr, ready, prior...)
}

// serveWith is serveApp that also reloads the configuration file cfgPath
// (if set) when its modification time changes.
func serveWith(ctx context.Context, env *Env, a *app, cfg *config.Config, cfgPath, addr string, ready func(string), prior ...*monitor.Summary) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	b, err := newBackend(ctx, a, cfg, append(append([]string(nil), cfg.Watchlists...), extraWatchlists(a.dataDir)...))
	if err != nil {
		return err
	}
	// Test reports, runs and validation messages show no URL secret.
	srv, err := newServer(b, server.RedactOptions)
	if err != nil {
		return err
	}
	metrics := srv.Metrics()
	for _, sum := range prior {
		metrics.ObserveRun(runStats(sum, sum.Err))
	}

	// The webhook loop reports each delivery to the metrics.
	wopts := webhookOptions
	wopts.Logger = a.logger
	wopts.Delivered = metrics.ObserveDelivery
	a.webhook = notify.New(outboxAdapter{a.store}, wopts)

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	// No crawl, scheduled or a target test, may reach this server: a
	// link from an allowed private host to its port would crawl the API,
	// the UI or /metrics.
	if err := a.crawler.RefuseOwn(ln.Addr().String()); err != nil {
		ln.Close()
		return err
	}
	lastRun := func(ctx context.Context, target string) (time.Time, bool, error) {
		r, err := a.store.LastRun(ctx, target)
		if precwatch.ErrorCode(err) == precwatch.ENOTFOUND {
			return time.Time{}, false, nil
		}
		if err != nil {
			return time.Time{}, false, err
		}
		if r.Finished == nil || !r.Complete {
			// Interrupted (stopped or killed mid-run) or cut short: due
			// again at start, so that the crawl resumes from its
			// checkpoint rather than waiting for the next tick.
			return time.Time{}, false, nil
		}
		return *r.Finished, true, nil
	}
	b.onDone = func(sum *monitor.Summary, err error) { metrics.ObserveRun(runStats(sum, err)) }
	sched := monitor.NewScheduler(a.monitor, lastRun, b.onDone)
	targets, err := b.schedulable(ctx)
	if err != nil {
		ln.Close()
		return err
	}
	if err := sched.Start(ctx, targets); err != nil {
		ln.Close()
		return fmt.Errorf("scheduler: %w", err)
	}
	b.sched.Store(sched)

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		a.webhook.Run(ctx)
	}()
	if cfgPath != "" {
		wg.Add(1)
		go func() {
			defer wg.Done()
			watchConfig(ctx, env, b, cfgPath)
		}()
	}

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) }}
	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(ln) }()
	if ready != nil {
		ready("http://" + ln.Addr().String())
	}
	a.logger.Info("serving", "addr", ln.Addr().String(), "targets", len(targets))
	if exposedAddr(ln.Addr().String()) {
		fmt.Fprintf(env.Stderr, "warning: serving on %s, beyond this machine, over plain HTTP: API tokens and session cookies cross the network unencrypted; "+
			"keep --addr on 127.0.0.1 and put a TLS reverse proxy in front (README, \"serve\")\n", ln.Addr())
	}

	var result error
	select {
	case <-ctx.Done():
	case err := <-serveErr:
		if !errors.Is(err, http.ErrServerClosed) {
			result = fmt.Errorf("serve: %w", err)
		}
		cancel()
	}
	sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	if err := hs.Shutdown(sctx); err != nil {
		a.logger.Warn("http shutdown", "err", err)
		hs.Close()
	}
	scancel()
	sched.Wait() // in-flight crawls stop at a checkpoint
	b.runs.Wait()
	wg.Wait()
	a.logger.Info("stopped")
	return result
}

// fileStamp is what watchConfig compares between polls of the
// configuration file.
type fileStamp struct {
	mod  time.Time
	size int64
}

func (a fileStamp) same(b fileStamp) bool { return a.mod.Equal(b.mod) && a.size == b.size }

// configWatch decides when watchConfig reads the file: after it changed
// since the last read and then stayed the same for one poll. An editor or
// os.WriteFile truncates the file and then writes it; a file caught in
// between (empty, or cut inside the target list, which may still parse)
// would replace the targets with fewer.
type configWatch struct{ read, seen fileStamp }

func newConfigWatch(start fileStamp) *configWatch { return &configWatch{read: start, seen: start} }

// next reports whether the file, now at cur, is to be read.
func (w *configWatch) next(cur fileStamp) bool {
	if cur.mod.IsZero() || cur.same(w.read) || !cur.same(w.seen) {
		w.seen = cur
		return false
	}
	w.read = cur
	return true
}

// watchConfig reloads the configuration file when it changes and then
// holds still for one poll: a valid file replaces the targets and webhooks
// at once, an invalid one is logged and ignored.
func watchConfig(ctx context.Context, env *Env, b *backend, path string) {
	stamp := func() fileStamp {
		fi, err := os.Stat(path)
		if err != nil {
			return fileStamp{}
		}
		return fileStamp{fi.ModTime(), fi.Size()}
	}
	w := newConfigWatch(stamp())
	t := time.NewTicker(configPoll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if !w.next(stamp()) {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			b.logger.Error("config reload: read", "path", path, "err", err)
			continue
		}
		cfg, err := config.Parse(path, data, env.Getenv)
		if err != nil {
			b.logger.Error("config reload: invalid file ignored; the previous configuration stays", "path", path, "err", err)
			continue
		}
		for i, w := range cfg.Watchlists {
			if !filepath.IsAbs(w) {
				cfg.Watchlists[i] = filepath.Join(filepath.Dir(path), w)
			}
		}
		if err := applyPlatforms(ctx, b.a.store, cfg); err != nil {
			b.logger.Error("config reload: webhooks", "err", err)
		}
		b.cfg.Store(cfg)
		b.reschedule(ctx)
		b.logger.Info("config reloaded", "path", path, "targets", len(cfg.Targets))
	}
}

// openSecrets wires the key of the secrets stored encrypted (target
// headers, URLs and bodies, webhook URLs and secrets; tickets/secrets.go):
// PRECWATCH_SECRET_KEY from the command's environment, else secret.key in
// the data directory. It seals, once, every secret an older precwatch
// stored in plain text, and checks the key against the database: a wrong
// or missing key stops serve with an error naming its source.
func openSecrets(ctx context.Context, env *Env, a *app) error {
	a.store.UseSecretKeyFrom(env.Getenv)
	n, err := a.store.EncryptSecrets(ctx)
	if err != nil {
		return fmt.Errorf("stored secrets: %w", err)
	}
	src := a.store.SecretKeySource()
	switch {
	case n > 0:
		a.logger.Info("secrets stored in plain text by an older precwatch are now encrypted", "rows", n, "key", src)
	case src != "":
		a.logger.Info("stored secrets are encrypted", "key", src)
	default:
		a.logger.Info("no secret stored yet; the first is encrypted with " + tickets.SecretKeyEnv + " if set, else a new key file in the data directory")
	}
	return nil
}

// exposedAddr reports whether a listening address is reachable from other
// machines: any address but loopback (0.0.0.0 and :: listen on every
// interface).
func exposedAddr(hostPort string) bool {
	host, _, err := net.SplitHostPort(hostPort)
	if err != nil {
		return true
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return !strings.EqualFold(host, "localhost")
	}
	return !ip.Unmap().IsLoopback()
}
