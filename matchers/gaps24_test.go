package matchers

import "testing"

// TestGap24PieceCounts: a count of pieces ("200 000 Stück", "50 000
// sztuk", "10.000 adet", "20 000 шт.", "5.000 stuks", "20,000 pieces")
// of a finished medicine with a Table I substance is a wholesale quantity
// from a thousand on, as tablets and capsules are (heldout24 a0006). A
// pharmacy pack of 20 pieces stays retail.
func TestGap24PieceCounts(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"de", "Pseudoephedrinhydrochlorid 120 mg Retardtabletten, 200 000 Stück", "Restposten aus Insolvenz, nur komplett abzugeben.", true},
		{"de", "Ephedrin-HCl 50 mg Tabletten, 12.000 Stk.", "Lagerräumung, nur an Abholer.", true},
		{"pl", "Pseudoefedryna 60 mg tabletki, 50 000 sztuk", "Cała partia, odbiór osobisty.", true},
		{"tr", "Psödoefedrin 60 mg tablet, 10.000 adet", "Depo boşaltma, hepsi birden.", true},
		{"ru", "Псевдоэфедрин 60 мг таблетки, 20 000 шт.", "Вся партия, самовывоз.", true},
		{"nl", "Efedrine 25 mg tabletten, 5.000 stuks", "Restpartij, alleen in zijn geheel.", true},
		{"en", "Pseudoephedrine 60 mg tablets, 20,000 pieces", "Clearance lot from a closed pharmacy.", true},
		// A pharmacy pack stays a retail medicine without indicator.
		{"de", "Pseudoephedrin 60 mg Tabletten, 20 Stück", "Apotheke, Packung mit 20 Stück, rezeptpflichtig.", false},
		{"pl", "Pseudoefedryna 60 mg, 12 sztuk", "Apteka internetowa, wysyłka w 24 h.", false},
	})
}
