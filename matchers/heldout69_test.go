package matchers

import "testing"

// The sixty-ninth held-out set (testdata/heldout69) is conversations rather
// than shop listings: forum threads, Q&A pages, WANTED/WTB posts, buyer RFQs,
// comment sections, group chats, legality and chemistry questions,
// harm-reduction and news discussion and scam complaints, with offers hidden
// among them, written without reading the matcher. See
// testdata/heldout69/README.md.
const heldout69Path = "../testdata/heldout69/listings.jsonl"

// heldout69KnownGaps are listings of the sixty-ninth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout69KnownGaps = map[string]string{}

// TestHeldout69 measures the matcher on the sixty-ninth held-out set.
func TestHeldout69(t *testing.T) {
	measureLabelledSet(t, "held-out-69", readLabelledSet(t, heldout69Path), heldout69KnownGaps, 0.97)
}
