package matchers

import "testing"

// The forty-second held-out set (testdata/heldout42) is a sample of social
// and messenger-channel posts (Telegram, VK, Instagram, TikTok, X, WhatsApp
// Business, Discord, classifieds) written without reading the matcher.
// See testdata/heldout42/README.md.
const heldout42Path = "../testdata/heldout42/listings.jsonl"

// heldout42KnownGaps are listings of the forty-second held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout42KnownGaps = map[string]string{}

// TestHeldout42 measures the matcher on the forty-second held-out set.
func TestHeldout42(t *testing.T) {
	measureLabelledSet(t, "held-out-42", readLabelledSet(t, heldout42Path), heldout42KnownGaps, 0.97)
}
