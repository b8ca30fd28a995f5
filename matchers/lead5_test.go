package matchers

import (
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestNamedNothingIsEmpty: a listing whose only substance-term hits fail
// the word test (a short term at the start of a longer word) names no
// substance, so its result is empty as Match's doc comment says: no
// bulk-quantity indicator, no licensed-seller line (was: the early exit
// looked at raw hits, and "USD 700/ton" gave an indicator with no
// substance).
func TestNamedNothingIsEmpty(t *testing.T) {
	m := testMatcher(t)
	for _, l := range []precwatch.Listing{
		{ID: "c0225", Title: "Citric acid monohydrate CAS 5949-29-1 - Telegram for price",
			Description: "Citric acid monohydrate BP98, CAS 5949-29-1. Contact Telegram @citric_sales for best price.",
			Price:       "USD 700/ton", Seller: "Guangzhou Huacheng Import&Export"},
		{ID: "steel", Title: "High grade steel coils, 20 tons in stock", Price: "USD 700/ton",
			Description: "Contact us for highest quality hot rolled coils, 25 ton minimum order."},
	} {
		got := m.Match(&l)
		if len(got.Substances) != 0 || len(got.Indicators) != 0 || len(got.Observables) != 0 || len(got.Explain) != 0 || got.Score != 0 {
			t.Errorf("%s: names no substance, want an empty result; got substances %v, indicators %v, explain %q, score %v",
				l.ID, got.Substances, got.Indicators, got.Explain, got.Score)
		}
	}
}

// TestLooseCASStaysInItsField: the loose CAS reading of one field looks
// only at that field's mentions. Was: a title's CAS number was compared
// with and sorted among the description's, so the description's spelled
// CAS was reported in the title at the description's offsets and the
// title's own number was lost.
func TestLooseCASStaysInItsField(t *testing.T) {
	m := testMatcher(t)
	l := precwatch.Listing{ID: "x", Title: strings.Repeat("x", 40) + " CAS 108-88-3",
		Description: "not for sale: cas five four four nine - one two - seven"}
	got := m.Match(&l)
	type key struct{ cas, field string }
	seen := map[key]bool{}
	for _, s := range got.Substances {
		for _, h := range s.Hits {
			if h.Kind != "cas" {
				continue
			}
			seen[key{h.Term, h.Field}] = true
			text := l.Title
			if h.Field == precwatch.FieldDescription {
				text = l.Description
			}
			if h.Start < 0 || h.End > len(text) || h.Start >= h.End {
				t.Errorf("%s hit in %s at %d-%d: outside the field (%d bytes)", s.CAS, h.Field, h.Start, h.End, len(text))
			} else if !strings.ContainsAny(text[h.Start:h.End], "0123456789") && h.Field == precwatch.FieldTitle {
				t.Errorf("%s hit in the title at %d-%d reads %q, no digits", s.CAS, h.Start, h.End, text[h.Start:h.End])
			}
		}
	}
	if !seen[key{"108-88-3", precwatch.FieldTitle}] {
		t.Errorf("the title's CAS 108-88-3 is lost; hits: %+v", got.Substances)
	}
	if !seen[key{"5449-12-7", precwatch.FieldDescription}] {
		t.Errorf("the description's spelled CAS 5449-12-7 is not reported in the description; hits: %+v", got.Substances)
	}
}
