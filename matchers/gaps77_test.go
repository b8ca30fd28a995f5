package matchers

import "testing"

// TestGap77MarketBrands: brands whose watched substance is certain in the
// market they are sold in count as the substance by name alone — Arabic
// Actifed ("أكتيفيد بدون وصفة - واتساب", heldout77 yg0001), Russian
// Clarinase (Кларинейз, yg0067, yg0116), Aerius D (yg0069), Modafen
// (yg0083), Nurofen Cold and Flu (yg0111), Humex Rhume (yg0140), Tremenza
// (yg0043) with pseudoephedrine. Twins: the PE reformulation, the hay-fever
// Humex and plain Aerius.
func TestGap77MarketBrands(t *testing.T) {
	runCAS(t, []casCase{
		{"أكتيفيد بدون وصفة - واتساب", "توصيل سري، تواصل واتساب فقط.", []string{"90-82-4"}, nil},
		{"اكتيفيد شراب", "", []string{"90-82-4"}, nil},
		{"Кларинейз 50 пачек", "Связь только Telegram.", []string{"90-82-4"}, nil},
		{"Кларинейз, 2 упаковки", "Самовивіз, Київ.", []string{"90-82-4"}, nil},
		{"Aerius D – 2 boîtes", "Jamais ouvertes", []string{"90-82-4"}, nil},
		{"Modafen 24 tbl", "", []string{"90-82-4"}, nil},
		{"Nurofen Cold and Flu 24", "Spare box", []string{"90-82-4"}, nil},
		{"Humex Rhume", "Une boîte entamée, 8 comprimés restants.", []string{"90-82-4"}, nil},
		{"Tremenza grosir 100 box", "", []string{"90-82-4"}, nil},
		{"Boots Decongestant Tablets 12", "", []string{"90-82-4"}, nil},
		// Twins.
		{"Boots Nasal Decongestant Spray 0.1%", "", nil, []string{"90-82-4"}},
		{"Nurofen Cold & Flu PE 24", "", nil, []string{"90-82-4"}},
		{"Nurofen Cold and Flu PE tablets", "", nil, []string{"90-82-4"}},
		{"Humex Rhume des foins spray nasal", "", nil, []string{"90-82-4"}},
		{"Aerius 5 mg 30 comprimés", "", nil, []string{"90-82-4"}},
	})
	runVerdicts(t, []verdictCase{
		{"ar", "أكتيفيد بدون وصفة - واتساب", "توصيل سري، تواصل واتساب فقط.", true},
		{"ru", "Кларинейз 50 пачек", "Остатки аптеки, продаю всё сразу. Связь только Telegram.", true},
		{"id", "Tremenza grosir 100 box", "Harga grosir, kirim seluruh Indonesia.", true},
		{"cs", "Modafen 24 tbl bez receptu, diskrétně", "Platba pouze v kryptu.", true},
		{"uk", "Кларинейз, 2 упаковки", "Самовивіз, Київ.", false},
	})
}

// TestGap77AmpouleLots: 200 ampoules of a hospital injectable are 20–40
// boxes, a lot ("Syntometrine 200 ampoules … Hospital surplus", heldout77
// yg0025), in the other languages' ampoule words too. Twins: a box or two
// of ampoules, and 200 ampoules of an unwatched injectable.
func TestGap77AmpouleLots(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Syntometrine 200 ampoules", "Hospital surplus, cold chain, invoice.", true},
		{"es", "Ergometrina maleato 0,2 mg/ml – 200 ampollas", "", true},
		{"ru", "Эргометрин 0,2 мг/мл, 200 ампул", "", true},
		// Twins.
		{"en", "Syntometrine ampoules 1 ml x 5", "", false},
		{"en", "Syntometrine 10 ampoules", "", false},
		{"en", "Oxytocin 10 IU/ml, 200 ampoules", "Hospital surplus.", false},
	})
}

// TestGap77PhenylephrineBrand: a brand sold with pseudoephedrine in one
// market and phenylephrine in another, named alone beside phenylephrine,
// is the phenylephrine product ("Contac Cold + Flu (US) non-drowsy —
// Acetaminophen + phenylephrine", heldout77 yg0004). Twins: the brand alone,
// and the brand with pseudoephedrine named, still count.
func TestGap77PhenylephrineBrand(t *testing.T) {
	runCAS(t, []casCase{
		{"Contac Cold + Flu (US) non-drowsy", "Acetaminophen + phenylephrine, 16 caplets.", nil, []string{"90-82-4"}},
		{"Sudafed Congestion 12 tablets", "Phényléphrine 10 mg", nil, []string{"90-82-4"}},
		{"Sudafed Congestión 12 tabletas", "Fenilefrina 10 mg", nil, []string{"90-82-4"}},
		{"Contac 感冒胶囊", "含去氧肾上腺素", nil, []string{"90-82-4"}},
		// Twins.
		{"Contac 12 hour capsules", "", []string{"90-82-4"}, nil},
		{"Sudafed 12 Hour 120mg caplets", "Maximum strength nasal decongestant, 10 caplets.", []string{"90-82-4"}, nil},
		{"Sudafed 60 mg pseudoephedrine, not phenylephrine", "", []string{"90-82-4"}, nil},
	})
}

// TestGap77StatedComposition: the German Wick DayMed capsules hold
// phenylpropanolamine (heldout77 yg0047), but a listing that states which
// watched medicine substance its product holds or lacks ("… Paracetamol,
// Pseudoephedrin, Dextromethorphan", yg0136; "… ohne Pseudoephedrin",
// heldout76 yh0066) overrides what the watchlist knows of the brand. Twins:
// a list of products whose stated substance has its own brand keeps every
// brand's, and the DayMed drink holds none.
func TestGap77StatedComposition(t *testing.T) {
	runCAS(t, []casCase{
		{"Wick DayMed Kapseln 2x20, ohne Rezept, Versand diskret", "Nur über Signal, zahlbar in Bitcoin.", []string{"14838-15-4"}, []string{"90-82-4"}},
		{"Wick DayMed Erkältungs-Kapseln 20 Stück", "", []string{"14838-15-4"}, nil},
		{"Wick DayMed Erkältungskapseln 20 Stück", "Paracetamol, Pseudoephedrin, Dextromethorphan – für den Tag.", []string{"90-82-4"}, []string{"14838-15-4"}},
		{"Wick DayMed Erkältungskapseln mit Pseudoephedrin, 20 St.", "", []string{"90-82-4"}, []string{"14838-15-4"}},
		{"Wick DayMed Erkältungskapseln ohne Pseudoephedrin", "", nil, []string{"90-82-4", "14838-15-4"}},
		// Twins.
		{"[group export] messages", "Sudafed 12 boxes, pseudo 60 mg, bulk only\nalso Bronkaid cartons", []string{"90-82-4", "299-42-3"}, nil},
		{"Wick DayMed Kombi Erkältungsgetränk", "", nil, []string{"90-82-4", "14838-15-4"}},
	})
}
