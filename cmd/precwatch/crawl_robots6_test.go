package main

import (
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestCrawlRobotsKeepsListings crawls a shop twice; before the second
// crawl its robots.txt disallows one flagged listing page. The second,
// complete crawl does not mark that listing removed (it was not allowed to
// look: the listing is unknown), still removes a listing that vanished
// from the catalogue, and says how many listing pages robots.txt skipped.
func TestCrawlRobotsKeepsListings(t *testing.T) {
	var mu sync.Mutex
	round := 1
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n := round
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			if n == 2 {
				fmt.Fprint(w, "User-agent: *\nDisallow: /offer/2\n")
				return
			}
			http.NotFound(w, r)
		case "/catalog":
			links := `<a class="o" href="/offer/1">1</a> <a class="o" href="/offer/2">2</a>`
			if n == 1 {
				links += ` <a class="o" href="/offer/3">3</a>`
			}
			fmt.Fprint(w, `<html><body>`+links+`</body></html>`)
		case "/offer/1":
			fmt.Fprint(w, `<html><body><h1>Safrole 99%, CAS 94-59-7</h1><p class="d">Discreet shipping, Wickr: chem1</p></body></html>`)
		case "/offer/2":
			fmt.Fprint(w, `<html><body><h1>BMK glycidate, CAS 5449-12-7</h1><p class="d">Stealth shipping, Telegram @bmk</p></body></html>`)
		case "/offer/3":
			fmt.Fprint(w, `<html><body><h1>PMK glycidate 1 kg</h1><p class="d">No paperwork, Wickr: pmk</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %s
targets:
  - name: chemshop
    platform: ChemShop
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    delay: 0s
    max_retries: 0
    follow: ["a.o"]
    listing:
      url_pattern: "^/offer/\\d+$"
      fields: {title: h1, description: p.d}
`, data, srv.URL))
	status := func() map[string]string {
		m := map[string]string{}
		for _, e := range exportTickets(t, data) {
			u, _ := url.Parse(e.ListingURL)
			m[u.Path] = e.ListingStatus
		}
		return m
	}
	if code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath); code != 0 {
		t.Fatalf("crawl 1: exit %d\n%s%s", code, stdout, stderr)
	}
	want := map[string]string{"/offer/1": "active", "/offer/2": "active", "/offer/3": "active"}
	if got := status(); !maps.Equal(got, want) {
		t.Fatalf("after crawl 1: tickets %v, want %v", got, want)
	}
	mu.Lock()
	round = 2
	mu.Unlock()
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath)
	if code != 0 {
		t.Fatalf("crawl 2: exit %d\n%s%s", code, stdout, stderr)
	}
	if c := completeColumn(stdout, "chemshop"); c != "yes" {
		t.Errorf("crawl 2: complete %q, want yes\n%s", c, stdout)
	}
	want["/offer/3"] = "removed"
	if got := status(); !maps.Equal(got, want) {
		t.Errorf("after crawl 2: tickets %v, want %v (the listing robots.txt hid kept)\n%s%s", got, want, stdout, stderr)
	}
	if !strings.Contains(stdout, "chemshop: 1 listing page(s) skipped for robots.txt") {
		t.Errorf("crawl 2 does not say a listing page was skipped for robots.txt:\n%s", stdout)
	}
}
