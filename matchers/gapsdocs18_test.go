package matchers

import (
	"slices"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// wantedCase is a listing, a substance it names, and whether that mention
// must be read as wanted (named, not negated, not offered) rather than
// offered.
type wantedCase struct {
	title, desc, sub string
	wanted           bool
}

func runWantedCases(t *testing.T, cases []wantedCase) {
	t.Helper()
	m := mustMatcher(t)
	for _, tc := range cases {
		res := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc})
		i := slices.IndexFunc(res.Substances, func(s precwatch.SubstanceMatch) bool { return s.ID == tc.sub })
		if i < 0 {
			t.Errorf("Match(%q / %q): no %s among %v", tc.title, tc.desc, tc.sub, res.Substances)
			continue
		}
		if res.Substances[i].Negated {
			t.Errorf("Match(%q / %q): %s negated, want it named (the page names it)", tc.title, tc.desc, tc.sub)
			continue
		}
		got := slices.ContainsFunc(res.Explain, func(l string) bool {
			return strings.HasPrefix(l, res.Substances[i].Name+": wanted")
		})
		if got != tc.wanted {
			t.Errorf("Match(%q / %q): %s wanted %v, want %v\n    explain: %v", tc.title, tc.desc, tc.sub, got, tc.wanted, res.Explain)
		}
	}
}

// TestGapDocs18QuestionDenied: a buyer's question in a marketplace Q&A
// block asking whether the seller has or sells a substance, answered by the
// seller with a denial ("no", "we don't have", "we don't sell"), offers
// nothing: document h18-th-lazadalike-qna-kot-kamathan-battery ("Q:
// ร้านมีเอฟีดรีน หรือซูโดอีเฟดรีนขายไหม …" / "A: ไม่มีครับ … ไม่ขายยา…"). The
// question line needs no question mark when it opens with a question label
// and the next line with an answer label; the asker's byline may follow the
// question. Twins: a "yes" answer, a "no" taken back by "but", a denial of
// one size with a quantity, and a next line that is no labelled answer.
func TestGapDocs18QuestionDenied(t *testing.T) {
	runWantedCases(t, []wantedCase{
		{"น้ำกรดแบตเตอรี่ กรดกำมะถัน 1 ลิตร", "Q: ร้านมีเอฟีดรีน หรือซูโดอีเฟดรีนขายไหม ขอแบบเยอะๆ - ผู้ใช้ k***t · 1 เดือนก่อน\nA: ไม่มีครับ ร้านขายเฉพาะน้ำกรดและอุปกรณ์แบตเตอรี่ ไม่ขายยาหรือสารตั้งต้นใดๆ - Battery Pro BKK", "ephedrine", true},
		{"น้ำกรดแบตเตอรี่ กรดกำมะถัน 1 ลิตร", "Q: ร้านมีเอฟีดรีน หรือซูโดอีเฟดรีนขายไหม ขอแบบเยอะๆ - ผู้ใช้ k***t · 1 เดือนก่อน\nA: ไม่มีครับ ร้านขายเฉพาะน้ำกรดและอุปกรณ์แบตเตอรี่ ไม่ขายยาหรือสารตั้งต้นใดๆ - Battery Pro BKK", "pseudoephedrine", true},
		{"น้ำกรดแบตเตอรี่ 1 ลิตร", "ถาม: มีซูโดอีเฟดรีนขายไหมครับ\nตอบ: ทางร้านไม่มีจำหน่ายครับ", "pseudoephedrine", true},
		{"Battery acid 1 L", "Q: Do you have ephedrine? A: No, we don't.", "ephedrine", true},
		{"Battery acid 1 L", "Q: Do you have ephedrine?\nA: Sorry, we don't sell it.", "ephedrine", true},
		{"Battery acid 1 L", "Q: Do you sell pseudoephedrine in bulk? - asked by k***t\nA: We don't sell medicines. - Battery Pro", "pseudoephedrine", true},
		{"Battery acid 1 L", "Q: Do you have ephedrine? - user\nA: Sorry, no.", "ephedrine", true},
		{"Ácido para baterías 1 L", "Pregunta: ¿Tienen efedrina? - usuario\nRespuesta: No tenemos, solo ácido para baterías.", "ephedrine", true},
		{"Batteriesäure 1 L", "Frage: Haben Sie auch Ephedrin?\nAntwort: Leider nein.", "ephedrine", true},
		{"Аккумуляторная кислота 1 л", "Вопрос: У вас есть эфедрин?\nОтвет: У нас нет такого.", "ephedrine", true},
		{"蓄电池电解液 1 L", "问：有麻黄碱卖吗？\n答：不卖。", "ephedrine", true},
		{"Akü asidi 1 L", "Soru: Efedrin satıyor musunuz?\nCevap: Maalesef yok.", "ephedrine", true},
		{"Air aki 1 L", "Pertanyaan: Jual efedrin gan? - pembeli\nJawaban: Tidak ada, kami tidak menjual obat.", "ephedrine", true},
		{"Acide de batterie 1 L", "Question : Vous avez de l'éphédrine ?\nRéponse : Non, nous n'en avons pas.", "ephedrine", true},
		// Twins.
		{"Battery acid 1 L", "Q: Do you sell ephedrine in bulk? - user\nA: Yes, in stock, 1 kg. - Battery Pro", "ephedrine", false},
		{"Battery acid 1 L", "Q: Do you have ephedrine? A: No, but we can get it in two weeks.", "ephedrine", false},
		{"Battery acid 1 L", "Q: Do you have ephedrine? - user\nA: We don't have it in 1 kg, only 500 g.", "ephedrine", false},
		{"น้ำกรดแบตเตอรี่ 1 ลิตร", "Q: ร้านมีเอฟีดรีนขายไหม - ผู้ใช้ k***t\nA: มีครับ 1 กก. ส่งได้เลย", "ephedrine", false},
		{"น้ำกรดแบตเตอรี่ 1 ลิตร", "Q: ร้านมีเอฟีดรีนขายไหม ไม่มีใบสั่งแพทย์\nไม่มีรีวิว", "ephedrine", false},
		{"Battery acid 1 L", "Q: Do you sell ephedrine? A: Yes, 25 kg drums.", "ephedrine", false},
		{"น้ำกรดแบตเตอรี่ 1 ลิตร", "Q: ร้านมีเอฟีดรีนขายไหม\nA: ไม่ต้องห่วงครับ มีของพร้อมส่ง", "ephedrine", false},
		{"น้ำกรดแบตเตอรี่ 1 ลิตร", "Q: ร้านมีเอฟีดรีนขายไหม\nA: ไม่มีปัญหาครับ ส่งได้ทั่วประเทศ", "ephedrine", false},
		{"Lab chemicals", "Do you sell ephedrine? We don't sell to just anyone, verified buyers only. Wickr: efx", "ephedrine", false},
		{"Productos químicos", "¿Venden efedrina? No vendemos a particulares, solo empresas. Telegram @efx", "ephedrine", false},
		{"Ephedrine HCl 1 kg", "Ephedrine HCl, 99%. Q: Do you ship to Mexico?\nA: No, EU only.", "ephedrine", false},
	})
}

