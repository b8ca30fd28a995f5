package matchers

import "testing"

// The thirty-fifth held-out set (testdata/heldout35) looks at the contact
// and payment side of offers: obfuscated messenger handles, crypto-only
// payment, and legitimate sellers with ordinary business contacts, share
// widgets, scam warnings and reviews, written without reading the matcher.
// See testdata/heldout35/README.md.
const heldout35Path = "../testdata/heldout35/listings.jsonl"

// heldout35KnownGaps are listings of the thirty-fifth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout35KnownGaps = map[string]string{}

// TestHeldout35 measures the matcher on the thirty-fifth held-out set.
func TestHeldout35(t *testing.T) {
	measureLabelledSet(t, "held-out-35", readLabelledSet(t, heldout35Path), heldout35KnownGaps, 0.97)
}
