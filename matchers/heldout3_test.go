package matchers

import "testing"

// The third held-out set (testdata/heldout3) was written after the matcher
// had been tuned on the corpus and on the first two held-out sets; it aims
// at every watchlist entry offered once realistically and once as a trap,
// long listings with the offer buried in the middle, and sellers' English
// from Chinese and Indian B2B portals, LatAm Spanish/Portuguese and Russian
// darknet posts. See testdata/heldout3/README.md.
const heldout3Path = "../testdata/heldout3/listings.jsonl"

// heldout3Min is the precision and recall the third held-out set must keep,
// for `suspicious` and for the offered CAS sets, over every listing that is
// not a known gap.
const heldout3Min = 0.97

// heldout3KnownGaps are listings of the third held-out set the matcher gets
// wrong for a reason not fixed yet; they are measured and listed but left
// out of the assertion.
var heldout3KnownGaps = map[string]string{
	// "1-benzyl-4-anilinopiperidine" (not on the watchlist) contains the
	// Table I name "4-anilinopiperidine"; a substituted Table I name keeps
	// its hit by design (round 2, fix 5: recall first where any quantity
	// is a ticket), and "anilino" reads as aniline.
	"m0146": "substituted Table I name (1-benzyl-4-anilinopiperidine) reported as 4-AP",
	// "2-bromovalerophenone is controlled …; we no longer sell it": the
	// denial refers back to the name by a pronoun in a later clause;
	// negation cues only reach a few words from the name.
	"m0181": "denial by pronoun in a later clause ('we no longer sell it')",
	// "PMK粉" (PMK powder) is a street name of PMK methyl glycidate in the
	// vocabulary; vendors use it for the ethyl ester too ("新PMK粉" with
	// 28578-16-7). The CAS qualifier does not reach across the "/" list.
}

// TestHeldout3 measures the matcher on the third held-out set.
func TestHeldout3(t *testing.T) {
	measureLabelledSet(t, "held-out-3", readLabelledSet(t, heldout3Path), heldout3KnownGaps, heldout3Min)
}
