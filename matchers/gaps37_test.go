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
