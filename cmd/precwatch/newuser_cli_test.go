package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precwatch/precwatch/index"
)

// What a new user hit following the README on a marketplace of their own:
// command lines and configurations that failed, or quietly did nothing,
// without saying why.

// TestNewUserUsageSaysWhatIsMissing: a command line missing a required flag
// or argument names it before printing the usage.
func TestNewUserUsageSaysWhatIsMissing(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "precwatch.yml")
	writeFile(t, cfg, "targets: []\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"crawl"}, "precwatch crawl: --config is required"},
		{[]string{"crawl", "--config", cfg, "extra"}, `precwatch crawl: unexpected argument "extra"`},
		{[]string{"serve"}, "precwatch serve: --config is required"},
		{[]string{"target", "test"}, "precwatch target test: --config and --target are required"},
		{[]string{"target", "test", "--config", cfg}, "precwatch target test: --target is required"},
		{[]string{"target", "test", "--target", "x"}, "precwatch target test: --config is required"},
		{[]string{"target", "test", "--config", cfg, "--target", "x", "--pages", "0"}, "--pages must be at least 1, not 0"},
		{[]string{"target", "tset"}, `precwatch target: unknown subcommand "tset"`},
		{[]string{"target"}, "precwatch target: missing subcommand"},
		{[]string{"config", "check"}, "precwatch config check: no configuration FILE given"},
		{[]string{"search"}, "precwatch search: missing QUERY"},
		{[]string{"config", "chek", cfg}, `precwatch config: unknown subcommand "chek"`},
	} {
		code, _, stderr := runCmd(t, nil, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "Usage: precwatch") {
			t.Errorf("precwatch %s: exit %d, stderr %q; want exit 2, %q and the usage", strings.Join(tc.args, " "), code, stderr, tc.want)
		}
	}
}

// TestNewUserCrawlUnknownTarget: a misspelt --target names the file and the
// targets it has, without an internal error code.
func TestNewUserCrawlUnknownTarget(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfg, `data_dir: `+filepath.Join(dir, "data")+`
targets:
  - {name: shop, platform: Shop, start_urls: ["http://127.0.0.1:1/"], allow_private_networks: true, listing: {fields: {title: h1}}}
  - {name: feed, platform: Shop, start_urls: ["http://127.0.0.1:1/feed"], allow_private_networks: true, listing: {fields: {title: h1}}}
`)
	code, _, stderr := runCmd(t, nil, "crawl", "--config", cfg, "--target", "shpo")
	want := fmt.Sprintf(`precwatch crawl: no target "shpo" in %s (targets: shop, feed)`, cfg)
	if code != 1 || strings.TrimSpace(stderr) != want {
		t.Errorf("crawl --target shpo: exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
	}
}

