package matchers

import "testing"

// The fourteenth held-out set (testdata/heldout14) measures risk
// indicators worded in ways the matcher has not seen: Table II
// substances, retail medicines and surveillance reagents with exactly one
// indicator each, in many languages, next to twins that use the same words
// innocently. See testdata/heldout14/README.md.
const heldout14Path = "../testdata/heldout14/listings.jsonl"

// heldout14KnownGaps are listings of the fourteenth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout14KnownGaps = map[string]string{
	"i0005": "a pharmacy word ('Original de farmacia') is a licensed-seller signal that offsets the one indicator (project decision of round 8, u0010)",
	"i0164": "'Skip the pharmacy queue and the ID scan': the denial reaches the ID scan only through 'the pharmacy queue and', and 'skip the pharmacy queue' alone is an online pharmacy's click-and-collect wording (TestGap39SkipPharmacy)",
}

// TestHeldout14 measures the matcher on the fourteenth held-out set.
func TestHeldout14(t *testing.T) {
	measureLabelledSet(t, "held-out-14", readLabelledSet(t, heldout14Path), heldout14KnownGaps, 0.97)
}
