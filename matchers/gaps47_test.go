package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap47NumberTail: the negation cue "0%" ("0% ephedrine") at the end of
// a longer number ("yields ~80% PMK", "99.0% P2P", heldout47 zp0097) is the
// tail of that number, not a zero: the name after it stays a mention. A
// bare "0%" still negates.
func TestGap47NumberTail(t *testing.T) {
	runCAS(t, []casCase{
		{"PMK ethyl glycidate oil 5L - EU drops", "28578-16-7, yields ~80% PMK after hydrolysis/decarb (guide included).",
			[]string{"28578-16-7", "4676-39-5"}, nil},
		{"APAAN 1 kg", "Hydrolysis gives 90% P2P, guide included.", []string{"4468-48-8", "103-79-7"}, nil},
		{"Phenylacetone 5 L", "Assay: 99.0% P2P, GC report.", []string{"103-79-7"}, nil},
		{"Phenylacetone 5 L", "Assay 99,0% P2P, GC report.", []string{"103-79-7"}, nil},
		{"Herbal energy capsules", "0% ephedrine, natural caffeine from guarana.", nil, []string{"299-42-3"}},
		{"Herbal energy capsules", "Formula with 0% ephedrine.", nil, []string{"299-42-3"}},
	})
}

// TestGap47ReportWords: a Spanish headline in the present tense ("La
// Guardia Civil desmantela un laboratorio con … fenilacetona", heldout47
// zp0025) and a buyer's scam warning ("PSA: Telegram channel … selling 'PMK
// oil' is a scam … Don't send them crypto", zp0118) report, even when they
// quote indicator words; a vendor's ad that calls others a scam still
// offers.
func TestGap47ReportWords(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "La Guardia Civil desmantela un laboratorio con 300 litros de fenilacetona",
			"Los agentes hallaron también ácido sulfúrico y anuncios en Telegram que ofrecían «envío discreto».", false},
		{"es", "La Policía desarticula una red que vendía efedrina por Telegram", "Los agentes encontraron 20 kg de efedrina.", false},
		{"en", "PSA: Telegram channel 'Chem-Rus' selling 'PMK oil' is a scam",
			"Got a bottle of coloured water instead of PMK oil. They also push other 'oils'. Don't send them crypto.", false},
		{"en", "PMK oil 1 L in stock", "Fresh PMK oil, stealth shipping to EU. Every other shop on Telegram is a scam, order from us: Telegram @pmk_real.", true},
		{"es", "Fenilacetona 5 L", "Fenilacetona pura, envío discreto, contacto por Telegram.", true},
	})
}

// TestGap47RequestThread: a post whose title asks for a substance ("BMK-olie
// gezocht", "Where to buy BMK glycidic acid in EU?", heldout47 zp0018,
// zp0075) goes on asking in its body, where the name stands far from any
// buy cue ("Iemand een betrouwbare leverancier van BMK-olie?", "Every
// vendor I tried for BMK glycidic acid …", "Need 5kg, stealth to DE"): no
// offer. A body with an offer word, a price, a title that also offers, or
// a seller's hook asked as a question stays an offer.
func TestGap47RequestThread(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"nl", "BMK-olie gezocht", "Iemand een betrouwbare leverancier van BMK-olie? Graag DM.", false},
		{"en", "WTB PMK oil 5 L", "Need PMK oil for a project, stealth to DE. Escrow only, PM me.", false},
		{"en", "Looking to buy ephedrine HCl", "Paying in XMR. Ephedrine HCl 500 g, discreet shipping to UK please.", false},
		{"ru", "Ищу сафрол", "Сафрол 1 литр, кто может, пишите в Telegram.", false},
		{"en", "WTB PMK oil 5 L", "We also sell PMK oil: in stock, stealth shipping, Telegram @pmkvendor.", true},
		{"en", "Looking for PMK oil? We have it", "PMK oil 1 L, stealth shipping, Telegram @pmkvendor.", true},
		{"en", "WTB PMK oil, selling BMK", "PMK oil and BMK, stealth shipping, Telegram @trader.", true},
	})
	m := mustMatcher(t)
	got := m.Match(&precwatch.Listing{Title: "WTB PMK oil 5 L", Description: "PMK oil, stealth to DE, Telegram @buyer.", Price: "2000 EUR"})
	if !got.Suspicious {
		t.Errorf("priced WTB: suspicious false, want true; explain %q", got.Explain)
	}
}

// TestGap47BuyCues: wanted-ad wording of more languages makes a mention
// asked for, not offered (heldout47 zp0018): nl "Gezocht:", "… gezocht",
// "… gevraagd", cs "Koupím", ro "Caut", uk "Шукаю", pl "Poszukuję", vi "Cần
// mua". The same names offered stay suspicious.
func TestGap47BuyCues(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"nl", "Gezocht: efedrine 100 g", "Liefst discreet verzonden.", false},
		{"nl", "Efedrine gevraagd", "Discreet verzenden, betaling in BTC.", false},
		{"cs", "Koupím pseudoefedrin 100 g", "Diskrétní balení, platba BTC.", false},
		{"ro", "Caut efedrină 100 g", "Livrare discretă, plata in BTC.", false},
		{"uk", "Шукаю псевдоефедрин 100 г", "Анонімна доставка, оплата BTC.", false},
		{"pl", "Poszukuję pseudoefedryny 100 g", "Dyskretna wysyłka, płatność BTC.", false},
		{"vi", "Cần mua ephedrine 100 g", "Giao hàng kín đáo, thanh toán BTC.", false},
		{"nl", "Efedrine 100 g te koop", "Discreet verzonden, betaling in BTC.", true},
		{"cs", "Prodám pseudoefedrin 100 g", "Diskrétní balení, platba BTC.", true},
	})
}
