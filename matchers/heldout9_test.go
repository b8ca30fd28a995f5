package matchers

import "testing"

// The ninth held-out set (testdata/heldout9) was written after the matcher
// had been tuned on the corpus and on eight held-out sets; it takes the
// angle of substance-level precision and recall in products where a
// watched chemical is an ingredient, a use, a flavour or a namesake
// (perfumery, flavours, aquarium permanganate, pool acid, drain cleaner,
// iodine tincture, match strikers, wheel cleaners, nail polish remover,
// paint thinner, ergot medicines, cold medicines, ephedra), versus offered
// as the chemical, and of words and unwatched relatives that contain or
// resemble watched names. See testdata/heldout9/README.md.
const heldout9Path = "../testdata/heldout9/listings.jsonl"

// heldout9KnownGaps are listings of the ninth held-out set the matcher
// gets wrong for a reason not fixed yet; they are measured and listed but
// left out of the assertion.
var heldout9KnownGaps = map[string]string{}

// TestHeldout9 measures the matcher on the ninth held-out set.
func TestHeldout9(t *testing.T) {
	measureLabelledSet(t, "held-out-9", readLabelledSet(t, heldout9Path), heldout9KnownGaps, 0.97)
}
