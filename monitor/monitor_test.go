package monitor

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/tickets"
)

// TestFixtureVerdicts pins what the real matcher says about the fixture
// listings, which the pipeline tests rely on.
func TestFixtureVerdicts(t *testing.T) {
	m := mustMatcher(t)
	tests := []struct {
		l                   precwatch.Listing
		offered, suspicious bool
	}{
		{lBMK, true, true},
		{lSafrole, true, true},
		{lToluene, true, false},
		{lChair, false, false},
		{lZorb, false, false},
		{bmk2, true, true},
		{tol2, false, false},
		{chair2, true, true},
	}
	for _, tt := range tests {
		l := tt.l
		got := m.Match(&l)
		if got.Offered() != tt.offered || got.Suspicious != tt.suspicious {
			t.Errorf("Match(%q): offered %v, suspicious %v; want %v, %v", l.Title, got.Offered(), got.Suspicious, tt.offered, tt.suspicious)
		}
	}
}

func TestRunTargetPipeline(t *testing.T) {
	p := mustOpenPipeline(t)
	ctx := context.Background()

	// First run: every listing is new.
	var c Counters
	p.clock.Advance(time.Hour)
	p.crawler.set(fixture(), nil, false)
	sum, err := p.mon.RunTarget(ctx, testTarget, &c)
	if err != nil {
		t.Fatal(err)
	}
	first := p.clock.Now()
	want := Summary{Target: "testmart", Platform: "TestMart", Listings: 5, Unchanged: 0, Hits: 3, Flagged: 2, Tickets: 2}
	checkSummary(t, "first run", sum, want)
	if got := [4]int64{c.Listings.Load(), c.Hits.Load(), c.Flagged.Load(), c.Tickets.Load()}; got != [4]int64{5, 3, 2, 2} {
		t.Errorf("first run: counters (listings, hits, flagged, tickets) = %v, want [5 3 2 2]", got)
	}
	if sum.Run == nil || sum.Run.Listings != 5 {
		t.Errorf("first run: Summary.Run = %+v, want the crawler's run with 5 listings", sum.Run)
	}
	for _, id := range []string{"bmk", "safrole"} {
		tk := p.ticket(t, id)
		if tk == nil {
			t.Fatalf("first run: no ticket for suspicious listing %s", id)
		}
		if tk.Platform != "TestMart" || tk.Target != "testmart" || tk.Status != precwatch.StatusOpen ||
			tk.ListingStatus != precwatch.ListingActive || !tk.LastSeen.Equal(first) {
			t.Errorf("first run: ticket of %s = %+v, want TestMart/testmart open active last seen %v", id, tk, first)
		}
	}
	for _, id := range []string{"toluene", "chair", "zorb"} {
		if tk := p.ticket(t, id); tk != nil {
			t.Errorf("first run: ticket %d for listing %s, want none", tk.ID, id)
		}
	}
	if n := p.ticketCount(t); n != 2 {
		t.Errorf("first run: %d tickets, want 2", n)
	}
	if n := p.pending(t); n != 2 {
		t.Errorf("first run: %d outbox events, want 2 (ticket.created each)", n)
	}
	if got := p.search(t, "cas:25547-51-7"); !slices.Equal(got, []string{"bmk"}) {
		t.Errorf("first run: search cas:25547-51-7 = %v, want [bmk]", got)
	}
	if got := p.search(t, "cas:108-88-3"); !slices.Equal(got, []string{"toluene"}) {
		t.Errorf("first run: search cas:108-88-3 (toluene, a hit without ticket) = %v, want [toluene]", got)
	}
	if got := p.search(t, "*"); !slices.Equal(got, []string{"bmk", "safrole", "toluene"}) {
		t.Errorf("first run: indexed listings = %v, want [bmk safrole toluene]", got)
	}
	if got := p.observedIDs(); !maps.Equal(got, map[string]bool{"bmk": false, "safrole": false, "toluene": false, "chair": false, "zorb": false}) {
		t.Errorf("first run: observed %v, want every listing, none unchanged", got)
	}
	if n := p.notified.Load(); n != 1 {
		t.Errorf("first run: Notify called %d times, want 1", n)
	}
	for _, id := range []string{"chair", "zorb"} {
		if st := p.state(t, id); st.Status != precwatch.ListingActive {
			t.Errorf("first run: listing %s status %q, want active (stored although no hit)", id, st.Status)
		}
	}

	// Second run: nothing changed. Only Seen: no ticket, no event, but
	// last_seen moves.
	tk1 := p.ticket(t, "bmk")
	sum = p.run(t, fixture(), nil, false)
	second := p.clock.Now()
	// Hits and Flagged count every listing seen, changed or not.
	checkSummary(t, "unchanged run", sum, Summary{Target: "testmart", Platform: "TestMart", Listings: 5, Unchanged: 5, Hits: 3, Flagged: 2})
	if n := p.ticketCount(t); n != 2 {
		t.Errorf("unchanged run: %d tickets, want 2", n)
	}
	if n := p.pending(t); n != 2 {
		t.Errorf("unchanged run: %d outbox events, want still 2", n)
	}
	tk2 := p.ticket(t, "bmk")
	if tk2.ID != tk1.ID || !tk2.LastSeen.Equal(second) || !tk2.FirstSeen.Equal(first) {
		t.Errorf("unchanged run: ticket of bmk id %d first %v last %v; want id %d first %v last %v",
			tk2.ID, tk2.FirstSeen, tk2.LastSeen, tk1.ID, first, second)
	}
	for _, id := range []string{"bmk", "chair"} {
		if st := p.state(t, id); !st.LastSeen.Equal(second) || st.Versions != 1 {
			t.Errorf("unchanged run: listing %s last seen %v, %d versions; want %v, 1", id, st.LastSeen, st.Versions, second)
		}
	}
	if got := p.observedIDs(); !maps.Equal(got, map[string]bool{"bmk": true, "safrole": true, "toluene": true, "chair": true, "zorb": true}) {
		t.Errorf("unchanged run: observed %v, want every listing flagged unchanged", got)
	}
	if got := p.search(t, "*"); !slices.Equal(got, []string{"bmk", "safrole", "toluene"}) {
		t.Errorf("unchanged run: indexed listings = %v, want [bmk safrole toluene]", got)
	}

	// Third run: bmk changes (bigger quantity), toluene loses its hit,
	// chair gains one.
	sum = p.run(t, []precwatch.Listing{bmk2, lSafrole, tol2, chair2, lZorb}, nil, false)
	checkSummary(t, "changed run", sum, Summary{Target: "testmart", Platform: "TestMart", Listings: 5, Unchanged: 2,
		Hits: 3, Flagged: 3, Tickets: 1})
	tk3 := p.ticket(t, "bmk")
	if tk3.ID != tk1.ID || tk3.Title != bmk2.Title {
		t.Errorf("changed run: ticket of bmk id %d title %q, want id %d title %q", tk3.ID, tk3.Title, tk1.ID, bmk2.Title)
	}
	if st := p.state(t, "bmk"); st.Versions != 2 || st.Result.Listing.Title != bmk2.Title {
		t.Errorf("changed run: bmk stored with %d versions, title %q; want 2, %q", st.Versions, st.Result.Listing.Title, bmk2.Title)
	}
	if p.indexed(t, "toluene") {
		t.Error("changed run: toluene lost its hit but is still in the index")
	}
	if !p.indexed(t, "chair") {
		t.Error("changed run: chair now offers acetone but is not in the index")
	}
	if tk := p.ticket(t, "chair"); tk == nil {
		t.Error("changed run: no ticket for chair, which now offers acetone with risk indicators")
	}
	if n := p.pending(t); n != 4 {
		t.Errorf("changed run: %d outbox events, want 4 (2 created, bmk updated, chair created)", n)
	}
	if n := p.ticketCount(t); n != 3 {
		t.Errorf("changed run: %d tickets, want 3", n)
	}

	// Fourth run, incomplete: bmk answers 404. Missing listings are not
	// marked removed by an incomplete run.
	sum = p.run(t, []precwatch.Listing{lSafrole, lZorb}, []string{lBMK.URL}, false)
	if sum.Removed != 1 {
		t.Errorf("gone run: Removed = %d, want 1", sum.Removed)
	}
	if tk := p.ticket(t, "bmk"); tk.ListingStatus != precwatch.ListingRemoved || tk.RemovedAt == nil || !tk.RemovedAt.Equal(p.clock.Now()) {
		t.Errorf("gone run: bmk ticket listing_status %q removed_at %v, want removed at %v", tk.ListingStatus, tk.RemovedAt, p.clock.Now())
	}
	for _, id := range []string{"chair", "toluene"} {
		if st := p.state(t, id); st.Status != precwatch.ListingActive {
			t.Errorf("gone run (incomplete): listing %s %q, want still active", id, st.Status)
		}
	}

	// Fifth run, complete: only zorb and chair are left on the platform.
	sum = p.run(t, []precwatch.Listing{lZorb, chair2}, nil, true)
	if sum.Removed != 2 {
		t.Errorf("complete run: Removed = %d, want 2 (safrole and toluene)", sum.Removed)
	}
	if tk := p.ticket(t, "safrole"); tk.ListingStatus != precwatch.ListingRemoved {
		t.Errorf("complete run: safrole ticket listing_status %q, want removed", tk.ListingStatus)
	}
	for id, want := range map[string]string{"safrole": precwatch.ListingRemoved, "toluene": precwatch.ListingRemoved,
		"bmk": precwatch.ListingRemoved, "zorb": precwatch.ListingActive, "chair": precwatch.ListingActive} {
		if st := p.state(t, id); st.Status != want {
			t.Errorf("complete run: listing %s %q, want %q", id, st.Status, want)
		}
	}
	n, err := p.store.CountTickets(ctx, tickets.Filter{ListingStatus: precwatch.ListingRemoved})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("complete run: %d tickets with listing removed, want 2 (bmk, safrole)", n)
	}
}

