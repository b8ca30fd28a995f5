package matchers

import "testing"

// The fiftieth held-out set (testdata/heldout50) is a fresh balanced
// sample of everyday marketplace listings (about 40 % suspicious, 26
// languages), written without reading the matcher.
// See testdata/heldout50/README.md.
const heldout50Path = "../testdata/heldout50/listings.jsonl"

// heldout50KnownGaps are listings of the fiftieth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout50KnownGaps = map[string]string{}

// TestHeldout50 measures the matcher on the fiftieth held-out set.
func TestHeldout50(t *testing.T) {
	measureLabelledSet(t, "held-out-50", readLabelledSet(t, heldout50Path), heldout50KnownGaps, 0.97)
}
