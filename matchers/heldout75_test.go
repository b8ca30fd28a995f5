package matchers

import "testing"

// The seventy-fifth held-out set (testdata/heldout75) is a fresh balanced
// random sample of what a precursor watch sees in a day, in about 35
// languages, written without reading the matcher.
// See testdata/heldout75/README.md.
const heldout75Path = "../testdata/heldout75/listings.jsonl"

// heldout75KnownGaps are listings of the seventy-fifth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout75KnownGaps = map[string]string{}

// TestHeldout75 measures the matcher on the seventy-fifth held-out set.
func TestHeldout75(t *testing.T) {
	measureLabelledSet(t, "held-out-75", readLabelledSet(t, heldout75Path), heldout75KnownGaps, 0.97)
}
