package matchers

import "testing"

// The seventy-seventh held-out set (testdata/heldout77) is a sample of
// finished medicines named mostly by brand (Sudafed, Actifed, Clarinase,
// Claritin-D, 新康泰克, Aspirin Complex, Cafergot, Syntometrine, Proin, …)
// as pharmacies, marketplaces, classifieds and social sellers list them,
// retail and bulk, with look-alike brands without the watched substance,
// written without reading the matcher. See testdata/heldout77/README.md.
const heldout77Path = "../testdata/heldout77/listings.jsonl"

// heldout77KnownGaps are listings of the seventy-seventh held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout77KnownGaps = map[string]string{
	"yg0032": "\"Boots Decongestant x2\": Boots sells pseudoephedrine tablets and a xylometazoline nasal spray as " +
		"decongestants; without \"tablets\" the product is not certain (\"Boots Decongestant Tablets\" is a term; fix77)",
}

// TestHeldout77 measures the matcher on the seventy-seventh held-out set.
func TestHeldout77(t *testing.T) {
	measureLabelledSet(t, "held-out-77", readLabelledSet(t, heldout77Path), heldout77KnownGaps, 0.97)
}
