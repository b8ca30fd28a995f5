package matchers

import "testing"

// TestGap57TranslitVerdicts: transliterated words that decide a verdict
// (heldout57): Greeklish "xoris" and Thai romanised "mai mi" before a name
// negate it (zz0063, zz0031); Levantine Arabizi "bil jomle" makes a Table I
// medicine wholesale (zz0050); Thai romanised "mai tong chai ekasan" (no
// documents needed) is the no-paperwork indicator (zz0094). Innocent twins:
// the name with the plain word beside it.
func TestGap57TranslitVerdicts(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"el", "Siropi gia ton vixa xoris efedrini", "Fytiko siropi, xoris efedrini kai xoris zachari, 200 ml.", false},
		{"el", "Efedrini 1 kg", "Katharotita 99%, apostoli se oli tin Ellada.", true},
		{"th", "ya kae ai mai mi sudoephedrine", "mai mi sudoephedrine, dek tan dai.", false},
		{"ar", "7ubob pseudoephedrine 60mg bil jomle", "3enna 50 kartoneh, bay3 bil jomle bas.", true},
		{"ar", "7ubob pseudoephedrine 60mg", "3elbe wa7de, 10 7abbeh.", false},
		{"th", "krot kamatan (sulfuric acid) 98% 35 kg", "mai tong chai ekasan.", true},
		{"th", "krot kamatan (sulfuric acid) 98% 35 kg", "mi ekasan khrop.", false},
	})
}

// TestGap57TranslitNames: names of watched substances as natives type them
// in Latin letters (heldout57). Listed words: Polish "BMK glicydat
// metylowy" is the methyl ester, not the acid (zz0089); Finglish "asid
// kloridrik", "jowhar namak" (zz0095).
func TestGap57TranslitNames(t *testing.T) {
	const hcl, bmkMG, bmkGA, bmk = "7647-01-0", "80532-66-7", "25547-51-7", "103-79-7"
	runCAS(t, []casCase{
		{"BMK glicydat metylowy 5 kg", "Wysylka 24h.", []string{bmkMG}, []string{bmkGA}},
		{"Asid kloridrik (jowhar namak) 20 litr", "Galon 20 litri.", []string{hcl}, nil},
		{"Jowhar namak 32%", "Galon 20 litri.", []string{hcl}, nil},
		{"BMK glicydat 5 kg", "Wysylka 24h.", []string{bmkGA}, []string{bmkMG, bmk}},
	})
}
