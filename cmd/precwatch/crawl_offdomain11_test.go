package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestCrawlOffDomainNextKeepsListings: a catalogue whose second page
// moved to another host (outside allowed_domains) is not followed there:
// crawl counts the refused page under ERRORS, says why the run is
// incomplete, naming the page and its host, and the listing behind it,
// seen by the complete crawl before, is not marked removed.
func TestCrawlOffDomainNextKeepsListings(t *testing.T) {
	const mirror = "http://mirror.chemshop.invalid/catalog?page=2"
	var moved atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch {
		case r.URL.Path == "/catalog" && r.URL.Query().Get("page") == "":
			next := "/catalog?page=2"
			if moved.Load() {
				next = mirror
			}
			fmt.Fprintf(w, `<html><body><a class="o" href="/offer/1">1</a><a class="next" href="%s">next</a></body></html>`, next)
		case r.URL.Path == "/catalog":
			io.WriteString(w, `<html><body><a class="o" href="/offer/2">2</a></body></html>`)
		case r.URL.Path == "/offer/1", r.URL.Path == "/offer/2":
			io.WriteString(w, `<html><body><h1>Safrole 99%, CAS 94-59-7, lot `+r.URL.Path[len("/offer/"):]+`</h1><p class="d">Discreet shipping, Wickr: chem1</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfg := fmt.Sprintf(`data_dir: DATA
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
`, srv.URL)
	out := crawlOnce(t, dir, data, cfg)
	if c := summaryColumn(out, "chemshop", "COMPLETE"); c != "yes" {
		t.Fatalf("first crawl: complete %q, want yes\n%s", c, out)
	}
	if got := listingStatuses(t, data); got["/offer/2"] != "active" {
		t.Fatalf("first crawl: statuses %v, want /offer/2 active", got)
	}

	moved.Store(true)
	out = crawlOnce(t, dir, data, cfg)
	if c := summaryColumn(out, "chemshop", "COMPLETE"); c != "no" {
		t.Errorf("off-domain next page: complete %q, want no\n%s", c, out)
	}
	if e := summaryColumn(out, "chemshop", "ERRORS"); e != "1" {
		t.Errorf("off-domain next page: ERRORS %q, want 1\n%s", e, out)
	}
	if r := summaryColumn(out, "chemshop", "REMOVED"); r != "0" {
		t.Errorf("off-domain next page: REMOVED %q, want 0\n%s", r, out)
	}
	want := "1 next page of the catalogue (" + mirror + ") on mirror.chemshop.invalid, outside allowed_domains, not followed (off-domain-next)"
	if !strings.Contains(out, "chemshop: incomplete") || !strings.Contains(out, want) || strings.Contains(out, "page failed") {
		t.Errorf("crawl does not say the next page on another host was not followed (want %q):\n%s", want, out)
	}
	if got := listingStatuses(t, data); got["/offer/2"] != "active" {
		t.Errorf("off-domain next page: /offer/2 %q, want active (the page behind it was not read)", got["/offer/2"])
	}
}

// TestTargetTestOffDomainNext: target test says that a next page lies on
// a host outside allowed_domains and that a crawl will therefore not be
// complete.
func TestTargetTestOffDomainNext(t *testing.T) {
	const mirror = "http://mirror.chemshop.invalid/catalog?page=2"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/catalog":
			io.WriteString(w, `<html><body><a class="o" href="/offer/1">1</a><a class="next" href="`+mirror+`">next</a></body></html>`)
		case "/offer/1":
			io.WriteString(w, `<html><body><h1>Acetone 99%</h1><p class="d">1 l</p></body></html>`)
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
	code, stdout, stderr := runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "chemshop")
	if code != 0 {
		t.Fatalf("target test: exit %d\n%s%s", code, stdout, stderr)
	}
	if want := "next page " + mirror + " is on a host outside allowed_domains"; !strings.Contains(stdout, want) || !strings.Contains(stdout, "not complete") {
		t.Errorf("target test output lacks %q and that a crawl is not complete:\n%s", want, stdout)
	}
}
