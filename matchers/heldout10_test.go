package matchers

import "testing"

// The tenth held-out set (testdata/heldout10) was written after the matcher
// had been tuned on the corpus and on nine held-out sets; it takes the
// angle of listings as a crawler actually gets them: long messy B2B, B2C,
// classifieds and Telegram-channel pages (spec tables flattened to text,
// company profiles, FAQ, reviews, cross-sell lines, SEO tags, shipping
// boilerplate), multi-product price lists and seller shop pages, titles and
// descriptions in different languages, and the watchlist entries and
// languages the earlier sets used least. See testdata/heldout10/README.md.
const heldout10Path = "../testdata/heldout10/listings.jsonl"

// heldout10KnownGaps are listings of the tenth held-out set the matcher
// gets wrong for a reason not fixed yet; they are measured and listed but
// left out of the assertion.
var heldout10KnownGaps = map[string]string{}

// TestHeldout10 measures the matcher on the tenth held-out set.
func TestHeldout10(t *testing.T) {
	measureLabelledSet(t, "held-out-10", readLabelledSet(t, heldout10Path), heldout10KnownGaps, 0.97)
}
