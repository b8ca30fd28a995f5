package matchers

import "testing"

// The seventy-first held-out set (testdata/heldout71) is about negation and
// ambiguity: "free of X" / "without X" in 41 languages, negations that do not
// negate the offer ("no prescription", "not the PE stuff"), and short names
// (P2P, PMK, BMK, MEK, AA, GBL, HCl, NPP, APAA, MAPA, ...) in their innocent
// and their chemical senses, written without reading the matcher. See
// testdata/heldout71/README.md.
const heldout71Path = "../testdata/heldout71/listings.jsonl"

// heldout71KnownGaps are listings of the seventy-first held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout71KnownGaps = map[string]string{}

// TestHeldout71 measures the matcher on the seventy-first held-out set.
func TestHeldout71(t *testing.T) {
	measureLabelledSet(t, "held-out-71", readLabelledSet(t, heldout71Path), heldout71KnownGaps, 0.97)
}
