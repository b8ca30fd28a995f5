package matchers

import "testing"

// The thirty-seventh held-out set (testdata/heldout37) is an outside
// grader's random sample from a month of crawls of many marketplace kinds,
// 39 % of it in languages other than the nine main ones, written without
// reading the matcher. See testdata/heldout37/README.md.
const heldout37Path = "../testdata/heldout37/listings.jsonl"

// heldout37KnownGaps are listings of the thirty-seventh held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout37KnownGaps = map[string]string{}

// TestHeldout37 measures the matcher on the thirty-seventh held-out set.
func TestHeldout37(t *testing.T) {
	measureLabelledSet(t, "held-out-37", readLabelledSet(t, heldout37Path), heldout37KnownGaps, 0.97)
}
