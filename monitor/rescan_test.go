package monitor

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/matchers"
)

// zorblatineList is an extra watchlist that schedules a new designer
// precursor, Zorblatine, named in the fixture listing zorb.
const zorblatineList = `version: 1
substances:
  - id: zorblatine
    name: Zorblatine
    list: designer
    immediate: true
    cas: "9999-99-9"
    synonyms: [zorblatine]
    source: test
`

var (
	zorbMatcherOnce sync.Once
	zorbMatcher     *matchers.Matcher
	zorbMatcherErr  error
)

// extraMatcher returns a matcher over the built-in watchlist plus
// zorblatineList, loaded from a file as `rescan --watchlist` loads it, and
// compiled once per test binary.
func extraMatcher(tb testing.TB) *matchers.Matcher {
	tb.Helper()
	zorbMatcherOnce.Do(func() {
		dir, err := os.MkdirTemp("", "monitor-test-")
		if err != nil {
			zorbMatcherErr = err
			return
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "extra.yaml")
		if err := os.WriteFile(path, []byte(zorblatineList), 0o644); err != nil {
			zorbMatcherErr = err
			return
		}
		wl, err := matchers.LoadWatchlist(path)
		if err != nil {
			zorbMatcherErr = err
			return
		}
		zorbMatcher, zorbMatcherErr = matchers.New(wl, matchers.Options{})
	})
	if zorbMatcherErr != nil {
		tb.Fatal(zorbMatcherErr)
	}
	return zorbMatcher
}

