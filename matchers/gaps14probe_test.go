package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// indCase is a listing and whether it must carry the indicator.
type indCase struct {
	title, desc, ind string
	want             bool
}

// runIndCases matches every case and reports each indicator found or
// missed against its case.
func runIndCases(t *testing.T, cases []indCase) {
	t.Helper()
	m := mustMatcher(t)
	for _, tc := range cases {
		res := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc})
		var ids []string
		for _, in := range res.Indicators {
			ids = append(ids, in.ID)
		}
		if got := slices.Contains(ids, tc.ind); got != tc.want {
			t.Errorf("Match(%q / %q): indicators %v, want %s %v", tc.title, tc.desc, ids, tc.ind, tc.want)
		}
	}
}

// TestGap14CustomsHundredPercent: "100% customs pass" (the ticket policy's
// own example) said with the customs noun in any language and a "100%"
// beside it in the same sentence ("Passe la douane à 100%", "Gümrükten %100
// geçer", "税関100%通過", "세관 100% 통과", "100%清关"), found missing by a
// probe of one sentence in 18 languages (session 14). Customs duties paid in
// full, and a parcel that merely clears customs, are no evasion.
func TestGap14CustomsHundredPercent(t *testing.T) {
	runIndCases(t, []indCase{
		{"Toluol 200 L", "Geht 100% durch den Zoll.", "customs-evasion", true},
		{"Toluène 200 L", "Passe la douane à 100%.", "customs-evasion", true},
		{"Tolueno 200 L", "Pasa la aduana 100%.", "customs-evasion", true},
		{"Толуол 200 л", "Проходит таможню 100%.", "customs-evasion", true},
		{"Toluen 200 L", "Przechodzi przez cło 100%.", "customs-evasion", true},
		{"Toluene 200 L", "Goes through customs 100%.", "customs-evasion", true},
		{"Toluen 200 L", "100% prochází celní kontrolou.", "customs-evasion", true},
		{"Toluen 200 L", "Prochází celnicí 100 %.", "customs-evasion", true},
		{"Toluen 200 L", "100% átmegy a vámon.", "customs-evasion", true},
		{"Toluen 200 L", "Trece vama 100%.", "customs-evasion", true},
		{"Toluen 200 L", "Prolazi carinu 100%.", "customs-evasion", true},
		{"Толуол 200 л", "Проходить митницю 100%.", "customs-evasion", true},
		{"Τολουόλιο 200 L", "Περνάει από το τελωνείο 100%.", "customs-evasion", true},
		{"Toluen 200 L", "Passerar tullen 100 %.", "customs-evasion", true},
		{"Tolueeni 200 L", "Menee tullin läpi 100 %.", "customs-evasion", true},
		{"Toluen 200 L", "Gümrükten %100 geçer.", "customs-evasion", true},
		{"Toluen 200 L", "Qua hải quan 100%.", "customs-evasion", true},
		{"甲苯 200升", "100%清关。", "customs-evasion", true},
		{"トルエン 200L", "税関100%通過。", "customs-evasion", true},
		{"톨루엔 200L", "세관 100% 통과.", "customs-evasion", true},
		{"Toluene 200 L", "Passa in dogana al 100%.", "customs-evasion", true},
		{"Tolueno 200 L", "Passa na alfândega 100%.", "customs-evasion", true},
		{"Tolueen 200 L", "Komt 100% door de douane.", "customs-evasion", true},
		// No evasion.
		{"Toluene 200 L", "Customs duties are 100% paid by the buyer.", "customs-evasion", false},
		{"Toluene 200 L", "100% pure. Customs documents provided.", "customs-evasion", false},
		{"Toluol 200 L", "Zollgebühren werden zu 100% vom Käufer getragen.", "customs-evasion", false},
		{"Toluène 200 L", "Le colis passe la douane en 2 jours.", "customs-evasion", false},
		{"Toluene 200 L", "Purity 100%. Customs clearance by the buyer.", "customs-evasion", false},
	})
}

// TestGap14ChineseSolventContext: the bare Chinese names of toluene,
// hydrochloric and sulphuric acid count beside litres, spot stock or export
// customs clearance, as 丙酮 does (heldout44 zm0050): "甲苯 200升 隐蔽包装"
// was no hit at all in a probe of session 14. Longer names that hold them
// (二甲苯 xylene, 盐酸盐 hydrochloride salts, 硫酸镁) stay blocked.
func TestGap14ChineseSolventContext(t *testing.T) {
	runCAS(t, []casCase{
		{"甲苯 200升 隐蔽包装 无需手续", "", []string{"108-88-3"}, nil},
		{"盐酸 200升 现货", "", []string{"7647-01-0"}, nil},
		{"硫酸 200升 现货", "", []string{"7664-93-9"}, nil},
		{"二甲苯 200升 现货", "", nil, []string{"108-88-3"}},
		{"硫酸镁 25公斤 现货", "", nil, []string{"7664-93-9"}},
		{"盐酸二甲双胍片 现货", "", nil, []string{"7647-01-0"}},
	})
	runVerdicts(t, []verdictCase{
		{"zh", "甲苯 200升 隐蔽包装 无需手续", "", true},
		{"zh", "甲苯 200升 现货", "厂家直销，可开票。", false},
	})
}

