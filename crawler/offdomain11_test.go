package crawler

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/precwatch/precwatch"
)

// offDomainShop serves a catalogue whose next page lies on another host
// (a mirror the platform moved its pagination to), in the markup that
// pager names: a configured "a.next" or rel="next".
func offDomainShop(t *testing.T, pager string, onProduct func(r *http.Request)) string {
	t.Helper()
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/catalog":
			io.WriteString(w, `<html><body><a class="p" href="/product/1">1</a><a class="p" href="/product/2">2</a>`+
				pager+`</body></html>`)
		case "/product/1", "/product/2":
			if onProduct != nil {
				onProduct(r)
			}
			id := strings.TrimPrefix(r.URL.Path, "/product/")
			io.WriteString(w, `<html><body><div class="product" data-id="`+id+`"><h1>offer `+id+`</h1></div></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	return srv.URL
}

// noLookup is a resolver that refuses every name and records it: a
// test that used it must not have asked for any host but loopback
// literals (which are not resolved).
type noLookup struct{ names atomic.Int32 }

func (n *noLookup) lookup(_ context.Context, host string) ([]netip.Addr, error) {
	n.names.Add(1)
	return nil, errors.New("no lookups in tests: " + host)
}

// TestOffDomainNextRefused: a next page on a host outside the allowed
// domains is neither fetched nor silently dropped: the run names it in
// OffDomainNext, counts it as an off-domain-next error, logs a warning
// naming target, page and host, and is not complete (the listings behind
// it are unknown), for a configured next_page and for rel="next" alike.
func TestOffDomainNextRefused(t *testing.T) {
	const next = "http://mirror.shop.invalid/catalog?page=2"
	for _, tc := range []struct {
		name, pager string
		nextPage    []string
	}{
		{"next_page", `<a class="next" href="` + next + `">next</a>`, []string{"a.next"}},
		{"rel-next", `<a rel="next" href="` + next + `">next</a>`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := offDomainShop(t, tc.pager, nil)
			var logs bytes.Buffer
			var mu sync.Mutex
			res := &noLookup{}
			c := mustCrawler(t, Options{LookupIP: res.lookup,
				Logger: slog.New(slog.NewJSONHandler(&lockedWriter{w: &logs, mu: &mu}, nil))})
			tg := loopbackTarget("offdomain", base+"/catalog")
			tg.Follow, tg.NextPage = []string{"a.p"}, tc.nextPage
			tg.Listing = precwatch.ListingSpec{URLPattern: `^/product/\d+$`, Fields: map[string]string{"id": "div.product@data-id", "title": "h1"}}
			sink := &collector{}
			run, err := c.Run(context.Background(), tg, sink)
			if err != nil {
				t.Fatal(err)
			}
			if run.Complete || !slices.Equal(run.OffDomainNext, []string{next}) || run.ErrorsByKind[KindOffDomainNext] != 1 || run.Errors != 1 {
				t.Errorf("complete %v, OffDomainNext %q, errors %d %v; want incomplete, [%s], 1 off-domain-next",
					run.Complete, run.OffDomainNext, run.Errors, run.ErrorsByKind, next)
			}
			if run.Pages != 3 {
				t.Errorf("pages %d, want 3 (the refused page is not one)", run.Pages)
			}
			if got := sink.titles(); !slices.Equal(got, []string{"offer 1", "offer 2"}) {
				t.Errorf("titles %q, want the catalogue's two offers", got)
			}
			if n := res.names.Load(); n != 0 {
				t.Errorf("%d host names looked up; the off-domain page must not be asked for", n)
			}
			var warned bool
			mu.Lock()
			for line := range strings.SplitSeq(logs.String(), "\n") {
				var rec map[string]any
				if json.Unmarshal([]byte(line), &rec) != nil || rec["level"] != "WARN" {
					continue
				}
				warned = warned || rec["target"] == "offdomain" && rec["page"] == base+"/catalog" && rec["host"] == "mirror.shop.invalid"
			}
			mu.Unlock()
			if !warned {
				t.Errorf("no WARN naming target, page and host:\n%s", logs.String())
			}
		})
	}
}

// TestOffDomainNextResumed: a run stopped after the catalogue page that
// linked an off-domain next page keeps that page when it is resumed: the
// resumed run still names it and is still not complete.
func TestOffDomainNextResumed(t *testing.T) {
	const next = "http://mirror.shop.invalid/catalog?page=2"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stop atomic.Bool
	stop.Store(true)
	base := offDomainShop(t, `<a class="next" href="`+next+`">next</a>`, func(*http.Request) {
		if stop.Load() {
			cancel()
		}
	})
	dir := t.TempDir()
	tg := loopbackTarget("offdomain-resume", base+"/catalog")
	tg.Parallelism = 1
	tg.Follow, tg.NextPage = []string{"a.p"}, []string{"a.next"}
	tg.Listing = precwatch.ListingSpec{URLPattern: `^/product/\d+$`, Fields: map[string]string{"id": "div.product@data-id", "title": "h1"}}
	if _, err := mustCrawler(t, Options{DataDir: dir}).Run(ctx, tg, &collector{}); err == nil {
		t.Fatal("first session: want it stopped by the cancel")
	}
	stop.Store(false)
	run, err := mustCrawler(t, Options{DataDir: dir}).Run(context.Background(), tg, &collector{})
	if err != nil {
		t.Fatal(err)
	}
	if !run.Resumed || run.Complete || !slices.Equal(run.OffDomainNext, []string{next}) || run.ErrorsByKind[KindOffDomainNext] != 1 {
		t.Errorf("resumed %v, complete %v, OffDomainNext %q, errors %v; want a resumed, incomplete run naming %s",
			run.Resumed, run.Complete, run.OffDomainNext, run.ErrorsByKind, next)
	}
	if run.Pages != 3 {
		t.Errorf("pages %d, want 3", run.Pages)
	}
}
