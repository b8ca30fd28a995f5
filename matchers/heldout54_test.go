package matchers

import "testing"

// The fifty-fourth held-out set (testdata/heldout54) is text as a pipeline
// gets it after OCR and machine translation: OCR slips and broken line wraps,
// run-together table columns, machine-translated offers with the original
// kept, pasted spreadsheet rows, forwards and quoted replies, written without
// reading the matcher. See testdata/heldout54/README.md.
const heldout54Path = "../testdata/heldout54/listings.jsonl"

// heldout54KnownGaps are listings of the fifty-fourth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout54KnownGaps = map[string]string{}

// TestHeldout54 measures the matcher on the fifty-fourth held-out set.
func TestHeldout54(t *testing.T) {
	measureLabelledSet(t, "held-out-54", readLabelledSet(t, heldout54Path), heldout54KnownGaps, 0.97)
}
