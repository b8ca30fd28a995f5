package matchers

import "testing"

// The sixtieth held-out set (testdata/heldout60) is a last fresh balanced
// sample from many marketplace kinds in 25+ languages, every label category,
// written without reading the matcher.
// See testdata/heldout60/README.md.
const heldout60Path = "../testdata/heldout60/listings.jsonl"

// heldout60KnownGaps are listings of the sixtieth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout60KnownGaps = map[string]string{}

// TestHeldout60 measures the matcher on the sixtieth held-out set.
func TestHeldout60(t *testing.T) {
	measureLabelledSet(t, "held-out-60", readLabelledSet(t, heldout60Path), heldout60KnownGaps, 0.97)
}
