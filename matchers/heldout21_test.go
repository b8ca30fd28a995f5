package matchers

import "testing"

// The twenty-first held-out set (testdata/heldout21) takes the angle of
// realistic noisy marketplace pages and transliteration: long descriptions
// with shop boilerplate (shipping, returns, payment methods, company
// profiles), flattened spec tables, breadcrumb residue and SEO keyword
// repetition; benign shops whose templates carry risk-like words
// ("discreet packaging", "no prescription needed", "conversion kit",
// WhatsApp ordering); names transliterated into Latin script (Ukrainian,
// Hinglish, Roman Urdu, Finglish, pinyin, romaji, romanised Korean) and
// mixed-script listings, in vi, th, id, uk, fa, ur, hi, pt, ko, ja, tl and
// en. See testdata/heldout21/README.md.
const heldout21Path = "../testdata/heldout21/listings.jsonl"

// heldout21KnownGaps are listings of the twenty-first held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion. Round 21 fixed all eleven found at
// first (matchers/gaps21_test.go).
var heldout21KnownGaps = map[string]string{}

// TestHeldout21 measures the matcher on the twenty-first held-out set.
func TestHeldout21(t *testing.T) {
	measureLabelledSet(t, "held-out-21", readLabelledSet(t, heldout21Path), heldout21KnownGaps, 0.97)
}
