package matchers

import (
	"slices"
	"testing"
)

// TestGap30FentanylNews: news, indictments, seizure reports, government
// decrees and draft orders about fentanyl precursors name them without
// offering them, also when they quote indicator words (heldout30 n0071,
// n0072, n0014, n0078, n0143); offers beside them stay suspicious.
func TestGap30FentanylNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Chemical firm and two executives indicted for selling fentanyl precursors",
			"According to the indictment, the firm advertised 4-AP and N-phenethyl-4-piperidone online, promised '100% customs pass', used Wickr and shipped propionyl chloride mislabeled as 'toys'. Undercover agents ordered 1 kg.", false},
		{"en", "Border officers find 30 kg of ANPP hidden in a truck of tiles",
			"The powder tested positive for 4-anilino-N-phenethylpiperidine, a precursor of fentanyl.", false},
		{"es", "Aseguran precursores de fentanilo en Lázaro Cárdenas",
			"La Secretaría de Marina informó que se localizaron cloruro de propionilo y N-fenetil-4-piperidona (NPP) declarados como 'pintura'. Fueron puestos a disposición de la FGR.", false},
		{"kk", "Фентанил прекурсорлары бақылауға алынды",
			"Үкімет қаулысымен NPP (N-phenethyl-4-piperidone) және ANPP прекурсорлар тізіміне енгізілді.", false},
		{"ja", "1-Boc-4-ピペリドンを指定 — 厚労省", "厚生労働省は1-Boc-4-ピペリドン（CAS 79099-07-3）を麻薬向精神薬原料に指定する政令案を公表した。", false},
		// Offers stay offers.
		{"en", "N-phenethyl-4-piperidone (NPP) 1 kg", "99% powder, 100% customs pass to USA and Mexico, Wickr: npp_fast.", true},
		{"es", "N-fenetil-4-piperidona (NPP) 1 kg", "Envío discreto a México, pago en USDT.", true},
		{"ja", "4-ピペリドン塩酸塩 100g", "書類不要、匿名配送。", true},
	})
}

// TestGap30ComplianceSoftware: compliance software that screens orders
// names the chemicals it flags as examples; it is not an offer of them
// (heldout30 n0011). An "API" alone is an active pharmaceutical ingredient.
func TestGap30ComplianceSoftware(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "OrderGuard — screen checkouts against Table I (e.g. 4-piperidone, 1-boc-4-piperidone, 4-AP)",
			"Our compliance API flags orders for scheduled precursors. Integrates with WooCommerce.", false},
		{"en", "Precursor screening software for distributors", "Flags NPP, ANPP and 1-boc-4-piperidone orders. From USD 99/month.", false},
		{"en", "4-Piperidone hydrochloride monohydrate API 1 kg", "Pharmaceutical intermediate, 99%, in stock.", true},
	})
}

// TestGap30ReferenceMaterialPurpose: a not-substance noun in a purpose
// phrase ("certified reference material for … urine drug testing") names
// the product's use, not the product: a Table I reference standard stays an
// offer (heldout30 n0156; the ticket policy's licensed-seller signal does
// not clear it), while test strips and kits for a drug are no offer of it.
func TestGap30ReferenceMaterialPurpose(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Norfentanyl 100 µg/mL in acetonitrile, certified reference material, 1 mL",
			"Reference material for forensic toxicology and urine drug testing. Sold to DEA-registered laboratories only.", true},
		{"en", "Norfentanyl drug test strips, 50 pack", "Detects norfentanyl in urine for drug testing at home.", false},
		{"en", "Fentanyl test kit for norfentanyl", "Reagent drug testing kit, 10 tests.", false},
		{"en", "For sale: drug testing kits", "Detects norfentanyl and fentanyl in urine.", false},
	})
}

// TestGap30LongestName: a longer name of a substance gives only that
// substance, not the shorter one inside it (heldout30 n0154, n0167, n0108,
// n0002); "new BMK powder" in Kazakh and Vietnamese is the BMK glycidic acid
// trade name, not P-2-P (heldout30 n0004, n0096, as the other sets label
// "new BMK").
func TestGap30LongestName(t *testing.T) {
	runCAS(t, []casCase{
		{"1-Boc-4-AP 5 kg", "Boc-protected 4-anilinopiperidine, 98%.", []string{"125541-22-2"}, []string{"23056-29-3"}},
		{"трет-бутил-4-анілінопіперидин-1-карбоксилат 1 кг", "99%, Telegram.", []string{"125541-22-2"}, []string{"23056-29-3"}},
		{"PMK гліцидат 1 кг", "порошок, склад у Польщі.", []string{"13605-48-6"}, []string{"4676-39-5"}},
		{"Boc-ピペリドン 100g", "tert-ブチル 4-オキソピペリジン-1-カルボキシラート、純度99%。", []string{"79099-07-3"}, []string{"110-89-4", "41661-47-6"}},
		{"Жаңа BMK ұнтағы 5 кг", "Кедендік тексерусіз жеткізу.", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"Bột BMK mới 10 kg", "Giao hàng kín đáo.", []string{"25547-51-7"}, []string{"103-79-7"}},
		// 4-AP and P-2-P named on their own stay.
		{"4-anilinopiperidine 1 kg", "CAS 23056-29-3, 99%.", []string{"23056-29-3"}, nil},
		{"BMK oil (P2P) 1 L", "Telegram.", []string{"103-79-7"}, nil},
	})
}

// TestGap30FreeOfClassExamples: a "free of" cue before a class noun and its
// examples ("free of reagents such as ANPP") denies the examples (heldout30
// n0153); a class named without a cue still offers its examples.
func TestGap30FreeOfClassExamples(t *testing.T) {
	runCAS(t, []casCase{
		{"Harm-reduction strips, no 4-ANPP inside", "Our strips are free of reagents such as ANPP.", nil, []string{"21409-26-7"}},
		{"Cleaning solvent blend", "Free of controlled solvents like toluene.", nil, []string{"108-88-3"}},
		{"Precursor shop", "We stock reagents such as ANPP (4-anilino-N-phenethylpiperidine), 1 kg.", []string{"21409-26-7"}, nil},
	})
}

// TestGap30SpacedCAS: a CAS number spaced digit by digit with its groups
// split by " - " counts without a CAS keyword (heldout30 n0093); digits
// spaced in other shapes do not.
func TestGap30SpacedCAS(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"4 - a p powder 2 3 0 5 6 - 2 9 - 3", []string{"23056-29-3"}},
		{"bmk 5 4 4 9 - 1 2 - 7 in stock", []string{"5449-12-7"}},
		{"2 3 0 5 6 - 2 9 - 4", nil},        // wrong check digit
		{"call 2 3 0 5 6 - 2 9 - 3 5", nil}, // a longer number
		{"1 2 - 3 4 - 5 6", nil},
		{"score 3 - 2 - 1", nil},
	}
	for _, tc := range cases {
		var got []string
		for _, c := range FindCAS([]byte(tc.text)) {
			got = append(got, c.CAS)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("FindCAS(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	runVerdicts(t, []verdictCase{
		{"en", "4 - A P  p o w d e r  2 3 0 5 6 - 2 9 - 3", "✅ 100% p a s s  c u s t o m s ✅ USA MX  —  t e l e g r a m : @ap_fast", true},
	})
}
