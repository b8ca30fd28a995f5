package matchers

import "testing"

// The forty-third held-out set (testdata/heldout43) is a fresh balanced
// random sample from unseen marketplaces across every list, obfuscation and
// trap, written without reading the matcher. See testdata/heldout43/README.md.
const heldout43Path = "../testdata/heldout43/listings.jsonl"

// heldout43KnownGaps are listings of the forty-third held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout43KnownGaps = map[string]string{}

// TestHeldout43 measures the matcher on the forty-third held-out set.
func TestHeldout43(t *testing.T) {
	measureLabelledSet(t, "held-out-43", readLabelledSet(t, heldout43Path), heldout43KnownGaps, 0.97)
}
