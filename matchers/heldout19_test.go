package matchers

import "testing"

// The nineteenth held-out set (testdata/heldout19) takes the angle of
// sellers who know they are filtered: misspelt, phonetic, transliterated,
// spaced, split and Unicode-styled names (mathematical bold/italic,
// circled, fullwidth, emoji between letters), CAS numbers written with
// slashes, dots, spaces or odd dashes, broken CAS numbers, code words and
// trade names; and risk indicators worded the way real offers word them
// ("we pack so nobody knows", "double-clearance", "reship if seized",
// "tele:", "w.i.c.k.r", "the green app", "XMR or BTC, no bank", "no Rx",
// "shipped as 'pigment'", "recipe included"), about half of the
// indicator-dependent offers carrying one indicator only, next to innocent
// listings using the same words, in 18 languages. See
// testdata/heldout19/README.md.
const heldout19Path = "../testdata/heldout19/listings.jsonl"

// heldout19KnownGaps are listings of the nineteenth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout19KnownGaps = map[string]string{
	"e0017": "suspicious miss: \"Add me on the green app: +44 555 0190\" (WhatsApp by euphemism, with a number) is not read as a messenger contact; GBL is a reagent, so the single indicator decides (label disputable: the contact is in the listing but never named)",
	"e0018": "suspicious miss: \"No docs needed\" is not read as a no-paperwork indicator (\"sem documentos\", \"без документів\" are); the only indicator of a hydriodic-acid offer",
	"e0022": "suspicious extra: \"Recipe included: almond cookies!\" on bitter almond flavour (benzaldehyde) is read as a synthesis hint; the baking context does not block it (label disputable)",
	"e0024": "suspicious miss: \"tele: @solv_555\" (Telegram abbreviated, with a handle) is not read as a messenger contact; the only indicator of an MEK offer",
	"e0073": "CAS extra 4676-39-5 missing 28578-16-7: the name is split across fields (title \"PMK ethyl\", description \"glycidate oil …\"); the title alone reads PMK and the ester is not joined across the field boundary (label disputable)",
	"e0085": "suspicious miss: \"Technical support for conversion\" is not read as a conversion hint without a named target; the only indicator of an ethyl phenylacetate offer",
	"e0091": "CAS extra 299-42-3: the name is split across fields (title \"Pseudo-\", description \"-ephedrine HCl\"); pseudoephedrine is found, but the description's \"ephedrine\" is also kept, the longest-name rule is not applied across the join",
	"e0113": "suspicious extra: \"Kein Versand ohne Papiere\" (no shipping without papers) is read as the no-paperwork indicator \"ohne Papiere\"; the negated requirement is its opposite",
	"e0114": "suspicious miss: \"Great yield with nitroethane, method on request\" is not read as a synthesis hint; the only indicator of a benzaldehyde offer",
	"e0137": "suspicious extra: a Polish forum question (\"Pytanie na forum … czy kupno pseudoefedryny … jest legalne?\") is read as an offer, the quoted \"bez dokumentów\" as an indicator",
	"e0138": "suspicious and CAS miss 25547-51-7: the CAS written with dots (\"Item 5449.12.7\") is not parsed (slashes and spaced digits are); nothing else names the substance",
	"e0156": "suspicious miss: \"Invoice says cleaning agent\" is not read as mislabelling (\"shipped as 'pigment'\" is); the only indicator of a sulfuric-acid offer",
	"e0160": "suspicious and CAS miss 28578-16-7: emoji between letters (\"P💊M💊K ethyl glycidate\") are not removed, so neither the abbreviation nor the ester name is found",
}

// TestHeldout19 measures the matcher on the nineteenth held-out set.
func TestHeldout19(t *testing.T) {
	measureLabelledSet(t, "held-out-19", readLabelledSet(t, heldout19Path), heldout19KnownGaps, 0.97)
}
