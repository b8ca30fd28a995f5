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
// listed but left out of the assertion.
var heldout21KnownGaps = map[string]string{
	"v0119": "false positive: Hindi retail ephedrine nasal drops (\"एफेड्रिन नेज़ल ड्रॉप्स 10 ml\", one bottle, prescription required) are read as the Table I chemical (+0.70), not as a retail medicine",
	"v0124": "missed: the Korean customs-pass indicator \"호주·뉴질랜드 세관 통관 100% 보장\" (100% customs clearance to Australia and New Zealand) is not recognised; MEK alone scores +0.25",
	"v0135": "false positive: a Hindi regulation article (\"एसिटिक एनहाइड्राइड की बिक्री पर नए नियम\", new rules on acetic anhydride sales) is read as an offer of the Table I chemical (+0.70)",
}

// TestHeldout21 measures the matcher on the twenty-first held-out set.
func TestHeldout21(t *testing.T) {
	measureLabelledSet(t, "held-out-21", readLabelledSet(t, heldout21Path), heldout21KnownGaps, 0.97)
}
