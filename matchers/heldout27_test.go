package matchers

import "testing"

// The twenty-seventh held-out set (testdata/heldout27) takes the angle of
// how traffickers on open B2B/B2C platforms really write in 2024–2026 and
// the legitimate listings that look like them: CAS-led titles, "new BMK
// powder" / "new PMK oil", "door to door", "100% pass customs", warehouses
// in the EU, conversion-yield claims, messenger handles and crypto, in
// broken English and in zh, ru, es, de, fr, nl, pl, tr, pt, vi and id,
// against flavour glycidates, non-listed piperidone and piperidine
// derivatives, benign goods with WhatsApp and "door to door", and seizure
// news, written without reading the matcher. See testdata/heldout27/README.md.
const heldout27Path = "../testdata/heldout27/listings.jsonl"

// heldout27KnownGaps are listings of the twenty-seventh held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout27KnownGaps = map[string]string{
	"f0074": "suspicious got true, CAS extra 49851-31-2 (label disputable): 2-bromovalerophenone is a designer immediate precursor (alpha-PVP) in the matcher's watchlist (entry from the project brief, WATCHLIST-NOTES §6) but not in shared/reference/watchlist-reference.yaml, to which the label rules tie labels; kept (round 27): a sourced watchlist entry is not dropped to fit a label; offered with Telegram and \"100% pass customs\", a ticket under DESIGN if the entry stands",
}

// TestHeldout27 measures the matcher on the twenty-seventh held-out set.
func TestHeldout27(t *testing.T) {
	measureLabelledSet(t, "held-out-27", readLabelledSet(t, heldout27Path), heldout27KnownGaps, 0.97)
}
