package matchers

import "testing"

// The thirty-fourth held-out set (testdata/heldout34) is an outside-grader
// sample drawn as a random crawl of many marketplace kinds would give it,
// weighted to the most trafficked precursors and their traps, written
// without reading the matcher. See testdata/heldout34/README.md.
const heldout34Path = "../testdata/heldout34/listings.jsonl"

// heldout34KnownGaps are listings of the thirty-fourth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout34KnownGaps = map[string]string{}

// TestHeldout34 measures the matcher on the thirty-fourth held-out set.
func TestHeldout34(t *testing.T) {
	measureLabelledSet(t, "held-out-34", readLabelledSet(t, heldout34Path), heldout34KnownGaps, 0.97)
}
