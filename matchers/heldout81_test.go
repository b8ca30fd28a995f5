package matchers

import "testing"

// The eighty-first held-out set (testdata/heldout81) is a red-team set:
// offers written around what docs/MATCHING.md and matchers/WATCHLIST-NOTES.md
// say the matcher does and leaves out, and innocent listings that trip it,
// written without reading the matcher's code or lexicon.
// See testdata/heldout81/README.md.
const heldout81Path = "../testdata/heldout81/listings.jsonl"

// heldout81KnownGaps are listings of the eighty-first held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout81KnownGaps = map[string]string{
	// fix81b (names): CAS only, the verdicts are right or another round's.
	"yc0123": "the answer 'No' to 'do they have pseudoephedrine?' (about Wick DayMed) is read as denying every pseudoephedrine mention, the compared brand Sudafed's too",
	"yc0095": "'acetone-cleaned' in the title is an unnegated mention that the description's '(not acetone)' corrects; a later denial does not cancel an earlier mention (the verdict, 'Stealth 600' read as stealth packaging, is fix81a's)",
}

// TestHeldout81 measures the matcher on the eighty-first held-out set.
func TestHeldout81(t *testing.T) {
	measureLabelledSet(t, "held-out-81", readLabelledSet(t, heldout81Path), heldout81KnownGaps, 0.97)
}
