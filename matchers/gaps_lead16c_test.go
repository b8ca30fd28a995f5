package matchers

import "testing"

// TestGapLead16CustomsClearance100: "100 % customs clearance guaranteed"
// with the clearance noun of de es nl pl pt sv cs uk el fi bg da no (a probe
// of one sentence in 32 languages found these 13 missing); duties paid by
// the buyer and a purity of 100 % beside the noun are no evasion.
func TestGapLead16CustomsClearance100(t *testing.T) {
	runIndCases(t, []indCase{
		{"Toluol 99 % 25 L", "100 % Zollabfertigung garantiert.", "customs-evasion", true},
		{"Tolueno 99 % 25 L", "Despacho de aduanas 100 % garantizado.", "customs-evasion", true},
		{"Tolueen 99% 25 L", "100% inklaring gegarandeerd.", "customs-evasion", true},
		{"Toluen 99% 25 L", "100% odprawa celna gwarantowana.", "customs-evasion", true},
		{"Tolueno 99% 25 L", "Desembaraço aduaneiro 100% garantido.", "customs-evasion", true},
		{"Toluen 99 % 25 L", "100 % tullklarering garanterad.", "customs-evasion", true},
		{"Toluen 99 % 25 l", "100% proclení zaručeno.", "customs-evasion", true},
		{"Толуен 99 % 25 л", "100% розмитнення гарантовано.", "customs-evasion", true},
		{"Τολουόλιο 99% 25 L", "100% εκτελωνισμός εγγυημένος.", "customs-evasion", true},
		{"Tolueeni 99 % 25 l", "100 % tullaus taattu.", "customs-evasion", true},
		{"Толуол 99% 25 л", "100% митническо освобождаване гарантирано.", "customs-evasion", true},
		{"Toluen 99% 25 L", "100 % fortoldning garanteret.", "customs-evasion", true},
		{"Toluen 99% 25 L", "100 % tollklarering garantert.", "customs-evasion", true},
		{"Toluol 99 % 25 L", "Zollabfertigung und Zollgebühren 100 % vom Käufer bezahlt.", "customs-evasion", false},
		{"Tolueno 25 L", "Despacho de aduanas: impuestos 100 % a cargo del comprador.", "customs-evasion", false},
		{"Toluol 25 L", "Reinheit 100 %, Zollabfertigung durch den Spediteur.", "customs-evasion", false},
		{"Tolueno 25 L", "Pureza 100 %, despacho de aduanas por el transportista.", "customs-evasion", false},
	})
}

// TestGapLead16DeclaredAsNordic: Danish and Norwegian "declared as" (the
// Swedish form was there; the probe found these missing).
func TestGapLead16DeclaredAsNordic(t *testing.T) {
	runIndCases(t, []indCase{
		{"Toluen 99% 25 L", "Deklareres som fortynder.", "mislabelling", true},
		{"Toluen 99% 25 L", "Pakken deklareret som rengøringsmiddel.", "mislabelling", true},
		{"Toluen 99% 25 L", "Deklarert som malingtynner.", "mislabelling", true},
	})
}
