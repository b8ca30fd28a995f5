package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap23SeizureNews: a news item that an agency seized a chemical
// ("ФТС изъяла 3 тонны", "BNN sita 1 ton efedrin") is a report in the
// languages the report words cover, with the seized quantity read as the
// reporter's, not an offer's (heldout23 x0073, x0108). An offer that
// names a seizure only to promise a resend stays an offer.
func TestGap23SeizureNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ru", "ФТС изъяла 3 тонны фенилуксусной кислоты", "Груз фенилуксусной кислоты был задекларирован как удобрение.", false},
		{"ru", "Таможня изъяла 500 кг сафрола", "Груз был задекларирован как масло.", false},
		{"ru", "Полицейские задержали партию эфедрина", "В грузе было 200 кг эфедрина.", false},
		{"uk", "Митники вилучили 2 тонни ефедрину", "Вантаж задекларували як добриво.", false},
		{"id", "BNN sita 1 ton efedrin di pelabuhan", "Efedrin disembunyikan dalam karung beras.", false},
		{"id", "Polisi menyita 200 kg efedrin", "Barang disembunyikan dalam karung beras.", false},
		{"ms", "Kastam rampas 500 kg efedrin di pelabuhan", "Efedrin disembunyikan dalam karung beras.", false},
		// Offers stay offers.
		{"ru", "Фенилуксусная кислота 1 кг", "Продам. При изъятии перешлем. Оплата BTC.", true},
		{"id", "Efedrin 1 kg dijual", "Efedrin murni 99%, kirim aman, bayar BTC.", true},
	})
}

// TestGap23RegulatorExplainer: a regulator's explainer of why chemicals
// were added to a control table ("Why APAA and MAPA were added to Table
// I") is a report, and the indicator words it quotes from the offers it
// found ("crypto-only payment and stealth shipping") are the
// reporter's (heldout23 x0021). An offer that says its goods were added
// to its stock stays an offer.
func TestGap23RegulatorExplainer(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Why APAA and MAPA were added to Table I", "INCB found both advertised by online suppliers, often with crypto-only payment and stealth shipping.", false},
		{"en", "Why was BMK glycidate added to Table I?", "The board found it sold online with stealth shipping.", false},
		{"de", "Warum APAA in Tabelle I aufgenommen wurde", "Die Behörde fand Angebote mit Krypto-Zahlung.", false},
		// Offers stay offers.
		{"en", "MAPA 1 kg, just added to stock", "Crypto-only payment, stealth shipping.", true},
	})
}

// TestGap23Names: the Bengali name of ergotamine, the Arabic name of
// piperidine and the Czech name of ammonium formate name them
// (heldout23 x0028, x0072, x0082); a buffer salt without indicator stays
// unflagged.
func TestGap23Names(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct{ title, desc, cas string }{
		{"এরগোটামিন টারট্রেট ট্যাবলেট", "এরগোটামিন টারট্রেট ১ মি.গ্রা.", "113-15-5"},
		{"بيبيريدين 1 لتر", "بيبيريدين نقي 99٪", "110-89-4"},
		{"Mravenčan amonný ≥ 99 %, 500 g", "Pufrovací sůl pro LC-MS.", "540-69-2"},
	} {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc})
		if !slices.Contains(offeredCAS(got), tc.cas) {
			t.Errorf("title %q: offered %v, want %s; explain %q", tc.title, offeredCAS(got), tc.cas, got.Explain)
		}
	}
	runVerdicts(t, []verdictCase{
		{"ar", "بيبيريدين 1 لتر", "بيبيريدين نقي 99٪، 1 لتر، شحن سري إلى جميع الدول العربية.", true},
		{"cs", "Mravenčan amonný ≥ 99 %, 500 g, pro HPLC", "Pufrovací sůl pro LC-MS, certifikát šarže přiložen.", false},
	})
}
