package matchers

import "testing"

// The forty-seventh held-out set (testdata/heldout47) samples the grey and
// dark end of trade: darknet vendor listings and shop pages, Telegram bot
// shops and price lists, Russian dead-drop wording, broken-English exporters,
// forum threads, and traps of the same milieu (harm reduction, reagent test
// kits, police and customs releases, research abstracts, legal kratom and
// peptides, scam warnings), written without reading the matcher.
// See testdata/heldout47/README.md.
const heldout47Path = "../testdata/heldout47/listings.jsonl"

// heldout47KnownGaps are listings of the forty-seventh held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout47KnownGaps = map[string]string{}

// TestHeldout47 measures the matcher on the forty-seventh held-out set.
func TestHeldout47(t *testing.T) {
	measureLabelledSet(t, "held-out-47", readLabelledSet(t, heldout47Path), heldout47KnownGaps, 0.97)
}
