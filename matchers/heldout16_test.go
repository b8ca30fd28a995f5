package matchers

import "testing"

// The sixteenth held-out set (testdata/heldout16) takes the angle of long,
// messy listing text as a crawler delivers it from B2B and C2C
// marketplaces: flattened spec tables, COA and MSDS boilerplate, payment
// and shipping FAQs, company profiles, "we also supply" product lists,
// breadcrumbs and menus, SEO keyword lists, platform safety tips that
// name messengers and cryptocurrency, machine-translated text, and names
// as sellers write them (salts, IUPAC variants, abbreviations, odd CAS
// spellings), in 22 languages. See testdata/heldout16/README.md.
const heldout16Path = "../testdata/heldout16/listings.jsonl"

// heldout16KnownGaps are listings of the sixteenth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout16KnownGaps = map[string]string{
	"v0065": "CAS missing 7723-14-0 (label disputable): \"as red P substitute\" reads as a substitute for red phosphorus, which the lexicon treats like \"substitute for X\" (not an offer of X); the label counts red P as named",
	"v0142": "CAS extra 4676-39-5: \"p.m.k 0il (pmk ethyl glyc1date)\"; a shared trade name now means the entry the listing names (round 39: \"p.m.k oil (pmk ethyl glycidate)\" passes), but the leading leet zero of \"0il\" is not decoded (a lone digit before two letters is also \"3ml\", \"5th\"), so the dotted \"p.m.k\" stands alone as PMK's abbreviation with chemical context",
}

// TestHeldout16 measures the matcher on the sixteenth held-out set.
func TestHeldout16(t *testing.T) {
	measureLabelledSet(t, "held-out-16", readLabelledSet(t, heldout16Path), heldout16KnownGaps, 0.97)
}
