package matchers

import "testing"

// The eighteenth held-out set (testdata/heldout18) takes the angle of B2B
// structured product records as a crawler extracts them from supplier
// platforms: the substance name or CAS number only in the attributes spec
// map behind a generic title, contacts only in the seller or attributes
// fields, prices in BTC or USDT, multi-product catalogues with one
// precursor or none, spec tables with EINECS, HS, UN and MDL numbers,
// supplier boilerplate, licensed distributors, CAS numbers one digit off a
// precursor's, look-alike substance names, ambiguous abbreviations in
// product codes and platform notices, in 19 languages. See
// testdata/heldout18/README.md.
const heldout18Path = "../testdata/heldout18/listings.jsonl"

// heldout18KnownGaps are listings of the eighteenth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout18KnownGaps = map[string]string{}

// TestHeldout18 measures the matcher on the eighteenth held-out set.
func TestHeldout18(t *testing.T) {
	measureLabelledSet(t, "held-out-18", readLabelledSet(t, heldout18Path), heldout18KnownGaps, 0.97)
}
