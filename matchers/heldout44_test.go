package matchers

import "testing"

// The forty-fourth held-out set (testdata/heldout44) samples Asian and
// Middle-Eastern marketplaces in their own conventions (Chinese B2B, IndiaMART,
// Korean, Japanese, Vietnamese, Thai, Indonesian/Malay, Persian, Arabic and
// Turkish classifieds), written without reading the matcher.
// See testdata/heldout44/README.md.
const heldout44Path = "../testdata/heldout44/listings.jsonl"

// heldout44KnownGaps are listings of the forty-fourth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout44KnownGaps = map[string]string{}

// TestHeldout44 measures the matcher on the forty-fourth held-out set.
func TestHeldout44(t *testing.T) {
	measureLabelledSet(t, "held-out-44", readLabelledSet(t, heldout44Path), heldout44KnownGaps, 0.97)
}
