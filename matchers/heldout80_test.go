package matchers

import "testing"

// The eightieth held-out set (testdata/heldout80) is a fresh balanced day's
// feed of listings in many languages as a watch tool's partners would send
// it: about 40 % suspicious across every clause of the ticket policy, the
// rest the traps of a real feed, written without reading the matcher.
// See testdata/heldout80/README.md.
const heldout80Path = "../testdata/heldout80/listings.jsonl"

// heldout80KnownGaps are listings of the eightieth held-out set the matcher
// gets wrong for a reason not fixed yet; they are measured and listed but
// left out of the assertion.
var heldout80KnownGaps = map[string]string{}

// TestHeldout80 measures the matcher on the eightieth held-out set.
func TestHeldout80(t *testing.T) {
	measureLabelledSet(t, "held-out-80", readLabelledSet(t, heldout80Path), heldout80KnownGaps, 0.97)
}
