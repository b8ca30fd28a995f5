package matchers

import "testing"

// The sixty-second held-out set (testdata/heldout62) names substances the
// way chemists and catalogues do: IUPAC and CAS-index systematic names with
// locants, stereodescriptors, salts and hydrates, translated systematic
// names, formulas, SMILES, EC numbers, and close uncontrolled isomers as
// traps, written without reading the matcher. See testdata/heldout62/README.md.
const heldout62Path = "../testdata/heldout62/listings.jsonl"

// heldout62KnownGaps are listings of the sixty-second held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout62KnownGaps = map[string]string{
	// A SMILES string is a structure, not a name: the watchlist holds no
	// SMILES (the reference gives none), and one string per substance
	// would catch only one of the many valid SMILES of a structure
	// ("CC(=O)Cc1ccc2OCOc2c1", "O=C(C)Cc1ccc2OCOc2c1",
	// "CC(=O)CC1=CC2=C(C=C1)OCO2"); reading them needs a SMILES
	// canonicaliser, a parser and graph canonicalisation the matcher does
	// not have.
	"yv0128": "PMK given only as a SMILES string: no SMILES terms or canonicaliser",
}

// TestHeldout62 measures the matcher on the sixty-second held-out set.
func TestHeldout62(t *testing.T) {
	measureLabelledSet(t, "held-out-62", readLabelledSet(t, heldout62Path), heldout62KnownGaps, 0.97)
}
