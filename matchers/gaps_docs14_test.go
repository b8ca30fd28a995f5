package matchers

import "testing"

// TestGapDocs14MongolianIndicators: the risk phrases of a Mongolian seller
// profile (document h14-mn-seller-profile-solvents-telegram): "бичиг
// баримтгүй, лицензгүй" (without documents or licence), "ямар зорилгоор
// авч байгааг асуухгүй" (no questions about the purpose), "гаалийн
// шалгалтгүйгээр" (without customs checks), "шошгогүй" (unlabelled) and
// "… гэж бичиж илгээнэ" (sent written as …). Before, the page was
// suspicious only for its Telegram and USDT. Twins: a plain offer and a
// seller who sends the invoice and documents stay unflagged.
func TestGapDocs14MongolianIndicators(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"mn", "Ацетон 20л, техникийн", "Цэвэр ацетон, 20 литрийн сав. Бүх барааг бичиг баримтгүй, лицензгүй худалдана.", true},
		{"mn", "Толуол 20л", "Толуол 99%, 20 литр. Ямар зорилгоор авч байгааг асуухгүй.", true},
		{"mn", "Хүхрийн хүчил 98% 35л", "Хятад руу гаалийн шалгалтгүйгээр хүргэж өгнө.", true},
		{"mn", "Давсны хүчил (HCl) 35% 30л", "Савыг шошгогүй, \"угаалгын бодис\" гэж бичиж илгээнэ.", true},
		// Twins.
		{"mn", "Ацетон 20л, техникийн", "Цэвэр ацетон, 20 литрийн сав. Улаанбаатар дотор хүргэнэ.", false},
		{"mn", "Толуол 20л", "Толуол 99%, 20 литр. Нэхэмжлэх, бичиг баримттай, лицензтэй компани.", false},
	})
}

// TestGapDocs14AmharicIndicators: the risk phrases of an Amharic
// classified (document h14-am-qefiralike-pseudoephedrine-cartons): "ያለ
// ሐኪም ማዘዣ እና ያለ ፈቃድ" (without prescription or licence), "ጥያቄ
// አንጠይቅም" (we ask no questions), "ያለ ጉምሩክ ችግር" (without customs
// trouble) and "በ"ቫይታሚን" ስም ታሽጎ" (packed under the name "vitamin").
// Before, the page was suspicious for its bulk, Telegram and the Latin
// name. Twins: a pharmacy's retail offer without them stays unflagged.
func TestGapDocs14AmharicIndicators(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"am", "Pseudoephedrine 60mg ታብሌት 10", "ያለ ሐኪም ማዘዣ እንሸጣለን።", true},
		{"am", "Pseudoephedrine 60mg ታብሌት 10", "ጥያቄ አንጠይቅም።", true},
		{"am", "Acetone 20 ሊትር", "ወደ ኬንያ ያለ ጉምሩክ ችግር እናደርሳለን።", true},
		{"am", "Acetone 20 ሊትር", "እቃው በ\"ቫይታሚን\" ስም ታሽጎ ይላካል።", true},
		// Twins.
		{"am", "Pseudoephedrine 60mg ታብሌት 10", "በፋርማሲ ይገኛል። አዲስ አበባ።", false},
		{"am", "Acetone 20 ሊትር", "ወደ ኬንያ በጉምሩክ ሰነዶች እንልካለን።", false},
	})
}

// TestGapDocs14AmharicPseudoephedrine: "ሱዶኤፌድሪን" (pseudoephedrine, as
// Sudafed is spoken, document h14-am-qefiralike-pseudoephedrine-cartons)
// names pseudoephedrine, not ephedrine (ኤፌድሪን, listed before, is its end
// but no word of its own there); the page was found only by its Latin
// name. Twin: ኤፌድሪን alone stays ephedrine.
func TestGapDocs14AmharicPseudoephedrine(t *testing.T) {
	runCAS(t, []casCase{
		{"ሱዶኤፌድሪን 60mg ታብሌት በካርቶን", "ሱዶኤፌድሪን ሃይድሮክሎራይድ 60 ሚ.ግ ታብሌቶችን በጅምላ እንሸጣለን።", []string{"90-82-4"}, []string{"299-42-3"}},
		{"ኤፌድሪን ሃይድሮክሎራይድ ዱቄት 1 ኪ.ግ", "ኤፌድሪን ዱቄት።", []string{"299-42-3"}, []string{"90-82-4"}},
	})
}
