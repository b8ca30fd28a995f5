package matchers

import "testing"

// The fifty-third held-out set (testdata/heldout53) holds transliterated and
// code-switched listings as people type them on phones (Arabizi, Greeklish,
// Hinglish, Roman Urdu, Finglish, Russian/Ukrainian translit, mixed-script
// Serbian/Bulgarian, pinyin, romaji, Korean romanisation, languages without
// their diacritics, Spanglish, Franglais), written without reading the matcher.
// See testdata/heldout53/README.md.
const heldout53Path = "../testdata/heldout53/listings.jsonl"

// heldout53KnownGaps are listings of the fifty-third held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout53KnownGaps = map[string]string{}

// TestHeldout53 measures the matcher on the fifty-third held-out set.
func TestHeldout53(t *testing.T) {
	measureLabelledSet(t, "held-out-53", readLabelledSet(t, heldout53Path), heldout53KnownGaps, 0.97)
}
