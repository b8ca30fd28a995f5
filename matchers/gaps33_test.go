package matchers

import "testing"

// TestGap33Indicators: single risk indicators worded as heldout33 found them
// missed, each beside an innocent twin: coca-paste processing (zb0002,
// zb0100), making a reagent at home (zb0015), a recipe for the reduction
// (zb0056), extracting step by step (zb0150), a neutral parcel (zb0098),
// guaranteed customs clearance in Chinese (zb0116), goods declared or
// shipped under another quoted name (zb0046, zb0087), a vet prescription
// denied (zb0111), and OTC sale wording in a pharmacy (zb0130).
func TestGap33Indicators(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "Ácido sulfúrico 98% por tambor", "Ideal para la extracción de pasta base de coca. Tambores de 200 L.", true},
		{"es", "Ácido sulfúrico 98% por tambor", "Ideal para baterías y tratamiento de aguas. Tambores de 200 L.", false},
		{"tr", "Aseton 30 L bidon", "Koka macunu yıkama için ideal.", true},
		{"en", "Acetone 30 L drum", "Ideal for coca paste washing.", true},
		{"en", "Acetone 30 L drum", "Ideal for paint and resin cleaning.", false},
		{"es", "Yodo en cristales 100 g", "Te digo cómo hacer el ácido yodhídrico en casa.", true},
		{"en", "Iodine crystals 100 g", "I tell you how to make hydriodic acid at home.", true},
		{"es", "Yodo en cristales 100 g", "Para desinfección en casa.", false},
		{"de", "Hypophosphorige Säure 50 % – 1 L", "Das Rezept für die Reduktion liegt jeder Bestellung bei.", true},
		{"de", "Hypophosphorige Säure 50 % – 1 L", "Sicherheitsdatenblatt liegt jeder Bestellung bei.", false},
		{"es", "Pastillas de seudoefedrina 120 mg x 50", "Ideales para extraer y convertir, te mando el método paso a paso.", true},
		{"en", "Pseudoephedrine tablets 120 mg x 50", "Extract and convert, I send the method step by step.", true},
		{"es", "Pastillas de seudoefedrina 120 mg x 50", "Alivio de la congestión nasal.", false},
		{"fr", "Acide chlorhydrique 37 % – 10 L", "Colis neutre et discret.", true},
		{"es", "Ácido clorhídrico 37 % – 10 L", "Paquete neutro, sin mención del producto.", true},
		{"fr", "Acide chlorhydrique 37 % – 10 L", "Colis standard avec étiquetage de danger.", false},
		{"zh", "麻黄碱滴鼻液 10ml", "正品滴鼻液，可发马来西亚、泰国，保证清关。", true},
		{"zh", "麻黄碱滴鼻液 10ml", "正品滴鼻液，药店发货。", false},
		{"fr", "Acétone 99 % – fût de 200 L", "Nous déclarons la marchandise comme « diluant pour peinture ».", true},
		{"en", "Acetone 99% – 200 L drum", "We declare the goods as 'paint thinner' on the papers.", true},
		{"fr", "Acétone 99 % – fût de 200 L", "Nous déclarons la marchandise comme « liquide inflammable, classe 3 ».", false},
		{"nl", "Efedrine tabletten 50 mg – 30 stuks", "Worden verstuurd met het etiket 'multivitamine' op het potje.", true},
		{"en", "Ephedrine tablets 50 mg – 30 count", "Shipped with the label 'multivitamin' on the jar.", true},
		{"nl", "Efedrine tabletten 50 mg – 30 stuks", "Geleverd in de originele verpakking.", false},
		{"en", "Proin (phenylpropanolamine) 50 mg chewables – 60 ct", "No vet prescription required, buy as many as you like.", true},
		{"en", "Proin (phenylpropanolamine) 50 mg chewables – 60 ct", "Vet prescription required.", false},
		{"pt", "Descongestionante com pseudoefedrina – caixa 12 comprimidos", "Venda sem receita, mas sob orientação do farmacêutico; limite de 1 caixa por CPF.", false},
		{"pt", "Descongestionante com pseudoefedrina – caixa 12 comprimidos", "Enviamos sem receita e sem perguntas.", true},
	})
}

// TestGap33DeniedSticker: stickers denied on the parcel ("no hazard stickers
// visible from the outside", heldout33 zb0081) are stealth packaging, not a
// sticker product; a sticker sold still names a product that is not the
// substance.
func TestGap33DeniedSticker(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Acetone 20 L jerrycan", "Pure acetone. Shipped in plain brown outer box with no company name and no hazard stickers visible from the outside.", true},
		{"en", "Acetone molecule stickers, pack of 10", "Vinyl stickers with the acetone structure, no company name and no logo on the parcel.", false},
	})
}

// TestGap33NotificationChannel: a messenger named among a shop's
// notification channels (heldout33 zb0094) is a feature, not a contact; a
// messenger to order through stays one.
func TestGap33NotificationChannel(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Sudafed (pseudoephedrine) – 24 tabs, order tracking via WhatsApp", "Get order-status notifications by e-mail, SMS or WhatsApp – choose in your account settings.", false},
		{"de", "Sudafed (Pseudoephedrin) 24 Tabletten", "Benachrichtigungen per E-Mail, SMS oder WhatsApp.", false},
		{"en", "Sudafed (pseudoephedrine) – 24 tabs", "Order via WhatsApp, no questions.", true},
		{"en", "Sudafed (pseudoephedrine) – 24 tabs", "Orders through WhatsApp only.", true},
	})
}

// TestGap33ReportedIndicators: news and regulator notices quoting indicator
// words (heldout33 zb0075 "Investigators said the sellers advertised on
// Telegram", zb0004 a Polish pharmaceutical inspector's notice) report them;
// the same words in a seller's offer stay indicators.
func TestGap33ReportedIndicators(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Customs seize 300 kg of ephedrine declared as glucose powder", "The sellers advertised on Telegram and accepted only Bitcoin, investigators said.", false},
		{"pl", "Ograniczenia sprzedaży leków z pseudoefedryną", "Główny Inspektor Farmaceutyczny: ogłoszenia na Telegramie oferujące leki 'bez recepty' zgłaszaj do GIF.", false},
		{"en", "Ephedrine HCl 1 kg", "Declared as glucose powder. Telegram @ephe_lab, Bitcoin only.", true},
		{"pl", "Sudafed (pseudoefedryna) 24 tabletki", "Bez recepty, kontakt na Telegramie.", true},
	})
}
