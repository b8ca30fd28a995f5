package matchers

import "testing"

// The fifty-sixth held-out set (testdata/heldout56) is about finished
// medicines containing Table I substances (ephedrine, pseudoephedrine,
// norephedrine, ergometrine, ergotamine) sold worldwide: bulk or wholesale
// versus retail quantities, risk indicators, and look-alike products that do
// not contain the substance, written without reading the matcher.
// See testdata/heldout56/README.md.
const heldout56Path = "../testdata/heldout56/listings.jsonl"

// heldout56KnownGaps are listings of the fifty-sixth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout56KnownGaps = map[string]string{}

// TestHeldout56 measures the matcher on the fifty-sixth held-out set.
func TestHeldout56(t *testing.T) {
	measureLabelledSet(t, "held-out-56", readLabelledSet(t, heldout56Path), heldout56KnownGaps, 0.97)
}
