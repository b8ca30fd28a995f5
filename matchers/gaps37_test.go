package matchers

import "testing"

// TestGap37TurkishDosage: Turkish dosage forms take a possessive suffix
// with consonant mutation ("şurup" → "öksürük şurubu", heldout37 zf0049):
// a cough syrup with ephedrine is a retail medicine, not the chemical; the
// chemical itself, and the syrup with an indicator, stay suspicious.
func TestGap37TurkishDosage(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"tr", "Efedrin içeren öksürük şurubu 100 ml", "Reçeteli ilaçtır, eczaneden temin ediniz.", false},
		{"tr", "Psödoefedrin içeren soğuk algınlığı tableti 20'li", "Eczaneden temin ediniz.", false},
		{"tr", "Efedrin HCl 1 kg", "Saflık %99, hızlı teslimat.", true},
		{"tr", "Efedrin içeren öksürük şurubu 100 ml", "Reçetesiz, Telegram'dan yazın.", true},
	})
}

// TestGap37WarningNews: authorities warning of offers, and a scheduling
// note, report (heldout37 zf0135 de, zf0141 en); the stealth or synthesis
// words they quote are the reporter's. An offer with the same words stays
// one.
func TestGap37WarningNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"de", "Warnung: GBL als Felgenreiniger verkauft", "Die Behörden warnen vor GBL, das diskret verpackt im Internet angeboten wird.", false},
		{"en", "Authorities warn of GBL sold as wheel cleaner", "Police warn that GBL is offered online in discreet packaging.", false},
		{"de", "GBL Felgenreiniger 1 Liter", "Diskret verpackt, schneller Versand.", true},
		{"en", "CND adds 4-piperidone and 1-boc-4-piperidone; 4-AP already controlled", "Background note on fentanyl precursor scheduling, including 4-anilinopiperidine.", false},
		{"en", "1-boc-4-piperidone 1 kg", "Fentanyl precursor, in stock, fast delivery.", true},
	})
}

// TestGap37CustomsNews: customs news whose officers speak after a place
// ("Officers at the port said", heldout37 zf0157) and whose past perfect
// ("had been arranged via Telegram") is the reporter's; an offer with a
// mislabelling promise and a Telegram contact stays one.
func TestGap37CustomsNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Customs seize 2 tonnes of PMK ethyl glycidate declared as 'cosmetic raw material'", "Officers at the port said the shipment of PMK ethyl glycidate, a precursor for MDMA, had been arranged via Telegram.", false},
		{"en", "PMK ethyl glycidate 2 tonnes", "Declared as 'cosmetic raw material', contact via Telegram.", true},
	})
}

// TestGap37Names: local names of watched substances (heldout37 zf0003 th
// norephedrine, which holds the Thai ephedrine; zf0121 sw iodine; zf0142
// kk/ru "BMK метил глицидаты", the spaced methyl glycidate that holds
// "BMK"), each with a look-alike.
func TestGap37Names(t *testing.T) {
	runCAS(t, []casCase{
		{"นอร์เอฟีดรีน (norephedrine) 500 g", "ส่งแบบลับ", []string{"14838-15-4"}, []string{"299-42-3"}},
		{"เอฟีดรีน 500 g", "ผงบริสุทธิ์", []string{"299-42-3"}, []string{"14838-15-4"}},
		{"Fuwele za iodini USP gramu 100", "Kwa kutengeneza dawa ya kuua vijidudu (Lugol).", []string{"7553-56-2"}, nil},
		{"Povidoni-iodini 10% lita 1", "Dawa ya kuua vijidudu.", nil, []string{"7553-56-2"}},
		{"BMK метил глицидаты 80532-66-7 қоймада бар", "Жеткізу.", []string{"80532-66-7"}, []string{"103-79-7"}},
		{"BMK метил глицидат 1 кг", "В наличии.", []string{"80532-66-7"}, []string{"103-79-7"}},
		{"PMK этил глицидат 1 кг", "В наличии.", []string{"28578-16-7"}, []string{"4676-39-5"}},
		{"BMK масло 1 л", "В наличии.", []string{"103-79-7"}, []string{"80532-66-7"}},
	})
}

// TestGap37Jod: Danish, Norwegian and Swedish "jod" with its crystals is
// iodine (heldout37 zf0058); "JOD" as the Jordanian dinar stays none.
func TestGap37Jod(t *testing.T) {
	runCAS(t, []casCase{
		{"Jod krystaller 50 g", "Til desinfektion, laboratorieforbrug.", []string{"7553-56-2"}, nil},
		{"Jod kristaller 100 g", "Resublimerad.", []string{"7553-56-2"}, nil},
		{"Hotelophold i Amman, 3 nætter", "Pris 150 JOD, krystalklart vand i poolen.", nil, []string{"7553-56-2"}},
	})
}

// TestGap37SaltAfterLocalName: "HCl" right after a name in a non-Latin
// script is a salt marker ("हाइड्रॉक्सिलिमीन HCl", heldout37 zf0099), as
// after a Latin one; after the local word for acid it is the acid.
func TestGap37SaltAfterLocalName(t *testing.T) {
	runCAS(t, []casCase{
		{"हाइड्रॉक्सिलिमीन HCl 99.7% क्रिस्टल", "Hydroxylimine, CAS 6740-87-0.", []string{"6740-87-0"}, []string{"7647-01-0"}},
		{"Гидроксилимин HCl 99.7% кристалл", "CAS 6740-87-0.", []string{"6740-87-0"}, []string{"7647-01-0"}},
		{"Кислота HCl 37% 30 кг", "Техническая, чистота 37%.", []string{"7647-01-0"}, nil},
	})
}
