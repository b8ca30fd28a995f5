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
