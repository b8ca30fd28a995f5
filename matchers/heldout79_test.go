package matchers

import "testing"

// The seventy-ninth held-out set (testdata/heldout79) is about near-miss
// chemistry: unwatched chemicals whose names, abbreviations or CAS numbers
// are close to watched ones, next to exact catalogue offers of watched
// substances (salts, isomers, hydrates, glycidates, multi-line price lists),
// in twenty languages, written without reading the matcher.
// See testdata/heldout79/README.md.
const heldout79Path = "../testdata/heldout79/listings.jsonl"

// heldout79KnownGaps are listings of the seventy-ninth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout79KnownGaps = map[string]string{}

// TestHeldout79 measures the matcher on the seventy-ninth held-out set.
func TestHeldout79(t *testing.T) {
	measureLabelledSet(t, "held-out-79", readLabelledSet(t, heldout79Path), heldout79KnownGaps, 0.97)
}
