package monitor

import (
	"context"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// byURL is l named by its URL, as the extractor names a listing whose
// platform gives no id.
func byURL(l precwatch.Listing, u string) precwatch.Listing {
	l.ID, l.URL = u, u
	return l
}

// TestTrailingSlashIsOneListing: a listing without a platform id reached at
// /p/x/ and at /p/x (a server that answers both) is one listing with one
// ticket, named without the slash; a listing stored under the slashed form
// before keeps it.
func TestTrailingSlashIsOneListing(t *testing.T) {
	p := mustOpenPipeline(t)
	const base = "https://testmart.example/p/"
	p.run(t, []precwatch.Listing{byURL(lBMK, base+"bmk/"), byURL(lSafrole, base+"safrole")}, nil, true)
	p.run(t, []precwatch.Listing{byURL(lBMK, base+"bmk"), byURL(lSafrole, base+"safrole/")}, nil, true)
	if n := p.ticketCount(t); n != 2 {
		t.Errorf("tickets = %d, want 2 (bmk and safrole, each reached with and without a trailing slash)", n)
	}
	for _, id := range []string{base + "bmk", base + "safrole"} {
		tk := p.ticket(t, id)
		if tk == nil || tk.ListingStatus != precwatch.ListingActive {
			t.Errorf("ticket of %s = %+v, want one, active", id, tk)
		}
	}

	// A listing stored under its slashed URL (by an earlier precwatch)
	// keeps that id.
	legacy := byURL(lToluene, base+"toluene/")
	legacy.Platform, legacy.Target = testTarget.Platform, testTarget.Name
	if _, err := p.store.Record(context.Background(), precwatch.Result{Listing: legacy, Match: p.matcher.Match(&legacy)}, p.clock.Now()); err != nil {
		t.Fatal(err)
	}
	p.clock.Advance(time.Minute)
	p.run(t, []precwatch.Listing{byURL(lBMK, base+"bmk"), byURL(lSafrole, base+"safrole"), legacy}, nil, true)
	if st := p.state(t, base+"toluene/"); st == nil || st.Status != precwatch.ListingActive {
		t.Errorf("legacy slashed listing: state %+v, want it kept active under its slashed id", st)
	}
	if known, _ := p.store.Known(context.Background(), testTarget.Platform, base+"toluene"); known {
		t.Error("legacy slashed listing was also stored without its slash")
	}
}

func TestIdentityURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://x.example/p/1/", "https://x.example/p/1"},
		{"https://x.example/p/1//", "https://x.example/p/1"},
		{"https://x.example/p/1/?a=b", "https://x.example/p/1?a=b"},
		{"https://x.example/", "https://x.example/"},
		{"https://x.example/p/1", "https://x.example/p/1"},
		{"https://x.example/p/%C3%A9/", "https://x.example/p/%C3%A9"},
	} {
		if got := identityURL(c.in); got != c.want {
			t.Errorf("identityURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
