package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precwatch/precwatch"
)

// TestCountBitmapsMatchesSearch counts query after query from posting
// bitmaps and by searching, over shards of several segments with deleted and
// replaced documents, and wants the same numbers; queries that are not made
// of terms only are not counted from bitmaps.
func TestCountBitmapsMatchesSearch(t *testing.T) {
	ctx := context.Background()
	x, _ := MustOpen(t, Options{BatchSize: 150})
	rs := genResults(11, 0, 900)
	for m := 0; m < 2; m++ {
		if err := x.Put(ctx, rs[m*450:(m+1)*450], benchStart.AddDate(0, m, 0)); err != nil {
			t.Fatal(err)
		}
	}
	// Replace some documents (their old versions are deleted in older
	// segments), remove others.
	changed := genResults(12, 100, 200)
	for i := range changed {
		changed[i].Listing.Platform = rs[100+i].Listing.Platform
	}
	for i := 0; i < 60; i++ {
		changed[i].Match.Substances = []precwatch.SubstanceMatch{{ID: "x", Negated: true}}
	}
	if err := x.Put(ctx, changed, benchStart.AddDate(0, 1, 0)); err != nil {
		t.Fatal(err)
	}
	if err := x.Delete(ctx, rs[700].Listing.Platform, rs[700].Listing.ID); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		query     string
		platforms []string
		filters   map[string][]string
		countable bool
	}{
		{"*", nil, nil, true},
		{"list:table-I", nil, nil, true},
		{"+list:table-I +suspicious:true score:>0.8", nil, nil, true},
		{"substance:pmk +indicator:messenger-contact", nil, nil, true},
		{"bmk glycidate", []string{"ChemHub", "Bazaar"}, nil, true},
		{"ephedrine", nil, nil, true},
		{"麻黄碱", nil, nil, true},
		{"эфедрин", nil, nil, true},
		{"ephedrine", nil, map[string][]string{"location": {"China", "Russia", "Poland", "India", "USA"}}, true},
		{"299-42-3", nil, nil, true},
		{"ephedrine -platform:ChemHub", nil, nil, true},
		{"cas:25547-51-7", nil, nil, true},
		{"+ephedrine -platform:ChemHub", nil, nil, true},
		{"*", []string{"RuChem"}, map[string][]string{"suspicious": {"true"}}, true},
		{"seller:" + rs[5].Listing.Seller + " OR seller:" + rs[6].Listing.Seller, nil, nil, true},
		{"no-such-term", nil, nil, true},
		{"\"high purity\"", nil, nil, false},
		{"score:>0.5", nil, nil, false},
		{"ephedr*", nil, nil, false},
	} {
		user, filters, err := x.compileParts(Query{Query: tc.query, Platforms: tc.platforms, Filters: tc.filters})
		if err != nil {
			t.Fatalf("compile %q: %v", tc.query, err)
		}
		plain := unscored(user, filters)
		req := bleve.NewSearchRequestOptions(plain, 0, 0, false)
		req.Score = bleve.ScoreNone
		res, err := x.alias.Search(req)
		if err != nil {
			t.Fatalf("search %q: %v", tc.query, err)
		}
		var shards []bleve.Index
		for _, s := range x.shards {
			shards = append(shards, s)
		}
		got, ok, err := countBitmaps(ctx, shards, plain)
		if err != nil {
			t.Fatalf("countBitmaps(%q): %v", tc.query, err)
		}
		if ok != tc.countable {
			t.Errorf("countBitmaps(%q): counted %v, want %v", tc.query, ok, tc.countable)
		}
		if ok && got != res.Total {
			t.Errorf("countBitmaps(%q) = %d, search counts %d", tc.query, got, res.Total)
		}
		if tc.countable && res.Total == 0 && tc.query != "no-such-term" {
			t.Errorf("%q finds nothing: not a useful case", tc.query)
		}
	}
	// A conjunction with a clause that matches nothing is not counted: in
	// a query string such a clause is skipped, not required.
	if countable(query.NewConjunctionQuery([]query.Query{query.NewMatchNoneQuery(), query.NewMatchAllQuery()})) {
		t.Errorf("countable(conjunction with match-none) = true, want false")
	}
}
