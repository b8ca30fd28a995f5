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

// TestGap35NegatedList: a negation carries over the messengers listed after
// the first one ("从不通过Telegram、WhatsApp联系客户", "never via Telegram,
// WhatsApp or Signal", heldout35 zd0028), and 不收取 refuses the crypto it
// names; the same list without the negation stays a contact.
func TestGap35NegatedList(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "硫酸 98% 25公斤桶", "谨防诈骗：本公司从不通过Telegram、WhatsApp联系客户，也不收取虚拟货币。请通过官方电话 0531-5555 0000 联系。", false},
		{"en", "Sulfuric acid 98% 25 kg", "We never contact customers via Telegram, WhatsApp or Signal. Official phone only.", false},
		{"zh", "硫酸 98% 25公斤桶", "本公司只通过Telegram、WhatsApp联系客户。", true},
		{"en", "Sulfuric acid 98% 25 kg", "We never ship without tracking. Contact via Telegram, WhatsApp or Signal.", true},
		{"en", "Sulfuric acid 98% 25 kg", "No WhatsApp, Telegram only.", true},
		{"en", "Sulfuric acid 98% 25 kg", "We never answer on WhatsApp, Telegram only.", true},
	})
}
