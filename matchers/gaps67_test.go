package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// The gap tests of round fix67 (held-out 67: the mislabelling and
// synthesis-hint indicators and their innocent neighbours, in 33
// languages). Each case reuses runGap56 with a Table II solvent, which is
// suspicious only with a risk indicator. See WATCHLIST-NOTES.md § 67.

// acetone67 is a Table II listing whose description is d.
func acetone67(d string) precwatch.Listing {
	return precwatch.Listing{Title: "Acetone 99% 20 L drum", Description: d}
}

// TestGap67VerbFinal: "as" before the false name and the declaring verb
// after it (yq0096 "als Reinigungsmittel deklariert", yq0037 "با عنوان کود
// اظهار می‌شود"), the verb first with its object between ("Wir deklarieren
// die Ware als …"), and Hungarian "-ként" glued to the noun (yq0090). A
// dangerous-goods class, a lawful manner or a past report clears it.
func TestGap67VerbFinal(t *testing.T) {
	runGap56(t, []gap56Case{
		{"de participle", acetone67("Aceton technisch, als Reinigungsmittel deklariert."), true, nil},
		{"de verb first", acetone67("Wir deklarieren die Ware als Reinigungsmittel."), true, nil},
		{"de verzollt", acetone67("Wird als Dünger verzollt."), true, nil},
		{"fa", acetone67("استون، در گمرک با عنوان کود اظهار می‌شود."), true, nil},
		{"fa we", acetone67("به عنوان کود اظهار می‌کنیم."), true, nil},
		{"hu glued", acetone67("Aceton, tisztítószerként deklarálva."), true, nil},
		{"hu glued we", acetone67("Műtrágyaként vámkezeljük."), true, nil},
		{"de dangerous goods twin", acetone67("Als Gefahrgut deklariert (UN1090, Klasse 3)."), false, nil},
		{"de report twin", acetone67("Der Zoll meldet, dass Sendungen als Reinigungsmittel deklariert wurden."), false, nil},
		{"hu dangerous goods twin", acetone67("Veszélyes áruként deklarálva (UN1090)."), false, nil},
		{"fa tariff twin", acetone67("اظهار گمرکی با کد تعرفه ۲۹۱۴۱۱ انجام می‌شود."), false, nil},
	})
}

// TestGap67Inflected: "declared as" in the feminine and plural
// participles and the passive and "we process it as" forms that were
// missing (the probe of one sentence in 40 languages).
func TestGap67Inflected(t *testing.T) {
	runGap56(t, []gap56Case{
		{"fr", acetone67("Acétone, déclarée comme engrais à la douane."), true, nil},
		{"fr pronoun", acetone67("On la déclare en douane comme produit de nettoyage."), true, nil},
		{"es", acetone67("Acetona, declarada como fertilizante en la aduana."), true, nil},
		{"es pronoun", acetone67("La declaramos en aduana como producto de limpieza."), true, nil},
		{"ru", acetone67("Ацетон, декларируется как удобрение на таможне."), true, nil},
		{"ru oform", acetone67("Оформляем как удобрение."), true, nil},
		{"uk", acetone67("Ацетон, декларується як добриво на митниці."), true, nil},
		{"tr", acetone67("Gübre olarak deklare edilir."), true, nil},
		{"sr cyrillic", acetone67("Ацетон, декларисано као ђубриво."), true, nil},
		{"ar glued", acetone67("أسيتون، يصرح به كسماد في الجمارك."), true, nil},
		{"he glued", acetone67("אנחנו מצהירים עליו כדשן."), true, nil},
		{"ja", acetone67("肥料として通関します。"), true, nil},
		{"ko glued", acetone67("비료로 신고"), true, nil},
		{"zh", acetone67("丙酮，可按清洗剂品名报关。"), true, nil},
		{"ko lawful twin", acetone67("정식으로 신고합니다."), false, nil},
		{"zh actual twin", acetone67("按实际品名报关。"), false, nil},
		{"es law twin", acetone67("La declaramos como exige la ley."), false, nil},
	})
}

