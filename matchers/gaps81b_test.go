package matchers

import "testing"

// TestGap81bGlycidateNames: the systematic names of the BMK and PMK
// glycidates and glycidic acids written the other correct ways — the
// substituents in the other order, a hyphen before the parent, the PMK ring
// as benzo[d][1,3]dioxol-5-yl, the glycidic acid with Greek locants and
// the ester after the acid (heldout81 yc0150, yc0071, yc0179, yc0199), and
// the shared trade name "BMK glycidate" followed by its ester word.
// Twins: the flavouring ethyl 3-methyl-3-phenylglycidate ("strawberry
// aldehyde") and ethyl methylphenylglycidate stay unwatched.
func TestGap81bGlycidateNames(t *testing.T) {
	runCAS(t, []casCase{
		{"Methyl 3-phenyl-2-methyloxirane-2-carboxylate 99%", "25 kg drum", []string{"80532-66-7"}, nil},
		{"2-methyl-3-phenyl-oxirane-2-carboxylic acid sodium", "Powder, white, 99%.", []string{"25547-51-7"}, nil},
		{"alpha-Methyl-beta-phenylglycidic acid ethyl ester", "Liquid, 99%.", []string{"41232-97-7"}, nil},
		{"ethyl α-methyl-β-phenylglycidate", "", []string{"41232-97-7"}, nil},
		{"2-Methyl-3-(benzo[d][1,3]dioxol-5-yl)oxirane-2-carboxylic acid", "Off-white powder, 99%.", []string{"2167189-50-4"}, nil},
		{"methyl 3-(benzo[d][1,3]dioxol-5-yl)-2-methyloxirane-2-carboxylate", "", []string{"13605-48-6"}, nil},
		// The shared trade name "BMK glycidate" with the ester word after it
		// (yc0128).
		{"BMK g l y c i d a t e  (methyl) sample 100g", "Real product, no scam.", []string{"80532-66-7"}, []string{"25547-51-7"}},
		{"BMK glycidate (methyl) 1 kg", "", []string{"80532-66-7"}, []string{"25547-51-7"}},
		// Twins.
		{"BMK glycidate, methylamine 40% 1 L", "", []string{"25547-51-7", "74-89-5"}, []string{"80532-66-7"}},
		{"Ethyl 3-methyl-3-phenylglycidate (strawberry aldehyde)", "Flavour grade, 1 kg.", nil, []string{"41232-97-7", "80532-66-7", "25547-51-7"}},
		{"Ethyl methylphenylglycidate 1 kg", "Aldehyde C-16, food grade.", nil, []string{"41232-97-7"}},
	})
}

// TestGap81bDroppedLetter: a long Table I name with one letter left out
// ("Pseudofedrine HCL", "psudoefedrin", heldout81 yc0160, yc0085). Twins:
// words one letter away that are other words — ergometry ("ergometria",
// "Ergometrie") from ergometrina / ergometrine, phenylephrine,
// norepinephrine, methylephedrine — are not read as the watched name.
func TestGap81bDroppedLetter(t *testing.T) {
	runCAS(t, []casCase{
		{"Pseudofedrine HCL 500g", "pure powder, stealth vac sealed", []string{"90-82-4"}, nil},
		{"Psudoefedrin 30 kotak borong", "Jual borong psudoefedrin 60mg.", []string{"90-82-4"}, nil},
		{"Norephdrine HCl 1 kg", "", []string{"14838-15-4"}, nil},
		// Twins.
		{"Ergometria — cicloergometro professionale", "Test da sforzo, 1 pezzo.", nil, []string{"60-79-7"}},
		{"Ergometrie-Messplatz gebraucht", "Fahrradergometer, 1 Stück.", nil, []string{"60-79-7"}},
		{"Phenylephrine HCl 10 mg tablets", "", nil, []string{"90-82-4", "299-42-3"}},
		{"Norepinephrine bitartrate 1 mg/ml", "", nil, []string{"14838-15-4"}},
		{"dl-Methylephedrine HCl 25 kg", "", nil, []string{"299-42-3"}},
	})
}

