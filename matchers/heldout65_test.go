package matchers

import "testing"

// The sixty-fifth held-out set (testdata/heldout65) is made of listings that
// name many products at once: stock lists, price lists, "hot products"
// blocks, catalogue pages and bundle offers, with one or two controlled
// items hidden among ordinary chemicals or none at all, written without
// reading the matcher. See testdata/heldout65/README.md.
const heldout65Path = "../testdata/heldout65/listings.jsonl"

// heldout65KnownGaps are listings of the sixty-fifth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout65KnownGaps = map[string]string{}

// TestHeldout65 measures the matcher on the sixty-fifth held-out set.
func TestHeldout65(t *testing.T) {
	measureLabelledSet(t, "held-out-65", readLabelledSet(t, heldout65Path), heldout65KnownGaps, 0.97)
}
