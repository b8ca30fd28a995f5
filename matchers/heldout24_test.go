package matchers

import "testing"

// The twenty-fourth held-out set (testdata/heldout24) takes the angle of a
// grader's sample in the nine main languages: every label category of the
// corpus in roughly equal measure (7–12 listings each), about a quarter in
// English and the rest in zh, ru, es, de, fr, nl, pl and tr (8–11 % each),
// from B2B chemical portals, C2C classifieds, channel posts, pharmacies,
// forums and news or regulator pages, written without reading the matcher.
// See testdata/heldout24/README.md.
const heldout24Path = "../testdata/heldout24/listings.jsonl"

// heldout24KnownGaps are listings of the twenty-fourth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout24KnownGaps = map[string]string{}

// TestHeldout24 measures the matcher on the twenty-fourth held-out set.
func TestHeldout24(t *testing.T) {
	measureLabelledSet(t, "held-out-24", readLabelledSet(t, heldout24Path), heldout24KnownGaps, 0.97)
}
