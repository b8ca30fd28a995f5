package matchers

import "testing"

// The seventy-fourth held-out set (testdata/heldout74) holds listings in
// forty languages rarely seen by watch tools (Hausa, Amharic, Khmer,
// Georgian, Quechua, Yiddish, ...), written without reading the matcher.
// See testdata/heldout74/README.md.
const heldout74Path = "../testdata/heldout74/listings.jsonl"

// heldout74KnownGaps are listings of the seventy-fourth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout74KnownGaps = map[string]string{}

// TestHeldout74 measures the matcher on the seventy-fourth held-out set.
func TestHeldout74(t *testing.T) {
	measureLabelledSet(t, "held-out-74", readLabelledSet(t, heldout74Path), heldout74KnownGaps, 0.97)
}
