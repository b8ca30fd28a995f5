package matchers

import "testing"

// TestGap62Names: systematic names in Dutch, Russian and Polish and
// CAS-index inverted names of the esters (heldout62 yv0060, yv0088, yv0113,
// yv0115, yv0131, yv0136, yv0139).
func TestGap62Names(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Natrium-3-(1,3-benzodioxol-5-yl)-2-methyloxiraan-2-carboxylaat, 2 kg", desc: "Wit poeder, contant.", suspicious: true, cas: []string{"2167189-50-4"}},
		{title: "3-(1,3-benzodioxol-5-yl)-2-methyloxiraan-2-carbonzuur 1 kg", desc: "Levering in Breda.", suspicious: true, cas: []string{"2167189-50-4"}},
		{title: "1-(1,3-бензодиоксол-5-ил)пропан-2-он, 5 л", desc: "Закладки, связь в телеграм.", suspicious: true, cas: []string{"4676-39-5"}},
		{title: "1-фенилпропан-2-он 10 л", desc: "Отправка по РФ.", suspicious: true, cas: []string{"103-79-7"}},
		{title: "Kwas benzenooctowy 10 kg", desc: "Odbiór osobisty.", suspicious: true, cas: []string{"103-82-2"}},
		{title: "Benzeneacetic acid, alpha-acetyl-, ethyl ester, 5 kg", desc: "Contact for COA.", suspicious: true, cas: []string{"5413-05-8"}},
		{title: "Benzeneacetic acid, α-acetyl-, methyl ester 98%", desc: "Fast shipping.", suspicious: true, cas: []string{"16648-44-5"}},
	})
}

// TestGap62News: the EU's scheduling after a CND vote and a Dutch police
// find name the substances but offer none (heldout62 yv0032, yv0088).
func TestGap62News(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "EU adds piperidin-4-one to Category 1", desc: "After the CND vote, piperidin-4-one (CAS 41661-47-6) is scheduled.", suspicious: false, cas: []string{"41661-47-6"}},
		{title: "Politie vindt 500 kilo 2-methyl-3-fenyloxiraan-2-carbonzuur in schuur", desc: "De stof is een grondstof voor amfetamine.", suspicious: false, cas: []string{"25547-51-7"}},
	})
}

// TestGap62Inverted: a CAS-index inverted name is one name whose parent is
// substituted or esterified: "2-Propanone, 1-phenyl-" holds no acetone,
// "Benzeneacetic acid, 4-methoxy-" and "…, propyl ester" no phenylacetic
// acid; a stereodescriptor or a salt keeps the parent (heldout62 yv0008,
// yv0068, yv0113, yv0115, yv0136).
func TestGap62Inverted(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "2-Propanone, 1-phenyl- 1 L", desc: "CAS 103-79-7, crypto only.", suspicious: true, cas: []string{"103-79-7"}},
		{title: "2-Propanone, 1-(4-methoxyphenyl)- 25 kg", desc: "Fine chemical intermediate, COA available.", suspicious: false, cas: nil},
		{title: "Benzeneacetic acid, 4-methoxy- 98%", desc: "Intermediate, 25 kg drum.", suspicious: false, cas: nil},
		{title: "Benzeneacetic acid, propyl ester 25 kg", desc: "Flavour ingredient.", suspicious: false, cas: nil},
		{title: "Benzeneacetic acid, sodium salt 1 kg", desc: "Purity 99%.", suspicious: true, cas: []string{"103-82-2"}},
		{title: "P-2-P 99%", desc: "Product name (CAS index): 2-Propanone, 1-phenyl-\nMOQ 1 kg", suspicious: true, cas: []string{"103-79-7"}},
		{title: "2-Propanone, 99.5%, 200 L drum", desc: "Industrial solvent.", suspicious: false, cas: []string{"67-64-1"}},
	})
}

// TestGap62CJKLocant: a parent's name in a script without word boundaries
// glued to a locant of a longer systematic name ("…-5-基)-2-丙酮") or to a
// locant and a further name part ("피페리딘-1-카복실레이트") names the longer
// compound, not the Table II parent (heldout62 yv0043, yv0085).
func TestGap62CJKLocant(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "1-(1,3-苯并二氧戊环-5-基)-2-丙酮 98%", desc: "CAS 4676-39-5，1 公斤起订。", suspicious: true, cas: []string{"4676-39-5"}},
		{title: "1-(4-甲氧基苯基)-2-丙酮 99%", desc: "香料中间体，25公斤/桶。", suspicious: false, cas: nil},
		{title: "4-(페닐아미노)피페리딘-1-카복실산 tert-부틸 에스테르 1 kg", desc: "CAS 125541-22-2, 순도 99%.", suspicious: true, cas: []string{"125541-22-2"}},
		{title: "丙酮 99.5% 工业级 200升桶", desc: "", suspicious: false, cas: []string{"67-64-1"}},
		{title: "피페리딘 99% 1 L", desc: "시약, CAS 110-89-4", suspicious: false, cas: []string{"110-89-4"}},
	})
}

// TestGap62BracketedPrefix: a reagent's name with an -o ending inside the
// brackets or hyphens of a systematic name is a substituent prefix
// ("(метиламіно)", methylamino), not the reagent (heldout62 yv0069).
func TestGap62BracketedPrefix(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Гідрохлорид (1S,2S)-2-(метиламіно)-1-фенілпропан-1-олу, 1 кг", desc: "Гідрохлорид псевдоефедрину, фармацевтична чистота.", suspicious: true, cas: []string{"90-82-4"}},
		{title: "4-(метиламино)бензойная кислота 1 кг", desc: "Реактив, чистота 98%.", suspicious: false, cas: nil},
		{title: "Salfumán (ácido clorhídrico) 1 L", desc: "Limpiador.", suspicious: false, cas: []string{"7647-01-0"}},
		{title: "Метиламін 40% розчин, 20 л", desc: "Без документів.", suspicious: true, cas: []string{"74-89-5"}},
	})
}

