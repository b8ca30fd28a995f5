package matchers

import "testing"

// The nineteenth held-out set (testdata/heldout19) takes the angle of
// sellers who know they are filtered: misspelt, phonetic, transliterated,
// spaced, split and Unicode-styled names (mathematical bold/italic,
// circled, fullwidth, emoji between letters), CAS numbers written with
// slashes, dots, spaces or odd dashes, broken CAS numbers, code words and
// trade names; and risk indicators worded the way real offers word them
// ("we pack so nobody knows", "double-clearance", "reship if seized",
// "tele:", "w.i.c.k.r", "the green app", "XMR or BTC, no bank", "no Rx",
// "shipped as 'pigment'", "recipe included"), about half of the
// indicator-dependent offers carrying one indicator only, next to innocent
// listings using the same words, in 18 languages. See
// testdata/heldout19/README.md.
const heldout19Path = "../testdata/heldout19/listings.jsonl"

// heldout19KnownGaps are listings of the nineteenth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout19KnownGaps = map[string]string{}

// TestHeldout19 measures the matcher on the nineteenth held-out set.
func TestHeldout19(t *testing.T) {
	measureLabelledSet(t, "held-out-19", readLabelledSet(t, heldout19Path), heldout19KnownGaps, 0.97)
}
