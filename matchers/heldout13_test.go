package matchers

import "testing"

// The thirteenth held-out set (testdata/heldout13) takes the angle of a
// general-purpose marketplace feed as a grader would sample it: most
// listings are innocent ones a careless precursor filter would flag
// (cleaning and pool chemicals, craft solvents, lab glassware, perfume
// ingredients, retail cold medicines, fertilisers, batteries, P2P / NPP /
// AA / MEK / PMK / BMK in non-chemical senses, CAS numbers of unwatched
// chemicals, news, job ads, safety data sheets, wanted posts), the rest
// genuine offers by the ticket policy over Table I, Table II with and
// without risk indicators, designer precursors and surveillance-list
// substances, written the way C2C sellers write in 22 languages. See
// testdata/heldout13/README.md.
const heldout13Path = "../testdata/heldout13/listings.jsonl"

// heldout13KnownGaps are listings of the thirteenth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout13KnownGaps = map[string]string{}

// TestHeldout13 measures the matcher on the thirteenth held-out set.
func TestHeldout13(t *testing.T) {
	measureLabelledSet(t, "held-out-13", readLabelledSet(t, heldout13Path), heldout13KnownGaps, 0.97)
}
