package matchers

import "testing"

// The fifty-second held-out set (testdata/heldout52) samples Southeast Asian
// and Pacific marketplaces in their own conventions (Shopee/Lazada-style
// titles, Carousell and Facebook groups, Kaskus-style forums, id, ms, tl, th,
// vi, km, lo, my and Pacific English), written without reading the matcher.
// See testdata/heldout52/README.md.
const heldout52Path = "../testdata/heldout52/listings.jsonl"

// heldout52KnownGaps are listings of the fifty-second held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout52KnownGaps = map[string]string{}

// TestHeldout52 measures the matcher on the fifty-second held-out set.
func TestHeldout52(t *testing.T) {
	measureLabelledSet(t, "held-out-52", readLabelledSet(t, heldout52Path), heldout52KnownGaps, 0.97)
}
