package matchers

import "testing"

// The twenty-second held-out set (testdata/heldout22) takes the angle of a
// realistic base rate on general marketplaces: about 220 listings from C2C
// classifieds, B2C shops, pharmacies, hardware and hobby stores, B2B portals
// and news sites, of which only 14 % are suspicious. The benign listings are
// dense with near-misses (retail acetone, drain cleaners, pool acid, thinners,
// iodine tincture, matches, cold medicines, negated supplements, brands and
// part codes, indicator words without a substance), so the set measures the
// false-positive rate a trust-and-safety team would see. Languages: en, de,
// fr, es, it, nl, pl, ru, tr, zh, ar, pt. See testdata/heldout22/README.md.
const heldout22Path = "../testdata/heldout22/listings.jsonl"

// heldout22KnownGaps are listings of the twenty-second held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout22KnownGaps = map[string]string{
	"w0165": "CAS extra 4676-39-5: Polish \"Glicydan etylowy PMK\" (PMK ethyl glycidate, noun-first word order) is found from its CAS, and the bare PMK is counted as a second substance; the verdict is right",
	"w0171": "CAS extra 13605-48-6 (label disputable): the title's \"PMK glycidate esters\" (the group of esters) is read as the reference trade name \"PMK glycidate\" of PMK methyl glycidate; the verdict is right",
	"w0191": "false positive: a water-treatment consulting service that designs filters \"regenerated with potassium permanganate\" is read as the chemical offered (+0.70)",
	"w0218": "CAS extra 103-79-7 and 25547-51-7, missing 41232-97-7: Dutch news \"ethylglycidaat van BMK\" / \"BMK-glycidaat\" is read as P-2-P plus BMK glycidic acid, not as BMK ethyl glycidate; the verdict (news, not suspicious) is right",
}

// TestHeldout22 measures the matcher on the twenty-second held-out set.
func TestHeldout22(t *testing.T) {
	measureLabelledSet(t, "held-out-22", readLabelledSet(t, heldout22Path), heldout22KnownGaps, 0.97)
}