func checkSummary(t *testing.T, what string, got *Summary, want Summary) {
	t.Helper()
	if got == nil {
		t.Fatalf("%s: nil summary", what)
	}
	g := *got
	g.Run, g.Err = nil, nil
	if g != want {
		t.Errorf("%s: summary %+v, want %+v", what, g, want)
	}
	if got.Run == nil || int64(got.Run.Listings) != got.Listings {
		t.Errorf("%s: summary counts %d listings, the crawler handed over %+v", what, got.Listings, got.Run)
	}
}

func (p *pipeline) observedIDs() map[string]bool {
	p.obsMu.Lock()
	defer p.obsMu.Unlock()
	out := make(map[string]bool, len(p.observed))
	for k, v := range p.observed {
		out[k] = v
	}
	return out
}

// TestRunTargetRunning checks that a second run of a target that is being
// crawled fails with ErrRunning while another target runs.
func TestRunTargetRunning(t *testing.T) {
	p := mustOpenPipeline(t)
	p.crawler.set(fixture(), nil, true)
	p.crawler.hold = make(chan struct{})
	p.crawler.entered = make(chan string, 4)
	ctx := context.Background()
	errc := make(chan error, 1)
	go func() {
		_, err := p.mon.RunTarget(ctx, testTarget, nil)
		errc <- err
	}()
	<-p.crawler.entered
	if !p.mon.Running("testmart") {
		t.Error("Running(testmart) = false during its run")
	}
	_, err := p.mon.RunTarget(ctx, testTarget, nil)
	if !errors.Is(err, ErrRunning) {
		t.Errorf("second RunTarget(testmart) = %v, want ErrRunning", err)
	}
	other := testTarget
	other.Name = "othermart"
	go func() {
		_, err := p.mon.RunTarget(ctx, other, nil)
		errc <- err
	}()
	<-p.crawler.entered // the other target is not blocked by the first
	close(p.crawler.hold)
	for range 2 {
		if err := <-errc; err != nil {
			t.Errorf("RunTarget: %v", err)
		}
	}
	if p.mon.Running("testmart") {
		t.Error("Running(testmart) = true after its run")
	}
	if _, err := p.mon.RunTarget(ctx, testTarget, nil); err != nil {
		t.Errorf("RunTarget after the run finished: %v", err)
	}
}

