package index

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
)

// TestHighlightKeepsCharactersWhole: accented text is folded for matching,
// but fragments are cut and marked at the original characters' bounds.
func TestHighlightKeepsCharactersWhole(t *testing.T) {
	x, _ := MustOpen(t, Options{})
	at := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	r := precwatch.Result{
		Listing: precwatch.Listing{ID: "fr1", Platform: "Bazaar", URL: "https://bazaar.example/ad/fr1",
			Title:       "Éphédrine 25 mg comprimés — en gros",
			Description: "Société de négoce: Éphédrine, 500 boîtes; Ähnlich: Pseudoéphédrine."},
		Match: precwatch.Match{Score: 0.9, Suspicious: true, Substances: []precwatch.SubstanceMatch{
			{ID: "ephedrine", Name: "Ephedrine", CAS: "299-42-3", List: precwatch.ListTableI}}},
	}
	if err := x.Put(context.Background(), []precwatch.Result{r}, at); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"ephedrine", "Éphédrine", "EPHEDRINE", "societe"} {
		res, err := x.Search(context.Background(), Query{Query: q, Highlight: true})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if res.Total != 1 {
			t.Fatalf("%s: %d hits, want 1", q, res.Total)
		}
		var all []string
		for _, frags := range res.Hits[0].Fragments {
			all = append(all, frags...)
		}
		if len(all) == 0 {
			t.Fatalf("%s: no fragments", q)
		}
		for _, f := range all {
			if !utf8.ValidString(f) {
				t.Errorf("%s: fragment is not valid UTF-8: %q", q, f)
			}
		}
		joined := strings.Join(all, " ")
		want := "<mark>Éphédrine</mark>"
		if q == "societe" {
			want = "<mark>Société</mark>"
		}
		if !strings.Contains(joined, want) {
			t.Errorf("%s: fragments %q lack %q", q, joined, want)
		}
	}
}
