package matchers

import "testing"

// The sixty-sixth held-out set (testdata/heldout66) probes the ticket
// policy's customs-evasion clause ("safe delivery / 100% customs pass to
// named countries") and its innocent neighbours in 30 languages, written
// without reading the matcher. See testdata/heldout66/README.md.
const heldout66Path = "../testdata/heldout66/listings.jsonl"

// heldout66KnownGaps are listings of the sixty-sixth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout66KnownGaps = map[string]string{}

// TestHeldout66 measures the matcher on the sixty-sixth held-out set.
func TestHeldout66(t *testing.T) {
	measureLabelledSet(t, "held-out-66", readLabelledSet(t, heldout66Path), heldout66KnownGaps, 0.97)
}
