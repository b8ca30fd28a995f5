package matchers

import "testing"

// TestGap78aLocalNames: substances named in the rarely seen languages and
// scripts of held-out 78 (Uyghur, Sindhi, Dhivehi, Assamese, Belarusian,
// Kannada, Malayalam, Dari, Papiamento, Esperanto, Latvian, Tatar; yf0023,
// yf0142, yf0123, yf0134, yf0106, yf0135, yf0087, yf0102, yf0169, yf0172,
// yf0182, yf0060), written in other words than the listings, with the
// look-alikes that must stay no name: another acid, salt or tincture of
// each language.
func TestGap78aLocalNames(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"ئېفېدرىن 500 گرام", "", []string{"ephedrine"}},
		{"ايفيڊرين 1 ڪلو", "", []string{"ephedrine"}},
		{"ٽولوئين 200 ليٽر", "", []string{"toluene"}},
		{"އެފެޑްރިން 1 ކިލޯ", "", []string{"ephedrine"}},
		// Assamese writes r with ৰ, which folds as Bengali র does.
		{"এফেড্ৰিন ৫০০ গ্ৰাম", "", []string{"ephedrine"}},
		{"ছিউডোএফেড্ৰিন ১ কিলো", "", []string{"pseudoephedrine"}},
		// Belarusian: the adjective of a two-word name declines (-ы, -ага, -ым).
		{"Ацэтон 20 л", "", []string{"acetone"}},
		{"Талуол 200 л", "", []string{"toluene"}},
		{"Прадам 200 л воцатнага ангідрыду", "", []string{"acetic-anhydride"}},
		{"Бочка з воцатным ангідрыдам", "", []string{"acetic-anhydride"}},
		{"Воцатная кіслата 1 л", "", nil},
		{"Марганцовакіслы калій 1 кг", "", []string{"potassium-permanganate"}},
		{"1 кг марганцовакіслага калію", "", []string{"potassium-permanganate"}},
		{"Хларысты калій 1 кг", "", nil},
		{"ಅಸಿಟೋನ್ 20 ಲೀಟರ್", "", []string{"acetone"}},
		{"അസെറ്റോൺ 20 ലിറ്റർ", "", []string{"acetone"}},
		{"انهیدرید استیک ۲۰۰ لیتر", "", []string{"acetic-anhydride"}},
		{"اسید استیک ۲۰۰ لیتر", "", nil},
		{"Permanganato di potasio 1 kg", "", []string{"potassium-permanganate"}},
		{"Klorido di potasio 1 kg", "", nil},
		{"Joda tinkturo 30 ml", "", []string{"iodine"}},
		{"Arnika tinkturo 30 ml", "", nil},
		{"BMK glicidskābe 1 kg", "", []string{"bmk-glycidic-acid"}},
		{"1 kg BMK glicidskābes", "", []string{"bmk-glycidic-acid"}},
		{"Citronskābe 1 kg", "", nil},
	})
}

// TestGap78aGlycidates: "BMK glycidic acid" and "new BMK" in Kannada,
// Tatar, Belarusian and Malayalam, and "PMK glycidate" in Dari script, are
// the glycidate, not P-2-P or PMK beside it (yf0045, yf0072, yf0141,
// yf0065); a bare BMK or PMK with a chemical context stays the ketone.
func TestGap78aGlycidates(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"BMK ಗ್ಲೈಸಿಡಿಕ್ ಆಸಿಡ್ 1 ಕೆಜಿ", "ಹೊಸ BMK, 99%", []string{"bmk-glycidic-acid"}},
		{"BMK глицид кислотасы 1 кг", "", []string{"bmk-glycidic-acid"}},
		{"BMK гліцыдная кіслата 1 кг", "Новы BMK, выхад 80%.", []string{"bmk-glycidic-acid"}},
		{"BMK ഗ്ലൈസിഡിക് ആസിഡ് 1 കിലോ", "", []string{"bmk-glycidic-acid"}},
		{"PMK гліцыдная кіслата 1 кг", "", []string{"pmk-glycidic-acid"}},
		{"پی ام کی گلیسیدات ۱ کیلو", "", []string{"pmk-methyl-glycidate"}},
		{"BMK 1 кг, 99%", "", []string{"p-2-p"}},
	})
}

