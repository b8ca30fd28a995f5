package matchers

import "testing"

// Round fix54: text as a pipeline gets it after optical character
// recognition and machine translation (testdata/heldout54). Each case is
// written fresh, in other words than the held-out listing that showed the
// gap.

// TestGap54OCRSlips: names read off a label, leaflet or price list with
// the slips OCR makes and the normaliser does not repair: "m" as "rn"
// (zw0070 "Potassiurn perrnanganate"), "l" as the digit "1", decoded to "i"
// in a word the leetspeak decoder reads (zw0071 "Methy1 Ethy1 Ket0ne") and
// kept in one it leaves alone ("1-Pheny1-2-propanone"), a capital "I" as
// "l" (zw0112 "lodine"), and the "O" of a formula as a zero (zw0070
// "KMn04").
func TestGap54OCRSlips(t *testing.T) {
	runGapCases(t, []gapCase{
		{"Potassiurn perrnanganate 25 kg drum", "Technical grade, from stock.", "", true, []string{"7722-64-7"}},
		{"POTASSIUM PERRNANGANATE 1 kg", "Scanned price list, item 14.", "", true, []string{"7722-64-7"}},
		{"KMn04 crystals 500 g", "Lab reagent >= 99.0 %.", "", true, []string{"7722-64-7"}},
		{"Methy1 ethy1 ketone 200 L drum", "Ex works Antwerp, SDS on request.", "", false, []string{"78-93-3"}},
		{"1-Pheny1-2-propanone 99%", "1 L bottle.", "", true, []string{"103-79-7"}},
		{"LODINE PRILLS 1 kg", "99.8 %. Signal only, no questions asked.", "", true, []string{"7553-56-2"}},
		{"H2S04 98% 1000 L IBC", "Battery grade, ex works.", "", false, []string{"7664-93-9"}},
		// What the slips are not: other words that hold the letters, and
		// Lodine, a brand of etodolac.
		{"Lodine 400 mg tablets x 30", "No prescription needed, fast post.", "", false, nil},
		{"Permanent marker set, 12 colours", "Office supplies, 12 pcs.", "", false, nil},
	})
}

// TestGap54MachineTranslatedIndicators: machine-translated English drops
// the verb or the preposition of "no licence needed" (zw0049 "No need the
// license") and puts an article between "as" and the quoted false name of
// a mislabel (zw0119 "the label of the goods as the 'battery water'").
// A hazard label's class and a request for the true name stay clean.
func TestGap54MachineTranslatedIndicators(t *testing.T) {
	runIndCases(t, []indCase{
		{"Phenylacetic acid 99% 25 kg", "No need the licence, we send to Middle East door to door.", IndNoPaper, true},
		{"Ephedrine HCl 1 kg", "Licence no need, the payment by USDT.", IndNoPaper, true},
		{"Pseudoephedrine 60 mg, 10 boxes", "No need prescription, can post.", IndNoPaper, true},
		{"Toluene 200 L drum", "We can do the label of the drum as the 'paint thinner' for the customs.", IndMislabel, true},
		{"Hydrochloric acid 33% IBC", "The box as a \"car shampoo\", no problem.", IndMislabel, true},
		{"Toluene 200 L drum", "Licence number shown on the invoice; end-user declaration needed.", IndNoPaper, false},
		{"Toluene 200 L drum", "The invoice shows the true name of the goods.", IndMislabel, false},
	})
}

// TestGap54WarningForward: a forwarded warning names criminals as the ones
// who sell through the messengers and asks to report them to the police
// (zw0016); the messengers are theirs, not a seller's contact. A seller's
// own channel beside a retail pack stays an indicator.
func TestGap54WarningForward(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "PSA please share", "Forwarded many times\nCAUTION: criminals sell pseudoephedrine cold tablets via WhatsApp and Signal. Do not buy!", false},
		{"de", "Warnung weitergeleitet", "Achtung: Kriminelle verkaufen Pseudoephedrin-Tabletten über Telegram. Nicht kaufen, Polizei informieren!", false},
		{"en", "Pseudoephedrine 60 mg x 100", "Order on Telegram @pse_shop, fast post.", true},
	})
}

// TestGap54GratisConversionTarget: "free" after the target of a conversion
// is machine-translated English for free of charge ("We give the recipe of
// the conversion to BMK oil free", zw0085), so the target still counts; the
// glued "X-free" adjective and "free" after a name that is no conversion
// target still negate.
func TestGap54GratisConversionTarget(t *testing.T) {
	runGapCases(t, []gapCase{
		{"BMK glycidate 5 kg", "We send the method of the conversion to P2P free, step by step.", "", true, []string{"103-79-7", "25547-51-7"}},
		{"PMK glycidate powder", "The technology of the conversion into PMK oil free for the big order.", "", true, []string{"13605-48-6", "4676-39-5"}},
		{"Cold pills 20 tabs", "Pseudoephedrine free, new formula.", "", false, nil},
		{"Cough syrup 100 ml", "Our syrups finished the conversion to pseudoephedrine-free recipes.", "", false, nil},
	})
}
