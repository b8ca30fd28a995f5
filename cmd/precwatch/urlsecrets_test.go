package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/tickets"
)

// feedKey is the API key of the feed in these tests.
const feedKey = "Fk-9d41c7e2-urlsecret"

// keyFeed serves a JSON feed that wants ?api_key=feedKey: a page whose one
// item has neither id nor url (the page's URL becomes the listing's), one
// whose item has an id but no url, and one whose item's url is a detail
// URL carrying the key (and no id: the URL is its identity). Every item
// offers BMK glycidate with risk indicators, so each becomes a ticket.
// It counts the requests that brought the key.
func keyFeed(t *testing.T) (*httptest.Server, *int) {
	var mu sync.Mutex
	keyed := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("api_key") != feedKey {
			http.Error(w, `{"error":"bad key"}`, http.StatusUnauthorized)
			return
		}
		mu.Lock()
		keyed++
		mu.Unlock()
		offer := `"title":"BMK glycidate %[1]d kg (CAS 5449-12-7)","body":"99%% purity, stealth packaging, 100%% customs pass. Wickr: bmk%[1]d","seller":"chem%[1]d"`
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Query().Get("page") {
		case "1":
			fmt.Fprintf(w, `{"items":[{`+offer+`}],"next":"/v1/items?page=2&api_key=%s"}`, 1, feedKey)
		case "2":
			fmt.Fprintf(w, `{"items":[{"id":"m-2",`+offer+`}],"next":"/v1/items?page=3&api_key=%s"}`, 2, feedKey)
		case "3":
			fmt.Fprintf(w, `{"items":[{"link":"/v1/item/3?api_key=%[2]s",`+offer+`}],"next":null}`, 3, feedKey)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &keyed
}

// hookRecorder is a webhook receiver on loopback that keeps every body.
func hookRecorder(t *testing.T) (*httptest.Server, func() []string) {
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), bodies...)
	}
}

// keyFeedConfig writes the configuration crawling feed into dir/data,
// with Market's webhook at hook.
func keyFeedConfig(t *testing.T, dir, feed, hook string) string {
	path := filepath.Join(dir, "precwatch.yml")
	writeFile(t, path, fmt.Sprintf(`data_dir: %s
targets:
  - name: market-feed
    platform: Market
    kind: json
    start_urls: ["%s/v1/items?page=1&api_key=%s"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 1ms
    json:
      items: items
      next_page: next
      fields: {id: id, url: link, title: title, description: body, seller: seller}
platforms:
  - name: Market
    webhook_url: %s/hook
    webhook_secret: hook-signing-key
`, filepath.Join(dir, "data"), feed, feedKey, hook))
	return path
}

// secretPlaces returns, by name, every place outside the crawler's own
// state that the key must not reach: the database files, the search
// results, the ticket export, the webhook bodies, the --listings file and
// the command's output and log.
func secretPlaces(t *testing.T, dataDir string, hooks []string, listings, crawlOut string) map[string]string {
	t.Helper()
	places := map[string]string{"crawl output and log": crawlOut, "--listings file": listings}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(filepath.Join(dataDir, "precwatch.db") + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		places["precwatch.db"+suffix] = string(b)
	}
	code, out, errOut := runMain(t, "search", "--data", dataDir, "--format", "json", "--limit", "50", "glycidate")
	if code != 0 {
		t.Fatalf("search: exit %d: %s", code, errOut)
	}
	places["search results"] = out
	code, out, errOut = runMain(t, "tickets", "export", "--data", dataDir, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("tickets export: exit %d: %s", code, errOut)
	}
	places["ticket export"] = out
	code, out, errOut = runMain(t, "tickets", "export", "--data", dataDir, "--format", "csv")
	if code != 0 {
		t.Fatalf("tickets export csv: exit %d: %s", code, errOut)
	}
	places["ticket export (csv)"] = out
	places["webhook bodies"] = strings.Join(hooks, "\n")
	return places
}

// searchHits returns the (platform, id) of every search hit for query.
func searchHits(t *testing.T, dataDir, query string) []string {
	t.Helper()
	code, out, errOut := runMain(t, "search", "--data", dataDir, "--format", "json", "--limit", "50", query)
	if code != 0 {
		t.Fatalf("search: exit %d: %s", code, errOut)
	}
	var res struct {
		Hits []struct{ ID, Platform, URL string } `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search output: %v\n%s", err, out)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.Platform+"|"+h.ID)
	}
	return ids
}

// exportedIDs returns ticket id → listing id of `tickets export`.
func exportedIDs(t *testing.T, dataDir string) map[int64]string {
	t.Helper()
	code, out, errOut := runMain(t, "tickets", "export", "--data", dataDir, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("tickets export: exit %d: %s", code, errOut)
	}
	ids := map[int64]string{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var e struct {
			ID         int64  `json:"id"`
			ListingURL string `json:"listing_url"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("export line %q: %v", sc.Text(), err)
		}
		ids[e.ID] = e.ListingURL
	}
	return ids
}