// TestGap67OtherName: a changed name on the invoice and a different HS
// code or name, in many languages (yq0090 "más név a számlán", yq0096
// "andere Bezeichnung auf der Rechnung"). A company name on the invoice
// and "also known under another name" are no false name.
func TestGap67OtherName(t *testing.T) {
	runGap56(t, []gap56Case{
		{"de", acetone67("Wir ändern den Namen auf der Rechnung."), true, nil},
		{"de bezeichnung", acetone67("Andere Bezeichnung auf der Rechnung möglich."), true, nil},
		{"ru", acetone67("Меняем название в инвойсе."), true, nil},
		{"fa", acetone67("نام کالا در فاکتور را تغییر می‌دهیم."), true, nil},
		{"he", acetone67("משנים את השם בחשבונית."), true, nil},
		{"pt", acetone67("Mudamos o nome na nota fiscal."), true, nil},
		{"hu", acetone67("Más név a számlán."), true, nil},
		{"tr", acetone67("Faturada farklı isim yazıyoruz."), true, nil},
		{"en hs", acetone67("Shipped under a different HS code."), true, nil},
		{"de hs", acetone67("Versand unter einer anderen Zolltarifnummer."), true, nil},
		{"pl hs", acetone67("Wysyłka pod innym kodem celnym."), true, nil},
		{"company twin", acetone67("We can change the name on the invoice to your company name."), false, nil},
		{"fr synonym twin", acetone67("Aussi connu sous un autre nom : diméthylcétone."), false, nil},
		{"de synonym twin", acetone67("Auch unter anderem Namen bekannt: Dimethylketon."), false, nil},
	})
}

// TestGap67Paperwork: paperwork "as per" a code, a regulation or the
// order (yq0088 "Customs declaration as per HS 2914.12"), a dangerous-goods
// class in more languages, the product's own grade (yq0063 "Food grade
// benzaldehyde … Labelled as food additive") and the phrase quoted by a
// report (heldout29 l0145 « déclarés comme ») are no mislabel.
func TestGap67Paperwork(t *testing.T) {
	runGap56(t, []gap56Case{
		{"as per hs", acetone67("Customs declaration as per HS 2914.11, invoice as per your PO."), false, nil},
		{"as per regs", acetone67("Declared as per the regulations."), false, nil},
		{"as per osha", acetone67("Labelled as per OSHA HazCom."), false, nil},
		{"it dg", acetone67("Dichiarato come merce pericolosa classe 3."), false, nil},
		{"pl dg", acetone67("Deklarowany jako towar niebezpieczny klasy 3."), false, nil},
		{"tr dg", acetone67("Tehlikeli madde olarak beyan edilir, sınıf 3."), false, nil},
		{"el dg", acetone67("Δηλώνεται ως επικίνδυνο φορτίο κλάσης 3."), false, nil},
		{"sv dg", acetone67("Deklareras som farligt gods klass 3."), false, nil},
		{"food grade", precwatch.Listing{Title: "Benzaldehyde FCC, natural-identical, 1 kg",
			Description: "Food grade benzaldehyde (almond flavour). Labelled as food additive / flavouring FL 05.013."}, false, nil},
		{"cited", precwatch.Listing{Title: "Rapport : acétone détournée",
			Description: "Le rapport signale que l'acétone est souvent « déclarée comme » produit de nettoyage."}, false, nil},
		// Twins: the same phrases with a false name stay indicators.
		{"food twin", acetone67("Declared as food additive at customs."), true, nil},
		{"it twin", acetone67("Dichiarato come fertilizzante in dogana."), true, nil},
		{"en twin", acetone67("Declared as fertiliser per customs form."), true, nil},
	})
}

// benzaldehyde67 is a surveillance-reagent listing whose description is d.
func benzaldehyde67(d string) precwatch.Listing {
	return precwatch.Listing{Title: "Benzaldehyde 99% 1 kg", Description: d}
}

