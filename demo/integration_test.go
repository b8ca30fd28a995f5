package demo_test

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/config"
	"github.com/precwatch/precwatch/crawler/extract"
	"github.com/precwatch/precwatch/demo"
)

// The demo targets must pass the real config validation.
func TestConfigYAMLLoadsWithConfigPackage(t *testing.T) {
	d, err := demo.Start(t.Context(), demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	cfg, err := config.Parse("demo.yaml", d.ConfigYAML(), os.Getenv)
	if err != nil {
		t.Fatalf("config.Parse(ConfigYAML): %v\n%s", err, d.ConfigYAML())
	}
	want := d.Targets()
	if len(cfg.Targets) != len(want) {
		t.Fatalf("config has %d targets, want %d", len(cfg.Targets), len(want))
	}
	for i, got := range cfg.Targets {
		w := want[i]
		if err := config.ValidateTarget(&w); err != nil {
			t.Errorf("ValidateTarget(%s): %v", w.Name, err)
		}
		if got.Name != w.Name || got.Kind != w.Kind || got.Delay != w.Delay || got.Timeout != w.Timeout ||
			got.Parallelism != w.Parallelism || got.MaxPages != w.MaxPages || !got.AllowPrivateNetworks ||
			!got.RespectRobotsTxt || !slices.Equal(got.StartURLs, w.StartURLs) || got.UserAgent != w.UserAgent {
			t.Errorf("target %d from YAML = %+v, want %+v", i, got, w)
		}
	}
}

// Crawling each demo target with the real extractor yields exactly the
// labelled listings, with the labelled URLs.
func TestTargetsExtractTheLabelledListings(t *testing.T) {
	for _, v := range []int{0, 1} {
		d, err := demo.Start(t.Context(), demo.Options{Variant: v})
		if err != nil {
			t.Fatal(err)
		}
		labels := demo.VariantLabels(v)
		for i, tg := range d.Targets() {
			site := d.Sites()[i]
			got := crawl(t, &tg)
			want := map[string]demo.Label{}
			for _, l := range labels {
				if l.Target == tg.Name {
					want[l.ListingID] = l
				}
			}
			if len(got) != len(want) {
				t.Errorf("variant %d %s: extracted %d listings, want %d", v, tg.Name, len(got), len(want))
			}
			for _, l := range got {
				lab, ok := want[l.ID]
				if !ok {
					t.Errorf("variant %d %s: extracted unlabelled listing %q (%s)", v, tg.Name, l.ID, l.URL)
					continue
				}
				if l.URL != site.URL+lab.URLPath {
					t.Errorf("variant %d %s: listing %s URL %q, want %q", v, tg.Name, l.ID, l.URL, site.URL+lab.URLPath)
				}
				if l.Platform != lab.Platform || strings.Join(strings.Fields(l.Title), " ") != strings.Join(strings.Fields(lab.Title), " ") || l.Description == "" && lab.Category != demo.CategoryNews {
					t.Errorf("variant %d %s: listing %s = %+v", v, tg.Name, l.ID, l)
				}
				if tg.Name != "chemhub" || lab.Category == demo.CategoryNews {
					continue
				}
				if l.Seller == "" || l.Location == "" || l.Price == "" {
					t.Errorf("variant %d %s: listing %s lacks seller, location or price: %+v", v, tg.Name, l.ID, l)
				}
			}
		}
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// crawl fetches a target breadth-first from its start URLs, following its
// follow and next-page links on the same host, and returns every listing.
func crawl(t *testing.T, tg *precwatch.Target) map[string]precwatch.Listing {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	queue := slices.Clone(tg.StartURLs)
	seen := map[string]bool{}
	out := map[string]precwatch.Listing{}
	for len(queue) > 0 && len(seen) < 2000 {
		u := queue[0]
		queue = queue[1:]
		if seen[u] {
			continue
		}
		seen[u] = true
		pu, err := url.Parse(u)
		if err != nil || pu.Hostname() != "127.0.0.1" {
			t.Fatalf("%s: refusing to fetch %q", tg.Name, u)
		}
		resp, err := client.Get(u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		var r io.Reader = resp.Body
		if ct := resp.Header.Get("Content-Type"); strings.HasPrefix(ct, "text/html") {
			if r, err = charset.NewReader(resp.Body, ct); err != nil {
				t.Fatal(err)
			}
		}
		body, err := io.ReadAll(r)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d, %v", u, resp.StatusCode, err)
		}
		page, err := extract.Extract(tg, u, body)
		if err != nil {
			t.Fatalf("extract %s: %v", u, err)
		}
		for _, l := range page.Listings {
			if prev, dup := out[l.ID]; dup {
				t.Errorf("%s: listing %s extracted twice (%s and %s)", tg.Name, l.ID, prev.URL, u)
			}
			out[l.ID] = l
		}
		queue = append(queue, page.Follow...)
		queue = append(queue, page.Next...)
	}
	if len(queue) > 0 {
		t.Fatalf("%s: crawl did not end", tg.Name)
	}
	return out
}
