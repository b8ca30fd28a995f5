package matchers

import "testing"

// The fortieth held-out set (testdata/heldout40) holds long, realistic
// listings (title, specs, shipping/returns/payment policies, FAQ, reviews)
// where indicator-like boilerplate surrounds ordinary goods and precursors
// and red flags are buried far apart, written without reading the matcher.
// See testdata/heldout40/README.md.
const heldout40Path = "../testdata/heldout40/listings.jsonl"

// heldout40KnownGaps are listings of the fortieth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout40KnownGaps = map[string]string{}

// TestHeldout40 measures the matcher on the fortieth held-out set.
func TestHeldout40(t *testing.T) {
	measureLabelledSet(t, "held-out-40", readLabelledSet(t, heldout40Path), heldout40KnownGaps, 0.97)
}
