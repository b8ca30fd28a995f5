package matchers

import "testing"

// The sixty-eighth held-out set (testdata/heldout68) is a fresh balanced
// random sample of one day of a partner platform's feed: B2B chemical
// portals, classifieds, social-commerce posts, pharmacies, hobby shops,
// forums, news, regulators' notices and spam in 37 languages, about 40 %
// suspicious, written without reading the matcher.
// See testdata/heldout68/README.md.
const heldout68Path = "../testdata/heldout68/listings.jsonl"

// heldout68KnownGaps are listings of the sixty-eighth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
// yp0128 (a forum question about a ban read as an offer of safrole) was
// fixed by round fix69's question-thread reading (question.go
// questionThread).
var heldout68KnownGaps = map[string]string{}

// TestHeldout68 measures the matcher on the sixty-eighth held-out set.
func TestHeldout68(t *testing.T) {
	measureLabelledSet(t, "held-out-68", readLabelledSet(t, heldout68Path), heldout68KnownGaps, 0.97)
}
