package matchers

import "testing"

// The thirty-third held-out set (testdata/heldout33) tests the fine line of
// clause (b) of the ticket policy:
// Table II substances, reagents and retail medicines each offered plainly
// and with one risk indicator, plus innocent look-alikes of each indicator,
// written without reading the matcher.
// See testdata/heldout33/README.md.
const heldout33Path = "../testdata/heldout33/listings.jsonl"

// heldout33KnownGaps are listings of the thirty-third held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout33KnownGaps = map[string]string{}

// TestHeldout33 measures the matcher on the thirty-third held-out set.
func TestHeldout33(t *testing.T) {
	measureLabelledSet(t, "held-out-33", readLabelledSet(t, heldout33Path), heldout33KnownGaps, 0.97)
}
