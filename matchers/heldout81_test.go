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
var heldout81KnownGaps = map[string]string{}

// TestHeldout81 measures the matcher on the eighty-first held-out set.
func TestHeldout81(t *testing.T) {
	measureLabelledSet(t, "held-out-81", readLabelledSet(t, heldout81Path), heldout81KnownGaps, 0.97)
}
