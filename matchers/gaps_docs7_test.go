package matchers

import "testing"

// TestGapDocs7InventoryNoSupply: a school's or lab's register of the
// chemicals it keeps, with quantities, that says nothing in it is supplied
// to others (document h7-de-gdocs-published-gefahrstoffverzeichnis: a
// Gefahrstoffverzeichnis, "Abgaben an Dritte erfolgen nicht") names the
// substances without offering them, in any language. Twins: the same
// register with a price, a contact, a risk indicator or without the
// no-supply statement, and an offer that pastes the statement without
// being an inventory, stay offers.
func TestGapDocs7InventoryNoSupply(t *testing.T) {
	de := "Gymnasium am Stadtpark, Fachschaft Chemie. Verzeichnis nach § 6 Abs. 12 GefStoffV. Nur für den internen Gebrauch. " +
		"Abgaben an Dritte erfolgen nicht.\nBezeichnung CAS-Nr. Menge Lagerort\nAceton 67-64-1 2 × 2,5 L Lösemittelschrank L1\n" +
		"Kaliumpermanganat 7722-64-7 1 × 250 g Giftschrank G2\nIod, resublimiert 7553-56-2 1 × 100 g Giftschrank G2"
	en := "Science department, Riverside Academy. Kept in the locked prep room; no supply to third parties.\n" +
		"Potassium permanganate 7722-64-7 1 x 500 g cabinet C2\nAcetone 67-64-1 4 x 2.5 L flammables cabinet"
	ru := "Школа № 12, кабинет химии. Реактивы третьим лицам не передаются.\nКалия перманганат 7722-64-7 1 × 250 г шкаф 2\nАцетон 67-64-1 2 × 1 л"
	runVerdicts(t, []verdictCase{
		{"de", "Gefahrstoffverzeichnis Chemiesammlung 2025/26", de, false},
		{"en", "Chemical inventory 2026 (COSHH register)", en, false},
		{"ru", "Журнал учёта реактивов 2026", ru, false},
		// Twins: a contact, a risk indicator, no no-supply statement, and
		// the statement pasted into an offer that is no inventory.
		{"de", "Gefahrstoffverzeichnis Chemiesammlung 2025/26", de + "\nRestbestände gegen Gebot, Kontakt Telegram @chemie_rest", true},
		{"en", "Chemical inventory 2026 (COSHH register)", en + "\nAll of it for sale, discreet shipping, no questions asked.", true},
		{"de", "Gefahrstoffverzeichnis Chemiesammlung 2025/26",
			"Gymnasium am Stadtpark, Fachschaft Chemie.\nKaliumpermanganat 7722-64-7 1 × 250 g Giftschrank G2", true},
		{"en", "Potassium permanganate 99%, 25 kg", "Industrial grade, in stock. No supply to third parties outside the EU.", true},
	})
}
