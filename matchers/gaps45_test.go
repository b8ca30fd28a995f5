package matchers

import "testing"

// TestGap45ThinnerContext: 稀释剂 (thinner, diluent) is the solvent use of
// 丁酮 and MEK, as "thinner" is for MEK ("丁酮 油漆稀释剂 4升 … 丁酮（MEK）稀释剂，
// 用于喷枪清洗", heldout45 zn0080): the Table II hit counts, the listing
// without indicators stays not suspicious. 丁酮肟 (MEKO) stays blocked.
func TestGap45ThinnerContext(t *testing.T) {
	runCAS(t, []casCase{
		{"丁酮 油漆稀释剂 4升", "丁酮（MEK）稀释剂，用于喷枪清洗。", []string{"78-93-3"}, nil},
		{"丁酮 稀释剂", "喷枪清洗。", []string{"78-93-3"}, nil},
		{"丁酮肟 防结皮剂", "油漆稀释剂用。", nil, []string{"78-93-3"}},
	})
	runVerdicts(t, []verdictCase{
		{"zh", "丁酮 油漆稀释剂 4升", "丁酮（MEK）稀释剂，用于喷枪清洗。", false},
		{"zh", "丁酮 稀释剂 4升", "电报联系 @thin_cn，不走发票。", true},
	})
}

// TestGap45CosmeticBrand: PMK or BMK as the brand of a cosmetics product
// ("𝓟𝓜𝓚 Beauty ✨ Glossy lip oil — yellow shimmer … The 𝓟𝓜𝓚 yellow oil
// everyone asks about", heldout45 zn0015) is no precursor, its "oil" no
// chemical context, whatever the shipping words; PMK oil with its CAS
// number, or without a cosmetics word, stays PMK.
func TestGap45CosmeticBrand(t *testing.T) {
	runCAS(t, []casCase{
		{"𝓟𝓜𝓚 Beauty ✨ Glossy lip oil — yellow shimmer", "The 𝓟𝓜𝓚 yellow oil everyone asks about! 💛 10 mL. DM to order, ships discreetly.", nil, []string{"4676-39-5"}},
		{"BMK lipstick set", "Matte lip oil and lipstick, 3 shades, ships discreetly.", nil, []string{"103-79-7"}},
		{"PMK yellow oil 1 L", "Ships discreetly.", []string{"4676-39-5"}, nil},
		{"PMK oil CAS 4676-39-5", "Sold as lip oil on the waybill.", []string{"4676-39-5"}, nil},
	})
}

// TestGap45CodeNameReport: a report tells how seized goods were sold
// "under the code name …" ("海关查获伪麻黄碱 200公斤 | 卖家在电报群中以“一号货”为
// 代号出售，申报为维生素", heldout45 zn0035): with the seizure it is a report,
// not an offer, though it quotes a quantity, a messenger and a false
// declaration. A seller's offer with its code name given as a label stays
// an offer.
func TestGap45CodeNameReport(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "海关查获伪麻黄碱 200公斤", "卖家在电报群中以“一号货”为代号出售，申报为维生素。", false},
		{"en", "Customs seized 200 kg of pseudoephedrine", "Sellers offered it on Telegram under the code name 'item 1'.", false},
		{"zh", "伪麻黄碱 现货 200公斤", "代号：一号货，电报联系，申报为维生素。", true},
	})
}

// TestGap45EuroSignE: a euro sign between two Latin letters is an e
// ("Ph€nyl-aceton 1 l … Versand diskret", heldout45 zn0040): the name is
// phenylacetone (P-2-P), not acetone. As a currency beside a number it
// stays a euro sign.
func TestGap45EuroSignE(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Ph€nyl-aceton", "phenyl-aceton"},
		{"Eph€drine 5€ 10 € €50", "ephedrine 5€ 10 € €50"},
	} {
		if got := Normalize(c.in).String(); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	runCAS(t, []casCase{
		{"Ph€nyl-aceton 1 l", "Ph€nyl-aceton, klar, frisch destilliert. Versand diskret.", []string{"103-79-7"}, []string{"67-64-1"}},
		{"Aceton 1 l, 5€", "Nagellackentferner.", []string{"67-64-1"}, nil},
	})
}

