package matchers

import "testing"

// The thirty-sixth held-out set (testdata/heldout36) is written as native
// sellers, buyers, journalists and officials write in 37 languages beyond the
// main nine (Arabic, Persian, Hindi, Thai, Vietnamese, Indonesian, Hebrew,
// Greek, Georgian, Kazakh, Korean, ...), on local classifieds, pharmacies,
// agricultural shops and news sites, written without reading the matcher.
// See testdata/heldout36/README.md.
const heldout36Path = "../testdata/heldout36/listings.jsonl"

// heldout36KnownGaps are listings of the thirty-sixth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout36KnownGaps = map[string]string{}

// TestHeldout36 measures the matcher on the thirty-sixth held-out set.
func TestHeldout36(t *testing.T) {
	measureLabelledSet(t, "held-out-36", readLabelledSet(t, heldout36Path), heldout36KnownGaps, 0.97)
}
