package matchers

import "testing"

// TestGapFixdocs15DeniedHazmatSticker: "no hazmat stickers" on the parcel
// (document h15-dsd-shadowroot-nitroethane-telegram) is stealth packaging
// as "no hazard stickers" is (TestGap33DeniedSticker), not a sticker
// product; hazmat stickers sold still name a product that is not the
// substance.
func TestGapFixdocs15DeniedHazmatSticker(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Nitroethane 99.5% 1 L", "Nitroethane 99.5%. Outer box labelled as car care cleaner, no hazmat stickers. Payment in BTC only.", true},
		{"en", "Hazmat stickers for nitroethane drums, pack of 50", "UN1261 nitroethane hazmat stickers, vinyl, 10 x 10 cm.", false},
	})
}