// TestGap14ProbeIndicators: no-paperwork and stealth wordings a probe of
// one sentence in 28 languages found missing (session 14): Czech "bez
// dokladů", Turkish "soru sorulmaz", Vietnamese "không hỏi han", Japanese
// "用途は聞きません", Korean "용도 묻지 않음", Persian "بسته‌بندی مخفی" (with
// its zero-width non-joiner or a space). Medicines sold without a
// prescription by rule stay no indicator.
func TestGap14ProbeIndicators(t *testing.T) {
	runIndCases(t, []indCase{
		{"Toluen 200 L", "Bez dokladů.", "no-paperwork", true},
		{"Toluen 200 L", "Gümrükten geçer, soru sorulmaz.", "no-paperwork", true},
		{"Toluen 200 L", "Giao hàng nhanh, không hỏi han.", "no-paperwork", true},
		{"トルエン 200L", "用途は聞きません。", "no-paperwork", true},
		{"톨루엔 200L", "용도 묻지 않음.", "no-paperwork", true},
		{"تولوئن ۲۰۰ لیتر", "بسته\u200cبندی مخفی", "stealth-packaging", true},
		{"تولوئن ۲۰۰ لیتر", "بسته بندی مخفی", "stealth-packaging", true},
		{"Toluen 200 L", "Doklady k dispozici, faktura s DPH.", "no-paperwork", false},
		{"تولوئن ۲۰۰ لیتر", "بسته بندی استاندارد", "stealth-packaging", false},
	})
}

// TestGap14CryptoOnlyProbe: "payment only in Bitcoin" in 31 languages
// (session 14 probe) missed Ukrainian "біткоїнах" and Thai "บิตคอยน์
// … เท่านั้น" (only). A fiat payment stays no indicator.
func TestGap14CryptoOnlyProbe(t *testing.T) {
	runIndCases(t, []indCase{
		{"Толуол 200 л", "Оплата лише в біткоїнах.", "crypto-payment", true},
		{"โทลูอีน 200 ลิตร", "ชำระเงินด้วยบิตคอยน์เท่านั้น", "crypto-payment", true},
		{"โทลูอีน 200 ลิตร", "ชำระเงินด้วยการโอนเงินผ่านธนาคารเท่านั้น", "crypto-payment", false},
	})
}

// TestGap14MislabelProbe: "declared as paint thinner" in 29 languages
// (session 14 probe) missed Polish "deklarowany jako", Bulgarian
// "декларира се като" and Hindi "के रूप में घोषित". German with the verb
// last ("als X deklariert") and Persian "به عنوان X اظهار" are left out: a
// frame's "als" or "به عنوان" would pair with every mislabelling frame's
// first word ("Paket als Geschenk"). A business registered as such stays
// clear.
func TestGap14MislabelProbe(t *testing.T) {
	runIndCases(t, []indCase{
		{"Toluen 200 L", "Deklarowany jako rozcieńczalnik.", "mislabelling", true},
		{"Толуен 200 л", "Декларира се като разредител.", "mislabelling", true},
		{"टोल्यूईन 200 लीटर", "पेंट थिनर के रूप में घोषित।", "mislabelling", true},
		{"Toluol 200 L", "Als Kleinunternehmer angemeldet, Rechnung ohne MwSt.", "mislabelling", false},
	})
}

// TestGap14ReductionWordsProbe: "red phosphorus for the reduction of
// ephedrine" in 23 languages (session 14 probe) had no synthesis hint in
// Turkish, Vietnamese, Indonesian, Dutch, Romanian, Greek and Arabic: their
// word for the reduction was missing from the reaction frame. Vietnamese
// bare "khu" (folded "khử", also "area") is not a reduction word.
func TestGap14ReductionWordsProbe(t *testing.T) {
	runIndCases(t, []indCase{
		{"Kırmızı fosfor 500 g", "Efedrin indirgemesi için.", "synthesis-hint", true},
		{"Phốt pho đỏ 500 g", "Dùng để khử ephedrine.", "synthesis-hint", true},
		{"Fosfor merah 500 g", "Untuk reduksi efedrin.", "synthesis-hint", true},
		{"Rode fosfor 500 g", "Voor reductie van efedrine.", "synthesis-hint", true},
		{"Fosfor roșu 500 g", "Pentru reducerea efedrinei.", "synthesis-hint", true},
		{"Κόκκινος φώσφορος 500 g", "Για αναγωγή εφεδρίνης.", "synthesis-hint", true},
		{"الفوسفور الأحمر 500 غ", "لاختزال الإيفيدرين.", "synthesis-hint", true},
		{"Toluen và acetone 200 L", "Giao hàng khu công nghiệp Bình Dương.", "synthesis-hint", false},
	})
}

// TestGap14NamedRoutes: the named routes of clandestine synthesis ("Nagai
// route", "Birch reduction", "Leuckart route", "HI/red P method") are synthesis
// hints beside a surveillance reagent ("Iodine 100 g + red P, full kit for
// the Nagai route", session 14 probe). Iodine sold for first aid stays
// clear.
func TestGap14NamedRoutes(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Iodine 100 g + red P", "Full kit for the Nagai route.", true},
		{"en", "Formamide 1 L", "Ideal for the Leuckart route.", true},
		{"en", "Red phosphorus 100 g", "For the HI/red P method.", true},
		{"en", "Iodine 100 g", "Resublimed, for iodine clock demonstrations.", false},
	})
}

// TestGap14WholesaleProbe: "wholesale" in 31 languages beside a retail
// medicine (session 14 probe) missed Hungarian "nagykereskedelem" (the
// listed stem "nagykereskedelm*" is its inflected form), bare Finnish
// "tukku" and French "en vrac".
func TestGap14WholesaleProbe(t *testing.T) {
	runIndCases(t, []indCase{
		{"Pseudoephedrine tablets 60 mg", "Nagykereskedelem.", "bulk-quantity", true},
		{"Pseudoephedrine tablets 60 mg", "Tukku.", "bulk-quantity", true},
		{"Pseudoéphédrine comprimés 60 mg", "Vendu en vrac.", "bulk-quantity", true},
		{"Pseudoephedrine tablets 60 mg", "Pack of 12.", "bulk-quantity", false},
	})
}