// TestGap78aNews: customs and police news in Belarusian and Papiamento name
// the seized chemical without offering it (yf0106, yf0172); the seller's
// own listing stays an offer.
func TestGap78aNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"be", "Мытнікі затрымалі 500 кг воцатнага ангідрыду", "Груз быў задэклараваны як фарба.", false},
		{"be", "Воцатны ангідрыд 200 л", "Дастаўка па ўсёй краіне. Telegram @aa_by", true},
		{"pap", "Polis a haña 1 ton di permanganato di potasio", "E kaso ta bou di investigashon.", false},
		{"pap", "Permanganato di potasio 25 kg", "Tin na stock, WhatsApp.", true},
	})
}

// TestGap78aIndicators: wholesale, secret delivery, messenger and
// no-papers, no-licence or no-prescription words of Sindhi, Dhivehi,
// Malayalam, Kannada and Uyghur (yf0112, yf0123, yf0002, yf0044, yf0120,
// yf0151), and ampoule, piece and tablet counts (yf0064, yf0116), written
// in other words than the listings; the same products without them stay
// retail or a Table II chemical without an indicator.
func TestGap78aIndicators(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"sd", "ايفيڊرين 500 گرام", "ٿوڪ ۾ موجود.", true},
		{"sd", "ايفيڊرين", "واٽس ايپ تي رابطو ڪريو.", true},
		{"sd", "ٽولوئين 20 ليٽر", "ڳجهي ترسيل.", true},
		{"sd", "ٽولوئين 20 ليٽر", "ڪاغذن کانسواءِ.", true},
		{"sd", "ٽولوئين 20 ليٽر", "ڪارخانن لاءِ.", false},
		{"dv", "އެފެޑްރިން ޕައުޑަރު", "ޓެލެގްރާމް: @dv_lab", true},
		{"ml", "സൾഫ്യൂറിക് ആസിഡ് 35 ലിറ്റർ", "ലൈസൻസ് ഇല്ലാതെ വിൽക്കും.", true},
		{"ml", "സൾഫ്യൂറിക് ആസിഡ് 35 ലിറ്റർ", "ചോദ്യങ്ങളില്ല.", true},
		{"ml", "സൾഫ്യൂറിക് ആസിഡ് 35 ലിറ്റർ", "ബാറ്ററി കടകൾക്ക്.", false},
		{"kn", "ಎಫೆಡ್ರಿನ್ ಸಿರಪ್ 100 ml", "ಪ್ರಿಸ್ಕ್ರಿಪ್ಷನ್ ಇಲ್ಲದೆ.", true},
		{"kn", "ಎಫೆಡ್ರಿನ್ ಸಿರಪ್ 100 ml", "ಗೌಪ್ಯ ಡೆಲಿವರಿ.", true},
		{"kn", "ಎಫೆಡ್ರಿನ್ ಸಿರಪ್ 100 ml", "ಕೆಮ್ಮಿಗೆ.", false},
		{"ug", "ئېفېدرىن تابلېتكىسى", "توپ باھادا.", true},
		{"ug", "ئېفېدرىن تابلېتكىسى 50000 دانە", "", true},
		{"ug", "ئېفېدرىن تابلېتكىسى 20 دانە", "", false},
		{"ml", "Ergometrine injection 0.2mg", "5,000 ആംപ്യൂൾ.", true},
		{"ml", "Ergometrine injection 0.2mg", "10 ആംപ്യൂൾ.", false},
		{"ml", "Ergometrine injection 0.2mg", "മൊത്തവില.", true},
		{"as", "Pseudoephedrine 60mg টেবলেট", "২ লাখ পিচ।", true},
		{"as", "Pseudoephedrine 60mg টেবলেট", "১০ পিচ।", false},
	})
}

// TestGap78aUyghurNegation: the Uyghur names found, "none" after a name and
// the privative -سىز glued to it deny it (yf0198, which was right only while
// the name was unknown); a case ending and "none" said of something else
// leave the offer.
func TestGap78aUyghurNegation(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"زۇكامغا قارشى چاي، ئېفېدرىن يوق", "", nil},
		{"زۇكامغا قارشى چاي، ئېفېدرىنسىز", "", nil},
		{"ئېفېدرىننى 1 كىلو سېتىمىز", "", []string{"ephedrine"}},
		{"ئېفېدرىن 1 كىلو", "باشقا دورا يوق", []string{"ephedrine"}},
	})
}
