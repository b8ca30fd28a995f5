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

// TestGap22BanQuestion: a question whether a ban or the rules apply to
// someone, and an explainer of what the law says, are report words in the
// main languages, as the legality questions ("is it legal", "ist es
// legal") were (heldout22 w0071: "Does the pond permanganate ban apply to
// gardeners? … Here is what the rules say"), and the English "ban" is no
// offer word (the Vietnamese "bán", sell, folds to it). A shop that
// answers such a question beside its price and delivery stays an offer.
func TestGap22BanQuestion(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Is potassium permanganate banned for pond keepers?", "Potassium permanganate is a listed precursor, yet garden shops still sell it. What the law says, in short.", false},
		{"de", "Gilt das Verbot für Kaliumpermanganat auch für Teichbesitzer?", "Gartencenter verkaufen Kaliumpermanganat weiterhin. Was das Gesetz sagt.", false},
		{"fr", "L'interdiction du permanganate de potassium s'applique-t-elle aux jardiniers ?", "Les jardineries continuent de vendre du permanganate de potassium. Ce que dit la loi.", false},
		{"es", "¿Se aplica la prohibición del permanganato de potasio a los jardineros?", "Los viveros siguen con la venta de permanganato de potasio. Lo que dice la ley.", false},
		{"it", "Il divieto del permanganato di potassio vale anche per i giardinieri?", "Il permanganato di potassio è ancora in vendita nei garden center. Cosa dice la legge.", false},
		{"pt", "A proibição do permanganato de potássio se aplica aos jardineiros?", "O permanganato de potássio ainda está à venda em lojas de jardinagem. O que diz a lei.", false},
		{"nl", "Geldt het verbod op kaliumpermanganaat ook voor tuiniers?", "De verkoop van kaliumpermanganaat in tuincentra gaat door. Wat de wet zegt.", false},
		{"pl", "Czy zakaz dotyczy nadmanganianu potasu do oczek wodnych?", "Sprzedaż nadmanganianu potasu w sklepach ogrodniczych trwa. Co mówi prawo.", false},
		{"ru", "Распространяется ли запрет на перманганат калия на садоводов?", "Продажа перманганата калия в садовых центрах продолжается. Что говорит закон.", false},
		{"tr", "Potasyum permanganat yasağı bahçıvanları kapsıyor mu?", "Potasyum permanganat bahçe marketlerinde hâlâ satılık. Kanun ne diyor?", false},
		// "ban" is no offer word: folded, the Vietnamese "bán" (sell) read as one.
		{"en", "Does the permanganate ban apply to pond keepers?", "Potassium permanganate is a Table I precursor, yet hardware shops still sell it. Here is what the law says.", false},
		// Offers that answer the question, and a Vietnamese offer.
		{"vi", "Bán kali pemanganat 1 kg", "Cần bán kali pemanganat 99%, 1 kg, giao hàng toàn quốc.", true},
		{"en", "Potassium permanganate 500 g for ponds", "Is it banned? Not for pond use. In stock, 9 EUR, we ship across the EU.", true},
		{"de", "Kaliumpermanganat 1 kg für Teiche", "Ist das verboten? Nicht für Teichbesitzer. Preis 15 EUR, Versand in ganz Deutschland.", true},
	})
}

