package matchers

import "testing"

// TestGap22GluedNegation: a negation cue before a name that carries a
// glued Arabic article or prefix ("خالٍ من الإفيدرين", "بدون والإفيدرين")
// or Hebrew prefix letters ("ללא האפדרין") negates it, and the feminine,
// Persian, Urdu and Hebrew forms of "free of / without / does not
// contain" are cues (heldout22 w0101). A cue that negates another word
// leaves the name offered.
func TestGap22GluedNegation(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ar", "مكمل غذائي خالٍ من الإفيدرين", "حارق دهون طبيعي، خالٍ من الإفيدرين. السعر 90 ريال.", false},
		{"ar", "كبسولات تخسيس", "تركيبة عشبية خالية من الإفيدرين، 60 كبسولة. السعر 75 ريال.", false},
		{"ar", "شاي أعشاب للتخسيس", "منتج طبيعي بدون الإفيدرين ولا يحتوي على منشطات. للبيع، السعر 40 ريال.", false},
		{"ar", "مشروب طاقة", "لا تحتوي على الإفيدرين. عبوة 250 مل، السعر 12 ريال.", false},
		{"ar", "حبوب حرق الدهون", "خالٍ تماماً من الإيفيدرين، 90 قرص. السعر 60 ريال.", false},
		{"fa", "مکمل لاغری گیاهی", "عاری از افدرین، ۶۰ کپسول. قیمت ۹۰۰ هزار تومان.", false},
		{"ur", "وزن کم کرنے کی گولیاں", "قدرتی فارمولا، ایفیڈرین سے پاک۔ برائے فروخت، 1500 روپے۔", false},
		{"ur", "توانائی کیپسول", "ایفیڈرین کے بغیر، 60 کیپسول۔ برائے فروخت، 1200 روپے۔", false},
		{"he", "תוסף הרזיה טבעי", "ללא האפדרין, 60 כמוסות. מחיר 89 ש\"ח.", false},
		{"he", "תוסף אנרגיה", "המוצר אינו מכיל אפדרין. למכירה, מחיר 79 ש\"ח.", false},
		// The cue negates something else; ephedrine is offered.
		{"ar", "إفيدرين هيدروكلوريد 99%", "الإفيدرين نقي 99%، 1 كغ، بدون وصفة طبية.", true},
		{"ar", "بيع الإفيدرين", "نبيع الإفيدرين بدون أوراق، 500 غرام.", true},
		{"he", "אפדרין 99% 1 ק\"ג", "אפדרין טהור, ללא מרשם, 1 ק\"ג.", true},
	})
}
