package matchers

import "testing"

// TestGap36Names: native names of watched substances in languages beyond
// the main nine (heldout36 ze0010 cs, ze0049 el, ze0079 sr, ze0081 fi,
// ze0083 mn, ze0086 id, ze0150 id, ze0023 vi, ze0064 bn), each with a look-
// alike that names something else.
func TestGap36Names(t *testing.T) {
	runCAS(t, []casCase{
		{"Červený fosfor 250 g", "Čistota 99 %.", []string{"7723-14-0"}, nil},
		{"Červený lak na nehty", "Lak 15 ml, fosforově zářivý.", nil, []string{"7723-14-0"}},
		{"Πωλείται κόκκινος φώσφορος 100 g", "Και ιώδιο 50 g.", []string{"7723-14-0", "7553-56-2"}, nil},
		{"Κόκκινο κρασί 750 ml", "Ξηρό κρασί.", nil, []string{"7723-14-0"}},
		{"Zaplenjeno 300 kg anhidrida sirćetne kiseline", "Kamion je zaustavljen.", []string{"108-24-7"}, nil},
		{"Sirćetna kiselina 80%", "Za domaćinstvo.", nil, []string{"108-24-7"}},
		{"1,4-butaanidiolia 5 litraa", "Puhtaus 99 %.", []string{"110-63-4"}, nil},
		{"1,3-butaanidiolia 5 litraa", "Puhtaus 99 %.", nil, []string{"110-63-4"}},
		{"Хүхрийн хүчил 20 л", "98%.", []string{"7664-93-9"}, nil},
		{"Хүхэр 25 кг", "Бордоо.", nil, []string{"7664-93-9"}},
		{"2-bromo-4'-metilpropiofenon 500 gr", "Kemurnian 99%.", []string{"1451-82-7"}, []string{"5337-93-9"}},
		{"4'-metilpropiofenon 1 kg", "Kemurnian 99%.", nil, []string{"1451-82-7"}},
		{"Yodium kristal 100 gr", "Kemurnian 99,8%.", []string{"7553-56-2"}, nil},
		{"Garam beryodium 1 kg", "Garam dapur.", nil, []string{"7553-56-2"}},
		{"Tinh dầu xá xị can 5 lít", "Nguyên chất.", []string{"94-59-7"}, nil},
		{"Xá xị Chương Dương thùng 24 lon", "Nước ngọt có ga.", nil, []string{"94-59-7"}},
		{"সিউডোএফেড্রিন ট্যাবলেট", "৬০ মিগ্রা।", []string{"90-82-4"}, []string{"299-42-3"}},
		{"এফেড্রিন পাউডার", "১০০ গ্রাম।", []string{"299-42-3"}, nil},
	})
}

// TestGap36SpacingMark: a name glued after an Indic spacing vowel sign (Mc)
// starts inside a word ("সিউডো|এফেড্রিন", heldout36 ze0064): "सूडोएफेड्रिन",
// an unlisted spelling of pseudoephedrine, names no ephedrine.
func TestGap36SpacingMark(t *testing.T) {
	runCAS(t, []casCase{
		{"सूडोएफेड्रिन टैबलेट", "60 मि.ग्रा.", nil, []string{"299-42-3"}},
		{"एफेड्रिन पाउडर", "100 ग्राम", []string{"299-42-3"}, nil},
	})
}

// TestGap36Tatweel: the Arabic tatweel (kashida) stretches a word without
// changing it ("الفـــوسفور الأحـــمر", heldout36 ze0178); a word with
// tatweel that is no watched name stays none.
func TestGap36Tatweel(t *testing.T) {
	if got, want := Normalize("الفـــوسفور").String(), Normalize("الفوسفور").String(); got != want {
		t.Errorf("Normalize with tatweel = %q, want %q", got, want)
	}
	runCAS(t, []casCase{
		{"الفـــوسفور الأحـــمر 1 كغ", "نقي.", []string{"7723-14-0"}, nil},
		{"فوسفـــات الأمونيوم 25 كغ", "سماد.", nil, []string{"7723-14-0"}},
	})
}

// TestGap36ThaiMarks: Thai vowel and tone marks tell words apart ("ข่าว"
// news, "ขาว" white): "ผงขาว" (white powder) in an offer is no report word
// (heldout36 ze0094); a Thai news item still is one.
func TestGap36ThaiMarks(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"th", "PMK ethyl glycidate ผงขาว 1 กก.", "PMK ethyl glycidate ผงขาว ส่งออสเตรเลีย ผ่านศุลกากร 100%", true},
		{"th", "ข่าว: ตำรวจยึด PMK ethyl glycidate 1 ตัน", "ข่าว ตำรวจจับกุมผู้ต้องหาสองราย", false},
	})
}

