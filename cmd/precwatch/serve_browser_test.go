package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"gopkg.in/yaml.v3"

	"github.com/precwatch/precwatch"
)

// screenshotDir is where the browser test saves its screenshots with
// -update-screenshots (the README shows them); without it they go to a
// temporary directory, so a test run leaves the tree as it was.
var screenshotDir = filepath.Join("..", "..", "docs", "screenshots")

var updateScreenshots = flag.Bool("update-screenshots", false, "write the browser test's screenshots to docs/screenshots")

// findChromium returns Debian's chromium; without one the test is skipped,
// except in CI (CI=true), where it fails: `make test` installs it.
func findChromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not found: the browser tests need it in CI (run `make deps`)")
	}
	t.Skip("chromium not found; `make deps` installs it")
	return ""
}

// newChrome starts a headless Chromium with a fresh profile, no
// background networking and no way off loopback.
func newChrome(t *testing.T) context.Context {
	path := findChromium(t)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		// Nothing may leave loopback, even by mistake: names resolve to
		// nothing (no DNS query), and every request to another address
		// goes to a proxy on a closed loopback port (loopback itself
		// bypasses proxies).
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.ProxyServer("http://127.0.0.1:9"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	// Start the browser and its tab on ctx, not on a step's shorter one.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// shot takes a full-page PNG screenshot and saves it as name.png, in
// docs/screenshots with -update-screenshots.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 1024 {
		t.Fatalf("screenshot %s: %d bytes, not a PNG of a rendered page", name, len(png))
	}
	dir := t.TempDir()
	if *updateScreenshots {
		dir = screenshotDir
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	start := time.Now()
	sctx, cancel := context.WithTimeout(ctx, 45*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		t.Fatalf("%s (at %s): %v", what, loc, err)
	}
	t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond))
}

func text(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return s
}

