package matchers

import "testing"

// The sixty-seventh held-out set (testdata/heldout67) probes two ticket-policy
// risk indicators, mislabelling ("declared as …") and conversion or synthesis
// hints, and their innocent neighbours (declared value, GHS labelling, unit and
// currency conversion, course material, custom synthesis), in 33 languages,
// written without reading the matcher. See testdata/heldout67/README.md.
const heldout67Path = "../testdata/heldout67/listings.jsonl"

// heldout67KnownGaps are listings of the sixty-seventh held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout67KnownGaps = map[string]string{}

// TestHeldout67 measures the matcher on the sixty-seventh held-out set.
func TestHeldout67(t *testing.T) {
	measureLabelledSet(t, "held-out-67", readLabelledSet(t, heldout67Path), heldout67KnownGaps, 0.97)
}
