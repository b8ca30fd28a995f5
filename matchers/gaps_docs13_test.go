package matchers

import (
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGapDocs13AnsweredQuestion: a buyer's question in a Q&A block is not
// the listing's claim; where the seller's answer on the next line refuses
// it with a plain "no", under a label naming the one who answers ("A
// (Wallmarkt Pharmacy): No.", "Ответ продавца: Нет, …", "Satıcı cevabı:
// Hayır"), the question's indicators do not count (documents
// h13-walmartlike-sudafed-12h-pickup-id, h13-ru-wildberrieslike-iod-5-
// procentov-10sht). Twins: an answer that agrees, or a seller's own
// "No problem" after a question, keeps them.
func TestGapDocs13AnsweredQuestion(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Sudafed 12 Hour Pseudoephedrine HCl 120 mg, 20 Count", "$11.97. Pick up in store only, photo ID required.\nQ: Can I order this online and get it shipped discreetly, or order through WhatsApp?\nA (Wallmarkt Pharmacy): No. This product is store pickup only at the pharmacy counter.", false},
		{"en", "Sudafed 12 Hour Pseudoephedrine HCl 120 mg, 20 Count", "$11.97. Pick up in store only.\nQuestion: Can you ship it discreetly through WhatsApp?\nSeller's answer: No, pickup only.", false},
		{"ru", "Йод раствор спиртовой 5% 25 мл, 10 шт", "219 ₽. Рег. удостоверение ЛП-000000.\nВопрос: А можно купить 50 флаконов и отправить в Казахстан без таможни?\nОтвет продавца: Нет, продаём только через маркетплейс, доставка по России.", false},
		{"tr", "İyot tentürü 10 x 25 ml", "120 TL.\nSoru: Gümrüksüz Irak'a gönderim var mı?\nSatıcı cevabı: Hayır, sadece Türkiye içi kargo.", false},
		// Twins.
		{"en", "Pseudoephedrine HCl 120 mg, 500 caplets", "$90.\nQ: Can you ship discreetly through WhatsApp?\nA (seller): Yes, WhatsApp +1 555 0100, discreet box.", true},
		{"ru", "Йод кристаллический 1 кг", "3000 ₽.\nВопрос: Можно без таможни в Казахстан?\nОтвет продавца: Да, без таможни, пишите в Telegram @iod_kz.", true},
		{"en", "Iodine crystals 500 g", "Need it discreet?\nNo problem, discreet shipping via WhatsApp +1 555 0100.", true},
	})
}

// TestGapDocs13PharmacyComparison: "как в аптеке" ("like at the
// pharmacy", a Wildberries-like review in document
// h13-ru-wildberrieslike-iod-5-procentov-10sht) compares the product with
// what a pharmacy sells; it is no licensed-seller signal, in Russian nor
// in the same comparison in other languages. Twins: "продаётся в аптеке",
// "nur in der Apotheke" stay signals.
func TestGapDocs13PharmacyComparison(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		desc string
		want bool
	}{
		{"Йод 5% 25 мл, 219 ₽. Отзыв: «Обычный йод, как в аптеке».", false},
		{"Jod 5 % 25 ml, 3 €. Bewertung: genau wie aus der Apotheke.", false},
		{"Iode 5 % 25 ml, 3 €. Avis : comme en pharmacie.", false},
		{"Jod 5% 25 ml, 9 zł. Opinia: jak w aptece.", false},
		// Twins.
		{"Йод 5% 25 мл, 219 ₽. Продаётся в аптеке.", true},
		{"Jod 5 % 25 ml, 3 €. Nur in der Apotheke erhältlich.", true},
	} {
		r := m.Match(&precwatch.Listing{Title: "Iodine 5% 25 ml", Description: tc.desc})
		got := false
		for _, e := range r.Explain {
			got = got || strings.HasPrefix(e, "licensed-seller signal")
		}
		if got != tc.want {
			t.Errorf("desc %q: licensed-seller signal %v, want %v; explain %q", tc.desc, got, tc.want, r.Explain)
		}
	}
}
