package matchers

import "testing"

// The fifty-eighth held-out set (testdata/heldout58) is a fresh balanced
// sample of everyday marketplace listings in 30 languages, every label
// category interleaved, written without reading the matcher.
// See testdata/heldout58/README.md.
const heldout58Path = "../testdata/heldout58/listings.jsonl"

// heldout58KnownGaps are listings of the fifty-eighth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout58KnownGaps = map[string]string{}

// TestHeldout58 measures the matcher on the fifty-eighth held-out set.
func TestHeldout58(t *testing.T) {
	measureLabelledSet(t, "held-out-58", readLabelledSet(t, heldout58Path), heldout58KnownGaps, 0.97)
}