// TestGap36DOI: "doi" is a research cue only as a DOI ("DOI: 10.…");
// folded Vietnamese "chuyển đổi" (convert) and Romanian "doi" (two) are no
// report words (heldout36 ze0067).
func TestGap36DOI(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"vi", "BMK methyl glycidate (CAS 80532-66-7) hàng có sẵn", "BMK methyl glycidate có sẵn kho, hướng dẫn chuyển đổi sang P2P hiệu suất cao.", true},
		{"en", "Impurity profiling of BMK methyl glycidate seized in Europe", "Abstract. We analysed twelve samples of BMK methyl glycidate by GC-MS. DOI: 10.1000/xyz123.", false},
	})
}

// TestGap36ReportWords: customs and police news in Indonesian, Arabic,
// Ukrainian, Uzbek and Serbian (heldout36 ze0024, ze0075, ze0045, ze0167,
// ze0079) reports;
// an offer in the same language stays one.
func TestGap36ReportWords(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"id", "Bea Cukai gagalkan penyelundupan efedrin", "Petugas menggagalkan penyelundupan 20 kg efedrin yang dikemas sebagai kopi.", false},
		{"id", "Efedrin 1 kg ready stok", "Efedrin murni, kirim ke Malaysia dijamin lolos bea cukai.", true},
		{"ar", "الجمارك تحبط تهريب 50 كغ من الإيفيدرين", "أعلنت الجمارك إحباط محاولة تهريب 50 كغ من الإيفيدرين.", false},
		{"ar", "الإيفيدرين 1 كغ للبيع", "الإيفيدرين نقي، التواصل عبر تيليجرام.", true},
		{"uk", "Кіберполіція заблокувала Telegram-канал з прекурсорами", "Кіберполіція заблокувала канал, через який продавали метиламін і червоний фосфор.", false},
		{"uk", "Червоний фосфор 100 г", "Червоний фосфор, пишіть у Telegram, анонімна доставка.", true},
		{"uz", "Bojxona xodimlari 1 tonna sirka angidridini aniqladi", "Yuk mashinasidan 1 tonna sirka angidridi topildi.", false},
		{"uz", "Sirka angidridi 200 litr", "Sirka angidridi sotiladi, narxi kelishiladi.", true},
		{"sr", "Uprava carina zaplenila 200 kg anhidrida sirćetne kiseline", "Carinici su pronašli 200 kg anhidrida sirćetne kiseline u kamionu.", false},
		{"sr", "Anhidrid sirćetne kiseline 20 l", "Prodajem anhidrid sirćetne kiseline, dostava bez papira.", true},
	})
}

// TestGap36OfferWords: offer, bulk, delivery and mislabelling words in
// Amharic, Kazakh, Ukrainian and Swahili (heldout36 ze0039, ze0062, ze0155,
// ze0126); the same substances named without an offer stay reports.
func TestGap36OfferWords(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"am", "Pseudoephedrine ታብሌት በጅምላ ይሸጣል", "Pseudoephedrine 60mg ታብሌት በጅምላ ይሸጣል።", true},
		{"kk", "BMK глицидат натрий тұзы (CAS 5449-12-7)", "BMK глицидат натрий тұзы, Қазақстан бойынша жеткізу.", true},
		{"uk", "PMK етилгліцидат (CAS 28578-16-7)", "PMK етилгліцидат в наявності, допомога з конверсією.", true},
		{"sw", "Acetone drum lita 200", "Acetone drum lita 200. Tunaweza kuandika 'thinner' kwenye hati za forodha.", true},
		{"sw", "Acetone lita 5", "Acetone safi kwa kuondoa rangi ya kucha, inauzwa.", false},
	})
}

// TestGap36WheelCleaner: "fälgrengöring" (wheel cleaner), the trade cover of
// GBL, is chemical context for the acronym (heldout36 ze0113); GBL as
// another acronym stays out.
func TestGap36WheelCleaner(t *testing.T) {
	runCAS(t, []casCase{
		{"GBL fälgrengöring 1 L", "Diskret frakt, inga frågor.", []string{"96-48-0"}, nil},
		{"GBL bankkonto", "Great British League, säsong 2026.", nil, []string{"96-48-0"}},
	})
}

// TestGap36SplitSyllables: a name cut into syllables, by hyphens in
// Devanagari ("ए-फे-ड्रि-न", heldout36 ze0021; the vowel sign "ि" before a
// hyphen is part of its letter) or by spaces in Thai, which writes words
// without spaces ("อี เฟ ด รีน", ze0139), is the name; hyphenated or
// spaced words that make no name stay none.
func TestGap36SplitSyllables(t *testing.T) {
	runCAS(t, []casCase{
		{"ए-फे-ड्रि-न पाउडर 1 किलो", "शुद्ध।", []string{"299-42-3"}, nil},
		{"ए-वन क्वालिटी चा-य पत्ती", "1 किलो।", nil, []string{"299-42-3"}},
		{"อี เฟ ด รีน ผง 100 กรัม", "ของแท้", []string{"299-42-3"}, nil},
		{"ขาย ผ้า ไหม ไทย แท้", "ราคา ถูก ส่ง ฟรี", nil, []string{"299-42-3"}},
	})
}
