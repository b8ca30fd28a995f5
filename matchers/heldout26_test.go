package matchers

import "testing"

// The twenty-sixth held-out set (testdata/heldout26) takes the angle of
// precision under realistic legitimate chemical commerce, with hidden
// needles: about two thirds of the listings are what B2B chemical portals,
// lab-supply shops, pharmacies, cosmetics and perfumery suppliers,
// agricultural and cleaning-products stores and hobby shops (soap making,
// photography, aquarium, model engines, brewing) really list, including
// Table II solvents and acids, retail cold medicines and surveillance-list
// reagents without indicators and indicator-like words in innocent
// contexts; the rest hide real offers in the same kind of pages (a single
// buried indicator, a licence number on a Table I salt, designer
// precursors under IUPAC names or by CAS in attributes only, crypto-only
// in the price field). 40 % English, the rest in zh, ru, es, de, fr, nl,
// pl, tr, pt, it, ja, ko and ar, written without reading the matcher.
// See testdata/heldout26/README.md.
const heldout26Path = "../testdata/heldout26/listings.jsonl"

// heldout26KnownGaps are listings of the twenty-sixth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout26KnownGaps = map[string]string{}

// TestHeldout26 measures the matcher on the twenty-sixth held-out set.
func TestHeldout26(t *testing.T) {
	measureLabelledSet(t, "held-out-26", readLabelledSet(t, heldout26Path), heldout26KnownGaps, 0.97)
}
