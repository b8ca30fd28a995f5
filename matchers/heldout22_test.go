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
	"w0218": "CAS extra 25547-51-7 (label disputable): the title's \"BMK-glycidaat\" is the watchlist's name of BMK glycidic acid, as \"BMK glycidate\" counts in the news of heldout2 k0103, heldout4 q0097 and heldout10 w0149; the label leaves it out because the reference also gives \"BMK glycidate\" to the methyl ester. The body's \"ethylglycidaat van BMK\" is now the ethyl ester (TestGap22GlycidateWordOrders)",
}

// TestHeldout22 measures the matcher on the twenty-second held-out set.
func TestHeldout22(t *testing.T) {
	measureLabelledSet(t, "held-out-22", readLabelledSet(t, heldout22Path), heldout22KnownGaps, 0.97)
}
