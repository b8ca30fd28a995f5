package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap68 covers the listings of held-out 68 (the session's blind
// balanced sample, measured after every fix round) the matcher got wrong:
// a licence and an end-user declaration denied together (yp0011), a
// dotted P2NP and P2P (yp0141), 1-boc-4-AP's Turkish systematic name read
// as 4-AP (yp0074) and Persian iodine tincture (yp0055).
func TestGap68(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"de", "N-Methylformamid 1 L", "N-Methylformamid 99 %. Keine Lizenz oder Endverbleibserklärung nötig, Versand an Privat.", true},
		{"en", "N-Methylformamide 1 L", "99%. No licence or end-user certificate needed.", true},
		{"de", "N-Methylformamid 1 L", "Versand nur mit Endverbleibserklärung. Keine Lizenz nötig für Labore.", false},
		{"en", "P.2.N.P yellow crystals 250 g", "P.2.N.P, recrystallised, 250 g. Telegram @p2np_eu.", true},
		{"en", "P.2.P oil 1 L", "Telegram @p2p_eu.", true},
		{"en", "P.2.P lending platform", "Invest now, Telegram @p2pfund.", false},
	})
	m := mustMatcher(t)
	for _, tc := range []struct {
		title, desc string
		want        []string
	}{
		{"1-Boc-4-AP 125541-22-2 toz, stokta", "tert-butil 4-anilinopiperidin-1-karboksilat, saflık %99.", []string{"1-boc-4-ap"}},
		{"تنتور ید ۲٪ حجم ۳۰ میلی‌لیتر", "فروش در داروخانه.", []string{"iodine"}},
	} {
		res := m.Match(&precwatch.Listing{ID: "g", Title: tc.title, Description: tc.desc})
		var got []string
		for _, s := range res.Substances {
			got = append(got, s.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: substances %v, want %v", tc.title, got, tc.want)
		}
	}
}