// TestGap67SynthesisHint: the probe of "synthesis instructions included",
// "high conversion yield, tech support" and "suitable for the next step"
// in 33 languages: a conversion word with a yield or support word, the
// precursor "suitable for the next step", synthesis instructions in the
// words that were missing. Unit, currency and price conversion, a CRO's
// route optimisation and a fertiliser plant's yield are no hint.
func TestGap67SynthesisHint(t *testing.T) {
	runGap56(t, []gap56Case{
		{"de yield", benzaldehyde67("Hohe Ausbeute bei der Umwandlung, technischer Support."), true, nil},
		{"ar yield", benzaldehyde67("مردود تحويل عالي، دعم فني للتحويل."), true, nil},
		{"uk support", benzaldehyde67("Високий вихід при конверсії, техпідтримка."), true, nil},
		{"vi yield", benzaldehyde67("Hiệu suất chuyển hóa cao, hỗ trợ kỹ thuật."), true, nil},
		{"ko yield", benzaldehyde67("높은 전환 수율, 기술 지원."), true, nil},
		{"en next step", benzaldehyde67("Suitable for the next step, write-up provided."), true, nil},
		{"it next step", benzaldehyde67("Adatto al passaggio successivo, procedura inclusa."), true, nil},
		{"he next step", benzaldehyde67("מתאים לשלב הבא, מתכון מצורף."), true, nil},
		{"de instructions", benzaldehyde67("Syntheseanleitung liegt bei."), true, nil},
		{"hi instructions", benzaldehyde67("संश्लेषण निर्देश शामिल हैं।"), true, nil},
		{"th instructions", benzaldehyde67("มีคู่มือการสังเคราะห์ให้"), true, nil},
		{"ja recipe", benzaldehyde67("次のステップに最適、レシピ付き。"), true, nil},
		{"es units twin", precwatch.Listing{Title: "Acetone 99% 20 L", Description: "Acetona para laboratorio. Conversión de unidades incluida, soporte técnico al cliente."}, false, nil},
		{"price twin", precwatch.Listing{Title: "Toluene 99% 200 L", Description: "Price conversion to EUR on request; technical support by phone."}, false, nil},
		{"cro twin", precwatch.Listing{Title: "Acetone 99% 20 L", Description: "Our CRO supports your project: conversion of route to GMP, yield optimisation. Acetone used as solvent."}, false, nil},
		{"fertiliser twin", precwatch.Listing{Title: "Sulfuric acid 98% 1000 L", Description: "Battery acid. High yield in fertiliser production."}, false, nil},
		{"cart twin", precwatch.Listing{Title: "Acetone 99% 1 L", Description: "Next step: add to cart and choose delivery."}, false, nil},
	})
}

// TestGap67ClauseTwins: an own frame's two parts stand in one clause
// ("Verwendung als Reinigungsmittel, UN1090 deklariert" is no "als …
// deklariert"); a private label and a Vietnamese customs declaration
// ("khai báo hải quan", which holds the customs promise "bao hải quan") are
// proper paperwork; "в документах проходит как" is a false name.
func TestGap67ClauseTwins(t *testing.T) {
	runGap56(t, []gap56Case{
		{"de comma twin", acetone67("Verwendung als Reinigungsmittel, UN1090 deklariert."), false, nil},
		{"de verzollt twin", acetone67("Als Verdünner geeignet, verzollt und versteuert."), false, nil},
		{"private label twin", acetone67("We change the name on the label to your brand (private label)."), false, nil},
		// A brand word is a block word of the shared mislabelling frame
		// blocks only in English: French "marqué" (marked) is no "marque".
		{"fr marked", acetone67("Sur la facture, ce sera marqué 'parfum d'ambiance'."), true, nil},
		{"vi declaration twin", acetone67("Khai báo hải quan đầy đủ, mã HS 2914.11."), false, nil},
		{"vi declared as", acetone67("Khai báo hải quan là chất tẩy rửa."), true, nil},
		{"ru documents", acetone67("Ацетон — в документах проходит как растворитель краски."), true, nil},
		{"conversion comma", benzaldehyde67("BMK route: conversion, yield 80% with nitroethane."), true, nil},
	})
}
