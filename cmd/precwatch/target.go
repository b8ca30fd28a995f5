package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler"
	"github.com/precwatch/precwatch/crawler/extract"
)

func init() {
	register(&command{name: "target", summary: "debug a crawl target (target test)", run: runTarget})
}

// runTarget dispatches `precwatch target SUBCOMMAND`; the only one is test.
func runTarget(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "target", "test --config FILE --target NAME [--pages N] [--log-level L]")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: precwatch target test --config FILE --target NAME [--pages N] [--log-level L]")
		fmt.Fprintln(fs.Output(), "\nFetches the first pages of a target with its politeness settings, prints")
		fmt.Fprintln(fs.Output(), "the listings extracted, on how many items each field's selector matched,")
		fmt.Fprintln(fs.Output(), "how many listings schema.org data filled, and each selector that matched")
		fmt.Fprintln(fs.Output(), "nothing. Links to files (images, PDFs) are shown as skipped. Writes no")
		fmt.Fprintln(fs.Output(), "state and no evidence; exits 1 only when no page could be fetched.")
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError(fs, "missing subcommand (the only one is test)")
	}
	if fs.Arg(0) != "test" {
		return usageError(fs, "unknown subcommand %q (the only one is test)", fs.Arg(0))
	}
	// A target's URLs may carry secrets; nothing target test prints shows
	// them (pages, errors, listing URLs, the log), as serve's API does not.
	env = redactedEnv(env)
	return tkReport(env, "target test", runTargetTest(ctx, env, fs.Args()[1:]))
}

