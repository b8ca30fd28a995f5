package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
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
	fs := newFlagSet(env, "crawl", "--config FILE [--data DIR] [--target NAME ...] [--listings FILE] [--log-level L]")
	cfgPath := fs.String("config", "", "configuration `FILE` (required)")
	dataDir := fs.String("data", "", "data `DIR` (default: the config's data_dir)")
	var names stringsFlag
	fs.Var(&names, "target", "crawl only target `NAME` (repeatable)")
	listingsPath := fs.String("listings", "", "also write every extracted listing with its match result to this JSONL `FILE` (\"-\": stdout, the summary then goes to stderr)")
	logLevel := fs.String("log-level", "warn", "log `level`: debug, info, warn or error")
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
			fmt.Fprintln(env.Stderr, "warning: "+precwatch.RedactSecrets(hint))
		}
	}
	if *dataDir == "" {
		*dataDir = cfg.DataDir
	}

	var out io.Writer
	summary := env.Stdout
	if *listingsPath == "-" {
		// The listings go to stdout as JSONL, the summary to stderr, so
		// that stdout parses.
		out, summary = env.Stdout, env.Stderr
	} else if *listingsPath != "" {
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
	// The notes name the pages that failed, by URLs that may carry a
	// target's secrets (the listings written above are data, not masked).
	summary = redactingWriter{summary}
	printSummary(summary, sums)
	printRunNotes(summary, targets, sums)
	printKeptNotes(summary, sums)
	printCrawlHints(redactingWriter{env.Stderr}, *cfgPath, sums)
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
		fmt.Fprintln(env.Stderr, precwatch.RedactSecrets(err.Error()))
		return nil, errSilent
	}
	for _, w := range cfg.Warnings {
		fmt.Fprintln(env.Stderr, precwatch.RedactSecrets(w.Warning()))
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
		if len(cfg.Targets) == 0 {
			// Said before anything is opened: a crawl of nothing would
			// only create an empty data directory.
			return nil, fmt.Errorf("%s has no targets: nothing to crawl (add a targets: list; see README, \"Configuring a target\")", cfgPath)
		}
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

// printRunNotes says, under the summary table, why each incomplete run is
// incomplete and that its unseen listings were therefore kept, and, for a
// complete run that counted errors, that they were answers (gone pages,
// skipped files), not failures. A line starts with the target name and a
// colon, so it never parses as a table row.
func printRunNotes(w io.Writer, targets []precwatch.Target, sums []*monitor.Summary) {
	byName := map[string]precwatch.Target{}
	for _, t := range targets {
		byName[t.Name] = t
	}
	for _, s := range sums {
		if s.Run == nil {
			continue // its error is printed under the table
		}
		if s.Run.Complete {
			if note := answersNote(s.Run.ErrorsByKind); note != "" {
				fmt.Fprintf(w, "%s: complete; %s\n", s.Target, note)
			}
			if n := len(s.Run.Robots); n > 0 {
				fmt.Fprintf(w, "%s: %d listing page(s) skipped for robots.txt: their listings were left as they were (not marked removed, not updated)\n", s.Target, n)
			}
			continue
		}
		fmt.Fprintf(w, "%s: incomplete, so listings not seen in this run were NOT marked removed:\n", s.Target)
		for _, r := range incompleteReasons(byName[s.Target], s) {
			fmt.Fprintf(w, "  - %s\n", r)
		}
		// The site's answers besides the start pages named above.
		rest := maps.Clone(s.Run.ErrorsByKind)
		for _, f := range s.Run.StartFailed {
			if rest[f.Kind] > 0 {
				rest[f.Kind]--
			}
		}
		if note := answersNote(rest); note != "" {
			fmt.Fprintf(w, "  (%s)\n", strings.Replace(note, "its errors", "its other errors", 1))
		}
	}
}

// incompleteReasons explains in a partner's words why the run of t in s is
// not complete (see crawler.Run.Complete): failed pages by kind, the start
// pages that failed, max_pages; a run that read pages but found no listing
// is inferred from the counts.
func incompleteReasons(t precwatch.Target, s *monitor.Summary) []string {
	run := s.Run
	var rs []string
	if s.Err != nil {
		rs = append(rs, "the run stopped before the end (see the error above); the next crawl resumes it")
	}
	if run.HitMax {
		rs = append(rs, fmt.Sprintf("max_pages (%d) reached before every page was read; raise max_pages to read the whole site", t.MaxPages))
	}
	if n := run.ErrorsByKind[crawler.KindRobotsUnavailable]; n > 0 {
		rs = append(rs, fmt.Sprintf("robots.txt could not be read (server error or no connection), so %s not fetched",
			pagesWere(n)))
	}
	if n := len(run.OffDomainNext); n > 0 {
		behind := "them"
		if n == 1 {
			behind = "it"
		}
		host := run.OffDomainNext[0]
		if u, err := url.Parse(host); err == nil && u.Host != "" {
			host = u.Host
		}
		rs = append(rs, fmt.Sprintf("%s of the catalogue (%s) on %s, outside allowed_domains, not followed (off-domain-next): the listings behind %s are unknown; if %s is the platform's, add it to allowed_domains",
			plural(n, "next page"), run.OffDomainNext[0], host, behind, host))
	}
	byKind := map[string]int{}
	for k, n := range run.ErrorsByKind {
		if k != crawler.KindRobotsUnavailable && k != crawler.KindOffDomainNext {
			byKind[k] = n
		}
	}
	for _, f := range run.StartFailed {
		if f.Kind == crawler.KindRobotsUnavailable || byKind[f.Kind] == 0 {
			continue // said above
		}
		byKind[f.Kind]--
		switch f.Kind {
		case "http-404", "http-410":
			rs = append(rs, fmt.Sprintf("start page %s answered HTTP %s (a moved catalogue?): check start_urls; nothing behind it was read",
				f.URL, strings.TrimPrefix(f.Kind, "http-")))
		case crawler.KindRobots:
			rs = append(rs, fmt.Sprintf("start page %s is disallowed by robots.txt; nothing behind it was read", f.URL))
		default:
			rs = append(rs, fmt.Sprintf("start page %s failed: %s; nothing behind it was read", f.URL, kindWords(f.Kind)))
		}
	}
	if n := len(run.RobotsNext); n > 0 {
		behind := "them"
		if n == 1 {
			behind = "it"
		}
		rs = append(rs, fmt.Sprintf("%s of the catalogue (%s) disallowed by robots.txt: the listings behind %s are unknown; ask the platform to let the crawler's user_agent read its pagination",
			plural(n, "next page"), run.RobotsNext[0], behind))
	}
	if n := crawler.Failed(byKind); n > 0 {
		behind := "them"
		if n == 1 {
			behind = "it"
		}
		rs = append(rs, fmt.Sprintf("%s failed: %s; listings behind %s may exist unseen",
			plural(n, "page"), failedKinds(byKind), behind))
	}
	if len(rs) > 0 {
		return rs
	}
	// What is left: a start page that the site answered for (404, 410,
	// robots.txt disallows it) in an earlier session, or pages read
	// without any listing.
	answered := run.ErrorsByKind["http-404"] + run.ErrorsByKind["http-410"] + run.ErrorsByKind[crawler.KindRobots] - len(run.RobotsNext)
	startPage := "a start page answered 404/410 or is disallowed by robots.txt (a moved catalogue?); check start_urls"
	noListing := "pages were read but gave no listing (detail pages or items without title or description, or catalogue links to listing pages that the follow selectors no longer find): a redesign may have broken the selectors; check them with precwatch target test"
	switch {
	case answered > 0 && (run.Listings > 0 || answered == run.Pages):
		rs = append(rs, startPage)
	case answered > 0:
		rs = append(rs, startPage+", or "+noListing)
	case run.Listings == 0:
		rs = append(rs, noListing)
	default:
		rs = append(rs, "the crawler did not read every page")
	}
	return rs
}

// failedKinds lists failed page counts by kind, most first, in words:
// "2 × server error (HTTP 503), 1 × timeout".
func failedKinds(byKind map[string]int) string {
	type kc struct {
		k string
		n int
	}
	var ks []kc
	for k, n := range byKind {
		if n > 0 && crawler.Failed(map[string]int{k: n}) > 0 {
			ks = append(ks, kc{k, n})
		}
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i].n > ks[j].n || ks[i].n == ks[j].n && ks[i].k < ks[j].k })
	parts := make([]string, len(ks))
	for i, c := range ks {
		parts[i] = fmt.Sprintf("%d × %s", c.n, kindWords(c.k))
	}
	return strings.Join(parts, ", ")
}

