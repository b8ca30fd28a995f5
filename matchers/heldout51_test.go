package matchers

import "testing"

// The fifty-first held-out set (testdata/heldout51) is a last fresh balanced
// sample of short listings (classifieds, chat posts) in 29 languages,
// every label category interleaved, written without reading the matcher.
// See testdata/heldout51/README.md.
const heldout51Path = "../testdata/heldout51/listings.jsonl"

// heldout51KnownGaps are listings of the fifty-first held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout51KnownGaps = map[string]string{}

// TestHeldout51 measures the matcher on the fifty-first held-out set.
func TestHeldout51(t *testing.T) {
	measureLabelledSet(t, "held-out-51", readLabelledSet(t, heldout51Path), heldout51KnownGaps, 0.97)
}
