package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestCrawlRobotsNextPage: a catalogue whose second page robots.txt
// disallows is not read to its end: crawl says the run is incomplete
// because of that page (not a start page), and marks nothing removed.
func TestCrawlRobotsNextPage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			io.WriteString(w, "User-agent: *\nDisallow: /*page=2\n")
		case "/catalog":
			io.WriteString(w, `<html><body><a class="o" href="/offer/1">1</a><a class="next" href="/catalog?page=2">next</a></body></html>`)
		case "/offer/1":
			io.WriteString(w, `<html><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping, Wickr: chem1</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %s
targets:
  - name: chemshop
    platform: ChemShop
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    next_page: ["a.next"]
    listing:
      url_pattern: "^/offer/\\d+$"
      fields: {title: h1, description: p.d}
`, filepath.Join(dir, "data"), srv.URL))
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath)
	if code != 0 {
		t.Fatalf("crawl: exit %d\n%s%s", code, stdout, stderr)
	}
	if c := completeColumn(stdout, "chemshop"); c != "no" {
		t.Errorf("complete %q, want no\n%s", c, stdout)
	}
	if !strings.Contains(stdout, "1 next page of the catalogue ("+srv.URL+"/catalog?page=2) disallowed by robots.txt") || strings.Contains(stdout, "start page") {
		t.Errorf("crawl does not say the next page was disallowed (or blames a start page):\n%s", stdout)
	}
}
