package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// casesOf returns the CAS numbers of the substances found (not negated) in
// a listing.
func casesOf(m *Matcher, title, desc string) []string {
	got := m.Match(&precwatch.Listing{Title: title, Description: desc})
	var cas []string
	for _, s := range got.Substances {
		if !s.Negated {
			cas = append(cas, s.CAS)
		}
	}
	return cas
}

// TestGap19NoDocs: "No docs needed", "no documents required", "docs not
// required" deny the paperwork like "no paperwork" (heldout19 e0018).
// Documents that come with the product are no denial.
func TestGap19NoDocs(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL, stabilised. No docs needed.", true},
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL. Docs not required.", true},
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL. No documents required.", true},
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL. No documents needed.", true},
		{"es", "Ácido yodhídrico 57% 250 mL", "Ácido yodhídrico 57%, 250 mL. Documentos no necesarios.", true},
		// Documents supplied are no denial.
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL. Docs (COA, MSDS) included.", false},
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL. Shipping docs provided.", false},
	})
}
