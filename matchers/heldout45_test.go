package matchers

import "testing"

// The forty-fifth held-out set (testdata/heldout45) pits the matcher against
// adversarial sellers who know keyword filters exist (homoglyphs, split names,
// inserted punctuation and zero-width characters, IUPAC names, CAS numbers in
// words or other digit scripts, code names, obfuscated messenger contacts) and
// against innocent listings that use the same tricks, written without reading
// the matcher. See testdata/heldout45/README.md.
const heldout45Path = "../testdata/heldout45/listings.jsonl"

// heldout45KnownGaps are listings of the forty-fifth held-out set the matcher
// gets wrong for a reason not fixed yet; they are measured and listed but left
// out of the assertion.
var heldout45KnownGaps = map[string]string{}

// TestHeldout45 measures the matcher on the forty-fifth held-out set.
func TestHeldout45(t *testing.T) {
	measureLabelledSet(t, "held-out-45", readLabelledSet(t, heldout45Path), heldout45KnownGaps, 0.97)
}
