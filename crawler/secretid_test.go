package crawler

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/internal/testutil"
)

// TestSecretLikeProductIDs crawls shops that name their products by a
// query parameter whose name reads like a secret's (/item?key=101,
// /goods?sid=9, /p?token=ab12) and give no id field. Each product is its
// own listing, named by a URL that masks the value (it might be a secret)
// with a digest keyed by the data directory's secret: distinct per
// product, the same in the next run, different in another installation,
// never the value itself. Before, every URL read ?key=<redacted>: all
// but the first product were skipped as already delivered (and a sid, read
// as a session id, was dropped from the links, so /goods was fetched once).
func TestSecretLikeProductIDs(t *testing.T) {
	for _, tc := range []struct{ param, path string }{
		{"key", "/item"}, {"sid", "/goods"}, {"token", "/p"}, {"apiKey", "/view.php"},
	} {
		t.Run(tc.param, func(t *testing.T) {
			vals := []string{"101", "9", "ab12", "7", "Zq"}
			if tc.param == "sid" {
				// A sid of letters is a session's, dropped from
				// links (extract.Canonical); a number is an id.
				vals = []string{"101", "9", "12", "7", "3"}
			}
			srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				if r.URL.Path == "/" {
					for _, v := range vals {
						fmt.Fprintf(w, `<a class="prod" href="%s?%s=%s">%s</a>`, tc.path, tc.param, v, v)
					}
					return
				}
				v := r.URL.Query().Get(tc.param)
				if r.URL.Path != tc.path || v == "" {
					http.NotFound(w, r)
					return
				}
				fmt.Fprintf(w, `<html><body><h1>Product %s</h1><p class="d">Acetone lot %s, technical grade.</p></body></html>`, v, v)
			}))
			tg := loopbackTarget("secretids", srv.URL+"/")
			tg.Follow = []string{"a.prod"}
			tg.Listing = precwatch.ListingSpec{URLPattern: tc.path + `\?`, Fields: map[string]string{"title": "h1", "description": "p.d"}}
			dir := t.TempDir()
			crawl := func(dir string) map[string]string {
				c := mustCrawler(t, Options{DataDir: dir})
				defer c.Close()
				sink := &collector{}
				run, err := c.Run(context.Background(), tg, sink)
				if err != nil {
					t.Fatalf("Run: %v", err)
				}
				if !run.Complete {
					t.Errorf("run incomplete: %+v", run)
				}
				urls := map[string]string{}
				for _, l := range sink.listings {
					urls[l.Title] = l.URL
					if l.ID != l.URL {
						t.Errorf("%s: id %q, want its url %q", l.Title, l.ID, l.URL)
					}
				}
				return urls
			}
			first := crawl(dir)
			if len(first) != len(vals) {
				t.Fatalf("%d listings, want %d: %v", len(first), len(vals), first)
			}
			seen := map[string]string{}
			for _, v := range vals {
				u := first["Product "+v]
				if u == "" {
					t.Errorf("no listing for product %s", v)
					continue
				}
				if strings.Contains(u, tc.param+"="+v) || !strings.Contains(u, tc.param+"=<redacted:") {
					t.Errorf("product %s: url %q, want the %s value masked by a digest", v, u, tc.param)
				}
				if o, ok := seen[u]; ok {
					t.Errorf("products %s and %s share the url %q", o, v, u)
				}
				seen[u] = v
			}
			again := crawl(dir)
			other := crawl(t.TempDir())
			for title, u := range first {
				if again[title] != u {
					t.Errorf("%s: url %q in the next run, was %q", title, again[title], u)
				}
				if other[title] == u {
					t.Errorf("%s: url %q in another data directory too: the digest is not keyed", title, u)
				}
			}
		})
	}
}

