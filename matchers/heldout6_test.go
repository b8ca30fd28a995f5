package matchers

import "testing"

// The sixth held-out set (testdata/heldout6) was written after the matcher
// had been tuned on the corpus and on five held-out sets; it takes the
// angles of listings as they appear on B2B chemical portals (keyword-stuffed
// titles with several CAS numbers, hot-product lists, spec tables flattened
// to text, IUPAC names, salt and isomer CAS numbers), of their legitimate
// look-alikes (distributor catalogue pages, near CAS numbers of unwatched
// chemicals, isomers and analogues, reagents, APIs), of darknet vendor
// shops and messenger group exports, and of the policy's retail/bulk
// boundary on medicines. See testdata/heldout6/README.md.
const heldout6Path = "../testdata/heldout6/listings.jsonl"

// heldout6Min is the precision and recall the sixth held-out set must
// keep, for `suspicious` and for the offered CAS sets, over every listing
// that is not a known gap.
const heldout6Min = 0.97

// heldout6KnownGaps are listings of the sixth held-out set the matcher
// gets wrong for a reason not fixed yet; they are measured and listed but
// left out of the assertion.
var heldout6KnownGaps = map[string]string{
	// "Ephedrine HCl pellets for livestock feed? — NO. Betaine HCl …": the
	// question holds more than the name, so the bare-name question rule
	// (TestGap6BareNameQuestion) does not apply; widening it would deny
	// "Acetone-based nail primer? No: …" (h0432), which names acetone.
	"s0187": "a question about a product named after the substance, answered 'NO'",
	// "Platform removes … listings — offers of P-2-P, PMK glycidate and
	// 1-boc-4-piperidone": 'platform' in a short title blocks P-2-P (P2P
	// platforms) although two unambiguous precursors stand next to it.
	"s0288": "'platform' in a short news title blocks P-2-P listed beside other precursors",
}

// TestHeldout6 measures the matcher on the sixth held-out set.
func TestHeldout6(t *testing.T) {
	measureLabelledSet(t, "held-out-6", readLabelledSet(t, heldout6Path), heldout6KnownGaps, heldout6Min)
}
