package tickets_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// TestReview6ClaimsMigrated: a database written before migration 5 gets
// each listing's target as its one claim (so its next complete run still
// removes what it no longer sees) and the observables its flagged version
// had, which an edit had erased.
func TestReview6ClaimsMigrated(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	s := MustOpenAt(t, path)
	mustRecord(t, s, suspicious("ChemHub", "a"), t0)
	mustRecord(t, s, suspicious("ChemHub", "b"), t0)
	s.Close()
	db := rawDB(t, path)
	for _, q := range []string{"DELETE FROM listing_targets", "DELETE FROM observables", "DELETE FROM schema_migrations WHERE version >= 5"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s = MustOpenAt(t, path)
	if n := count(t, db, "SELECT COUNT(*) FROM listing_targets WHERE target = 'chemhub'"); n != 2 {
		t.Errorf("claims after the upgrade = %d, want 2 (each listing's target)", n)
	}
	if obs, err := s.Observables(ctx, "ChemHub", "a"); err != nil || len(obs) != 1 || obs[0].Value != "chemking" {
		t.Errorf("observables after the upgrade = %+v, %v; want the flagged version's wickr contact back", obs, err)
	}
	run := t0.Add(time.Hour)
	if err := s.SeenBy(ctx, "ChemHub", "a", "chemhub", run.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if n, err := s.MarkMissing(ctx, "ChemHub", "chemhub", run, run.Add(time.Hour)); err != nil || n != 1 {
		t.Errorf("MarkMissing after the upgrade = %d, %v; want 1 (b)", n, err)
	}
}

// TestReview6MarkMissingClaims: a listing two targets see stays active
// when one of them no longer does, and is removed when neither does.
func TestReview6MarkMissingClaims(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	r := suspicious("ChemHub", "x")
	mustRecord(t, s, r, t0)
	r2 := r
	r2.Listing.Target, r2.Listing.ContentHash, r2.Listing.Price = "chemhub2", "hash-x-v2", "$1,100 / kg"
	mustRecord(t, s, r2, t0.Add(time.Minute)) // chemhub2 sees an edit first
	run := t0.Add(time.Hour)
	if err := s.SeenBy(ctx, "ChemHub", "x", "chemhub", run.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if n, err := s.MarkMissing(ctx, "ChemHub", "chemhub2", run, run.Add(time.Hour)); err != nil || n != 0 {
		t.Errorf("MarkMissing(chemhub2) = %d, %v; want 0 (chemhub still sees x)", n, err)
	}
	run2 := t0.Add(3 * time.Hour)
	if n, err := s.MarkMissing(ctx, "ChemHub", "chemhub", run2, run2.Add(time.Hour)); err != nil || n != 1 {
		t.Errorf("MarkMissing(chemhub) = %d, %v; want 1 (no target sees x)", n, err)
	}
	st, _ := s.ListingState(ctx, "ChemHub", "x")
	if st.Status != precwatch.ListingRemoved {
		t.Errorf("x = %s, want removed", st.Status)
	}
}

// TestReview6ResolveGuards: an offer read without an id is merged with a
// stored listing of the same URL only when that URL singles out one offer
// of the same seller.
func TestReview6ResolveGuards(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	page := "https://chemhub.test/catalog"
	for _, id := range []string{"1", "2"} {
		r := suspicious("ChemHub", id)
		r.Listing.URL = page // a feed whose items all link to the catalogue
		mustRecord(t, s, r, t0)
	}
	one := suspicious("ChemHub", "3")
	mustRecord(t, s, one, t0)
	cases := []struct {
		id, url, seller, want string
	}{
		{page, page, "chemking", page},                                  // two offers at that URL: not merged
		{one.Listing.URL, one.Listing.URL, "chemking", "3"},             // the one offer there
		{one.Listing.URL + "/", one.Listing.URL + "/", "chemking", "3"}, // trailing slash
		{one.Listing.URL, one.Listing.URL, "someone-else", one.Listing.URL},
		{"3", one.Listing.URL, "chemking", "3"}, // stored
		{"99", "https://chemhub.test/p/99", "x", "99"},
	}
	for _, c := range cases {
		got, err := s.Resolve(ctx, "ChemHub", c.id, c.url, c.seller)
		if err != nil || got != c.want {
			t.Errorf("Resolve(%s, %s, %s) = %q, %v; want %q", c.id, c.url, c.seller, got, err, c.want)
		}
	}
	// The reverse: stored by URL, read with an id.
	byURL := suspicious("ChemHub", "https://chemhub.test/p/u")
	byURL.Listing.URL = byURL.Listing.ID
	mustRecord(t, s, byURL, t0)
	if got, _ := s.Resolve(ctx, "ChemHub", "u-1", byURL.Listing.URL, "chemking"); got != byURL.Listing.ID {
		t.Errorf("Resolve(id of a listing stored by URL) = %q, want %q", got, byURL.Listing.ID)
	}
	withID := byURL
	withID.Listing.ID, withID.Match.ID = "u-1", "u-1"
	out := mustRecord(t, s, withID, t0.Add(time.Hour))
	if out.Created || out.Ticket == nil || out.Ticket.ListingID != byURL.Listing.ID {
		t.Errorf("Record(same offer with an id) = %+v, want the ticket of %s, not a new one", out, byURL.Listing.ID)
	}
	if n, _ := s.CountTickets(ctx, tickets.Filter{}); n != 4 {
		t.Errorf("tickets = %d, want 4", n)
	}
}
