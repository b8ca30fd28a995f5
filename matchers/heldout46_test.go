package matchers

import "testing"

// The forty-sixth held-out set (testdata/heldout46) is classifieds and B2B
// marketplaces of Latin America, Africa, Eastern Europe and the Balkans in
// their own languages and conventions, written without reading the matcher.
// See testdata/heldout46/README.md.
const heldout46Path = "../testdata/heldout46/listings.jsonl"

// heldout46KnownGaps are listings of the forty-sixth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout46KnownGaps = map[string]string{}

// TestHeldout46 measures the matcher on the forty-sixth held-out set.
func TestHeldout46(t *testing.T) {
	measureLabelledSet(t, "held-out-46", readLabelledSet(t, heldout46Path), heldout46KnownGaps, 0.97)
}
