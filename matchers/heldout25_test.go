package matchers

import "testing"

// The twenty-fifth held-out set (testdata/heldout25) takes the angle of
// coverage of the whole reference watchlist: every entry of
// shared/reference/watchlist-reference.yaml that has a CAS number is named
// by two to four listings, each a different way (synonym, abbreviation with
// chemical context, salt, isomer or hydrate with its own CAS, a name in zh,
// ru, es, de, fr, nl, pl or tr, IUPAC-style or trade name), offered with
// and without indicators or only mentioned (negations, news, regulations,
// research), plus one trap per ambiguous term in its non-chemical sense,
// written without reading the matcher. See testdata/heldout25/README.md.
const heldout25Path = "../testdata/heldout25/listings.jsonl"

// heldout25KnownGaps are listings of the twenty-fifth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout25KnownGaps = map[string]string{}

// TestHeldout25 measures the matcher on the twenty-fifth held-out set.
func TestHeldout25(t *testing.T) {
	measureLabelledSet(t, "held-out-25", readLabelledSet(t, heldout25Path), heldout25KnownGaps, 0.97)
}
