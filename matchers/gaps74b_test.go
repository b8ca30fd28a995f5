package matchers

import "testing"

// TestGap74bNegation: "without / has no" in the rarely seen languages of
// held-out 74 denies the name after it (Zulu "ayinayo i-", Kurmanji "bê",
// Igbo "enweghị … ma ọ bụ …", Welsh "heb", Hausa "ba tare da" and "mara")
// or before it (Basque "-rik gabe"); the same names offered stay offers,
// English "be" without the circumflex among them.
func TestGap74bNegation(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"Umuthi wemikhuhlane – ayinayo i-pseudoephedrine", "Amaphilisi angu-20.", nil},
		{"Umuthi wemikhuhlane", "Amaphilisi anayo i-pseudoephedrine 60 mg.", []string{"pseudoephedrine"}},
		{"Dermanê serma – bê efedrîn", "Heban ji bo serma.", nil},
		{"Efedrîn 1 kg", "Efedrîn HCl, to be ephedrine base on request.", []string{"ephedrine"}},
		{"Ọgwụ ụkwara", "Ọgwụ ụkwara maka ụmụaka, enweghị ephedrine ma ọ bụ pseudoephedrine. 100ml.", nil},
		{"Ọgwụ ụkwara", "Ọgwụ ụkwara nwere pseudoephedrine. 100ml.", []string{"pseudoephedrine"}},
		{"Hotzeriarako pilulak, efedrinarik gabe", "Efedrinarik gabeko formula.", nil},
		{"Efedrina 1 kg", "Efedrina hautsa, % 99.", []string{"ephedrine"}},
		{"Gwaredwr farnais ewinedd heb aseton", "Heb aseton, 150 ml.", nil},
		{"Aseton 1 litr", "Aseton pur, 1 litr.", []string{"acetone"}},
		{"Mai cire fentin farce – ba tare da acetone ba", "Mai cire fentin farce mara acetone. 100 ml.", nil},
		{"Acetone 5 lita", "Ana sayar da acetone, 5 lita.", []string{"acetone"}},
	})
}

// TestGap74bWholesale: a medicine with a Table I substance sold wholesale
// ("jumlad", "bl-ingrossa", "me shumicë", "ຂາຍສົ່ງ") or by the hundred
// boxes and cartons in the languages of held-out 74 is bulk (heldout74
// yj0005, yj0050, yj0123, yj0151); one box or carton stays retail.
func TestGap74bWholesale(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"so", "Kaniini hargab pseudoephedrine 60mg – jumlad", "Iibka jumladda kaliya.", true},
		{"so", "Kaniini hargab pseudoephedrine 60mg", "1 kartoon, $ 9.", false},
		{"mt", "Efedrina pilloli bl-ingrossa", "Efedrina 30 mg. Bejgħ bl-ingrossa biss.", true},
		{"mt", "Efedrina pilloli", "Efedrina 30 mg, 500 kaxxa ta' 100 pillola.", true},
		{"mt", "Efedrina pilloli", "Efedrina 30 mg, kaxxa ta' 20 pillola.", false},
		{"sq", "Pseudoefedrinë tableta me shumicë", "Vetëm shitje me shumicë.", true},
		{"sq", "Pseudoefedrinë tableta", "1 kuti × 20 tableta pseudoefedrinë 60 mg.", false},
		{"lo", "ຂາຍສົ່ງ ຢາ Pseudoephedrine 60mg", "ຂາຍສົ່ງເທົ່ານັ້ນ.", true},
		{"lo", "ຢາ Pseudoephedrine 60mg", "1 ກັບ, 10 ເມັດ.", false},
		{"km", "ថ្នាំ Pseudoephedrine 60mg", "200 ប្រអប់, លក់ដុំ។", true},
	})
}

