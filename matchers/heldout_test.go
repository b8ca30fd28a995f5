package matchers

import "testing"

// The held-out set (testdata/heldout) was written after the matcher had
// been tuned on the corpus; it measures how the matcher does on listings it
// was never tuned on. See testdata/heldout/README.md.
const heldoutPath = "../testdata/heldout/listings.jsonl"

// heldoutMin is the precision and recall the held-out set must keep, for
// `suspicious` and for the offered CAS sets, over every listing that is not a
// known code-level gap.
const heldoutMin = 0.97

// heldoutKnownGaps are listings the matcher gets wrong for a reason the
// vocabulary cannot fix (a rule of the Go code would have to change). They
// are measured and listed like the others but left out of the assertion;
// the test logs when one of them starts to pass, so it can be removed here.
var heldoutKnownGaps = map[string]string{}

// TestHeldout measures the matcher on the first held-out set; with -v (or
// HELDOUT_FAILURES set) it lists every listing it gets wrong.
func TestHeldout(t *testing.T) {
	measureLabelledSet(t, "held-out", readLabelledSet(t, heldoutPath), heldoutKnownGaps, heldoutMin)
}
