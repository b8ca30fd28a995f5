package matchers

import "testing"

// TestGapLead16NoQuestions: "no questions asked" as sellers word it in
// languages the lexicon had no form for (session 16 probe: one sentence in
// 28 languages), and the returns promises that use the same words.
func TestGapLead16NoQuestions(t *testing.T) {
	runIndCases(t, []indCase{
		{"Acetona 99,5 % técnica", "Bidón de 200 L. Sin hacer preguntas.", "no-paperwork", true},
		{"Acetona 99,5% tècnica", "Bidó de 200 L. Sense preguntes.", "no-paperwork", true},
		{"丙酮 99.5% 工业级 200升桶，不问问题。", "", "no-paperwork", true},
		{"アセトン 99.5% 工業用 200Lドラム", "質問なしで販売。", "no-paperwork", true},
		{"아세톤 99.5% 공업용 200L 드럼", "묻지도 따지지도 않습니다.", "no-paperwork", true},
		{"Aseton 99,5% teknis", "Drum 200 L. Tanpa banyak tanya.", "no-paperwork", true},
		{"أسيتون 99.5٪ تقني", "برميل 200 لتر. بدون أسئلة.", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "Koi sawal nahi.", "no-paperwork", true},
		{"एसीटोन 99.5% 200 लीटर ड्रम", "कोई सवाल नहीं।", "no-paperwork", true},
		{"อะซิโตน 99.5% ถัง 200 ลิตร", "ไม่ถามอะไรทั้งนั้น", "no-paperwork", true},
		{"Acetón 99,5 % 200 l", "Bez otázok.", "no-paperwork", true},
		{"Aceton 99,5% 200 l", "Bez pitanja.", "no-paperwork", true},
		{"Ацетон 99,5% 200 л", "Без въпроси.", "no-paperwork", true},
		// A returns promise is no indicator.
		{"Acetona 20 L", "Devolución sin hacer preguntas en 30 días.", "no-paperwork", false},
		{"丙酮 20升。七天无理由退货不问问题。", "", "no-paperwork", false},
		{"Aseton 20 L", "Garansi uang kembali tanpa banyak tanya.", "no-paperwork", false},
		{"أسيتون 20 لتر", "إرجاع بدون أسئلة خلال 30 يومًا.", "no-paperwork", false},
		{"एसीटोन 20 लीटर", "30 दिन में बिना सवाल रिटर्न।", "no-paperwork", false},
		{"Aceton 20 l", "Vrácení do 30 dnů bez otázek.", "no-paperwork", false},
		{"Acetone 20 L", "30-day no questions asked returns.", "no-paperwork", false},
		// A question widget with none yet is no promise.
		{"アセトン 500ml", "この商品への質問：質問なし", "no-paperwork", false},
	})
}

// TestGapLead16CryptoPersian: Persian "only with bitcoin" written with the
// zero-width non-joiner of standard Persian orthography (بیت‌کوین), which
// folds to بیتکوین.
func TestGapLead16CryptoPersian(t *testing.T) {
	runIndCases(t, []indCase{
		{"تولوئن ۹۹٪ گالن ۲۵ لیتری", "پرداخت فقط با بیت‌کوین.", "crypto-payment", true},
		{"تولوئن ۹۹٪ گالن ۲۵ لیتری", "پرداخت فقط با بیتکوین.", "crypto-payment", true},
	})
}

// TestGapLead16SlovakCourt: Slovak "súd" (court) folds to Czech "sud"
// (barrel); a barrel of acetone is an offer, a court report is news.
func TestGapLead16SlovakCourt(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"cs", "Aceton 99,5 % technický", "Sud 200 l. Bez otázek.", true},
		{"cs", "Aceton technický, sud 200 l", "Bez dokladů, platba jen v bitcoinech.", true},
		{"sk", "Okresný súd v Košiciach odsúdil predajcu", "Predával acetón po 200 l sudoch bez dokladov, platba v bitcoinoch.", false},
	})
}

// TestGapLead16Negation: "does not contain" before a name behind an elided
// or partitive article (fr "d'", it "dell'"), Thai "no ingredient of", and
// Persian "contains … not" (حاوی … نیست), from a probe of one sentence in 32
// languages; the article alone negates nothing.
func TestGapLead16Negation(t *testing.T) {
	runNegCases(t, []negCase{
		{"Poudre énergie 1 kg", "Ne contient pas d'éphédrine. Telegram @fitshop", "ephedrine", true},
		{"Poudre énergie 1 kg", "Ne contient pas d’éphédrine. Telegram @fitshop", "ephedrine", true},
		{"Polvere energetica 1 kg", "Non contiene dell'efedrina. Telegram @fitshop", "ephedrine", true},
		{"ผงพลังงาน 1 กก.", "ไม่มีส่วนผสมของเอฟีดรีน Telegram @fitshop", "ephedrine", true},
		{"پودر انرژی ۱ کیلو", "حاوی افدرین نیست. Telegram @fitshop", "ephedrine", true},
		{"L'éphédrine 99 %, 1 kg", "Telegram @x", "ephedrine", false},
		{"Éphédrine d'origine synthétique, 1 kg", "Telegram @x", "ephedrine", false},
		{"خرید افدرین", "مشکلی نیست. تلگرام @x", "ephedrine", false},
	})
}

// TestGapLead16SassafrasOil: the safrole-rich oil as Russian, Ukrainian and
// Polish name it.
func TestGapLead16SassafrasOil(t *testing.T) {
	runCAS(t, []casCase{
		{"Масло сассафраса 1 л", "Продам, доставка.", []string{"94-59-7"}, nil},
		{"Олія сасафрасу 1 л", "Продаю.", []string{"94-59-7"}, nil},
		{"Olejek sassafrasowy 1 l", "Sprzedam.", []string{"94-59-7"}, nil},
	})
}
