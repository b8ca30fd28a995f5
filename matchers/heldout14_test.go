package matchers

import "testing"

// The fourteenth held-out set (testdata/heldout14) measures risk
// indicators worded in ways the matcher has not seen: Table II
// substances, retail medicines and surveillance reagents with exactly one
// indicator each, in many languages, next to twins that use the same words
// innocently. See testdata/heldout14/README.md.
const heldout14Path = "../testdata/heldout14/listings.jsonl"

// heldout14KnownGaps are listings of the fourteenth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout14KnownGaps = map[string]string{}

// TestHeldout14 measures the matcher on the fourteenth held-out set.
func TestHeldout14(t *testing.T) {
	measureLabelledSet(t, "held-out-14", readLabelledSet(t, heldout14Path), heldout14KnownGaps, 0.97)
}
