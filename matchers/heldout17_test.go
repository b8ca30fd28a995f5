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
	"p0111": "CAS extra 103-79-7 (label disputable): \"tiền chất BMK\" (precursor BMK) in the title of a Vietnamese news warning is the ethyl glycidate the body names; the matcher reads the bare abbreviation with its chemical context as BMK (P-2-P). The report itself is found since round 17 (Vietnamese news words)",
}

// TestHeldout17 measures the matcher on the seventeenth held-out set.
func TestHeldout17(t *testing.T) {
	measureLabelledSet(t, "held-out-17", readLabelledSet(t, heldout17Path), heldout17KnownGaps, 0.97)
}
