package matchers

import "testing"

// The thirtieth held-out set (testdata/heldout30) covers the fentanyl and
// newer designer-precursor front (4-AP, 1-boc-4-AP, norfentanyl, NPP, ANPP,
// 4-piperidone, 1-boc-4-piperidone, propionyl chloride, BMK/PMK glycidates,
// MAPA, APAA) as social-media and classified sellers write it, with
// obfuscation and look-alike traps, written without reading the matcher.
// See testdata/heldout30/README.md.
const heldout30Path = "../testdata/heldout30/listings.jsonl"

// heldout30KnownGaps are listings of the thirtieth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout30KnownGaps = map[string]string{}

// TestHeldout30 measures the matcher on the thirtieth held-out set.
func TestHeldout30(t *testing.T) {
	measureLabelledSet(t, "held-out-30", readLabelledSet(t, heldout30Path), heldout30KnownGaps, 0.97)
}