// TestGap62SaltMarker: HCl glued by a formula dot to a systematic name's
// last part ("-1-ol·HCl") or closing a bracket after the name and a comma
// ("(…-1-ol, HCl)") is the name's salt, not hydrochloric acid (heldout62
// yv0036, yv0083).
func TestGap62SaltMarker(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Chlorowodorek efedryny 1 kg", desc: "((1R,2S)-2-(metyloamino)-1-fenylopropan-1-ol·HCl), czystość 99%.", suspicious: true, cas: []string{"299-42-3"}},
		{title: "Pseudoéphédrine 500 g", desc: "((1S,2S)-2-(méthylamino)-1-phénylpropan-1-ol, HCl), qualité pharmaceutique.", suspicious: true, cas: []string{"90-82-4"}},
		{title: "Screening tool", desc: "Screen orders against Table I (e.g. 4-piperidone, 4-AP).", suspicious: true, cas: []string{"23056-29-3", "41661-47-6"}},
		{title: "Acetone, HCl, toluene 20 L each", desc: "Lab solvents and acids, 99%.", suspicious: false, cas: []string{"108-88-3", "67-64-1", "7647-01-0"}},
	})
}

// TestGap62YlWord: a Table II name after a substituent word in -yl is the
// substituted compound's common name ("piperonyl acetone", a perfumery
// ketone), not the parent (heldout62 yv0124).
func TestGap62YlWord(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Piperonyl acetone 25 g", desc: "Heliotropyl acetone, sweet floral note for perfumery.", suspicious: false, cas: nil},
		{title: "Acetone 99.5% 20 L", desc: "Technical grade.", suspicious: false, cas: []string{"67-64-1"}},
		{title: "Solvents: ethyl acetate, acetone", desc: "20 L each.", suspicious: false, cas: []string{"67-64-1"}},
	})
}

// TestGap62NotDetected: a lot analysis that did not detect a name negates
// it ("1-phenylpropan-2-one not detected"), as "contains no" does
// (heldout62 yv0063).
func TestGap62NotDetected(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Benzylacetone, perfumery grade, 1 kg", desc: "Lot analysis: 1-phenylpropan-2-one not detected. IFRA certificate.", price: "€ 45", suspicious: false, cas: nil},
		{title: "Benzylacetone 1 kg", desc: "Impurities: phenylacetone below detection limit.", price: "€ 45", suspicious: false, cas: nil},
		{title: "Phenylacetone 1 L", desc: "Detected by GC-MS: 99.2% purity.", price: "€ 900", suspicious: true, cas: []string{"103-79-7"}},
	})
}

// TestGap62ReagentCatalogue: a Table I alkaloid salt in a reagent
// catalogue (catalogue number, purity) is the chemical in any quantity,
// its milligram pack sizes no doses; a medicine in milligram tablets stays
// retail (heldout62 yv0056, yv0106).
func TestGap62ReagentCatalogue(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Ergotamine tartrate (2:1), 97%", desc: "Catalogue no. XY-1001 | 100 mg / 500 mg.", suspicious: true, cas: []string{"113-15-5"}},
		{title: "Ergometrine maleate", desc: "Cat. No. AB-2040 | 50 mg / 250 mg. Store at -20 °C.", suspicious: true, cas: []string{"60-79-7"}},
		{title: "Ergotamine tartrate 1 mg tablets", desc: "Pack of 30 tablets, pharmacy only.", suspicious: false, cas: []string{"113-15-5"}},
	})
}

// TestGap62Cathine: the systematic name of norephedrine with the (1S,2S)
// descriptor is cathine, which the Table I entry excludes; other
// descriptors and the bare name stay norephedrine (heldout62 yv0001).
func TestGap62Cathine(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "(1S,2S)-2-amino-1-phenylpropan-1-ol hydrochloride CRM", desc: "1 mg/mL in methanol, reference standard.", suspicious: false, cas: nil},
		{title: "(1R,2S)-2-amino-1-phenylpropan-1-ol 1 kg", desc: "Purity 99%.", suspicious: true, cas: []string{"14838-15-4"}},
		{title: "2-amino-1-phenylpropan-1-ol 1 kg", desc: "Purity 99%.", suspicious: true, cas: []string{"14838-15-4"}},
	})
}

// TestGap62SlavicIUPAC: ephedrine and pseudoephedrine by their IUPAC names
// in Polish, Ukrainian and Russian spelling, in the genitive after
// "hydrochloride" (heldout62 yv0036, yv0069).
func TestGap62SlavicIUPAC(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Chlorowodorek (1R,2S)-2-(metyloamino)-1-fenylopropan-1-olu, 1 kg", desc: "Czystość 99%.", suspicious: true, cas: []string{"299-42-3"}},
		{title: "Гідрохлорид (1S,2S)-2-(метиламіно)-1-фенілпропан-1-олу, 1 кг", desc: "Чистота 99%.", suspicious: true, cas: []string{"90-82-4"}},
		{title: "(1R,2S)-2-(метиламино)-1-фенилпропан-1-ол, 1 кг", desc: "Чистота 99%.", suspicious: true, cas: []string{"299-42-3"}},
	})
}