// newUserShop serves a two-page catalogue with two product pages.
func newUserShop(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\n") })
	mux.HandleFunc("/catalogue", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("p") == "2" {
			fmt.Fprint(w, `<html><body><a class="item-link" href="/item/2">two</a></body></html>`)
			return
		}
		fmt.Fprint(w, `<html><body><a class="item-link" href="/item/1">one</a><a class="pager-next" href="/catalogue?p=2">next</a></body></html>`)
	})
	mux.HandleFunc("/item/", func(w http.ResponseWriter, r *http.Request) {
		id := strings.TrimPrefix(r.URL.Path, "/item/")
		fmt.Fprintf(w, `<html><body><article class="offer" data-sku="s%s"><h1 class="name">BMK glycidate CAS 5449-12-7 lot %s</h1><p class="desc">Wickr: lab%s</p></article></body></html>`, id, id, id)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// newUserConfig is a configuration for newUserShop; allow is the value of
// allow_private_networks and follow the detail-link selector.
func newUserConfig(t *testing.T, url string, allow bool, follow string) (cfg, data string) {
	t.Helper()
	dir := t.TempDir()
	cfg, data = filepath.Join(dir, "precwatch.yml"), filepath.Join(dir, "data")
	writeFile(t, cfg, fmt.Sprintf(`data_dir: %s
targets:
  - name: labmart
    platform: LabMart
    start_urls: ["%s/catalogue?p=1"]
    allow_private_networks: %t
    delay: 1ms
    follow: ["%s"]
    next_page: ["a.pager-next"]
    listing:
      url_pattern: "/item/"
      item: "article.offer"
      fields: {id: "@data-sku", title: "h1.name", description: ".desc"}
`, data, url, allow, follow))
	return cfg, data
}

// TestNewUserLoopbackWithoutAllowPrivate: a partner trying precwatch on a
// marketplace on their own machine forgets allow_private_networks. config
// check, target test and crawl each say which URL the SSRF guard refuses and
// which setting allows it, instead of only a dial error per page.
func TestNewUserLoopbackWithoutAllowPrivate(t *testing.T) {
	srv := newUserShop(t)
	cfg, _ := newUserConfig(t, srv.URL, false, "a.item-link")
	const want = "set allow_private_networks: true on the target"
	for _, args := range [][]string{
		{"config", "check", cfg},
		{"target", "test", "--config", cfg, "--target", "labmart"},
		{"crawl", "--config", cfg},
	} {
		_, stdout, stderr := runCmd(t, nil, args...)
		if !strings.Contains(stderr, want) || !strings.Contains(stderr, srv.URL+"/catalogue?p=1") {
			t.Errorf("precwatch %s: stderr %q, stdout %q; want the start URL and %q", strings.Join(args, " "), stderr, stdout, want)
		}
	}
	// The same configuration with the setting on: no warning, listings found.
	cfg, _ = newUserConfig(t, srv.URL, true, "a.item-link")
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfg)
	if code != 0 || strings.Contains(stderr, "allow_private_networks") || strings.Contains(stderr, "target test") {
		t.Errorf("crawl with allow_private_networks: exit %d, stderr %q; want exit 0 and no hint", code, stderr)
	}
	if !strings.Contains(stdout, "labmart") {
		t.Errorf("crawl summary %q has no labmart row", stdout)
	}
}

// TestNewUserCrawlHintsWhenNothingExtracted: a typo in a selector makes a
// crawl that fetches pages and extracts nothing; the summary alone looks
// like success, so crawl points at target test. A crawl whose every page
// fails says so too.
func TestNewUserCrawlHintsWhenNothingExtracted(t *testing.T) {
	srv := newUserShop(t)
	cfg, _ := newUserConfig(t, srv.URL, true, "a.item-lnk") // typo
	code, _, stderr := runCmd(t, nil, "crawl", "--config", cfg)
	want := "labmart: 2 pages fetched but no listings extracted"
	if code != 0 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "precwatch target test --config "+cfg+" --target labmart") {
		t.Errorf("crawl with a selector typo: exit %d, stderr %q; want exit 0 and %q with the target test command", code, stderr, want)
	}

	srv.Close() // nothing listens any more
	cfg, _ = newUserConfig(t, srv.URL, true, "a.item-link")
	code, _, stderr = runCmd(t, nil, "crawl", "--config", cfg)
	if want := "labmart: every page failed"; code != 0 || !strings.Contains(stderr, want) {
		t.Errorf("crawl of an unreachable site: exit %d, stderr %q; want exit 0 and %q", code, stderr, want)
	}
}

