package matchers

import "testing"

// The sixty-first held-out set (testdata/heldout61) is about deliberate
// character-level obfuscation (mathematical alphanumerics, enclosed and
// fullwidth letters, small caps, combining marks, zero-width and bidi
// controls, homoglyphs, leetspeak, separators, obfuscated CAS numbers and
// messenger handles) and innocent listings using the same tricks, written
// without reading the matcher. See testdata/heldout61/README.md.
const heldout61Path = "../testdata/heldout61/listings.jsonl"

// heldout61KnownGaps are listings of the sixty-first held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout61KnownGaps = map[string]string{}

// TestHeldout61 measures the matcher on the sixty-first held-out set.
func TestHeldout61(t *testing.T) {
	measureLabelledSet(t, "held-out-61", readLabelledSet(t, heldout61Path), heldout61KnownGaps, 0.97)
}
