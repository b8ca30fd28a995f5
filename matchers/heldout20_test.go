package matchers

import "testing"

// The twentieth held-out set (testdata/heldout20) takes the angle of a
// balanced random sample, as an outside grader would draw it from several
// kinds of marketplace (B2B chemical platforms, C2C classifieds,
// social-commerce posts, pharmacy shops, vendor forums), across every label
// category in roughly equal measure, in 13 languages including he, el, ro,
// hu, cs, sv, fi, ms, bn, sw and ka, with the newer CND scheduling
// decisions (4-piperidone, 1-boc-4-piperidone, norfentanyl, MAMDPA, DEPAPD,
// hydroxylimine). See testdata/heldout20/README.md.
const heldout20Path = "../testdata/heldout20/listings.jsonl"

// heldout20KnownGaps are listings of the twentieth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout20KnownGaps = map[string]string{}

// TestHeldout20 measures the matcher on the twentieth held-out set.
func TestHeldout20(t *testing.T) {
	measureLabelledSet(t, "held-out-20", readLabelledSet(t, heldout20Path), heldout20KnownGaps, 0.97)
}
