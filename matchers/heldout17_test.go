package matchers

import "testing"

// The seventeenth held-out set (testdata/heldout17) takes the angle of
// C2C and social-commerce posts as sellers really write them: classified
// ads, Telegram/VK/marketplace posts, forum "for sale" threads and
// Instagram-style captions, with emoji, hashtags, slang, code-switching
// (Spanglish, Hinglish, Russian or Chinese with English chemistry words),
// ALL CAPS, crypto prices and glued contact handles, next to innocent
// posts that look alike (nail and cleaning supplies, vape bases, lab
// surplus with receipts, gardening, legal OTC resale, memes and news
// reposts), in 17 languages. See testdata/heldout17/README.md.
const heldout17Path = "../testdata/heldout17/listings.jsonl"

// heldout17KnownGaps are listings of the seventeenth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout17KnownGaps = map[string]string{
	"p0024": "suspicious (as found): a wanted post (\"[WTB] … Not selling. PM me.\") names safrole and isosafrole; the lexicon has no buyer-side (WTB / wanted / looking for) cue, so the names read as an offer",
	"p0061": "suspicious (as found): a forum question (\"is it legal to sell potassium permanganate?\", \"Not selling, just asking\") is read as an offer, and \"Telegram shops?\" as a messenger contact",
	"p0064": "CAS extra 103-79-7 (as found): the hashtag \"#bmk\" at the end of a BMK ethyl glycidate post is read as a separate mention of BMK (P-2-P)",
	"p0075": "suspicious (as found): an English news repost (\"Breaking: … seized in port\", \"Police seized …\") is read as an offer; \"declared as\" and the Telegram channel then count as indicators",
	"p0086": "CAS extra 25547-51-7 (label disputable): the title writes the ester name out of order (\"BMK  g l y c i d a t e  ethyl\"), which reads as the trade name \"BMK glycidate\" (BMK glycidic acid) next to the ethyl glycidate of the description",
	"p0111": "suspicious and CAS extra 103-79-7 (as found; CAS label disputable): a Vietnamese news warning (\"Bài viết: Cảnh sát cảnh báo …\") is read as an offer; \"tiền chất BMK\" in the title is the ethyl glycidate the body names, read as BMK (P-2-P)",
}

// TestHeldout17 measures the matcher on the seventeenth held-out set.
func TestHeldout17(t *testing.T) {
	measureLabelledSet(t, "held-out-17", readLabelledSet(t, heldout17Path), heldout17KnownGaps, 0.97)
}