// TestRescanNewSubstance: after the watchlist gains a substance, a rescan
// raises a ticket and an index entry for the stored listing that names it,
// and a second rescan changes nothing.
func TestRescanNewSubstance(t *testing.T) {
	p := mustOpenPipeline(t)
	ctx := context.Background()
	p.run(t, fixture(), nil, true)
	if p.ticket(t, "zorb") != nil || p.indexed(t, "zorb") {
		t.Fatal("zorb has a ticket or index entry before the watchlist names zorblatine")
	}
	tickets0, events0 := p.ticketCount(t), p.pending(t)

	mon := p.newMonitor(extraMatcher(t))
	p.clock.Advance(time.Minute)
	var progress []RescanSummary
	s, err := mon.Rescan(ctx, time.Time{}, func(s RescanSummary) { progress = append(progress, s) })
	if err != nil {
		t.Fatal(err)
	}
	// bmk, safrole and toluene offer substances; zorb now too.
	if s.Listings != 5 || s.Hits != 4 || s.Flagged != 3 || s.Tickets != 1 || s.Changed != 1 {
		t.Errorf("rescan summary %+v, want 5 listings, 4 hits, 3 flagged, 1 changed, 1 ticket", *s)
	}
	if len(progress) == 0 || progress[len(progress)-1].Tickets != 1 {
		t.Errorf("rescan progress %+v, want reports ending with 1 ticket", progress)
	}
	tk := p.ticket(t, "zorb")
	if tk == nil {
		t.Fatal("rescan: no ticket for zorb")
	}
	if len(tk.Substances) != 1 || tk.Substances[0].CAS != "9999-99-9" || tk.Status != precwatch.StatusOpen {
		t.Errorf("rescan: zorb ticket %+v, want open with substance 9999-99-9", tk)
	}
	if got := p.search(t, "cas:9999-99-9"); !slices.Equal(got, []string{"zorb"}) {
		t.Errorf("rescan: search cas:9999-99-9 = %v, want [zorb]", got)
	}
	if got := p.search(t, "substance:zorblatine"); !slices.Equal(got, []string{"zorb"}) {
		t.Errorf("rescan: search substance:zorblatine = %v, want [zorb]", got)
	}
	if n := p.ticketCount(t); n != tickets0+1 {
		t.Errorf("rescan: %d tickets, want %d", n, tickets0+1)
	}
	if n := p.pending(t); n != events0+1 {
		t.Errorf("rescan: %d outbox events, want %d (one ticket.created)", n, events0+1)
	}
	if n := p.notified.Load(); n != 2 {
		t.Errorf("Notify called %d times after a run and a rescan, want 2", n)
	}

	// Again: the verdicts are stored, nothing changes.
	s, err = mon.Rescan(ctx, time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Listings != 5 || s.Changed != 0 || s.Tickets != 0 {
		t.Errorf("second rescan %+v, want 5 listings, 0 changed, 0 tickets", *s)
	}
	if n := p.pending(t); n != events0+1 {
		t.Errorf("second rescan: %d outbox events, want %d", n, events0+1)
	}

	// A run after the rescan finds zorb unchanged and keeps its ticket.
	sum := p.run(t, fixture(), nil, true)
	if sum.Unchanged != 5 || sum.Tickets != 0 {
		t.Errorf("run after rescan: %+v, want 5 unchanged, no ticket", sum)
	}
	if n := p.ticketCount(t); n != tickets0+1 {
		t.Errorf("run after rescan: %d tickets, want %d", n, tickets0+1)
	}

	// Back to the built-in watchlist: zorb loses its hit and leaves the
	// index; its ticket stays (cleared, not deleted).
	s, err = p.mon.Rescan(ctx, time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Changed != 1 || s.Tickets != 0 {
		t.Errorf("rescan with the built-in list: %+v, want 1 changed, 0 tickets", *s)
	}
	if p.indexed(t, "zorb") {
		t.Error("zorb is still indexed after the watchlist dropped zorblatine")
	}
	if p.ticket(t, "zorb") == nil {
		t.Error("zorb's ticket is gone; a cleared ticket is kept")
	}
}

// TestRescanSince: only listings last seen at or after since are rescanned.
func TestRescanSince(t *testing.T) {
	p := mustOpenPipeline(t)
	p.run(t, []precwatch.Listing{lBMK, lZorb}, nil, false)
	cut := p.clock.Now().Add(time.Second)
	p.run(t, []precwatch.Listing{lChair}, nil, false)
	mon := p.newMonitor(extraMatcher(t))
	s, err := mon.Rescan(context.Background(), cut, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Listings != 1 || s.Tickets != 0 {
		t.Errorf("rescan since %v: %+v, want only chair (1 listing, no ticket)", cut, *s)
	}
	if p.ticket(t, "zorb") != nil {
		t.Error("zorb, last seen before since, got a ticket")
	}
}

// TestRescanKeepsRemovedListingsRemoved: re-matching a listing is not a
// sighting of it. A listing the platform removed must stay removed, with its
// last_seen, when a rescan gives it a new verdict.
func TestRescanKeepsRemovedListingsRemoved(t *testing.T) {
	p := mustOpenPipeline(t)
	p.run(t, fixture(), nil, true)
	lastSeen := p.clock.Now()
	// zorb and bmk disappear from the platform.
	p.run(t, []precwatch.Listing{lSafrole, lToluene, lChair}, nil, true)
	removedAt := p.clock.Now()
	if st := p.state(t, "zorb"); st.Status != precwatch.ListingRemoved {
		t.Fatalf("zorb %q after a complete run without it, want removed", st.Status)
	}
	p.clock.Advance(time.Hour)
	mon := p.newMonitor(extraMatcher(t))
	if _, err := mon.Rescan(context.Background(), time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	st := p.state(t, "zorb")
	if st.Status != precwatch.ListingRemoved || !st.LastSeen.Equal(lastSeen) || st.RemovedAt == nil || !st.RemovedAt.Equal(removedAt) {
		t.Errorf("rescan revived a removed listing: zorb is %q, last seen %v, removed at %v; want removed, last seen %v, removed at %v",
			st.Status, st.LastSeen, st.RemovedAt, lastSeen, removedAt)
	}
	if tk := p.ticket(t, "zorb"); tk == nil || tk.ListingStatus != precwatch.ListingRemoved {
		t.Errorf("zorb ticket %+v, want one with listing_status removed", tk)
	}
}

// TestReindexRebuildsLostIndex: the index is derived data; after it is lost,
// Reindex puts every stored hit into a fresh index again without touching
// tickets, while Rescan (verdicts unchanged) leaves the fresh index empty.
func TestReindexRebuildsLostIndex(t *testing.T) {
	p := mustOpenPipeline(t)
	ctx := context.Background()
	p.run(t, fixture(), nil, true)
	before := p.search(t, "")
	if len(before) == 0 {
		t.Fatal("nothing indexed after the run")
	}
	tickets0, events0 := p.ticketCount(t), p.pending(t)

	// Lose the index.
	p.loseIndex(t)
	mon := p.newMonitor(p.matcher)

	s, err := mon.Rescan(ctx, time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.search(t, ""); len(got) != 0 || s.Reindexed != 0 || s.Changed != 0 {
		t.Errorf("Rescan over a lost index: %+v, indexed %v; want nothing changed or re-indexed", *s, got)
	}

	s, err = mon.Reindex(ctx, time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.search(t, ""); !slices.Equal(got, before) {
		t.Errorf("after Reindex the index holds %v, want %v", got, before)
	}
	if s.Reindexed != int64(len(before)) || s.Changed != 0 || s.Tickets != 0 {
		t.Errorf("Reindex summary %+v, want %d re-indexed, 0 changed, 0 tickets", *s, len(before))
	}
	if n, e := p.ticketCount(t), p.pending(t); n != tickets0 || e != events0 {
		t.Errorf("Reindex: %d tickets and %d outbox events, want %d and %d", n, e, tickets0, events0)
	}
}

// TestRescanKeepsStoredDates: a rescan sees nothing, so what it indexes —
// an index rebuilt by Reindex, a listing whose verdict changed — carries
// the first and last seen the database has, in the shard of its first
// seen, not the rescan's time and month.
func TestRescanKeepsStoredDates(t *testing.T) {
	p := mustOpenPipeline(t)
	ctx := context.Background()
	p.clock.mu.Lock()
	p.clock.now = time.Date(2026, 10, 20, 10, 0, 0, 0, time.UTC)
	p.clock.mu.Unlock()
	p.run(t, fixture(), nil, true) // first seen 2026-10-20 11:00
	p.clock.Advance(5 * 24 * time.Hour)
	p.run(t, fixture(), nil, true) // unchanged: last seen 2026-10-25 12:00
	before := p.search(t, "")
	if len(before) == 0 {
		t.Fatal("nothing indexed after the runs")
	}
	p.clock.mu.Lock()
	p.clock.now = time.Date(2026, 11, 28, 4, 0, 0, 0, time.UTC) // the rescan's time
	p.clock.mu.Unlock()

	// checkDates compares every indexed hit's dates with its stored ones.
	checkDates := func(what string, want []string) {
		t.Helper()
		res, err := p.index.Search(ctx, index.Query{Size: index.MaxSize})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ListingID)
			st := p.state(t, h.ListingID)
			if !h.FirstSeen.Equal(st.FirstSeen) || !h.LastSeen.Equal(st.LastSeen) {
				t.Errorf("%s: %s indexed first/last seen %s/%s, stored %s/%s", what, h.ListingID,
					h.FirstSeen, h.LastSeen, st.FirstSeen, st.LastSeen)
			}
			if tk := p.ticket(t, h.ListingID); tk != nil && (!h.FirstSeen.Equal(tk.FirstSeen) || !h.LastSeen.Equal(tk.LastSeen)) {
				t.Errorf("%s: %s indexed first/last seen %s/%s, its ticket says %s/%s", what, h.ListingID,
					h.FirstSeen, h.LastSeen, tk.FirstSeen, tk.LastSeen)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: indexed %v, want %v", what, got, want)
		}
		if sh := p.index.Shards(); !slices.Equal(sh, []string{"2026-10"}) {
			t.Errorf("%s: index shards %v, want only 2026-10 (the month the listings were first seen)", what, sh)
		}
		// October's period finds them; a search from the rescan's day
		// finds nothing (nothing was seen then).
		res, err = p.index.Search(ctx, index.Query{To: time.Date(2026, 10, 31, 23, 59, 59, 0, time.UTC), Size: index.MaxSize})
		if err != nil {
			t.Fatal(err)
		}
		if int(res.Total) != len(want) {
			t.Errorf("%s: %d hits seen in October, want %d", what, res.Total, len(want))
		}
		res, err = p.index.Search(ctx, index.Query{From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Size: index.MaxSize})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 0 {
			t.Errorf("%s: %d hits seen since November, want 0", what, res.Total)
		}
	}

	// A watchlist change: zorb's verdict changes, it is indexed with its
	// stored dates.
	if _, err := p.newMonitor(extraMatcher(t)).Rescan(ctx, time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	withZorb := slices.Sorted(slices.Values(append(slices.Clone(before), "zorb")))
	checkDates("rescan after a watchlist change", withZorb)

	// Lose the index and rebuild it from the database.
	p.loseIndex(t)
	s, err := p.newMonitor(extraMatcher(t)).Reindex(ctx, time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Reindexed != int64(len(withZorb)) {
		t.Errorf("Reindex summary %+v, want %d re-indexed", *s, len(withZorb))
	}
	checkDates("Reindex of a lost index", withZorb)

	// Reindex over the present index moves nothing either.
	if _, err := p.newMonitor(extraMatcher(t)).Reindex(ctx, time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	checkDates("Reindex over the index", withZorb)
}
