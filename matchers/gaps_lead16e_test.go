package matchers

import "testing"

// TestGapLead16RegulatorWarning: a medicines regulator's warning about
// illegal advertisements that sell ephedrine without a prescription
// (heldout64 yt0018, Greek) was read as an offer in all 30 languages of a
// probe; a seller's own warnings stay offers.
func TestGapLead16RegulatorWarning(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"el", "Εφεδρίνη: προειδοποίηση του ΕΟΦ", "Ο ΕΟΦ προειδοποιεί για παράνομες αγγελίες που πωλούν εφεδρίνη χωρίς συνταγή (ephedrine).", false},
		{"en", "FDA warning", "The FDA warns about illegal ads selling ephedrine without prescription.", false},
		{"de", "Warnung", "Die BfArM warnt vor illegalen Anzeigen, die Ephedrin ohne Rezept verkaufen.", false},
		{"fr", "Alerte", "L'ANSM met en garde contre des annonces illégales vendant de l'éphédrine sans ordonnance.", false},
		{"es", "Alerta", "La AEMPS advierte sobre anuncios ilegales que venden efedrina sin receta.", false},
		{"ru", "Предупреждение", "Росздравнадзор предупреждает о незаконных объявлениях о продаже эфедрина без рецепта.", false},
		{"pl", "Ostrzeżenie", "GIF ostrzega przed nielegalnymi ogłoszeniami sprzedającymi efedrynę bez recepty.", false},
		{"tr", "Uyarı", "TİTCK, efedrini reçetesiz satan yasa dışı ilanlara karşı uyarıyor.", false},
		{"zh", "提醒", "药监局提醒：警惕网上非法售卖无处方麻黄碱的广告。", false},
		{"ko", "경고", "식약처는 처방전 없이 에페드린을 판매하는 불법 광고에 대해 경고했다.", false},
		{"ar", "تحذير", "هيئة الغذاء والدواء تحذر من إعلانات غير قانونية تبيع الإيفيدرين بدون وصفة طبية.", false},
		{"he", "אזהרה", "משרד הבריאות מזהיר מפני מודעות לא חוקיות המוכרות אפדרין ללא מרשם.", false},
		{"th", "เตือน", "อย. เตือนโฆษณาผิดกฎหมายที่ขายเอฟีดรีนโดยไม่ต้องมีใบสั่งแพทย์", false},
		// A seller's own warnings.
		{"en", "Ephedrine HCl 100 g, 99%", "The manufacturer warns against skin contact. Telegram @x", true},
		{"de", "Ephedrin HCl 100 g, 99 %", "Der Hersteller warnt vor Hautkontakt. Telegram @x", true},
		{"en", "Ephedrine HCl 100 g", "FDA approved facility. Price 300 USD. WhatsApp +44 7700 900123", true},
		{"en", "Ephedrine HCl 100 g", "We warn about fakes: buy only from us. Telegram @x", true},
		{"en", "Ephedrine 1 kg 99%", "Illegal ads are everywhere, we are legit. Telegram @x", true},
	})
}

// TestGapLead16CyrillicBoc: "Boc" written in Cyrillic letters (heldout64
// yt0079 "1-бок-4-пиперидон").
func TestGapLead16CyrillicBoc(t *testing.T) {
	runCAS(t, []casCase{
		{"Уведомление", "В Таблицу I внесены 4-пиперидон и 1-бок-4-пиперидон.", []string{"41661-47-6", "79099-07-3"}, nil},
		{"1-бок-4-піперидон 1 кг", "Продаю.", []string{"79099-07-3"}, nil},
	})
}
