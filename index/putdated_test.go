package index

import (
	"context"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// TestPutDatedKeepsStoredDates: PutDated gives a document exactly the dates
// it is given (a rescan sees nothing), moves it to its first_seen's shard
// if it is elsewhere, and falls back to Put's sighting for a zero date.
func TestPutDatedKeepsStoredDates(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 28, 4, 0, 0, 0, time.UTC)
	x, _ := MustOpen(t, Options{Now: func() time.Time { return now }})
	sep := time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC)
	oct := time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC)
	r := result("ChemHub", "a1", "Ephedrine HCl 1 kg", 0.8, ephedrine)
	// Indexed with the wrong dates (as a rescan before the fix did).
	if err := x.Put(ctx, []precwatch.Result{r}, now); err != nil {
		t.Fatal(err)
	}
	if err := x.PutDated(ctx, []precwatch.Result{r}, []time.Time{sep}, []time.Time{oct}); err != nil {
		t.Fatal(err)
	}
	if n, err := x.Count(); err != nil || n != 1 {
		t.Fatalf("Count() = %d, %v; want 1", n, err)
	}
	res := mustSearch(t, x, Query{To: time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)})
	if res.Total != 1 {
		t.Fatalf("search to 2026-09-30: total %d, want 1 (the document in the September shard)", res.Total)
	}
	if h := res.Hits[0]; !h.FirstSeen.Equal(sep) || !h.LastSeen.Equal(oct) {
		t.Errorf("hit first/last seen %s/%s, want %s/%s", h.FirstSeen, h.LastSeen, sep, oct)
	}
	if res := mustSearch(t, x, Query{From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}); res.Total != 0 {
		t.Errorf("search from November: total %d, want 0", res.Total)
	}

	// A zero first seen is a sighting now, as Put: first_seen kept.
	if err := x.PutDated(ctx, []precwatch.Result{r}, []time.Time{{}}, []time.Time{{}}); err != nil {
		t.Fatal(err)
	}
	if h := mustSearch(t, x, Query{}).Hits[0]; !h.FirstSeen.Equal(sep) || !h.LastSeen.Equal(now) {
		t.Errorf("after a zero-dated put: first/last seen %s/%s, want %s/%s", h.FirstSeen, h.LastSeen, sep, now)
	}
	if err := x.PutDated(ctx, []precwatch.Result{r}, nil, nil); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("PutDated without dates: %v, want EINVALID", err)
	}
}
