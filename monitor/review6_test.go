package monitor

import (
	"context"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// TestReview6EditedFlaggedStaysSearchable: a flagged listing its seller
// edits into something that offers nothing stays in the index as the
// version that was flagged (its ticket is still open), also after the
// index is lost and rebuilt by Reindex; a listing never ticketed that is
// edited so leaves the index.
func TestReview6EditedFlaggedStaysSearchable(t *testing.T) {
	p := mustOpenPipeline(t)
	ctx := context.Background()
	p.run(t, fixture(), nil, true)
	if !p.indexed(t, "bmk") || !p.indexed(t, "toluene") || p.ticket(t, "bmk") == nil || p.ticket(t, "toluene") != nil {
		t.Fatal("fixture: bmk (ticketed) and toluene (hit, no ticket) should be indexed")
	}
	bmk, tol := lBMK, lToluene
	bmk.Title, bmk.Description = "Glass beakers, 1 l", "Borosilicate. Bank transfer."
	tol.Title, tol.Description = "Plastic funnel set", "Three sizes."
	p.run(t, []precwatch.Listing{bmk, lSafrole, tol, lChair, lZorb}, nil, true)
	if got := p.search(t, "glycidate"); len(got) != 1 || got[0] != "bmk" {
		t.Errorf("search glycidate after bmk was edited harmless = %v, want [bmk] (its flagged version)", got)
	}
	if p.indexed(t, "toluene") {
		t.Error("toluene (never ticketed) is still indexed after it was edited into a funnel set")
	}

	// Lose the index and rebuild it from the database.
	p.loseIndex(t)
	if _, err := p.newMonitor(p.matcher).Reindex(ctx, time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	if got := p.search(t, "glycidate"); len(got) != 1 || got[0] != "bmk" {
		t.Errorf("search glycidate after Reindex = %v, want [bmk] (its flagged version)", got)
	}
	if p.indexed(t, "toluene") {
		t.Error("toluene indexed again by Reindex")
	}
}
