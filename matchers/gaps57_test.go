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

// TestGap57GeneratedRomanisations: names romanised mechanically from the
// watchlist's native names when the matcher is built (translit.go,
// romanize.go): Greeklish with γγ as ng ("ypermanganiko kalio", zz0010);
// Russian with ц as z ("marganzovku", zz0020); Belarusian Lacinka
// ("efiedryn", zz0047); Azerbaijani with ş as sh ("sulfat turshusu",
// zz0098); romaji from katakana ("toruen", zz0012); Revised Romanisation
// from Hangul, doubled consonants simplified and the acid spaced
// ("gwamangansan kalyum", zz0092); pinyin spaced from a joined name
// ("gāo měng suān jiǎ", zz0042). Innocent twins: a part of a name alone
// names nothing.
func TestGap57GeneratedRomanisations(t *testing.T) {
	const kmno4, eph, pse, h2so4, hcl, tol, ac2o = "7722-64-7", "299-42-3", "90-82-4", "7664-93-9", "7647-01-0", "108-88-3", "108-24-7"
	runCAS(t, []casCase{
		{"Ypermanganiko kalio 500gr gia enydreio", "Apolymansi.", []string{kmno4}, nil},
		{"Ipermanganiko kalio 1 kg", "Gia pisines.", []string{kmno4}, nil},
		{"prodam marganzovku 5 kg", "v bankah.", []string{kmno4}, nil},
		{"Efiedryn 50 g", "chysty.", []string{eph}, []string{pse}},
		{"Psieudaefiedryn 1 kg", "chysty.", []string{pse}, nil},
		{"Sulfat turshusu 1 ton", "zavod ucun.", []string{h2so4}, nil},
		{"Xlorid turshusu 33%", "20 litr.", []string{hcl}, nil},
		{"Toruen 18L kan", "tosou you usume eki.", []string{tol}, nil},
		{"gwamangansan kalyum 1 kg", "hyeongeum georae.", []string{kmno4}, nil},
		{"Gwamanggansankallyum 500 g", "taekbae.", []string{kmno4}, nil},
		{"Peniraseton 1 L", "taekbae.", []string{"103-79-7"}, nil},
		// 염산 (HCl) is an ambiguous term (염산염, a salt): not romanised.
		{"Yeomsan 35% 20 L", "gongeopyong.", nil, []string{hcl}},
		{"Epedeurin 100 g", "taekbae.", []string{eph}, nil},
		{"gāo měng suān jiǎ 25kg", "baomi baozhuang.", []string{kmno4}, nil},
		{"yi suan gan 200 kg", "xian huo.", []string{ac2o}, nil},
		// Parts of the names alone.
		{"Kalyum 1 kg", "bi ryo.", nil, []string{kmno4}},
		{"Gao meng 25kg", "xian huo.", nil, []string{kmno4}},
		{"Kalio 500 gr", "gia fytа.", nil, []string{kmno4}},
		{"Turshusu 1 ton", "zavod ucun.", nil, []string{h2so4}},
	})
}

// TestGap57Arabizi: Arabic loan names typed in Latin letters, generated
// from the watchlist's Arabic names with the vowel letters read three ways
// ("aseeton", zz0096; "ifidrin", "toloeen"); readings of native words with
// unwritten short vowels are not generated.
func TestGap57Arabizi(t *testing.T) {
	const acetone, eph, tol = "67-64-1", "299-42-3", "108-88-3"
	runCAS(t, []casCase{
		{"aseeton lel manicure ezaza 100ml", "a9li.", []string{acetone}, nil},
		{"Ifidrin 1 kilo", "nakawa 99%.", []string{eph}, nil},
		{"Toloeen 20 litr", "lel dehanat.", []string{tol}, nil},
		{"Aseer manga 1 litr", "taza.", nil, []string{acetone}},
	})
	for _, f := range arabiziNames("حمض الكبريتيك") {
		if unvoweled(f) {
			t.Errorf("arabiziNames gave the unreadable %q", f)
		}
	}
}

// TestGap57ToneDigits: romanised Chinese with a tone digit after each
// syllable is read without the digits (Jyutping "ma4 wong4 gaan2", zz0069;
// pinyin "gao1 meng3 suan1 jia3"), and Cantonese "mou5" (冇, there is no)
// negates what follows (zz0090). Digits elsewhere stay: a name is not
// made across a size or a product code.
func TestGap57ToneDigits(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "ma wong gaan yau yin fo", "ma4 wong4 gaan2 yau5 yin6 fo3, siu1 leung6 do1 leung6 dou1 dak1, whatsapp king1.", true},
		{"zh", "gao meng suan jia 25kg", "gao1 meng3 suan1 jia3 25kg, Telegram lianxi.", true},
		{"zh", "ji kat tong jeung mou ma wong gaan", "ji2 kat1 tong4 jeung1, mou5 ma4 wong4 gaan2, sai3 lou6 dou1 yam2 dak1.", false},
	})
	const eph, kmno4 = "299-42-3", "7722-64-7"
	runCAS(t, []casCase{
		{"Ma4 wong4 gaan2 1 kg", "yau5 fo3.", []string{eph}, nil},
		{"gao1 meng3 suan1 jia3", "25kg.", []string{kmno4}, nil},
		// Sizes and codes: no tone digits.
		{"A4 A5 paper, ma wong 3", "gaan2 room.", nil, []string{eph}},
		{"Gao meng1 suan jia", "no tones on all.", nil, nil},
	})
}
