package matchers

import "testing"

// TestGap74aLocalNames: the common Table I and II substances named in the
// rarely seen languages and scripts of held-out 74 (Sinhala, Sorani,
// Amharic, Tigrinya, Nepali, Khmer, Lao, Burmese, Yiddish, Pashto, Irish,
// Kurmanji, Turkmen, Macedonian, Malagasy, Cebuano, Icelandic, Haitian,
// Basque, Albanian, Tajik and Uzbek Cyrillic; yj0038, yj0085, yj0086, yj0106,
// yj0155, yj0006, yj0040, yj0007, yj0103, yj0156, yj0167, yj0043, yj0121,
// yj0003, yj0036, yj0057, yj0095, yj0149, yj0001, yj0071, yj0077, yj0079,
// yj0117, yj0127, yj0133, yj0170, yj0025, yj0160), written in other words
// than the listings, with the look-alikes that must stay no name: the bare
// word for "acid", "salt", "vinegar" or "sulphur" of each language, and
// another acid.
func TestGap74aLocalNames(t *testing.T) {
	runSubstances(t, []substanceCase{
		// Sinhala, with the zero-width joiner of the rakaransaya and without it.
		{"එෆෙඩ්‍රින් 500g", "", []string{"ephedrine"}},
		{"එෆෙඩ්රින් 500g", "", []string{"ephedrine"}},
		// Devanagari with a joiner or non-joiner after the virama (half forms).
		{"एफेड्‍रिन 500 ग्राम", "", []string{"ephedrine"}},
		{"एफेड्‌रिन 500 ग्राम", "", []string{"ephedrine"}},
		{"ඇසිටෝන් ලීටර් 20", "", []string{"acetone"}},
		{"සල්ෆියුරික් අම්ලය ලීටර් 5", "", []string{"sulphuric-acid"}},
		{"සිට්‍රික් අම්ලය ලීටර් 5", "", nil},
		// Sorani, with the -ی suffix.
		{"ئێفێدرین ٥٠٠ گرام", "", []string{"ephedrine"}},
		{"سیودۆئێفێدرینی پاک ٥ کیلۆ", "", []string{"pseudoephedrine"}},
		{"ئەسیتۆنەکە ٢٠ لیتر", "", []string{"acetone"}},
		{"ترشی سولفوریک ٢٠ لیتر", "", []string{"sulphuric-acid"}},
		{"ترشی خەیار ٢ کیلۆ", "", nil},
		// Amharic and Tigrinya, the vowel orders spelt by ear.
		{"ኢፌድሪን 500 ግራም", "", []string{"ephedrine"}},
		{"ፕሴዶኢፌድሪን 1 ኪሎ", "", []string{"pseudoephedrine"}},
		{"ፕሰውዶኤፈድሪን 1 ኪሎ", "", []string{"pseudoephedrine"}},
		{"ሰልፈሪክ አሲድ 20 ሊትር", "", []string{"sulphuric-acid"}},
		{"ሲትሪክ አሲድ 20 ሊትር", "", nil},
		// Nepali.
		{"पोटासियम परम्यांगनेट ५०० ग्राम", "", []string{"potassium-permanganate"}},
		// Khmer, Lao and Burmese, matched inside the unspaced line.
		{"លក់អាស៊ីតស៊ុលហ្វួរិក 20 លីត្រ", "", []string{"sulphuric-acid"}},
		{"លក់អាស៊ីតស៊ីទ្រិក 20 លីត្រ", "", nil},
		{"ប្រេងសាហ្វ្រូល 10 លីត្រ", "", []string{"safrole"}},
		{"ຂາຍອາເຊໂຕນ 5 ລິດ", "", []string{"acetone"}},
		{"ຂາຍກົດໝາຍ 5 ເຫຼັ້ມ", "", nil},
		{"ဆူဒိုအက်ဖီဒရင်း ၁ ကီလို", "", []string{"pseudoephedrine"}},
		{"အက်ဖီဒရင်း ၁ ကီလို", "", []string{"ephedrine"}},
		// Yiddish, pointed.
		{"אַצעטאָן 5 ליטער", "", []string{"acetone"}},
		{"פּסעוודאָעפעדרין 1 קילאָ", "", []string{"pseudoephedrine"}},
		// Pashto.
		{"افیډرین ۵۰۰ ګرامه", "", []string{"ephedrine"}},
		// Irish, with the h- of "le haigéad".
		{"Aigéad sulfarach 20 L", "", []string{"sulphuric-acid"}},
		{"Tacar le haigéad sulfarach 20 L", "", []string{"sulphuric-acid"}},
		{"Aigéad citreach 1 kg", "", nil},
		{"Aicéatón 5 L", "", []string{"acetone"}},
		// Kurmanji, Turkmen, Macedonian, Malagasy, Cebuano, Icelandic, Haitian.
		{"Asîda sulfurîk 20 lître", "", []string{"sulphuric-acid"}},
		{"Duz kislotasy 10 litr", "", []string{"hydrochloric-acid"}},
		{"Deňiz duzy 10 kg", "", nil},
		{"Сулфурна киселина 20 л", "", []string{"sulphuric-acid"}},
		{"Лимонска киселина 20 кг", "", nil},
		{"Asidra sulfirika 20 litatra", "", []string{"sulphuric-acid"}},
		{"Muriatic asido 4 galon", "", []string{"hydrochloric-acid"}},
		{"Brennisteinssýra 20 lítrar", "", []string{"sulphuric-acid"}},
		{"Fimm lítrar af brennisteinssýru", "", []string{"sulphuric-acid"}},
		{"Brennisteinn 1 kg", "", nil},
		{"Asid sulfirik 20 lit", "", []string{"sulphuric-acid"}},
		// Acetic anhydride: Basque, Albanian, Tajik with -ро, Uzbek Cyrillic with -ни.
		{"Anhidrido azetikoa 200 litro", "", []string{"acetic-anhydride"}},
		{"Anhidrid acetik 200 litra", "", []string{"acetic-anhydride"}},
		{"ангидриди сиркоро 200 литр", "", []string{"acetic-anhydride"}},
		{"Сиркои себ 2 литр", "", nil},
		{"сирка ангидридини 200 литр", "", []string{"acetic-anhydride"}},
		{"Олма сиркаси 2 литр", "", nil},
		// The longer name wins over the BMK inside it (yj0093), in Macedonian Cyrillic.
		{"BMK етил глицидат 1 кг", "", []string{"bmk-ethyl-glycidate"}},
		{"PMK метил глицидат 1 кг", "", []string{"pmk-methyl-glycidate"}},
		{"BMK масло 1 л", "", []string{"p-2-p"}},
	})
}

