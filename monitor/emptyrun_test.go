package monitor

import (
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestEmptyRunKeepsListings: a complete run that finds no listing at all
// (a redesign that broke the selectors, a maintenance page, a login wall
// answering 200) does not wipe the target's catalogue; the second such run
// in a row does, and a run that finds listings ends the streak. A listing
// that answers 404/410 is removed whatever the run found.
func TestEmptyRunKeepsListings(t *testing.T) {
	p := mustOpenPipeline(t)
	all := fixture()
	statuses := func(step string, want map[string]string) {
		t.Helper()
		for id, w := range want {
			if st := p.state(t, id); st == nil || st.Status != w {
				t.Errorf("%s: listing %s = %+v, want %s", step, id, st, w)
			}
		}
	}
	each := func(status string) map[string]string {
		m := map[string]string{}
		for _, l := range all {
			m[l.ID] = status
		}
		return m
	}
	p.run(t, all, nil, true)

	// The first empty complete run keeps all five, and says so.
	sum := p.run(t, nil, nil, true)
	if sum.Removed != 0 || sum.Kept != 5 || !strings.Contains(sum.Note, "kept the 5 stored listing(s)") {
		t.Errorf("first empty run: removed %d kept %d note %q; want 0 removed, 5 kept with a note", sum.Removed, sum.Kept, sum.Note)
	}
	statuses("first empty run", each(precwatch.ListingActive))
	if tk := p.ticket(t, "bmk"); tk == nil || tk.ListingStatus != precwatch.ListingActive {
		t.Errorf("first empty run: bmk ticket %+v, want its listing active", tk)
	}
	logs := p.logs.String()
	if !strings.Contains(logs, "level=WARN") || !strings.Contains(logs, "target=testmart kept=5") {
		t.Errorf("first empty run: no WARN with target and kept=5 in the log:\n%s", logs)
	}

	// An incomplete empty run proves nothing and leaves the streak as it is.
	if sum := p.run(t, nil, nil, false); sum.Removed != 0 || sum.Kept != 0 {
		t.Errorf("incomplete empty run: removed %d kept %d; want 0, 0", sum.Removed, sum.Kept)
	}

	// The second empty complete run in a row: the catalogue really is empty.
	sum = p.run(t, nil, nil, true)
	if sum.Removed != 5 || sum.Kept != 0 || !strings.Contains(sum.Note, "no longer kept") {
		t.Errorf("second empty run: removed %d kept %d note %q; want 5 removed, none kept", sum.Removed, sum.Kept, sum.Note)
	}
	statuses("second empty run", each(precwatch.ListingRemoved))
	// A third has nothing left to keep or remove.
	if sum := p.run(t, nil, nil, true); sum.Removed != 0 || sum.Kept != 0 || sum.Note != "" {
		t.Errorf("third empty run: removed %d kept %d note %q; want nothing", sum.Removed, sum.Kept, sum.Note)
	}

	// The listings come back; a run that finds listings ends the streak,
	// so the next empty run keeps again.
	p.run(t, all, nil, true)
	statuses("listings back", each(precwatch.ListingActive))
	if sum := p.run(t, nil, nil, true); sum.Kept != 5 || sum.Removed != 0 {
		t.Errorf("empty run after listings came back: kept %d removed %d; want 5, 0", sum.Kept, sum.Removed)
	}
	// A non-empty complete run removes what it did not see, as always,
	// and ends the streak again.
	if sum := p.run(t, []precwatch.Listing{lBMK, lSafrole, lToluene}, nil, true); sum.Removed != 2 || sum.Kept != 0 {
		t.Errorf("run with 3 listings: removed %d kept %d; want 2 (chair, zorb), 0", sum.Removed, sum.Kept)
	}

	// An empty run whose only news is a listing answering 410: that one
	// is removed as today, the other two are kept.
	sum = p.run(t, nil, []string{lBMK.URL}, true)
	if sum.Removed != 1 || sum.Kept != 2 {
		t.Errorf("empty run with a gone listing: removed %d kept %d; want 1 (bmk), 2", sum.Removed, sum.Kept)
	}
	statuses("empty run with a gone listing", map[string]string{"bmk": precwatch.ListingRemoved,
		"safrole": precwatch.ListingActive, "toluene": precwatch.ListingActive})
}