func runTargetTest(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "target test", "--config FILE --target NAME [--pages N] [--log-level L]")
	cfgPath := fs.String("config", "", "configuration `FILE` (required)")
	name := fs.String("target", "", "target `NAME` (required)")
	pages := fs.Int("pages", 3, "fetch at most `N` pages")
	level := fs.String("log-level", "warn", "log `level`: debug, info, warn or error")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *cfgPath == "" && *name == "":
		return usageError(fs, "--config and --target are required")
	case *cfgPath == "":
		return usageError(fs, "--config is required")
	case *name == "":
		return usageError(fs, "--target is required")
	case *pages < 1:
		return usageError(fs, "--pages must be at least 1, not %d", *pages)
	case fs.NArg() > 0:
		return usageError(fs, "%s", extraArgs(fs))
	}
	logger, err := newLogger(env.Stderr, *level)
	if err != nil {
		return err
	}
	// As crawl reads it: ${ENV} from the command's environment.
	cfg, err := loadConfig(env, *cfgPath)
	if err != nil {
		return err
	}
	t := cfg.Target(*name)
	if t == nil {
		var names []string
		for _, t := range cfg.Targets {
			names = append(names, t.Name)
		}
		fmt.Fprintf(env.Stderr, "precwatch target test: no target %q in %s (targets: %s)\n", *name, *cfgPath, strings.Join(names, ", "))
		return errSilent
	}
	if hint := privateNetworkHint(*t); hint != "" {
		fmt.Fprintln(env.Stderr, "warning: "+hint)
	}
	// Test writes no run state or evidence; the crawler still wants a data
	// dir, so it gets a temporary one rather than the configured one.
	tmp, err := os.MkdirTemp("", "precwatch-target-test-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	c, err := crawler.New(crawler.Options{DataDir: tmp, Logger: logger})
	if err != nil {
		return err
	}
	defer c.Close()
	rep, err := c.Test(ctx, *t, *pages)
	if err != nil {
		return err
	}
	w := env.Stdout
	fmt.Fprintf(w, "target %s (%s): %s, %s\n", t.Name, t.Platform, plural(len(rep.Pages), "page"), plural(len(rep.Listings), "listing"))
	if rep.Structured > 0 {
		fmt.Fprintf(w, "%d of %d listings filled from schema.org structured data (JSON-LD, microdata or OpenGraph)\n",
			rep.Structured, len(rep.Listings))
	}
	fmt.Fprintln(w)
	failed, skipped := 0, 0
	for _, p := range rep.Pages {
		status := fmt.Sprint(p.Status)
		if p.Status == 0 {
			status = "---"
		}
		line := fmt.Sprintf("  %s %s  %s", status, p.URL, plural(p.Listings, "listing"))
		if p.Charset != "" && p.Charset != "utf-8" {
			line += "  charset " + p.Charset
		}
		if n := extract.PostbackPage(p.URL); n > 0 {
			line += fmt.Sprintf("  (page %d of an ASP.NET pager: the page's form POSTed back)", n)
		}
		switch {
		case notDocument(p.Error):
			line = fmt.Sprintf("  %s %s  skipped: %s", status, p.URL, notDocumentWords(p.Error))
			skipped++
		case p.Error != "":
			line += "  ERROR " + p.Error
			failed++
		case slices.Contains(rep.Gone, p.URL):
			line = fmt.Sprintf("  %s %s  gone: %s", status, p.URL, rep.GoneWhy[p.URL])
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintln(w)
	for i, l := range rep.Listings {
		fmt.Fprintf(w, "listing %d\n", i+1)
		for _, kv := range [][2]string{{"id", l.ID}, {"title", l.Title}, {"url", l.URL}, {"price", l.Price},
			{"seller", l.Seller}, {"location", l.Location}, {"description", l.Description}} {
			if kv[1] != "" {
				fmt.Fprintf(w, "  %-12s %s\n", kv[0]+":", targetClip(kv[1], 200))
			}
		}
		keys := make([]string, 0, len(l.Attributes))
		for k := range l.Attributes {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "  %-12s %s\n", k+":", targetClip(l.Attributes[k], 200))
		}
	}
	if failed+skipped < len(rep.Pages) {
		printFieldRatios(w, *t, rep)
	}
	switch {
	case failed+skipped == len(rep.Pages):
		// No page came back: nothing can be said of the selectors.
	case len(rep.Unmatched) == 0:
		fmt.Fprintln(w, "\nevery selector matched")
	default:
		fmt.Fprintln(w, "\nselectors that matched nothing:")
		// "item" first: when no item matched, the fields could not match either.
		unmatched := append([]string(nil), rep.Unmatched...)
		sort.SliceStable(unmatched, func(i, j int) bool { return unmatched[i] == "item" && unmatched[j] != "item" })
		for _, s := range unmatched {
			line := describeUnmatched(*t, s)
			if s == "item" && len(unmatched) > 1 {
				line += ": no listing found, so the fields below could not match either"
			}
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
	if n := rep.Counts[extract.CountUnfollowed]; n > 0 {
		fmt.Fprintf(w, "\n%s on catalogue pages match listing.url_pattern %q, but the follow selectors %q found none of them: the site's markup changed?\n",
			plural(n, "link"), t.Listing.URLPattern, t.Follow)
	}
	if n := rep.Counts[extract.CountPatternMissed]; n > 0 {
		fmt.Fprintf(w, "\npattern-missed: %s reached by the follow selectors with a product on them, not matched by listing.url_pattern %q and linking nothing: listing pages the pattern misses (new product addresses?); a crawl fails them, so it is not complete\n",
			plural(n, "page"), t.Listing.URLPattern)
	}
	if rep.OffScope > 0 {
		fmt.Fprintf(w, "\n%d links lie outside allowed_domains %v and are not followed, e.g.:\n", rep.OffScope, t.AllowedDomains)
		for _, u := range rep.OffScopeExamples {
			fmt.Fprintf(w, "  %s\n", u)
		}
	}
	for _, u := range rep.OffDomainNext {
		fmt.Fprintf(w, "\nnext page %s is on a host outside allowed_domains %v: not followed (off-domain-next), so a crawl of this target is not complete and marks no listing removed; add the host to allowed_domains if it is the platform's\n",
			u, t.AllowedDomains)
	}
	for _, e := range rep.LookupErrors {
		fmt.Fprintf(w, "\nlookup failed: %s (a crawl would not deliver that listing, and would not be complete)\n", e)
	}
	if skipped > 0 {
		fmt.Fprintf(w, "\n%s to files (images, PDFs, archives), not pages: skipped, as a crawl skips them\n", plural(skipped, "link"))
	}
	if failed > 0 {
		fmt.Fprintf(w, "\n%d of %d pages failed\n", failed, len(rep.Pages))
	}
	if failed > 0 && failed+skipped == len(rep.Pages) {
		return errSilent // nothing could be fetched: the target is broken
	}
	return nil
}

// printFieldRatios prints, for each configured field, on how many of the
// items (listing nodes, detail pages or feed items) read its selector found
// something: "price  0/20 items  (listing.fields.price: ".price" matched
// nothing)". A field that matched on some items only is often a selector
// that fits one page layout of several.
func printFieldRatios(w io.Writer, t precwatch.Target, rep *crawler.TestReport) {
	items := rep.Counts[extract.CountItem]
	var names []string
	for k := range rep.Counts {
		if name, ok := strings.CutPrefix(k, "field:"); ok {
			names = append(names, name)
		}
	}
	if items == 0 || len(names) == 0 {
		return
	}
	order := map[string]int{"id": 1, "url": 2, "title": 3, "description": 4, "price": 5, "seller": 6, "location": 7}
	sort.Slice(names, func(i, j int) bool {
		oi, oj := order[names[i]], order[names[j]]
		if oi == 0 {
			oi = len(order) + 1
		}
		if oj == 0 {
			oj = len(order) + 1
		}
		return oi < oj || oi == oj && names[i] < names[j]
	})
	key, sels := "listing.fields", t.Listing.Fields
	if t.Kind == precwatch.KindJSON {
		key, sels = "json.fields", t.JSON.Fields
	}
	fmt.Fprintf(w, "\nfields found on %s:\n", plural(items, "item"))
	width := len(strconv.Itoa(items))
	for _, name := range names {
		n := rep.Counts["field:"+name]
		line := fmt.Sprintf("  %-12s %*d/%d items", name, width, n, items)
		switch {
		case n == 0:
			line += fmt.Sprintf("  (%s.%s: %q matched nothing)", key, name, sels[name])
		case n < items:
			line += fmt.Sprintf("  (%s.%s: %q missed %d)", key, name, sels[name], items-n)
		}
		fmt.Fprintln(w, line)
	}
}

// notDocument reports whether a TestPage error is a link that answered with
// a file (image, PDF, archive): skipped by a crawl, not a failure.
func notDocument(errText string) bool {
	return errText != "" && strings.Contains(errText, crawler.ErrNotDocument.Error())
}

var contentTypeRE = regexp.MustCompile(`content-type "([^"]*)"`)

// notDocumentWords describes a skipped file link: `a file, not a page
// (content-type "application/pdf")`.
func notDocumentWords(errText string) string {
	if m := contentTypeRE.FindStringSubmatch(errText); m != nil {
		return fmt.Sprintf("a file, not a page (content-type %q)", m[1])
	}
	return "a file, not a page"
}

// describeUnmatched adds to a selector the crawler reports as unmatched
// ("item", "field:title", "url_pattern", "follow:a.x") the configuration key
// and the value the user wrote, so that a typo is visible next to its name:
// `field:title  (listing.fields.title: "h1.nmae")`.
func describeUnmatched(t precwatch.Target, k string) string {
	var key, val string
	switch {
	case k == "item" && t.Kind == precwatch.KindJSON:
		key, val = "json.items", t.JSON.Items
	case k == "item":
		key, val = "listing.item", t.Listing.Item
	case k == "url_pattern":
		return fmt.Sprintf("%s  (listing.url_pattern: %q matched no fetched page URL)", k, t.Listing.URLPattern)
	case strings.HasPrefix(k, "field:") && t.Kind == precwatch.KindJSON:
		name := strings.TrimPrefix(k, "field:")
		key, val = "json.fields."+name, t.JSON.Fields[name]
	case strings.HasPrefix(k, "field:"):
		name := strings.TrimPrefix(k, "field:")
		key, val = "listing.fields."+name, t.Listing.Fields[name]
	default: // follow:<sel>, next_page:<sel> already carry the selector
		return k
	}
	if val == "" {
		return k
	}
	return fmt.Sprintf("%s  (%s: %q)", k, key, val)
}

// targetClip shortens s to at most n runes.
func targetClip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
