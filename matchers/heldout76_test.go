package matchers

import "testing"

// The seventy-sixth held-out set (testdata/heldout76) holds listings as
// feeds and search pages give them: titles and prices with little or no
// description, bare abbreviations, salts, CAS-only titles and innocent
// look-alikes in many languages, written without reading the matcher.
// See testdata/heldout76/README.md.
const heldout76Path = "../testdata/heldout76/listings.jsonl"

// heldout76KnownGaps are listings of the seventy-sixth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout76KnownGaps = map[string]string{}

// TestHeldout76 measures the matcher on the seventy-sixth held-out set.
func TestHeldout76(t *testing.T) {
	measureLabelledSet(t, "held-out-76", readLabelledSet(t, heldout76Path), heldout76KnownGaps, 0.97)
}