// TestNewUserRescanUsesConfigDataDir: `rescan --config FILE` without --data
// re-matches the listings where crawl put them (the config's data_dir), as
// crawl and serve do, instead of failing on ./data.
func TestNewUserRescanUsesConfigDataDir(t *testing.T) {
	srv := newUserShop(t)
	cfg, _ := newUserConfig(t, srv.URL, true, "a.item-link")
	if code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfg); code != 0 {
		t.Fatalf("crawl: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr := runCmd(t, nil, "rescan", "--config", cfg)
	if want := "rescanned 2 listings"; code != 0 || !strings.HasPrefix(stdout, want) {
		t.Errorf("rescan --config %s: exit %d, stdout %q, stderr %q; want exit 0 and %q", cfg, code, stdout, stderr, want)
	}
}

// TestNewUserTokenCreateNewDatabase: a token created in a data directory
// that held no database (a wrong or relative --data) says where it went;
// a token in an existing database says nothing more. The token stays the
// last line of stdout either way.
func TestNewUserTokenCreateNewDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	for i, wantNote := range []bool{true, false} {
		code, stdout, stderr := runCmd(t, nil, "token", "create", "--data", dir, "--role", "admin")
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		if code != 0 || !strings.HasPrefix(lines[len(lines)-1], "pw_") || !strings.HasPrefix(stdout, "Created an admin token") {
			t.Fatalf("token create #%d: exit %d, stdout %q, stderr %q", i+1, code, stdout, stderr)
		}
		gotNote := strings.Contains(stderr, "precwatch.db did not exist and was created") && strings.Contains(stderr, "--data "+dir)
		if gotNote != wantNote {
			t.Errorf("token create #%d in %s: stderr %q; want the new-database note: %t", i+1, dir, stderr, wantNote)
		}
	}
}

// TestNewUserTargetTestShowsTheUnmatchedValue: `target test` lists each
// selector that matched nothing with its configuration key and the value
// written there, so a typo in a field selector or a JSON path shows.
func TestNewUserTargetTestShowsTheUnmatchedValue(t *testing.T) {
	srv := newUserShop(t)
	cfg, _ := newUserConfig(t, srv.URL, true, "a.item-link")
	writeFile(t, cfg, strings.Replace(readFile(t, cfg), `title: "h1.name"`, `title: "h1.nmae"`, 1))
	code, stdout, stderr := runCmd(t, nil, "target", "test", "--config", cfg, "--target", "labmart", "--pages", "3")
	if want := "selectors that matched nothing:\n  field:title  (listing.fields.title: \"h1.nmae\")\n"; code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("target test with a title typo: exit %d, stdout %q, stderr %q; want %q", code, stdout, stderr, want)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/api/offers", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"data":{"offers":[{"offer_id":"1","headline":"Safrole oil 25L"}]}}`)
	})
	api := httptest.NewServer(mux)
	t.Cleanup(api.Close)
	dir := t.TempDir()
	cfg = filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfg, `data_dir: `+filepath.Join(dir, "data")+`
targets:
  - name: feed
    platform: Feed
    kind: json
    respect_robots_txt: false
    allow_private_networks: true
    start_urls: ["`+api.URL+`/api/offers"]
    json: {items: "data.offer", fields: {id: "offer_id", title: "headline"}}
`)
	code, stdout, stderr = runCmd(t, nil, "target", "test", "--config", cfg, "--target", "feed")
	want := "selectors that matched nothing:\n  item  (json.items: \"data.offer\"): no listing found, so the fields below could not match either\n  field:id  (json.fields.id: \"offer_id\")\n"
	if code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("target test with a JSON items typo: exit %d, stdout %q, stderr %q; want %q", code, stdout, stderr, want)
	}
}

// readFile returns the contents of path.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestNewUserDataDirInUse: with serve running, a crawl, rescan or search on
// the same data directory waits for the index lock and fails after 5 s; the
// error says why and what to do instead of only "shard …: timeout".
func TestNewUserDataDirInUse(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the index lock timeout")
	}
	srv := newUserShop(t)
	cfg, data := newUserConfig(t, srv.URL, true, "a.item-link")
	if code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfg); code != 0 {
		t.Fatalf("crawl: exit %d\n%s%s", code, stdout, stderr)
	}
	x, err := index.Open(filepath.Join(data, "index.bleve"), index.Options{}) // what serve holds
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	code, _, stderr := runCmd(t, nil, "rescan", "--config", cfg)
	if want := "another precwatch process (serve, demo, crawl or rescan) is using " + data; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("rescan while the index is held: exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
	}
}
