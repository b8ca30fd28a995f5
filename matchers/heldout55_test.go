package matchers

import "testing"

// The fifty-fifth held-out set (testdata/heldout55) is a balanced sample in
// which each listing's facts are spread over every field of the match input
// (title, description, price, seller, location and attributes) as
// marketplace APIs and crawlers deliver them, written without reading the
// matcher. See testdata/heldout55/README.md.
const heldout55Path = "../testdata/heldout55/listings.jsonl"

// heldout55KnownGaps are listings of the fifty-fifth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout55KnownGaps = map[string]string{}

// TestHeldout55 measures the matcher on the fifty-fifth held-out set.
func TestHeldout55(t *testing.T) {
	measureLabelledSet(t, "held-out-55", readLabelledSet(t, heldout55Path), heldout55KnownGaps, 0.97)
}
