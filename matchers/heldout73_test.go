package matchers

import "testing"

// The seventy-third held-out set (testdata/heldout73) is about quantities and
// units as the world writes them (packs, cartons, 件, lakh, drums, IBC totes,
// FCL, 斤, пуд, tola, arroba, local separators, MOQ, samples, pharmacy limits)
// in about thirty languages, written without reading the matcher.
// See testdata/heldout73/README.md.
const heldout73Path = "../testdata/heldout73/listings.jsonl"

// heldout73KnownGaps are listings of the seventy-third held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout73KnownGaps = map[string]string{}

// TestHeldout73 measures the matcher on the seventy-third held-out set.
func TestHeldout73(t *testing.T) {
	measureLabelledSet(t, "held-out-73", readLabelledSet(t, heldout73Path), heldout73KnownGaps, 0.97)
}
