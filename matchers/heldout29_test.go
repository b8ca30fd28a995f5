package matchers

import "testing"

// The twenty-ninth held-out set (testdata/heldout29) is structured B2B
// listings with attribute tables and spec sheets, each carrying its portal's
// site-wide boilerplate (payment badges, share widgets, contact buttons),
// written without reading the matcher. See testdata/heldout29/README.md.
const heldout29Path = "../testdata/heldout29/listings.jsonl"

// heldout29KnownGaps are listings of the twenty-ninth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout29KnownGaps = map[string]string{}

// TestHeldout29 measures the matcher on the twenty-ninth held-out set.
func TestHeldout29(t *testing.T) {
	measureLabelledSet(t, "held-out-29", readLabelledSet(t, heldout29Path), heldout29KnownGaps, 0.97)
}
