package tickets_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// TestMigrationRedactsListingURLSecrets: a database written before listing
// URLs were masked holds a feed's API key in listing ids and URLs (a
// listing without an id is identified by its page's URL), tickets, their
// flagged results and the outbox. Opened by this precwatch, every one of
// them shows the key as <redacted>: the ticket keeps its id, the listing
// its versions, observables and claims under its new id; two listings
// whose ids differ only in the key (it changed) both stay, under
// distinct masked ids; the outbox sends no key. The listing delivered
// again as the crawler now delivers it (masked) updates the same ticket,
// and once the index documents are replaced no byte of the key is left
// in the file.
func TestMigrationRedactsListingURLSecrets(t *testing.T) {
	const key, oldKey = "Sekr1t-key-9931", "Old-key-0007"
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	feed := func(k string, page int) string {
		return "https://api.market.example/v1/items?api_key=" + k + "&page=" + string(rune('0'+page))
	}
	masked := func(page int) string { return feed(precwatch.SecretMask, page) }

	// The old database: what the pipeline stored before.
	s := MustOpenAt(t, path)
	noID := suspicious("Market", feed(key, 1)) // no id: the page's URL is its id
	noID.Listing.URL = feed(key, 1)
	withID := suspicious("Market", "m-2") // an id, the page's URL
	withID.Listing.URL = feed(key, 2)
	rotated := suspicious("Market", feed(oldKey, 1)) // the same page under the old key
	rotated.Listing.URL = feed(oldKey, 1)
	userinfo := suspicious("Market", "https://bob:"+key+"@api.market.example/v1/item/4")
	userinfo.Listing.URL = userinfo.Listing.ID
	for i, r := range []*precwatch.Result{&noID, &withID, &rotated, &userinfo} {
		r.Listing.ContentHash = fmt.Sprintf("hash-%d", i)
		r.Listing.EvidenceHash = fmt.Sprintf("ev-%d", i)
	}
	mustRecord(t, s, rotated, t0)
	mustRecord(t, s, noID, t0.Add(time.Hour))
	mustRecord(t, s, withID, t0.Add(time.Hour))
	mustRecord(t, s, userinfo, t0.Add(time.Hour))
	before, err := s.Tickets(ctx, tickets.Filter{})
	if err != nil || len(before) != 4 {
		t.Fatalf("tickets before = %d, %v; want 4", len(before), err)
	}
	s.Close()
	db := rawDB(t, path)
	if _, err := db.Exec("DELETE FROM schema_migrations WHERE version >= 6"); err != nil {
		t.Fatal(err)
	}
	if !fileHolds(t, path, key) {
		t.Fatal("the old database does not hold the key (the test would prove nothing)")
	}

	s2 := MustOpenAt(t, path)
	after, err := s2.Tickets(ctx, tickets.Filter{})
	if err != nil || len(after) != 4 {
		t.Fatalf("tickets after = %d, %v; want the same 4", len(after), err)
	}
	urls := map[int64]string{}
	for _, tk := range after {
		b, _ := json.Marshal(tk)
		if bytes.Contains(b, []byte(key)) || bytes.Contains(b, []byte(oldKey)) {
			t.Errorf("ticket %d shows a key: %s", tk.ID, b)
		}
		urls[tk.ID] = tk.ListingID
	}
	ids := map[string]bool{}
	for _, tk := range before {
		ids[urls[tk.ID]] = true
	}
	want := []string{masked(1), "m-2", strings.Replace(masked(1), precwatch.SecretMask, "<redacted-2>", 1),
		"https://" + precwatch.SecretMask + "@api.market.example/v1/item/4"}
	for _, id := range want {
		if !ids[id] {
			t.Errorf("no ticket of listing %q after the migration; ticket listings: %v", id, urls)
		}
	}
	// The listing seen last took the masked id; the old key's one is kept.
	st, err := s2.ListingState(ctx, "Market", masked(1))
	if err != nil || st.Result.Listing.URL != masked(1) || st.Result.Match.ID != masked(1) || st.Versions != 1 {
		t.Errorf("listing %s = %+v, %v; want its url and match id masked, its version kept", masked(1), st, err)
	}
	if obs, err := s2.Observables(ctx, "Market", masked(1)); err != nil || len(obs) != 1 {
		t.Errorf("observables of %s = %v, %v; want the one recorded", masked(1), obs, err)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM listing_targets WHERE platform = 'Market'"); n != 4 {
		t.Errorf("claims after the migration = %d, want 4", n)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM pragma_foreign_key_check"); n != 0 {
		t.Errorf("%d foreign key violations after the migration", n)
	}
	evs, err := s2.PendingEvents(ctx, t0.Add(24*time.Hour), 100)
	if err != nil || len(evs) != 4 {
		t.Fatalf("pending events = %d, %v; want 4", len(evs), err)
	}
	for _, e := range evs {
		b, _ := json.Marshal(e)
		if bytes.Contains(b, []byte(key)) || bytes.Contains(b, []byte(oldKey)) {
			t.Errorf("outbox event %d shows a key: %s", e.ID, b)
		}
	}
	if fr, err := s2.FlaggedResult(ctx, after[0].ID); err != nil || fr == nil {
		t.Errorf("flagged result of ticket %d: %v, %v", after[0].ID, fr, err)
	}

	// Read again as the crawler delivers it now: the same listing, the
	// same ticket.
	again := noID
	again.Listing.ID, again.Listing.URL, again.Match.ID = masked(1), masked(1), masked(1)
	again.Listing.ContentHash = "hash-masked"
	out := mustRecord(t, s2, again, t0.Add(48*time.Hour))
	if out.Created || out.Ticket == nil || out.Ticket.ListingID != masked(1) {
		t.Errorf("record of the masked listing = %+v; want its existing ticket updated", out)
	}
	noIDTicket := int64(0)
	for _, tk := range before {
		if tk.ListingID == feed(key, 1) {
			noIDTicket = tk.ID
		}
	}
	if out.Ticket != nil && out.Ticket.ID != noIDTicket {
		t.Errorf("masked listing updated ticket %d, want %d (its ticket before the migration)", out.Ticket.ID, noIDTicket)
	}
	if n, _ := s2.CountTickets(ctx, tickets.Filter{}); n != 4 {
		t.Errorf("tickets after the listing was read again = %d, want 4", n)
	}

	// The index's documents under the old ids are to be replaced; once
	// they are, the file holds no key.
	rs, err := s2.IndexRenames(ctx)
	if err != nil || len(rs) != 4 {
		t.Fatalf("index renames = %v, %v; want the 3 renamed listings and m-2 (its URL changed)", rs, err)
	}
	if err := s2.IndexRenamed(ctx, rs); err != nil {
		t.Fatal(err)
	}
	if rs, err := s2.IndexRenames(ctx); err != nil || len(rs) != 0 {
		t.Errorf("index renames after IndexRenamed = %v, %v; want none", rs, err)
	}
	for _, k := range []string{key, oldKey} {
		if fileHolds(t, path, k) {
			t.Errorf("the database files still hold %q", k)
		}
	}
	// Opening it again changes nothing.
	s2.Close()
	s3 := MustOpenAt(t, path)
	if n, _ := s3.CountTickets(ctx, tickets.Filter{}); n != 4 {
		t.Errorf("tickets after reopening = %d, want 4", n)
	}
}

// fileHolds reports whether the database at path, its WAL or its shared
// memory file hold s.
func fileHolds(tb testing.TB, path, s string) bool {
	tb.Helper()
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			tb.Fatal(err)
		}
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}
