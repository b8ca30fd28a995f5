package matchers

import "testing"

// The thirty-ninth held-out set (testdata/heldout39) takes the angle of B2B
// catalogue and spec-sheet text: supplier price lists, related-products
// blocks, certificates of analysis and SDS excerpts that carry many CAS,
// EC, UN and HS numbers, with at most a few controlled items among them,
// written without reading the matcher. See testdata/heldout39/README.md.
const heldout39Path = "../testdata/heldout39/listings.jsonl"

// heldout39KnownGaps are listings of the thirty-ninth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout39KnownGaps = map[string]string{}

// TestHeldout39 measures the matcher on the thirty-ninth held-out set.
func TestHeldout39(t *testing.T) {
	measureLabelledSet(t, "held-out-39", readLabelledSet(t, heldout39Path), heldout39KnownGaps, 0.97)
}
