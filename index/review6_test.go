package index

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// TestReview6ExactFacets: above SampleAbove hits the facets are estimated
// and flagged; ExactFacets counts every hit (a seller with exactly 36 hits
// shows 36, not a scaled sample).
func TestReview6ExactFacets(t *testing.T) {
	x, _ := MustOpen(t, Options{SampleAbove: 100})
	old := sampleTarget
	sampleTarget = 40
	t.Cleanup(func() { sampleTarget = old })
	var rs []precwatch.Result
	for i := 0; i < 1200; i++ {
		r := result("ChemHub", fmt.Sprintf("l-%04d", i), "ephedrine hydrochloride", 0.5, ephedrine)
		r.Listing.Seller = fmt.Sprintf("seller-%02d", i%7)
		if i%33 == 0 && i/33 < 36 {
			r.Listing.Seller = "exact-36"
		}
		rs = append(rs, r)
	}
	if err := x.Put(context.Background(), rs, time.Now()); err != nil {
		t.Fatal(err)
	}
	count := func(res *Results) int {
		for _, ft := range res.Facets["seller"] {
			if ft.Term == "exact-36" {
				return ft.Count
			}
		}
		return -1
	}
	sampled := mustSearch(t, x, Query{Query: "*", Facets: true, FacetSize: 20})
	if !sampled.Approximate {
		t.Errorf("Search(*) over %d hits with SampleAbove 100: facets not flagged approximate", sampled.Total)
	}
	exact := mustSearch(t, x, Query{Query: "*", Facets: true, FacetSize: 20, ExactFacets: true})
	if exact.Approximate {
		t.Errorf("Search(*, ExactFacets): flagged approximate")
	}
	if got := count(exact); got != 36 {
		t.Errorf("Search(*, ExactFacets): seller exact-36 counted %d, want 36 (sampled said %d)", got, count(sampled))
	}
	if exact.Total != sampled.Total || exact.Total != 1200 {
		t.Errorf("totals: exact %d, sampled %d, want 1200", exact.Total, sampled.Total)
	}
}