// TestCrawlFeedKeyStaysOutOfListings crawls a JSON feed whose start URL
// holds an API key, through the whole pipeline (crawl with --listings,
// a real database, index and webhook receiver on loopback): the listings
// named by the feed's page URLs (or by detail URLs carrying the key) are
// stored, indexed, exported, written and sent with the key as <redacted>,
// and the key is in none of those places, nor in the output or the log.
// Before, it was in all of them.
func TestCrawlFeedKeyStaysOutOfListings(t *testing.T) {
	withFastWebhooks(t)
	feed, keyed := keyFeed(t)
	hook, hooks := hookRecorder(t)
	dir := t.TempDir()
	cfg := keyFeedConfig(t, dir, feed.URL, hook.URL)
	listings := filepath.Join(dir, "listings.jsonl")
	code, out, errOut := runMain(t, "crawl", "--config", cfg, "--listings", listings, "--log-level", "debug")
	if code != 0 {
		t.Fatalf("crawl: exit %d\n%s\n%s", code, out, errOut)
	}
	if *keyed != 3 {
		t.Fatalf("the feed saw %d requests with its key, want 3 (the test would prove nothing)\n%s\n%s", *keyed, out, errOut)
	}
	lb, err := os.ReadFile(listings)
	if err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(dir, "data")
	ids := exportedIDs(t, dataDir)
	if len(ids) != 3 {
		t.Fatalf("tickets: %v; want 3", ids)
	}
	for _, u := range ids {
		if !strings.Contains(u, "api_key="+precwatch.SecretMask) {
			t.Errorf("ticket listing URL %q: want the feed's URL with its key masked", u)
		}
	}
	if got := len(searchHits(t, dataDir, "glycidate")); got != 3 {
		t.Errorf("search hits = %d, want 3", got)
	}
	if len(hooks()) == 0 {
		t.Errorf("no webhook delivered (the test would prove nothing)")
	}
	for place, text := range secretPlaces(t, dataDir, hooks(), string(lb), out+errOut) {
		if text == "" && place != "precwatch.db-wal" && place != "precwatch.db-shm" {
			t.Errorf("%s is empty (the test would prove nothing)", place)
		}
		if i := strings.Index(text, feedKey); i >= 0 {
			t.Errorf("%s holds the feed's key: …%s…", place, text[max(i-120, 0):min(i+40, len(text))])
		}
	}
}