// TestOwnSecretStaysPlainMask: the target's own key (in its start URL,
// echoed in the feed's links) is still shown as the plain <redacted>, so
// that listings stored before keep their ids, while a secret-named value
// the site itself chose gets a digest.
func TestOwnSecretStaysPlainMask(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("api_key") != urlSecret {
			http.Error(w, "bad key", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"items":[{"title":"Acetone","body":"a","link":"/v1/item?api_key=%[1]s&sig=f00d"},{"title":"Toluene","body":"b"}],"next":null}`, urlSecret)
	}))
	tg := loopbackTarget("ownkey", srv.URL+"/v1/items?api_key="+urlSecret)
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: "items", Fields: map[string]string{"url": "link", "title": "title", "description": "body"}}
	c := mustCrawler(t, Options{})
	sink := &collector{}
	if _, err := c.Run(context.Background(), tg, sink); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range sink.listings {
		got[l.Title] = l.URL
	}
	if u := got["Toluene"]; u != srv.URL+"/v1/items?api_key="+precwatch.SecretMask {
		t.Errorf("Toluene url %q, want the page's with the key as %s", u, precwatch.SecretMask)
	}
	u := got["Acetone"]
	if !strings.HasPrefix(u, srv.URL+"/v1/item?api_key="+precwatch.SecretMask+"&sig=<redacted:") || strings.Contains(u, "f00d") {
		t.Errorf("Acetone url %q, want the key as %s and sig as a digest", u, precwatch.SecretMask)
	}
}

// syncBuffer is a bytes.Buffer safe for a logger's concurrent writes.
type syncBuffer = testutil.SyncBuffer

// TestMaskedURLCollisionWarned: two different real listing URLs that read
// the same once masked (a target with two start URLs differing only in
// their keys, whose items are named by their page) are logged as a
// warning naming the masked URL, never the keys.
func TestMaskedURLCollisionWarned(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"items":[{"id":"%s","title":"Offer %s","body":"x"}]}`, r.URL.Query().Get("token")[:4], r.URL.Query().Get("token")[:4])
	}))
	tg := loopbackTarget("twokeys", srv.URL+"/feed?token=AAAA-first-key-0001")
	tg.StartURLs = append(tg.StartURLs, srv.URL+"/feed?token=BBBB-second-key-002")
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: "items", Fields: map[string]string{"id": "id", "title": "title", "description": "body"}}
	var buf syncBuffer
	c := mustCrawler(t, Options{Logger: slog.New(slog.NewTextHandler(&buf, nil))})
	sink := &collector{}
	if _, err := c.Run(context.Background(), tg, sink); err != nil {
		t.Fatal(err)
	}
	if len(sink.listings) != 2 {
		t.Fatalf("%d listings, want 2", len(sink.listings))
	}
	out := buf.String()
	if !strings.Contains(out, "masked listing URL") || !strings.Contains(out, "/feed?token="+precwatch.SecretMask) {
		t.Errorf("no warning naming the masked URL:\n%s", out)
	}
	if strings.Contains(out, "first-key") || strings.Contains(out, "second-key") {
		t.Errorf("the warning shows a key:\n%s", out)
	}
}

// TestHeaderSecretStaysPlainMask: a key the target sends in a header named
// like a secret's, echoed by the site in its links, is the target's own
// (<redacted>); the value of a header that is no secret (Accept, DNT) is
// not, and a product id equal to it keeps its digest.
func TestHeaderSecretStaysPlainMask(t *testing.T) {
	const hdrKey = "hk-7f3a9c2e51"
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Api-Key") != hdrKey {
			http.Error(w, "bad key", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"items":[{"title":"Acetone","body":"a","link":"/v1/item?key=%s&n=1"},{"title":"Toluene","body":"b","link":"/v1/item?key=1"},{"title":"Ethanol","body":"c","link":"/v1/item?key=2"}]}`, hdrKey)
	}))
	tg := loopbackTarget("hdrkey", srv.URL+"/v1/items")
	tg.Headers = map[string]string{"X-Api-Key": hdrKey, "DNT": "1"}
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: "items", Fields: map[string]string{"url": "link", "title": "title", "description": "body"}}
	c := mustCrawler(t, Options{})
	sink := &collector{}
	if _, err := c.Run(context.Background(), tg, sink); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range sink.listings {
		got[l.Title] = l.URL
	}
	if u := got["Acetone"]; u != srv.URL+"/v1/item?key="+precwatch.SecretMask+"&n=1" {
		t.Errorf("Acetone url %q, want the header's key as %s", u, precwatch.SecretMask)
	}
	if u := got["Toluene"]; !strings.Contains(u, "key=<redacted:") || u == got["Ethanol"] {
		t.Errorf("Toluene url %q, Ethanol %q: want distinct digests", u, got["Ethanol"])
	}
}
