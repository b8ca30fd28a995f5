package matchers

import "testing"

// The fifty-ninth held-out set (testdata/heldout59) covers the surveillance-list
// reagents of clause (b): everyday legitimate trade versus the same reagents
// with a risk indicator, written without reading the matcher.
// See testdata/heldout59/README.md.
const heldout59Path = "../testdata/heldout59/listings.jsonl"

// heldout59KnownGaps are listings of the fifty-ninth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout59KnownGaps = map[string]string{
	// CAS only, verdict right: "works instead of red phosphorus" names red P
	// as the reagent replaced; the matcher reads "instead of" as a negation,
	// as it must for a reformulated medicine ("phenylephrine instead of
	// pseudoephedrine" holds none).
	"yy0030": "'instead of red phosphorus' read as a negation; the label counts the replaced reagent as named",
}

// TestHeldout59 measures the matcher on the fifty-ninth held-out set.
func TestHeldout59(t *testing.T) {
	measureLabelledSet(t, "held-out-59", readLabelledSet(t, heldout59Path), heldout59KnownGaps, 0.97)
}
