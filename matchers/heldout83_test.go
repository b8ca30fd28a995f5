package matchers

import "testing"

// The eighty-third held-out set (testdata/heldout83) is an everyday
// haystack: ordinary listings from general marketplaces in twenty languages
// that brush against the watchlist's words, with about 9 % suspicious ones
// hidden among them, written without reading the matcher.
// See testdata/heldout83/README.md.
const heldout83Path = "../testdata/heldout83/listings.jsonl"

// heldout83KnownGaps are listings of the eighty-third held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout83KnownGaps = map[string]string{}

// TestHeldout83 measures the matcher on the eighty-third held-out set.
func TestHeldout83(t *testing.T) {
	measureLabelledSet(t, "held-out-83", readLabelledSet(t, heldout83Path), heldout83KnownGaps, 0.97)
}
