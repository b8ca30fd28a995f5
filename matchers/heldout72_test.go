package matchers

import "testing"

// The seventy-second held-out set (testdata/heldout72) is a fresh balanced
// random sample of what a precursor watch sees in a day across B2B portals,
// classifieds, social posts, pharmacies, forums, news and regulators'
// notices, in 38 languages, written without reading the matcher.
// See testdata/heldout72/README.md.
const heldout72Path = "../testdata/heldout72/listings.jsonl"

// heldout72KnownGaps are listings of the seventy-second held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout72KnownGaps = map[string]string{}

// TestHeldout72 measures the matcher on the seventy-second held-out set.
func TestHeldout72(t *testing.T) {
	measureLabelledSet(t, "held-out-72", readLabelledSet(t, heldout72Path), heldout72KnownGaps, 0.97)
}
