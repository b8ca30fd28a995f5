package matchers

import "testing"

// The seventieth held-out set (testdata/heldout70) holds numbers and
// identifiers as the world writes them: CAS numbers in Arabic-Indic, Persian,
// Devanagari, Bengali, Thai, Myanmar, fullwidth, mathematical and CJK digits,
// split over lines and fields, spelled out or with odd separators, next to
// EC/UN/HS codes, lot and phone numbers that only look like CAS numbers,
// written without reading the matcher. See testdata/heldout70/README.md.
const heldout70Path = "../testdata/heldout70/listings.jsonl"

// heldout70KnownGaps are listings of the seventieth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout70KnownGaps = map[string]string{}

// TestHeldout70 measures the matcher on the seventieth held-out set.
func TestHeldout70(t *testing.T) {
	measureLabelledSet(t, "held-out-70", readLabelledSet(t, heldout70Path), heldout70KnownGaps, 0.97)
}
