package matchers

import "testing"

// The forty-eighth held-out set (testdata/heldout48) is the legitimate
// regulated trade and its edges (RFQs and buying leads, public tenders,
// trade-data records, licensed distributors, SDS/CoA excerpts, job posts,
// market reports, surplus auctions, equipment, education) with suspicious
// offers wearing legitimate clothes hidden among them, written without
// reading the matcher. See testdata/heldout48/README.md.
const heldout48Path = "../testdata/heldout48/listings.jsonl"

// heldout48KnownGaps are listings of the forty-eighth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout48KnownGaps = map[string]string{}

// TestHeldout48 measures the matcher on the forty-eighth held-out set.
func TestHeldout48(t *testing.T) {
	measureLabelledSet(t, "held-out-48", readLabelledSet(t, heldout48Path), heldout48KnownGaps, 0.97)
}
