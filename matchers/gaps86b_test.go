package matchers

import "testing"

// TestGap86bNegation: "without / -free / does not contain / has none" in the
// big under-covered languages of held-out 86, before the name (ps "بې له",
// ha "ba tare da … ba", "ba shi da", yo "láìsí", "kò sí", sw "isiyo na", so
// "aan lahayn", "kuma jiro") or after it (mr "विरहित", "नाही", am "የሌለው",
// "የለውም", ur "سے پاک", "نہیں ہے", gu "વિનાની", "નથી", te "లేని", "లేదు", ta
// "இல்லாதது", "இல்லை") denies it (heldout86 xx0005, xx0018, xx0029, xx0033,
// xx0034, xx0066, xx0082, xx0095, xx0124, xx0137, xx0145); the same names
// offered stay offers.
func TestGap86bNegation(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"د زکام شربت بې له افیډرین", "په دې شربت کې افیډرین نشته.", nil},
		{"د زکام شربت افیډرین لري", "په دې شربت کې افیډرین شته.", []string{"ephedrine"}},
		{"Daawada hargabka oo aan lahayn ephedrine", "Daawadan kuma jiro ephedrine.", nil},
		{"Daawada hargabka oo leh ephedrine", "Daawadan waxaa ku jira ephedrine.", []string{"ephedrine"}},
		{"सर्दी-खोकल्यासाठी सिरप (एफेड्रिन विरहित)", "या सिरपमध्ये एफेड्रिन नाही. १०० मिली.", nil},
		{"सर्दी-खोकल्यासाठी सिरप (एफेड्रिन युक्त)", "या सिरपमध्ये एफेड्रिन आहे. १०० मिली.", []string{"ephedrine"}},
		{"የጉንፋን ሽሮፕ ኤፌድሪን የሌለው", "ይህ ሽሮፕ ኤፌድሪን የለውም።", nil},
		{"የጉንፋን ሽሮፕ ኤፌድሪን ያለው", "ይህ ሽሮፕ ኤፌድሪን አለው።", []string{"ephedrine"}},
		{"Dawa ya mafua isiyo na ephedrine", "Dawa hii haina ephedrine.", nil},
		{"Dawa ya mafua yenye ephedrine", "Dawa hii ina ephedrine.", []string{"ephedrine"}},
		{"Maganin mura ba tare da ephedrine ba", "Wannan magani ba shi da ephedrine.", nil},
		{"Maganin mura mai ephedrine", "Wannan magani yana da ephedrine.", []string{"ephedrine"}},
		{"نزلہ زکام کی گولیاں (ایفیڈرین سے پاک)", "ان گولیوں میں ایفیڈرین نہیں ہے۔", nil},
		{"نزلہ زکام کی گولیاں (ایفیڈرین والی)", "ان گولیوں میں ایفیڈرین ہے۔", []string{"ephedrine"}},
		{"Oògùn otútù láìsí ephedrine", "Kò sí ephedrine nínú oògùn yìí.", nil},
		{"Oògùn otútù pẹ̀lú ephedrine", "Ephedrine wà nínú oògùn yìí.", []string{"ephedrine"}},
		{"ఎఫెడ్రిన్ లేని దగ్గు సిరప్", "ఇందులో ఎఫెడ్రిన్ లేదు. 100 ml సీసా.", nil},
		{"ఎఫెడ్రిన్ ఉన్న దగ్గు సిరప్", "ఇందులో ఎఫెడ్రిన్ ఉంది. 100 ml సీసా.", []string{"ephedrine"}},
		{"એફેડ્રિન વિનાની વજન ઘટાડાની ગોળી", "આ ઉત્પાદનમાં એફેડ્રિન નથી, કુદરતી ગ્રીન ટી અર્ક.", nil},
		{"એફેડ્રિન વાળી વજન ઘટાડાની ગોળી", "આ ઉત્પાદનમાં એફેડ્રિન છે.", []string{"ephedrine"}},
		{"சளி மாத்திரை – சூடோஎஃபெட்ரின் இல்லாதது", "இந்த மாத்திரையில் சூடோஎஃபெட்ரின் இல்லை. 10 மாத்திரைகள்.", nil},
		{"சளி மாத்திரை – சூடோஎஃபெட்ரின் உள்ளது", "இந்த மாத்திரையில் சூடோஎஃபெட்ரின் உள்ளது. 10 மாத்திரைகள்.", []string{"pseudoephedrine"}},
	})
}

