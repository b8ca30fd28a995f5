package matchers

import "testing"

// The thirty-eighth held-out set (testdata/heldout38) is a fresh balanced
// sample drawn as an outside grader would draw it after the latest round of
// fixes: every label category, many marketplace kinds, about half in the
// main nine languages, written without reading the matcher.
// See testdata/heldout38/README.md.
const heldout38Path = "../testdata/heldout38/listings.jsonl"

// heldout38KnownGaps are listings of the thirty-eighth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout38KnownGaps = map[string]string{}

// TestHeldout38 measures the matcher on the thirty-eighth held-out set.
func TestHeldout38(t *testing.T) {
	measureLabelledSet(t, "held-out-38", readLabelledSet(t, heldout38Path), heldout38KnownGaps, 0.97)
}
