package matchers

import "testing"

// The eleventh held-out set (testdata/heldout11) was written after the
// matcher had been tuned on the corpus and on ten held-out sets; it takes
// the angle of an adaptive adversary: sellers who know keyword filters
// exist and write names, CAS numbers and contact details so that a buyer
// still reads them and a filter does not (homoglyphs of other scripts,
// enclosed and mathematical letters, combining marks, format and bidi
// controls, split and reversed words, obfuscated CAS digits, vendor code
// words, hidden contacts), and in equal measure honest listings that look
// like evasion. See testdata/heldout11/README.md.
const heldout11Path = "../testdata/heldout11/listings.jsonl"

// heldout11KnownGaps are listings of the eleventh held-out set the matcher
// gets wrong for a reason not fixed yet; they are measured and listed but
// left out of the assertion.
var heldout11KnownGaps = map[string]string{
	// Round 39: doubled, tripled and dropped letters, reversed words and
	// ROT13 are read without a second scan: the names of Table I and
	// designer precursors are compiled in those spellings too
	// (spellingVariants), and cut messenger names likewise (x0062–x0068,
	// x0150, x0199, x0207, x0120 left the gaps).
	// A letter for a letter that is no look-alike of another script.
	"x0149": "'|' for 'l' (Pheny|acetone): read as a separator, which joins 'phenyacetone'; reading '|' as 'l' would misread tables and lists",
	// Indicators split where no vocabulary can list every cut.
	// CAS numbers the loose reading does not reach.
}

// TestHeldout11 measures the matcher on the eleventh held-out set.
func TestHeldout11(t *testing.T) {
	measureLabelledSet(t, "held-out-11", readLabelledSet(t, heldout11Path), heldout11KnownGaps, 0.97)
}