// TestGap45CutNameAlone: a name cut between the title and the description
// is a mention even when neither part names a substance on its own
// ("Benzyl methyl" | "ketone, 25 L drum … tele: @yelloil_lab", heldout45
// zn0113); before, a listing with no substance term in any one field was
// not looked at further. A description that starts a sentence of its own
// is still no continuation.
func TestGap45CutNameAlone(t *testing.T) {
	runCAS(t, []casCase{
		{"Benzyl methyl", "ketone, 25 L drum, colourless to pale yellow liquid. COA on request. tele: @yelloil_lab", []string{"103-79-7"}, nil},
		{"Methyl ethyl", "ketone 200 L drum, industrial solvent.", []string{"78-93-3"}, nil},
		{"Benzyl methyl", "Ketone-free cleaner, 5 L.", nil, []string{"103-79-7"}},
	})
	runVerdicts(t, []verdictCase{
		{"en", "Benzyl methyl", "ketone, 25 L drum, colourless to pale yellow liquid. COA on request. tele: @yelloil_lab", true},
	})
}

// TestGap45ChecklessCAS: a CAS number written after a CAS keyword without
// its check digit, which the text gives in words right after ("Yellow oil
// item #3 — CAS 4676-39-" | "(last digit is 5, forum eats it)", heldout45
// zn0089), is whole: the listing names it. Without a stated digit it stays
// incomplete ("Oil CAS 28578-16-? 1 L", heldout19 e0048), and a stated digit
// that is no check digit, or a wrong digit written on, names nothing.
func TestGap45ChecklessCAS(t *testing.T) {
	runCAS(t, []casCase{
		{"Yellow oil item #3 — CAS 4676-39-", "(last digit is 5, forum eats it). 1 L bottles, 99%. Vacuum sealed, smell proof.", []string{"4676-39-5"}, nil},
		{"Oil", "CAS No. 103-79- (check digit: seven), 1 L, stealth.", []string{"103-79-7"}, nil},
		{"Oil", "CAS No. 103-79-, 1 L, stealth.", nil, []string{"103-79-7"}},
		{"Oil CAS 28578-16-? 1 L", "Reship if seized.", nil, []string{"28578-16-7"}},
		{"Yellow oil — CAS 4676-39-", "(last digit is 2). 1 L bottles, stealth.", nil, []string{"4676-39-5"}},
		{"Yellow oil — CAS 4676-39-2", "1 L bottles, stealth.", nil, []string{"4676-39-5"}},
		{"Part 4676-39-", "(last digit is 5) spare part.", nil, []string{"4676-39-5"}},
	})
}

// TestGap45SpacedHyphens: a name spaced out around its hyphens is the name
// ("N - p h e n e t h y l - 4 - p i p e r i d i n o n e", heldout45 zn0079;
// "1 - 苯 基 - 2 - 丙 酮" with its Chinese characters spaced too, zn0068),
// and only the longest name counts (not acetone in 丙酮). A hyphen that
// separates the parts of a title adds nothing.
func TestGap45SpacedHyphens(t *testing.T) {
	runCAS(t, []casCase{
		{"N - p h e n e t h y l - 4 - p i p e r i d i n o n e", "Spaced out on purpose. 500 g, pure. Stealth shipping worldwide.", []string{"39742-60-4"}, []string{"41661-47-6"}},
		{"1 - 苯 基 - 2 - 丙 酮 99% 现货", "1 - 苯 基 - 2 - 丙 酮，淡黄色液体，25升桶装。电报联系：@bmk_cn", []string{"103-79-7"}, []string{"67-64-1"}},
		{"1 - phenyl - 2 - propanone", "Pale yellow liquid, 1 L.", []string{"103-79-7"}, []string{"67-64-1"}},
		{"Acetone - 1 L - lab grade", "Solvent.", []string{"67-64-1"}, nil},
		{"Phenyl - 2 - propanol", "Fragrance ingredient, 1 L.", nil, []string{"103-79-7"}},
	})
	runVerdicts(t, []verdictCase{
		{"zh", "1 - 苯 基 - 2 - 丙 酮 99% 现货", "1 - 苯 基 - 2 - 丙 酮，淡黄色液体，25升桶装。电报联系：@bmk_cn", true},
		{"en", "N - p h e n e t h y l - 4 - p i p e r i d i n o n e", "Spaced out on purpose. 500 g, pure. Stealth shipping worldwide.", true},
	})
}
