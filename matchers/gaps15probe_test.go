package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap15SafeDelivery: "safe delivery to <country>" (the ticket policy's
// customs-evasion example) in ja id ms vi fa el cs hu ro sv, found missing
// by a probe of one sentence in 24 languages (session 15); the languages the
// lexicon had before are kept as the probe wrote them.
func TestGap15SafeDelivery(t *testing.T) {
	runIndCases(t, []indCase{
		{"Toluene 20L", "safe delivery to Australia guaranteed", "customs-evasion", true},
		{"Tolueno 20L", "entrega segura a Australia garantizada", "customs-evasion", true},
		{"Tolueno 20L", "entrega segura para a Austrália garantida", "customs-evasion", true},
		{"Toluène 20L", "livraison sûre en Australie garantie", "customs-evasion", true},
		{"Toluol 20L", "sichere Lieferung nach Australien garantiert", "customs-evasion", true},
		{"Toluene 20L", "consegna sicura in Australia garantita", "customs-evasion", true},
		{"Tolueen 20L", "veilige levering naar Australië gegarandeerd", "customs-evasion", true},
		{"Toluen 20L", "bezpieczna dostawa do Australii gwarantowana", "customs-evasion", true},
		{"Toluen 20L", "Avustralya'ya güvenli teslimat garantili", "customs-evasion", true},
		{"Толуол 20л", "безопасная доставка в Австралию гарантирована", "customs-evasion", true},
		{"Толуол 20л", "безпечна доставка до Австралії гарантована", "customs-evasion", true},
		{"甲苯 20升，保证安全送达澳大利亚", "", "customs-evasion", true},
		{"トルエン 20L、オーストラリアへの安全配送保証", "", "customs-evasion", true},
		{"톨루엔 20L", "호주까지 안전 배송 보장", "customs-evasion", true},
		{"Toluen 20L", "pengiriman aman ke Australia dijamin", "customs-evasion", true},
		{"Toluen 20L", "giao hàng an toàn đến Úc được đảm bảo", "customs-evasion", true},
		{"تولوين 20 لتر، توصيل آمن إلى أستراليا مضمون", "", "customs-evasion", true},
		{"تولوئن ۲۰ لیتر، ارسال امن به استرالیا تضمینی", "", "customs-evasion", true},
		{"Τολουόλιο 20L", "ασφαλής παράδοση στην Αυστραλία εγγυημένη", "customs-evasion", true},
		{"Toluen 20L", "bezpečné doručení do Austrálie zaručeno", "customs-evasion", true},
		{"Toluen 20L", "biztonságos szállítás Ausztráliába garantált", "customs-evasion", true},
		{"Toluen 20L", "livrare sigură în Australia garantată", "customs-evasion", true},
		{"Toluen 20L", "säker leverans till Australien garanterad", "customs-evasion", true},
		{"Toluen 20L", "penghantaran selamat ke Australia.", "customs-evasion", true},
		{"Toluen 20L", "sikker levering til Australia.", "customs-evasion", true},
		// Delivery said to be nationwide is domestic: no customs to evade.
		{"Acetone 20L drum", "Fast, safe delivery nationwide.", "customs-evasion", false},
		{"Acetone 1L nước rửa móng", "Giao hàng an toàn toàn quốc.", "customs-evasion", false},
		{"Aceton 20 L", "Sichere Lieferung bundesweit.", "customs-evasion", false},
		{"Aseton 1L", "Pengiriman aman ke seluruh Indonesia.", "customs-evasion", false},
		{"Ацетон 20 л", "Безопасная доставка по всей России.", "customs-evasion", false},
	})
}

// TestGap15SynthesisRecipe: "synthesis recipe included" in the languages
// that had only the English, French, Turkish, Czech and Romanian forms
// (session 15 probe), and "tech support for your reaction". A recipe word
// alone is no hint (Rezept, receta, рецепт also mean a prescription).
func TestGap15SynthesisRecipe(t *testing.T) {
	runIndCases(t, []indCase{
		{"Methylamine 40% 1L", "recipe included", "synthesis-hint", true},
		{"Methylamin 40 % 1 L", "Rezept zur Synthese inklusive", "synthesis-hint", true},
		{"Méthylamine 40 % 1 L", "recette de synthèse incluse", "synthesis-hint", true},
		{"Metilamina 40% 1L", "receta de síntesis incluida", "synthesis-hint", true},
		{"Metilamina 40% 1L", "ricetta di sintesi inclusa", "synthesis-hint", true},
		{"Metilamina 40% 1L", "receita de síntese incluída", "synthesis-hint", true},
		{"Methylamine 40% 1L", "syntheserecept inbegrepen", "synthesis-hint", true},
		{"Metyloamina 40% 1L", "przepis na syntezę w zestawie", "synthesis-hint", true},
		{"Metilamin %40 1L", "sentez tarifi dahil", "synthesis-hint", true},
		{"Метиламин 40% 1л", "рецепт синтеза прилагается", "synthesis-hint", true},
		{"Метиламін 40% 1л", "рецепт синтезу додається", "synthesis-hint", true},
		{"甲胺 40% 1升，附合成配方", "", "synthesis-hint", true},
		{"メチルアミン 40% 1L、合成レシピ付き", "", "synthesis-hint", true},
		{"메틸아민 40% 1L", "합성 레시피 포함", "synthesis-hint", true},
		{"Metylamin 40% 1L", "syntesrecept ingår", "synthesis-hint", true},
		{"Methylamin 40% 1L", "návod na syntézu přiložen", "synthesis-hint", true},
		{"Metilamin 40% 1L", "szintézis recept mellékelve", "synthesis-hint", true},
		{"Metilamină 40% 1L", "rețeta de sinteză inclusă", "synthesis-hint", true},
		{"Μεθυλαμίνη 40% 1L", "συνταγή σύνθεσης περιλαμβάνεται", "synthesis-hint", true},
		{"Metilamin 40% 1L", "resep sintesis disertakan", "synthesis-hint", true},
		{"ميثيل أمين 40% 1 لتر، وصفة التخليق مرفقة", "", "synthesis-hint", true},
		{"متیل آمین ۴۰٪ ۱ لیتر، دستور سنتز همراه", "", "synthesis-hint", true},
		{"Methylamine 40% 1L", "full instructions for cooking provided", "synthesis-hint", true},
		{"Methylamine 40% 1L", "tech support for your reaction", "synthesis-hint", true},
		{"Methylamine 40% 1L", "Tech support for your reaction.", "synthesis-hint", true},
		{"Pseudoephedrin 60 mg", "Nur mit Rezept.", "synthesis-hint", false},
		{"Псевдоэфедрин 60 мг", "Отпускается по рецепту.", "synthesis-hint", false},
	})
}

// TestGap15Mislabelling: "declared as" in sv cs el and zh "以…名义申报"
// (session 15 probe).
func TestGap15Mislabelling(t *testing.T) {
	runIndCases(t, []indCase{
		{"Safrol 1L", "Skickas deklarerad som eterisk olja.", "mislabelling", true},
		{"Safrol 1L", "Odesláno deklarované jako éterický olej.", "mislabelling", true},
		{"Σαφρόλη 1L", "Αποστέλλεται δηλωμένο ως αιθέριο έλαιο.", "mislabelling", true},
		{"黄樟素 1升", "以精油名义申报发货。", "mislabelling", true},
		{"Safrol 1L", "Skickas med faktura och säkerhetsdatablad.", "mislabelling", false},
	})
}

// TestGap15ReplacedBy: a reformulated medicine names the substance it no
// longer contains ("new formula: pseudoephedrine replaced by phenylephrine");
// a seller replacing a damaged parcel negates nothing (session 15 probe).
func TestGap15ReplacedBy(t *testing.T) {
	runNegCases(t, []negCase{
		{"Cold relief tablets 500 pcs wholesale", "New formula: pseudoephedrine replaced by phenylephrine.", "pseudoephedrine", true},
		{"Grippetabletten 500 Stück", "Neue Formel: Pseudoephedrin ersetzt durch Phenylephrin.", "pseudoephedrine", true},
		{"Comprimés rhume 500 pcs", "Nouvelle formule : pseudoéphédrine remplacée par phényléphrine.", "pseudoephedrine", true},
		{"Antigripal 500 uds", "Nueva fórmula: pseudoefedrina reemplazada por fenilefrina.", "pseudoephedrine", true},
		{"Таблетки от простуды 500 шт", "Новая формула: псевдоэфедрин заменен на фенилэфрин.", "pseudoephedrine", true},
		{"Ephedrine HCl 1 kg", "Ephedrine HCl 99%, bags replaced by the seller if damaged.", "ephedrine", false},
	})
}

// TestGap15MorphemeCut: a chemistry name typed apart after a morpheme
// ("methyl amine", "nitro ethane", "metil amina", "benz aldehyde", "hydro
// chloric acid"), any list (session 15 probe; Table I names had their
// one-space cuts already). Di- and trimethylamine typed apart stay out.
func TestGap15MorphemeCut(t *testing.T) {
	runNegCases(t, []negCase{
		{"Methyl amine 40% 1L", "Telegram @x", "methylamine", false},
		{"Metil amina 40% 1L", "Telegram @x", "methylamine", false},
		{"Nitro ethane 1L", "Telegram @x", "nitroethane", false},
		{"Benz aldehyde 1L", "Telegram @x", "benzaldehyde", false},
		{"Hydro chloric acid 20L", "Telegram @x", "hydrochloric-acid", false},
	})
	m := mustMatcher(t)
	for _, text := range []string{"Di methyl amine 40% 1L", "Dimethyl amine 40% 1L", "Tri methyl amine 25%"} {
		res := m.Match(&precwatch.Listing{Title: text, Description: "Telegram @x"})
		for _, s := range res.Substances {
			if s.ID == "methylamine" {
				t.Errorf("Match(%q): methylamine found, want none", text)
			}
		}
	}
}

// TestGap15IndicatorDenied: a shop that refuses a channel or a payment
// ("No Telegram or WhatsApp orders", "No aceptamos bitcoin", "Bitcoin kabul
// etmiyoruz") names no indicator; a bare "no" runs on through "or", not
// through a comma ("No WhatsApp, Telegram only"), and "bitcoin only" after
// refused bank transfers stays (session 15 probe).
func TestGap15IndicatorDenied(t *testing.T) {
	runIndCases(t, []indCase{
		{"Acetone 20L drum", "No Telegram or WhatsApp orders.", "messenger-contact", false},
		{"Aceton 20 L", "Kein Telegram oder WhatsApp.", "messenger-contact", false},
		{"Acetone 20L drum", "No WhatsApp, Telegram only.", "messenger-contact", true},
		{"Acetona 20 L", "No aceptamos bitcoin.", "crypto-payment", false},
		{"Acetona 20 L", "No se acepta bitcoin.", "crypto-payment", false},
		{"Acétone 20 L", "Nous n'acceptons pas les cryptomonnaies.", "crypto-payment", false},
		{"Aceton 20 L", "Wir akzeptieren keine Kryptowährungen.", "crypto-payment", false},
		{"Aseton 20 L", "Bitcoin kabul etmiyoruz.", "crypto-payment", false},
		{"Acetona 20 L", "Pago solo en bitcoin.", "crypto-payment", true},
		{"Acetone 20L", "We accept no bank transfers, bitcoin only.", "crypto-payment", true},
	})
}