// TestGapDocs18ContentDenied: a question on a Q&A block's labelled line
// about what the product contains, answered "no" on the next line, negates
// the name as before on one line ("Q: Does it contain ephedrine? A: No.");
// the asker's byline may stand between. Twin: a "yes" answer.
func TestGapDocs18ContentDenied(t *testing.T) {
	runNegCases(t, []negCase{
		{"Herbal energy capsules, 60 ct", "Q: Does it contain ephedrine? - asked by m***a\nA: No, caffeine and green tea only.", "ephedrine", true},
		{"Kräuterkapseln, 60 Stück", "Frage: Enthält es Ephedrin? - von k***t\nAntwort: Nein.", "ephedrine", true},
		{"Herbal energy capsules, 60 ct", "Q: Does it contain ephedrine? - asked by m***a\nA: Yes, 8 mg per capsule.", "ephedrine", false},
	})
}

// TestGapDocs18RedPhosphorusArabic: the Arabic spelling without waw, فسفور
// أحمر, beside the watchlist's فوسفور أحمر (document
// h18-ar-opensooqlike-seller-rating-fosfor-ahmar-usdt, found only by its
// Latin gloss).
func TestGapDocs18RedPhosphorusArabic(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"فسفور أحمر نقي 1 كغ", "للبيع في عمّان.", []string{"red-phosphorus"}},
		{"للبيع", "الفسفور الأحمر نقي 99%، 5 كغ.", []string{"red-phosphorus"}},
	})
}
