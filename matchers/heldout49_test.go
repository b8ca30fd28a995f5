package matchers

import "testing"

// The forty-ninth held-out set (testdata/heldout49) covers less-covered
// languages and markets: South Asia, the Caucasus and Central Asia, and East
// Africa, written without reading the matcher. See testdata/heldout49/README.md.
const heldout49Path = "../testdata/heldout49/listings.jsonl"

// heldout49KnownGaps are listings of the forty-ninth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout49KnownGaps = map[string]string{
	// CAS only (Table II plain, not suspicious): Nepali spellings of
	// "permanganate" vary (परम्याङ्गनेट, परम्याङ्गानेट, परमेङ्गनेट) and
	// none could be checked; the listed Hindi पोटैशियम परमैंगनेट differs
	// in both words.
	"zr0090": "Nepali पोटासियम परम्याङ्गनेट (potassium permanganate): the writer's own transliteration, standard Nepali form not verified",
}

// TestHeldout49 measures the matcher on the forty-ninth held-out set.
func TestHeldout49(t *testing.T) {
	measureLabelledSet(t, "held-out-49", readLabelledSet(t, heldout49Path), heldout49KnownGaps, 0.97)
}
