package matchers

import "testing"

// The eighty-first held-out set (testdata/heldout81) is a red-team set:
// offers written around what docs/MATCHING.md and matchers/WATCHLIST-NOTES.md
// say the matcher does and leaves out, and innocent listings that trip it,
// written without reading the matcher's code or lexicon.
// See testdata/heldout81/README.md.
const heldout81Path = "../testdata/heldout81/listings.jsonl"

// heldout81KnownGaps are listings of the eighty-first held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout81KnownGaps = map[string]string{
	// fix81a (context and indicators).
	"yc0008": "'For the henry reaction, you know' after a nitroethane + benzaldehyde combo: a named reaction as the use of the chemicals is no synthesis hint by itself (TestGap39SynthesisSlang), and the reaction frame needs its partner in the same sentence",
	"yc0072": "'Pairs well with nitroethane, for those who know what it's for': a vague wink; a rule on 'pairs well with' a reagent would flag honest catalogue and flavour text",
	"yc0177": "'Skip the pharmacy queue and the ID scan': the shape of heldout14 i0164 (the denial reaches the ID scan only through 'the pharmacy queue and'; 'skip the pharmacy queue' alone is click-and-collect wording, TestGap39SkipPharmacy)",
	"yc0232": "'Safe delivery guaranteed. We ship to Australia and New Zealand every week.': the destination stands in the next sentence; reading across sentences would flag honest shops' delivery promises (fix66, docs/MATCHING.md)",
	// fix81b (names): CAS only, the verdicts are right or another round's.
	"yc0095": "'acetone-cleaned' in the title is an unnegated mention that the description's '(not acetone)' corrects; a later denial does not cancel an earlier mention (the verdict, 'Stealth 600' read as stealth packaging, is fix81a's)",
}

// TestHeldout81 measures the matcher on the eighty-first held-out set.
func TestHeldout81(t *testing.T) {
	measureLabelledSet(t, "held-out-81", readLabelledSet(t, heldout81Path), heldout81KnownGaps, 0.97)
}
