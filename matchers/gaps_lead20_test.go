package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// indicatorCase is a listing and whether indicator ind must be found in it.
type indicatorCase struct {
	title, desc string
	ind         string
	want        bool
}

func runIndicatorCases(t *testing.T, cases []indicatorCase) {
	t.Helper()
	m := mustMatcher(t)
	for _, tc := range cases {
		res := m.Match(&precwatch.Listing{ID: "g", Title: tc.title, Description: tc.desc})
		got := slices.ContainsFunc(res.Indicators, func(in precwatch.Indicator) bool { return in.ID == tc.ind })
		if got != tc.want {
			t.Errorf("%q | %q: indicator %s found %v, want %v; explain %q", tc.title, tc.desc, tc.ind, got, tc.want, res.Explain)
		}
	}
}

// TestGapLead20RefusedSale: a clause whose subject refuses the sale ("Nobody
// at a pharmacy is going to sell you a kilo of iodine without questions",
// document h8's answer) says papers are asked: its "without questions" is
// no no-paperwork claim. Twins: the seller's own claim, "nobody asks
// questions", a second claim joined by "and", and "no problem".
func TestGapLead20RefusedSale(t *testing.T) {
	runIndicatorCases(t, []indicatorCase{
		{"Iodine tincture", "Nobody at a pharmacy is going to sell you a kilo of iodine without questions.", IndNoPaper, false},
		{"Iodine 1 kg", "No pharmacy will sell you iodine without a prescription.", IndNoPaper, false},
		{"Iodine 1 kg", "No one will sell you iodine without ID.", IndNoPaper, false},
		{"Jod 1 kg", "Niemand verkauft dir Jod ohne Fragen.", IndNoPaper, false},
		{"Yodo 1 kg", "Ninguna farmacia te vende yodo sin receta.", IndNoPaper, false},
		{"Йод 1 кг", "Никто не продаст вам йод без рецепта.", IndNoPaper, false},
		// Twins.
		{"Iodine 1 kg", "We sell iodine without questions.", IndNoPaper, true},
		{"Iodine 1 kg", "Nobody sells cheaper and without questions.", IndNoPaper, true},
		{"Iodine 1 kg", "No problem, we sell without questions.", IndNoPaper, true},
		{"Iodine 1 kg", "Nobody asks, no questions asked.", IndNoPaper, true},
	})
}

// TestGapLead20ControlExplained: a sentence that gives the cause of a
// control ("bulk elemental iodine is a watched chemical because of meth
// labs", document h8's answer) names the drug to explain the law, not to
// hint at a synthesis. Twins: the hint said as a use, and a cause that
// states no control.
func TestGapLead20ControlExplained(t *testing.T) {
	runIndicatorCases(t, []indicatorCase{
		{"Iodine tincture 30 ml", "In the UK and US, bulk elemental iodine is a watched chemical because of meth labs.", IndSynthesis, false},
		{"Pseudoephedrine 60 mg", "Pseudoephedrine is sold behind the counter and restricted due to meth production.", IndSynthesis, false},
		{"Jod 1 kg", "Jod ist wegen Crystal-Meth kontrolliert.", IndSynthesis, false},
		// Twins.
		{"Iodine 1 kg", "Great for meth labs.", IndSynthesis, true},
		{"Iodine 1 kg", "Popular because of meth labs, fast shipping.", IndSynthesis, true},
		{"Iodine 1 kg", "Watched chemical, but ideal for meth, fast shipping.", IndSynthesis, true},
	})
}
