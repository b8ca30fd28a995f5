package matchers

import "testing"

// The twenty-third held-out set (testdata/heldout23) takes the angle of a
// balanced sample as an outside grader would draw it: every label category
// of the corpus in roughly equal measure (6–10 listings each), from B2B
// chemical portals, C2C classifieds, Telegram-style channel posts,
// pharmacies, vendor forums and news or regulator pages, about 30 % in
// English, 40 % in zh, ru, es, de, fr, nl, pl and tr and 30 % in less
// common languages (ar, fa, hi, ur, vi, th, id, ms, uk, pt, it, ko, ja,
// he, el, ro, hu, cs, sv, fi, bn, sw), written without reading the matcher.
// See testdata/heldout23/README.md.
const heldout23Path = "../testdata/heldout23/listings.jsonl"

// heldout23KnownGaps are listings of the twenty-third held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout23KnownGaps = map[string]string{}

// TestHeldout23 measures the matcher on the twenty-third held-out set.
func TestHeldout23(t *testing.T) {
	measureLabelledSet(t, "held-out-23", readLabelledSet(t, heldout23Path), heldout23KnownGaps, 0.97)
}
