package crawler

import (
	"context"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// TestChangedTargetStartsAfresh checks that an unfinished run is not resumed
// once the target's definition changed: its frontier came from the old
// start URLs and selectors. A change of politeness settings still resumes.
func TestChangedTargetStartsAfresh(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*precwatch.Target)
		resume bool
	}{
		{"fields changed", func(t *precwatch.Target) { t.Listing.Fields["description"] = ".desc" }, false},
		{"follow changed", func(t *precwatch.Target) { t.Follow = []string{"a.product-link", "a.other"} }, false},
		{"max_pages and delay changed", func(t *precwatch.Target) { t.MaxPages = 1000; t.Delay = 0 }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHits()
			srv := mustServer(t, catalogSite(5, 4, h))
			tg := catalogTarget(srv.URL)
			tg.Parallelism = 1
			tg.Delay = 10 * time.Millisecond
			dir := t.TempDir()
			c := mustCrawler(t, Options{DataDir: dir})
			ctx, cancel := context.WithCancel(context.Background())
			seen := 0
			run, err := c.Run(ctx, tg, SinkFunc(func(ctx context.Context, l precwatch.Listing) error {
				if seen++; seen == 5 {
					cancel()
				}
				return nil
			}))
			if err == nil || run.Complete {
				t.Fatalf("cancelled run = %+v, %v; want incomplete", run, err)
			}
			changed := catalogTarget(srv.URL)
			changed.Parallelism = 1
			changed.Delay = tg.Delay
			changed.Listing.Fields = map[string]string{}
			for k, v := range tg.Listing.Fields {
				changed.Listing.Fields[k] = v
			}
			tc.change(&changed)
			sink := &collector{}
			run2, err := c.Run(context.Background(), changed, sink)
			if err != nil || !run2.Complete {
				t.Fatalf("second run = %+v, %v", run2, err)
			}
			if run2.Resumed != tc.resume {
				t.Errorf("second run resumed = %v, want %v", run2.Resumed, tc.resume)
			}
			if !tc.resume && (run2.ID == run.ID || run2.Pages != 25 || len(sink.listings) != 20) {
				t.Errorf("fresh run id %s (old %s), %d pages, %d listings; want a new id, 25 pages, 20 listings",
					run2.ID, run.ID, run2.Pages, len(sink.listings))
			}
			if tc.resume && (run2.ID != run.ID || run2.Pages != 25 || len(sink.listings) >= 20) {
				t.Errorf("resumed run id %s (old %s), %d pages, %d listings delivered; want the old id, 25 pages in all, fewer than 20 listings",
					run2.ID, run.ID, run2.Pages, len(sink.listings))
			}
		})
	}
}

func TestFingerprint(t *testing.T) {
	a := catalogTarget("http://127.0.0.1:1")
	b := catalogTarget("http://127.0.0.1:1")
	b.Delay, b.MaxPages, b.Parallelism, b.Timeout = time.Hour, 7, 9, time.Second
	if Fingerprint(&a) != Fingerprint(&b) {
		t.Error("politeness settings changed the fingerprint")
	}
	b.Listing.URLPattern = "/other/"
	if Fingerprint(&a) == Fingerprint(&b) {
		t.Error("url_pattern change kept the fingerprint")
	}
}
