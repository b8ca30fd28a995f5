package crawler

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/precwatch/precwatch"
)

// urlSecret is the API key the feeds of these tests want in their query.
const urlSecret = "K3y-urlsecret-0042"

// TestListingURLSecretsRedacted: a JSON feed whose start URL holds an API
// key (?api_key=…) and whose items have no url of their own (so the page's
// URL becomes the listing's, and without an id its identity too), or a
// detail URL carrying the key: every listing handed to the Sink, and the
// evidence of its page, shows the key as <redacted>; the feed was fetched
// with the real key all along.
func TestListingURLSecretsRedacted(t *testing.T) {
	var keyed, unkeyed atomic.Int64
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("api_key") != urlSecret {
			unkeyed.Add(1)
			http.Error(w, "bad key", http.StatusUnauthorized)
			return
		}
		keyed.Add(1)
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Query().Get("page") {
		case "1": // one item, neither id nor url: the page names it
			fmt.Fprintf(w, `{"items":[{"title":"Acetone 25 L","body":"Technical grade"}],"next":"/v1/items?page=2&api_key=%s"}`, urlSecret)
		case "2": // an id, no url
			fmt.Fprintf(w, `{"items":[{"id":"m-2","title":"Toluene 1 L","body":"Lab grade"}],"next":"/v1/items?api_key=%s&page=3"}`, urlSecret)
		case "3": // a detail URL carrying the key; userinfo too
			fmt.Fprintf(w, `{"items":[{"id":"m-3","link":"/v1/item/3?page=3&api_key=%[1]s","title":"Ethanol","body":"x"},
				{"link":"http://bob:%[1]s@127.0.0.1/v1/item/4","title":"Methanol","body":"y"}],"next":null}`, urlSecret)
		default:
			http.NotFound(w, r)
		}
	}))
	tg := loopbackTarget("keyfeed", srv.URL+"/v1/items?page=1&api_key="+urlSecret)
	tg.Kind = precwatch.KindJSON
	tg.JSON = precwatch.JSONSpec{Items: "items", NextPage: "next", Fields: map[string]string{
		"id": "id", "url": "link", "title": "title", "description": "body"}}
	c := mustCrawler(t, Options{})
	sink := &collector{}
	run, err := c.Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if keyed.Load() != 3 || unkeyed.Load() != 0 || run.Listings != 4 || !run.Complete {
		t.Fatalf("feed saw %d requests with the key and %d without, run %+v; want 3, 0, 4 listings, complete",
			keyed.Load(), unkeyed.Load(), run)
	}
	urls := map[string]string{}
	for _, l := range sink.listings {
		b, _ := json.Marshal(l)
		if strings.Contains(string(b), urlSecret) {
			t.Errorf("listing %q handed to the sink shows the key: %s", l.Title, b)
		}
		if l.ContentHash != ContentHash(l) {
			t.Errorf("listing %q: content hash %s is not that of the listing as delivered", l.Title, l.ContentHash)
		}
		urls[l.Title] = l.URL
		snap, err := c.Evidence().Get(l.EvidenceHash)
		if err != nil {
			t.Fatalf("evidence of %q: %v", l.Title, err)
		}
		if strings.Contains(snap.URL, urlSecret) {
			t.Errorf("evidence of %q names its page with the key: %s", l.Title, snap.URL)
		}
	}
	// Canonical URLs: their query parameters sorted.
	want := map[string]string{
		"Acetone 25 L": srv.URL + "/v1/items?api_key=" + precwatch.SecretMask + "&page=1",
		"Toluene 1 L":  srv.URL + "/v1/items?api_key=" + precwatch.SecretMask + "&page=2",
		"Ethanol":      srv.URL + "/v1/item/3?api_key=" + precwatch.SecretMask + "&page=3",
		"Methanol":     "http://" + precwatch.SecretMask + "@127.0.0.1/v1/item/4",
	}
	for title, u := range want {
		if urls[title] != u {
			t.Errorf("listing %q url = %q, want %q", title, urls[title], u)
		}
	}

	// The target test's listings are masked the same way.
	rep, err := c.Test(context.Background(), tg, 5)
	if err != nil {
		t.Fatalf("Test: %v", err)
	}
	if len(rep.Listings) != 4 {
		t.Fatalf("test report: %d listings, want 4", len(rep.Listings))
	}
	for _, l := range rep.Listings {
		if strings.Contains(l.URL+l.ID, urlSecret) {
			t.Errorf("test report listing %q shows the key: url %s id %s", l.Title, l.URL, l.ID)
		}
	}
}

// TestRunURLSecretsRedacted: the URLs a run reports — listing pages gone
// (404), hidden by robots.txt, start pages that failed — show a key in
// their query as <redacted>, as the listings do, so that the store finds
// the listings at them by the URL it holds.
func TestRunURLSecretsRedacted(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/robots.txt" && r.URL.Query().Get("token") != urlSecret {
			http.Error(w, "bad key", http.StatusUnauthorized)
			return
		}
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case "/":
			fmt.Fprintf(w, `<a class="p" href="/offer/1?token=%[1]s">1</a><a class="p" href="/offer/2?token=%[1]s">2</a><a class="p" href="/private/3?token=%[1]s">3</a>`, urlSecret)
		case "/offer/1":
			fmt.Fprint(w, listingPage("Acetone"))
		case "/broken":
			http.Error(w, "oops", http.StatusInternalServerError)
		default:
			http.NotFound(w, r)
		}
	}))
	tg := singlePageTarget(srv.URL, "/?token="+urlSecret)
	tg.Name, tg.MaxRetries, tg.RespectRobotsTxt = "keyshop", 0, true
	delete(tg.Listing.Fields, "id") // listings identified by their URLs
	tg.Follow = []string{"a.p"}
	tg.Listing.URLPattern = "/(offer|private)/"
	tg.StartURLs = append(tg.StartURLs, srv.URL+"/broken?token="+urlSecret)
	c := mustCrawler(t, Options{})
	sink := &collector{}
	run, err := c.Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(sink.listings) != 1 || len(run.Gone) != 1 || len(run.Robots) != 1 || len(run.StartFailed) != 1 {
		t.Fatalf("run: %d listings, gone %v, robots %v, start failed %v; want one of each", len(sink.listings), run.Gone, run.Robots, run.StartFailed)
	}
	b, _ := json.Marshal(run)
	if strings.Contains(string(b), urlSecret) {
		t.Errorf("the run shows the key: %s", b)
	}
	mask := "?token=" + precwatch.SecretMask
	if l := sink.listings[0]; l.URL != srv.URL+"/offer/1"+mask || l.ID != l.URL {
		t.Errorf("listing url %q id %q, want both %q", l.URL, l.ID, srv.URL+"/offer/1"+mask)
	}
	if run.Gone[0] != srv.URL+"/offer/2"+mask || run.Robots[0] != srv.URL+"/private/3"+mask ||
		run.StartFailed[0].URL != srv.URL+"/broken"+mask {
		t.Errorf("gone %v, robots %v, start failed %v: want the pages' URLs with the token masked", run.Gone, run.Robots, run.StartFailed)
	}
}
