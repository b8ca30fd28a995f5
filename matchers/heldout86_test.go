package matchers

import "testing"

// The eighty-sixth held-out set (testdata/heldout86) gives depth in big,
// under-covered languages (Indic, Ethiopic, Arabic-script, Burmese, Khmer,
// African Latin-script), written without reading the matcher.
// See testdata/heldout86/README.md.
const heldout86Path = "../testdata/heldout86/listings.jsonl"

// heldout86KnownGaps are listings of the eighty-sixth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout86KnownGaps = map[string]string{}

// TestHeldout86 measures the matcher on the eighty-sixth held-out set.
func TestHeldout86(t *testing.T) {
	measureLabelledSet(t, "held-out-86", readLabelledSet(t, heldout86Path), heldout86KnownGaps, 0.97)
}