// TestGap74bIndicators: risk indicators worded in the languages of held-out
// 74 (Kyrgyz customs pass, Tajik "бе ҳуҷҷат" and "крипто", Welsh "dim
// cwestiynau" and "pecyn cudd", Pashto "بې اسنادو" and "واټساپ") make a Table
// II substance or a surveillance reagent suspicious (heldout74 yj0131,
// yj0158, yj0032, yj0096); the same offers without them stay plain.
func TestGap74bIndicators(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ky", "Ацетон 30 л сатылат – Орусияга бажыдан өтүшү кепилденет", "Ацетон 99,5%.", true},
		{"ky", "Ацетон 30 л сатылат", "Ацетон 99,5%. Бишкек боюнча жеткирүү.", false},
		{"tg", "Метиламин 40% 5 л", "Метиламин, бе ҳуҷҷат, пардохт танҳо бо крипто.", true},
		{"tg", "Метиламин 40% 5 л", "Метиламин, бо ҳуҷҷатҳо, пардохт бо корт.", false},
		{"cy", "Ffosfforws coch 250g", "Ffosfforws coch (red phosphorus), dim cwestiynau, pecyn cudd.", true},
		{"cy", "Ffosfforws coch 250g", "Ffosfforws coch (red phosphorus) ar gyfer labordy ysgol.", false},
		{"ps", "اسیټون ۲۰ لیټره", "پاک اسیټون (acetone)، بې اسنادو. واټساپ: ۰۷۰۰۵۵۵۰۱۲", true},
		{"ps", "اسیټون ۲۰ لیټره", "پاک اسیټون (acetone) د لابراتوار لپاره.", false},
		{"ps", "د سرکې انهایډراید (acetic anhydride) ۲۰۰ لیټره ډرم خرڅیږي", "پاک انهایډراید، بې اسنادو. واټساپ: ۰۷۰۰۵۵۵۰۱۲", true},
	})
}

// TestGap74bRetailMedicine: a cold medicine named in Tajik or Khmer ("Доруи
// зуком", "ҳаб", "ថ្នាំផ្តាសាយ") with pseudoephedrine, one box, is a retail
// medicine, not the Table I chemical (heldout74 yj0099, yj0119); the
// substance as a kilo of powder stays a Table I offer.
func TestGap74bRetailMedicine(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"tg", "Доруи зуком бо псевдоэфедрин – 1 қуттӣ", "Ҳабҳо барои зуком ва гирифтагии бинӣ. 10 ҳаб. Нарх: 35 сомонӣ, тел. +992 92 555 0101.", false},
		{"tg", "Псевдоэфедрин 1 кг", "Псевдоэфедрин HCl, 99%, хока.", true},
		{"km", "ថ្នាំផ្តាសាយ មាន Pseudoephedrine ១ប្រអប់", "ថ្នាំបំបាត់ការតឹងច្រមុះ ១០ គ្រាប់។ 2 USD, tel. +855 12 555 010", false},
		{"km", "Pseudoephedrine 1 kg", "ម្សៅ Pseudoephedrine HCl 99%។", true},
		{"zu", "Amaphilisi emikhuhlane ane-pseudoephedrine", "Amaphilisi angu-20. R 89, +27 82 555 0101.", false},
	})
}

// TestGap74bNews: seizure and regulator news in Maltese, Mongolian, Quechua,
// Azerbaijani, Hausa, Guarani, Yoruba and Georgian names substances without
// offering them, also where it quotes an indicator or a use (heldout74
// yj0052, yj0065, yj0066, yj0073, yj0110, yj0135, yj0140, yj0162); a seller's
// offer of the same substance in the same language stays one.
func TestGap74bNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"mt", "Il-Pulizija sabet 400 kg ta' BMK fil-Port Ħieles", "Is-sustanza kimika, magħrufa bħala P2P, tintuża biex issir l-amfetamina.", false},
		{"mt", "BMK 1 kg", "P2P 99%, kunsinna malajr. Telegram @bmk_malta", true},
		{"mn", "Гаалийн ерөнхий газар 120 кг псевдоэфедрин хураан авлаа", "Хятадаас импортолж буй ачаанд псевдоэфедриныг 'хүнсний нэмэлт' гэж мэдүүлсэн байжээ.", false},
		{"qu", "VRAEM llaqtapi policía 3 tonelada insumo químico hapirqan", "Policíam hapirqan acetona, ácido sulfúrico, permanganato de potasio ima, cocaína rurana wasipi.", false},
		{"az", "Dövlət Gömrük Komitəsi 3 ton sirkə anhidridini saxladı", "Yük 'avtomobil yağı' kimi bəyan edilmişdi.", false},
		{"ha", "NDLEA ta kama ganguna 40 na acetic anhydride a tashar jirgin ruwa ta Apapa", "Hukumar NDLEA ta ce an boye gangunan ne a matsayin 'man inji' (declared as motor oil).", false},
		{"ha", "Acetic anhydride 200 lita", "Ana sayar da acetic anhydride, ba sai da takarda ba. WhatsApp +234 803 555 0101", true},
		{"gn", "Policía ojagarra 500 kilo cocaína ha ácido clorhídrico", "Policía Nacional ojagarra Canindeyúpe laboratorio oguerekóva ácido clorhídrico.", false},
		{"yo", "NAFDAC kìlọ̀ nípa títà oògùn ephedrine àti pseudoephedrine láìsí ìwé dókítà", "Àjọ NAFDAC ti kéde pé àwọn ilé-ìtajà oògùn tí wọ́n bá ń ta ephedrine láìsí ìwé (no prescription) yóò jẹ́ ìyà.", false},
		{"ka", "შსს-მ 50 კგ ფსევდოეფედრინი ამოიღო", "შინაგან საქმეთა სამინისტრომ ნარკოტიკების დასამზადებლად განკუთვნილი ფსევდოეფედრინი ამოიღო.", false},
		{"ka", "ფსევდოეფედრინი 1 კგ", "ფსევდოეფედრინი HCl 99%, ტელეგრამი @pse_ge", true},
	})
}

