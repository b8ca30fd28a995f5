package matchers

import "testing"

// The eighth held-out set (testdata/heldout8) was written after the
// matcher had been tuned on the corpus and on seven held-out sets; it
// takes the angle of risk-indicator precision at the boundary of policy
// (b): Table II substances, retail medicines and surveillance reagents in
// ordinary commerce whose wording only looks like an indicator ("Stealth
// Black", "discreet design", DDP, "converts to", "high yield", recipes,
// product codes, "Tg:"), beside twins with a genuine indicator, and Table
// II offers with exactly one indicator in several languages. See
// testdata/heldout8/README.md.
const heldout8Path = "../testdata/heldout8/listings.jsonl"

// heldout8Min is the precision and recall the eighth held-out set must
// keep, for `suspicious` and for the offered CAS sets, over every listing
// that is not a known gap.
const heldout8Min = 0.97

// heldout8KnownGaps are listings of the eighth held-out set the matcher
// gets wrong for a reason not fixed yet; they are measured and listed but
// left out of the assertion.
var heldout8KnownGaps = map[string]string{}

// TestHeldout8 measures the matcher on the eighth held-out set.
func TestHeldout8(t *testing.T) {
	measureLabelledSet(t, "held-out-8", readLabelledSet(t, heldout8Path), heldout8KnownGaps, heldout8Min)
}
