package matchers

import "testing"

// The eighty-second held-out set (testdata/heldout82) is a red-team
// set written against the newest WATCHLIST-NOTES rules (86-91), realistic
// marketplace shapes and honest look-alikes, in 25 languages.
// See testdata/heldout82/README.md.
const heldout82Path = "../testdata/heldout82/listings.jsonl"

// heldout82KnownGaps are listings of the eighty-second held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout82KnownGaps = map[string]string{}

// TestHeldout82 measures the matcher on the eighty-second held-out set.
func TestHeldout82(t *testing.T) {
	measureLabelledSet(t, "held-out-82", readLabelledSet(t, heldout82Path), heldout82KnownGaps, 0.97)
}
