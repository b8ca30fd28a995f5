package tickets_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// finishedRun records a finished complete run of target that found no
// listing and returns its id.
func finishedRun(tb testing.TB, s *tickets.Store, target, platform string, started time.Time) int64 {
	tb.Helper()
	ctx := context.Background()
	id, err := s.StartRun(ctx, target, platform, started)
	if err != nil {
		tb.Fatal(err)
	}
	fin := started.Add(time.Minute)
	if err := s.FinishRun(ctx, tickets.Run{ID: id, Started: started, Finished: &fin, Complete: true, Pages: 1}); err != nil {
		tb.Fatal(err)
	}
	return id
}

func runByID(tb testing.TB, s *tickets.Store, id int64) tickets.Run {
	tb.Helper()
	rs, err := s.Runs(context.Background(), nil, 500)
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range rs {
		if r.ID == id {
			return r
		}
	}
	tb.Fatalf("run %d not found", id)
	return tickets.Run{}
}

// TestHoldEmptyRun: the first complete run in a row that finds no listing
// keeps the target's stored listings and says so on its record; the
// second does not; a run that finds listings ends the streak, which
// belongs to one target.
func TestHoldEmptyRun(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	for _, id := range []string{"a", "b", "c"} {
		mustRecord(t, s, suspicious("ChemHub", id), t0)
	}
	mustRecord(t, s, benign("Bazaar", "x"), t0)

	// A target with nothing stored has nothing to keep and starts no streak.
	if kept, note, err := s.HoldEmptyRun(ctx, "ChemHub", "other", 0, t0); err != nil || kept != 0 || note != "" {
		t.Errorf("HoldEmptyRun(other) = %d, %q, %v; want 0, no note", kept, note, err)
	}
	if n, _ := s.EmptyRuns(ctx, "ChemHub", "other"); n != 0 {
		t.Errorf("EmptyRuns(other) = %d, want 0", n)
	}

	run1 := finishedRun(t, s, "chemhub", "ChemHub", t0.Add(time.Hour))
	kept, note, err := s.HoldEmptyRun(ctx, "ChemHub", "chemhub", run1, t0.Add(time.Hour))
	if err != nil || kept != 3 || !strings.Contains(note, "kept the 3 stored listing(s) of chemhub") {
		t.Fatalf("first empty run: HoldEmptyRun = %d, %q, %v; want 3 kept with a note", kept, note, err)
	}
	if r := runByID(t, s, run1); r.Kept != 3 || r.Note != note || !r.Complete {
		t.Errorf("first empty run record = kept %d note %q complete %v; want kept 3, the note, complete", r.Kept, r.Note, r.Complete)
	}
	if n, _ := s.EmptyRuns(ctx, "ChemHub", "chemhub"); n != 1 {
		t.Errorf("EmptyRuns after the first = %d, want 1", n)
	}

	// The second in a row keeps nothing: the catalogue really is empty.
	run2 := finishedRun(t, s, "chemhub", "ChemHub", t0.Add(2*time.Hour))
	kept, note, err = s.HoldEmptyRun(ctx, "ChemHub", "chemhub", run2, t0.Add(2*time.Hour))
	if err != nil || kept != 0 || !strings.Contains(note, "2 complete runs in a row") || !strings.Contains(note, "no longer kept") {
		t.Fatalf("second empty run: HoldEmptyRun = %d, %q, %v; want 0 with a note", kept, note, err)
	}
	if r := runByID(t, s, run2); r.Kept != 0 || r.Note != note {
		t.Errorf("second empty run record = kept %d note %q; want 0, %q", r.Kept, r.Note, note)
	}
	if r := runByID(t, s, run1); r.Kept != 3 {
		t.Errorf("first run's record changed: kept %d, want 3", r.Kept)
	}

	// A run that finds listings ends the streak: the next empty run
	// keeps them again.
	if err := s.ClearEmptyRuns(ctx, "ChemHub", "chemhub"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.EmptyRuns(ctx, "ChemHub", "chemhub"); n != 0 {
		t.Errorf("EmptyRuns after ClearEmptyRuns = %d, want 0", n)
	}
	if err := s.ClearEmptyRuns(ctx, "ChemHub", "chemhub"); err != nil {
		t.Errorf("ClearEmptyRuns without a streak: %v", err)
	}
	if kept, _, err := s.HoldEmptyRun(ctx, "ChemHub", "chemhub", 0, t0.Add(3*time.Hour)); err != nil || kept != 3 {
		t.Errorf("empty run after the streak ended: HoldEmptyRun = %d, %v; want 3", kept, err)
	}

	// Removed listings are not kept: they are gone already.
	if n, err := s.MarkMissing(ctx, "Bazaar", "bazaar", t0.Add(time.Hour), t0.Add(time.Hour)); err != nil || n != 1 {
		t.Fatalf("MarkMissing(bazaar) = %d, %v", n, err)
	}
	if kept, note, err := s.HoldEmptyRun(ctx, "Bazaar", "bazaar", 0, t0.Add(2*time.Hour)); err != nil || kept != 0 || note != "" {
		t.Errorf("HoldEmptyRun(bazaar, all removed) = %d, %q, %v; want 0, no note", kept, note, err)
	}
	if st, _ := s.ListingState(ctx, "ChemHub", "a"); st == nil || st.Status != precwatch.ListingActive {
		t.Errorf("listing a after held runs = %+v, want active", st)
	}
}

// TestMigrationEmptyRuns opens a database file written before migration
// 0007 (schema version 6: no empty_runs, crawl_runs without kept and note)
// and checks that the upgrade keeps its listings, tickets and runs, and
// that running the migration again is harmless.
func TestMigrationEmptyRuns(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/precwatch.db"
	s, err := tickets.Open(path, tickets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustRecord(t, s, suspicious("ChemHub", "a"), t0)
	mustRecord(t, s, benign("ChemHub", "b"), t0)
	run := finishedRun(t, s, "chemhub", "ChemHub", t0)
	s.Close()

	db := rawDB(t, path)
	for _, q := range []string{"DROP TABLE empty_runs", "ALTER TABLE crawl_runs DROP COLUMN kept",
		"ALTER TABLE crawl_runs DROP COLUMN note", "DELETE FROM schema_migrations WHERE version >= 7"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if n := count(t, db, "SELECT COUNT(*) FROM pragma_table_info('crawl_runs') WHERE name IN ('kept', 'note')"); n != 0 {
		t.Fatalf("old database still has kept/note columns")
	}

	for step := range 2 {
		s2, err := tickets.Open(path, tickets.Options{})
		if err != nil {
			t.Fatalf("open %d: %v", step, err)
		}
		if got, want := count(t, db, "SELECT MAX(version) FROM schema_migrations"), tickets.SchemaVersion(); got != want || want < 7 {
			t.Errorf("open %d: schema version = %d, want %d", step, got, want)
		}
		if n, _ := s2.CountTickets(ctx, tickets.Filter{}); n != 1 {
			t.Errorf("open %d: tickets = %d, want 1", step, n)
		}
		for _, id := range []string{"a", "b"} {
			if st, err := s2.ListingState(ctx, "ChemHub", id); err != nil || st == nil || st.Status != precwatch.ListingActive {
				t.Errorf("open %d: listing %s = %+v, %v; want active", step, id, st, err)
			}
		}
		// Running the migration again keeps what the first open recorded.
		wantKept := []int{0, 2}[step]
		if r := runByID(t, s2, run); !r.Complete || r.Pages != 1 || r.Kept != wantKept || (r.Note == "") != (wantKept == 0) {
			t.Errorf("open %d: old run = %+v, want complete, 1 page, %d kept", step, r, wantKept)
		}
		if kept, _, err := s2.HoldEmptyRun(ctx, "ChemHub", "chemhub", run, t0.Add(time.Hour)); err != nil || kept != 2 {
			t.Errorf("open %d: HoldEmptyRun = %d, %v; want 2", step, kept, err)
		}
		if err := s2.ClearEmptyRuns(ctx, "ChemHub", "chemhub"); err != nil {
			t.Error(err)
		}
		s2.Close()
		// The second open runs migration 0007 again over its own result.
		if _, err := db.Exec("DELETE FROM schema_migrations WHERE version >= 7"); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTargetChangeForgetsEmptyRuns: a target saved again (its spec edited
// after a redesign) or deleted and created again under its name starts
// its streak of empty runs afresh, so its next empty run keeps the stored
// listings instead of removing them; another target's streak stays.
func TestTargetChangeForgetsEmptyRuns(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	mustRecord(t, s, suspicious("ChemHub", "a"), t0)
	mustRecord(t, s, suspicious("Bazaar", "b"), t0)
	tg := precwatch.Target{Name: "chemhub", Platform: "ChemHub", Kind: precwatch.KindHTML, StartURLs: []string{"http://127.0.0.1/x"}}
	if err := s.PutTarget(ctx, tg); err != nil {
		t.Fatal(err)
	}
	hold := func(platform, target string) {
		t.Helper()
		if kept, _, err := s.HoldEmptyRun(ctx, platform, target, 0, t0.Add(time.Hour)); err != nil || kept != 1 {
			t.Fatalf("HoldEmptyRun(%s) = %d, %v; want 1 kept", target, kept, err)
		}
	}
	streak := func(step, platform, target string, want int) {
		t.Helper()
		if n, err := s.EmptyRuns(ctx, platform, target); err != nil || n != want {
			t.Errorf("%s: EmptyRuns(%s) = %d, %v; want %d", step, target, n, err, want)
		}
	}
	hold("ChemHub", "chemhub")
	hold("Bazaar", "bazaar")
	streak("after an empty run", "ChemHub", "chemhub", 1)

	tg.StartURLs = []string{"http://127.0.0.1/catalogue"}
	if err := s.PutTarget(ctx, tg); err != nil {
		t.Fatal(err)
	}
	streak("target edited", "ChemHub", "chemhub", 0)
	streak("another target edited", "Bazaar", "bazaar", 1)

	hold("ChemHub", "chemhub")
	if err := s.DeleteTarget(ctx, "chemhub"); err != nil {
		t.Fatal(err)
	}
	streak("target deleted", "ChemHub", "chemhub", 0)
	if err := s.DeleteTarget(ctx, "chemhub"); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("DeleteTarget of a deleted target: %v, want ENOTFOUND", err)
	}
	streak("another target deleted", "Bazaar", "bazaar", 1)
}
