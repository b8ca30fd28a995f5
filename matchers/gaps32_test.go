package matchers

import (
	"slices"
	"testing"

	precwatch "github.com/precwatch/precwatch"
)

// TestGap32AbbrAfterOtherName: an ambiguous abbreviation in brackets right
// after one glued compound name whose letters spell it ("Methylmethacrylat
// (MMA)", heldout32 za0041) is that compound's abbreviation, not the
// watched substance's. The substance's own name before it keeps the
// abbreviation ("Monomethylamin (MMA)").
func TestGap32AbbrAfterOtherName(t *testing.T) {
	runCAS(t, []casCase{
		{"Methylmethacrylat (MMA) 99,9 % – 200 kg", "Monomer für Acrylglas.", nil, []string{"74-89-5"}},
		{"Metilmetacrilato (MMA) 200 kg", "Monómero.", nil, []string{"74-89-5"}},
		{"Monomethylamine (MMA) 40% solution 200 kg", "Drum.", []string{"74-89-5"}, nil},
		{"MMA 40% solution 200 kg", "Methylamine aqueous solution, CAS 74-89-5.", []string{"74-89-5"}, nil},
	})
}

// TestGap32CosmeticNMF: NMF on a cosmetic ("Crème hydratante NMF",
// heldout32 za0146) is the natural moisturising factor, in any language.
func TestGap32CosmeticNMF(t *testing.T) {
	runCAS(t, []casCase{
		{"Crème hydratante NMF – 50 ml", "Aux facteurs naturels d'hydratation.", nil, []string{"123-39-7"}},
		{"Feuchtigkeitscreme mit NMF 50 ml", "Für trockene Haut.", nil, []string{"123-39-7"}},
		{"Crema hidratante NMF 50 ml", "Piel seca.", nil, []string{"123-39-7"}},
		{"NMF solvent 200 L drum", "N-methylformamide 99%.", []string{"123-39-7"}, nil},
	})
}

// TestGap32Names: names of watched substances as sellers write them that
// the watchlist lacked: German "Phenyl-2-nitropropen" without locant
// (heldout32 za0053, given only as an attribute), Russian
// "этил-2-фенилацетоацетат" for EAPA (za0059).
func TestGap32Names(t *testing.T) {
	m := mustMatcher(t)
	got := m.Match(&precwatch.Listing{Title: "Gelbe Kristalle, 1 kg, Reinheit 99 %", Description: "Details siehe Artikelmerkmale.",
		Price: "350 €", Attributes: map[string]string{"Artikel": "Phenyl-2-nitropropen", "Lieferzeit": "3 Tage"}})
	var cas []string
	for _, s := range got.Substances {
		cas = append(cas, s.CAS)
	}
	if !slices.Contains(cas, "705-60-2") || !got.Suspicious {
		t.Errorf("P2NP in an attribute: CAS %v suspicious %v, want 705-60-2 and suspicious; explain %q", cas, got.Suspicious, got.Explain)
	}
	runCAS(t, []casCase{
		{"Phenyl-2-nitropropen 1 kg", "Gelbe Kristalle.", []string{"705-60-2"}, nil},
		{"EAPA (этил-2-фенилацетоацетат) – 5 кг", "Отгрузка из Москвы.", []string{"5413-05-8"}, nil},
		{"Этил-2-фенилацетоацетат 5 кг", "Отгрузка из Москвы.", []string{"5413-05-8"}, nil},
	})
}

// TestGap32Verdicts: "synthesis notes included" with a reaction step is a
// synthesis hint (heldout32 za0102); a reagent labelled "for research use"
// (研究用試薬, za0094) is a product, not a research text; a Hindi offer at a
// factory price (फैक्टरी मूल्य, za0115) offers; a regulator proposing
// control of named precursors (za0180) offers nothing.
func TestGap32Verdicts(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Methyl ethyl ketone 25 L", "Ideal solvent for the reductive amination step – synthesis notes included with every order.", true},
		{"en", "Methyl ethyl ketone 25 L", "Ideal solvent for coatings and adhesives.", false},
		{"ja", "エフェドリン塩酸塩 100g 試薬", "研究用試薬。", true},
		{"hi", "स्यूडोएफेड्रिन हाइड्रोक्लोराइड 10 किलो", "CAS 345-78-8, फैक्टरी मूल्य।", true},
		{"en", "DEA proposes List I control of 4-AP and 1-boc-4-AP", "Notice cites vendors advertising via Telegram.", false},
		{"en", "1-boc-4-AP 1 kg", "Contact via Telegram.", true},
	})
}

// TestGap32RussianCases: Russian multi-word names inflected in both words
// ("20 кг перманганата калия", heldout32 za0140; "с перманганатом калия").
func TestGap32RussianCases(t *testing.T) {
	runCAS(t, []casCase{
		{"В Подмосковье изъяли 50 литров ацетона и 20 кг перманганата калия", "Полиция задержала двух человек.", []string{"7722-64-7", "67-64-1"}, nil},
		{"Опыты с перманганатом калия", "Школьная химия.", []string{"7722-64-7"}, nil},
		{"Изъято 200 литров уксусного ангидрида", "Возбуждено уголовное дело.", []string{"108-24-7"}, nil},
		{"Партия соляной кислоты", "Задержан груз.", []string{"7647-01-0"}, nil},
		{"Вилучено 50 кг перманганату калію", "Митники.", []string{"7722-64-7"}, nil},
	})
}

// TestGap32SpacedCJK: Chinese characters of a name written with spaces
// between them ("麻 黄 碱", heldout32 za0159) are the name.
func TestGap32SpacedCJK(t *testing.T) {
	runCAS(t, []casCase{
		{"麻 黄 碱 500g 现货", "纯度99%，量大优惠。", []string{"299-42-3"}, nil},
		{"伪 麻 黄 碱 1kg", "现货。", []string{"90-82-4"}, nil},
		// Korean spaces its words: its syllables stay apart.
		{"에 페 드 린 아님", "", nil, []string{"299-42-3"}},
	})
}

// TestGap32AbbrAfterOwnName: the substance's own name glued, in a
// spelling the watchlist may lack, keeps its abbreviation.
func TestGap32AbbrAfterOwnName(t *testing.T) {
	runCAS(t, []casCase{
		{"Benzylmethylketon (BMK) 5 L", "Öl, 99 %.", []string{"103-79-7"}, nil},
		{"Phenylpropanolamin (PPA) 25 kg", "Pulver, 99 %.", []string{"14838-15-4"}, nil},
	})
}
