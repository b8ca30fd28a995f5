package matchers

import "testing"

// The sixty-third held-out set (testdata/heldout63) samples the everyday
// retail and hobby trade in Table I/II and surveillance-list chemicals
// (hardware, pool, aquarium, darkroom, soap and perfumery, pharmacy, herbal
// ephedra), where honest sellers use phrases that look like risk indicators,
// written without reading the matcher. See testdata/heldout63/README.md.
const heldout63Path = "../testdata/heldout63/listings.jsonl"

// heldout63KnownGaps are listings of the sixty-third held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout63KnownGaps = map[string]string{}

// TestHeldout63 measures the matcher on the sixty-third held-out set.
func TestHeldout63(t *testing.T) {
	measureLabelledSet(t, "held-out-63", readLabelledSet(t, heldout63Path), heldout63KnownGaps, 0.97)
}