// kindWords names an error kind of crawler.Run.ErrorsByKind for a partner.
func kindWords(k string) string {
	if code, ok := strings.CutPrefix(k, "http-"); ok {
		n, _ := strconv.Atoi(code)
		switch {
		case n == 202:
			return "accepted but not served (HTTP 202: a bot challenge, or a page still being prepared)"
		case n == 429:
			return "rate limit (HTTP 429: raise delay or lower parallelism)"
		case n == 401 || n == 403:
			return fmt.Sprintf("refused (HTTP %d: a firewall blocks the crawler, or a login is needed)", n)
		case n >= 500:
			return fmt.Sprintf("server error (HTTP %d)", n)
		}
		return "HTTP " + code
	}
	switch k {
	case crawler.KindTimeout:
		return "timeout (raise timeout?)"
	case crawler.KindConnection:
		return "connection failure"
	case crawler.KindTruncated:
		return "download cut off"
	case crawler.KindTooLarge:
		return "body over max_body_bytes"
	case crawler.KindBlocked:
		return "address refused by the SSRF guard (a private address: see allow_private_networks; or precwatch's own server)"
	case crawler.KindRedirects:
		return "too many redirects"
	case crawler.KindOffDomain:
		return "redirect outside allowed_domains"
	case crawler.KindOffDomainNext:
		return "next page on a host outside allowed_domains, not followed"
	case crawler.KindDecode:
		return "unreadable content or character encoding"
	case crawler.KindExtract:
		return "page could not be parsed"
	case crawler.KindPastEnd:
		return "page number past the end (counted on, answered with an error or 204 No Content)"
	case crawler.KindEmpty:
		return "empty page (no body at all)"
	case crawler.KindBotWall:
		return "a bot protection's challenge page instead of the shop's (ask the platform to let the crawler's user_agent through, or put its cookie under the target's headers)"
	case crawler.KindLogin:
		return "a login page instead of the shop's (the platform wants a session there: put its session cookie under the target's headers, or ask for access)"
	case crawler.KindGate:
		return "a cookie-consent page or age gate instead of the shop's (put the cookie the site sets on agreeing under the target's headers)"
	case crawler.KindErrorPage:
		return "the site's error page instead of the shop's (a PHP fatal error, ASP.NET's \"Server Error\", …, answered with status 200)"
	case crawler.KindMaintenance:
		return "the site's maintenance page instead of the shop's (answered with status 200)"
	case crawler.KindFeedError:
		return "the API answered an error instead of listings (logged with its message)"
	case crawler.KindCursorIgnored:
		return "the API gave back the cursor it was sent and its first page again: it reads its cursor under another parameter (send it with json.body, see docs/CRAWLING.md)"
	case crawler.KindPatternMissed:
		return "a page the follow selectors led to has a product but does not match listing.url_pattern, and links nothing: a listing page the pattern misses (new product addresses?); check url_pattern with precwatch target test"
	case crawler.KindLookup:
		return "a lookup (lookups: a seller's record at another address) failed: those listings were not delivered and keep what is stored"
	case crawler.KindSink:
		return "listing could not be stored"
	case "evidence":
		return "evidence could not be saved"
	case crawler.KindFetch:
		return "fetch error"
	case crawler.KindGone:
		return "listing taken down (listing.gone notice, a not-found page, or a redirect to the home or category page)"
	case crawler.KindInterstitial:
		return "interstitial page that kept reloading itself (a bot check, consent or age gate; a cookie under the target's headers may pass it)"
	}
	return k
}

