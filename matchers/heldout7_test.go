package matchers

import "testing"

// The seventh held-out set (testdata/heldout7) was written after the
// matcher had been tuned on the corpus and on six held-out sets; it takes
// the angle of listings written wholly in one non-English language as
// native sellers write them on their home marketplaces (Chinese B2B
// portals, Russian darknet shops and classified ads, Ukrainian, Latin
// American, Brazilian, Turkish, Indonesian, Vietnamese, Polish, German,
// French, Arabic, Persian and Hindi listings), with native traps. See
// testdata/heldout7/README.md.
const heldout7Path = "../testdata/heldout7/listings.jsonl"

// heldout7Min is the precision and recall the seventh held-out set must
// keep, for `suspicious` and for the offered CAS sets, over every listing
// that is not a known gap.
const heldout7Min = 0.97

// heldout7KnownGaps are listings of the seventh held-out set the matcher
// gets wrong for a reason not fixed yet; they are measured and listed but
// left out of the assertion.
var heldout7KnownGaps = map[string]string{
	// "Калия перманганат 5 г, порошок … для наружного применения … аптека":
	// the Russian pharmacy medicine carries the chemical's own name and a
	// powder form; only named medicines (medicine_names_only) make
	// potassium permanganate a medicine, and "аптека" only lowers the score.
	"t0251": "pharmacy potassium permanganate powder sold under the chemical's name",
}

// TestHeldout7 measures the matcher on the seventh held-out set.
func TestHeldout7(t *testing.T) {
	measureLabelledSet(t, "held-out-7", readLabelledSet(t, heldout7Path), heldout7KnownGaps, heldout7Min)
}
