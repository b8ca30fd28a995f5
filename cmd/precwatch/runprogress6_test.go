package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/precwatch/precwatch/tickets"
)

// TestRunProgress: while a crawl runs, its record counts the listings
// delivered so far; the shop holds its last listing page until the test
// has seen that count, so the run is still unfinished when it is read.
func TestRunProgress(t *testing.T) {
	defer func(d time.Duration) { runProgressEvery = d }(runProgressEvery)
	runProgressEvery = 20 * time.Millisecond
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/catalog":
			fmt.Fprint(w, `<html><body><a class="o" href="/p/1">1</a> <a class="o" href="/p/2">2</a> <a class="o" href="/p/3">3</a></body></html>`)
		case "/p/1", "/p/2", "/p/3":
			if r.URL.Path == "/p/3" {
				select {
				case <-release:
				case <-r.Context().Done():
					return
				}
			}
			fmt.Fprintf(w, `<html><body><h1>Acetone 99%% lot %s</h1></body></html>`, r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfg := filepath.Join(dir, "precwatch.yml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`data_dir: %s
targets:
  - name: shop
    platform: Shop
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    parallelism: 1
    follow: ["a.o"]
    listing:
      url_pattern: "^/p/"
      fields: {title: h1}
`, data, srv.URL)), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	go func() {
		code, _, _ := runCmd(t, nil, "crawl", "--config", cfg)
		done <- code
	}()

	seen := false
	deadline := time.After(hangGuard)
	for !seen {
		select {
		case code := <-done:
			t.Fatalf("crawl ended (exit %d) before its progress was seen", code)
		case <-deadline:
			t.Fatalf("no progress recorded on the running crawl within %v", hangGuard)
		case <-time.After(20 * time.Millisecond):
		}
		s, err := tickets.Open(filepath.Join(data, "precwatch.db"), tickets.Options{MustExist: true})
		if err != nil {
			continue // not created yet
		}
		runs, err := s.Runs(context.Background(), nil, 5)
		s.Close()
		if err == nil && len(runs) == 1 && runs[0].Finished == nil && runs[0].Listings >= 2 {
			seen = true
		}
	}
	close(release)
	if code := <-done; code != 0 {
		t.Fatalf("crawl: exit %d", code)
	}
	s, err := tickets.Open(filepath.Join(data, "precwatch.db"), tickets.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	runs, err := s.Runs(context.Background(), nil, 5)
	if err != nil || len(runs) != 1 || runs[0].Finished == nil || runs[0].Listings != 3 {
		t.Fatalf("finished run = %+v, %v; want one finished run with 3 listings", runs, err)
	}
}
