package matchers

import "testing"

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
