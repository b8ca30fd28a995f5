package demo_test

import (
	"context"
	"sync"
	"testing"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler"
	"github.com/precwatch/precwatch/demo"
)

// The demo targets crawl completely and without errors with the real crawler
// (robots.txt, GBK decoding, loopback allowed by allow_private_networks),
// in both variants on the same URLs.
func TestTargetsCrawlWithTheCrawler(t *testing.T) {
	d, err := demo.Start(t.Context(), demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	c, err := crawler.New(crawler.Options{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	crawlAll := func(labels []demo.Label) {
		for _, tg := range d.Targets() {
			var mu sync.Mutex
			got := map[string]precwatch.Listing{}
			run, err := c.Run(t.Context(), tg, crawler.SinkFunc(func(_ context.Context, l precwatch.Listing) error {
				mu.Lock()
				defer mu.Unlock()
				got[l.ID] = l
				return nil
			}))
			if err != nil {
				t.Fatalf("crawl %s: %v", tg.Name, err)
			}
			want := 0
			for _, l := range labels {
				if l.Target != tg.Name {
					continue
				}
				want++
				g, ok := got[l.ListingID]
				if !ok {
					t.Errorf("crawl %s: labelled listing %s not delivered", tg.Name, l.ListingID)
				} else if g.Platform != l.Platform {
					t.Errorf("crawl %s: listing %s platform %q, want %q", tg.Name, l.ListingID, g.Platform, l.Platform)
				}
			}
			if len(got) != want || !run.Complete || run.Errors != 0 {
				t.Errorf("crawl %s: %d listings (want %d), complete=%v, errors=%d %v", tg.Name, len(got), want, run.Complete, run.Errors, run.ErrorsByKind)
			}
		}
	}
	crawlAll(demo.Labels())
	if err := d.SetVariant(1); err != nil {
		t.Fatal(err)
	}
	crawlAll(demo.VariantLabels(1))
}