// TestGap74bIndicatorsKnownName: the indicators of heldout74 listings whose
// local substance name is fix74a's (Irish "Seachadadh discréideach", Khmer
// secret packing, Amharic "በቴሌግራም"), checked with a name the watchlist
// already has (yj0006, yj0155, yj0086); plain delivery stays plain.
func TestGap74bIndicatorsKnownName(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ga", "Sulphuric acid 98% – 5 L", "Seachadadh discréideach. € 45", true},
		{"ga", "Sulphuric acid 98% – 5 L", "Seachadadh go tapa. € 45", false},
		{"km", "Sulphuric acid 98% 25 លីត្រ", "វេចខ្ចប់សម្ងាត់ មិនសរសេរឈ្មោះលើកញ្ចប់។ $ 90", true},
		{"km", "Sulphuric acid 98% 25 លីត្រ", "ដឹកជញ្ជូនរហ័ស។ $ 90", false},
		{"am", "Acetone 20 ሊትር", "ንፁህ Acetone ለሽያጭ። በቴሌግራም ያግኙን @addis_chem", true},
		{"am", "Acetone 20 ሊትር", "ንፁህ Acetone ለሽያጭ። ብር 3,000", false},
	})
}

// TestGap74bShortCues: the short "without" words read next to a name only
// (Albanian "pa", Haitian "san", Galician "sen", Irish "gan", Welsh "dim",
// Kurmanji "tune" after); the same names after "me", "ak", "con", in an
// English sentence or after a place name stay offers.
func TestGap74bShortCues(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"Shurup kolle pa efedrinë", "Shurup për fëmijë.", nil},
		{"Shurup kolle me efedrinë", "Shurup për fëmijë.", []string{"ephedrine"}},
		{"Dissolvan san asetòn", "Pou zong, 100 ml.", nil},
		{"Dissolvan ak asetòn", "Pou zong, 100 ml.", []string{"acetone"}},
		{"Xarope sen efedrina", "Para nenos.", nil},
		{"Leigheas slaghdáin gan ephedrine", "20 táibléad.", nil},
		{"Moddion annwyd dim pseudoephedrine", "20 tabled.", nil},
		{"Dermanê serma", "Efedrîn tune.", nil},
		{"Acetone 5 L", "Acetone for the dim room darkroom kit, 5 L.", []string{"acetone"}},
		{"Acetone 20 L", "Warehouse in San Jose. Acetone tune-up cleaner for engines.", []string{"acetone"}},
	})
}

// TestGap74bItalianMa: the Igbo "ma ọ bụ" (or) is read from the original
// text; the folded "ma" is Italian "but", which sets the second name
// against the denied first one.
func TestGap74bItalianMa(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"Ọgwụ ụkwara", "Enweghị ephedrine ma ọ bụ pseudoephedrine.", nil},
		{"Sciroppo per la tosse", "Senza efedrina ma pseudoefedrina 30 mg.", []string{"pseudoephedrine"}},
	})
}
