package matchers

import "testing"

// The eighty-fourth held-out set (testdata/heldout84) is a fresh balanced
// sample of about two hundred listings in over thirty languages, as
// partners' feeds send them, written without reading the matcher.
// See testdata/heldout84/README.md.
const heldout84Path = "../testdata/heldout84/listings.jsonl"

// heldout84KnownGaps are listings of the eighty-fourth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout84KnownGaps = map[string]string{}

// TestHeldout84 measures the matcher on the eighty-fourth held-out set.
func TestHeldout84(t *testing.T) {
	measureLabelledSet(t, "held-out-84", readLabelledSet(t, heldout84Path), heldout84KnownGaps, 0.97)
}
