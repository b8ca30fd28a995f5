package matchers

import (
	"testing"
)

// TestGap35ShareOn: a share row without a colon ("Share on Telegram |
// WhatsApp | Email", heldout35 zd0007) names messengers as buttons; the
// seller's own channel after it stays a contact.
func TestGap35ShareOn(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Drain opener sulfuric acid 1 L", "Professional drain opener, sulfuric acid 93%. Customer hotline 1-800-555-0166. Share on Telegram | WhatsApp | Email", false},
		{"de", "Abflussreiniger Schwefelsäure 1 L", "Schwefelsäure 93 %. Teilen auf WhatsApp | Telegram | E-Mail", false},
		{"fr", "Déboucheur acide sulfurique 1 L", "Acide sulfurique 93 %. Partager sur WhatsApp | Telegram", false},
		{"en", "Sulfuric acid 98% 1 L", "Share on Facebook. Orders only on Telegram or WhatsApp.", true},
	})
}
