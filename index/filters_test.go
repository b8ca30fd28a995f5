package index

import (
	"path/filepath"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestFilterValuesAsTyped: filter values match as the query syntax's do —
// keyword values in any case, a CAS number without dashes — while the
// caller's platform scope stays exact; "*:*" (Lucene's match-all) matches
// every listing like "*".
func TestFilterValuesAsTyped(t *testing.T) {
	var listings []precwatch.Result
	readJSON(t, filepath.Join("..", "testdata", "search", "multilingual", "listings.json"), &listings)
	x, _ := MustOpen(t, Options{})
	putBySeenTime(t, x, listings)
	total := func(q Query) uint64 {
		t.Helper()
		res, err := x.Search(t.Context(), q)
		if err != nil {
			t.Fatalf("Search(%+v): %v", q, err)
		}
		return res.Total
	}
	for _, c := range []struct {
		name          string
		exact, asType Query
	}{
		{"platform in lower case", Query{Query: "*", Filters: map[string][]string{"platform": {"ChemHub"}}},
			Query{Query: "*", Filters: map[string][]string{"platform": {"chemhub"}}}},
		{"cas without dashes", Query{Query: "*", Filters: map[string][]string{"cas": {"25547-51-7"}}},
			Query{Query: "*", Filters: map[string][]string{"cas": {"25547517"}}}},
		{"list in another case", Query{Query: "*", Filters: map[string][]string{"list": {"table-I"}}},
			Query{Query: "*", Filters: map[string][]string{"list": {"Table-i"}}}},
		{"Lucene match-all", Query{Query: "*"}, Query{Query: "*:*"}},
	} {
		want := total(c.exact)
		if want == 0 {
			t.Fatalf("%s: %+v finds nothing; the fixture should", c.name, c.exact)
		}
		if got := total(c.asType); got != want {
			t.Errorf("%s: %+v finds %d, want %d like %+v", c.name, c.asType, got, want, c.exact)
		}
	}
	if got := total(Query{Query: "*", Platforms: []string{"chemhub"}}); got != 0 {
		t.Errorf("scope Platforms [chemhub]: %d hits, want 0 (a scope is exact)", got)
	}
}
