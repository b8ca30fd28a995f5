package matchers

import "testing"

// The thirty-first held-out set (testdata/heldout31) is text as a crawler
// really gets it: misspelled and variant substance names, run-together words,
// ALL CAPS titles, truncated descriptions, HTML remnants and entities, emoji,
// CAS numbers written in odd ways, and languages mixed within one listing,
// written without reading the matcher. See testdata/heldout31/README.md.
const heldout31Path = "../testdata/heldout31/listings.jsonl"

// heldout31KnownGaps are listings of the thirty-first held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout31KnownGaps = map[string]string{}

// TestHeldout31 measures the matcher on the thirty-first held-out set.
func TestHeldout31(t *testing.T) {
	measureLabelledSet(t, "held-out-31", readLabelledSet(t, heldout31Path), heldout31KnownGaps, 0.97)
}