// noScriptRan fails if crawled markup ran on the page.
func noScriptRan(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	pwned, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.__pwned !== "undefined" || document.title === "pwned"`))
	if err != nil {
		t.Fatalf("%s: evaluate: %v", where, err)
	}
	if pwned {
		t.Errorf("%s: crawled script ran in the browser", where)
	}
}

func signInBrowser(t *testing.T, ctx context.Context, base, token string) {
	t.Helper()
	do(t, ctx, "sign in",
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("token")),
		chromedp.SetValue(chromedp.ID("token"), token),
		chromedp.Click(chromedp.CSS("#login button")),
		chromedp.WaitVisible(chromedp.ID("total")),
	)
}

// TestBrowser drives the UI in headless Chromium as a regulator (sign in,
// search with facets and highlights) and as a partner (review queue, open a
// hostile ticket, change its status, edit and test a target, crawl status),
// at desktop and phone width, taking screenshots (saved to docs/screenshots with -update-screenshots).
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newFixture(t)
	base := f.srv.URL

	// Regulator: sign in and search.
	ctx := newChrome(t)
	do(t, ctx, "login page", chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.ID("token")))
	shot(t, ctx, "login")
	signInBrowser(t, ctx, base, f.tokens["regulator"])
	do(t, ctx, "search",
		chromedp.Navigate(base+"/search"),
		chromedp.WaitVisible(chromedp.CSS(".searchbar input")),
		chromedp.SetValue(chromedp.CSS(".searchbar input"), "glycidate OR ephedrine"),
		chromedp.Click(chromedp.CSS(".searchbar button")),
		chromedp.WaitVisible(chromedp.CSS(".hit mark")),
	)
	total := text(t, ctx, "#total")
	if total == "" || total == "0" {
		t.Fatalf("search found %q listings", total)
	}
	noScriptRan(t, ctx, "search")
	shot(t, ctx, "search")
	// Narrow by a facet.
	do(t, ctx, "facet", chromedp.Click(chromedp.CSS(".facets a")), chromedp.WaitVisible(chromedp.CSS(".filters .chip")))
	if narrowed := text(t, ctx, "#total"); narrowed == total && !strings.Contains(text(t, ctx, ".facets"), total) {
		t.Logf("facet kept %s hits", narrowed)
	}
	shot(t, ctx, "search-facet")

	// Partner: queue, hostile ticket, status change.
	pctx := newChrome(t)
	signInBrowser(t, pctx, base, f.tokens["partner"])
	shot(t, pctx, "queue")
	do(t, pctx, "open ticket",
		chromedp.Navigate(fmt.Sprintf("%s/queue?substance=bmk-glycidic-acid", base)),
		chromedp.WaitVisible(chromedp.CSS("a.ticket-link")),
		chromedp.Navigate(fmt.Sprintf("%s/tickets/%d", base, f.hostile)),
		chromedp.WaitVisible(chromedp.ID("status-form")),
	)
	if title := text(t, pctx, "#ticket-title"); !strings.Contains(title, "<script>window.__pwned=1</script>") {
		t.Errorf("hostile title not shown as text: %q", title)
	}
	noScriptRan(t, pctx, "ticket")
	shot(t, pctx, "ticket")
	before := text(t, pctx, "#ticket-status")
	do(t, pctx, "change status",
		chromedp.SetValue(chromedp.ID("status-select"), "in_review"),
		chromedp.SetValue(chromedp.ID("status-reason"), "checking the seller's licence"),
		chromedp.Click(chromedp.CSS("#status-form button")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if after := text(t, pctx, "#ticket-status"); after != "in review" {
		t.Errorf("status shown %q after the change (was %q), want in review", after, before)
	}
	if hist := text(t, pctx, "#history"); !strings.Contains(hist, "checking the seller's licence") {
		t.Errorf("history lacks the reason: %q", hist)
	}
	if tk, _ := f.a.store.Ticket(t.Context(), f.hostile); tk.Status != "in_review" {
		t.Errorf("stored status %s, want in_review", tk.Status)
	}
	shot(t, pctx, "ticket-status-changed")

	// The evidence viewer runs no script of the page.
	tk, _ := f.a.store.Ticket(t.Context(), f.hostile)
	do(t, pctx, "evidence", chromedp.Navigate(base+"/evidence/"+tk.EvidenceHash), chromedp.WaitReady(chromedp.CSS("h1")))
	noScriptRan(t, pctx, "evidence")

	// Edit a target and test it.
	tg := f.apiTarget("chemhub-partner", ownPlatform)
	yaml := targetYAMLForTest(t, tg)
	do(t, pctx, "new target",
		chromedp.Navigate(base+"/targets/edit"),
		chromedp.WaitVisible(chromedp.ID("yaml")),
		chromedp.SetValue(chromedp.ID("yaml"), yaml),
		chromedp.Click(chromedp.ID("test-button")),
		chromedp.WaitVisible(chromedp.ID("test-report")),
	)
	if rep := text(t, pctx, "#test-report h2"); strings.Contains(rep, ": 0 listings") {
		t.Errorf("target test extracted nothing: %q", rep)
	}
	shot(t, pctx, "target-test")
	do(t, pctx, "save target",
		chromedp.Click(chromedp.ID("save-button")),
		chromedp.WaitVisible(chromedp.ID("new-target")),
	)
	if _, err := f.a.store.Target(t.Context(), "chemhub-partner"); err != nil {
		t.Errorf("saved target not stored: %v", err)
	}
	shot(t, pctx, "targets")
	do(t, pctx, "crawl status", chromedp.Navigate(base+"/runs"), chromedp.WaitVisible(chromedp.CSS("table.runs")))
	shot(t, pctx, "crawl-status")

	// Phone width.
	do(t, pctx, "phone queue", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/queue"), chromedp.WaitVisible(chromedp.ID("total")))
	shot(t, pctx, "queue-phone")
	do(t, pctx, "phone ticket", chromedp.Navigate(fmt.Sprintf("%s/tickets/%d", base, f.hostile)), chromedp.WaitVisible(chromedp.ID("history")))
	width, err := chromedp.Run(pctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if width > 400 {
		t.Errorf("ticket page is %d px wide at phone width (390): it scrolls sideways", width)
	}
	shot(t, pctx, "ticket-phone")
}

// targetYAMLForTest renders a target as the YAML the edit page takes.
func targetYAMLForTest(t *testing.T, tg precwatch.Target) string {
	b, err := yaml.Marshal(tg)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
