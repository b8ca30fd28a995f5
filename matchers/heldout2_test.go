package matchers

import "testing"

// The second held-out set (testdata/heldout2) was written after the matcher
// had been tuned on the corpus and on the first held-out set; it aims at the
// ticket policy's borderline cases and at listing shapes (long catalogues,
// CAS only in attributes, seller names with substance words, title-only
// listings). See testdata/heldout2/README.md.
const heldout2Path = "../testdata/heldout2/listings.jsonl"

// heldout2Min is the precision and recall the second held-out set must keep,
// for `suspicious` and for the offered CAS sets, over every listing that is
// not a known gap.
const heldout2Min = 0.97

// heldout2KnownGaps are listings of the second held-out set the matcher gets
// wrong for a reason not fixed yet; they are measured and listed but left out
// of the assertion.
var heldout2KnownGaps = map[string]string{
	// Equipment whose description names a precursor only as what the
	// process yields ("sassafras → safrole") reads as an offer of the
	// precursor; equipment words cannot be not-substance nouns because
	// route kits sell glassware with the chemicals.
	"k0483": "equipment naming a precursor as its product",
}

// TestHeldout2 measures the matcher on the second held-out set.
func TestHeldout2(t *testing.T) {
	measureLabelledSet(t, "held-out-2", readLabelledSet(t, heldout2Path), heldout2KnownGaps, heldout2Min)
}
