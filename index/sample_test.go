package index

import (
	"context"
	"path/filepath"
	"testing"
)

// TestSampledSearchMatchesExact compares the sampled search of large result
// sets with the exact one over the same index: the same total and the same
// page of hits in the same order; facets flagged approximate, with the terms
// of the exact facets and counts near theirs (for terms of 100 hits or more).
func TestSampledSearchMatchesExact(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 3,000 listings")
	}
	old := sampleTarget
	t.Cleanup(func() { sampleTarget = old })

	dir := filepath.Join(t.TempDir(), "index.bleve")
	x, err := Open(dir, Options{SampleAbove: -1})
	if err != nil {
		t.Fatal(err)
	}
	for m := 0; m < 3; m++ {
		if err := x.Put(context.Background(), genResults(7, m*1000, 1000), benchStart.AddDate(0, m, 0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	exact, err := Open(dir, Options{SampleAbove: -1, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer exact.Close()
	sampled, err := Open(dir, Options{SampleAbove: 100, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer sampled.Close()

	queries := []Query{
		{Query: "*"},
		{Query: "+list:table-I +suspicious:true score:>0.8"},
		{Query: "substance:pmk +indicator:messenger-contact"},
		{Query: "ephedrine OR acetone OR pmk"},
		{Query: "*", Platforms: []string{"ChemHub", "Bazaar", "RuChem"}},
		{Query: "list:table-I", Filters: map[string][]string{"location": {"China", "India", "Netherlands", "Poland", "Germany"}}},
		{Query: "-list:table-II"},
		// Not made of terms only: the probe estimates the total.
		{Query: "score:>0.3"},
		{Query: "\"high purity\" OR \"в наличии\" OR ephedr*"},
	}
	// A sample of 300 hits is drawn from several buckets; one of 40 hits,
	// from the one probed bucket (its counts are too rough to compare).
	for _, target := range []int{300, 40} {
		sampleTarget = target
		for _, base := range queries {
			for _, sort := range []string{SortScore, SortDate, SortRelevance} {
				for _, page := range [][2]int{{20, 0}, {10, 35}, {200, 0}} {
					q := base
					q.Sort, q.Size, q.Offset, q.Facets, q.FacetSize = sort, page[0], page[1], true, 100
					want := mustSearch(t, exact, q)
					got := mustSearch(t, sampled, q)
					name := q.Query + " sort=" + sort
					if got.Total != want.Total {
						t.Errorf("%s: total %d, want %d", name, got.Total, want.Total)
					}
					if want.Approximate {
						t.Errorf("%s: exact search says approximate", name)
					}
					if want.Total >= 1000 && !got.Approximate {
						t.Errorf("%s: %d hits, facets not flagged approximate", name, want.Total)
					}
					if len(got.Hits) != len(want.Hits) {
						t.Errorf("%s size %d offset %d: %d hits, want %d", name, q.Size, q.Offset, len(got.Hits), len(want.Hits))
						continue
					}
					for i := range got.Hits {
						if got.Hits[i].ID != want.Hits[i].ID {
							t.Errorf("%s size %d offset %d: hit %d is %s, want %s", name, q.Size, q.Offset, i, got.Hits[i].ID, want.Hits[i].ID)
							break
						}
					}
					for f, terms := range got.Facets {
						if target < 300 {
							break
						}
						exactCount := map[string]int{}
						for _, ft := range want.Facets[f] {
							exactCount[ft.Term] = ft.Count
						}
						if len(terms) == 0 && len(want.Facets[f]) > 0 {
							t.Errorf("%s: facet %s empty, want %v", name, f, want.Facets[f])
						}
						estimate := map[string]int{}
						for _, ft := range terms {
							estimate[ft.Term] = ft.Count
							if _, ok := exactCount[ft.Term]; !ok && len(want.Facets[f]) < q.FacetSize {
								t.Errorf("%s: facet %s has %s, which no hit has", name, f, ft.Term)
							}
						}
						for term, n := range exactCount {
							if est := estimate[term]; n >= 100 && (est < n/2 || est > n*2) {
								t.Errorf("%s: facet %s %s estimated %d, exact %d", name, f, term, est, n)
							}
						}
					}
				}
			}
		}
	}
}
