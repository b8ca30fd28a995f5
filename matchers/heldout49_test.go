package matchers

import "testing"

// The forty-ninth held-out set (testdata/heldout49) covers less-covered
// languages and markets: South Asia, the Caucasus and Central Asia, and East
// Africa, written without reading the matcher. See testdata/heldout49/README.md.
const heldout49Path = "../testdata/heldout49/listings.jsonl"

// heldout49KnownGaps are listings of the forty-ninth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout49KnownGaps = map[string]string{}

// TestHeldout49 measures the matcher on the forty-ninth held-out set.
func TestHeldout49(t *testing.T) {
	measureLabelledSet(t, "held-out-49", readLabelledSet(t, heldout49Path), heldout49KnownGaps, 0.97)
}