// TestGap74aMoreNames: the other common precursors and reagents in the same
// languages (names added broadly, not only the listings' words): toluene,
// methyl ethyl ketone, P-2-P, red phosphorus and safrole, with the bare
// element or colour word that stays no name.
func TestGap74aMoreNames(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"ቶሉዊን 200 ሊትር", "", []string{"toluene"}},
		{"តូលូអ៊ីន 200 លីត្រ", "", []string{"toluene"}},
		{"Tolúéin 200 L", "", []string{"toluene"}},
		{"Метил етил кетон 200 л", "", []string{"methyl-ethyl-ketone"}},
		{"Fenilaceton 1 L", "", []string{"p-2-p"}},
		{"Ffosfforws coch 100g", "", []string{"red-phosphorus"}},
		{"Ffosfforws 100g", "", nil},
		{"Fosfor i kuq 100 g", "", []string{"red-phosphorus"}},
		{"ቀይ ፎስፎረስ 100 ግራም", "", []string{"red-phosphorus"}},
		{"ቀይ ወይን 1 ሊትር", "", nil},
		{"ሳፍሮል 1 ሊትር", "", []string{"safrole"}},
		{"Asîda hîdroklorîk 20 lître", "", []string{"hydrochloric-acid"}},
		{"Anhîdrîda asetîk 200 lître", "", []string{"acetic-anhydride"}},
	})
}
