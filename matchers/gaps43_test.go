package matchers

import "testing"

// TestGap43Suppository: suppositories are a finished medicine's form, as
// tablets and drops are: retail ergotamine suppositories on prescription
// ("Ergotamintartrat Zäpfchen – 10 Stück", heldout43 zl0099) are no offer
// of the chemical, in any of the languages below. The same suppositories by
// the thousand with indicators, and the powder, stay suspicious.
func TestGap43Suppository(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"de", "Ergotamintartrat Zäpfchen – 10 Stück", "Gegen Migräne. Nur mit ärztlichem Rezept erhältlich.", false},
		{"en", "Ergotamine tartrate suppositories, pack of 10", "For migraine. Prescription only.", false},
		{"fr", "Ergotamine suppositoires, boîte de 10", "Traitement de la migraine. Sur ordonnance.", false},
		{"es", "Ergotamina supositorios, caja de 10", "Para la migraña. Con receta médica.", false},
		{"it", "Ergotamina supposte, confezione da 10", "Per l'emicrania. Con ricetta medica.", false},
		{"pl", "Ergotamina czopki, 10 sztuk", "Na migrenę. Na receptę.", false},
		{"ru", "Эрготамин суппозитории ректальные, 10 шт.", "От мигрени. По рецепту врача.", false},
		{"nl", "Ergotamine zetpillen, 10 stuks", "Tegen migraine. Op recept.", false},
		{"de", "Ergotamintartrat Pulver 100 g", "Reinheit 99 %, Versand diskret, Zahlung nur in Bitcoin.", true},
		{"en", "Ergotamine suppositories 5000 pcs wholesale", "Discreet shipping, no prescription, bitcoin only.", true},
	})
}