// answersNote explains the errors of a complete run, which are all the
// site's answers: gone pages, robots exclusions and skipped files.
func answersNote(byKind map[string]int) string {
	var parts []string
	if n := byKind["http-404"] + byKind["http-410"] + byKind["http-451"]; n > 0 {
		parts = append(parts, fmt.Sprintf("%s gone (HTTP 404/410/451)", plural(n, "page")))
	}
	if n := byKind[crawler.KindGone]; n > 0 {
		parts = append(parts, fmt.Sprintf("%s saying the listing was taken down (a listing.gone notice, a not-found page or a redirect to the home or category page)", plural(n, "page")))
	}
	if n := byKind[crawler.KindPastEnd]; n > 0 {
		parts = append(parts, fmt.Sprintf("%s past the feed's last (answered with an error or 204 No Content)", plural(n, "page number")))
	}
	if n := byKind[crawler.KindRobots]; n > 0 {
		parts = append(parts, fmt.Sprintf("%s disallowed by robots.txt", plural(n, "page")))
	}
	if n := byKind[crawler.KindNotDocument]; n > 0 {
		parts = append(parts, fmt.Sprintf("%s to files (images, PDFs, archives) skipped", plural(n, "link")))
	}
	if len(parts) == 0 {
		return ""
	}
	return "its errors are the site's answers, not failures: " + strings.Join(parts, ", ")
}

// pagesWere is "1 page was" or "n pages were".
func pagesWere(n int) string {
	if n == 1 {
		return "1 page was"
	}
	return strconv.Itoa(n) + " pages were"
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
