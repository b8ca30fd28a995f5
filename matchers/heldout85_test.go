package matchers

import "testing"

// The eighty-fifth held-out set (testdata/heldout85) is a red-team set written
// against the documented rules (docs/MATCHING.md, WATCHLIST-NOTES 86-95):
// traffickers who studied the tool and honest sellers who trip it.
// See testdata/heldout85/README.md.
const heldout85Path = "../testdata/heldout85/listings.jsonl"

// heldout85KnownGaps are listings of the eighty-fifth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout85KnownGaps = map[string]string{
	// fix85a: "Uksyhappoanhydridi" is no Finnish name (acetic acid is "etikkahappo"; "uksus-" is the
	// Russian stem), so the watchlist's "etikkahappoanhydridi" cannot find it and a coined word is not added.
	"xy0026": "coined name uksyhappoanhydridi (Finnish is etikkahappoanhydridi)",
}

// TestHeldout85 measures the matcher on the eighty-fifth held-out set.
func TestHeldout85(t *testing.T) {
	measureLabelledSet(t, "held-out-85", readLabelledSet(t, heldout85Path), heldout85KnownGaps, 0.97)
}
