package main

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestCrawlEmptyRunKeepsListings crawls a marketplace (httptest, loopback)
// whose catalogue turns into a login wall answering 200, comes back, then
// really empties: the first complete crawl in a row that finds no listing
// keeps the stored ones (the summary and the log say so, and
// GET /api/v1/runs shows the run as kept with a note); a crawl that finds
// listings ends the streak; the second empty crawl in a row removes them.
func TestCrawlEmptyRunKeepsListings(t *testing.T) {
	shop := newRemovalShop(t)
	var login atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if login.Load() && r.URL.Path != "/robots.txt" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			// A single sign-on wall: no password field, so
			// nothing tells it from an emptied catalogue (a
			// password form fails as a login page since session
			// 17, see TestVariety17Recrawl).
			fmt.Fprint(w, `<html><body><h1>Please sign in</h1>
<a class="button" href="/oauth2/authorize?client_id=shop">Continue with your company account</a></body></html>`)
			return
		}
		shop.serve(w, r)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %s
targets:
  - name: removal
    platform: Removal
    start_urls: ["%s/catalog?page=1"]
    allow_private_networks: true
    delay: 0s
    max_retries: 1
    follow: ["a.offer"]
    next_page: ["a.next"]
    listing:
      url_pattern: "^/offer/"
      fields: {id: "div.offer@data-id", title: h1, description: .d}
`, data, srv.URL))
	crawl := func(step string) (stdout, stderr string) {
		t.Helper()
		code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath)
		if code != 0 {
			t.Fatalf("%s: crawl exit %d\nstdout %s\nstderr %s", step, code, stdout, stderr)
		}
		if got := summaryColumn(stdout, "removal", "COMPLETE"); got != "yes" {
			t.Fatalf("%s: COMPLETE %q, want yes:\n%s", step, got, stdout)
		}
		return stdout, stderr
	}
	all := []string{"/offer/a1", "/offer/a2", "/offer/a3", "/offer/b1", "/offer/b2", "/offer/b3"}
	check := func(step, want string) {
		t.Helper()
		got := listingStatuses(t, data)
		for _, k := range all {
			if got[k] != want {
				t.Errorf("%s: %s listing_status %q, want %q (all: %v)", step, k, got[k], want, got)
			}
		}
	}
	const keptNote = "removal: complete but found no listings: the 6 listings stored were KEPT, not marked removed"

	crawl("first crawl")
	check("first crawl", "active")

	// A login wall answers 200 where the catalogue was: nothing is
	// removed on its word.
	login.Store(true)
	out, errOut := crawl("crawl behind a login wall")
	check("crawl behind a login wall", "active")
	if got := summaryColumn(out, "removal", "REMOVED"); got != "0" {
		t.Errorf("crawl behind a login wall: REMOVED %q, want 0:\n%s", got, out)
	}
	if !strings.Contains(out, keptNote) {
		t.Errorf("crawl behind a login wall: summary does not say the listings were kept:\n%s", out)
	}
	if !strings.Contains(errOut, "level=WARN") || !strings.Contains(errOut, "target=removal kept=6") {
		t.Errorf("crawl behind a login wall: no WARN with target and kept=6 on stderr:\n%s", errOut)
	}

	// The catalogue is back: the streak ends, so the next login wall is
	// again a first empty run.
	login.Store(false)
	if out, _ := crawl("crawl after the login wall"); strings.Contains(out, "KEPT") {
		t.Errorf("crawl after the login wall: summary says kept:\n%s", out)
	}
	check("crawl after the login wall", "active")
	login.Store(true)
	if out, _ := crawl("second login wall"); !strings.Contains(out, keptNote) {
		t.Errorf("second login wall: summary does not say the listings were kept:\n%s", out)
	}
	check("second login wall", "active")

	// Every offer is taken down: the second empty crawl in a row removes.
	login.Store(false)
	shop.set(func(s *removalShop) { s.pages["1"], s.pages["2"] = nil, nil })
	out, _ = crawl("crawl of the emptied catalogue")
	check("crawl of the emptied catalogue", "removed")
	if got := summaryColumn(out, "removal", "REMOVED"); got != "6" {
		t.Errorf("crawl of the emptied catalogue: REMOVED %q, want 6:\n%s", got, out)
	}
	if !strings.Contains(out, "removal: complete and found no listings again") {
		t.Errorf("crawl of the emptied catalogue: summary does not say why the listings were removed:\n%s", out)
	}

	// The API's runs say which run kept what.
	tok := adminToken(t, data)
	s := startServe(t, "--config", cfgPath, "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn")
	var runs struct {
		Runs []map[string]any
	}
	s.get(t, tok, "/api/v1/runs?target=removal", &runs)
	if len(runs.Runs) != 5 {
		t.Fatalf("GET /api/v1/runs: %d runs, want 5: %v", len(runs.Runs), runs.Runs)
	}
	// Newest first: emptied, second login wall, back, login wall, first.
	wantKept := []float64{0, 6, 0, 6, 0}
	for i, r := range runs.Runs {
		kept, ok := r["kept"].(float64)
		note, _ := r["note"].(string)
		if !ok || kept != wantKept[i] {
			t.Errorf("run %d: kept %v, want %v: %v", i, r["kept"], wantKept[i], r)
		}
		switch {
		case wantKept[i] > 0 && !strings.Contains(note, "kept the 6 stored listing(s)"):
			t.Errorf("run %d: note %q, want one saying the 6 listings were kept", i, note)
		case i == 0 && !strings.Contains(note, "no longer kept"):
			t.Errorf("run %d (emptied catalogue): note %q, want one saying the listings are no longer kept", i, note)
		case (i == 2 || i == 4) && note != "":
			t.Errorf("run %d: note %q, want none", i, note)
		}
	}
	// So does the web UI's Crawl status page.
	b := newBrowser(t, s.base, nil)
	b.signIn(tok)
	code, body, _ := b.get("/runs")
	body = html.UnescapeString(body)
	if code != http.StatusOK || strings.Count(body, "6 kept") != 2 || !strings.Contains(body, "kept the 6 stored listing(s) of removal") {
		t.Errorf("GET /runs: %d, want the two kept runs with their notes: %s", code, short(body))
	}
}