// TestRunTargetCancel cancels a run half way: RunTarget fails, marks nothing
// removed, and the next run completes with one ticket per suspicious
// listing.
func TestRunTargetCancel(t *testing.T) {
	p := mustOpenPipeline(t)
	// A first complete run stores everything.
	p.run(t, fixture(), nil, true)
	// Changed listings; the crawl is cancelled after two of them.
	ls := fixture()
	for i := range ls {
		ls[i].Description += " Updated."
	}
	ctx, cancel := context.WithCancel(context.Background())
	var once sync.Once
	p.crawler.before = func(ctx context.Context, i int) error {
		if i >= 2 {
			once.Do(cancel)
			return ctx.Err()
		}
		return nil
	}
	p.crawler.set(ls, nil, true)
	p.clock.Advance(time.Hour)
	sum, err := p.mon.RunTarget(ctx, testTarget, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled RunTarget = %v, want context.Canceled", err)
	}
	if sum == nil || !errors.Is(sum.Err, context.Canceled) || sum.Removed != 0 {
		t.Errorf("cancelled RunTarget summary %+v, want Err canceled and nothing removed", sum)
	}
	if p.mon.Running("testmart") {
		t.Error("Running after a cancelled run")
	}
	p.crawler.before = nil
	sum = p.run(t, ls, nil, true)
	if sum.Removed != 0 || sum.Listings != 5 {
		t.Errorf("run after cancel: %+v, want 5 listings, none removed", sum)
	}
	if n := p.ticketCount(t); n != 2 {
		t.Errorf("after cancel and rerun: %d tickets, want 2", n)
	}
	for _, l := range ls {
		st := p.state(t, l.ID)
		if st.Status != precwatch.ListingActive || st.Result.Listing.Description != l.Description {
			t.Errorf("after rerun: listing %s %q description %q; want active, %q", l.ID, st.Status, st.Result.Listing.Description, l.Description)
		}
	}
	if got := p.search(t, "*"); !slices.Equal(got, []string{"bmk", "safrole", "toluene"}) {
		t.Errorf("after rerun: indexed %v, want [bmk safrole toluene]", got)
	}
}