// TestRecrawlOldDatabaseKeepsTickets: a data directory written before
// listing URLs were masked — its listings, tickets, outbox and index hold
// the feed's key in listing ids and URLs, as the pipeline stored them —
// crawled again by this precwatch keeps one ticket per listing: the same
// tickets are updated (none is created), the search finds each listing
// once, and the key is gone from the database, the index, the export and
// the webhooks.
func TestRecrawlOldDatabaseKeepsTickets(t *testing.T) {
	withFastWebhooks(t)
	feed, _ := keyFeed(t)
	hook, hooks := hookRecorder(t)

	// The listings as this precwatch delivers them, read with the key put
	// back: what the pipeline delivered and stored before.
	scratch := t.TempDir()
	listings := filepath.Join(scratch, "listings.jsonl")
	if code, out, errOut := runMain(t, "crawl", "--config", keyFeedConfig(t, scratch, feed.URL, "http://127.0.0.1:9"), "--listings", listings); code != 0 {
		t.Fatalf("crawl: exit %d\n%s\n%s", code, out, errOut)
	}
	lb, err := os.ReadFile(listings)
	if err != nil {
		t.Fatal(err)
	}
	var old []precwatch.Result
	for line := range strings.Lines(strings.ReplaceAll(string(lb), precwatch.SecretMask, feedKey)) {
		var r precwatch.Result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		r.Listing.ContentHash = crawler.ContentHash(r.Listing)
		old = append(old, r)
	}
	if len(old) != 3 || !strings.Contains(old[0].Listing.URL+old[1].Listing.URL+old[2].Listing.URL, feedKey) {
		t.Fatalf("old listings: %+v; want 3 with the key in their URLs", old)
	}

	// The old data directory.
	dir := t.TempDir()
	dataDir := filepath.Join(dir, "data")
	ctx := context.Background()
	st, err := tickets.Open(filepath.Join(dataDir, "precwatch.db"), tickets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := index.Open(filepath.Join(dataDir, "index.bleve"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	seen := time.Now().Add(-24 * time.Hour)
	for _, r := range old {
		if out, err := st.Record(ctx, r, seen); err != nil || !out.Created {
			t.Fatalf("record old listing: %+v, %v", out, err)
		}
	}
	if err := x.Put(ctx, old, seen); err != nil {
		t.Fatal(err)
	}
	x.Close()
	st.Close()
	db := rawSQL(t, filepath.Join(dataDir, "precwatch.db"))
	if _, err := db.Exec("DELETE FROM schema_migrations WHERE version >= 6"); err != nil {
		t.Fatal(err)
	}
	before := map[int64]string{}
	rows, err := db.Query("SELECT id, listing_url FROM tickets")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var u string
		if err := rows.Scan(&id, &u); err != nil {
			t.Fatal(err)
		}
		before[id] = u
	}
	rows.Close()
	db.Close()
	if len(before) != 3 || !strings.Contains(fmt.Sprint(before), feedKey) {
		t.Fatalf("old tickets: %v; want 3 with the key", before)
	}
	if hits := searchHits(t, dataDir, "glycidate"); len(hits) != 3 || !strings.Contains(fmt.Sprint(hits), feedKey) {
		t.Fatalf("old index: %v; want the 3 listings, with the key", hits)
	}

	cfg := keyFeedConfig(t, dir, feed.URL, hook.URL)
	listings = filepath.Join(dir, "listings.jsonl")
	code, out, errOut := runMain(t, "crawl", "--config", cfg, "--listings", listings, "--log-level", "debug")
	if code != 0 {
		t.Fatalf("crawl: exit %d\n%s\n%s", code, out, errOut)
	}
	after := exportedIDs(t, dataDir)
	if len(after) != len(before) {
		t.Errorf("tickets after the crawl: %v; want the same %d as before: %v", after, len(before), before)
	}
	for id := range before {
		if _, ok := after[id]; !ok {
			t.Errorf("ticket %d is gone after the crawl: %v", id, after)
		}
	}
	if !strings.Contains(out, "market-feed") {
		t.Errorf("no summary: %s", out)
	}
	hits := searchHits(t, dataDir, "glycidate")
	if len(hits) != 3 {
		t.Errorf("search hits = %v; want each of the 3 listings once", hits)
	}
	lb, err = os.ReadFile(listings)
	if err != nil {
		t.Fatal(err)
	}
	for place, text := range secretPlaces(t, dataDir, hooks(), string(lb), out+errOut) {
		if i := strings.Index(text, feedKey); i >= 0 {
			t.Errorf("%s holds the feed's key: …%s…", place, text[max(i-120, 0):min(i+40, len(text))])
		}
	}
	// The old tickets' own creation events, never delivered before,
	// leave now (masked). The listings are read unchanged: no ticket is
	// created or updated (their content hashes were masked with them).
	for _, b := range hooks() {
		var ev precwatch.Event
		if err := json.Unmarshal([]byte(b), &ev); err != nil {
			t.Fatalf("webhook body %s: %v", b, err)
		}
		if _, ok := before[ev.Ticket.ID]; !ok {
			t.Errorf("webhook event for ticket %d, which did not exist before: %s", ev.Ticket.ID, b)
		}
		if ev.Type == precwatch.EventTicketUpdated {
			t.Errorf("ticket %d updated, as if its listing had changed: %s", ev.Ticket.ID, b)
		}
	}
	if len(hooks()) == 0 {
		t.Errorf("no webhook delivered (the test would prove nothing)")
	}
}

// rawSQL opens the database file at path directly.
func rawSQL(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestEvidenceURLMasked: the evidence viewer names a snapshot stored before
// the crawler masked page URLs without the target's key.
func TestEvidenceURLMasked(t *testing.T) {
	a, err := openApp(appOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	hash, err := a.crawler.Evidence().Put(crawler.Snapshot{URL: "https://api.market.example/v1/items?api_key=" + feedKey + "&page=1",
		FetchedAt: time.Now(), Status: 200, Body: []byte(`{"items":[]}`)})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := (&backend{a: a}).Snapshot(context.Background(), hash)
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://api.market.example/v1/items?api_key=" + precwatch.SecretMask + "&page=1"; snap.URL != want {
		t.Errorf("snapshot URL = %q, want %q", snap.URL, want)
	}
}
