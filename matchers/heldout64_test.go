package matchers

import "testing"

// The sixty-fourth held-out set (testdata/heldout64) is a fresh balanced
// random sample of everyday marketplace reality (B2B portals, classifieds,
// social posts, pharmacies, forums, news, regulators' notices) in 28
// languages, one-line titles to long pages, written without reading the
// matcher.
// See testdata/heldout64/README.md.
const heldout64Path = "../testdata/heldout64/listings.jsonl"

// heldout64KnownGaps are listings of the sixty-fourth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout64KnownGaps = map[string]string{
	"yt0030": "the writer's CAS judgement call: \"3,5-bis(arylidene)-4-piperidone derivatives\" is labelled with 4-piperidone, but the 4-piperidone of a longer systematic name is read as part of that compound's name (fix62's rule for every such name)",
}

// TestHeldout64 measures the matcher on the sixty-fourth held-out set.
func TestHeldout64(t *testing.T) {
	measureLabelledSet(t, "held-out-64", readLabelledSet(t, heldout64Path), heldout64KnownGaps, 0.97)
}