// flakyStore fails Record once for one listing: a process that died after
// indexing a listing and before recording it.
type flakyStore struct {
	storeAdapter
	failID string
	failed sync.Once
}

func (s *flakyStore) Record(ctx context.Context, r precwatch.Result, at time.Time) (bool, error) {
	var fail bool
	if r.Listing.ID == s.failID {
		s.failed.Do(func() { fail = true })
	}
	if fail {
		return false, errors.New("disk on fire")
	}
	return s.storeAdapter.Record(ctx, r, at)
}

// TestRunTargetInterruptedBetweenSteps: a listing indexed but not recorded
// is processed again on the next run, and ends with one ticket, one index
// entry and one created event.
func TestRunTargetInterruptedBetweenSteps(t *testing.T) {
	p := mustOpenPipeline(t)
	fs := &flakyStore{storeAdapter: storeAdapter{p.store}, failID: "bmk"}
	mon := New(p.crawler, p.matcher, p.index, fs, Options{Now: p.clock.Now, BatchSize: 2, BatchWait: time.Millisecond})
	p.crawler.set(fixture(), nil, true)
	if _, err := mon.RunTarget(context.Background(), testTarget, nil); err == nil {
		t.Fatal("RunTarget with a failing Record = nil error")
	}
	if !p.indexed(t, "bmk") {
		t.Fatal("bmk not indexed before its record failed; the test premise does not hold")
	}
	if tk := p.ticket(t, "bmk"); tk != nil {
		t.Fatalf("ticket for bmk although its record failed: %+v", tk)
	}
	p.clock.Advance(time.Hour)
	sum, err := mon.RunTarget(context.Background(), testTarget, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Tickets < 1 {
		t.Errorf("rerun: %d tickets created, want at least bmk's", sum.Tickets)
	}
	if n := p.ticketCount(t); n != 2 {
		t.Errorf("rerun: %d tickets, want 2", n)
	}
	if n := p.pending(t); n != 2 {
		t.Errorf("rerun: %d outbox events, want 2", n)
	}
	if n, err := p.index.Count(); err != nil || n != 3 {
		t.Errorf("rerun: index count %d (%v), want 3", n, err)
	}
}

// TestUnchangedListingStaysSearchableByDate: a listing seen again unchanged
// was on the platform during the second run, so a search for listings seen
// since then must find it, as the ticket store's last_seen says.
func TestUnchangedListingStaysSearchableByDate(t *testing.T) {
	p := mustOpenPipeline(t)
	p.run(t, fixture(), nil, true)
	p.run(t, fixture(), nil, true)
	second := p.clock.Now()
	if st := p.state(t, "bmk"); !st.LastSeen.Equal(second) {
		t.Fatalf("store: bmk last seen %v, want %v", st.LastSeen, second)
	}
	res, err := p.index.Search(context.Background(), index.Query{Query: "listing_id:bmk", From: second})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Fatalf("the index does not find bmk as seen since %v although the store's last_seen is %v: "+
			"an unchanged listing only gets Store.Seen, its index document keeps the last_seen of the run that "+
			"indexed it, so date-range searches (Query.From) miss live listings. ", second, second)
	}
	if h := res.Hits[0]; !h.LastSeen.Equal(second) {
		t.Errorf("index: bmk last seen %v, want %v", h.LastSeen, second)
	}
}
