package matchers

import "testing"

// The fifth held-out set (testdata/heldout5) was written after the matcher
// had been tuned on the corpus and on four held-out sets; it takes the
// angles of an evaluator's synthetic suite (for each rarely used watchlist
// substance a plain offer, an obfuscated offer, a negated mention, a news
// mention and a trap sharing a word; paired minimal edits), of consumer,
// B2B, lab-catalogue, Telegram, forum, classified and Q&A genres, of text
// shapes (all caps, no spaces, bullet lists, flattened tables, several
// products per listing, many units, transliterations, SMS-speak) and of
// mixed and less-covered languages. See testdata/heldout5/README.md.
const heldout5Path = "../testdata/heldout5/listings.jsonl"

// heldout5Min is the precision and recall the fifth held-out set must
// keep, for `suspicious` and for the offered CAS sets, over every listing
// that is not a known gap.
const heldout5Min = 0.97

// heldout5KnownGaps are listings of the fifth held-out set the matcher
// gets wrong for a reason not fixed yet; they are measured and listed but
// left out of the assertion.
var heldout5KnownGaps = map[string]string{
	// "4-P-A-A... sorry, A.P.A.A powder": a seller's self-corrected typo;
	// the spelled-out "P-A-A" next to "powder" reads as PAA (phenylacetic
	// acid), which is how the matcher treats PAA with chemical context.
	"r0202": "self-corrected typo '4-P-A-A… sorry, A.P.A.A' also read as PAA",
	// "BUYPMKOILONLINE": a name run together with other words in one
	// all-caps token. Finding names inside every long token would need a
	// segmentation pass over all text; glued digits and camel case are
	// handled, glued words are not.
	"r0345": "name run together with other words ('BUYPMKOILONLINE')",
}

// TestHeldout5 measures the matcher on the fifth held-out set.
func TestHeldout5(t *testing.T) {
	measureLabelledSet(t, "held-out-5", readLabelledSet(t, heldout5Path), heldout5KnownGaps, heldout5Min)
}