// TestGap81bNames: names missing as found — the Cyrillic "Бромкетон-4"
// with or without its hyphen (yc0181), the catalogue order noun-colour of
// red phosphorus (yc0077, yc0084), the pharmacopoeia's Latin titles
// (yc0038), the Japanese methylamine hydrochloride (yc0239), the ester
// groups "PMK esters" (yc0137) and the brands Dolirhume, Gripex and
// Actigrip (yc0240, yc0082, yc0185). Twins: the phenylephrine Gripex Hot
// sachets, the Actigrip cough syrups, dimethylamine hydrochloride,
// methylergometrine, and a lone "Phosphor rot" of an LED luminophore.
func TestGap81bNames(t *testing.T) {
	runCAS(t, []casCase{
		{"Бромкетон 4 в наличии МСК", "крупный кристалл, от 1 кг", []string{"1451-82-7"}, nil},
		{"Бромкетон-4, опт", "", []string{"1451-82-7"}, nil},
		{"Фосфор красный 250 гр", "чистый", []string{"7723-14-0"}, nil},
		{"Phosphor, rot — 250 g", "reinst", []string{"7723-14-0"}, nil},
		{"Phosphorus, red — 500 g", "", []string{"7723-14-0"}, nil},
		{"Ephedrini hydrochloridum 1 kg (Ph. Eur.)", "", []string{"299-42-3"}, nil},
		{"Kalii permanganas 500 g", "", []string{"7722-64-7"}, nil},
		{"Ergometrini maleas 10 g", "", []string{"60-79-7"}, nil},
		{"メチルアミン塩酸塩 500g", "研究用", []string{"74-89-5"}, []string{"7647-01-0"}},
		{"Regulation (EU) 2023/196", "Adds methyl 2-methyl-3-phenyloxirane-2-carboxylate and related PMK esters.", []string{"80532-66-7"}, []string{"4676-39-5"}},
		{"Lot de 300 boîtes Dolirhume", "Déstockage pharmacie", []string{"90-82-4"}, nil},
		{"Gripex Max — 150 opakowań, hurt", "", []string{"90-82-4"}, nil},
		{"Actigrip 200 confezioni — stock farmacia", "", []string{"90-82-4"}, nil},
		// Twins.
		{"Gripex Hot Max 10 saszetek", "paracetamol + fenylefryna", nil, []string{"90-82-4"}},
		{"Actigrip Tosse Mucolitico sciroppo", "guaifenesina", nil, []string{"90-82-4"}},
		{"ジメチルアミン塩酸塩 500g", "研究用", nil, []string{"74-89-5"}},
		{"Methyl-ergometrine 0.2 mg — 10 ampoules", "Methylergometrine maleate injection, Rx only.", nil, []string{"60-79-7"}},
		{"LED Leuchtstoff Phosphor rot 10 g", "für weiße LEDs", nil, []string{"7723-14-0"}},
	})
	runVerdicts(t, []verdictCase{
		{"pl", "Ephedrini hydrochloridum 1 kg (Ph. Eur.)", "Substantia pro receptura. Bez licencji, płatność gotówką.", true},
		{"fr", "Lot de 300 boîtes Dolirhume", "Déstockage pharmacie : 300 boîtes, vente en lot uniquement.", true},
		{"it", "Actigrip 200 confezioni — stock farmacia", "Vendo stock di 200 confezioni, solo in blocco.", true},
		// Twins: one retail box.
		{"pl", "Gripex Max 20 tabletek", "Gripex Max, lek bez recepty. Maks. 1 opakowanie na zamówienie.", false},
		{"it", "Actigrip 12 compresse", "Medicinale senza obbligo di ricetta.", false},
	})
}

// TestGap81bNotOffered: names that are no goods — empty labelled bottles
// with the emptiness after the container (yc0090, yc0156), a band named
// Safrole whose record is packed discreetly (yc0027), and a look-alike
// told apart from PMK ("Not to be confused with PMK", yc0048). Twins: a
// full bottle, a record with a CAS number, and PMK offered beside the words.
func TestGap81bNotOffered(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Old chemistry set (1960s) — bottles EMPTY: potassium permanganate, iodine", "Gilbert chemistry set, all reagent bottles empty and cleaned, labels intact. Display only.", false},
		{"en", "Antique apothecary bottle 'Ephedrin. hydrochl.' — EMPTY", "Vintage glass bottle with original label 'Ephedrinum hydrochloricum'. Empty, for display only.", false},
		{"en", "'Safrole' — debut album by the band Safrole", "Vinyl LP, signed. Discreet packaging for fragile items.", false},
		{"en", "Piperonyl acetone 98%", "CAS 55418-52-5. Dulcinyl, fragrance ingredient. Not to be confused with PMK.", false},
		// Twins.
		{"en", "Potassium permanganate 500 g, reagent bottle", "Full, sealed. Ships worldwide.", true},
		{"en", "'Safrole' — debut album by the band Safrole", "Safrole CAS 94-59-7, 1 L. Discreet packaging.", true},
		{"en", "PMK oil 1 L", "Not to be confused with the cheap stuff. CAS 4676-39-5.", true},
	})
}
