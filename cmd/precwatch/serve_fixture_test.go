package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/config"
	"github.com/precwatch/precwatch/crawler"
	"github.com/precwatch/precwatch/demo"
	"github.com/precwatch/precwatch/server"
	"github.com/precwatch/precwatch/tickets"
)

// hostileTitle is crawled text that would run if any page trusted it.
const hostileTitle = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> BMK glycidate 5449-12-7 wholesale`

// fixture is a real precwatch data directory: the demo marketplaces
// crawled through the whole pipeline, one hostile listing stored with a
// hostile evidence page, and a token for every role.
type fixture struct {
	t       testing.TB
	a       *app
	b       *backend
	cfg     *config.Config
	demo    *demo.Demo
	srv     *httptest.Server
	server  *server.Server
	tokens  map[string]string // "admin", "regulator", "partner", "reviewer" (of ownPlatform), "partner-other", "reviewer-other"
	hostile int64             // ticket id of the hostile listing (platform ChemHub)
	byPlat  map[string]int64  // a ticket id per platform
}

// The platform the partner and reviewer tokens own, and another one.
const (
	ownPlatform   = "ChemHub"
	otherPlatform = "Bazaar Classifieds"
)

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	tmpl := fixtureTemplate(t)
	f := &fixture{t: t, tokens: map[string]string{}, byPlat: map[string]int64{}, demo: tmpl.demo, hostile: tmpl.hostile}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(tmpl.dir)); err != nil {
		t.Fatalf("copy the fixture's data directory: %v", err)
	}
	var err error
	f.a, err = openApp(appOptions{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.a.Close() })
	cfg := *tmpl.cfg
	cfg.Targets = slices.Clone(tmpl.cfg.Targets)
	f.cfg = &cfg
	for name, role := range map[string][2]string{"admin": {"admin", ""}, "regulator": {"regulator", ""},
		"partner": {"partner", ownPlatform}, "reviewer": {"reviewer", ownPlatform},
		"partner-other": {"partner", otherPlatform}, "reviewer-other": {"reviewer", otherPlatform}} {
		tok, err := f.a.store.CreateToken(ctx, role[0], role[1])
		if err != nil {
			t.Fatal(err)
		}
		f.tokens[name] = tok
	}
	for _, s := range f.demo.Sites() {
		p := s.Platform
		ts, err := f.a.store.Tickets(ctx, ticketsFilter(p, 1))
		if err != nil || len(ts) == 0 {
			t.Fatalf("no ticket on %s after crawling the demo (err %v)", p, err)
		}
		f.byPlat[p] = ts[0].ID
	}
	ctx, cancel := context.WithCancel(ctx)
	t.Cleanup(cancel)
	f.b, err = newBackend(ctx, f.a, f.cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := newServer(f.b)
	if err != nil {
		t.Fatal(err)
	}
	f.server = srv
	f.srv = httptest.NewServer(srv)
	t.Cleanup(f.srv.Close)
	return f
}

// template is the data directory every fixture starts from: the demo
// marketplaces crawled once through the whole pipeline and the hostile
// listing planted, copied by each fixture (crawling takes seconds, copying
// milliseconds). The demo marketplaces stay up for the whole test binary;
// fixtures share them read-only (a fixture's "run now" re-crawls them).
type template struct {
	demo    *demo.Demo
	cfg     *config.Config
	dir     string
	hostile int64
	ok      bool
}

var (
	tmplOnce sync.Once
	tmpl     template
)

// closeFixtureTemplate stops the template's demo marketplaces and removes
// its data directory, once every test has run.
func closeFixtureTemplate() {
	if tmpl.demo != nil {
		tmpl.demo.Close()
	}
	if tmpl.dir != "" {
		os.RemoveAll(tmpl.dir)
	}
}

// fixtureTemplate builds the template on first use; a test that finds it
// broken fails.
func fixtureTemplate(t testing.TB) *template {
	t.Helper()
	tmplOnce.Do(func() {
		ctx := context.Background()
		d, err := demo.Start(ctx, demo.Options{})
		if err != nil {
			t.Errorf("start the demo marketplaces: %v", err)
			return
		}
		tmpl.demo = d
		dir, err := os.MkdirTemp("", "precwatch-fixture-")
		if err != nil {
			t.Errorf("fixture data directory: %v", err)
			return
		}
		tmpl.dir = dir
		f := &fixture{t: t}
		f.a, err = openApp(appOptions{DataDir: dir})
		if err != nil {
			t.Errorf("open the fixture's app: %v", err)
			return
		}
		defer f.a.Close()
		cfg := config.Default()
		cfg.Targets = d.Targets()
		for i := range cfg.Targets {
			cfg.Targets[i].Schedule = "" // the tests start crawls themselves
		}
		for _, tg := range cfg.Targets {
			if _, err := f.a.monitor.RunTarget(ctx, tg, nil); err != nil {
				t.Errorf("crawl demo target %s: %v", tg.Name, err)
				return
			}
		}
		f.plantHostile(ctx)
		tmpl.cfg, tmpl.hostile, tmpl.ok = cfg, f.hostile, f.hostile != 0
	})
	if !tmpl.ok {
		t.Fatal("the fixture's data directory could not be built (see the first test that asked for it)")
	}
	return &tmpl
}

// plantHostile stores a ChemHub listing whose every field is hostile, with
// a hostile HTML page as its evidence, through the real matcher and store.
func (f *fixture) plantHostile(ctx context.Context) {
	page := []byte(`<html><body><h1>` + hostileTitle + `</h1><script>document.title="pwned"</script></body></html>`)
	hash, err := f.a.crawler.Evidence().Put(crawler.Snapshot{URL: "http://127.0.0.1:1/product/evil", FetchedAt: time.Now(), Status: 200,
		Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, Body: page})
	if err != nil {
		f.t.Fatal(err)
	}
	l := precwatch.Listing{ID: "evil-1", Platform: "ChemHub", Target: "chemhub", URL: "http://127.0.0.1:1/product/evil",
		Title:       hostileTitle,
		Description: `Pure BMK glycidate, CAS 5449-12-7, 25 kg drums. Stealth packaging, 100% customs pass. Contact telegram @evilchem </textarea><script>alert(1)</script>`,
		Price:       "<b>$900</b>", Seller: `"><script>alert(2)</script>`, Location: "NL",
		FetchedAt: time.Now(), EvidenceHash: hash}
	m := f.a.matcher.Match(&l)
	if !m.Suspicious {
		f.t.Fatalf("hostile listing is not suspicious: %+v", m)
	}
	r := precwatch.Result{Listing: l, Match: m}
	if err := f.a.index.Put(ctx, []precwatch.Result{r}, time.Now()); err != nil {
		f.t.Fatal(err)
	}
	o, err := f.a.store.Record(ctx, r, time.Now())
	if err != nil {
		f.t.Fatal(err)
	}
	ts, err := f.a.store.Tickets(ctx, ticketsFilter("ChemHub", 0))
	if err != nil {
		f.t.Fatal(err)
	}
	for _, tk := range ts {
		if tk.ListingID == "evil-1" {
			f.hostile = tk.ID
		}
	}
	if f.hostile == 0 || !o.Created {
		f.t.Fatalf("hostile listing made no ticket (outcome %+v)", o)
	}
}

// do sends a request as role ("" for none) and returns status and body.
func (f *fixture) do(role, method, path, body string) (int, string) {
	f.t.Helper()
	code, b, _ := f.doHeader(role, method, path, body)
	return code, b
}

// doHeader sends a request as role and returns status, body and headers.
func (f *fixture) doHeader(role, method, path, body string) (int, string, http.Header) {
	f.t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		f.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
		if strings.Contains(path, "/watchlist") {
			req.Header.Set("Content-Type", "application/yaml")
		}
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+f.tokens[role])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// getJSON decodes a 200 response of role into v.
func (f *fixture) getJSON(role, path string, v any) {
	f.t.Helper()
	code, body := f.do(role, "GET", path, "")
	if code != http.StatusOK {
		f.t.Fatalf("GET %s as %s: %d %s", path, role, code, body)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		f.t.Fatalf("GET %s: %v", path, err)
	}
}

// ticketsFilter selects up to limit tickets of platform, by id.
func ticketsFilter(platform string, limit int) tickets.Filter {
	return tickets.Filter{Platforms: []string{platform}, Limit: limit, Sort: tickets.SortID}
}
