package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap59 covers the listings of held-out set 59 (surveillance-list
// reagents) the matcher got wrong as found: reagent names in Thai, Romanian
// and Hungarian (yy0025, yy0031, yy0067), "GBL" with a Hebrew litre or
// purity word as context (yy0034), nitroethane by its formula C2H5NO2 with
// fuel context but not glycine (yy0038), and P2P named beside its precursors
// in a listing that also takes crypto (yy0074, yy0075): "crypto" blocks P2P
// only as crypto trading.
func TestGap59(t *testing.T) {
	m := mustMatcher(t)
	cases := []struct {
		title, desc string
		sub         string
		want        bool
	}{
		{"กรดไฮโปฟอสฟอรัส 50% 1 ลิตร", "ส่งแบบลับ ติดต่อทาง Telegram", "hypophosphorous-acid", true},
		{"Clorură de acetil 99% 500 ml", "Reactiv pentru acetilare.", "acetyl-chloride", true},
		{"Benzil-klorid 99% 1 L", "Laboratóriumi reagens.", "benzyl-chloride", true},
		{"GBL טהור 1 ליטר", "משלוח דיסקרטי", "gamma-butyrolactone", true},
		{"C2H5NO2 RC fuel additive 4 L", "Declared as nitromethane racing fuel.", "nitroethane", true},
		{"Glycine C2H5NO2 food grade 25 kg", "Amino acid supplement.", "nitroethane", false},
		{"Benzyl chloride 99% 5 L", "BnCl → BnCN → P2P, ask for the write-up. Crypto-only.", "p-2-p", true},
		{"Methylamine HCl 1 kg", "For the reductive amination with P2P. Wickr me, crypto only.", "p-2-p", true},
		{"Buy USDT via P2P", "Fast release, crypto only, low fees.", "p-2-p", false},
		{"P2P crypto trading bot", "USDT, one-year licence.", "p-2-p", false},
	}
	for _, tc := range cases {
		res := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc})
		got := false
		for _, s := range res.Substances {
			if s.ID == tc.sub && !s.Negated {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("Match(%q / %q): %s found %v, want %v (explain %v)", tc.title, tc.desc, tc.sub, got, tc.want, res.Explain)
		}
	}
}
