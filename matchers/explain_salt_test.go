package matchers

import (
	"slices"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestExplainSaltMarker: a salt marker after a substance's name ("Efedrin
// HCl") is explained as such, not as an ambiguous term that lacked
// chemical context (the listing is full of chemical context).
func TestExplainSaltMarker(t *testing.T) {
	m := mustMatcher(t)
	want := `term "HCl" after another substance's name (its salt or a qualifier): ignored`
	for _, title := range []string{"Efedrin HCl 500 g", "Efedryna HCl 1 kg, czystość 99%"} {
		got := m.Match(&precwatch.Listing{ID: "x", Title: title, Description: "99%, licence required"})
		if !slices.Contains(got.Explain, want) {
			t.Errorf("%s: explain = %q, want the line %q", title, got.Explain, want)
		}
		for _, l := range got.Explain {
			if strings.Contains(l, "without chemical context") {
				t.Errorf("%s: explain line %q: the listing has chemical context", title, l)
			}
		}
	}
}
