package matchers

import "testing"

// The twenty-eighth held-out set (testdata/heldout28) is a fresh balanced
// sample of short and mid-length listings from many unseen marketplaces,
// every label category interleaved, written without reading the matcher.
// See testdata/heldout28/README.md.
const heldout28Path = "../testdata/heldout28/listings.jsonl"

// heldout28KnownGaps are listings of the twenty-eighth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout28KnownGaps = map[string]string{
	"j0068": "CAS missing 4676-39-5 (label disputable): \"Politie vond vaten met PMK en stookketels\" is a drug-lab news item whose only chemical context for the ambiguous \"PMK\" is barrels and boilers; as context words they would wake the acronym PMK (which has other meanings) in any Dutch text about vats or heating boilers; the verdict (news, not suspicious) is right; kept (round 28)",
}

// TestHeldout28 measures the matcher on the twenty-eighth held-out set.
func TestHeldout28(t *testing.T) {
	measureLabelledSet(t, "held-out-28", readLabelledSet(t, heldout28Path), heldout28KnownGaps, 0.97)
}
