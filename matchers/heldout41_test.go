package matchers

import "testing"

// The forty-first held-out set (testdata/heldout41) is a fresh balanced
// random sample from unseen marketplaces (B2B portals, shops, classifieds,
// social posts, pharmacies, forums, dark-web vendor pages, news and
// regulators) across all lists and obfuscations, written without reading
// the matcher. See testdata/heldout41/README.md.
const heldout41Path = "../testdata/heldout41/listings.jsonl"

// heldout41KnownGaps are listings of the forty-first held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout41KnownGaps = map[string]string{}

// TestHeldout41 measures the matcher on the forty-first held-out set.
func TestHeldout41(t *testing.T) {
	measureLabelledSet(t, "held-out-41", readLabelledSet(t, heldout41Path), heldout41KnownGaps, 0.97)
}