// TestGap86bNews: seizure news in Urdu ("برآمد کی", "مقدمہ درج کر لیا",
// "کسٹمز حکام") and Kurmanji ("Asayîş … girt", "hatibû desteserkirin")
// names what the police or customs found, it offers nothing (heldout86
// xx0035, xx0077); a seller's offer of the same substance in those
// languages stays suspicious, an Urdu export offer ("برآمد کے لیے") among
// them.
func TestGap86bNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ur", "طورخم پر 60 کلو ایفیڈرین برآمد", "کسٹمز حکام نے ٹرک سے ایفیڈرین برآمد کی جو 'نمک' ظاہر کی گئی تھی۔ اے این ایف نے مقدمہ درج کر لیا۔", false},
		{"ur", "ایفیڈرین 60 کلو برائے فروخت", "خالص ایفیڈرین، برآمد کے لیے دستیاب۔ واٹس ایپ کریں۔", true},
		{"ur", "پولیس نے 20 کلو ایفیڈرین قبضے میں لے لی", "ملزم گرفتار، مقدمہ درج۔", false},
		{"ku", "Asayîş 40 kîlo ephedrine girt", "Li deriyê sînor ephedrine wek 'xwê' hatibû nîşandan.", false},
		{"ku", "Ephedrine 40 kîlo tê firotin", "Ephedrine paqij, bi WhatsApp re têkilî daynin.", true},
		{"ku", "Polîsan 10 kîlo pseudoephedrine desteser kir", "Du kes hatin girtin.", false},
	})
}

// TestGap86bNegationTwins: the after cues of fix86b ("नाही", "નથી",
// "இல்லை", "نہیں", "లేదు") deny only the name right before them: a seller
// who says there is no bill or no licence after the quantity still offers
// the Table I chemical.
func TestGap86bNegationTwins(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"mr", "एफेड्रिन पावडर १ किलो", "एफेड्रिन पावडर १ किलो, बिल नाही.", true},
		{"gu", "એફેડ્રિન પાવડર 1 કિલો", "એફેડ્રિન પાવડર 1 કિલો, બિલ નથી.", true},
		{"ta", "எஃபெட்ரின் பவுடர் 1 கிலோ", "எஃபெட்ரின் பவுடர் 1 கிலோ, பில் இல்லை.", true},
		{"ur", "ایفیڈرین پاؤڈر 1 کلو", "ایفیڈرین پاؤڈر 1 کلو، بل نہیں۔", true},
		{"te", "ఎఫెడ్రిన్ పౌడర్ 1 కిలో", "ఎఫెడ్రిన్ పౌడర్ 1 కిలో, బిల్లు లేదు.", true},
	})
}

// TestGap86bNegationShort: Swahili "bila" (without) and Hausa "babu" (there
// is no) right before a name, and Somali "kuma jirto" (is not in it) after
// one, deny it; read only next to a name, "babu matsala" (no problem) and a
// Swahili offer "yenye" (with) leave the offer standing.
func TestGap86bNegationShort(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"Dawa ya kikohozi bila ephedrine", "Dawa ya kikohozi, chupa 100 ml.", nil},
		{"Dawa ya kikohozi yenye ephedrine", "Dawa ya kikohozi, chupa 100 ml.", []string{"ephedrine"}},
		{"Maganin tari", "Babu ephedrine a ciki.", nil},
		{"Maganin tari, ephedrine 1 kg", "Babu matsala, ephedrine 1 kg.", []string{"ephedrine"}},
		{"Daawo qufac", "Ephedrine kuma jirto.", nil},
		{"Daawo qufac", "Ephedrine waa ku jirtaa.", []string{"ephedrine"}},
	})
}
