package matchers

import "testing"

// The thirty-second held-out set (testdata/heldout32) is a grader's balanced
// sample: every label category, short and mid-length listings from many
// kinds of marketplaces in 23 languages, written without reading the matcher.
// See testdata/heldout32/README.md.
const heldout32Path = "../testdata/heldout32/listings.jsonl"

// heldout32KnownGaps are listings of the thirty-second held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout32KnownGaps = map[string]string{}

// TestHeldout32 measures the matcher on the thirty-second held-out set.
func TestHeldout32(t *testing.T) {
	measureLabelledSet(t, "held-out-32", readLabelledSet(t, heldout32Path), heldout32KnownGaps, 0.97)
}
