package matchers

import "testing"

// The fifty-seventh held-out set (testdata/heldout57) is a second,
// independent sample of transliterated, romanised and mixed-script
// marketplace text as typed on phones (Arabizi, Greeklish, Hinglish,
// Finglish, Latin-script Russian/Ukrainian/Kazakh, pinyin, Jyutping, romaji,
// Korean romanisation, Thai/Vietnamese/Turkish/German/Polish/Czech/
// Hungarian/Romanian without diacritics), written without reading the
// matcher. See testdata/heldout57/README.md.
const heldout57Path = "../testdata/heldout57/listings.jsonl"

// heldout57KnownGaps are listings of the fifty-seventh held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout57KnownGaps = map[string]string{}

// TestHeldout57 measures the matcher on the fifty-seventh held-out set.
func TestHeldout57(t *testing.T) {
	measureLabelledSet(t, "held-out-57", readLabelledSet(t, heldout57Path), heldout57KnownGaps, 0.97)
}
