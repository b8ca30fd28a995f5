package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTargetTestRedactsSecrets runs target test on a target whose start URL
// carries an API key and a password: the shop needs them (it answers 403
// without), and nothing printed — pages, errors, listing URLs, the debug
// log — shows them, while the parameter names stay visible.
func TestTargetTestRedactsSecrets(t *testing.T) {
	const key, pass = "K3yValue9f1b", "Pa55wordZq7"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/catalog":
			if u, p, _ := r.BasicAuth(); u != "bob" || p != pass || r.URL.Query().Get("api_key") != key {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			// Relative links keep the start URL's userinfo; the query
			// key is carried on by the shop's own links.
			fmt.Fprintf(w, `<html><body><a class="product" href="/p/1?api_key=%s">1</a> <a class="product" href="/p/2?api_key=%s">2</a></body></html>`, key, key)
		case "/p/1":
			fmt.Fprint(w, `<html><body><div data-id="x1"><h1>Acetone 99.5% lot 1</h1><span class="price">12 EUR</span></div></body></html>`)
		default:
			http.Error(w, "boom", http.StatusInternalServerError)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "precwatch.yml")
	start := strings.Replace(srv.URL, "http://", "http://bob:"+pass+"@", 1) + "/catalog?api_key=" + key
	data := fmt.Sprintf(`data_dir: %s
targets:
  - name: shop
    platform: Shop
    start_urls: ["%s"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    max_retries: 0
    follow: ["a.product"]
    listing:
      url_pattern: "/p/"
      fields: {id: "div@data-id", title: h1, price: .price}
`, filepath.Join(dir, "data"), start)
	if err := os.WriteFile(cfg, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, nil, "target", "test", "--config", cfg, "--target", "shop", "--pages", "3", "--log-level", "debug")
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	// The secrets were used (the catalogue answered and a listing came
	// back), so they were in the URLs the report is about.
	if !strings.Contains(out, "Acetone 99.5% lot 1") {
		t.Fatalf("the catalogue did not answer: the test does not show anything\n%s", out)
	}
	for _, s := range []string{key, pass} {
		if strings.Contains(out, s) || strings.Contains(errOut, s) {
			t.Errorf("target test printed the secret %q:\nstdout:\n%s\nstderr:\n%s", s, out, errOut)
		}
	}
	if !strings.Contains(out, "api_key=<redacted>") {
		t.Errorf("the parameter name is not shown with its mask:\n%s", out)
	}
}

// TestCrawlAndConfigCheckRedactSecrets: crawl's notes on a failed start
// page, its log, and config check's warning about a loopback start URL name
// the URL without its API key or password.
func TestCrawlAndConfigCheckRedactSecrets(t *testing.T) {
	const key, pass = "K3yValue77aa", "Pa55wordQq3"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	dir := t.TempDir()
	start := strings.Replace(srv.URL, "http://", "http://bob:"+pass+"@", 1) + "/catalog?api_key=" + key
	write := func(name string, private bool) string {
		path := filepath.Join(dir, name)
		data := fmt.Sprintf(`data_dir: %s
targets:
  - name: shop
    platform: Shop
    start_urls: ["%s"]
    allow_private_networks: %t
    respect_robots_txt: false
    delay: 0s
    max_retries: 0
    listing:
      url_pattern: "/p/"
      fields: {title: h1}
`, filepath.Join(dir, "data"), start, private)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	check := func(what, out, errOut string) {
		t.Helper()
		for _, s := range []string{key, pass} {
			if strings.Contains(out, s) || strings.Contains(errOut, s) {
				t.Errorf("%s printed the secret %q:\nstdout:\n%s\nstderr:\n%s", what, s, out, errOut)
			}
		}
	}

	code, out, errOut := runCmd(t, nil, "config", "check", write("guarded.yml", false))
	if code != 0 || !strings.Contains(errOut, "api_key=<redacted>") {
		t.Errorf("config check: exit %d, want 0 and a warning naming the masked URL\nstderr:\n%s", code, errOut)
	}
	check("config check", out, errOut)

	code, out, errOut = runCmd(t, nil, "crawl", "--config", write("open.yml", true), "--log-level", "debug")
	if !strings.Contains(out+errOut, "api_key=<redacted>") {
		t.Errorf("crawl (exit %d) does not name the failed start page by its masked URL:\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	check("crawl", out, errOut)
}

// TestExposedAddr: serve warns when it listens beyond loopback (checked on
// the address only: a test listens on loopback alone).
func TestExposedAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080":       false,
		"127.8.9.10:80":        false,
		"[::1]:8080":           false,
		"[::ffff:127.0.0.1]:1": false,
		"localhost:8080":       false,
		"0.0.0.0:8080":         true,
		"[::]:8080":            true,
		"192.168.1.20:8080":    true,
		"10.0.0.1:80":          true,
		"example.org:80":       true,
		"garbage":              true,
	} {
		if got := exposedAddr(addr); got != want {
			t.Errorf("exposedAddr(%q) = %v, want %v", addr, got, want)
		}
	}
}

// TestCrawlNoTargets: a configuration without targets is refused before
// crawl writes anything (no data directory appears).
func TestCrawlNoTargets(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "empty.yml")
	data := filepath.Join(dir, "data")
	if err := os.WriteFile(cfg, []byte("data_dir: "+data+"\ntargets: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, nil, "crawl", "--config", cfg)
	if code != 1 || !strings.Contains(errOut, "has no targets: nothing to crawl") {
		t.Errorf("crawl of a config without targets: exit %d, stdout %q, stderr %q; want 1 and 'has no targets'", code, out, errOut)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("crawl created %s for a config without targets (stat: %v)", data, err)
	}
}