// TestGap22GlycidateWordOrders: the ester names of BMK and PMK glycidate
// written with the ester word first, as an adjective or as "ester of …"
// in pl, nl, de, cs, sk, ru, uk, tr, sv, fi, hu, ro, hr name that ester
// alone, not the bare BMK (P-2-P) or PMK as a second substance (heldout22
// w0165 "Glicydan etylowy PMK", w0218 "ethylglycidaat van BMK"); the group
// phrase "PMK glycidate esters" names the group of other esters (no CAS),
// not the methyl ester that "PMK glycidate" names (w0171).
func TestGap22GlycidateWordOrders(t *testing.T) {
	m := mustMatcher(t)
	const (
		pmkEG, pmkMG = "28578-16-7", "13605-48-6"
		bmkEG, bmkMG = "41232-97-7", "80532-66-7"
	)
	for _, tc := range []struct {
		lang, text, want string
	}{
		{"pl", "Sprzedam glicydan etylowy PMK, olej, 500 g", pmkEG},
		{"pl", "PMK glicydan metylowy, proszek 1 kg", pmkMG},
		{"pl", "Glicydan etylowy BMK, 1 kg", bmkEG},
		{"pl", "ester metylowy kwasu glicydowego BMK, 1 kg", bmkMG},
		{"nl", "Het ethylglycidaat van BMK, 1 kg", bmkEG},
		{"nl", "methylglycidaat van PMK, 1 kg", pmkMG},
		{"nl", "ethylester van PMK-glycidezuur, 1 kg", pmkEG},
		{"de", "Ethylglycidat von BMK, 1 kg", bmkEG},
		{"de", "BMK-Glycidsäuremethylester, 1 kg", bmkMG},
		{"de", "Ethylester der PMK-Glycidsäure, 1 kg", pmkEG},
		{"cs", "ethylglycidát PMK, 1 kg", pmkEG},
		{"sk", "metylglycidát BMK, 1 kg", bmkMG},
		{"ru", "этилглицидат БМК, 1 кг", bmkEG},
		{"ru", "ПМК этилглицидат, 1 кг", pmkEG},
		{"ru", "этиловый эфир BMK-глицидной кислоты, 1 кг", bmkEG},
		{"uk", "етилгліцидат ПМК, 1 кг", pmkEG},
		{"tr", "BMK glisidik asit etil esteri, 1 kg", bmkEG},
		{"sv", "PMK-etylglycidat, 1 kg", pmkEG},
		{"fi", "BMK-etyyliglysidaatti, 1 kg", bmkEG},
		{"hu", "PMK-etil-glicidát, 1 kg", pmkEG},
		{"ro", "glicidat de etil BMK, 1 kg", bmkEG},
		{"hr", "etil glicidat PMK, 1 kg", pmkEG},
		// The group phrase: no CAS at all.
		{"en", "EU adds more PMK glycidate esters to the precursor list", ""},
		{"en", "Other BMK glycidate esters are controlled too", ""},
		{"de", "Auch PMK-Glycidatester sind erfasst", ""},
	} {
		got := casesOf(m, "", tc.text)
		var cas []string
		for _, c := range got {
			if c != "" {
				cas = append(cas, c)
			}
		}
		want := []string{}
		if tc.want != "" {
			want = []string{tc.want}
		}
		if len(cas) != len(want) || len(want) == 1 && cas[0] != want[0] {
			t.Errorf("[%s] %q: CAS %v, want %v", tc.lang, tc.text, cas, want)
		}
	}
}

// TestGap22ServiceNamesChemical: a listing whose title offers a service
// (consulting, engineering, training, disposal, analysis) names the
// chemicals it works with, not an offer of them (heldout22 w0191: water
// treatment consulting, "filters regenerated with potassium permanganate").
// The other direction: the chemical with a quantity, a purity, a sale or
// delivery word, or a risk indicator, or heading the title before the
// service, stays offered, whatever service the listing also names
// ("permanganate + delivery service").
func TestGap22ServiceNamesChemical(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Water treatment consulting – iron and manganese removal", "We design greensand filters regenerated with potassium permanganate for municipal plants. Ask for a quote.", false},
		{"en", "Lab chemical disposal for schools", "We collect and dispose of old potassium permanganate, ephedrine samples and acids. Request a quote.", false},
		{"en", "HAZMAT training: handling acetic anhydride safely", "One-day training for warehouse staff on storing acetic anhydride and potassium permanganate. Price 290 EUR per person.", false},
		{"de", "Beratung Wasseraufbereitung – Enteisenung", "Wir planen Filter, die mit Kaliumpermanganat regeneriert werden. Preis auf Anfrage.", false},
		{"fr", "Conseil en traitement de l'eau potable", "Nous concevons des filtres régénérés au permanganate de potassium. Prix sur demande.", false},
		{"es", "Consultoría en tratamiento de agua", "Diseñamos filtros regenerados con permanganato de potasio para municipios. Precio a consultar.", false},
		{"pl", "Doradztwo – uzdatnianie wody", "Projektujemy filtry regenerowane nadmanganianem potasu. Cena do uzgodnienia.", false},
		// Offers: the chemical itself, with a service beside it.
		{"en", "Potassium permanganate + delivery service", "KMnO4 for ponds, 1 kg tub. Delivery service to your door.", true},
		{"en", "Water treatment consulting and potassium permanganate supply", "We design filters and sell potassium permanganate in 25 kg drums.", true},
		{"en", "Potassium permanganate 99% – free consulting", "Potassium permanganate crystals 99%, ask for price.", true},
		{"en", "Potassium permanganate – consulting", "Contact us for price.", true},
		{"en", "Consulting: pseudoephedrine extraction", "We consult on pseudoephedrine extraction. No questions asked, Telegram @pse_help.", true},
		{"de", "Beratung und Lieferung: Kaliumpermanganat", "Kaliumpermanganat 25 kg, Lieferung deutschlandweit.", true},
	})
}
